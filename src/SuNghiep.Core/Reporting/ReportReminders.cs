using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;

namespace SuNghiep.Core.Reporting;

/// <summary>
/// Notices about reports, made by the reminder sweep (before and after the deadline) and by the requester's one-click
/// reminder on its board: one per user of the reporting agency, report, kind and date.
/// </summary>
public static class ReportReminders
{
    /// <summary>Adds the notice for every user of the agency who has none yet; returns how many were added.</summary>
    public static async Task<int> NotifyAsync(
        SuNghiepDbContext db, int reportId, int agencyId, NotificationKind kind, DateOnly dueOn, string message, DateTime now, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.ScopeAgencyId == agencyId).Select(u => u.Id).ToListAsync(ct);
        return await Notices.AddAsync(db, NoticeSubject.Report, reportId, users, kind, dueOn, message, now, ct);
    }

    /// <summary>
    /// The sweep's part for reports still with their reporters: due within the given days, or late. Runs as the system
    /// over every open report. Returns the notices added.
    /// </summary>
    public static async Task<int> SweepAsync(SuNghiepDbContext db, DateOnly today, int dueSoonDays, DateTime now, CancellationToken ct)
    {
        var soon = today.AddDays(dueSoonDays);
        var open = await db.Reports.AsNoTracking()
            .Where(r => (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned) && r.Request!.Deadline <= soon)
            .Select(r => new { r.Id, r.ReporterAgencyId, r.Request!.Title, r.Request.Deadline })
            .ToListAsync(ct);
        var added = 0;
        foreach (var r in open)
        {
            var deadline = r.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            var (kind, message) = r.Deadline >= today
                ? (NotificationKind.ReportDueSoon, $"Báo cáo \"{r.Title}\" đến hạn gửi ngày {deadline}.")
                : (NotificationKind.ReportLate, $"Báo cáo \"{r.Title}\" đã quá hạn gửi (hạn ngày {deadline}).");
            added += await NotifyAsync(db, r.Id, r.ReporterAgencyId, kind, r.Deadline, message, now, ct);
        }

        return added;
    }
}
