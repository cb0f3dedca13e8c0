using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Pages.ApiDocs;

/// <summary>
/// The API's reference, rendered here from the same OpenAPI document as /openapi/v1.json: no script, no outside font or
/// service, so it reads offline and prints.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel([FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : PageModel
{
    public sealed record Parameter(string Name, string In, bool Required, string Type, string? Description);

    public sealed record Answer(string Code, string Description, string? Type);

    public sealed record Operation(
        string Method, string Path, string? Id, string Summary, bool NeedsToken, IReadOnlyList<Parameter> Parameters,
        IReadOnlyList<(string ContentType, string Type)> Body, IReadOnlyList<Answer> Responses);

    public sealed record Tag(string Name, string Description, IReadOnlyList<Operation> Operations);

    public string Introduction => OpenApiDocumentContract.Introduction;

    public IReadOnlyList<Tag> Tags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var document = await documents.GetOpenApiDocumentAsync(ct);
        var operations = (document.Paths ?? new OpenApiPaths())
            .SelectMany(p => (p.Value.Operations ?? []).Select(o => (Path: p.Key, Method: o.Key.Method, Op: o.Value)))
            .ToList();
        Tags = operations
            .GroupBy(o => o.Op.Tags?.FirstOrDefault()?.Name ?? "")
            .Select(g => new Tag(g.Key,
                document.Tags?.FirstOrDefault(t => t.Name == g.Key)?.Description ?? g.Key,
                g.Select(o => View(o.Path, o.Method, o.Op)).ToList()))
            .ToList();
    }

    private static Operation View(string path, string method, OpenApiOperation op) => new(
        method, path, op.OperationId, op.Summary ?? "",
        op.Security?.Any(r => r.Count > 0) == true,
        (op.Parameters ?? []).Select(p => new Parameter(p.Name ?? "", In(p.In), p.Required, TypeName(p.Schema), p.Description)).ToList(),
        (op.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => (c.Key, TypeName(c.Value.Schema))).ToList(),
        (op.Responses ?? new OpenApiResponses()).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new Answer(r.Key, r.Value.Description ?? "", r.Value.Content?.Values.Select(c => TypeName(c.Schema)).FirstOrDefault())).ToList());

    private static string In(ParameterLocation? location) => location switch
    {
        ParameterLocation.Path => "đường dẫn",
        ParameterLocation.Query => "query",
        ParameterLocation.Header => "tiêu đề",
        _ => "",
    };

    /// <summary>A schema as a reader names it: the component's name, an array of it, or the JSON type.</summary>
    public static string TypeName(IOpenApiSchema? schema) => schema switch
    {
        null => "",
        OpenApiSchemaReference r => r.Reference.Id ?? "",
        { Items: { } items } => TypeName(items) + "[]",
        { OneOf: { Count: > 0 } one } => string.Join(" | ", one.Select(TypeName).Where(n => n.Length > 0)),
        { Type: { } type } => (type & ~JsonSchemaType.Null).ToString().ToLowerInvariant() + (schema.Format is { } f ? $" ({f})" : ""),
        _ => "object",
    };
}
