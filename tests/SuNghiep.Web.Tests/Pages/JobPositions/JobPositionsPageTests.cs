using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SuNghiep.Web.Tests.Api.JobPositions;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Pages.JobPositions;

/// <summary>A unit's job positions page: the approval form, the list in force on a date with the 65% rule, export and print.</summary>
public sealed class JobPositionsPageTests(AppHosts hosts)
{
    private static async Task<(SuNghiepApp App, HttpClient Admin, int Id, PageSession Session)> UnitAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT")).With("areaCode", "00004"));
        return (app, admin, unit.Id, await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword));
    }

    private static Dictionary<string, string> Row(int i, string name, string group, string people, string? title = null, string? code = null) => new()
    {
        [$"Input.Positions[{i}].Name"] = name, [$"Input.Positions[{i}].Group"] = group, [$"Input.Positions[{i}].People"] = people,
        [$"Input.Positions[{i}].TitleName"] = title ?? "", [$"Input.Positions[{i}].TitleCode"] = code ?? "",
    };

    private static Dictionary<string, string> Form(string number, string date, params Dictionary<string, string>[] rows)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = number, ["Input.DecisionDate"] = date, ["Input.DecisionIssuer"] = "Ủy ban nhân dân thành phố Cần Thơ",
        };
        foreach (var (k, v) in rows.SelectMany(r => r))
        {
            values[k] = v;
        }

        return values;
    }

    [Theory, DatabaseData]
    public async Task Post_FormWithABlankRowBetween_SavesTheRowsAndShowsTheDecreesWarning(DatabaseProvider provider)
    {
        var (_, admin, id, session) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var _session = session;
        var (_, page) = await session.GetAsync($"/units/{id}/job-positions");
        // 1 + 9 + 1 professional-side people of 1 + 9 + 1 + 6 = 10 of 17 = 58.82%, under 65%. Row 3 of the form is left blank.
        var values = Form("30/QĐ-UBND", "15/03/2025",
            Row(0, "Giám đốc", "leadership", "1"), Row(1, "Bác sĩ", "professional", "9", "Bác sĩ", "V.08.01.03"),
            Row(3, "Kế toán", "sharedProfessional", "1", "Kế toán viên", "06.031"), Row(4, "Bảo vệ, lái xe", "support", "6"));

        using var response = await session.PostFormAsync($"/units/{id}/job-positions", page.QuerySelector("#approval-form")!, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, saved) = await session.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("30/QĐ-UBND", saved.QuerySelector("[data-testid=job-positions-saved]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("10/17 người (58,82%)", saved.QuerySelector("[data-testid=job-positions-warnings]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Điều 3 khoản 5", saved.QuerySelector("[data-testid=job-positions-share-warning]")!.TextContent, StringComparison.Ordinal);
        var rows = saved.QuerySelectorAll("[data-testid=job-positions-table] tbody tr");
        Assert.Equal(["Giám đốc", "Bác sĩ", "Kế toán", "Bảo vệ, lái xe"], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal("17", saved.QuerySelector("[data-total=total]")!.TextContent.Trim());
        Assert.Equal("58,82%", saved.QuerySelector("[data-total=share]")!.TextContent.Trim());
        var api = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions");
        Assert.Equal("V.08.01.03", api.GetProperty("positions")[1].GetProperty("titleCode").GetString());
        Assert.Equal(4, api.GetProperty("positions").GetArrayLength());
    }

    [Theory, DatabaseData]
    public async Task Post_BadRow_400WithTheMessageOnTheFormsOwnRow(DatabaseProvider provider)
    {
        var (_, admin, id, session) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var _session = session;
        var (_, page) = await session.GetAsync($"/units/{id}/job-positions");
        var values = Form("31/QĐ-UBND", "31/02/2025",
            Row(0, "Bác sĩ", "professional", "9", "Bác sĩ", "V.08.01.03"), Row(2, "Điều dưỡng", "professional", "mười", "Điều dưỡng", "V 08"));

        using var response = await session.PostFormAsync($"/units/{id}/job-positions", page.QuerySelector("#approval-form")!, values);
        var form = await PageSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Dòng 3:", form.QuerySelector("[data-testid='error-Input.Positions[2].People']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector("[data-testid='error-Input.DecisionDate']"));
        Assert.Equal("Điều dưỡng", form.QuerySelector("#Input_Positions_2__Name")!.GetAttribute("value"));
        Assert.Equal("mười", form.QuerySelector("#Input_Positions_2__People")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("[data-testid=error-summary]"));
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions/history");
        Assert.Equal(0, history.GetArrayLength());
        // The code alone wrong: the service's message lands on row 3 too.
        using var code = await session.PostFormAsync($"/units/{id}/job-positions", page.QuerySelector("#approval-form")!, Form("31/QĐ-UBND", "28/02/2025",
            Row(0, "Bác sĩ", "professional", "9", "Bác sĩ", "V.08.01.03"), Row(2, "Điều dưỡng", "professional", "4", "Điều dưỡng", "V 08")));
        var codePage = await PageSession.ParseAsync(code);
        Assert.StartsWith("Dòng 3:", codePage.QuerySelector("[data-testid='error-Input.Positions[2].TitleCode']")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Check_ShowsTheShareOfTheTypedRowsAndSavesNothing(DatabaseProvider provider)
    {
        var (_, admin, id, session) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var _session = session;
        var (_, page) = await session.GetAsync($"/units/{id}/job-positions");

        using var low = await session.PostFormAsync($"/units/{id}/job-positions?handler=Check", page.QuerySelector("#approval-form")!,
            Form("", "", Row(0, "Giáo viên", "professional", "6", "Giáo viên", "V.07.03.29"), Row(1, "Bảo vệ", "support", "4")));
        using var ok = await session.PostFormAsync($"/units/{id}/job-positions?handler=Check", page.QuerySelector("#approval-form")!,
            Form("", "", Row(0, "Giáo viên", "professional", "13", "Giáo viên", "V.07.03.29"), Row(1, "Bảo vệ", "support", "7")));

        var lowPage = await PageSession.ParseAsync(low);
        Assert.Contains("6/10 người (60%)", lowPage.QuerySelector("[data-testid=job-positions-check]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(lowPage.QuerySelector("#Input_Positions_4__Name"));
        var okPage = await PageSession.ParseAsync(ok);
        Assert.Contains("65,00%", okPage.QuerySelector("[data-testid=job-positions-check]")!.TextContent, StringComparison.Ordinal);
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions/history");
        Assert.Equal(0, history.GetArrayLength());
    }

    [Theory, DatabaseData]
    public async Task ExportAndPrint_TheListInForceOnTheDate(DatabaseProvider provider)
    {
        var (_, admin, id, session) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var _session = session;
        using var first = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", JobPositionApiTests.List("40/QĐ-SGDĐT", "2022-01-10", 20));
        using var second = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", JobPositionApiTests.List("41/QĐ-SGDĐT", "2025-01-10", 24));

        using var xlsx = await session.Client.GetAsync($"/units/{id}/job-positions?on=2023-05-01&format=xlsx");
        var (_, print) = await session.GetAsync($"/units/{id}/job-positions?on=2023-05-01&print=1");
        var (_, today) = await session.GetAsync($"/units/{id}/job-positions");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = ReadRows(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("40/QĐ-SGDĐT", r["Quyết định phê duyệt"]));
        Assert.Equal(20d, Convert.ToDouble(rows[1]["Số lượng người làm việc"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Chức danh nghề nghiệp chuyên ngành", rows[1]["Nhóm vị trí việc làm"]);
        Assert.Equal("V.07.03.29", rows[1]["Mã chức danh nghề nghiệp"]);
        Assert.NotNull(print.QuerySelector("[data-testid=print-heading]"));
        Assert.Contains("01/05/2023", print.QuerySelector("[data-testid=print-as-of]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(print.QuerySelector("#approval-form"));
        Assert.Equal("20", print.QuerySelectorAll("[data-testid=job-positions-table] [data-field=people]")[1].TextContent.Trim());
        Assert.Contains("41/QĐ-SGDĐT", today.QuerySelector("[data-testid=job-positions-decision]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, today.QuerySelectorAll("[data-testid=job-positions-history] tbody tr").Length);
        Assert.Contains($"/units/{id}/job-positions?", today.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href"), StringComparison.Ordinal);
    }
    [Theory, DatabaseData]
    public async Task Import_FromThePage_BadRowListedThenAGoodFileRecorded(DatabaseProvider provider)
    {
        var (_, admin, id, session) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var _session = session;
        var (_, page) = await session.GetAsync($"/units/{id}/job-positions");
        var token = page.QuerySelector("#approval-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        MultipartFormDataContent Upload(byte[] file) => new()
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("70/QĐ-UBND"), "Input.DecisionNumber" },
            { new StringContent("01/10/2025"), "Input.DecisionDate" }, { new StringContent("Ủy ban nhân dân thành phố Cần Thơ"), "Input.DecisionIssuer" },
            { new ByteArrayContent(file), "upload", "vi-tri.xlsx" },
        };

        using var bad = await session.Client.PostAsync($"/units/{id}/job-positions?handler=Import",
            Upload(JobPositionImportTests.Sheet(["Giáo viên", "professional", "Giáo viên", "V.07.03.29", 12], ["Bảo vệ", "Bảo vệ", null, null, 2])));
        var badPage = await PageSession.ParseAsync(bad);
        using var good = await session.Client.PostAsync($"/units/{id}/job-positions?handler=Import",
            Upload(JobPositionImportTests.Sheet(["Giáo viên", "professional", "Giáo viên", "V.07.03.29", 12], ["Bảo vệ", "Hỗ trợ, phục vụ", null, null, 2])));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Dòng 3, cột C", badPage.QuerySelector("[data-testid=import-problems]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var api = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions");
        Assert.Equal("70/QĐ-UBND", api.GetProperty("decisionNumber").GetString());
        Assert.Equal(14, api.GetProperty("totals").GetProperty("total").GetInt32());
    }
}
