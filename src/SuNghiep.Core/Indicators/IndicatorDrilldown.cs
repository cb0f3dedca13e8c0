using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Indicators;

/// <summary>The units behind a figure and the reorganizations that changed it, paged in SQL.</summary>
public sealed partial class IndicatorEngine
{
    private sealed class VersionFigure
    {
        public required UnitVersion V { get; init; }
        public decimal? Figure { get; init; }
    }

    private sealed class UnitRow
    {
        public int UnitId { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string SortKey { get; init; } = "";
        public string SearchText { get; init; } = "";
        public string AgencySearchText { get; init; } = "";
        public string Sector { get; init; } = "";
        public string Role { get; init; } = "";
        public int? PlanGroup { get; init; }
        public int? FinanceGroup { get; init; }
        public int AgencyId { get; init; }
        public string AgencyName { get; init; } = "";
        public string AreaCode { get; init; } = "";
        public string AreaType { get; init; } = "";
        public string AreaName { get; init; } = "";
        public decimal? Figure { get; init; }
    }

    /// <summary>
    /// The units a figure counts on the as-of date and the events between baseline and as-of date that changed it. For a
    /// count or a share: the active units (Figure 1 when the unit is in the share's numerator, else 0); for conversions, the
    /// units converted by the as-of date since their listing (1) and the listed units still public (0); for staff, each unit's budget-paid positions of the year;
    /// for spending, each unit's share of the yearly average. Each unit carries the autonomy group the indicator read.
    /// </summary>
    public Task<Drilldown> DrilldownAsync(IndicatorQuery query, int page, int pageSize, CancellationToken ct = default) =>
        DrilldownAsync(query, page, pageSize, null, ct);

    /// <summary>
    /// The same, with the units narrowed to those whose name, code or managing agency contain every word of the search,
    /// accent-insensitive (the folded search columns), in SQL.
    /// </summary>
    public async Task<Drilldown> DrilldownAsync(IndicatorQuery query, int page, int pageSize, string? search, CancellationToken ct = default)
    {
        var definition = IndicatorCatalog.Find(query.Code) ?? throw new ArgumentException($"Unknown indicator {query.Code}.", nameof(query));
        var scope = await ResolveAsync(query.Scope, query.AsOf, ct);
        var baseline = query.Baseline ?? IndicatorCatalog.DefaultBaseline(definition.Code);
        var asOf = query.AsOf;
        var size = Math.Max(pageSize, 1);
        var skip = (long)(Math.Max(page, 1) - 1) * size;

        var (rows, divisor) = await UnitSourceAsync(definition.Code, scope, asOf, ct);
        foreach (var word in Text.VietnameseText.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            rows = rows.Where(r => r.SearchText.Contains(word) || r.AgencySearchText.Contains(word));
        }

        var total = await rows.CountAsync(ct);
        var items = skip >= total ? [] : await rows.OrderBy(r => r.SortKey).ThenBy(r => r.UnitId)
            .Skip((int)skip).Take(size).ToListAsync(ct);
        var units = items.Select(r => Unit(definition.Code, r, divisor)).ToList();

        if (IsOversight(definition.Code) && definition.Code != IndicatorCatalog.QualityAssessedShare)
        {
            // Their figures come from records, not units, and reorganizations do not move them.
            return new Drilldown(new Paged<DrilldownUnit>([], 0), new Paged<DrilldownEvent>([], 0))
            {
                Records = await RecordsAsync(definition.Code, scope, asOf, skip, size, ct),
            };
        }

        var events = await EventsAsync(definition.Code, scope, baseline.To, asOf, skip, size, ct);
        return new Drilldown(new Paged<DrilldownUnit>(units, total), events);
    }

