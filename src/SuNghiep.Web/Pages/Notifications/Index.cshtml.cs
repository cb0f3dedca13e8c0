using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Notifications;

/// <summary>The signed-in user's notifications about tasks, newest first, with forms to mark them read (no JavaScript needed).</summary>
public sealed class IndexModel(SuNghiepDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<NotificationView> Items { get; private set; } = [];
    /// <summary>Explanation requests of tasks in the caller's scope that wait for their answer.</summary>
    public IReadOnlyList<OpenExplanation> OpenExplanations { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int Total { get; private set; }
    public int Unread { get; private set; }
    public bool UnreadOnly { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public Pager Pager => Pager.For("/notifications", Request.Query, PageNumber, Total, PageSize);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(string? unread, CancellationToken ct)
    {
        // "page" from the query string only: the route's "page" value is the page's name, and model binding prefers it.
        var page = Request.Query["page"].ToString();
        UnreadOnly = unread == "true";
        // A page number that is not one shows the first page rather than an error: the links are the only way here.
        PageNumber = int.TryParse(page, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        if (PageNumber > Core.Rules.InputLimits.MaxPage)
        {
            // Beyond it, (page - 1) x page size overflows and the list would silently start again at page 1.
            ModelState.AddModelError("page", Core.Rules.InputLimits.PageMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            PageNumber = 1;
            Unread = await Core.Plans.Notifications.UnreadCountAsync(db, UserId, ct);
            return;
        }

        (Items, Total) = await Core.Plans.Notifications.ListAsync(db, UserId, UnreadOnly, PageNumber, PageSize, ct);
        OpenExplanations = await Core.Plans.Notifications.OpenExplanationsAsync(db, 100, ct);
        Today = Display.Today(time);
        Unread = await Core.Plans.Notifications.UnreadCountAsync(db, UserId, ct);
    }

    public async Task<IActionResult> OnPostReadAsync(int id, string? returnUrl, CancellationToken ct)
    {
        if (await Core.Plans.Notifications.MarkReadAsync(db, UserId, id, time.GetUtcNow().UtcDateTime, ct) is null)
        {
            return NotFound();
        }

        TempData["Success"] = "Đã đánh dấu thông báo là đã đọc.";
        return LocalRedirect(Back(returnUrl));
    }

    public async Task<IActionResult> OnPostReadAllAsync(string? returnUrl, CancellationToken ct)
    {
        var marked = await Core.Plans.Notifications.MarkAllReadAsync(db, UserId, time.GetUtcNow().UtcDateTime, ct);
        TempData["Success"] = marked == 0 ? "Không có thông báo chưa đọc." : $"Đã đánh dấu {Display.Number(marked)} thông báo là đã đọc.";
        return LocalRedirect(Back(returnUrl));
    }

    // Back to the list as it was (page, filter), and never to another site.
    private string Back(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith("/notifications", StringComparison.Ordinal) ? url : "/notifications";

    public static string KindClass(string kind) => kind switch
    {
        "due_soon" or "explanation_requested" => "text-bg-warning",
        "explanation_answered" => "text-bg-success",
        _ => "text-bg-danger",
    };
}
