using Microsoft.AspNetCore.Http.HttpResults;
using SuNghiep.Core.Data;
using SuNghiep.Core.Search;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

/// <summary>One result of the search: kind is unit, agency, document or task; url is its page in the app.</summary>
public sealed record SearchItem(string Kind, int Id, string Title, string Url, string? Detail);

public sealed record SearchResponse(IReadOnlyList<SearchItem> Items, int Total);

public static class SearchApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithTags("Search").WithName("Search")
            .WithSummary("Find units, agencies, documents and tasks in the caller's scope, accent-insensitive; best matches first.");
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        SuNghiepDbContext db, string? q, string? kind, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new List<Core.Rules.RuleViolation>();
        var query = new SearchQuery(q, kind,
            Requests.Int(page, "page", errors) ?? 1, Requests.Int(pageSize, "pageSize", errors) ?? SearchQueries.DefaultPageSize);
        errors.AddRange(SearchQueries.Validate(query).Where(e => !errors.Any(x => x.Field == e.Field)));
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var result = await SearchQueries.SearchAsync(db, query, ct);
        return TypedResults.Ok(new SearchResponse(
            result.Items.Select(h => new SearchItem(h.Kind, h.Id, h.Title, h.Url, h.Detail)).ToList(), result.Total));
    }
}
