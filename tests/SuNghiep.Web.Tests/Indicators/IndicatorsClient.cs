using System.Net;
using System.Text.Json;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Indicators;

/// <summary>
/// Helpers for the indicator tests. Each test's units hang under a managing agency of its own, made here, so that a scope
/// on that agency counts only the test's units while the hosts are shared with every other test.
/// </summary>
internal static class IndicatorsClient
{
    public static async Task<IndicatorResult> IndicatorAsync(this HttpClient client, string code, string query)
    {
        var url = $"/api/v1/indicators/{code}?{query}";
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<IndicatorResult>(text, UnitsClient.Json)!;
    }

    public static async Task<(Paged<DrilldownUnit> Units, Paged<DrilldownEvent> Events)> DrilldownAsync(this HttpClient client, string code, string query)
    {
        var url = $"/api/v1/indicators/{code}/drilldown?{query}";
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        var body = JsonSerializer.Deserialize<DrilldownResponse>(text, UnitsClient.Json)!;
        return (body.Units, body.Events);
    }

    /// <summary>A department of the demo province that no other test uses, as its own lineage root.</summary>
    public static Task<int> AgencyAsync(SuNghiepApp app, string token) => app.WithDbAsync(async (db, _) =>
    {
        var agency = new Agency
        {
            Code = $"T.{token}", Name = $"Sở thử nghiệm {Unique.Name(token)}", Kind = AgencyKind.Department, LevelCode = "province",
        };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        agency.Path = agency.LineagePath = $"/{agency.Id}/";
        await db.SaveChangesAsync();
        return agency.Id;
    });

    /// <summary>A unit of the test's agency in an area (code read on the establishment date), active from that date.</summary>
    public static async Task<UnitResponse> UnitAsync(this HttpClient client, string token, string suffix, int agency, string areaCode, DateOnly established,
        string sector = "education", string roleClass = "basic-service", string level = "province")
    {
        var body = UnitsClient.Body(token, suffix, agency)
            .With("areaCode", areaCode).With("establishedOn", HistoryClient.Iso(established))
            .With("sector", sector).With("roleClass", roleClass).With("level", level);
        return await client.CreateUnitAsync(body);
    }

    public static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 4) : null;
}
