using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Resources;

/// <summary>The table of /staffing, same filters, same rows and totals, as .xlsx.</summary>
public sealed class ExportModel(ResourceService resources, TimeProvider time) : PageModel
{
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? year, string? areaCode, string? agencyId, CancellationToken ct)
    {
        var (y, scope, errors) = ResourceFilter.Read(year, areaCode, agencyId, Display.Today(time).Year);
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var table = await resources.StaffingTableAsync(y, scope, ct);
        return File(StaffingExport.Xlsx(table), ReorganizationsApi.XlsxType, $"bien-che-{y}.xlsx");
    }
}
