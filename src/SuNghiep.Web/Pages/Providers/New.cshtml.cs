using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Pages.Providers;

[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class NewModel(SuNghiepDbContext db, ProviderService providers) : ProviderFormModel(db)
{
    public override bool Editing => false;
    public override string SubmitLabel => "Ghi nhận cơ sở";
    public override string CancelUrl => "/providers";

    public async Task OnGetAsync(CancellationToken ct) => await LoadLabelsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (input, errors) = await ReadAsync(ct);
        if (errors.Count > 0)
        {
            return await InvalidAsync(errors, ct);
        }

        var result = await providers.CreateAsync(input, ct);
        if (result.Forbidden is { } forbidden)
        {
            return await InvalidAsync([new("", forbidden)], ct);
        }

        if (result.Provider is not { } provider)
        {
            return await InvalidAsync(result.Errors, ct);
        }

        TempData["Success"] = $"Đã ghi nhận cơ sở \"{provider.Name}\" (mã {provider.Code}).";
        return Redirect($"/providers/{provider.Id}");
    }
}
