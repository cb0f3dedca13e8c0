using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;

namespace SuNghiep.Core.Oversight;

/// <summary>
/// The reminder sweep's part for inspection recommendations: the addressee agency's users are told when a recommendation
/// not yet done falls due within the window or is overdue; one notice per user, recommendation, kind and deadline. A
/// disputed recommendation waits for the dispute's end.
/// </summary>
public static class RecommendationReminders
{
    public static async Task<int> SweepAsync(SuNghiepDbContext db, DateOnly today, int dueSoonDays, DateTime now, CancellationToken ct)
    {
        var soon = today.AddDays(dueSoonDays);
        var due = await db.InspectionRecommendations.IgnoreQueryFilters().AsNoTracking()
            .Where(r => !r.Disputed && r.Deadline <= soon
                && !r.FollowUps.Where(x => x.Date <= today).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id).Select(x => x.Done).FirstOrDefault())
            .Select(r => new { r.Id, r.AddresseeAgencyId, r.Deadline, r.Type, r.Inspection!.ConclusionNumber, r.Inspection.Body })
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var agencies = due.Select(r => r.AddresseeAgencyId).Distinct().ToList();
        var users = (await db.Users.AsNoTracking().Where(u => u.ScopeAgencyId != null && agencies.Contains(u.ScopeAgencyId.Value))
                .Select(u => new { u.Id, AgencyId = u.ScopeAgencyId!.Value }).ToListAsync(ct))
            .ToLookup(u => u.AgencyId, u => u.Id);
        var added = 0;
        foreach (var r in due)
        {
            var deadline = r.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            var what = $"Kiến nghị \"{InspectionService.TypeName(r.Type)}\" của kết luận {r.ConclusionNumber} ({r.Body})";
            var message = r.Deadline >= today ? $"{what} đến hạn thực hiện ngày {deadline}." : $"{what} đã quá hạn thực hiện (hạn ngày {deadline}).";
            added += await Notices.AddAsync(db, NoticeSubject.Recommendation, r.Id, users[r.AddresseeAgencyId], NotificationKind.RecommendationDue, r.Deadline, message, now, ct);
        }

        return added;
    }
}
