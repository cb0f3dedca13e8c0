using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Services;

namespace SuNghiep.Web.Pages.Providers;

/// <summary>A provider as it stands, with every version of its history.</summary>
public sealed class DetailsModel(ProviderService providers) : PageModel
{
    public ProviderView Provider { get; private set; } = null!;
    public IReadOnlyList<ProviderVersionView> Versions { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await providers.GetAsync(id, null, ct) is not { } provider)
        {
            return NotFound();
        }

        Provider = provider;
        Versions = await providers.HistoryAsync(id, ct) ?? [];
        CanEdit = provider.EndedOn is null && await providers.RefusalAsync(id, ct) is null;
        return Page();
    }
}
