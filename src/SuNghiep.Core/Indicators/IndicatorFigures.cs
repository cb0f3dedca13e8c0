using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Indicators;

/// <summary>The additive figures the indicators are made of, fetched in a handful of grouped queries.</summary>
public sealed partial class IndicatorEngine
{
    private sealed record Request(IndicatorDefinition Definition, DateOnly AsOf, Baseline Baseline);

    /// <summary>Units active on a date, by what the indicators count of them.</summary>
    private sealed class Snap
    {
        public int Active;
        public int Other;
        public int Group12;
        public int Group13;
        public int Plan;
        public int FinanceOnly;
        public int NoGroup;
        public int Listed;
        public int NoStaff;
        public int NoFinance;

        public void Add(Snap s)
        {
            Active += s.Active;
            Other += s.Other;
            Group12 += s.Group12;
            Group13 += s.Group13;
            Plan += s.Plan;
            FinanceOnly += s.FinanceOnly;
            NoGroup += s.NoGroup;
            Listed += s.Listed;
            NoStaff += s.NoStaff;
            NoFinance += s.NoFinance;
        }
    }

    /// <summary>A yearly sum (positions, VND) and how many unit rows it adds up.</summary>
    private sealed class Amount
    {
        public decimal Sum;
        public int Rows;
    }

    private sealed class Figures
    {
        public readonly Dictionary<DateOnly, Dictionary<string, Snap>> Snapshots = [];
        public readonly Dictionary<int, Dictionary<string, Amount>> Staff = [];
        public readonly Dictionary<int, Dictionary<string, Amount>> Spending = [];
        public readonly Dictionary<DateOnly, Dictionary<string, int>> Conversions = [];
        public readonly Dictionary<(string Code, DateOnly On), Dictionary<string, Ratio>> Oversight = [];

        /// <summary>The breakdown's rows in display order, with their names.</summary>
        public readonly List<(string Key, string Name)> Rows = [];

        public Snap Snapshot(DateOnly date, string key) =>
            Snapshots.TryGetValue(date, out var byKey) && byKey.TryGetValue(key, out var s) ? s : new Snap();

        public Amount StaffOf(int year, string key) =>
            Staff.TryGetValue(year, out var byKey) && byKey.TryGetValue(key, out var a) ? a : new Amount();

        public Amount SpendingOf(int year, string key) =>
            Spending.TryGetValue(year, out var byKey) && byKey.TryGetValue(key, out var a) ? a : new Amount();

        public int Converted(DateOnly on, string key) =>
            Conversions.TryGetValue(on, out var byKey) && byKey.TryGetValue(key, out var n) ? n : 0;
    }

    /// <summary>A version with the key of the breakdown row it falls in (sector code, area id or agency id as text).</summary>
    private sealed class KeyedVersion
    {
        public required UnitVersion V { get; init; }
        public required string Key { get; init; }
    }

    private sealed class UnitFacts
    {
        public string Key { get; init; } = "";
        public bool Other { get; init; }
        public int? PlanGroup { get; init; }
        public int? FinanceGroup { get; init; }
        public bool Listed { get; init; }
        public bool Staffed { get; init; }
        public bool Financed { get; init; }
    }

    private sealed class YearFacts
    {
        public string Key { get; init; } = "";
        public int Year { get; init; }
        public decimal Amount { get; init; }
    }

