using System.Net;
using System.Text.Json;

namespace SuNghiep.Web.Tests.Security;

/// <summary>
/// Every GET route of the app, endpoints and pages, read by the administrator on the scope-attack world's objects with
/// every query parameter the API documents (and the pages' usual ones) set to a value it cannot take: no answer is a 5xx,
/// and an endpoint's refusal is a problem document.
/// </summary>
public sealed class BadQueryTests(AppHosts hosts)
{
    // The pages' filters, paging, sorting and tabs; the endpoints' parameters are read from the OpenAPI document.
    private static readonly string[] PageParameters =
    [
        "page", "pageSize", "q", "search", "year", "asOf", "from", "to", "sort", "dir", "status", "sector", "areaCode", "agencyId",
        "unitId", "level", "kind", "method", "baseline", "breakdown", "catalogueId", "itemId", "period", "type", "tab", "date",
        "providerId", "standardId", "instrumentId", "documentId", "taskId", "scope", "role", "action", "entity", "user",
    ];

    public static TheoryData<string> Values => new("abc", "-1", "99999999999999999999", "2020-02-30", "'\"<>%00");

    [Theory, DatabaseData(nameof(Values))]
    public async Task EveryGetRoute_EveryParameterUnparsable_NeverA5xx(DatabaseProvider provider, string value)
    {
        var app = await hosts.GetAsync(provider);
        var world = await ScopeAttackTests.WorldAsync(app, provider);
        using var admin = await app.AdminAsync();
        var names = PageParameters.Concat(await DocumentedParametersAsync(admin)).Distinct(StringComparer.Ordinal).ToList();
        var query = string.Join("&", names.Select(n => $"{n}={Uri.EscapeDataString(value)}"));
        var routes = (await ScopeAttackTests.RoutesAsync(app)).Where(r => r.Method == "GET").ToList();
        var failures = new List<string>();
        var refused = 0;

        foreach (var route in routes)
        {
            var path = ScopeAttackTests.Fill(route.Pattern, world, route.IsPage);
            var url = $"{path}?{(route.Handler is null ? "" : $"handler={route.Handler}&")}{query}";
            using var response = route.IsPage ? await world.AdminPages.Client.GetAsync(url) : await admin.GetAsync(url);
            var code = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            refused += !route.IsPage && code == 400 ? 1 : 0;
            if (code >= 500)
            {
                failures.Add($"{route.Key}: {code}");
            }
            else if (!route.IsPage && code is >= 400 and < 500 && code != (int)HttpStatusCode.NotFound && type != "application/problem+json")
            {
                failures.Add($"{route.Key}: {code} as {type}, not a problem document");
            }
        }

        Assert.True(routes.Count > 100, $"only {routes.Count} GET routes");
        Assert.True(names.Count > PageParameters.Length, "no parameter read from the OpenAPI document");
        // The values reached the endpoints: many refuse them.
        Assert.True(refused > 10, $"only {refused} endpoints refused \"{value}\"");
        Assert.True(failures.Count == 0, $"{failures.Count} of {routes.Count} routes with every parameter \"{value}\":\n" + string.Join("\n", failures));
    }

    private static async Task<IEnumerable<string>> DocumentedParametersAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("parameters", out _))
            .SelectMany(operation => operation.Value.GetProperty("parameters").EnumerateArray())
            .Where(p => p.TryGetProperty("in", out var where) && where.GetString() == "query")
            .Select(p => p.GetProperty("name").GetString()!)
            .ToList();
    }
}