    /// <summary>The units a drill-down lists, with the autonomy group of the as-of year and their figure, and the divisor of the figure.</summary>
    private async Task<(IQueryable<UnitRow> Rows, decimal Divisor)> UnitSourceAsync(
        string code, Resolved scope, DateOnly asOf, CancellationToken ct)
    {
        var scoped = Scoped(scope);
        switch (code)
        {
            case IndicatorCatalog.StaffBudget:
            {
                var year = asOf.Year;
                var source = from v in scoped
                             join s in db.StaffingYears.Where(s => s.Year == year) on v.UnitId equals s.UnitId
                             where v.ValidFrom.Year <= year
                                   && (v.ValidTo == null || v.ValidTo.Value.Year > year || (v.ValidTo == v.Unit!.EndedOn && v.Unit.EndedOn!.Value.Year <= year))
                             select new VersionFigure { V = v, Figure = s.BudgetPositions };
                return (Describe(source, year), 1m);
            }

            case IndicatorCatalog.BudgetDirectAverage:
            {
                var years = AsOfYears(asOf).ToList();
                var facts = from v in scoped
                            join f in db.FinanceYears.Where(f => years.Contains(f.Year)) on v.UnitId equals f.UnitId
                            where v.ValidFrom.Year <= f.Year
                                  && (v.ValidTo == null || v.ValidTo.Value.Year > f.Year || (v.ValidTo == v.Unit!.EndedOn && v.Unit.EndedOn!.Value.Year <= f.Year))
                            select new { v.UnitId, VersionId = v.Id, f.Year, f.DirectBudgetSpending };
                var withFigures = await facts.Select(f => f.Year).Distinct().CountAsync(ct);
                // Each unit by its latest version among the years, with its spending summed over them.
                var sums = facts.GroupBy(f => f.UnitId)
                    .Select(g => new { UnitId = g.Key, Sum = g.Sum(f => f.DirectBudgetSpending), VersionId = g.Max(f => f.VersionId) });
                var source = from s in sums
                             join v in db.UnitVersions.AsNoTracking() on s.VersionId equals v.Id
                             select new VersionFigure { V = v, Figure = s.Sum };
                return (Describe(source, asOf.Year), Math.Max(withFigures, 1));
            }

            case IndicatorCatalog.ConversionShare:
            {
                var converted = from p in db.ReorganizationParticipants.AsNoTracking()
                                where p.Role == ParticipantRole.Ended && p.Reorganization!.Type == ReorganizationType.Conversion
                                      && p.Reorganization.VoidedAt == null && p.Reorganization.EffectiveDate <= asOf
                                      && p.Unit!.ConversionListedOn != null && p.Unit.ConversionListedOn <= p.Reorganization.EffectiveDate
                                from v in scoped
                                where v.UnitId == p.UnitId && v.ValidFrom < p.Reorganization!.EffectiveDate
                                      && (v.ValidTo == null || v.ValidTo >= p.Reorganization.EffectiveDate)
                                select new VersionFigure { V = v, Figure = 1 };
                var listed = scoped.Where(UnitQueries.InForceOn(asOf))
                    .Where(v => v.Unit!.ConversionListedOn != null && v.Unit.ConversionListedOn <= asOf)
                    .Select(v => new VersionFigure { V = v, Figure = 0 });
                // Described before the union: the navigations of a version do not survive a set operation.
                return (Describe(converted, asOf.Year).Concat(Describe(listed, asOf.Year)), 1m);
            }

            case IndicatorCatalog.QualityAssessedShare:
                return (Describe(QualityUnits(scope, asOf), asOf.Year), 1m);

            case IndicatorCatalog.SurveySatisfaction or IndicatorCatalog.FeedbackOnTimeShare or IndicatorCatalog.RecommendationsDoneShare:
                return (Describe(scoped.Where(v => false).Select(v => new VersionFigure { V = v, Figure = null }), asOf.Year), 1m);

            default:
                return (Describe(scoped.Where(UnitQueries.InForceOn(asOf)).Select(v => new VersionFigure { V = v, Figure = null }), asOf.Year), 1m);
        }
    }

    private IQueryable<UnitRow> Describe(IQueryable<VersionFigure> source, int year)
    {
        var plans = db.AutonomyPlans;
        var finance = db.FinanceYears;
        return source.Select(x => new UnitRow
        {
            UnitId = x.V.UnitId,
            Code = x.V.Unit!.Code,
            Name = x.V.Name,
            SortKey = x.V.SortKey,
            SearchText = x.V.SearchText,
            AgencySearchText = x.V.ManagingAgency!.SearchText,
            Sector = x.V.SectorCode,
            Role = x.V.RoleClassCode,
            PlanGroup = plans
                .Where(p => p.UnitId == x.V.UnitId && p.Status == AutonomyPlanStatus.Approved && p.PeriodStart <= year && p.PeriodEnd >= year)
                .OrderByDescending(p => p.DecisionDate).Select(p => p.ApprovedGroup).FirstOrDefault(),
            FinanceGroup = finance.Where(f => f.UnitId == x.V.UnitId && f.Year == year).Select(f => f.ComputedGroup).FirstOrDefault(),
            AgencyId = x.V.ManagingAgencyId,
            AgencyName = x.V.ManagingAgency!.Name,
            AreaCode = x.V.Area!.Code,
            AreaType = x.V.Area.Type,
            AreaName = x.V.Area.Name,
            Figure = x.Figure,
        });
    }

