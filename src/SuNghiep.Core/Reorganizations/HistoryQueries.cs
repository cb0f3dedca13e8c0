using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Reorganizations;

public sealed record DecisionView(string Number, DateOnly Date, string Issuer);

public sealed record VersionView(
    DateOnly ValidFrom, DateOnly? ValidTo, string Name, string Sector, string RoleClass, string Level,
    string AreaCode, string AreaName, int ManagingAgencyId, string ManagingAgencyName, int? AutonomyGroup,
    int? ReorganizationId, DecisionView? Decision);

public sealed record ParticipationView(
    int ReorganizationId, string Type, string TypeName, string Role, DateOnly EffectiveDate, DecisionView Decision, bool Voided);

public sealed record UnitHistory(UnitView Unit, IReadOnlyList<VersionView> Versions, IReadOnlyList<ParticipationView> Events);

public sealed record LineageNode(int Id, string Code, string Name, DateOnly EstablishedOn, DateOnly? EndedOn);

public sealed record LineageEdge(int From, int To, int ReorganizationId, string Type, DateOnly EffectiveDate);

public sealed record UnitLineage(
    int UnitId, IReadOnlyList<int> Predecessors, IReadOnlyList<int> Successors,
    IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges);

public sealed record ParticipantView(int UnitId, string Code, string Name, string Role);

public sealed record ReorganizationView(
    int Id, string Type, string TypeName, DecisionView Decision, DateOnly EffectiveDate, int CountChange,
    IReadOnlyList<ParticipantView> Units, int? NewManagingAgencyId, string? NewName, string? Notes,
    string CreatedBy, DateTime CreatedAt, DateTime? VoidedAt, string? VoidedBy, string? VoidReason);

public sealed record CountBreakdown(
    DateOnly AsOf, int Total, IReadOnlyDictionary<string, int> BySector, IReadOnlyDictionary<string, int> ByRoleClass,
    IReadOnlyDictionary<string, int> ByLevel, IReadOnlyDictionary<string, int> ByAutonomyGroup);

/// <summary>A scope for counting: an area (by code, with its lineage) or an agency (with its lineage), or everything visible.</summary>
public sealed record CountScope(string? AreaCode, int? AgencyId);

/// <summary>Reads of the register's history: a unit's versions and events, its lineage, counts as of a date, and events.</summary>
public static class HistoryQueries
{
    private static readonly string[] GroupKeys = ["1", "2", "3", "4", "none"];

    public static async Task<UnitHistory?> HistoryAsync(SuNghiepDbContext db, int id, DateOnly today, CancellationToken ct = default)
    {
        var unit = await UnitQueries.GetAsync(db, id, today, ct);
        if (unit is null)
        {
            return null;
        }

        var versions = await db.UnitVersions.AsNoTracking().Where(v => v.UnitId == id).OrderBy(v => v.ValidFrom)
            .Select(v => new VersionView(
                v.ValidFrom, v.ValidTo, v.Name, v.SectorCode, v.RoleClassCode, v.LevelCode, v.Area!.Code,
                v.Area.Type + " " + v.Area.Name, v.ManagingAgencyId, v.ManagingAgency!.Name, v.AutonomyGroup, v.ReorganizationId,
                v.Reorganization != null
                    ? new DecisionView(v.Reorganization.DecisionNumber, v.Reorganization.DecisionDate, v.Reorganization.DecisionIssuer)
                    : v.DecisionNumber != null ? new DecisionView(v.DecisionNumber, v.DecisionDate!.Value, v.DecisionIssuer!) : null))
            .ToListAsync(ct);
        var events = (await db.ReorganizationParticipants.AsNoTracking().Where(p => p.UnitId == id)
            .Select(p => new { p.Role, r = p.Reorganization! })
            .ToListAsync(ct))
            .OrderBy(x => x.r.EffectiveDate).ThenBy(x => x.r.Id)
            .Select(x => new ParticipationView(
                x.r.Id, ReorganizationRules.Code(x.r.Type), ReorganizationRules.TypeNameWithBasis(x.r.Type), RoleCode(x.Role), x.r.EffectiveDate,
                new DecisionView(x.r.DecisionNumber, x.r.DecisionDate, x.r.DecisionIssuer), x.r.VoidedAt != null))
            .ToList();
        return new UnitHistory(unit, versions, events);
    }

