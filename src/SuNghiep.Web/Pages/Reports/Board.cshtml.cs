using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Reporting;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Pages.Reports;

/// <summary>The requester's board of one request: each reporter's status and lateness, and a reminder to the late ones in one click.</summary>
public sealed class BoardModel(ReportService reports) : PageModel
{
    public BoardView Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reports.BoardAsync(id, ct) is not { } board)
        {
            return NotFound();
        }

        Board = board;
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(int id, CancellationToken ct)
    {
        if (!Roles.UnitCreators.Any(User.IsInRole))
        {
            return Forbid();
        }

        var outcome = await reports.RemindLateAsync(id, ct);
        if (outcome.Kind == Outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == Outcome.Forbidden)
        {
            return Forbid();
        }

        TempData["Success"] = outcome.Id is 0 or null
            ? "Không có cơ quan nào chậm gửi báo cáo."
            : $"Đã nhắc {outcome.Id} cơ quan chậm gửi báo cáo ({outcome.Detail} thông báo mới).";
        return Redirect($"/report-requests/{id}");
    }
}