    /// <summary>The snapshot dates, years and conversion dates the requests need, fetched once each.</summary>
    private async Task<Figures> FetchAsync(IReadOnlyList<Request> requests, Resolved scope, string? breakdown, CancellationToken ct)
    {
        var dates = new SortedSet<DateOnly>();
        var staffYears = new SortedSet<int>();
        var spendingYears = new SortedSet<int>();
        var conversionDates = new SortedSet<DateOnly>();
        var oversight = new SortedSet<(string Code, DateOnly On)>();
        foreach (var r in requests)
        {
            dates.Add(r.AsOf);
            switch (r.Definition.Code)
            {
                case var code when IsOversight(code):
                    // Read from their own records on each date; the as-of snapshot above still serves the other indicators.
                    oversight.Add((code, r.AsOf));
                    oversight.UnionWith(BaselineDates(r.Baseline).Select(d => (code, d)));
                    if (code == IndicatorCatalog.QualityAssessedShare)
                    {
                        // Its denominator is the snapshot's active units (a year end reads the totals).
                        dates.UnionWith(BaselineDates(r.Baseline));
                    }

                    break;
                case IndicatorCatalog.StaffBudget:
                    staffYears.Add(r.AsOf.Year);
                    staffYears.UnionWith(r.Baseline.Years);
                    break;
                case IndicatorCatalog.BudgetDirectAverage:
                    spendingYears.UnionWith(AsOfYears(r.AsOf));
                    spendingYears.UnionWith(r.Baseline.Years);
                    break;
                case IndicatorCatalog.ConversionShare:
                    // A point-in-time share: listed units from the snapshot, converted units from their own query, on each date.
                    dates.UnionWith(BaselineDates(r.Baseline));
                    conversionDates.Add(r.AsOf);
                    conversionDates.UnionWith(BaselineDates(r.Baseline));
                    break;
                default:
                    dates.UnionWith(BaselineDates(r.Baseline));
                    break;
            }
        }

        var keyer = await KeyerAsync(breakdown, ct);
        var figures = new Figures();
        var asOfDates = requests.Select(r => r.AsOf).ToHashSet();
        foreach (var date in dates)
        {
            // Only the as-of date's snapshot carries the notes on missing staffing and finance rows.
            var facts = await SnapshotAsync(scope, keyer.Mode, date, asOfDates.Contains(date) ? date.Year : -1, ct);
            figures.Snapshots[date] = Fold(facts, keyer, () => new Snap(), (into, s) => into.Add(s));
        }

        if (staffYears.Count > 0)
        {
            var rows = await YearlyAsync(scope, keyer.Mode, staffYears.ToList(), staffing: true, ct);
            foreach (var year in staffYears)
            {
                figures.Staff[year] = Fold(rows.Where(r => r.Year == year).Select(r => (r.Key, r.Amount)).ToList(), keyer, () => new Amount(), (a, b) => { a.Sum += b.Sum; a.Rows += b.Rows; });
            }
        }

        if (spendingYears.Count > 0)
        {
            var rows = await YearlyAsync(scope, keyer.Mode, spendingYears.ToList(), staffing: false, ct);
            foreach (var year in spendingYears)
            {
                figures.Spending[year] = Fold(rows.Where(r => r.Year == year).Select(r => (r.Key, r.Amount)).ToList(), keyer, () => new Amount(), (a, b) => { a.Sum += b.Sum; a.Rows += b.Rows; });
            }
        }

        var conversions = conversionDates.Count > 0 ? await ConversionsAsync(scope, keyer.Mode, conversionDates.Max, ct) : [];
        foreach (var on in conversionDates)
        {
            var byKey = new Dictionary<string, int>();
            // Each unit once per row key, as the unit may have changed hands between the dates.
            foreach (var (raw, count) in conversions.Where(c => c.EffectiveDate <= on).GroupBy(c => c.Key).Select(g => (g.Key, g.Select(c => c.UnitId).Distinct().Count())))
            {
                byKey[Total] = byKey.GetValueOrDefault(Total) + count;
                if (keyer.Map(raw) is { } row)
                {
                    byKey[row.Key] = byKey.GetValueOrDefault(row.Key) + count;
                }
            }

            figures.Conversions[on] = byKey;
        }

        foreach (var (code, on) in oversight)
        {
            figures.Oversight[(code, on)] = code == IndicatorCatalog.QualityAssessedShare && figures.Snapshots.TryGetValue(on, out var snapshot)
                ? WithWhole(FoldRatios(await AssessedAsync(scope, keyer.Mode, on, ct), keyer), snapshot)
                : FoldRatios(await OversightAsync(code, scope, keyer.Mode, on, ct), keyer);
        }

        if (breakdown == Breakdowns.Agency)
        {
            await NameAgenciesAsync(keyer, ct);
        }

        figures.Rows.AddRange(keyer.Seen.OrderBy(r => r.Value.Order).ThenBy(r => r.Value.Name, StringComparer.Ordinal)
            .Select(r => (r.Key, r.Value.Name)));
        return figures;
    }

    private static Dictionary<string, T> Fold<T>(IEnumerable<(string Raw, T Value)> rows, Keyer keyer, Func<T> zero, Action<T, T> add)
    {
        var byKey = new Dictionary<string, T> { [Total] = zero() };
        foreach (var (raw, value) in rows)
        {
            add(byKey[Total], value);
            if (keyer.Map(raw) is { } row)
            {
                if (!byKey.TryGetValue(row.Key, out var into))
                {
                    byKey[row.Key] = into = zero();
                }

                add(into, value);
            }
        }

        return byKey;
    }