    public static string RoleCode(ParticipantRole role) => role switch
    {
        ParticipantRole.Ended => "ended",
        ParticipantRole.Continuing => "continuing",
        ParticipantRole.Created => "created",
        ParticipantRole.Transferred => "transferred",
        _ => "renamed",
    };

    public static string RoleName(ParticipantRole role) => role switch
    {
        ParticipantRole.Ended => "Chấm dứt",
        ParticipantRole.Continuing => "Tiếp tục",
        ParticipantRole.Created => "Thành lập",
        ParticipantRole.Transferred => "Chuyển giao",
        _ => "Đổi tên",
    };

    /// <summary>
    /// Predecessors and successors through non-voided events: the units that ended into this one or that it ended into,
    /// followed transitively, as a graph for the diagram.
    /// </summary>
    public static async Task<UnitLineage?> LineageAsync(SuNghiepDbContext db, int id, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            return null;
        }

        var edges = new List<LineageEdge>();
        var seen = new HashSet<int> { id };
        var frontier = new List<int> { id };
        for (var depth = 0; depth < 6 && frontier.Count > 0 && seen.Count < 80; depth++)
        {
            var events = await db.Reorganizations.AsNoTracking()
                .Where(r => r.VoidedAt == null && r.Participants.Any(p => frontier.Contains(p.UnitId)))
                .Select(r => new { r.Id, r.Type, r.EffectiveDate, Participants = r.Participants.Select(p => new { p.UnitId, p.Role }).ToList() })
                .ToListAsync(ct);
            var next = new List<int>();
            foreach (var e in events)
            {
                var ended = e.Participants.Where(p => p.Role == ParticipantRole.Ended).Select(p => p.UnitId).ToList();
                var continuing = e.Participants.Where(p => p.Role == ParticipantRole.Continuing).Select(p => p.UnitId).ToList();
                var created = e.Participants.Where(p => p.Role == ParticipantRole.Created).Select(p => p.UnitId).ToList();
                var pairs = ended.SelectMany(f => continuing.Concat(created).Select(t => (f, t)))
                    .Concat(continuing.SelectMany(f => created.Select(t => (f, t))));
                foreach (var (from, to) in pairs)
                {
                    if (!edges.Any(x => x.From == from && x.To == to && x.ReorganizationId == e.Id))
                    {
                        edges.Add(new LineageEdge(from, to, e.Id, ReorganizationRules.Code(e.Type), e.EffectiveDate));
                    }

                    foreach (var u in new[] { from, to }.Where(seen.Add))
                    {
                        next.Add(u);
                    }
                }
            }

            frontier = next;
        }

