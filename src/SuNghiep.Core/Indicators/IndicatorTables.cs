using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Indicators;

/// <summary>One indicator of a batch: its code, the as-of date and the baseline it is read against.</summary>
public sealed record IndicatorRequest(string Code, DateOnly AsOf, Baseline Baseline);

/// <summary>
/// The counts the shares are made of, on a date: active units by autonomy group (the approved plan in force, else the
/// group computed from the year's finance figures; none when neither), with an approved plan, listed for conversion and
/// still public, and converted since their listing.
/// </summary>
public sealed record IndicatorCounts(int Active, int Group1, int Group2, int Group3, int Group4, int NoGroup, int Plan, int Listed, int Converted)
{
    public static readonly IndicatorCounts None = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>Staffing of a year summed over the units of a scope, each read by the version that describes it on 31/12.</summary>
public sealed record StaffingFigures(long BudgetPositions, long RevenuePositions, long ActualStaff, long BudgetContractWorkers, int Rows)
{
    public static readonly StaffingFigures None = new(0, 0, 0, 0, 0);
}

/// <summary>
/// A batch read for tables that print several indicators side by side (the report annexes): the results, and the counts
/// and staffing behind them, in total and by breakdown row key.
/// </summary>
public sealed record IndicatorBatch(
    IReadOnlyList<IndicatorResult> Results,
    IndicatorCounts Counts,
    IReadOnlyDictionary<string, IndicatorCounts> CountsByKey,
    StaffingFigures Staffing,
    IReadOnlyDictionary<string, StaffingFigures> StaffingByKey);

/// <summary>Several indicators of one scope and breakdown read together, for tables.</summary>
public sealed partial class IndicatorEngine
{
    /// <summary>
    /// The indicators asked, in one pass over the register (each date, staffing year and spending year they share fetched
    /// once), with the counts of <paramref name="countsOn"/> and the staffing of <paramref name="staffingYear"/> by the
    /// same breakdown. Results equal those of <see cref="ComputeAsync"/> for each request alone.
    /// </summary>
    public async Task<IndicatorBatch> ComputeManyAsync(
        IReadOnlyList<IndicatorRequest> requests, IndicatorScope scope, string? breakdown, DateOnly countsOn, int? staffingYear, CancellationToken ct = default)
    {
        var resolved = await ResolveAsync(scope, countsOn, ct);
        var list = requests.Select(r => new Request(
            IndicatorCatalog.Find(r.Code) ?? throw new ArgumentException($"Unknown indicator {r.Code}.", nameof(requests)), r.AsOf, r.Baseline)).ToList();
        // The counts read the snapshot and the conversions of their date: a units.count and a conversion.share on it.
        var all = list.Concat([
            new Request(IndicatorCatalog.Find(IndicatorCatalog.UnitsCount)!, countsOn, Baseline.OnDate(countsOn)),
            new Request(IndicatorCatalog.Find(IndicatorCatalog.ConversionShare)!, countsOn, Baseline.OnDate(countsOn)),
        ]).ToList();
        var figures = await FetchAsync(all, resolved, breakdown, ct);
        var keyer = await KeyerAsync(breakdown, ct);
        var group1 = await Group1Async(resolved, keyer, countsOn, ct);

        IEnumerable<string> keys = figures.Snapshots.TryGetValue(countsOn, out var snaps) ? snaps.Keys : [];
        IEnumerable<string> converted = figures.Conversions.TryGetValue(countsOn, out var conversions) ? conversions.Keys : [];
        var countsByKey = keys.Union(converted)
            .ToDictionary(k => k, k => Counts(figures, countsOn, k, group1.GetValueOrDefault(k)));
        var counts = countsByKey.GetValueOrDefault(Total, IndicatorCounts.None);
        countsByKey.Remove(Total);

        var staffing = StaffingFigures.None;
        var staffingByKey = new Dictionary<string, StaffingFigures>();
        if (staffingYear is { } year)
        {
            staffingByKey = await StaffingAsync(resolved, keyer, year, ct);
            staffing = staffingByKey.GetValueOrDefault(Total, StaffingFigures.None);
            staffingByKey.Remove(Total);
        }

        return new IndicatorBatch(list.Select(r => Result(r, figures, resolved)).ToList(), counts, countsByKey, staffing, staffingByKey);
    }

    private static IndicatorCounts Counts(Figures f, DateOnly on, string key, int group1)
    {
        var s = f.Snapshot(on, key);
        // Group12 and Group13 count the units of groups 1-2 and 1-3; the rest with a group are in group 4.
        return new IndicatorCounts(s.Active, group1, s.Group12 - group1, s.Group13 - s.Group12, s.Active - s.Group13 - s.NoGroup, s.NoGroup,
            s.Plan, s.Listed, f.Converted(on, key));
    }

