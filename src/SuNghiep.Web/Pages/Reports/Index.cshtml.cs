using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reporting;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Pages.Reports;

/// <summary>The caller's reports (its agencies' and those of its subtree) and the requests it issued or received.</summary>
public sealed class IndexModel(ReportService reports) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<RequestListItem> Requests { get; private set; } = [];
    public IReadOnlyList<ReportListItem> Reports { get; private set; } = [];
    public int Total { get; private set; }
    public string? Status { get; private set; }

    public bool CanRequest => Roles.UnitCreators.Any(User.IsInRole);

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        var parsed = ReportRules.ParseStatus(status);
        Status = parsed is null ? null : status;
        Requests = await reports.ListRequestsAsync(ct);
        (Reports, Total) = await reports.ListReportsAsync(null, parsed, 1, PageSize, ct);
    }
}
