using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Api.Resources;

/// <summary>
/// The first figures of a year sent by several officers at once: every PUT is answered (the one stored is the last
/// written), never a 500 from the unique index on the year.
/// </summary>
public sealed class YearRaceTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task PutFinance_EightFirstWritesOfAYearAtOnce_AllAnsweredAndOneRowKept(DatabaseProvider provider)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var sent = Enumerable.Range(1, 8).Select(i => i * 1_000_000m).ToList();

        var statuses = await SendAllAsync(sent.Select(r => (Func<Task<HttpResponseMessage>>)(() =>
            admin.PutAsync($"/api/v1/units/{id}/finance/2024", UnitsClient.Content(Finance(r, 10_000_000).ToJsonString())))));
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/finance/2024");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(stored.GetProperty("revenue").GetProperty("orderedServices").GetDecimal(), sent);
    }

    [Theory, DatabaseData]
    public async Task PutStaffing_EightFirstWritesOfAYearAtOnce_AllAnsweredAndOneRowKept(DatabaseProvider provider)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var sent = Enumerable.Range(1, 8).Select(i => 10 + i).ToList();

        var statuses = await SendAllAsync(sent.Select(b => (Func<Task<HttpResponseMessage>>)(() =>
            admin.PutAsync($"/api/v1/units/{id}/staffing/2024", UnitsClient.Content(Staffing(b).With("overAllocation", true).ToJsonString())))));
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/staffing/2024");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(stored.GetProperty("budgetPositions").GetInt32(), sent);
    }

    [Theory, DatabaseData]
    public async Task PutAllocation_EightFirstWritesOfAYearAtOnce_AllAnswered(DatabaseProvider provider)
    {
        // 2077: a year no other test allocates, so that these are the first writes of it.
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var agency = await app.AgencyIdAsync("92.SGDDT");

        var statuses = await SendAllAsync(Enumerable.Range(1, 8).Select(n => (Func<Task<HttpResponseMessage>>)(() =>
            admin.PutAsync($"/api/v1/agencies/{agency}/staffing-allocations/2077",
                UnitsClient.Content($$"""{"budgetPositions": {{n}}, "overAllocation": true}""")))));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    private static async Task<List<HttpStatusCode>> SendAllAsync(IEnumerable<Func<Task<HttpResponseMessage>>> requests)
    {
        var responses = await Task.WhenAll(requests.Select(r => r()));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        return statuses;
    }
}
