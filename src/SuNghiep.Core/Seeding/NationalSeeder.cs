using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Seeding;

/// <summary>How large a national data set to make, and from which seed.</summary>
public sealed record NationalOptions(double Scale, int Seed)
{
    public const double MinScale = 0.001;
    public const double MaxScale = 1.0;
    public const int DefaultSeed = 19_2017;
}

/// <summary>What a national load wrote, and the figures it was sized to reproduce.</summary>
public sealed record NationalResult(
    int Agencies, int Units, int Versions, int Events, int Participants, int StaffingYears, int FinanceYears,
    int AutonomyPlans, int Documents, int Targets, int Tasks, long Rows);

/// <summary>
/// The whole country, synthetic but shaped by the published figures: the 63 old provinces with their 696 districts until
/// 30/6/2025 and the 34 provinces and their communes since, the ministries, and a register of public service units from
/// 2015 whose counts, staffing and events reproduce, at scale 1.0, the figures of the Central Economic Commission and the
/// Government (domain 11): 55,404 units at 31/12/2015, 47,984 at 31/12/2021, 846 fewer by 31/12/2023, 1,789,585
/// budget-paid staff in 2021 (-11.67% against 2015), and -18.77% for old Bắc Giang from 2015 to 2023. The same seed and
/// scale give the same register. Rows go in by bulk copy with keys assigned here, in one transaction.
/// </summary>
public static class NationalSeeder
{
    public const string Operation = "national data set";
    public const string CreatedBy = Auditing.SystemActors.National;

    // Published figures (domain 11), each with its source there.
    public const int Units2015 = 55_404;
    public const int Units2021 = 47_984;
    public const int Cut2022To2023 = 846;
    public const int BudgetStaff2021 = 1_789_585;
    public const double BudgetStaffCut2015To2021 = 0.1167;
    public const string BacGiangCode = "24";
    public const double BacGiangCut2015To2023 = 0.1877;

    /// <summary>Loads the national data set into a register without units; the caller holds no transaction.</summary>
    public static async Task<NationalResult> SeedAsync(
        SuNghiepDbContext db, NationalOptions options, int lastYear, DateTime now, Action<long, long>? progress, CancellationToken ct = default)
    {
        if (options.Scale is < NationalOptions.MinScale or > NationalOptions.MaxScale || double.IsNaN(options.Scale))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Scale, "The scale is between 0.001 and 1.");
        }

        var areas = await db.Areas.AsNoTracking().ToListAsync(ct);
        var existing = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var keys = new NationalKeys(
            Agency: existing.Select(a => a.Id).DefaultIfEmpty().Max(),
            Unit: await db.Units.IgnoreQueryFilters().MaxAsync(u => (int?)u.Id, ct) ?? 0,
            Version: await db.UnitVersions.IgnoreQueryFilters().MaxAsync(v => (int?)v.Id, ct) ?? 0,
            Event: await db.Reorganizations.MaxAsync(r => (int?)r.Id, ct) ?? 0,
            Participant: await db.ReorganizationParticipants.MaxAsync(p => (int?)p.Id, ct) ?? 0,
            Staffing: await db.StaffingYears.IgnoreQueryFilters().MaxAsync(s => (int?)s.Id, ct) ?? 0,
            Finance: await db.FinanceYears.IgnoreQueryFilters().MaxAsync(f => (int?)f.Id, ct) ?? 0,
            Plan: await db.AutonomyPlans.IgnoreQueryFilters().MaxAsync(p => (int?)p.Id, ct) ?? 0,
            Document: await db.Documents.MaxAsync(d => (int?)d.Id, ct) ?? 0,
            Target: await db.Targets.MaxAsync(t => (int?)t.Id, ct) ?? 0,
            Task: await db.PlanTasks.IgnoreQueryFilters().MaxAsync(t => (int?)t.Id, ct) ?? 0,
            Progress: await db.TaskProgress.MaxAsync(p => (int?)p.Id, ct) ?? 0,
            Allocation: await db.StaffingAllocations.MaxAsync(a => (int?)a.Id, ct) ?? 0);

        var generator = new NationalGenerator(options, lastYear, now, areas, existing, keys);
        generator.Generate();

        var total = generator.RowCount;
        long done = 0;
        var copy = new BulkCopy(db, rows =>
        {
            done += rows;
            progress?.Invoke(done, total);
        });

        var previous = db.BulkOperation;
        db.BulkOperation = Operation;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var written = await generator.WriteAsync(copy, ct);
            foreach (var (type, count) in written)
            {
                db.AuditBulkCreate(type, count);
            }

            db.ChangeTracker.AutoDetectChangesEnabled = true;
            await db.SaveChangesAsync(ct);
            // The rows went in past the change tracker: the indicator facts are built in one pass.
            await Indicators.IndicatorFacts.RebuildAsync(db, ct);
            await copy.ResetSequencesAsync(
                [typeof(Agency), typeof(Unit), typeof(UnitVersion), typeof(Reorganization), typeof(ReorganizationParticipant),
                    typeof(StaffingYear), typeof(FinanceYear), typeof(StaffingAllocation), typeof(AutonomyPlan), typeof(PlanDocument), typeof(PlanTarget), typeof(PlanTask), typeof(TaskProgress)], ct);
            await tx.CommitAsync(ct);
            var counts = written.ToDictionary(w => w.Type, w => w.Count);
            return new NationalResult(
                counts[typeof(Agency)], counts[typeof(Unit)], counts[typeof(UnitVersion)], counts[typeof(Reorganization)],
                counts[typeof(ReorganizationParticipant)], counts[typeof(StaffingYear)], counts[typeof(FinanceYear)],
                counts[typeof(AutonomyPlan)], counts[typeof(PlanDocument)], counts[typeof(PlanTarget)], counts[typeof(PlanTask)], done);
        }
        finally
        {
            db.BulkOperation = previous;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>The largest key of each table before the load: the generator's keys start above them.</summary>
internal sealed record NationalKeys(
    int Agency, int Unit, int Version, int Event, int Participant, int Staffing, int Finance, int Plan, int Document, int Target, int Task,
    int Progress, int Allocation);