    /// <summary>The dates a point-in-time indicator is read on for a baseline: the date, a year's last day, each year end of a period.</summary>
    private static IEnumerable<DateOnly> BaselineDates(Baseline b) =>
        b.IsDate ? [b.From] : b.Years.Select(y => new DateOnly(y, 12, 31));

    /// <summary>The years of the five-year period holding the as-of year, up to it.</summary>
    private static IEnumerable<int> AsOfYears(DateOnly asOf)
    {
        var (first, _) = IndicatorCatalog.FiveYearPeriod(asOf.Year);
        return Enumerable.Range(first, asOf.Year - first + 1);
    }

    private IQueryable<KeyedVersion> Keyed(Resolved scope, KeyMode mode)
    {
        var versions = Scoped(scope);
        return mode switch
        {
            KeyMode.Area => versions.Select(v => new KeyedVersion { V = v, Key = v.AreaId.ToString() }),
            KeyMode.Agency => versions.Select(v => new KeyedVersion { V = v, Key = v.ManagingAgencyId.ToString() }),
            _ => versions.Select(v => new KeyedVersion { V = v, Key = v.SectorCode }),
        };
    }

    private sealed class KeyedFact
    {
        public required UnitYearFact F { get; init; }
        public required string Key { get; init; }
    }

    /// <summary>The indicator facts of the scope (the caller's scope applies through the query filter), keyed as Keyed does.</summary>
    private IQueryable<KeyedFact> KeyedFacts(Resolved s, KeyMode mode)
    {
        var query = db.UnitYearFacts.AsNoTracking();
        if (s.Empty)
        {
            query = query.Where(f => false);
        }

        if (s.AreaPrefix is { } prefix)
        {
            query = query.Where(f => f.Area!.LineagePath.StartsWith(prefix));
        }

        if (s.AgencyPath is { } path)
        {
            query = query.Where(f => f.ManagingAgency!.LineagePath.StartsWith(path));
        }

        if (s.Sector is { } sector)
        {
            query = query.Where(f => f.SectorCode == sector);
        }

        if (s.Level is { } level)
        {
            query = query.Where(f => f.LevelCode == level);
        }

        return mode switch
        {
            KeyMode.Area => query.Select(f => new KeyedFact { F = f, Key = f.AreaId.ToString() }),
            KeyMode.Agency => query.Select(f => new KeyedFact { F = f, Key = f.ManagingAgencyId.ToString() }),
            _ => query.Select(f => new KeyedFact { F = f, Key = f.SectorCode }),
        };
    }

    /// <summary>
    /// One grouped query: the units active on the date, by key, with their role, the autonomy group of the date's year
    /// (the approved plan in force, else the group computed from that year's finance figures) and conversion listing.
    /// </summary>
    private async Task<List<(string Raw, Snap Snap)>> SnapshotAsync(Resolved scope, KeyMode mode, DateOnly date, int noteYear, CancellationToken ct)
    {
        var year = date.Year;
        if (IndicatorFacts.Covers(year))
        {
            return db.Scope.Unrestricted && date.Month == 12 && date.Day == 31
                ? await SnapshotFromTotalsAsync(scope, mode, year, noteYear == year, ct)
                : await SnapshotFromFactsAsync(scope, mode, date, noteYear == year, ct);
        }

        // The approved plan in force in the year: the latest decision when (against the rules) two cover the same year.
        var approved = db.AutonomyPlans.Where(p => p.Status == AutonomyPlanStatus.Approved && p.PeriodStart <= year && p.PeriodEnd >= year);
        var inForce = approved.Where(p => !approved.Any(q => q.UnitId == p.UnitId
            && (q.DecisionDate > p.DecisionDate || (q.DecisionDate == p.DecisionDate && q.Id > p.Id))));
        // Left joins rather than correlated subqueries: the aggregates below refer to each figure several times, and EF
        // would repeat a subquery in each. The joined sets keep their scope filter: IgnoreQueryFilters on one of them would
        // lift the caller's scope from the whole query.
        var facts =
            from x in Keyed(scope, mode).Where(x => x.V.ValidFrom <= date && (x.V.ValidTo == null || x.V.ValidTo > date))
            // An explicit join: a navigation read inside the aggregates would become a subquery per group.
            join u in db.Units on x.V.UnitId equals u.Id
            join p in inForce on x.V.UnitId equals p.UnitId into plans
            from p in plans.DefaultIfEmpty()
            join f in db.FinanceYears.Where(f => f.Year == year) on x.V.UnitId equals f.UnitId into finance
            from f in finance.DefaultIfEmpty()
            join s in db.StaffingYears.Where(s => s.Year == noteYear) on x.V.UnitId equals s.UnitId into staffing
            from s in staffing.DefaultIfEmpty()
            select new UnitFacts
            {
                Key = x.Key,
                Other = x.V.RoleClassCode == "other",
                PlanGroup = p == null ? null : p.ApprovedGroup,
                FinanceGroup = f == null ? null : f.ComputedGroup,
                Listed = u.ConversionListedOn != null && u.ConversionListedOn <= date,
                Staffed = s != null,
                // Read only for the as-of date's snapshot, whose note year is the date's year.
                Financed = f != null,
            };
        return await GroupAsync(facts, ct);
    }

