using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Scenarios;

/// <summary>Helpers over /api/v1/scenarios, so that each test reads as its story.</summary>
public static class ScenarioClient
{
    /// <summary>A proposed event without its decision: a draft may leave it for the day it is applied.</summary>
    public static JsonObject Proposed(string type, DateOnly effective, params UnitResponse[] sources) => new()
    {
        ["type"] = type,
        ["effectiveDate"] = Iso(effective),
        ["sourceUnitIds"] = Ids(sources),
    };

    public static JsonObject Body(string name, params JsonObject[] events) => new()
    {
        ["name"] = name,
        ["events"] = Array(events),
    };

    public static JsonObject Decision(string number, DateOnly date) => new()
    {
        ["number"] = number, ["date"] = Iso(date), ["issuer"] = Issuer,
    };

    public static Task<HttpResponseMessage> PostScenarioAsync(this HttpClient client, JsonNode body) =>
        client.PostAsync("/api/v1/scenarios", UnitsClient.Content(body.ToJsonString()));

    /// <summary>Drafts a scenario that must be accepted: 201 with its location.</summary>
    public static async Task<ScenarioResponse> DraftAsync(this HttpClient client, JsonNode body)
    {
        using var response = await client.PostScenarioAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/scenarios answered {(int)response.StatusCode}: {text}");
        var created = JsonSerializer.Deserialize<ScenarioResponse>(text, UnitsClient.Json)!;
        Assert.Equal($"/api/v1/scenarios/{created.Id}", response.Headers.Location?.OriginalString);
        return created;
    }

    public static Task<HttpResponseMessage> ApplyAsync(this HttpClient client, int id, JsonNode? body = null) =>
        client.PostAsync($"/api/v1/scenarios/{id}/apply", body is null ? null : UnitsClient.Content(body.ToJsonString()));

    public static Task<HttpResponseMessage> ShareAsync(this HttpClient client, int id) =>
        client.PostAsync($"/api/v1/scenarios/{id}/share", null);

    public static Task<ScenarioResponse> GetScenarioAsync(this HttpClient client, int id) =>
        client.ReadAsync<ScenarioResponse>($"/api/v1/scenarios/{id}");

    public static async Task<int[]> ListedAsync(this HttpClient client) =>
        [.. (await client.ReadAsync<ScenarioListResponse>("/api/v1/scenarios")).Items.Select(s => s.Id)];

    public static Task<ScenarioIndicatorResponse> IndicatorAsync(this HttpClient client, int id, string code, string query) =>
        client.ReadAsync<ScenarioIndicatorResponse>($"/api/v1/scenarios/{id}/indicators/{code}?{query}");

    public static async Task<T> ReadBodyAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, UnitsClient.Json)!;
    }
}
