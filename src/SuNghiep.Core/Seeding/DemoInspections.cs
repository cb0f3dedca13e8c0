using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Two inspections of the demo province's health units with their conclusions: one recommendation overdue and partly
/// carried out, one open, one done; enough for the lists, the board and the reminders to show something.
/// </summary>
internal static class DemoInspections
{
    public static async Task SeedAsync(SuNghiepDbContext db, int year, CancellationToken ct)
    {
        var health = await db.Agencies.IgnoreQueryFilters().Where(a => a.Code == "92.SYT").Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        var city = await db.Agencies.IgnoreQueryFilters().Where(a => a.Code == DemoSeeder.RootAgencyCode).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        var units = await db.Units.IgnoreQueryFilters().Where(u => u.ManagingAgencyId == health && !u.Voided && u.EndedOn == null)
            .OrderBy(u => u.Code).Select(u => u.Id).Take(2).ToListAsync(ct);
        if (health is null || city is null || units.Count < 2)
        {
            return;
        }

        var last = year - 1;
        var now = DateTime.UtcNow;
        var finance = new InspectionFinding
        {
            UnitId = units[0], Category = "Quản lý tài chính", Amount = 119_000_000, Ordinal = 1,
            Description = "Chi hợp đồng ngoài giờ và mua thuốc không đúng quy định.", Responsibility = "Giám đốc, kế toán trưởng",
            Recommendations =
            [
                new InspectionRecommendation
                {
                    Type = RecommendationType.Recover, Amount = 119_000_000, AddresseeAgencyId = health.Value, Deadline = new DateOnly(last, 12, 31),
                    Content = "Thu hồi nộp ngân sách số tiền chi sai chế độ.",
                    FollowUps = [new RecommendationFollowUp { Date = new DateOnly(last, 11, 20), Text = "Đã nộp trả một phần.", AmountRecovered = 50_000_000, ReportedBy = Auditing.SystemActors.Demo, CreatedAt = now }],
                },
            ],
        };
        var procurement = new InspectionFinding
        {
            UnitId = units[0], Category = "Mua sắm, đấu thầu", Ordinal = 2, Description = "Kế hoạch lựa chọn nhà thầu chưa được phê duyệt đúng thẩm quyền.",
            Recommendations =
            [
                new InspectionRecommendation
                {
                    Type = RecommendationType.Fix, AddresseeAgencyId = health.Value, Deadline = new DateOnly(year + 1, 6, 30),
                    Content = "Rà soát, ban hành lại quy chế mua sắm của bệnh viện.",
                },
            ],
        };
        var first = new Inspection
        {
            DecisionNumber = "45/QĐ-SYT", DecisionDate = new DateOnly(last, 3, 1), DecisionIssuer = "Giám đốc Sở Y tế", Body = "Thanh tra Sở Y tế",
            BodyAgencyId = health, Kind = InspectionKind.Planned, PeriodFrom = new DateOnly(last - 2, 1, 1), PeriodTo = new DateOnly(last - 1, 12, 31),
            ResultsReportOn = new DateOnly(last, 5, 5), DraftAssignedOn = new DateOnly(last, 5, 9), DraftReceivedOn = new DateOnly(last, 5, 30),
            ConclusionNumber = "102/KL-SYT", ConclusionDate = new DateOnly(last, 6, 10), PublishedOn = new DateOnly(last, 6, 12),
            CreatedBy = Auditing.SystemActors.Demo, CreatedAt = now, UpdatedAt = now,
            Units = [new InspectionUnit { UnitId = units[0] }], Findings = [finance, procurement],
        };
        var personnel = new InspectionFinding
        {
            UnitId = units[1], Category = "Tuyển dụng, sử dụng viên chức", Ordinal = 1, Responsibility = "Trưởng phòng tổ chức cán bộ",
            Recommendations =
            [
                new InspectionRecommendation
                {
                    Type = RecommendationType.Discipline, AddresseeAgencyId = health.Value, Deadline = new DateOnly(last, 10, 31),
                    Content = "Kiểm điểm trách nhiệm tập thể, cá nhân có liên quan.",
                    FollowUps = [new RecommendationFollowUp { Date = new DateOnly(last, 10, 15), Text = "Đã tổ chức kiểm điểm, hình thức khiển trách.", Done = true, ReportedBy = Auditing.SystemActors.Demo, CreatedAt = now }],
                },
            ],
        };
        var second = new Inspection
        {
            DecisionNumber = "12/QĐ-UBND", DecisionDate = new DateOnly(last, 7, 1), DecisionIssuer = "Chủ tịch Ủy ban nhân dân thành phố",
            Body = "Thanh tra thành phố", BodyAgencyId = city, Kind = InspectionKind.Unscheduled, PeriodFrom = new DateOnly(last - 1, 1, 1),
            PeriodTo = new DateOnly(last, 6, 30), ResultsReportOn = new DateOnly(last, 8, 15), DraftAssignedOn = new DateOnly(last, 8, 25),
            DraftReceivedOn = new DateOnly(last, 9, 5), ConclusionNumber = "210/KL-TTTP", ConclusionDate = new DateOnly(last, 9, 12),
            PublishedOn = new DateOnly(last, 9, 15), DirectiveNumber = "3150/UBND-NC", DirectiveDate = new DateOnly(last, 9, 25),
            DirectiveText = "Giao Sở Y tế chỉ đạo đơn vị thực hiện kết luận.", CreatedBy = Auditing.SystemActors.Demo, CreatedAt = now, UpdatedAt = now,
            Units = [new InspectionUnit { UnitId = units[1] }], Findings = [personnel],
        };
        // The recommendation keeps its inspection on the row as well as under its finding.
        foreach (var inspection in new[] { first, second })
        {
            foreach (var r in inspection.Findings.SelectMany(f => f.Recommendations))
            {
                r.Inspection = inspection;
            }
        }

        db.Inspections.AddRange(first, second);
        await db.SaveChangesAsync(ct);
    }
}
