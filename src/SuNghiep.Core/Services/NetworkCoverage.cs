using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Services;

public sealed record CoverageNorm(decimal Rate, int Per, string CapacityUnit, string Document, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>
/// One commune's providers of a sector on a date: public units whose version in force is in the commune and non-public
/// providers whose version in force is there; capacity in the norm's unit; the population of the latest year up to the
/// date's; the capacity the norm requires for it.
/// </summary>
public sealed record CoverageItem(
    string CommuneCode, string CommuneName, int Providers, int PublicUnits, int NonPublicProviders, long Capacity, int? Population,
    int? PopulationYear, decimal? Norm, bool BelowNorm);

/// <summary>A commune whose coverage a scenario changes from at or above the norm to below it.</summary>
public sealed record CoverageChange(string Sector, string CommuneCode, string CommuneName, CoverageNorm? Norm, CoverageItem Before, CoverageItem After);

public sealed record CoverageResult(string Sector, string? AreaCode, DateOnly AsOf, string CapacityUnit, CoverageNorm? Norm, IReadOnlyList<CoverageItem> Items)
{
    public int BelowNormCount => Items.Count(i => i.BelowNorm);
}

/// <summary>
/// The network of providers against the population, commune by commune: a handful of grouped queries whatever the number of
/// communes (communes, non-public providers, public units, their capacity, populations), combined in memory. Providers,
/// populations and counts are public information; the scope decides only which areas a caller may ask for.
/// </summary>
public sealed class NetworkCoverage(SuNghiepDbContext db)
{
    /// <summary>What a sector's capacity counts when no norm says it: beds for health, pupils for schools, else places.</summary>
    public static CapacityUnit DefaultUnit(string sector) => sector switch
    {
        "health" => CapacityUnit.Beds,
        "education" or "vocational" => CapacityUnit.Pupils,
        _ => CapacityUnit.Places,
    };

    /// <summary>The province of today's map a code names, with its lineage path; null when there is none.</summary>
    public async Task<Area?> ProvinceAsync(string code, CancellationToken ct = default) =>
        await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code.Trim() && a.Level == AreaLevel.Province && a.ValidTo == null, ct);

    /// <summary>Whether the caller's scope reaches an area (null: the whole country).</summary>
    public async Task<bool> ReachesAsync(CallerScope scope, string? areaLineagePath, CancellationToken ct = default) =>
        await ReachAsync(scope, ct) is { } reach && (reach == "/" || (areaLineagePath is not null && areaLineagePath.StartsWith(reach, StringComparison.Ordinal)));

    /// <summary>
    /// The lineage path prefix of the areas a scope reaches ("/" for the country, null for none): an area scope its
    /// subtree, an agency the province of its area (a central agency, the country), one unit the province it is in.
    /// </summary>
    public async Task<string?> ReachAsync(CallerScope scope, CancellationToken ct = default)
    {
        if (scope.Unrestricted)
        {
            return "/";
        }

        if (scope.AreaPath is { } areaPath)
        {
            return areaPath;
        }

        if (scope.AgencyPath is { } agencyPath)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Path == agencyPath)
                .Select(a => new { Area = a.Area != null ? a.Area.LineagePath : null }).FirstOrDefaultAsync(ct);
            return agency is null ? null : agency.Area is { } p ? ProvinceOf(p) : "/";
        }

        if (scope.UnitId is { } unitId)
        {
            var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Area!.LineagePath).FirstOrDefaultAsync(ct);
            return path is null ? null : ProvinceOf(path);
        }

        return null;
    }

    private static string ProvinceOf(string lineagePath)
    {
        var second = lineagePath.IndexOf('/', 1);
        return second < 0 ? lineagePath : lineagePath[..(second + 1)];
    }

    public async Task<CoverageNorm?> NormAsync(string sector, DateOnly date, CancellationToken ct = default)
    {
        var norm = await db.NetworkNorms.AsNoTracking()
            .Where(n => n.SectorCode == sector && n.ValidFrom <= date && (n.ValidTo == null || n.ValidTo >= date))
            .OrderByDescending(n => n.ValidFrom).FirstOrDefaultAsync(ct);
        return norm is null ? null : new CoverageNorm(norm.Value, norm.PerPopulation, ProviderService.Code(norm.CapacityUnit), norm.DocumentNumber, norm.ValidFrom, norm.ValidTo);
    }

    /// <summary>
    /// Coverage of every commune in force on the date under an area's lineage path (null: the country), or of the given
    /// communes only.
    /// </summary>
    public async Task<CoverageResult> ComputeAsync(string sector, string? areaCode, string? lineagePath, DateOnly date,
        IReadOnlyCollection<int>? communeIds = null, CancellationToken ct = default)
    {
        var norm = await NormAsync(sector, date, ct);
        var unit = norm is null ? DefaultUnit(sector) : ProviderService.ParseUnit(norm.CapacityUnit)!.Value;

        var areas = db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Commune
            && (a.ValidFrom == null || a.ValidFrom <= date) && (a.ValidTo == null || a.ValidTo >= date));
        if (lineagePath is not null)
        {
            areas = areas.Where(a => a.LineagePath.StartsWith(lineagePath));
        }

        if (communeIds is not null)
        {
            areas = areas.Where(a => communeIds.Contains(a.Id));
        }

        var communes = await areas.OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Type, a.Name }).ToListAsync(ct);

        var providerVersions = db.ProviderVersions.AsNoTracking()
            .Where(v => v.SectorCode == sector && v.ValidFrom <= date && (v.ValidTo == null || v.ValidTo > date) && v.Area!.Level == AreaLevel.Commune);
        var unitVersions = db.UnitVersions.IgnoreQueryFilters().AsNoTracking()
            .Where(v => !v.Unit!.Voided && v.SectorCode == sector && v.Area!.Level == AreaLevel.Commune)
            .Where(UnitQueries.InForceOn(date));
        if (lineagePath is not null)
        {
            providerVersions = providerVersions.Where(v => v.Area!.LineagePath.StartsWith(lineagePath));
            unitVersions = unitVersions.Where(v => v.Area!.LineagePath.StartsWith(lineagePath));
        }

        if (communeIds is not null)
        {
            providerVersions = providerVersions.Where(v => communeIds.Contains(v.AreaId));
            unitVersions = unitVersions.Where(v => communeIds.Contains(v.AreaId));
        }

        var providers = await providerVersions.GroupBy(v => v.AreaId)
            .Select(g => new { AreaId = g.Key, Count = g.Count(), Capacity = g.Sum(v => v.CapacityUnit == unit ? (long)v.Capacity : 0L) })
            .ToDictionaryAsync(x => x.AreaId, ct);
        var units = await unitVersions.GroupBy(v => v.AreaId).Select(g => new { AreaId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AreaId, x => x.Count, ct);
        // A unit's capacity counts while both it (its version in force) and the capacity row are in force.
        var capacities = await (
                from v in unitVersions
                join c in db.UnitCapacities.IgnoreQueryFilters() on v.UnitId equals c.UnitId
                where c.CapacityUnit == unit && c.ValidFrom <= date && (c.ValidTo == null || c.ValidTo > date)
                group c by v.AreaId into g
                select new { AreaId = g.Key, Capacity = g.Sum(c => (long)c.Capacity) })
            .ToDictionaryAsync(x => x.AreaId, x => x.Capacity, ct);

        var populationRows = db.AreaPopulations.AsNoTracking().Where(p => p.Year <= date.Year);
        if (lineagePath is not null)
        {
            populationRows = populationRows.Where(p => p.Area!.LineagePath.StartsWith(lineagePath));
        }

        if (communeIds is not null)
        {
            populationRows = populationRows.Where(p => communeIds.Contains(p.AreaId));
        }

        // The latest year up to the date's, per commune: the year found in SQL, then its row.
        var latest = populationRows.GroupBy(p => p.AreaId).Select(g => new { AreaId = g.Key, Year = g.Max(p => p.Year) });
        var populations = await (
                from p in populationRows
                join l in latest on new { p.AreaId, p.Year } equals new { l.AreaId, l.Year }
                select new { p.AreaId, p.Year, p.Population })
            .ToDictionaryAsync(x => x.AreaId, ct);

        var items = communes.Select(c =>
        {
            var own = providers.TryGetValue(c.Id, out var p) ? p : null;
            var publicUnits = units.GetValueOrDefault(c.Id);
            var capacity = (own?.Capacity ?? 0) + capacities.GetValueOrDefault(c.Id);
            var population = populations.TryGetValue(c.Id, out var pop) ? pop : null;
            // Compared exactly, shown to two decimals.
            decimal? required = norm is not null && population is not null ? population.Population * norm.Rate / norm.Per : null;
            return new CoverageItem(c.Code, Area.FullNameOf(c.Type, c.Name), publicUnits + (own?.Count ?? 0), publicUnits, own?.Count ?? 0,
                capacity, population?.Population, population?.Year,
                required is { } shown ? Math.Round(shown, 2, MidpointRounding.AwayFromZero) : null, required is { } r && capacity < r);
        }).ToList();
        return new CoverageResult(sector, areaCode, date, ProviderService.Code(unit), norm, items);
    }

    /// <summary>The communes, by sector, where the given units' versions describing them on the date are: what a scenario on them may change.</summary>
    public async Task<IReadOnlyDictionary<string, int[]>> TouchedAsync(IReadOnlyCollection<int> unitIds, DateOnly date, CancellationToken ct = default)
    {
        if (unitIds.Count == 0)
        {
            return new Dictionary<string, int[]>();
        }

        var rows = await db.UnitVersions.AsNoTracking().Where(v => unitIds.Contains(v.UnitId) && v.Area!.Level == AreaLevel.Commune)
            .Where(UnitQueries.DescribesOn(date)).Select(v => new { v.SectorCode, v.AreaId }).Distinct().ToListAsync(ct);
        return rows.GroupBy(r => r.SectorCode).ToDictionary(g => g.Key, g => g.Select(r => r.AreaId).Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Coverage of the touched communes of each sector, measured on the register as it stands in the current transaction.</summary>
    public async Task<IReadOnlyList<CoverageResult>> MeasureAsync(IReadOnlyDictionary<string, int[]> touched, DateOnly date, CancellationToken ct = default)
    {
        var results = new List<CoverageResult>();
        foreach (var (sector, communes) in touched.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            results.Add(await ComputeAsync(sector, null, null, date, communes, ct));
        }

        return results;
    }

    /// <summary>The communes below the norm after and not before.</summary>
    public static IReadOnlyList<CoverageChange> Falling(IReadOnlyList<CoverageResult> before, IReadOnlyList<CoverageResult>? after) =>
        after is null ? [] : [.. (
            from b in before
            join a in after on b.Sector equals a.Sector
            from bi in b.Items
            from ai in a.Items
            where ai.CommuneCode == bi.CommuneCode && ai.BelowNorm && !bi.BelowNorm
            select new CoverageChange(b.Sector, bi.CommuneCode, bi.CommuneName, a.Norm, bi, ai))];
}
