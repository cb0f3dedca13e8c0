using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Plans;

/// <summary>What a notice is about: the column of <see cref="Notification"/> that names it, part of its unique index.</summary>
public enum NoticeSubject
{
    Task,
    Report,
    Feedback,
    Recommendation,
}

/// <summary>Adds a reminder's notices, one per user, subject, kind and date.</summary>
public static class Notices
{
    public const int MaxMessage = 1000;

    /// <summary>Adds the notice for each user who has none yet; returns how many were added.</summary>
    public static async Task<int> AddAsync(
        SuNghiepDbContext db, NoticeSubject subject, int id, IEnumerable<string> userIds, NotificationKind kind, DateOnly dueOn, string message,
        DateTime now, CancellationToken ct)
    {
        var column = subject switch
        {
            NoticeSubject.Task => "TaskId",
            NoticeSubject.Report => "ReportId",
            NoticeSubject.Feedback => "FeedbackId",
            _ => "RecommendationId",
        };
        var text = message.Length > MaxMessage ? message[..(MaxMessage - 1)] + "…" : message;
        var added = 0;
        foreach (var userId in userIds)
        {
            // A concurrent sweep may add the same notice: the unique index decides, on both databases. The column is one
            // of the names above, never input; the values are parameters.
#pragma warning disable EF1002
            added += await db.Database.ExecuteSqlRawAsync($$"""
                INSERT INTO "Notifications" ("UserId", "{{column}}", "Kind", "DueOn", "Message", "CreatedAt")
                VALUES ({0}, {1}, {2}, {3}, {4}, {5})
                ON CONFLICT ("UserId", "{{column}}", "Kind", "DueOn") DO NOTHING
                """, [userId, id, (int)kind, dueOn, text, now], ct);
#pragma warning restore EF1002
        }

        return added;
    }
}
