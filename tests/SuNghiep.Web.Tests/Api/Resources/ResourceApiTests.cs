using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Api.Resources;

public sealed class ResourceApiTests(AppHosts hosts)
{
    // Decree 60/2021, Art. 9-10: the worked examples of the domain brief, through the API.
    public static TheoryData<long, long, long, long, double?, int?> Examples => new()
    {
        // revenue (A)      recurrent (B)      investment  depreciation  level   group
        { 12_000_000_000,   12_000_000_000,    0,          100,          100.00, 2    },
        { 12_000_000_000,   12_000_000_000,    200,        100,          100.00, 1    },
        { 8_400_000_000,    12_000_000_000,    0,          0,            70.00,  3    },
        { 1_200_000_000,    12_000_000_000,    0,          0,            10.00,  3    },
        { 1_100_000_000,    12_000_000_000,    0,          0,            9.16,   4    },   // 9.1666...%, cut to two decimals
        { 5_000_000,        0,                 0,          0,            null,   null },   // B = 0: no level, a reason instead
    };

    [Theory, DatabaseData(nameof(Examples))]
    public async Task PutFinance_Figures_ComputesLevelAndGroupByTheDecree(
        DatabaseProvider provider, long revenue, long recurrent, long investment, long depreciation, double? level, int? group)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;

        using var put = await admin.PutAsync($"/api/v1/units/{id}/finance/2024", UnitsClient.Content(Finance(revenue, recurrent, investment, depreciation).ToJsonString()));
        var text = await put.Content.ReadAsStringAsync();
        Assert.True(put.StatusCode == HttpStatusCode.OK, text);
        using var saved = JsonDocument.Parse(text);
        using var read = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/units/{id}/finance/2024"));

