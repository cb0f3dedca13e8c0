using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Feedback;

/// <summary>Citizens' feedback on the units in the caller's scope, by status tab, with search, due and overdue marked, and export.</summary>
public sealed class IndexModel(FeedbackService service, TimeProvider time) : PageModel
{
    public const int PageSize = 30;

    public static readonly IReadOnlyList<(string Code, string Name)> Tabs =
    [
        ("", "Tất cả"), ("new", "Chưa trả lời"), ("overdue", "Quá hạn"), ("answered", "Đã trả lời"), ("published", "Đã công khai"), ("rejected", "Không công khai"),
    ];

    public IReadOnlyList<FeedbackView> Items { get; private set; } = [];
    public int Total { get; private set; }
    public string Tab { get; private set; } = "";
    public string? Q { get; private set; }
    public DateOnly Today { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public Pager Pager => Pager.For("/feedback", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public async Task<IActionResult> OnGetAsync(string? status, string? q, CancellationToken ct)
    {
        Today = VietnamTime.Today(time);
        Tab = Tabs.Any(t => t.Code == status) ? status! : "";
        Q = q?.Length > 200 ? q[..200] : q;
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 100_000 ? p : 1;
        var all = ListExport.WantsAll(Request);
        (Items, Total) = await service.ListAsync(
            Tab == "overdue" ? FeedbackStatus.New : FeedbackService.ParseStatus(Tab), Q, Tab == "overdue",
            all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize, ct);
        return await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "phan-anh", Today) ?? Page();
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Số"), new("Ngày nhận", ListExport.Kind.DateTime), new("Đơn vị"), new("Cơ quan quản lý"), new("Chủ đề"), new("Nội dung"),
        new("Trạng thái"), new("Hạn trả lời", ListExport.Kind.Date), new("Quá hạn"), new("Trả lời"),
    ];

    // The contact is never exported: a file leaves the system and its retention.
    public static byte[] Xlsx(IEnumerable<FeedbackView> rows) => ListExport.Xlsx("Phản ánh", Columns, rows.Select(r => (IReadOnlyList<object?>)
    [
        r.Id, Core.VietnamTime.FromUtc(r.ReceivedAt), r.UnitName, r.ManagingAgency, r.Topic, r.Text, FeedbackService.StatusName(r.Status), r.DueOn,
        r.Overdue ? "Quá hạn" : "", r.ReplyText,
    ]));

    public string TabUrl(string code) =>
        "/feedback" + (code.Length == 0 && string.IsNullOrEmpty(Q) ? "" : "?" + string.Join('&',
            new[] { ("status", code), ("q", Q ?? "") }.Where(x => x.Item2.Length > 0).Select(x => x.Item1 + "=" + Uri.EscapeDataString(x.Item2))));
}
