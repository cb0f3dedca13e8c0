using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Services;

/// <summary>Records a unit price of an item (POST /api/v1/service-items/{id}/prices).</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class PriceCreateModel(SuNghiepDbContext db, CatalogueService service, CatalogueQueries queries) : PageModel
{
    public sealed record InputModel
    {
        public string? Price { get; init; }
        public string? Unit { get; init; }
        public string? CostBasis { get; init; }
        public string? AreaCode { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public string? ValidFrom { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ItemView Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.ItemAsync(id, null, null, ct) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Input = new InputModel { CostBasis = "full-excl-depreciation", Unit = item.OutputUnit is { } u ? "đồng/" + u : null };
        return await RefusalAsync(ct) is null ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await queries.ItemAsync(id, null, null, ct) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        ModelState.Clear();
        var values = new FormValues();
        var input = new PriceInput(Input.AreaCode, values.Number(Input.Price, "price", "Đơn giá phải là một số, ví dụ 1.250.000."), Input.Unit, Input.CostBasis,
            new(Input.DecisionNumber, values.Date(Input.DecisionDate, "decision.date", "Ngày quyết định"), Input.DecisionIssuer),
            values.Date(Input.ValidFrom, "validFrom", "Ngày có hiệu lực"));
        if (values.Errors.Count == 0)
        {
            var result = await service.AddPriceAsync(id, input, ct);
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
                TempData["Success"] = "Đã ghi nhận đơn giá.";
                return Redirect($"/services/items/{id}");
            }

            values.Errors.AddRange(result.Errors);
        }

        FormErrors.Add(ModelState, values.Errors, FormFields.Decision);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<string?> RefusalAsync(CancellationToken ct)
    {
        var c = await db.ServiceCatalogues.AsNoTracking().Where(x => x.Id == Item.CatalogueId).Select(x => new { x.Level, x.AreaCode, x.IssuerAgencyId }).FirstAsync(ct);
        return await service.RefusalAsync(c.Level, c.AreaCode, c.IssuerAgencyId, ct);
    }
}