        foreach (var json in new[] { saved.RootElement, read.RootElement })
        {
            Assert.Equal(revenue, json.GetProperty("revenue").GetProperty("total").GetDecimal());
            if (level is null)
            {
                Assert.Equal(JsonValueKind.Null, json.GetProperty("selfFinancingLevel").ValueKind);
                Assert.Equal(JsonValueKind.Null, json.GetProperty("autonomyGroup").ValueKind);
                Assert.False(string.IsNullOrEmpty(json.GetProperty("reason").GetString()));
            }
            else
            {
                Assert.Equal((decimal)level.Value, json.GetProperty("selfFinancingLevel").GetDecimal());
                Assert.Equal(group, json.GetProperty("autonomyGroup").GetInt32());
            }
        }
    }

    [Theory, DatabaseData]
    public async Task PutFinance_NegativeFigureOrYearOutsideLife_Returns400AndWritesNothing(DatabaseProvider provider)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var negative = Finance(100, 1000);
        negative["revenue"]!["serviceFees"] = -1;

        using var bad = await admin.PutAsync($"/api/v1/units/{id}/finance/2024", UnitsClient.Content(negative.ToJsonString()));
        using var early = await admin.PutAsync($"/api/v1/units/{id}/finance/1999", UnitsClient.Content(Finance(100, 1000).ToJsonString()));
        using var text = await admin.PutAsync($"/api/v1/units/{id}/finance/2024", UnitsClient.Content("""{"revenue":{"orderedServices":"nhiều"}}"""));
        using var after = await admin.GetAsync($"/api/v1/units/{id}/finance/2024");

        Assert.Contains("revenue.serviceFees", (await bad.ValidationErrorsAsync()).Keys);
        Assert.Contains("year", (await early.ValidationErrorsAsync()).Keys);
        var errors = await text.ValidationErrorsAsync();
        Assert.Contains("revenue.orderedServices", errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task PutStaffing_OverTheAgencysAllocation_IsRefusedUnlessIntended(DatabaseProvider provider)
    {
        var (app, admin, id, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var allocate = await admin.PutAsync($"/api/v1/agencies/{agency}/staffing-allocations/2024",
            UnitsClient.Content("""{"budgetPositions": 1000000, "overAllocation": true}"""));
        Assert.True(allocate.StatusCode == HttpStatusCode.OK, await allocate.Content.ReadAsStringAsync());
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/staffing?year=2024&agencyId={agency}");

        using var within = await admin.PutAsync($"/api/v1/units/{id}/staffing/2024", UnitsClient.Content(Staffing(30).ToJsonString()));
        using var lowered = await admin.PutAsync($"/api/v1/agencies/{agency}/staffing-allocations/2024",
            UnitsClient.Content("""{"budgetPositions": 10}"""));
        using var refused = await admin.PutAsync($"/api/v1/units/{id}/staffing/2024", UnitsClient.Content(Staffing(40).ToJsonString()));
        var unchanged = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/staffing/2024");
        using var intended = await admin.PutAsync($"/api/v1/units/{id}/staffing/2024", UnitsClient.Content(Staffing(40).With("overAllocation", true).ToJsonString()));
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/staffing?year=2024&agencyId={agency}");

        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        Assert.Contains("budgetPositions", (await lowered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateObject().Select(p => p.Name));
        Assert.Contains("budgetPositions", (await refused.ValidationErrorsAsync()).Keys);
        Assert.Equal(30, unchanged.GetProperty("budgetPositions").GetInt32());
        Assert.Equal(HttpStatusCode.OK, intended.StatusCode);
        var body = await intended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(40, body.GetProperty("staffing").GetProperty("budgetPositions").GetInt32());
        Assert.Contains("budgetPositions", body.GetProperty("warnings").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before.GetProperty("budgetPositions").GetInt32() + 40, after.GetProperty("budgetPositions").GetInt32());
        Assert.Equal(before.GetProperty("units").GetInt32() + 1, after.GetProperty("units").GetInt32());
        Assert.Equal(10, after.GetProperty("allocated").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task AutonomyPlans_ApprovedNeedsDecisionAndStablePeriod(DatabaseProvider provider)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var plan = new JsonObject
        {
            ["periodStart"] = 2026, ["periodEnd"] = 2030, ["proposedGroup"] = 3, ["submittedOn"] = "2026-03-01",
            ["status"] = "approved", ["approvedGroup"] = 3,
        };

        using var noDecision = await admin.PostAsync($"/api/v1/units/{id}/autonomy-plans", UnitsClient.Content(plan.ToJsonString()));
        using var badPeriod = await admin.PostAsync($"/api/v1/units/{id}/autonomy-plans",
            UnitsClient.Content(plan.With("periodStart", 2024).With("periodEnd", 2028).ToJsonString()));
        var valid = plan.With("decision", new JsonObject { ["number"] = "45/QĐ-UBND", ["date"] = "2026-04-15", ["issuer"] = "UBND thành phố Cần Thơ" });
        using var created = await admin.PostAsync($"/api/v1/units/{id}/autonomy-plans", UnitsClient.Content(valid.ToJsonString()));
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/autonomy-plans");

        Assert.Contains("decision", (await noDecision.ValidationErrorsAsync()).Keys);
        Assert.Contains("periodStart", (await badPeriod.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal("approved", only.GetProperty("status").GetString());
        Assert.Equal(3, only.GetProperty("approvedGroup").GetInt32());
        Assert.Equal("45/QĐ-UBND", only.GetProperty("decisionNumber").GetString());
    }

    [Theory, DatabaseData]
    public async Task Resources_OfAnotherAgencysUnit_Return404ToAScopedOfficer(DatabaseProvider provider)
    {
        var (app, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var put = await admin.PutAsync($"/api/v1/units/{id}/finance/2024", UnitsClient.Content(Finance(1, 10).ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var (officer, _) = await app.SignInAsNewUserAsync(SuNghiep.Core.Entities.Roles.AgencyOfficer, agency: "92.SYT");
        using var _officer = officer;

        using var get = await officer.GetAsync($"/api/v1/units/{id}/finance/2024");
        using var write = await officer.PutAsync($"/api/v1/units/{id}/finance/2024", UnitsClient.Content(Finance(5, 10).ToJsonString()));
        using var staffing = await officer.GetAsync($"/api/v1/units/{id}/staffing/2024");
        using var plans = await officer.GetAsync($"/api/v1/units/{id}/autonomy-plans");
        var stillOne = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/finance/2024");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, staffing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, plans.StatusCode);
        Assert.Equal(1m, stillOne.GetProperty("revenue").GetProperty("total").GetDecimal());
    }
}
