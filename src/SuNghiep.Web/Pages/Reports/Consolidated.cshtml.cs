using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Reporting;

namespace SuNghiep.Web.Pages.Reports;

/// <summary>
/// The consolidation of a request: the accepted reports' tables summed beside the register's figures for the requester's
/// scope, differences over the tolerance flagged, and the narrative gathered by section and reporter.
/// </summary>
public sealed class ConsolidatedModel(ReportService reports) : PageModel
{
    public ConsolidatedView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Tolerance { get; set; }

    public string? ToleranceError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var tolerance = 0m;
        if (!string.IsNullOrWhiteSpace(Tolerance)
            && (!decimal.TryParse(Tolerance.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out tolerance) || tolerance is < 0 or > 100))
        {
            ToleranceError = "Ngưỡng chênh lệch là số phần trăm từ 0 đến 100.";
            tolerance = 0m;
        }

        if (await reports.ConsolidatedAsync(id, tolerance, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (ToleranceError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