    private static DrilldownUnit Unit(string code, UnitRow r, decimal divisor)
    {
        var group = r.PlanGroup ?? r.FinanceGroup;
        var source = r.PlanGroup is not null ? "plan" : r.FinanceGroup is not null ? "finance" : "none";
        decimal? figure = code switch
        {
            IndicatorCatalog.UnitsCount => 1m,
            IndicatorCatalog.SelfFinancingShare => group <= 2 ? 1m : 0m,
            IndicatorCatalog.AnyAutonomyShare => group <= 3 ? 1m : 0m,
            IndicatorCatalog.OtherRoleShare => r.Role == "other" ? 1m : 0m,
            IndicatorCatalog.PlanShare => r.PlanGroup is not null ? 1m : 0m,
            _ => r.Figure / divisor,
        };
        return new DrilldownUnit(r.UnitId, r.Code, r.Name, r.Sector, Catalog.SectorName(r.Sector), r.Role, group, source,
            r.AgencyId, r.AgencyName, r.AreaCode, Area.FullNameOf(r.AreaType, r.AreaName), figure);
    }

    /// <summary>
    /// Events (not voided) effective after the baseline date and on or before the as-of date that touched a unit of the
    /// scope, each with its change to the count of active units in the scope. The count lists those that changed it, the
    /// conversion share the conversions, the other indicators every event that moved a unit of the scope.
    /// </summary>
    private async Task<Paged<DrilldownEvent>> EventsAsync(string code, Resolved scope, DateOnly after, DateOnly asOf, long skip, int size, CancellationToken ct)
    {
        var scoped = Scoped(scope);
        var events = db.Reorganizations.AsNoTracking()
            .Where(r => r.VoidedAt == null && r.EffectiveDate > after && r.EffectiveDate <= asOf)
            .Select(r => new
            {
                r.Id,
                r.Type,
                r.EffectiveDate,
                Change = r.Participants.Sum(p =>
                    (scoped.Any(v => v.UnitId == p.UnitId && v.ValidFrom <= r.EffectiveDate && (v.ValidTo == null || v.ValidTo > r.EffectiveDate)) ? 1 : 0)
                    - (scoped.Any(v => v.UnitId == p.UnitId && v.ValidFrom < r.EffectiveDate && (v.ValidTo == null || v.ValidTo >= r.EffectiveDate)) ? 1 : 0)),
                Touches = r.Participants.Any(p =>
                    scoped.Any(v => v.UnitId == p.UnitId && v.ValidFrom <= r.EffectiveDate && (v.ValidTo == null || v.ValidTo >= r.EffectiveDate))),
                // A conversion moves the share only for a unit listed by then.
                ListedBefore = r.Participants.Any(p => p.Role == ParticipantRole.Ended && p.Unit!.ConversionListedOn != null && p.Unit.ConversionListedOn <= r.EffectiveDate),
            });
        events = code switch
        {
            IndicatorCatalog.UnitsCount => events.Where(e => e.Change != 0),
            IndicatorCatalog.ConversionShare => events.Where(e => e.Touches && e.Type == ReorganizationType.Conversion && e.ListedBefore),
            _ => events.Where(e => e.Touches),
        };
        var total = await events.CountAsync(ct);
        var page = skip >= total ? [] : await events.OrderByDescending(e => e.EffectiveDate).ThenByDescending(e => e.Id)
            .Skip((int)skip).Take(size).Select(e => new { e.Id, e.Change }).ToListAsync(ct);
        var ids = page.Select(e => e.Id).ToList();
        var details = await db.Reorganizations.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.Type, r.EffectiveDate, r.DecisionNumber, r.DecisionDate, r.DecisionIssuer,
                // Only the units the caller may see (the query filter on Units).
                Units = r.Participants.Where(p => db.Units.Any(u => u.Id == p.UnitId))
                    .Select(p => new { p.UnitId, p.Unit!.Code, p.Unit.Name, p.Role }).ToList(),
            })
            .ToListAsync(ct);
        var items = page.Select(e => details.First(d => d.Id == e.Id) is var d
            ? new DrilldownEvent(d.Id, ReorganizationRules.Code(d.Type), ReorganizationRules.TypeNameWithBasis(d.Type), d.EffectiveDate,
                new DecisionView(d.DecisionNumber, d.DecisionDate, d.DecisionIssuer), e.Change,
                d.Units.OrderBy(p => p.Role).ThenBy(p => p.Code, StringComparer.Ordinal)
                    .Select(p => new ParticipantView(p.UnitId, p.Code, p.Name, HistoryQueries.RoleCode(p.Role))).ToList())
            : null!).ToList();
        return new Paged<DrilldownEvent>(items, total);
    }
}
