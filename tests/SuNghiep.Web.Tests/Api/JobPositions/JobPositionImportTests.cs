using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SuNghiep.Core.Resources;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Api.JobPositions;

/// <summary>An approved list from .xlsx in the columns of the page's export, with its decision: all or nothing, problems by row and column.</summary>
public sealed class JobPositionImportTests(AppHosts hosts)
{
    /// <summary>A sheet in the import's columns, one position a row.</summary>
    internal static byte[] Sheet(params object?[][] rows) => Workbook(JobPositionImport.Headers, rows);

    internal static MultipartFormDataContent Upload(byte[] file, string number, string date, string issuer = "Sở Giáo dục và Đào tạo")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return new MultipartFormDataContent
        {
            { content, "file", "vi-tri-viec-lam.xlsx" },
            { new StringContent(number), "decisionNumber" }, { new StringContent(date), "decisionDate" }, { new StringContent(issuer), "decisionIssuer" },
        };
    }

    private static async Task<(HttpClient Admin, int Id)> UnitAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT")));
        return (admin, unit.Id);
    }

    [Theory, DatabaseData]
    public async Task Import_TheExportOfAList_RecordsItAsANewApproval(DatabaseProvider provider)
    {
        var (admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var first = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", JobPositionApiTests.List("60/QĐ-SGDĐT", "2022-01-10", 20));
        // The page's export, amended: the teachers go from 20 to 4, and 6 of 10 people is under the 65%.
        using var exported = await admin.GetAsync($"/api/v1/units/{id}/job-positions/history");
        var list = (await exported.Content.ReadFromJsonAsync<JsonElement>())[0];
        var rows = list.GetProperty("positions").EnumerateArray().Select(p => new object?[]
        {
            p.GetProperty("name").GetString(), JobPositionRulesLabel(p.GetProperty("group").GetString()!), p.GetProperty("titleName").GetString(),
            p.GetProperty("titleCode").GetString(), p.GetProperty("name").GetString() == "Giáo viên tiểu học" ? 4 : p.GetProperty("people").GetInt32(),
        }).ToArray();

        using var response = await admin.PostAsync($"/api/v1/units/{id}/job-positions/import", Upload(Sheet(rows), "61/QĐ-SGDĐT", "2025-09-01"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(4, body.GetProperty("list").GetProperty("totals").GetProperty("professional").GetInt32());
        Assert.Contains("Điều 3 khoản 5", body.GetProperty("warnings").GetProperty("positions")[0].GetString(), StringComparison.Ordinal);
        var now = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions");
        Assert.Equal("61/QĐ-SGDĐT", now.GetProperty("decisionNumber").GetString());
        Assert.Equal("V.07.03.29", now.GetProperty("positions")[1].GetProperty("titleCode").GetString());
    }

    [Theory, DatabaseData]
    public async Task Import_BadRows_ProblemsByRowAndColumnAndNothingWritten(DatabaseProvider provider)
    {
        var (admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var file = Sheet(
            ["Giáo viên", "professional", "Giáo viên", "V.07.03.29", 12],
            [null, null, null, null, null],
            ["Kế toán", "Kế toán", "Kế toán viên", "06.031", 1],
            ["Điều dưỡng", "professional", "Điều dưỡng", "V 08", 3],
            ["Bảo vệ", "Hỗ trợ, phục vụ", null, null, "hai"]);

        using var response = await admin.PostAsync($"/api/v1/units/{id}/job-positions/import", Upload(file, "62/QĐ", "2025-09-01"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4:C", "6:F"], body.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("row").GetInt32()}:{p.GetProperty("column").GetString()}"));
        // With the rows' types right, the rule's problem lands on its row too.
        using var code = await admin.PostAsync($"/api/v1/units/{id}/job-positions/import", Upload(Sheet(
            ["Giáo viên", "Chức danh nghề nghiệp chuyên ngành", "Giáo viên", "V.07.03.29", 12],
            ["Điều dưỡng", "professional", "Điều dưỡng", "V 08", 3]), "62/QĐ", "2025-09-01"));
        var codeBody = await code.Content.ReadFromJsonAsync<JsonElement>();
        var problem = Assert.Single(codeBody.GetProperty("problems").EnumerateArray());
        Assert.Equal((3, "E"), (problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()));
        Assert.StartsWith("Mã chức danh nghề nghiệp \"V 08\"", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        using var noDate = await admin.PostAsync($"/api/v1/units/{id}/job-positions/import", Upload(Sheet(
            ["Giáo viên", "professional", "Giáo viên", "V.07.03.29", 12]), "62/QĐ", "01/09/2025"));
        Assert.Equal(["decisionDate"], (await noDate.ValidationErrorsAsync()).Keys);
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions/history");
        Assert.Equal(0, history.GetArrayLength());
    }

    private static string JobPositionRulesLabel(string code) => Core.Rules.JobPositionRules.Label(Core.Rules.JobPositionRules.Parse(code)!.Value);
}
