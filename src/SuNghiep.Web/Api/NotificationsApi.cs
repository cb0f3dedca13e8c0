using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record NotificationListResponse(IReadOnlyList<NotificationView> Items, int Total, int Unread);

public sealed record MarkedResponse(int Marked);

/// <summary>The caller's own notifications about tasks; another user's notification is simply not found.</summary>
public static class NotificationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("", ListAsync).WithName("ListNotifications")
            .WithSummary("The caller's notifications, newest first; unread=true for the unread only. kind is due_soon, late or assigned_late.");
        notifications.MapPost("/{id:int}/read", MarkReadAsync).WithName("MarkNotificationRead").WithSummary("Mark one of the caller's notifications read.");
        notifications.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllNotificationsRead").WithSummary("Mark all the caller's notifications read.");
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<Results<Ok<NotificationListResponse>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, SuNghiepDbContext db, string? unread, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var unreadOnly = false;
        if (!string.IsNullOrWhiteSpace(unread) && !bool.TryParse(unread, out unreadOnly))
        {
            errors.Add(new("unread", "Giá trị phải là true hoặc false."));
        }

        var pageNumber = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 50;
        if (pageNumber < 1)
        {
            errors.Add(new("page", "Trang phải từ 1 trở lên."));
        }

        // Beyond it, (page - 1) x page size overflows and the list would silently start again at page 1.
        if (pageNumber > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (size is < 1 or > 500)
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải từ 1 đến 500."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var id = UserId(user);
        var (items, total) = await Notifications.ListAsync(db, id, unreadOnly, pageNumber, size, ct);
        return TypedResults.Ok(new NotificationListResponse(items, total, await Notifications.UnreadCountAsync(db, id, ct)));
    }

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> MarkReadAsync(
        int id, ClaimsPrincipal user, SuNghiepDbContext db, TimeProvider time, CancellationToken ct) =>
        await Notifications.MarkReadAsync(db, UserId(user), id, time.GetUtcNow().UtcDateTime, ct) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound("Không tìm thấy thông báo.");

    private static async Task<Ok<MarkedResponse>> MarkAllReadAsync(ClaimsPrincipal user, SuNghiepDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(new MarkedResponse(await Notifications.MarkAllReadAsync(db, UserId(user), time.GetUtcNow().UtcDateTime, ct)));
}
