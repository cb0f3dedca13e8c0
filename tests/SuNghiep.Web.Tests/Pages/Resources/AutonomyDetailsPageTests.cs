using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Pages.Resources;

/// <summary>
/// The autonomy details of Decree 60/2021 on a unit's resources page: the level cut at thresholds, years before the decree,
/// group 1-2 units with budget-paid staff, computed against approved groups, and the short first stable period.
/// </summary>
public sealed class AutonomyDetailsPageTests(AppHosts hosts)
{
    /// <summary>A unit outside the demo province's area, so that the demo's figures stay as seeded.</summary>
    private static async Task<(SuNghiepApp App, HttpClient Admin, int Id)> UnitAsync(AppHosts hosts, DatabaseProvider provider, string establishedOn = "2000-01-01")
    {
        var app = await hosts.GetAsync(provider);
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT"))
            .With("areaCode", "00004").With("establishedOn", establishedOn));
        return (app, admin, unit.Id);
    }

    private static async Task PutAsync(HttpClient admin, string url, JsonObject body)
    {
        using var put = await admin.PutAsync(url, UnitsClient.Content(body.ToJsonString()));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
    }

    private static Task<PageSession> AdminPageAsync(SuNghiepApp app) =>
        PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

    [Theory, DatabaseData]
    public async Task Finance_JustBelowTenPercent_ShowsTheLevelCutAndGroupFourEverywhere(DatabaseProvider provider)
    {
        var (app, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        // 999,600 / 10,000,000 = 9.996%: rounding would show 10,00% beside group 4. A control year at 70.004% shows 70,00%.
        await PutAsync(admin, $"/api/v1/units/{id}/finance/2024", Finance(999_600, 10_000_000));
        await PutAsync(admin, $"/api/v1/units/{id}/finance/2023", Finance(7_000_400, 10_000_000));
        using var session = await AdminPageAsync(app);

        var (_, page) = await session.GetAsync($"/units/{id}/resources?year=2024");
        var api = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/finance/2024");

        var row = page.QuerySelector("[data-testid=finance-table] tr[data-year='2024']")!;
        Assert.Equal("9,99%", row.QuerySelector("[data-field=level]")!.TextContent.Trim());
        Assert.Equal("4", row.QuerySelector("[data-field=group]")!.GetAttribute("data-group"));
        Assert.Equal("70,00%", page.QuerySelector("[data-testid=finance-table] tr[data-year='2023'] [data-field=level]")!.TextContent.Trim());
        Assert.Equal("9,99%", page.QuerySelector("[data-testid=finance-result] [data-field=level]")!.TextContent.Trim());
        Assert.Equal(9.99m, api.GetProperty("selfFinancingLevel").GetDecimal());
        Assert.Equal(4, api.GetProperty("autonomyGroup").GetInt32());
        using var chart = JsonDocument.Parse(page.QuerySelector("#finance-chart-data")!.TextContent);
        Assert.Contains(chart.RootElement.GetProperty("level").EnumerateArray(), l => l.GetDecimal() == 9.99m);
        Assert.DoesNotContain(chart.RootElement.GetProperty("level").EnumerateArray(), l => l.GetDecimal() >= 10m && l.GetDecimal() < 11m);
    }

    [Theory, DatabaseData]
    public async Task Finance_YearBeforeDecree60_IsLabelledAsAssessedForComparison(DatabaseProvider provider)
    {
        var (app, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        await PutAsync(admin, $"/api/v1/units/{id}/finance/2019", Finance(5_000_000, 10_000_000));
        await PutAsync(admin, $"/api/v1/units/{id}/finance/2022", Finance(5_000_000, 10_000_000));
        using var session = await AdminPageAsync(app);

        var (_, page) = await session.GetAsync($"/units/{id}/resources?year=2019");
        var old = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/finance/2019");
        var recent = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/finance/2022");

        Assert.NotNull(page.QuerySelector("[data-testid=finance-table] tr[data-year='2019'] [data-field=comparison]"));
        Assert.Null(page.QuerySelector("[data-testid=finance-table] tr[data-year='2022'] [data-field=comparison]"));
        var note = page.QuerySelector("[data-testid=finance-result] [data-field=comparison]")!.TextContent;
        Assert.Contains("để so sánh", note, StringComparison.Ordinal);
        Assert.Contains("không phải nhóm tự chủ của đơn vị khi đó", note, StringComparison.Ordinal);
        Assert.Contains("theo ngưỡng Nghị định 60/2021", page.QuerySelector("[data-testid=year-groups] tr[data-year='2019'] [data-field=computed]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Nghị định 60/2021", page.QuerySelector("[data-testid=year-groups] tr[data-year='2022'] [data-field=computed]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("để so sánh", old.GetProperty("comparisonNote").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, recent.GetProperty("comparisonNote").ValueKind);
    }

    [Theory, DatabaseData]
    public async Task Staffing_GroupTwoUnitWithBudgetPaidStaff_IsWarnedAbout(DatabaseProvider provider)
    {
        var (app, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        // 2024 computes group 2 (A = B) with 5 budget-paid people; 2023 is group 3 with budget-paid people: no warning for it.
        await PutAsync(admin, $"/api/v1/units/{id}/finance/2024", Finance(10_000_000, 10_000_000));
        await PutAsync(admin, $"/api/v1/units/{id}/finance/2023", Finance(5_000_000, 10_000_000));
        await PutAsync(admin, $"/api/v1/units/{id}/staffing/2024", Staffing(5).With("overAllocation", true));
        await PutAsync(admin, $"/api/v1/units/{id}/staffing/2023", Staffing(7).With("overAllocation", true));
        using var session = await AdminPageAsync(app);

        var (_, page) = await session.GetAsync($"/units/{id}/resources");

        var warning = page.QuerySelector("[data-testid=budget-staff-warning-staffing]")!.TextContent;
        Assert.Contains("Năm 2024", warning, StringComparison.Ordinal);
        Assert.Contains("nhóm 2", warning, StringComparison.Ordinal);
        Assert.Contains("5 người làm việc hưởng lương từ ngân sách nhà nước", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Năm 2023", warning, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=budget-staff-warning-autonomy]"));

        // Once the unit has no budget-paid staff that year, the warning goes.
        await PutAsync(admin, $"/api/v1/units/{id}/staffing/2024", Staffing(0).With("overAllocation", true));
        var (_, after) = await session.GetAsync($"/units/{id}/resources");
        Assert.Null(after.QuerySelector("[data-testid=budget-staff-warning-staffing]"));
    }

    [Theory, DatabaseData]
    public async Task YearGroups_ComputedDiffersFromApproved_IsExplained(DatabaseProvider provider)
    {
        var (app, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var plan = new JsonObject
        {
            ["periodStart"] = 2021, ["periodEnd"] = 2025, ["proposedGroup"] = 3, ["submittedOn"] = "2021-03-01",
            ["status"] = "approved", ["approvedGroup"] = 3,
            ["decision"] = new JsonObject { ["number"] = "12/QĐ-UBND", ["date"] = "2021-04-15", ["issuer"] = "Ủy ban nhân dân thành phố" },
        };
        using var created = await admin.PostAsync($"/api/v1/units/{id}/autonomy-plans", UnitsClient.Content(plan.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await PutAsync(admin, $"/api/v1/units/{id}/finance/2024", Finance(10_000_000, 10_000_000));   // computes group 2
        await PutAsync(admin, $"/api/v1/units/{id}/finance/2023", Finance(5_000_000, 10_000_000));    // group 3, as approved
        using var session = await AdminPageAsync(app);

        var (_, page) = await session.GetAsync($"/units/{id}/resources");
        var (_, details2024) = await session.GetAsync($"/units/{id}?asOf=31/12/2024");
        var (_, details2023) = await session.GetAsync($"/units/{id}?asOf=31/12/2023");

        Assert.Contains("thời kỳ ổn định", details2024.QuerySelector("[data-field=group-difference]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(details2023.QuerySelector("[data-field=group-difference]"));
        var differs = page.QuerySelector("[data-testid=year-groups] tr[data-year='2024'] [data-field=difference]")!.TextContent;
        Assert.Contains("nhóm 2", differs, StringComparison.Ordinal);
        Assert.Contains("nhóm 3", differs, StringComparison.Ordinal);
        Assert.Contains("thời kỳ ổn định", differs, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=year-groups] tr[data-year='2023'] [data-field=difference]"));
    }

    [Theory, DatabaseData]
    public async Task Plan_UnitCreatedMidPeriod_MayCoverAShortFirstPeriodOnly(DatabaseProvider provider)
    {
        var (app, admin, id) = await UnitAsync(hosts, provider, establishedOn: "2023-05-01");
        using var _admin = admin;
        var (_, older, olderId) = await UnitAsync(hosts, provider);
        using var _older = older;
        var plan = new JsonObject { ["periodStart"] = 2023, ["periodEnd"] = 2025, ["proposedGroup"] = 3, ["submittedOn"] = "2023-06-01" };
        using var session = await AdminPageAsync(app);

        var (_, page) = await session.GetAsync($"/units/{id}/resources");
        var options = page.QuerySelectorAll("#Plan_Period option").Select(o => o.TextContent.Trim()).ToList();
        var (_, olderPage) = await session.GetAsync($"/units/{olderId}/resources");
        var form = page.QuerySelector("#plan-form")!;
        using var posted = await session.PostFormAsync(form.GetAttribute("action")!, form, new()
        {
            ["Plan.Period"] = "2023", ["Plan.ProposedGroup"] = "3", ["Plan.SubmittedOn"] = "2023-06-01", ["Plan.Status"] = "submitted",
        });
        using var refused = await admin.PostAsync($"/api/v1/units/{olderId}/autonomy-plans", UnitsClient.Content(plan.ToJsonString()));
        using var tooLong = await admin.PostAsync($"/api/v1/units/{id}/autonomy-plans",
            UnitsClient.Content(plan.With("periodEnd", 2027).ToJsonString()));
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/autonomy-plans");

        Assert.Contains("2023-2025 (thời kỳ đầu từ khi thành lập)", options);
        Assert.Contains("2026-2030", options);
        Assert.DoesNotContain(olderPage.QuerySelectorAll("#Plan_Period option"), o => o.TextContent.Contains("thời kỳ đầu", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(2023, only.GetProperty("periodStart").GetInt32());
        Assert.Equal(2025, only.GetProperty("periodEnd").GetInt32());
        Assert.Contains("periodStart", (await refused.ValidationErrorsAsync()).Keys);
        Assert.Contains("periodStart", (await tooLong.ValidationErrorsAsync()).Keys);
    }

    [Theory, DatabaseData]
    public async Task FinanceForm_SaysWhichBudgetMoneyCounts(DatabaseProvider provider)
    {
        var (app, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var session = await AdminPageAsync(app);

        var (response, page) = await session.GetAsync($"/units/{id}/resources?year=2024");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var help = page.QuerySelector("#finance-form [data-testid=revenue-help]")!.TextContent;
        Assert.Contains("đặt hàng, đấu thầu hoặc giao nhiệm vụ có giá", help, StringComparison.Ordinal);
        Assert.Contains("Không tính", help, StringComparison.Ordinal);
    }
}
