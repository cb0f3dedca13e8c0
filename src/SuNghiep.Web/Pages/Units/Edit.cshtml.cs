using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Units;

[Authorize(Policy = WebApp.UnitEditPolicy)]
public sealed class EditModel(SuNghiepDbContext db, UnitService units) : UnitFormModel(db)
{
    public UnitView Unit { get; private set; } = null!;
    public override string SubmitLabel => "Lưu thay đổi";
    public override string CancelUrl => $"/units/{Unit.Id}";
    public override bool ChangesFromDate => true;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await UnitQueries.GetAsync(Db, id, DateOnly.MaxValue, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Input = InputModel.From(unit);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        // Out of scope is the same as unknown: the filter on units hides it.
        if (await UnitQueries.GetAsync(Db, id, DateOnly.MaxValue, ct) is not { } current)
        {
            return NotFound();
        }

        Unit = current;
        var (input, errors) = Read();
        if (errors.Count > 0)
        {
            return await InvalidAsync(errors, () => units.ValidateAsync(id, input, ct), ct);
        }

        var result = await units.UpdateAsync(id, input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Unit is not { } unit)
        {
            return await InvalidAsync(result.Errors, ct);
        }

        TempData["Success"] = input.EffectiveFrom is { } from
            ? $"Đã ghi thay đổi của đơn vị \"{unit.Name}\" (mã {unit.Code}), áp dụng từ ngày {Display.Date(from)}."
            : $"Đã lưu đơn vị \"{unit.Name}\" (mã {unit.Code}).";
        return Redirect($"/units/{unit.Id}");
    }
}
