using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SuNghiep.Web.Pages.Indicators;

/// <summary>The catalogue of indicators: what each counts, its formula and its legal source.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
