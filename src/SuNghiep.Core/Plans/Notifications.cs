using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Plans;

public sealed record OpenExplanation(int Id, int TaskId, string TaskContent, string LeadAgencyName, string? RequestedByAgencyName, DateOnly Deadline);

public sealed record NotificationView(
    int Id, int? TaskId, string Kind, DateOnly DueOn, string Message, DateTime CreatedAt, DateTime? ReadAt, int? ReportId = null, int? FeedbackId = null);

/// <summary>A user's own notifications: the page and the API read and mark them here, always by the user's id.</summary>
public static class Notifications
{
    public static string KindCode(NotificationKind kind) => kind switch
    {
        NotificationKind.DueSoon => "due_soon",
        NotificationKind.Late => "late",
        NotificationKind.ReportDueSoon => "report_due_soon",
        NotificationKind.ReportLate => "report_late",
        NotificationKind.ReportReminder => "report_reminder",
        NotificationKind.ExplanationRequested => "explanation_requested",
        NotificationKind.ExplanationAnswered => "explanation_answered",
        NotificationKind.RecommendationDue => "recommendation_due",
        NotificationKind.FeedbackDueSoon => "feedback_due_soon",
        NotificationKind.FeedbackLate => "feedback_late",
        _ => "assigned_late",
    };

    public static string KindName(string code) => code switch
    {
        "due_soon" => "Sắp đến hạn",
        "late" => "Quá hạn",
        "report_due_soon" => "Báo cáo sắp đến hạn",
        "report_late" => "Báo cáo quá hạn",
        "report_reminder" => "Cấp trên nhắc gửi báo cáo",
        "explanation_requested" => "Yêu cầu giải trình",
        "explanation_answered" => "Đã giải trình",
        "recommendation_due" => "Kiến nghị thanh tra đến hạn",
        "feedback_due_soon" => "Phản ánh sắp đến hạn trả lời",
        "feedback_late" => "Phản ánh quá hạn trả lời",
        _ => "Nhiệm vụ đã giao bị quá hạn",
    };

    /// <summary>Where the notice leads: its task's page, its report's, its feedback's, or the recommendations.</summary>
    public static string Link(NotificationView n) => Path(n.TaskId, n.ReportId, n.FeedbackId);

    /// <summary>The page of a notice's subject; a notice about none of these is about a recommendation.</summary>
    public static string Path(int? taskId, int? reportId, int? feedbackId) =>
        reportId is { } report ? $"/reports/{report}"
        : feedbackId is { } feedback ? $"/feedback/{feedback}"
        : taskId is { } task ? $"/tasks/{task}" : "/recommendations";

    /// <summary>
    /// The explanation requests not yet answered on the tasks the caller sees (the task filter decides), oldest deadline
    /// first: the reminders page keeps them in sight of both sides until the answer.
    /// </summary>
    public static async Task<IReadOnlyList<OpenExplanation>> OpenExplanationsAsync(SuNghiepDbContext db, int max, CancellationToken ct = default) =>
        (await db.ExplanationRequests.AsNoTracking()
            .Where(r => r.Answer == null && db.PlanTasks.Any(t => t.Id == r.TaskId))
            .OrderBy(r => r.Deadline).ThenBy(r => r.Id).Take(max)
            .Select(r => new { r.Id, r.TaskId, r.Task!.Content, LeadAgencyName = r.Task.LeadAgency!.Name, r.Deadline,
                RequestedByAgencyName = r.RequestedByAgency != null ? r.RequestedByAgency.Name : null })
            .ToListAsync(ct))
        .Select(r => new OpenExplanation(r.Id, r.TaskId, r.Content, r.LeadAgencyName, r.RequestedByAgencyName, r.Deadline)).ToList();

    public static Task<int> UnreadCountAsync(SuNghiepDbContext db, string userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Newest first; with unreadOnly, only those not read yet. Total counts the filtered list.</summary>
    public static async Task<(IReadOnlyList<NotificationView> Items, int Total)> ListAsync(
        SuNghiepDbContext db, string userId, bool unreadOnly, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(n => new { n.Id, n.TaskId, n.Kind, n.DueOn, n.Message, n.CreatedAt, n.ReadAt, n.ReportId, n.FeedbackId })
            .ToListAsync(ct);
        return (rows.Select(n => new NotificationView(n.Id, n.TaskId, KindCode(n.Kind), n.DueOn, n.Message, n.CreatedAt, n.ReadAt, n.ReportId, n.FeedbackId)).ToList(), total);
    }

    /// <summary>Marks one of the user's notifications read (again is harmless); null when the user has no such notification.</summary>
    public static async Task<NotificationView?> MarkReadAsync(SuNghiepDbContext db, string userId, int id, DateTime now, CancellationToken ct = default)
    {
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
        var row = await db.Notifications.AsNoTracking().Where(n => n.Id == id && n.UserId == userId)
            .Select(n => new { n.Id, n.TaskId, n.Kind, n.DueOn, n.Message, n.CreatedAt, n.ReadAt, n.ReportId, n.FeedbackId })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new NotificationView(row.Id, row.TaskId, KindCode(row.Kind), row.DueOn, row.Message, row.CreatedAt, row.ReadAt, row.ReportId, row.FeedbackId);
    }

    /// <summary>Marks all the user's unread notifications read; returns how many.</summary>
    public static Task<int> MarkAllReadAsync(SuNghiepDbContext db, string userId, DateTime now, CancellationToken ct = default) =>
        db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
}
