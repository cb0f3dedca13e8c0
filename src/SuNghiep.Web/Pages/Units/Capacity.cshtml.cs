using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Services;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Units;

/// <summary>A public unit's capacity as a provider (beds, pupils, places), from a date; what the network's coverage counts.</summary>
public sealed class CapacityModel(SuNghiepDbContext db, NetworkData data) : PageModel
{
    public sealed class InputModel
    {
        public string? CapacityUnit { get; set; }
        public string? Capacity { get; set; }
        public string? ValidFrom { get; set; }
        public string? Source { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string UnitName { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public IReadOnlyList<UnitCapacityView> Rows { get; private set; } = [];
    public bool CanEdit => Roles.UnitEditors.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.CapacityUnit = NetworkCoverage.DefaultUnit(await db.Units.Where(u => u.Id == id).Select(u => u.SectorCode).SingleAsync(ct)) is var unit
            ? ProviderService.Code(unit) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var values = new FormValues();
        var capacity = values.Whole(Input.Capacity, "capacity", "Quy mô phải là số nguyên.");
        var from = values.Date(Input.ValidFrom, "validFrom", "Áp dụng từ ngày");
        if (values.Errors.Count > 0)
        {
            return Invalid(values.Errors);
        }

        var result = await data.PutCapacityAsync(id, new UnitCapacityInput(Input.CapacityUnit, capacity, from, Input.Source), ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Value is null)
        {
            return Invalid(result.Errors);
        }

        TempData["Success"] = "Đã lưu quy mô cung ứng.";
        return Redirect($"/units/{id}/capacity");
    }

    private PageResult Invalid(IEnumerable<Core.Rules.RuleViolation> errors)
    {
        FormErrors.Add(ModelState, errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Name, u.Code }).FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return false;
        }

        (UnitName, UnitCode) = (unit.Name, unit.Code);
        Rows = await data.CapacityAsync(id, ct) ?? [];
        return true;
    }
}
