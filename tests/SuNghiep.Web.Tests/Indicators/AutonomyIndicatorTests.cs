using System.Net;
using System.Text.Json.Nodes;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Indicators.IndicatorsClient;

namespace SuNghiep.Web.Tests.Indicators;

/// <summary>
/// The autonomy group of a unit in a year is the group of its approved plan in force, else the group computed from its
/// finance figures of the year, else none: the same definition for the two shares, the plan share and the drill-down.
/// </summary>
public sealed class AutonomyIndicatorTests(AppHosts hosts)
{
    private static JsonObject Plan(string status, int proposed, int? approved) => new()
    {
        ["periodStart"] = 2021, ["periodEnd"] = 2025, ["proposedGroup"] = proposed, ["submittedOn"] = "2021-03-01", ["status"] = status,
        ["approvedGroup"] = approved,
        ["decision"] = approved is null ? null : new JsonObject { ["number"] = "45/QĐ-UBND", ["date"] = "2021-05-01", ["issuer"] = "Ủy ban nhân dân thành phố Cần Thơ" },
    };

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Five units of the test's agency, active since 2010, read for 2022:
    ///   P: approved plan 2021-2025 in group 2; its 2022 finance computes group 4  -> group 2 (plan)
    ///   F1: no plan; 2022 finance A = B = 12 bn, investment = depreciation -> group 1 (finance)
    ///   F3: no plan; 2022 finance A 8.4 bn, B 12 bn (70%)                  -> group 3 (finance)
    ///   N: no plan, no finance                                              -> none
    ///   S: plan submitted for group 1, not approved; 2022 finance group 4   -> group 4 (finance)
    /// </summary>
    private static async Task<(HttpClient Admin, int Agency, Dictionary<string, UnitResponse> Units)> RegisterAsync(SuNghiepApp app)
    {
        var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var units = new Dictionary<string, UnitResponse>();
        foreach (var name in new[] { "P", "F1", "F3", "N", "S" })
        {
            units[name] = await admin.UnitAsync(token, name, agency, "31120", new DateOnly(2010, 1, 1));
        }

        await Ok(admin.PostAsync($"/api/v1/units/{units["P"].Id}/autonomy-plans", UnitsClient.Content(Plan("approved", 2, 2).ToJsonString())));
        await Ok(admin.PutAsync($"/api/v1/units/{units["P"].Id}/finance/2022", UnitsClient.Content(Finance(1_000_000_000, 12_000_000_000).ToJsonString())));
        await Ok(admin.PutAsync($"/api/v1/units/{units["F1"].Id}/finance/2022", UnitsClient.Content(Finance(12_000_000_000, 12_000_000_000, 1_000_000_000, 1_000_000_000).ToJsonString())));
        await Ok(admin.PutAsync($"/api/v1/units/{units["F3"].Id}/finance/2022", UnitsClient.Content(Finance(8_400_000_000, 12_000_000_000).ToJsonString())));
        await Ok(admin.PostAsync($"/api/v1/units/{units["S"].Id}/autonomy-plans", UnitsClient.Content(Plan("submitted", 1, null).ToJsonString())));
        await Ok(admin.PutAsync($"/api/v1/units/{units["S"].Id}/finance/2022", UnitsClient.Content(Finance(500_000_000, 12_000_000_000).ToJsonString())));
        return (admin, agency, units);
    }

