using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Oversight;

namespace SuNghiep.Web.Pages.Quality;

/// <summary>A quality standard: its document, criteria by group and level bands.</summary>
public sealed class StandardModel(QualityService quality) : PageModel
{
    public StandardView Standard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await quality.GetStandardAsync(id, ct) is not { } standard)
        {
            return NotFound();
        }

        Standard = standard;
        return Page();
    }
}
