using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SuNghiep.Core.Entities;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Pages.Resources;

public sealed class UnitResourcesPageTests(AppHosts hosts)
{
    private static Dictionary<string, string> Finance(string serviceFees, string recurrent) => new()
    {
        ["year"] = "2024",
        ["Finance.OrderedServices"] = "1.000.000.000", ["Finance.ScienceTasks"] = "0", ["Finance.ServiceFees"] = serviceFees,
        ["Finance.BusinessSurplus"] = "0", ["Finance.RetainedFees"] = "0", ["Finance.Other"] = "0",
        ["Finance.RecurrentExpenditure"] = recurrent, ["Finance.InvestmentSelfFinancing"] = "0",
        ["Finance.Depreciation"] = "0", ["Finance.DirectBudgetSpending"] = "0",
    };

    [Theory, DatabaseData]
    public async Task Get_UnitOfAnotherAgency_Returns404ToAScopedOfficer(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var other = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT")));
        var own = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "B", await app.AgencyIdAsync("92.SYT")));
        using var officer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SYT"));

        var (hidden, _) = await officer.GetAsync($"/units/{other.Id}/resources");
        var (shown, page) = await officer.GetAsync($"/units/{own.Id}/resources");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(own.Name, page.QuerySelector("[data-testid=resources-title]")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#finance-form form"));
    }

    [Theory, DatabaseData]
    public async Task PostFinance_NegativeAndUnreadableFigures_Returns400WithMessagesOnTheirFieldsAndWritesNothing(DatabaseProvider provider)
    {
        var (app, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var (_, page) = await session.GetAsync($"/units/{id}/resources?year=2024");
        var form = page.QuerySelector("#finance-form form")!;
        var values = Finance("-5", "nhiều tiền");

        using var response = await session.PostFormAsync(form.GetAttribute("action")!, form, values);
        var result = await PageSession.ParseAsync(response);
        using var after = await admin.GetAsync($"/api/v1/units/{id}/finance/2024");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Thu hoạt động dịch vụ sự nghiệp công: số liệu không được âm.", result.QuerySelector("[data-testid='error-Finance.ServiceFees']")?.TextContent.Trim());
        Assert.Equal("Chi thường xuyên: vui lòng nhập số tiền bằng đồng, ví dụ 12.000.000.000.", result.QuerySelector("[data-testid='error-Finance.RecurrentExpenditure']")?.TextContent.Trim());
        Assert.Contains("is-invalid", result.QuerySelector("#Finance_ServiceFees")!.ClassName, StringComparison.Ordinal);
        // What was typed stays in the form, and the finance tab is the one shown.
        Assert.Equal("nhiều tiền", result.QuerySelector("#Finance_RecurrentExpenditure")!.GetAttribute("value"));
        Assert.Contains("active", result.QuerySelector("#finance")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task PostFinance_Valid_RedirectsToTheYearAndShowsItsLevelGroupAndSource(DatabaseProvider provider)
    {
        var (app, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var (_, page) = await session.GetAsync($"/units/{id}/resources?year=2024");
        var form = page.QuerySelector("#finance-form form")!;

        // B = 0 is not a group: the reason shows instead.
        using var zero = await session.PostFormAsync(form.GetAttribute("action")!, form, Finance("0", "0"));
        var (_, zeroPage) = await session.GetAsync(zero.Headers.Location!.OriginalString);
        using var saved = await session.PostFormAsync(form.GetAttribute("action")!, form, Finance("7.400.000.000", "12.000.000.000"));
        var (_, savedPage) = await session.GetAsync(saved.Headers.Location!.OriginalString);
        var api = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/finance/2024");

        Assert.Equal(HttpStatusCode.Redirect, zero.StatusCode);
        Assert.Equal($"/units/{id}/resources?year=2024#finance", saved.Headers.Location!.OriginalString);
        Assert.Null(zeroPage.QuerySelector("[data-testid=finance-result] [data-field=group]"));
        Assert.Contains("Chi thường xuyên bằng 0", zeroPage.QuerySelector("[data-testid=finance-result] [data-field=reason]")!.TextContent, StringComparison.Ordinal);
        var result = savedPage.QuerySelector("[data-testid=finance-result]")!;
        Assert.Equal("Đã lưu số liệu tài chính năm 2024.", savedPage.QuerySelector("#finance [data-testid=resource-saved]")?.TextContent.Trim());
        Assert.Equal("70,00%", result.QuerySelector("[data-field=level]")!.TextContent.Trim());
        Assert.Equal("3", result.QuerySelector("[data-field=group]")!.GetAttribute("data-group"));
        Assert.Equal("8.400.000.000 đ", result.QuerySelector("[data-field=revenue]")!.TextContent.Trim());
        Assert.Contains("Nghị định 60/2021/NĐ-CP", result.QuerySelector("[data-field=source]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, api.GetProperty("autonomyGroup").GetInt32());
        // The chart is drawn from the same figures, in the page.
        using var chart = JsonDocument.Parse(savedPage.QuerySelector("#finance-chart-data")!.TextContent);
        Assert.Equal(70m, Math.Round(chart.RootElement.GetProperty("level")[0].GetDecimal(), 2));
    }

    [Theory, DatabaseData]
    public async Task PostFinance_ByAViewer_IsRefusedAndWritesNothing(DatabaseProvider provider)
    {
        var (app, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var editor = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var form = (await editor.GetAsync($"/units/{id}/resources")).Page.QuerySelector("#finance-form form")!;
        using var viewer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, area: "92"));

        var (shown, page) = await viewer.GetAsync($"/units/{id}/resources");
        // The viewer's own token (from the sign-out form): the refusal is about the role, not the token.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = await viewer.Client.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent(
            Finance("0", "1.000.000.000").Append(new("__RequestVerificationToken", token))));
        using var after = await admin.GetAsync($"/api/v1/units/{id}/finance/2024");

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Null(page.QuerySelector("#finance-form"));
        Assert.Null(page.QuerySelector("#staffing-form"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/access-denied", post.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task StaffingPage_AgencyOverItsAllocation_IsFlaggedAndTotalled(DatabaseProvider provider)
    {
        // 2010: before the demo figures; no other test writes it.
        const int year = 2010;
        var (app, admin, id, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var allocate = await admin.PutAsync($"/api/v1/agencies/{agency}/staffing-allocations/{year}",
            UnitsClient.Content("""{"budgetPositions": 3, "overAllocation": true}"""));
        using var put = await admin.PutAsync($"/api/v1/units/{id}/staffing/{year}", UnitsClient.Content(Staffing(5).With("overAllocation", true).ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        var (response, page) = await session.GetAsync($"/staffing?year={year}&agencyId={agency}");
        var table = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/staffing?year={year}&agencyId={agency}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelector($"[data-testid=staffing-by-agency] tr[data-agency='{agency}']")!;
        Assert.Equal("true", row.GetAttribute("data-over"));
        Assert.Contains("table-danger", row.ClassName, StringComparison.Ordinal);
        Assert.Equal("3", row.QuerySelector("[data-field=allocated]")!.TextContent.Trim());
        var total = page.QuerySelector("[data-testid=staffing-total] [data-field=budgetPositions]")!.TextContent.Trim();
        Assert.Equal(table.GetProperty("budgetPositions").GetInt32().ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), total);
        Assert.True(table.GetProperty("budgetPositions").GetInt32() >= 5);
    }
}