    [Theory, DatabaseData]
    public async Task Shares_PlanBeforeFinance_GroupsOneToTwoAndOneToThree(DatabaseProvider provider)
    {
        var (admin, agency, _) = await RegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;
        var query = $"asOf=2022-12-31&agencyId={agency}";

        var selfFinancing = await admin.IndicatorAsync("autonomy.selffinancing.share", query);
        var any = await admin.IndicatorAsync("autonomy.any.share", query);
        var plan = await admin.IndicatorAsync("autonomy.plan.share", query);

        // Groups 1-2: P (plan) and F1 = 2 of 5 = 40%. On the default baseline 31/12/2021 only P has a group (its plan
        // covers 2021; nobody has 2021 finance): 1 of 5 = 20%; change +20 points, +100%.
        Assert.Equal(40m, selfFinancing.Value);
        Assert.Equal(20m, selfFinancing.BaselineValue);
        Assert.Equal(20m, selfFinancing.Change);
        Assert.Equal(100m, selfFinancing.ChangePercent);
        Assert.Equal("%", selfFinancing.Unit);
        // Groups 1-3: P, F1, F3 = 60%.
        Assert.Equal(60m, any.Value);
        // An approved plan in force: P alone = 20%, on both dates.
        Assert.Equal(20m, plan.Value);
        Assert.Equal(20m, plan.BaselineValue);
        // F1, F3 and S are counted by their finance, N has no group.
        Assert.Contains(selfFinancing.Notes, n => n.StartsWith("3 đơn vị chưa có phương án", StringComparison.Ordinal));
        Assert.Contains(selfFinancing.Notes, n => n.StartsWith("1 đơn vị không có phương án", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task Drilldown_ListsEachUnitWithTheGroupItCountedAndWhereItCameFrom(DatabaseProvider provider)
    {
        var (admin, agency, units) = await RegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        var (list, _) = await admin.DrilldownAsync("autonomy.selffinancing.share", $"asOf=2022-12-31&agencyId={agency}&pageSize=10");

        Assert.Equal(5, list.Total);
        var byId = list.Items.ToDictionary(u => u.UnitId);
        Assert.Equal((2, "plan", 1m), (byId[units["P"].Id].AutonomyGroup, byId[units["P"].Id].GroupSource, byId[units["P"].Id].Figure));
        Assert.Equal((1, "finance", 1m), (byId[units["F1"].Id].AutonomyGroup, byId[units["F1"].Id].GroupSource, byId[units["F1"].Id].Figure));
        Assert.Equal((3, "finance", 0m), (byId[units["F3"].Id].AutonomyGroup, byId[units["F3"].Id].GroupSource, byId[units["F3"].Id].Figure));
        Assert.Equal((null, "none", 0m), (byId[units["N"].Id].AutonomyGroup, byId[units["N"].Id].GroupSource, byId[units["N"].Id].Figure));
        Assert.Equal((4, "finance", 0m), (byId[units["S"].Id].AutonomyGroup, byId[units["S"].Id].GroupSource, byId[units["S"].Id].Figure));
        Assert.All(list.Items, u => Assert.Equal("Giáo dục - đào tạo", u.SectorName));
        Assert.All(list.Items, u => Assert.Equal(agency, u.ManagingAgencyId));
        Assert.All(list.Items, u => Assert.Equal("31120", u.AreaCode));
    }

    [Theory, DatabaseData]
    public async Task Shares_NoUnitInScope_AreNullWithANote(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var agency = await AgencyAsync(app, Unique.Token());

        var result = await admin.IndicatorAsync("roles.other.share", $"asOf=2022-12-31&agencyId={agency}");

        Assert.Null(result.Value);
        Assert.Null(result.ChangePercent);
        Assert.Contains(result.Notes, n => n.Contains("Không có đơn vị nào", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task RolesOtherShare_CountsUnitsOutsideTheThreeRoles(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        // Four units from 2010, one of role "other", which is dissolved on 1/3/2023: 1 of 4 = 25% at the end of 2021 and
        // 2022, 0 of 3 = 0% at the end of 2023 (change -25 points, -100%).
        await admin.UnitAsync(token, "A", agency, "31120", new DateOnly(2010, 1, 1));
        await admin.UnitAsync(token, "B", agency, "31120", new DateOnly(2010, 1, 1), roleClass: "political");
        await admin.UnitAsync(token, "C", agency, "31120", new DateOnly(2010, 1, 1), roleClass: "state-management");
        var other = await admin.UnitAsync(token, "D", agency, "31120", new DateOnly(2010, 1, 1), roleClass: "other");

        var before = await admin.IndicatorAsync("roles.other.share", $"asOf=2022-12-31&agencyId={agency}");
        await admin.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2023, 3, 1)).With("sourceUnitIds", HistoryClient.Ids(other)));
        var after = await admin.IndicatorAsync("roles.other.share", $"asOf=2023-12-31&agencyId={agency}");

        Assert.Equal(25m, before.Value);
        Assert.Equal(25m, before.BaselineValue);
        Assert.Equal(0m, after.Value);
        Assert.Equal(-25m, after.Change);
        Assert.Equal(-100m, after.ChangePercent);
    }
}