    /// <summary>The snapshot from the indicator facts: the year's rows whose interval holds the date, one per active unit.</summary>
    private async Task<List<(string Raw, Snap Snap)>> SnapshotFromFactsAsync(Resolved scope, KeyMode mode, DateOnly date, bool notes, CancellationToken ct)
    {
        var year = date.Year;
        var facts = KeyedFacts(scope, mode)
            .Where(x => x.F.Year == year && x.F.From <= date && x.F.To > date)
            .Select(x => new UnitFacts
            {
                Key = x.Key,
                Other = x.F.Other,
                PlanGroup = x.F.PlanGroup,
                FinanceGroup = x.F.FinanceGroup,
                Listed = x.F.ListedOn != null && x.F.ListedOn <= date,
                // Read only for the as-of date's snapshot, as SnapshotAsync does.
                Staffed = notes && x.F.Staffed,
                Financed = x.F.Financed,
            });
        return await GroupAsync(facts, ct);
    }

    private static async Task<List<(string Raw, Snap Snap)>> GroupAsync(IQueryable<UnitFacts> facts, CancellationToken ct)
    {
        var rows = await facts.GroupBy(f => f.Key).Select(g => new
        {
            g.Key,
            Active = g.Count(),
            Other = g.Sum(f => f.Other ? 1 : 0),
            Group12 = g.Sum(f => (f.PlanGroup ?? f.FinanceGroup) <= 2 ? 1 : 0),
            Group13 = g.Sum(f => (f.PlanGroup ?? f.FinanceGroup) <= 3 ? 1 : 0),
            Plan = g.Sum(f => f.PlanGroup != null ? 1 : 0),
            FinanceOnly = g.Sum(f => f.PlanGroup == null && f.FinanceGroup != null ? 1 : 0),
            NoGroup = g.Sum(f => f.PlanGroup == null && f.FinanceGroup == null ? 1 : 0),
            Listed = g.Sum(f => f.Listed ? 1 : 0),
            NoStaff = g.Sum(f => f.Staffed ? 0 : 1),
            NoFinance = g.Sum(f => f.Financed ? 0 : 1),
        }).ToListAsync(ct);
        return rows.Select(r => (r.Key, new Snap
        {
            Active = r.Active, Other = r.Other, Group12 = r.Group12, Group13 = r.Group13, Plan = r.Plan, FinanceOnly = r.FinanceOnly,
            NoGroup = r.NoGroup, Listed = r.Listed, NoStaff = r.NoStaff, NoFinance = r.NoFinance,
        })).ToList();
    }

