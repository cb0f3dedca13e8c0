using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Web.Tests.Pages.Resources;
using SuNghiep.Web.Tests.Scenarios;
using static SuNghiep.Web.Tests.Network.NetworkWorld;

namespace SuNghiep.Web.Tests.Network;

/// <summary>The what-if of a scenario on the network: the communes its dissolutions or mergers take below the norm.</summary>
public sealed class ScenarioCoverageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Dissolution_OfAPublicHospital_TheCommuneFallsBelowTheNormAfterNotBefore(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await CreateAsync(app, communes: 2);
        var (a, b) = (w.Communes[0], w.Communes[1]);
        // a: 10,000 people, a public hospital of 40 beds (33 needed). b: the same, but a private hospital of 35 beds stays.
        var hospital = await w.PublicHospitalAsync(app, admin, a, 40, "A");
        var other = await w.PublicHospitalAsync(app, admin, b, 40, "B");
        await CreateProviderAsync(admin, Provider($"{w.Token}-p", b, 35));
        await w.PopulationAsync(app, a, 2025, 10_000);
        await w.PopulationAsync(app, b, 2025, 10_000);
        var scenario = await admin.DraftAsync(new JsonObject
        {
            ["name"] = $"Giải thể bệnh viện {w.Token}",
            ["events"] = new JsonArray(
                new JsonObject { ["type"] = "dissolution", ["effectiveDate"] = "2026-03-01", ["sourceUnitIds"] = new JsonArray(hospital) },
                new JsonObject { ["type"] = "dissolution", ["effectiveDate"] = "2026-03-01", ["sourceUnitIds"] = new JsonArray(other) }),
        });

        var answer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/scenarios/{scenario.Id}/indicators/units.count?asOf=2026-03-01&areaCode={w.Province}");

        var fall = Assert.Single(answer.GetProperty("coverage").EnumerateArray());
        Assert.Equal(a, fall.GetProperty("communeCode").GetString());
        Assert.Equal("health", fall.GetProperty("sector").GetString());
        Assert.Equal(40, fall.GetProperty("before").GetProperty("capacity").GetInt64());
        Assert.False(fall.GetProperty("before").GetProperty("belowNorm").GetBoolean());
        Assert.Equal(0, fall.GetProperty("after").GetProperty("capacity").GetInt64());
        Assert.True(fall.GetProperty("after").GetProperty("belowNorm").GetBoolean());
        Assert.Equal(33m, fall.GetProperty("after").GetProperty("norm").GetDecimal());
        // The existing fields stay, and nothing was recorded: the register still has the hospital's beds.
        Assert.True(answer.TryGetProperty("actual", out _));
        Assert.True(answer.TryGetProperty("scenario", out _));
        var coverage = await CoverageAsync(admin, $"sector=health&areaCode={w.Province}&asOf=2026-03-01");
        Assert.Equal(40, Item(coverage, a).GetProperty("capacity").GetInt64());
        Assert.False(Item(coverage, a).GetProperty("belowNorm").GetBoolean());

        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (response, page) = await session.GetAsync($"/scenarios/{scenario.Id}?asOf=01/03/2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("[data-testid=coverage-fall]");
        Assert.Equal([a], rows.Select(r => r.GetAttribute("data-commune")));
        Assert.Contains("40", rows[0].QuerySelector("[data-testid=before]")!.TextContent, StringComparison.Ordinal);
    }
}
