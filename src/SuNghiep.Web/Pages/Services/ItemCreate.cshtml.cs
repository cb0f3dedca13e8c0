using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Services;

/// <summary>Adds an item to a catalogue (POST /api/v1/service-catalogues/{id}/items).</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class ItemCreateModel(SuNghiepDbContext db, CatalogueService service, CatalogueQueries queries) : PageModel
{
    public sealed record InputModel
    {
        public string? Code { get; init; }
        public string? Name { get; init; }
        public string? Sector { get; init; }
        public string? ParentId { get; init; }
        public List<string> Methods { get; init; } = [];
        public bool Essential { get; init; }
        public bool FeeBased { get; init; }
        public string? OutputUnit { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CatalogueView Catalogue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.CatalogueAsync(id, ct) is not { } catalogue)
        {
            return NotFound();
        }

        Catalogue = catalogue;
        Input = new InputModel { Methods = ["assignment", "ordering"] };
        return await RefusalAsync(ct) is null ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await queries.CatalogueAsync(id, ct) is not { } catalogue)
        {
            return NotFound();
        }

        Catalogue = catalogue;
        ModelState.Clear();
        var values = new FormValues();
        var input = new ItemInput(Input.Code, Input.Name, Input.Sector, values.Whole(Input.ParentId, "parentId", "Nhóm dịch vụ không hợp lệ."),
            Input.Methods, Input.Essential, Input.FeeBased, Input.OutputUnit);
        if (values.Errors.Count == 0)
        {
            var result = await service.AddItemAsync(id, input, ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Forbidden is not null)
            {
                return Forbid();
            }

            if (result.Value is not null)
            {
                TempData["Success"] = $"Đã thêm dịch vụ {result.Value.Code} vào danh mục.";
                return Redirect($"/services/catalogues/{id}");
            }

            values.Errors.AddRange(result.Errors);
        }

        FormErrors.Add(ModelState, values.Errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<string?> RefusalAsync(CancellationToken ct)
    {
        var c = await db.ServiceCatalogues.AsNoTracking().Where(x => x.Id == Catalogue.Id).Select(x => new { x.Level, x.AreaCode, x.IssuerAgencyId }).FirstAsync(ct);
        return await service.RefusalAsync(c.Level, c.AreaCode, c.IssuerAgencyId, ct);
    }
}