        var nodes = await db.Units.AsNoTracking().Where(u => seen.Contains(u.Id))
            .Select(u => new LineageNode(u.Id, u.Code, u.Name, u.EstablishedOn, u.EndedOn)).ToListAsync(ct);
        var visibleIds = nodes.Select(n => n.Id).ToHashSet();
        edges = edges.Where(e => visibleIds.Contains(e.From) && visibleIds.Contains(e.To)).OrderBy(e => e.EffectiveDate).ToList();
        return new UnitLineage(
            id,
            edges.Where(e => e.To == id).Select(e => e.From).Distinct().ToList(),
            edges.Where(e => e.From == id).Select(e => e.To).Distinct().ToList(),
            nodes.OrderBy(n => n.EstablishedOn).ToList(), edges);
    }

    /// <summary>
    /// Active units on a date in a scope (with lineage), by sector, role class, level and autonomy group. The total and the
    /// sectors are the indicator engine's units.count, so that /counts and every indicator answer one number; the other
    /// breakdowns count the same versions, with the engine's autonomy group (approved plan first, then the year's finance).
    /// </summary>
    public static async Task<CountBreakdown> CountAsync(
        SuNghiepDbContext db, IndicatorEngine engine, DateOnly asOf, CountScope scope, CancellationToken ct = default)
    {
        var counted = await engine.ComputeAsync(new IndicatorQuery(
            "units.count", asOf, Baseline.OnDate(asOf), new IndicatorScope(scope.AreaCode, null, scope.AgencyId), Breakdowns.Sector), ct);
        var query = await ScopedAsync(db, db.UnitVersions.AsNoTracking().Where(UnitQueries.InForceOn(asOf)), scope, ct);
        var rows = await AutonomyGroups.Of(db, query, asOf.Year)
            .GroupBy(x => new { x.Version.RoleClassCode, x.Version.LevelCode, x.Group })
            .Select(g => new { g.Key.RoleClassCode, g.Key.LevelCode, g.Key.Group, Count = g.Count() })
            .ToListAsync(ct);
        var bySector = counted.Breakdown.ToDictionary(r => r.Key, r => (int)(r.Value ?? 0));
        return new CountBreakdown(
            asOf,
            (int)(counted.Value ?? 0),
            Catalog.Sectors.ToDictionary(s => s.Code, s => bySector.GetValueOrDefault(s.Code)),
            Catalog.RoleClasses.ToDictionary(s => s.Code, s => rows.Where(x => x.RoleClassCode == s.Code).Sum(x => x.Count)),
            Catalog.Levels.ToDictionary(s => s.Code, s => rows.Where(x => x.LevelCode == s.Code).Sum(x => x.Count)),
            GroupKeys.ToDictionary(k => k, k => rows.Where(x => (x.Group?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none") == k).Sum(x => x.Count)));
    }

    /// <summary>Restricts versions to an area or agency taken with its lineage; null when the area code or agency is unknown.</summary>
    public static async Task<IQueryable<UnitVersion>> ScopedAsync(SuNghiepDbContext db, IQueryable<UnitVersion> query, CountScope scope, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(scope.AreaCode))
        {
            query = UnitQueries.WithinAreas(query, await UnitQueries.AreaPrefixesAsync(db, scope.AreaCode, ct));
        }

        if (scope.AgencyId is { } agencyId)
        {
            var path = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.LineagePath).FirstOrDefaultAsync(ct);
            query = path is null ? query.Where(v => false) : query.Where(v => v.ManagingAgency!.LineagePath.StartsWith(path));
        }

        return query;
    }

    /// <summary>
    /// Units of the scope that started and ended in (from, to]: with the count on "from", they give the count on "to"
    /// (count(to) = count(from) + started - ended), whether or not a decision was recorded for each.
    /// </summary>
    public static async Task<(int Started, int Ended)> StartsAndEndsAsync(
        SuNghiepDbContext db, DateOnly from, DateOnly to, CountScope scope, CancellationToken ct = default)
    {
        // A unit enters the scope when a version of it in the scope starts without one in the scope the day before.
        var scoped = await ScopedAsync(db, db.UnitVersions.AsNoTracking(), scope, ct);
        var entering = await scoped.Where(v => v.ValidFrom > from && v.ValidFrom <= to
                && !scoped.Any(p => p.UnitId == v.UnitId && p.ValidTo == v.ValidFrom))
            .CountAsync(ct);
        var leaving = await scoped.Where(v => v.ValidTo != null && v.ValidTo > from && v.ValidTo <= to
                && !scoped.Any(n => n.UnitId == v.UnitId && n.ValidFrom == v.ValidTo))
            .CountAsync(ct);
        return (entering, leaving);
    }

    public sealed record ReorganizationFilter(string? Type, DateOnly? From, DateOnly? To, CountScope Scope, bool IncludeVoided, int Page, int PageSize);

    /// <summary>Events touching a unit visible to the caller, newest first, each with its change to the count in the scope.</summary>
    public static Task<(IReadOnlyList<ReorganizationView> Items, int Total)> ListAsync(
        SuNghiepDbContext db, ReorganizationFilter f, CancellationToken ct = default) => ListAsync(db, f, 500, ct);

    /// <remarks>An export passes a larger <paramref name="maxPageSize"/> to read every event in one page.</remarks>
    public static async Task<(IReadOnlyList<ReorganizationView> Items, int Total)> ListAsync(
        SuNghiepDbContext db, ReorganizationFilter f, int maxPageSize, CancellationToken ct)
    {
        var query = db.Reorganizations.AsNoTracking()
            .Where(r => r.Participants.Any(p => db.Units.Any(u => u.Id == p.UnitId)));
        if (ReorganizationRules.Parse(f.Type) is { } type)
        {
            query = query.Where(r => r.Type == type);
        }

        if (f.From is { } from)
        {
            query = query.Where(r => r.EffectiveDate >= from);
        }

        if (f.To is { } to)
        {
            query = query.Where(r => r.EffectiveDate <= to);
        }

        if (!f.IncludeVoided)
        {
            query = query.Where(r => r.VoidedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(f.Scope.AreaCode) || f.Scope.AgencyId is not null)
        {
            // An event is in a scope when one of its units was in it the day before or on the effective date.
            var inScope = await ScopedAsync(db, db.UnitVersions.AsNoTracking(), f.Scope, ct);
            query = query.Where(r => r.Participants.Any(p => inScope.Any(v => v.UnitId == p.UnitId
                && v.ValidFrom <= r.EffectiveDate && (v.ValidTo == null || v.ValidTo >= r.EffectiveDate))));
        }

        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(r => r.EffectiveDate).ThenByDescending(r => r.Id)
            .Skip((Math.Max(f.Page, 1) - 1) * Math.Clamp(f.PageSize, 1, maxPageSize)).Take(Math.Clamp(f.PageSize, 1, maxPageSize))
            .Include(r => r.Participants).ThenInclude(p => p.Unit)
            .AsSplitQuery()
            .ToListAsync(ct);
        var deltas = await CountChangesAsync(db, page, f.Scope, ct);
        return (page.Select(r => View(r, deltas[r.Id])).ToList(), total);
    }

    public static async Task<ReorganizationView?> GetAsync(SuNghiepDbContext db, int id, CancellationToken ct = default)
    {
        var r = await db.Reorganizations.AsNoTracking().Include(x => x.Participants).ThenInclude(p => p.Unit)
            .Where(x => x.Participants.Any(p => db.Units.Any(u => u.Id == p.UnitId)))
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return null;
        }

        var deltas = await CountChangesAsync(db, [r], new CountScope(null, null), ct);
        return View(r, deltas[r.Id]);
    }

    private static ReorganizationView View(Reorganization r, int delta) => new(
        r.Id, ReorganizationRules.Code(r.Type), ReorganizationRules.TypeNameWithBasis(r.Type),
        new DecisionView(r.DecisionNumber, r.DecisionDate, r.DecisionIssuer), r.EffectiveDate, delta,
        r.Participants.Where(p => p.Unit is not null).OrderBy(p => p.Role).ThenBy(p => p.Unit!.Code)
            .Select(p => new ParticipantView(p.UnitId, p.Unit!.Code, p.Unit.Name, RoleCode(p.Role))).ToList(),
        r.NewManagingAgencyId, r.NewName, r.Notes, r.CreatedBy, r.CreatedAt, r.VoidedAt, r.VoidedBy, r.VoidReason);

    /// <summary>
    /// How each event changed the number of active units in the scope: its units in the scope on the effective date minus
    /// those in it the day before. A transfer inside a province changes nothing; one across its border does.
    /// </summary>
    private static async Task<Dictionary<int, int>> CountChangesAsync(
        SuNghiepDbContext db, IReadOnlyList<Reorganization> events, CountScope scope, CancellationToken ct)
    {
        var unitIds = events.SelectMany(r => r.Participants.Select(p => p.UnitId)).Distinct().ToList();
        var versions = await (await ScopedAsync(db, db.UnitVersions.AsNoTracking().Where(v => unitIds.Contains(v.UnitId)), scope, ct))
            .Select(v => new { v.UnitId, v.ValidFrom, v.ValidTo }).ToListAsync(ct);
        bool In(int unit, DateOnly date) => versions.Any(v => v.UnitId == unit && v.ValidFrom <= date && (v.ValidTo == null || v.ValidTo > date));
        return events.ToDictionary(r => r.Id, r => r.VoidedAt is not null ? 0 : r.Participants.Select(p => p.UnitId).Distinct()
            .Sum(u => (In(u, r.EffectiveDate) ? 1 : 0) - (In(u, r.EffectiveDate.AddDays(-1)) ? 1 : 0)));
    }
}
