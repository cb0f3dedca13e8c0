using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>Small helpers over /api/v1/units so that each test reads as its scenario.</summary>
public static class UnitsClient
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>
    /// A valid unit: a commune kindergarten in phường Cái Khế (31120) of the demo province, established in 2000.
    /// The code and name carry the token, so only the test that made the token finds it.
    /// </summary>
    public static JsonObject Body(string token, string suffix, int managingAgencyId) => new()
    {
        ["code"] = $"{token}-{suffix}",
        ["name"] = $"{Unique.Name(token)} {suffix}",
        ["sector"] = "education",
        ["roleClass"] = "basic-service",
        ["level"] = "commune",
        ["areaCode"] = "31120",
        ["managingAgencyId"] = managingAgencyId,
        ["autonomyGroup"] = 4,
        ["establishedOn"] = "2000-01-01",
        ["endedOn"] = null,
        ["address"] = "Số 1 đường Hòa Bình, phường Cái Khế",
        ["notes"] = null,
    };

    public static JsonObject With(this JsonObject body, string field, JsonNode? value)
    {
        var copy = (JsonObject)body.DeepClone();
        copy[field] = value?.DeepClone();
        return copy;
    }

    public static JsonObject Without(this JsonObject body, string field)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove(field);
        return copy;
    }

    public static Task<HttpResponseMessage> PostUnitAsync(this HttpClient client, JsonNode body) =>
        client.PostAsync("/api/v1/units", Content(body.ToJsonString()));

    /// <summary>
    /// PUT as a well-behaved client does: GET the unit first and send its ETag in If-Match. When the GET finds nothing
    /// (unknown, out of scope, no right to read) the PUT goes without it, so that the PUT's own answer is what is tested.
    /// </summary>
    public static async Task<HttpResponseMessage> PutUnitAsync(this HttpClient client, int id, JsonNode body)
    {
        using var current = await client.GetAsync($"/api/v1/units/{id}");
        return await client.PutUnitAsync(id, body, current.IsSuccessStatusCode ? current.Headers.ETag?.ToString() : null);
    }

    /// <summary>PUT with the given If-Match (none when null).</summary>
    public static async Task<HttpResponseMessage> PutUnitAsync(this HttpClient client, int id, JsonNode body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/units/{id}") { Content = Content(body.ToJsonString()) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The ETag that GET /api/v1/units/{id} answers.</summary>
    public static async Task<string> ETagAsync(this HttpClient client, int id)
    {
        using var response = await client.GetAsync($"/api/v1/units/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/units/{id} answered {(int)response.StatusCode}");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"GET /api/v1/units/{id} answered no ETag.");
    }

    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<UnitResponse> CreateUnitAsync(this HttpClient client, JsonNode body)
    {
        using var response = await client.PostUnitAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/units answered {(int)response.StatusCode}: {Shorten(text)}");
        return JsonSerializer.Deserialize<UnitResponse>(text, Json)!;
    }

    public static async Task<UnitResponse> GetUnitAsync(this HttpClient client, int id)
    {
        using var response = await client.GetAsync($"/api/v1/units/{id}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/units/{id} answered {(int)response.StatusCode}: {Shorten(text)}");
        return JsonSerializer.Deserialize<UnitResponse>(text, Json)!;
    }

    public static async Task<UnitListResponse> ListUnitsAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/units?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/units?{query} answered {(int)response.StatusCode}: {Shorten(text)}");
        return JsonSerializer.Deserialize<UnitListResponse>(text, Json)!;
    }

    /// <summary>Asserts a 400 problem+json answer and returns the fields named in its "errors".</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ValidationErrorsAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {Shorten(text)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        Assert.True(document.RootElement.TryGetProperty("errors", out var errors), $"no \"errors\" in {Shorten(text)}");
        return errors.EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray(), StringComparer.Ordinal);
    }

    public static async Task<string> ProblemTitleAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("title").GetString()!;
    }

    private static string Shorten(string text) => text.Length <= 1500 ? text : text[..1500] + "…";

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
}
