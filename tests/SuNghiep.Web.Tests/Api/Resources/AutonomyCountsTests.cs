using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Api.Resources;

public sealed class AutonomyCountsTests(AppHosts hosts)
{
    // 2011 has no demo figures and no other test writes finance for it: the groups of the year move only with this test.
    private const int Year = 2011;

    [Theory, DatabaseData]
    public async Task Autonomy_FinanceMovesAUnitFromGroup4ToGroup2_CountsChangeByOne(DatabaseProvider provider)
    {
        var (app, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var health = await app.AgencyIdAsync("92.SYT");
        using var state = await admin.PutAsync($"/api/v1/units/{id}/finance/{Year}", UnitsClient.Content(Finance(1_100_000_000, 12_000_000_000).ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/autonomy?year={Year}&areaCode=31120");
        var otherBefore = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/autonomy?year={Year}&agencyId={health}");

        using var self = await admin.PutAsync($"/api/v1/units/{id}/finance/{Year}", UnitsClient.Content(Finance(12_000_000_000, 12_000_000_000).ToJsonString()));
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/autonomy?year={Year}&areaCode=31120");
        var otherAfter = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/autonomy?year={Year}&agencyId={health}");

        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Equal(Year, after.GetProperty("year").GetInt32());
        Assert.True(before.GetProperty("group4").GetInt32() >= 1, "the unit in group 4 is counted before");
        Assert.Equal(before.GetProperty("group4").GetInt32() - 1, after.GetProperty("group4").GetInt32());
        Assert.Equal(before.GetProperty("group2").GetInt32() + 1, after.GetProperty("group2").GetInt32());
        Assert.Equal(before.GetProperty("group1").GetInt32(), after.GetProperty("group1").GetInt32());
        Assert.Equal(before.GetProperty("group3").GetInt32(), after.GetProperty("group3").GetInt32());
        // Control: an agency the unit does not belong to does not move.
        Assert.Equal(otherBefore.GetProperty("group2").GetInt32(), otherAfter.GetProperty("group2").GetInt32());
        Assert.Equal(otherBefore.GetProperty("group4").GetInt32(), otherAfter.GetProperty("group4").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task Autonomy_Counts_AddUpAndGiveTheSharesOfGroups1To2And1To3(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        // 2020 has the demo province's figures for every unit.
        var counts = await admin.GetFromJsonAsync<JsonElement>("/api/v1/autonomy?year=2020&areaCode=92");

        int N(string name) => counts.GetProperty(name).GetInt32();
        var units = N("units");
        Assert.True(units > 100, $"the demo province has its units in 2020, got {units}");
        Assert.Equal(units, N("group1") + N("group2") + N("group3") + N("group4") + N("unknown"));
        Assert.True(N("group3") > 0 && N("group4") > 0);
        Assert.Equal(Math.Round((N("group1") + N("group2")) * 100m / units, 2), counts.GetProperty("selfFinancingShare").GetDecimal());
        Assert.Equal(Math.Round((N("group1") + N("group2") + N("group3")) * 100m / units, 2), counts.GetProperty("autonomousShare").GetDecimal());
    }

    [Theory, DatabaseData]
    public async Task Autonomy_BadYear_Returns400OnTheParameter(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync("/api/v1/autonomy?year=hai-nghin");

        Assert.Contains("year", (await response.ValidationErrorsAsync()).Keys);
    }
}
