using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Api;

/// <summary>
/// The OpenAPI document is one a generated client can use: bearer security where a token is needed, a summary, typed bodies
/// and the problem answers on every operation, a server URL without trailing slash. The document is also written to
/// artifacts/openapi/ for Redocly's linter, which scripts/test.sh runs after the tests. And /api/docs reads it offline.
/// </summary>
public sealed partial class OpenApiContractTests(AppHosts hosts)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Theory, DatabaseData]
    public async Task Document_EveryOperation_HasSecuritySummaryBodyAndProblems(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client();
        using var response = await client.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Write(text, provider);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        Assert.All(root.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/'), "server URL ends with /"));
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var failures = new List<string>();
        var count = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                count++;
                var name = $"{op.Name.ToUpperInvariant()} {path.Name}";
                failures.AddRange(Check(name, path.Name, op.Value).Select(f => $"{name}: {f}"));
            }
        }

        Assert.True(count > 60, $"only {count} operations in the document");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory, DatabaseData]
    public async Task Document_EveryReference_Resolves(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        var references = new List<string>();
        Collect(json.RootElement, references);

        Assert.NotEmpty(references);
        var dangling = references.Distinct().Where(r => !r.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            || !schemas.TryGetProperty(r["#/components/schemas/".Length..], out _)).ToList();
        Assert.True(dangling.Count == 0, "unresolved: " + string.Join(", ", dangling));

        static void Collect(JsonElement element, List<string> into)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        into.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, into);
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, into);
                }
            }
        }
    }

    private static IEnumerable<string> Check(string name, string path, JsonElement op)
    {
        // Sign-in and the public register (citizens, no account) are the anonymous operations.
        var anonymous = name == "POST /api/v1/auth/login" || path.StartsWith("/api/v1/public/", StringComparison.Ordinal);
        if (!op.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
        {
            yield return "no summary";
        }

        var requirements = op.TryGetProperty("security", out var security) ? security.EnumerateArray().ToList() : [];
        var bearer = requirements.Any(r => r.TryGetProperty("Bearer", out _));
        if (requirements.Count == 0)
        {
            yield return "no security";
        }
        else if (bearer == anonymous)
        {
            yield return anonymous ? "sign-in asks for a token" : "no Bearer requirement";
        }

        if (op.TryGetProperty("requestBody", out var body))
        {
            foreach (var content in body.GetProperty("content").EnumerateObject())
            {
                var reference = content.Value.TryGetProperty("schema", out var schema) ? Reference(schema) : null;
                if (reference is null or "JsonElement")
                {
                    yield return $"untyped body ({content.Name})";
                }
            }
        }

        var responses = op.GetProperty("responses");
        if (!responses.EnumerateObject().Any(r => r.Name.StartsWith('2')))
        {
            yield return "no 2xx answer";
        }

        var expected = new List<string> { "401", "429" };
        if (path.Contains('{', StringComparison.Ordinal))
        {
            expected.Add("404");
        }

        if (op.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0 || op.TryGetProperty("requestBody", out _))
        {
            expected.Add("400");
        }

        foreach (var code in expected.Where(c => !responses.TryGetProperty(c, out _)))
        {
            yield return $"no {code} answer";
        }

        foreach (var problem in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
        {
            var schema = problem.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var media)
                ? Reference(media.GetProperty("schema"))
                : null;
            if (schema is not ("ProblemDetails" or "HttpValidationProblemDetails"))
            {
                yield return $"{problem.Name} is not described as problem details";
            }
        }
    }

    private static string? Reference(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var r) ? r.GetString()!.Split('/')[^1]
        : schema.TryGetProperty("oneOf", out var one) ? one.EnumerateArray().Select(Reference).FirstOrDefault(x => x is not null)
        : null;

    [Theory, DatabaseData]
    public async Task Document_WriteOperationsOfRoles_Declare403_AndConflictsTheir409(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");

        JsonElement Responses(string path, string method) => paths.GetProperty(path).GetProperty(method).GetProperty("responses");

        Assert.True(Responses("/api/v1/units", "post").TryGetProperty("403", out _));
        Assert.True(Responses("/api/v1/units/{id}", "put").TryGetProperty("412", out _));
        Assert.True(Responses("/api/v1/reorganizations", "post").TryGetProperty("409", out _));
        Assert.False(Responses("/api/v1/units", "get").TryGetProperty("403", out _));
        Assert.False(Responses("/api/v1/auth/login", "post").TryGetProperty("404", out _));
    }

    [Theory, DatabaseData]
    public async Task DocsPage_IsVietnameseOfflineAndLinksBack(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client();

        using var response = await client.GetAsync("/api/docs");
        var html = await response.Content.ReadAsStringAsync();
        var page = await PageSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Authorization: Bearer <token>", page.QuerySelector("[data-testid=docs-bearer]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/", page.QuerySelector("[data-testid=docs-home]")!.GetAttribute("href"));
        Assert.Contains("Xác thực", page.QuerySelector("[data-testid=docs-intro]")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelectorAll("[data-testid=docs-operation]").Length > 60);
        Assert.Contains(page.QuerySelectorAll("[data-testid=docs-operation] code"), c => c.TextContent == "/api/v1/search");
        // Nothing from elsewhere: every script, style sheet, image and font comes from the app itself.
        var outside = page.QuerySelectorAll("script[src], link[href], img[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .Where(u => !u.StartsWith('/'))
            .ToList();
        Assert.Empty(outside);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.DoesNotMatch(Fonts(), html);
        Assert.DoesNotContain("scalar", html, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"fonts\.googleapis|fonts\.gstatic|cdn\.|unpkg|jsdelivr", RegexOptions.IgnoreCase)]
    private static partial Regex Fonts();

    /// <summary>artifacts/openapi/v1.{provider}.json at the repository's root, for the linter.</summary>
    private static void Write(string text, DatabaseProvider provider)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SuNghiep.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            return;
        }

        var folder = Path.Combine(dir.FullName, "artifacts", "openapi");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"v1.{provider.ToString().ToLowerInvariant()}.json"), text);
    }
}
