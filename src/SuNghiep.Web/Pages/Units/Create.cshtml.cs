using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Pages.Units;

[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class CreateModel(SuNghiepDbContext db, UnitService units) : UnitFormModel(db)
{
    public override string SubmitLabel => "Thêm đơn vị";
    public override string CancelUrl => "/units";

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (input, errors) = await ReadAsync(ct);
        if (errors.Count > 0)
        {
            return await InvalidAsync(errors, () => units.ValidateAsync(null, input, ct), ct);
        }

        var result = await units.CreateAsync(input, ct);
        if (result.Unit is not { } unit)
        {
            return await InvalidAsync(result.Errors, ct);
        }

        TempData["Success"] = $"Đã lưu đơn vị \"{unit.Name}\" (mã {unit.Code}).";
        return Redirect($"/units/{unit.Id}");
    }
}
