using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>The cascade of documents as a tree: a document sits under each document it implements.</summary>
public sealed class DocumentsModel(SuNghiepDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<DocumentSummary> Roots { get; private set; } = [];
    public IReadOnlyList<DocumentSummary> Found { get; private set; } = [];
    public ILookup<int, DocumentSummary> Children { get; private set; } = Array.Empty<DocumentSummary>().ToLookup(d => 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await PlanQueries.ListDocumentsAsync(db, null, ct);
        var ids = all.Select(d => d.Id).ToHashSet();
        // A document whose parents are all unknown is a root too, so that nothing falls out of the tree.
        Roots = all.Where(d => !d.ParentIds.Any(ids.Contains)).ToList();
        Children = all.SelectMany(d => d.ParentIds.Where(ids.Contains).Select(p => (Parent: p, Child: d))).ToLookup(x => x.Parent, x => x.Child);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            Found = await PlanQueries.ListDocumentsAsync(db, Search, ct);
        }
    }
}