    /// <summary>The active units of group 1 on a date by breakdown row (the snapshots count groups 1-2 together).</summary>
    private async Task<Dictionary<string, int>> Group1Async(Resolved scope, Keyer keyer, DateOnly date, CancellationToken ct)
    {
        var year = date.Year;
        List<(string Key, int Count)> rows;
        if (IndicatorFacts.Covers(year))
        {
            rows = (await KeyedFacts(scope, keyer.Mode)
                    .Where(x => x.F.Year == year && x.F.From <= date && x.F.To > date && (x.F.PlanGroup ?? x.F.FinanceGroup) == 1)
                    .GroupBy(x => x.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(r => (r.Key, r.Count)).ToList();
        }
        else
        {
            // As SnapshotAsync reads a year outside the facts: the approved plan in force (the latest decision), else the
            // group computed from the year's finance figures.
            var approved = db.AutonomyPlans.Where(p => p.Status == AutonomyPlanStatus.Approved && p.PeriodStart <= year && p.PeriodEnd >= year);
            var inForce = approved.Where(p => !approved.Any(q => q.UnitId == p.UnitId
                && (q.DecisionDate > p.DecisionDate || (q.DecisionDate == p.DecisionDate && q.Id > p.Id))));
            var query =
                from x in Keyed(scope, keyer.Mode).Where(x => x.V.ValidFrom <= date && (x.V.ValidTo == null || x.V.ValidTo > date))
                join p in inForce on x.V.UnitId equals p.UnitId into plans
                from p in plans.DefaultIfEmpty()
                join f in db.FinanceYears.Where(f => f.Year == year) on x.V.UnitId equals f.UnitId into finance
                from f in finance.DefaultIfEmpty()
                where ((p == null ? null : p.ApprovedGroup) ?? (f == null ? null : f.ComputedGroup)) == 1
                group x by x.Key into g
                select new { g.Key, Count = g.Count() };
            rows = (await query.ToListAsync(ct)).Select(r => (r.Key, r.Count)).ToList();
        }

        var byKey = new Dictionary<string, int>();
        foreach (var (raw, count) in rows)
        {
            byKey[Total] = byKey.GetValueOrDefault(Total) + count;
            if (keyer.Map(raw) is { } row)
            {
                byKey[row.Key] = byKey.GetValueOrDefault(row.Key) + count;
            }
        }

        return byKey;
    }

    /// <summary>
    /// The staffing of a year by breakdown row, each unit read by the version that describes it on 31/12 of the year (the
    /// rule the yearly sums of staff.budget follow), so that its budget-paid positions equal the indicator's.
    /// </summary>
    private async Task<Dictionary<string, StaffingFigures>> StaffingAsync(Resolved scope, Keyer keyer, int year, CancellationToken ct)
    {
        List<(string Key, long Budget, long Revenue, long Actual, long Contract, int Rows)> rows;
        if (IndicatorFacts.Covers(year))
        {
            // Within the facts' years, their year-end rows name the unit's version (one per unit) and its key; the staffing
            // rows are read apart and joined here, since a join of the two in SQL would apply the caller's scope to each
            // and PostgreSQL plans that as a nested loop over both for a caller with a narrow scope.
            var keys = (await KeyedFacts(scope, keyer.Mode).Where(x => x.F.Year == year && x.F.YearEnd && x.F.BudgetPositions != null)
                .Select(x => new { x.F.UnitId, x.Key }).ToListAsync(ct)).ToDictionary(x => x.UnitId, x => x.Key);
            // One array parameter (JSON on SQLite): a country's ids would pass SQLite's limit of variables one by one.
            var ids = keys.Keys.ToList();
            var staffing = await db.StaffingYears.AsNoTracking().Where(s => s.Year == year && EF.Parameter(ids).Contains(s.UnitId))
                .Select(s => new { s.UnitId, s.BudgetPositions, s.RevenuePositions, s.ActualStaff, s.BudgetContractWorkers }).ToListAsync(ct);
            rows = staffing.GroupBy(s => keys[s.UnitId])
                .Select(g => (g.Key, g.Sum(s => (long)s.BudgetPositions), g.Sum(s => (long)s.RevenuePositions), g.Sum(s => (long)s.ActualStaff),
                    g.Sum(s => (long)s.BudgetContractWorkers), g.Count()))
                .ToList();
        }
        else
        {
            var staffed =
                from x in Keyed(scope, keyer.Mode)
                join s in db.StaffingYears.Where(s => s.Year == year) on x.V.UnitId equals s.UnitId
                where x.V.ValidFrom.Year <= year
                      && (x.V.ValidTo == null || x.V.ValidTo.Value.Year > year
                          || (x.V.ValidTo == x.V.Unit!.EndedOn && x.V.Unit.EndedOn!.Value.Year <= year))
                select new { x.Key, S = s };
            rows = (await staffed.GroupBy(x => x.Key)
                    .Select(g => new
                    {
                        g.Key,
                        Budget = g.Sum(x => (long)x.S.BudgetPositions),
                        Revenue = g.Sum(x => (long)x.S.RevenuePositions),
                        Actual = g.Sum(x => (long)x.S.ActualStaff),
                        Contract = g.Sum(x => (long)x.S.BudgetContractWorkers),
                        Rows = g.Count(),
                    })
                    .ToListAsync(ct))
                .Select(r => (r.Key, r.Budget, r.Revenue, r.Actual, r.Contract, r.Rows)).ToList();
        }

        var byKey = new Dictionary<string, StaffingFigures>();
        foreach (var r in rows)
        {
            var figures = new StaffingFigures(r.Budget, r.Revenue, r.Actual, r.Contract, r.Rows);
            foreach (var key in keyer.Map(r.Key) is { } row ? new[] { Total, row.Key } : new[] { Total })
            {
                var into = byKey.GetValueOrDefault(key, StaffingFigures.None);
                byKey[key] = new StaffingFigures(into.BudgetPositions + figures.BudgetPositions, into.RevenuePositions + figures.RevenuePositions,
                    into.ActualStaff + figures.ActualStaff, into.BudgetContractWorkers + figures.BudgetContractWorkers, into.Rows + figures.Rows);
            }
        }

        return byKey;
    }

    /// <summary>
    /// Every reorganization (not voided) effective after <paramref name="after"/> and on or before <paramref name="asOf"/>
    /// that touched a unit of the scope, newest first, each with its change to the count of active units in the scope and
    /// its units (those the caller may see), as the drill-down lists them.
    /// </summary>
    public async Task<IReadOnlyList<DrilldownEvent>> ReorganizationsAsync(IndicatorScope scope, DateOnly after, DateOnly asOf, CancellationToken ct = default)
    {
        var resolved = await ResolveAsync(scope, asOf, ct);
        // The units of the events of the dates (those the caller may see: the query filter on Units), then their versions
        // in the scope, and the drill-down's rules applied here: correlated subqueries per participant, as the drill-down
        // pages them, cost seconds on PostgreSQL for a year of the whole country.
        var participants = await db.ReorganizationParticipants.AsNoTracking()
            .Where(p => p.Reorganization!.VoidedAt == null && p.Reorganization.EffectiveDate > after && p.Reorganization.EffectiveDate <= asOf)
            .Where(p => db.Units.Any(u => u.Id == p.UnitId))
            .Select(p => new { p.ReorganizationId, p.UnitId, p.Unit!.Code, p.Unit.Name, p.Role })
            .ToListAsync(ct);
        var unitIds = participants.Select(p => p.UnitId).Distinct().ToList();
        var versions = (await Scoped(resolved).Where(v => EF.Parameter(unitIds).Contains(v.UnitId))
                .Select(v => new { v.UnitId, v.ValidFrom, v.ValidTo }).ToListAsync(ct))
            .ToLookup(v => v.UnitId);
        var ids = participants.Select(p => p.ReorganizationId).Distinct().ToList();
        var events = await db.Reorganizations.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.Id))
            .Select(r => new { r.Id, r.Type, r.EffectiveDate, r.DecisionNumber, r.DecisionDate, r.DecisionIssuer })
            .ToListAsync(ct);
        var byEvent = participants.ToLookup(p => p.ReorganizationId);
        var result = new List<DrilldownEvent>();
        foreach (var e in events.OrderByDescending(e => e.EffectiveDate).ThenByDescending(e => e.Id))
        {
            var d = e.EffectiveDate;
            var units = byEvent[e.Id].ToList();
            // In the scope on the day (touched), from the day on (after) and up to the day (before), as EventsAsync reads it.
            bool In(int unit, Func<DateOnly, DateOnly?, bool> holds) => versions[unit].Any(v => holds(v.ValidFrom, v.ValidTo));
            if (!units.Any(p => In(p.UnitId, (from, to) => from <= d && (to == null || to >= d))))
            {
                continue;
            }

            var change = units.Sum(p => (In(p.UnitId, (from, to) => from <= d && (to == null || to > d)) ? 1 : 0)
                - (In(p.UnitId, (from, to) => from < d && (to == null || to >= d)) ? 1 : 0));
            result.Add(new DrilldownEvent(e.Id, ReorganizationRules.Code(e.Type), ReorganizationRules.TypeName(e.Type), d,
                new DecisionView(e.DecisionNumber, e.DecisionDate, e.DecisionIssuer), change,
                units.OrderBy(p => p.Role).ThenBy(p => p.Code, StringComparer.Ordinal)
                    .Select(p => new ParticipantView(p.UnitId, p.Code, p.Name, HistoryQueries.RoleCode(p.Role))).ToList()));
        }

        return result;
    }
}
