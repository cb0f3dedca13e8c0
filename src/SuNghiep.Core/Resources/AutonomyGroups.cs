using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Resources;

/// <summary>A unit's version with the autonomy group of a year, as the indicator engine reads it.</summary>
public sealed class VersionGroup
{
    public required UnitVersion Version { get; init; }
    public int? Group { get; init; }
}

/// <summary>
/// The autonomy group of a unit in a year, with the indicator engine's definition, for the breakdowns the engine does
/// not give (each group, role class, level): the approved plan in force that year (the latest decision), else the group
/// computed from the year's finance, else none. The group a version stores is what was typed at the time, not this.
/// </summary>
public static class AutonomyGroups
{
    public static IQueryable<VersionGroup> Of(SuNghiepDbContext db, IQueryable<UnitVersion> versions, int year)
    {
        // Not IgnoreQueryFilters on these: in EF Core it lifts the filters of the whole query, the versions' scope with them.
        var plans = db.AutonomyPlans;
        var finance = db.FinanceYears;
        return versions.Select(v => new VersionGroup
        {
            Version = v,
            Group = plans
                    .Where(p => p.UnitId == v.UnitId && p.Status == AutonomyPlanStatus.Approved && p.PeriodStart <= year && p.PeriodEnd >= year)
                    .OrderByDescending(p => p.DecisionDate).Select(p => p.ApprovedGroup).FirstOrDefault()
                ?? finance.Where(f => f.UnitId == v.UnitId && f.Year == year).Select(f => f.ComputedGroup).FirstOrDefault(),
        });
    }
}
