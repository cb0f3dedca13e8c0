using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;

namespace SuNghiep.Core.Oversight;

/// <summary>
/// The reminder sweep's part for feedback not yet answered: due within the given days, or late. Told to those who may
/// answer: the unit's officers and the users of its managing agency. One notice per user, feedback, kind and date.
/// </summary>
public static class FeedbackReminders
{
    public static async Task<int> SweepAsync(SuNghiepDbContext db, DateOnly today, int dueSoonDays, DateTime now, CancellationToken ct)
    {
        var soon = today.AddDays(dueSoonDays);
        var open = await db.Feedback.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Status == FeedbackStatus.New && f.DueOn <= soon && !f.Unit!.Voided)
            .Select(f => new { f.Id, f.UnitId, f.Unit!.Name, f.Unit.ManagingAgencyId, f.DueOn })
            .ToListAsync(ct);
        var units = open.Select(f => f.UnitId).Distinct().ToList();
        var agencies = open.Select(f => f.ManagingAgencyId).Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => (u.ScopeUnitId != null && units.Contains(u.ScopeUnitId.Value)) || (u.ScopeAgencyId != null && agencies.Contains(u.ScopeAgencyId.Value)))
            .Select(u => new { u.Id, u.ScopeUnitId, u.ScopeAgencyId })
            .ToListAsync(ct);
        var added = 0;
        foreach (var f in open)
        {
            var due = f.DueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            var (kind, message) = f.DueOn >= today
                ? (NotificationKind.FeedbackDueSoon, $"Phản ánh số {f.Id} của người dân về {f.Name} đến hạn trả lời ngày {due}.")
                : (NotificationKind.FeedbackLate, $"Phản ánh số {f.Id} của người dân về {f.Name} đã quá hạn trả lời (hạn ngày {due}).");
            var told = users.Where(u => u.ScopeUnitId == f.UnitId || u.ScopeAgencyId == f.ManagingAgencyId).Select(u => u.Id);
            added += await Notices.AddAsync(db, NoticeSubject.Feedback, f.Id, told, kind, f.DueOn, message, now, ct);
        }

        return added;
    }
}
