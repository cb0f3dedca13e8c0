using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// A few quality assessments of the demo province's hospitals and schools against the shipped standards, so that the
/// quality pages and the unit's "Chất lượng" line have something to show. Scores are made up for the demo.
/// </summary>
internal static class DemoQuality
{
    public static async Task SeedAsync(SuNghiepDbContext db, int lastYear, CancellationToken ct)
    {
        var standards = await db.QualityStandards.AsNoTracking().Include(s => s.Criteria).ToListAsync(ct);
        var hospital = standards.FirstOrDefault(s => s.Code == "QD-6858-BYT");
        var training = standards.FirstOrDefault(s => s.Code == "TT-07-2023-BNV");
        if (hospital is null || training is null)
        {
            return;
        }

        var province = $"/p{DemoSeeder.ProvinceCode}/";
        var health = await db.Units.AsNoTracking().Where(u => u.SectorCode == "health" && u.Area!.LineagePath.StartsWith(province) && u.EndedOn == null)
            .OrderBy(u => u.Id).Select(u => u.Id).Take(3).ToListAsync(ct);
        var schools = await db.Units.AsNoTracking().Where(u => u.SectorCode == "education" && u.Area!.LineagePath.StartsWith(province) && u.EndedOn == null)
            .OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToListAsync(ct);
        var year = lastYear - 1;
        var now = DateTime.UtcNow;
        var random = new Random(14_2026);
        foreach (var (unitId, i) in health.Select((u, i) => (u, i)))
        {
            // A self-assessment at the end of the year, then the department's external one a month later.
            Add(db, hospital, unitId, AssessmentKind.Self, year, new DateOnly(year, 11, 20), c => 3 + random.Next(0, 3), now, null);
            Add(db, hospital, unitId, AssessmentKind.External, year, new DateOnly(year, 12, 18), c => 2 + random.Next(0, 3) + (i == 0 ? 1 : 0), now,
                ($"{40 + i}/QĐ-SYT", new DateOnly(year, 12, 28), "Sở Y tế"));
        }

        foreach (var unitId in schools)
        {
            Add(db, training, unitId, AssessmentKind.External, year, new DateOnly(year, 10, 5), c => 9 + random.Next(0, 6), now,
                ($"{12 + unitId % 7}/QĐ-SNV", new DateOnly(year, 10, 20), "Sở Nội vụ"));
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Add(SuNghiepDbContext db, QualityStandard standard, int unitId, AssessmentKind kind, int year, DateOnly on,
        Func<QualityCriterion, decimal> score, DateTime now, (string Number, DateOnly Date, string Issuer)? decision)
    {
        var scores = standard.Criteria.ToDictionary(c => c.Id, c => Math.Min(c.MaxScore, score(c)));
        var total = QualityRules.Score(standard.ScoreBasis, scores.Values.ToList());
        var band = QualityRules.Band(QualityRules.ParseBands(standard.BandsJson), total);
        db.QualityAssessments.Add(new QualityAssessment
        {
            UnitId = unitId, StandardId = standard.Id, Kind = kind, PeriodFrom = new DateOnly(year, 1, 1), PeriodTo = new DateOnly(year, 12, 31), AssessedOn = on,
            Score = total, Level = band?.Level ?? "", LevelLabel = band?.Label ?? "", Team = kind == AssessmentKind.Self ? "Hội đồng quản lý chất lượng của đơn vị" : "Đoàn đánh giá của Sở",
            DecisionNumber = decision?.Number, DecisionDate = decision?.Date, DecisionIssuer = decision?.Issuer, CreatedBy = db.Actor.Name, CreatedAt = now,
            Scores = scores.Select(s => new QualityScore { CriterionId = s.Key, Score = s.Value }).ToList(),
        });
    }
}
