using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Oversight;

namespace SuNghiep.Web.Pages.Inspections;

/// <summary>Recommendations by addressee agency and status today, most overdue first; each count opens the list it counts.</summary>
public sealed class BoardModel(InspectionService service) : PageModel
{
    public IReadOnlyList<BoardRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await service.BoardAsync(ct);

    /// <summary>The statuses in the board's column order, with the count each row has of it.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, Func<BoardRow, int> Count)> Columns =
    [
        ("open", "Chưa thực hiện", r => r.Open),
        ("partial", "Đang thực hiện", r => r.Partial),
        ("overdue", "Quá hạn", r => r.Overdue),
        ("done", "Đã hoàn thành", r => r.Done),
        ("disputed", "Đang khiếu nại", r => r.Disputed),
    ];
}
