using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Seeding;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>Helpers over /api/v1/reorganizations, /counts and a unit's history, so that each test reads as its scenario.</summary>
public static class HistoryClient
{
    public const string Issuer = "Ủy ban nhân dân thành phố Cần Thơ";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A reorganization of the given type taking effect on the date, with its decision signed three weeks before.</summary>
    public static JsonObject Event(string type, DateOnly effective, string number = "12/QĐ-UBND") => new()
    {
        ["type"] = type,
        ["decision"] = new JsonObject { ["number"] = number, ["date"] = Iso(effective.AddDays(-21)), ["issuer"] = Issuer },
        ["effectiveDate"] = Iso(effective),
    };

    public static JsonArray Ids(params UnitResponse[] units) => new([.. units.Select(u => (JsonNode)u.Id)]);

    public static JsonArray Array(params JsonNode[] items) => new([.. items.Select(i => i.DeepClone())]);

    public static Task<HttpResponseMessage> PostEventAsync(this HttpClient client, JsonNode body) =>
        client.PostAsync("/api/v1/reorganizations", UnitsClient.Content(body.ToJsonString()));

    /// <summary>Records an event that must succeed: 201 with its id and the event as stored.</summary>
    public static async Task<ReorganizationCreated> RecordAsync(this HttpClient client, JsonNode body)
    {
        using var response = await client.PostEventAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/reorganizations answered {(int)response.StatusCode}: {text}");
        var created = JsonSerializer.Deserialize<ReorganizationCreated>(text, UnitsClient.Json)!;
        Assert.True(created.Id > 0);
        Assert.Equal($"/api/v1/reorganizations/{created.Id}", response.Headers.Location?.OriginalString);
        return created;
    }

    public static Task<HttpResponseMessage> VoidAsync(this HttpClient client, int id, string? reason) =>
        client.PostAsync($"/api/v1/reorganizations/{id}/void", UnitsClient.Content(new JsonObject { ["reason"] = reason }.ToJsonString()));

    public static Task<ReorganizationView> GetEventAsync(this HttpClient client, int id) =>
        client.ReadAsync<ReorganizationView>($"/api/v1/reorganizations/{id}");

    public static Task<ReorganizationListResponse> ListEventsAsync(this HttpClient client, string query) =>
        client.ReadAsync<ReorganizationListResponse>($"/api/v1/reorganizations?{query}");

    public static Task<UnitResponse> GetUnitAsync(this HttpClient client, int id, DateOnly asOf) =>
        client.ReadAsync<UnitResponse>($"/api/v1/units/{id}?asOf={Iso(asOf)}");

    public static Task<UnitHistory> HistoryAsync(this HttpClient client, int id) =>
        client.ReadAsync<UnitHistory>($"/api/v1/units/{id}/history");

    public static Task<UnitLineage> LineageAsync(this HttpClient client, int id) =>
        client.ReadAsync<UnitLineage>($"/api/v1/units/{id}/lineage");

    public static async Task<int> CountAsync(this HttpClient client, DateOnly asOf, string areaCode)
    {
        var counts = await client.ReadAsync<CountBreakdown>($"/api/v1/counts?asOf={Iso(asOf)}&areaCode={areaCode}");
        Assert.Equal(asOf, counts.AsOf);
        Assert.Equal(counts.Total, counts.BySector.Values.Sum());
        return counts.Total;
    }

    public static Task<CountChangesResponse> ChangesAsync(this HttpClient client, DateOnly from, DateOnly to, string areaCode) =>
        client.ReadAsync<CountChangesResponse>($"/api/v1/counts/changes?from={Iso(from)}&to={Iso(to)}&areaCode={areaCode}");

    public static async Task<T> ReadAsync<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, UnitsClient.Json)!;
    }
}

/// <summary>
/// A commune of another province than the demo's, different for every test of the run: counts in it move only with the
/// test's own units, so a test can assert them exactly.
/// </summary>
public static class Communes
{
    /// <summary>A commune of Điện Biên where no test registers a unit: a scope there has an empty register.</summary>
    public const string Empty = "03158";

    // The embedded list of the app (code first, province code last), but for the demo province and Hà Nội, where other
    // tests write, and the commune kept empty.
    private static readonly string[] Codes = ReadLines()
        .Skip(1)
        .Select(line => line.Split(','))
        .Where(f => f[^1] is not ("92" or "01") && f[0] != Empty)
        .Select(f => f[0])
        .OrderBy(_ => Random.Shared.Next())
        .ToArray();

    private static int _next = -1;

    public static string Next() => Codes[Interlocked.Increment(ref _next) % Codes.Length];

    private static IEnumerable<string> ReadLines()
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream("ReferenceData.communes-2025.csv")!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.TrimEnd('\r');
            }
        }
    }
}

/// <summary>One test's corner of the register: its own token, commune and managing agency, and its units there.</summary>
public sealed class HistoryScenario
{
    public static readonly DateOnly Established = new(2010, 1, 1);

    private HistoryScenario(SuNghiepApp app, HttpClient client, string agencyCode, int agencyId)
    {
        App = app;
        Client = client;
        AgencyCode = agencyCode;
        AgencyId = agencyId;
    }

    public SuNghiepApp App { get; }

    /// <summary>The administrator, who sees the whole country.</summary>
    public HttpClient Client { get; }

    public string Token { get; } = Unique.Token();

    public string AreaCode { get; } = Communes.Next();

    public string AgencyCode { get; }

    public int AgencyId { get; }

    public static async Task<HistoryScenario> StartAsync(AppHosts hosts, DatabaseProvider provider, string agencyCode = "92.SGDDT")
    {
        var app = await hosts.GetAsync(provider);
        return new HistoryScenario(app, await app.AdminAsync(), agencyCode, await app.AgencyIdAsync(agencyCode));
    }

    /// <summary>A unit of the scenario established on 1/1/2010, for POST /api/v1/units.</summary>
    public JsonObject UnitBody(string suffix) =>
        UnitsClient.Body(Token, suffix, AgencyId).With("areaCode", AreaCode).With("establishedOn", Iso(Established));

    public Task<UnitResponse> UnitAsync(string suffix) => Client.CreateUnitAsync(UnitBody(suffix));

    public async Task<UnitResponse> UnitAsync(string suffix, string agencyCode) =>
        await Client.CreateUnitAsync(UnitBody(suffix).With("managingAgencyId", await App.AgencyIdAsync(agencyCode)));

    /// <summary>A new unit for an event's "newUnits": it starts on the effective date, so no dates are given.</summary>
    public JsonObject NewUnit(string suffix) => UnitBody(suffix).Without("establishedOn").Without("endedOn");

    public Task<int> CountAsync(DateOnly asOf) => Client.CountAsync(asOf, AreaCode);

    /// <summary>The ids of the scenario's units active on a date, in order.</summary>
    public async Task<int[]> ActiveAsync(DateOnly asOf) =>
        [.. (await Client.ListUnitsAsync($"search={Token}&asOf={Iso(asOf)}&pageSize=100")).Items.Select(u => u.Id).Order()];

    /// <summary>The ids of all the scenario's units established by a date, ended or not.</summary>
    public async Task<int[]> AllAsync(DateOnly asOf) =>
        [.. (await Client.ListUnitsAsync($"search={Token}&asOf={Iso(asOf)}&status=all&pageSize=100")).Items.Select(u => u.Id).Order()];

    private static string Iso(DateOnly date) => HistoryClient.Iso(date);
}
