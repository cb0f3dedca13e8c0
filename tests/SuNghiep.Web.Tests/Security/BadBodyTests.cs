using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Security;

/// <summary>
/// Every write endpoint the OpenAPI document lists, called by an administrator of its own on the scope-attack world's
/// objects with a body it cannot take: broken JSON, the wrong kind of document, every field of the wrong type, null in
/// every required field that may not be null, an upload without its file or with a file that is no workbook. No answer
/// is a 5xx or a success, each is a problem document, and none leaves a line in the audit trail.
/// </summary>
public sealed class BadBodyTests(AppHosts hosts)
{
    public static TheoryData<string> Kinds => new("syntax", "root", "types", "nulls", "upload");

    [Theory, DatabaseData(nameof(Kinds))]
    public async Task EveryWriteEndpoint_BodyItCannotTake_Is4xxProblemAndAuditsNothing(DatabaseProvider provider, string kind)
    {
        var app = await hosts.GetAsync(provider);
        var world = await ScopeAttackTests.WorldAsync(app, provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var client = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var userId = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var failures = new List<string>();
        var tried = 0;

        foreach (var (method, pattern, content) in Operations(document.RootElement))
        {
            var multipart = content.TryGetProperty("multipart/form-data", out var form);
            var json = content.TryGetProperty("application/json", out var body);
            // Attachments take any file: a junk one would be kept, so those routes get only the upload without a file.
            var attachments = pattern.EndsWith("/attachments", StringComparison.Ordinal);
            HttpContent? sent = (kind, multipart, json) switch
            {
                ("syntax", _, true) => Raw("""{"a": [1, 2"""),
                ("root", _, true) => Raw("[]"),
                ("types", _, true) => Raw(Wrong(Resolve(body.GetProperty("schema"), schemas), schemas, depth: 0)!.ToJsonString()),
                ("nulls", _, true) when Nulls(Resolve(body.GetProperty("schema"), schemas), schemas) is { } nulls => Raw(nulls),
                ("upload", true, _) => Upload(withFile: false),
                ("types", true, _) when !attachments => Upload(withFile: true),
                _ => null,
            };
            if (sent is null)
            {
                continue;
            }

            tried++;
            // The null body reaches handlers that look up their {id} first: on an id nobody has they answer 404, so the
            // world's objects take it, as do the other kinds (which the binder refuses before any handler runs).
            var url = ScopeAttackTests.Fill(pattern, world, isPage: false);
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = sent };
            var audited = await AuditedAsync(app, userId);
            using var response = await client.SendAsync(request);
            var code = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            var text = await response.Content.ReadAsStringAsync();
            if (code is < 400 or >= 500)
            {
                failures.Add($"{method.ToUpperInvariant()} {pattern}: {code} {Cut(text)}");
            }
            else if (type != "application/problem+json")
            {
                failures.Add($"{method.ToUpperInvariant()} {pattern}: {code} as {type}, not a problem document");
            }
            else if (await AuditedAsync(app, userId) != audited)
            {
                failures.Add($"{method.ToUpperInvariant()} {pattern}: {code}, yet the audit trail gained a line");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}, {kind}: {tried} endpoints tried, {failures.Count} failed");
        Assert.True(tried >= (kind == "upload" ? 10 : 40), $"only {tried} endpoints take a {kind} body: the OpenAPI reading is broken");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} endpoints given a {kind} body:\n" + string.Join("\n", failures));
    }

    private static IEnumerable<(string Method, string Pattern, JsonElement Content)> Operations(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (path.Name, operation)))
            .Where(x => x.operation.Name is "post" or "put" or "patch" && x.operation.Value.TryGetProperty("requestBody", out _))
            .Select(x => (x.operation.Name, x.Name, x.operation.Value.GetProperty("requestBody").GetProperty("content")));

    private static Task<int> AuditedAsync(SuNghiepApp app, string userId) =>
        app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.ActorId == userId));

    private static StringContent Raw(string text) => new(text, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Upload(bool withFile)
    {
        var content = new MultipartFormDataContent { { new StringContent("không phải số"), "year" }, { new StringContent("abc"), "dryRun" } };
        if (withFile)
        {
            var file = new ByteArrayContent("PK\u0003\u0004 không phải bảng tính"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            content.Add(file, "file", "bang-tinh.xlsx");
        }

        return content;
    }

    /// <summary>The schema a reference names; of "null or a body", the body.</summary>
    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference) ? Resolve(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas)
        : schema.TryGetProperty("oneOf", out var choices) ? Resolve(choices.EnumerateArray().First(c => !Types(c).SetEquals(["null"])), schemas)
        : schema;

    private static HashSet<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet()
        : [type.GetString()!];

    /// <summary>A value no reading of the schema takes: an object for a scalar, a string of letters for a number, and so on.</summary>
    private static JsonNode? Wrong(JsonElement schema, JsonElement schemas, int depth)
    {
        var types = Types(schema);
        if (schema.TryGetProperty("properties", out var properties) && depth < 3)
        {
            var wrong = new JsonObject();
            foreach (var property in properties.EnumerateObject())
            {
                wrong[property.Name] = Wrong(Resolve(property.Value, schemas), schemas, depth + 1);
            }

            return wrong;
        }

        if (types.Contains("array"))
        {
            // An array of wrong items where the items are objects; else an object where the array should be.
            return schema.TryGetProperty("items", out var items) && Resolve(items, schemas).TryGetProperty("properties", out _)
                ? new JsonArray(Wrong(Resolve(items, schemas), schemas, depth + 1))
                : new JsonObject { ["x"] = 1 };
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return "mười hai";
        }

        if (schema.TryGetProperty("enum", out _) || schema.TryGetProperty("format", out _))
        {
            return new JsonArray(1, 2);
        }

        return types.Contains("boolean") ? "có" : new JsonObject { ["x"] = "y" };
    }

    /// <summary>
    /// Null in every field the schema requires and does not let be null; none where there is no such field (a body
    /// whose fields may all be left out or null, such as a cancellation's optional reason, may rightly be taken).
    /// </summary>
    private static string? Nulls(JsonElement schema, JsonElement schemas)
    {
        if (!schema.TryGetProperty("required", out var required) || !schema.TryGetProperty("properties", out var properties))
        {
            return null;
        }

        var nulls = new JsonObject();
        foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
        {
            if (properties.TryGetProperty(name, out var property) && !MayBeNull(property, schemas))
            {
                nulls[name] = null;
            }
        }

        return nulls.Count == 0 ? null : nulls.ToJsonString();
    }

    private static bool MayBeNull(JsonElement property, JsonElement schemas) =>
        Types(property).Contains("null")
        || (property.TryGetProperty("oneOf", out var choices) && choices.EnumerateArray().Any(c => Types(c).SetEquals(["null"])))
        || (property.TryGetProperty("$ref", out _) && Types(Resolve(property, schemas)).Contains("null"));

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
