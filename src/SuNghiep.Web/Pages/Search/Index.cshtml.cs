using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Search;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Search;

/// <summary>
/// What the header's search box finds, grouped by kind. Without a kind each group shows its best few with a link to all
/// of them; with one, that kind alone, paged.
/// </summary>
public sealed class IndexModel(SuNghiepDbContext db) : PageModel
{
    public const int PerGroup = 5;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    public sealed record Group(string Kind, string Name, int Total, IReadOnlyList<SearchHit> Hits);

    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public Pager? Pager { get; private set; }
    public bool Asked => !string.IsNullOrWhiteSpace(Q);

    // "page" is read from the query only: as a route value it names the Razor page itself.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageText, CancellationToken ct)
    {
        if (!Asked)
        {
            // The page itself, before anything is asked: a form and no error.
            return Page();
        }

        var page = 1;
        if (!string.IsNullOrWhiteSpace(pageText) && !int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page))
        {
            ModelState.AddModelError("page", "Số trang phải là số nguyên dương.");
        }

        var single = SearchQueries.Kinds.Contains(Kind ?? "");
        var query = new SearchQuery(Q, Kind, page, single ? SearchQueries.DefaultPageSize : PerGroup);
        foreach (var e in SearchQueries.Validate(query).Where(e => ModelState[e.Field] is not { Errors.Count: > 0 }))
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Each kind on its own, so that every group shows its best, whatever the others hold.
        var groups = new List<Group>();
        foreach (var kind in single ? [Kind!] : SearchQueries.Kinds)
        {
            var result = await SearchQueries.SearchAsync(db, query with { Kind = kind }, ct);
            groups.Add(new Group(kind, SearchQueries.KindName(kind), result.Total, result.Items));
        }

        Groups = groups;
        Total = groups.Sum(g => g.Total);
        if (single)
        {
            Pager = Pager.For("/search", Request.Query, page, Math.Min(Total, SearchQueries.MaxResults), SearchQueries.DefaultPageSize);
        }

        return Page();
    }
}
