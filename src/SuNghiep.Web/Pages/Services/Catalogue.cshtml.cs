using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Services;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Services;

/// <summary>
/// A catalogue with its items as a tree by parent, each with its methods and the price in force today; for whoever may write
/// the catalogue, its items and prices from .xlsx (the imports of POST /api/v1/service-catalogues/{id}/items|prices/import).
/// </summary>
// The form's boundaries come on top of the file; the file itself is held to 10 MB below, with a message.
[RequestSizeLimit(ReorganizationsApi.MaxUpload + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ReorganizationsApi.MaxUpload + 1024 * 1024)]
public sealed class CatalogueModel(CatalogueQueries queries, CatalogueService service) : PageModel
{
    public CatalogueView Catalogue { get; private set; } = null!;

    /// <summary>The items in tree order (each group followed by its children), with their depth.</summary>
    public IReadOnlyList<(ItemRow Item, int Depth)> Tree { get; private set; } = [];

    public bool CanRecord => Roles.UnitCreators.Any(User.IsInRole);

    /// <summary>Whether the caller may write this catalogue's items and prices: the API's own decision.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>The import whose file had problems ("items" or "prices"), so that its form opens with them.</summary>
    public string? ImportKind { get; private set; }

    public IReadOnlyList<ImportProblem> ImportProblems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetItemsTemplateAsync(int id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : CanEdit ? File(CatalogueImport.ItemTemplate(), ListExport.XlsxType, "mau-dich-vu-danh-muc.xlsx") : Forbid();

    public async Task<IActionResult> OnGetPricesTemplateAsync(int id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : CanEdit ? File(CatalogueImport.PriceTemplate(), ListExport.XlsxType, "mau-don-gia-dich-vu.xlsx") : Forbid();

    /// <summary>The items in the import's columns: what a catalogue that supersedes this one loads as it is.</summary>
    public async Task<IActionResult> OnGetItemsXlsxAsync(int id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound()
            : File(CatalogueImport.ItemsWorkbook(Tree.Select(t => t.Item).ToList()), ListExport.XlsxType, $"dich-vu-danh-muc-{id}.xlsx");

    /// <summary>Every price of the items, in the import's columns.</summary>
    public async Task<IActionResult> OnGetPricesXlsxAsync(int id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound()
            : File(CatalogueImport.PricesWorkbook(await queries.PricesAsync(id, ct)), ListExport.XlsxType, $"don-gia-danh-muc-{id}.xlsx");

    public Task<IActionResult> OnPostItemsAsync(int id, IFormFile? upload, [FromServices] CatalogueImport import, CancellationToken ct) =>
        ImportAsync(id, "items", upload, import.ItemsAsync, "dịch vụ", ct);

    public Task<IActionResult> OnPostPricesAsync(int id, IFormFile? upload, [FromServices] CatalogueImport import, CancellationToken ct) =>
        ImportAsync(id, "prices", upload, import.PricesAsync, "đơn giá", ct);

    /// <summary>Both imports: all rows or none; a file with problems re-renders the page with them by row and column.</summary>
    private async Task<IActionResult> ImportAsync(int id, string kind, IFormFile? upload,
        Func<int, Stream, CancellationToken, Task<CatalogueImport.Outcome>> import, string what, CancellationToken ct)
    {
        if (await RefusalAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        ImportKind = kind;
        if (upload is null || upload.Length == 0)
        {
            return Invalid("Chọn tệp .xlsx theo mẫu để nhập.");
        }

        if (!string.Equals(Path.GetExtension(upload.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid($"Tệp \"{upload.FileName}\" không phải tệp Excel .xlsx. Hãy lưu theo mẫu dưới dạng .xlsx (Excel Workbook) rồi nhập lại.");
        }

        if (upload.Length > ReorganizationsApi.MaxUpload)
        {
            return Invalid("Tệp lớn hơn 10 MB. Hãy chia thành nhiều tệp nhỏ hơn.");
        }

        await using var stream = new MemoryStream();
        await upload.CopyToAsync(stream, ct);
        stream.Position = 0;
        var outcome = await import(id, stream, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Forbidden is not null)
        {
            return Forbid();
        }

        if (!outcome.Succeeded)
        {
            ImportProblems = outcome.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = $"Đã nhập {Display.Number(outcome.Imported)} {what} từ tệp \"{upload.FileName}\".";
        return Redirect($"/services/catalogues/{id}");
    }

    private PageResult Invalid(string message)
    {
        ImportProblems = [new(0, "", "", message)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Why a write is refused (a role that writes no catalogue, no such object, a catalogue of another level or area); null when allowed.</summary>
    private async Task<IActionResult?> RefusalAsync(int id, CancellationToken ct) =>
        !CanRecord ? Forbid() : !await LoadAsync(id, ct) ? NotFound() : !CanEdit ? Forbid() : null;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.CatalogueAsync(id, ct) is not { } catalogue)
        {
            return false;
        }

        Catalogue = catalogue;
        Tree = Flatten(catalogue.Items);
        CanEdit = CanRecord && CatalogueCodes.ParseLevel(catalogue.Level) is { } level
            && await service.RefusalAsync(level, catalogue.AreaCode, catalogue.IssuerAgencyId, ct) is null;
        return true;
    }

    public static IReadOnlyList<(ItemRow Item, int Depth)> Flatten(IReadOnlyList<ItemRow> items)
    {
        var ids = items.Select(i => i.Id).ToHashSet();
        var children = items.ToLookup(i => i.ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        var result = new List<(ItemRow, int)>(items.Count);
        void Walk(int? parent, int depth)
        {
            // A depth bound keeps a cycle written by hand in the database from looping.
            if (depth > 20)
            {
                return;
            }

            foreach (var item in children[parent])
            {
                result.Add((item, depth));
                Walk(item.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }
}