    /// <summary>
    /// One grouped query over the years: budget-paid positions (staffing) or direct state budget spending (finance) of the
    /// units of the scope, each read by the version that describes it on 31/12 of the row's year.
    /// </summary>
    private async Task<List<(int Year, string Key, Amount Amount)>> YearlyAsync(Resolved scope, KeyMode mode, List<int> years, bool staffing, CancellationToken ct)
    {
        // A version describes its unit on 31/12/Y when it started by then and ended after (ValidTo is exclusive), or it is
        // the last one of a unit that ended by then: the year-end test of UnitQueries.DescribesOn, on the row's own year.
        if (years.All(IndicatorFacts.Covers))
        {
            return db.Scope.Unrestricted
                ? await YearlyFromTotalsAsync(scope, mode, years, staffing, ct)
                : await YearlyFromFactsAsync(scope, mode, years, staffing, ct);
        }

        var keyed = Keyed(scope, mode);
        IQueryable<YearFacts> facts = staffing
            ? from x in keyed
              join s in db.StaffingYears.Where(s => years.Contains(s.Year)) on x.V.UnitId equals s.UnitId
              where x.V.ValidFrom.Year <= s.Year
                    && (x.V.ValidTo == null || x.V.ValidTo.Value.Year > s.Year
                        || (x.V.ValidTo == x.V.Unit!.EndedOn && x.V.Unit.EndedOn!.Value.Year <= s.Year))
              select new YearFacts { Key = x.Key, Year = s.Year, Amount = s.BudgetPositions }
            : from x in keyed
              join f in db.FinanceYears.Where(f => years.Contains(f.Year)) on x.V.UnitId equals f.UnitId
              where x.V.ValidFrom.Year <= f.Year
                    && (x.V.ValidTo == null || x.V.ValidTo.Value.Year > f.Year
                        || (x.V.ValidTo == x.V.Unit!.EndedOn && x.V.Unit.EndedOn!.Value.Year <= f.Year))
              select new YearFacts { Key = x.Key, Year = f.Year, Amount = f.DirectBudgetSpending };
        var rows = await facts.GroupBy(f => new { f.Year, f.Key })
            .Select(g => new { g.Key.Year, g.Key.Key, Sum = g.Sum(f => f.Amount), Rows = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => (r.Year, r.Key, new Amount { Sum = r.Sum, Rows = r.Rows })).ToList();
    }

    /// <summary>
    /// A year-end snapshot from the year totals, for a caller who sees the whole register (the totals cannot apply a
    /// narrower caller scope; the scope's own area, agency, sector and level filters apply as on the facts).
    /// </summary>
    private async Task<List<(string Raw, Snap Snap)>> SnapshotFromTotalsAsync(Resolved scope, KeyMode mode, int year, bool notes, CancellationToken ct)
    {
        var rows = await KeyedTotals(scope, mode).Where(x => x.T.Year == year).GroupBy(x => x.Key).Select(g => new
        {
            g.Key,
            Active = g.Sum(x => x.T.Active),
            Other = g.Sum(x => x.T.Other),
            Group12 = g.Sum(x => x.T.Group12),
            Group13 = g.Sum(x => x.T.Group13),
            Plan = g.Sum(x => x.T.Plan),
            FinanceOnly = g.Sum(x => x.T.FinanceOnly),
            NoGroup = g.Sum(x => x.T.NoGroup),
            Listed = g.Sum(x => x.T.Listed),
            Staffed = g.Sum(x => x.T.Staffed),
            Financed = g.Sum(x => x.T.Financed),
        }).ToListAsync(ct);
        return rows.Where(r => r.Active > 0).Select(r => (r.Key, new Snap
        {
            Active = r.Active, Other = r.Other, Group12 = r.Group12, Group13 = r.Group13, Plan = r.Plan, FinanceOnly = r.FinanceOnly,
            NoGroup = r.NoGroup, Listed = r.Listed, NoStaff = notes ? r.Active - r.Staffed : r.Active, NoFinance = r.Active - r.Financed,
        })).ToList();
    }

    /// <summary>The yearly sums from the year totals, for a caller who sees the whole register.</summary>
    private async Task<List<(int Year, string Key, Amount Amount)>> YearlyFromTotalsAsync(Resolved scope, KeyMode mode, List<int> years, bool staffing, CancellationToken ct)
    {
        var totals = KeyedTotals(scope, mode).Where(x => years.Contains(x.T.Year));
        var rows = staffing
            ? await totals.Where(x => x.T.StaffRows > 0).GroupBy(x => new { x.T.Year, x.Key })
                .Select(g => new { g.Key.Year, g.Key.Key, Sum = g.Sum(x => x.T.BudgetPositions), Rows = g.Sum(x => x.T.StaffRows) }).ToListAsync(ct)
            : await totals.Where(x => x.T.FinanceRows > 0).GroupBy(x => new { x.T.Year, x.Key })
                .Select(g => new { g.Key.Year, g.Key.Key, Sum = g.Sum(x => x.T.DirectBudgetSpending), Rows = g.Sum(x => x.T.FinanceRows) }).ToListAsync(ct);
        return rows.Select(r => (r.Year, r.Key, new Amount { Sum = r.Sum, Rows = r.Rows })).ToList();
    }

    private sealed class KeyedTotal
    {
        public required IndicatorYearTotal T { get; init; }
        public required string Key { get; init; }
    }

    private IQueryable<KeyedTotal> KeyedTotals(Resolved s, KeyMode mode)
    {
        var query = db.IndicatorYearTotals.AsNoTracking();
        if (s.Empty)
        {
            query = query.Where(t => false);
        }

        if (s.AreaPrefix is { } prefix)
        {
            query = query.Where(t => t.Area!.LineagePath.StartsWith(prefix));
        }

        if (s.AgencyPath is { } path)
        {
            query = query.Where(t => t.ManagingAgency!.LineagePath.StartsWith(path));
        }

        if (s.Sector is { } sector)
        {
            query = query.Where(t => t.SectorCode == sector);
        }

        if (s.Level is { } level)
        {
            query = query.Where(t => t.LevelCode == level);
        }

        return mode switch
        {
            KeyMode.Area => query.Select(t => new KeyedTotal { T = t, Key = t.AreaId.ToString() }),
            KeyMode.Agency => query.Select(t => new KeyedTotal { T = t, Key = t.ManagingAgencyId.ToString() }),
            _ => query.Select(t => new KeyedTotal { T = t, Key = t.SectorCode }),
        };
    }

    /// <summary>The yearly sums from the year-end rows of the indicator facts; a row with no figure for the year adds nothing.</summary>
    private async Task<List<(int Year, string Key, Amount Amount)>> YearlyFromFactsAsync(Resolved scope, KeyMode mode, List<int> years, bool staffing, CancellationToken ct)
    {
        var yearEnd = KeyedFacts(scope, mode).Where(x => years.Contains(x.F.Year) && x.F.YearEnd);
        if (staffing)
        {
            var rows = await yearEnd.Where(x => x.F.BudgetPositions != null)
                .GroupBy(x => new { x.F.Year, x.Key })
                .Select(g => new { g.Key.Year, g.Key.Key, Sum = g.Sum(x => (long)x.F.BudgetPositions!.Value), Rows = g.Count() })
                .ToListAsync(ct);
            return rows.Select(r => (r.Year, r.Key, new Amount { Sum = r.Sum, Rows = r.Rows })).ToList();
        }

        var spending = await yearEnd.Where(x => x.F.DirectBudgetSpending != null)
            .GroupBy(x => new { x.F.Year, x.Key })
            .Select(g => new { g.Key.Year, g.Key.Key, Sum = g.Sum(x => x.F.DirectBudgetSpending!.Value), Rows = g.Count() })
            .ToListAsync(ct);
        return spending.Select(r => (r.Year, r.Key, new Amount { Sum = r.Sum, Rows = r.Rows })).ToList();
    }

    /// <summary>
    /// Units converted on or before the last date asked: ended by a conversion (not voided) effective by then, on or after
    /// the day they were listed for conversion, each with the key of where it was the day before and the effective date,
    /// so that one query serves every date of a series (conversions are few; the dates are folded in memory).
    /// </summary>
    private async Task<List<(string Key, int UnitId, DateOnly EffectiveDate)>> ConversionsAsync(Resolved scope, KeyMode mode, DateOnly last, CancellationToken ct)
    {
        var converted =
            from p in db.ReorganizationParticipants.AsNoTracking()
            where p.Role == ParticipantRole.Ended && p.Reorganization!.Type == ReorganizationType.Conversion
                  && p.Reorganization.VoidedAt == null && p.Reorganization.EffectiveDate <= last
                  && p.Unit!.ConversionListedOn != null && p.Unit.ConversionListedOn <= p.Reorganization.EffectiveDate
            from x in Keyed(scope, mode)
            where x.V.UnitId == p.UnitId && x.V.ValidFrom < p.Reorganization!.EffectiveDate
                  && (x.V.ValidTo == null || x.V.ValidTo >= p.Reorganization.EffectiveDate)
            select new { x.Key, p.UnitId, p.Reorganization!.EffectiveDate };
        var rows = await converted.Distinct().ToListAsync(ct);
        return rows.Select(r => (r.Key, r.UnitId, r.EffectiveDate)).ToList();
    }
}
