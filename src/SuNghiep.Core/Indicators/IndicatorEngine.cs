using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Indicators;

/// <summary>
/// Computes the indicators of domain 11 from the register, in the database, for any scope and date; the caller's scope
/// applies through the context's query filters.
/// </summary>
/// <remarks>
/// Every indicator is a ratio or an average of a few additive figures (active units, units in groups 1-2, budget-paid
/// positions, converted units...). The engine fetches those figures grouped by one key (sector when there is no
/// breakdown, else area, agency or sector) in one grouped query per date, one for staffing, one for spending and one for
/// conversions, and combines them in memory; the dashboard's eight indicators share the same handful of queries.
/// </remarks>
public sealed partial class IndicatorEngine(SuNghiepDbContext db, TimeProvider time)
{
    private const string Total = "";

    /// <summary>Problems with a query, keyed by the API's parameter names (code, asOf, baseline, areaCode, areaOn, agencyId, sector, level, breakdown).</summary>
    public async Task<IReadOnlyList<RuleViolation>> ValidateAsync(IndicatorQuery query, CancellationToken ct = default)
    {
        var errors = new List<RuleViolation>();
        if (IndicatorCatalog.Find(query.Code) is null)
        {
            errors.Add(new("code", $"Không có chỉ tiêu mã \"{query.Code}\"."));
        }

        if (!InputLimits.IsPlausible(query.AsOf))
        {
            errors.Add(new("asOf", InputLimits.DateMessage));
        }

        if (query.Breakdown is { Length: > 0 } b && !Breakdowns.All.Contains(b))
        {
            errors.Add(new("breakdown", "Phân tổ phải là province (tỉnh), commune (xã), agency (cơ quan quản lý) hoặc sector (lĩnh vực)."));
        }

        errors.AddRange(await ValidateScopeAsync(query.Scope, ct));
        return errors;
    }

    /// <summary>Problems with a scope alone: an unknown area code on its date, agency, sector or level.</summary>
    public async Task<IReadOnlyList<RuleViolation>> ValidateScopeAsync(IndicatorScope scope, CancellationToken ct = default)
    {
        var errors = new List<RuleViolation>();
        if (scope.Sector is { Length: > 0 } s && Catalog.FindSector(s) is null)
        {
            errors.Add(new("sector", $"Lĩnh vực \"{s}\" không tồn tại."));
        }

        if (scope.Level is { Length: > 0 } l && Catalog.FindLevel(l) is null)
        {
            errors.Add(new("level", $"Cấp \"{l}\" không tồn tại."));
        }

        if (scope.AreaOn is { } on && !InputLimits.IsPlausible(on))
        {
            errors.Add(new("areaOn", InputLimits.DateMessage));
        }
        else if (!string.IsNullOrWhiteSpace(scope.AreaCode) && await FindAreaAsync(scope.AreaCode.Trim(), scope.AreaOn, ct) is null)
        {
            errors.Add(new("areaCode", scope.AreaOn is { } date
                ? $"Không có địa bàn mã \"{scope.AreaCode.Trim()}\" vào ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}."
                : $"Không có địa bàn mã \"{scope.AreaCode.Trim()}\"."));
        }

        if (scope.AgencyId is { } id && !await db.Agencies.AsNoTracking().AnyAsync(a => a.Id == id, ct))
        {
            errors.Add(new("agencyId", $"Không có cơ quan quản lý mã số {id}."));
        }

        return errors;
    }

    /// <summary>One indicator on the as-of date against the baseline (or the indicator's default one when null), with its breakdown.</summary>
    public async Task<IndicatorResult> ComputeAsync(IndicatorQuery query, CancellationToken ct = default)
    {
        var definition = IndicatorCatalog.Find(query.Code) ?? throw new ArgumentException($"Unknown indicator {query.Code}.", nameof(query));
        var scope = await ResolveAsync(query.Scope, query.AsOf, ct);
        var request = new Request(definition, query.AsOf, query.Baseline ?? IndicatorCatalog.DefaultBaseline(definition.Code));
        var figures = await FetchAsync([request], scope, query.Breakdown, ct);
        return Result(request, figures, scope);
    }

    /// <summary>Every indicator of the catalogue, each against its default baseline, in as few passes over the register as it takes.</summary>
    public async Task<IReadOnlyList<IndicatorResult>> ComputeAllAsync(DateOnly asOf, IndicatorScope scope, string? breakdown, CancellationToken ct = default)
    {
        var resolved = await ResolveAsync(scope, asOf, ct);
        var requests = IndicatorCatalog.All.Select(d => new Request(d, asOf, IndicatorCatalog.DefaultBaseline(d.Code))).ToList();
        var figures = await FetchAsync(requests, resolved, breakdown, ct);
        return requests.Select(r => Result(r, figures, resolved)).ToList();
    }

    /// <summary>One indicator at the end of each year from first to last (the as-of date for the current year), for charts.</summary>
    public async Task<IReadOnlyList<(int Year, decimal? Value)>> SeriesAsync(string code, int first, int last, IndicatorScope scope, CancellationToken ct = default)
    {
        var definition = IndicatorCatalog.Find(code) ?? throw new ArgumentException($"Unknown indicator {code}.", nameof(code));
        var today = VietnamTime.Today(time);
        var dates = Enumerable.Range(first, Math.Max(0, last - first + 1))
            .Select(y => y == today.Year ? today : new DateOnly(y, 12, 31)).ToList();
        if (dates.Count == 0)
        {
            return [];
        }

        var resolved = await ResolveAsync(scope, dates[^1], ct);
        var baseline = IndicatorCatalog.DefaultBaseline(definition.Code);
        var requests = dates.Select(d => new Request(definition, d, baseline)).ToList();
        var figures = await FetchAsync(requests, resolved, null, ct);
        return requests.Select(r => (r.AsOf.Year, ValueAt(r, figures, Total))).ToList();
    }

    /// <summary>
    /// Every indicator at the end of each year from first to last (the as-of date for the current year), read together:
    /// one pass per date and year for all of them, where SeriesAsync for each would repeat the same passes eight times.
    /// </summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>>> SeriesAllAsync(
        int first, int last, IndicatorScope scope, CancellationToken ct = default) =>
        SeriesAsync(IndicatorCatalog.All.Select(d => d.Code).ToList(), first, last, scope, ct);

    /// <summary>Some indicators at the end of each year, read together as <see cref="SeriesAllAsync"/> reads them all.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>>> SeriesAsync(
        IReadOnlyList<string> codes, int first, int last, IndicatorScope scope, CancellationToken ct = default)
    {
        var definitions = codes.Select(c => IndicatorCatalog.Find(c) ?? throw new ArgumentException($"Unknown indicator {c}.", nameof(codes)))
            .DistinctBy(d => d.Code).ToList();
        var today = VietnamTime.Today(time);
        var dates = Enumerable.Range(first, Math.Max(0, last - first + 1))
            .Select(y => y == today.Year ? today : new DateOnly(y, 12, 31)).ToList();
        if (dates.Count == 0)
        {
            return definitions.ToDictionary(d => d.Code, _ => (IReadOnlyList<(int, decimal?)>)[]);
        }

        var resolved = await ResolveAsync(scope, dates[^1], ct);
        var requests = definitions
            .SelectMany(d => dates.Select(date => new Request(d, date, IndicatorCatalog.DefaultBaseline(d.Code))))
            .ToList();
        var figures = await FetchAsync(requests, resolved, null, ct);
        return requests.GroupBy(r => r.Definition.Code).ToDictionary(
            g => g.Key, g => (IReadOnlyList<(int, decimal?)>)g.Select(r => (r.AsOf.Year, ValueAt(r, figures, Total))).ToList());
    }

    internal SuNghiepDbContext Db => db;

    internal TimeProvider Time => time;

    private DateOnly Today => VietnamTime.Today(time);

    // ---------------------------------------------------------------- scope

    /// <summary>
    /// Where the figures are taken: the lineage path of the area (its code read on AreaOn) and of the agency, each followed
    /// to its successor when it ended before the as-of date, so that as-of and baseline values cover the same ground.
    /// </summary>
    private sealed record Resolved(string? AreaPrefix, string? AgencyPath, string? Sector, string? Level, bool Empty, IReadOnlyList<string> Notes);

    private async Task<Resolved> ResolveAsync(IndicatorScope scope, DateOnly asOf, CancellationToken ct)
    {
        var notes = new List<string>();
        var empty = false;
        string? areaPrefix = null;
        if (!string.IsNullOrWhiteSpace(scope.AreaCode))
        {
            var area = await FindAreaAsync(scope.AreaCode.Trim(), scope.AreaOn, ct);
            for (var hops = 0; area is { ValidTo: { } end, SuccessorId: { } next } && end < asOf && hops < 8; hops++)
            {
                var successor = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == next, ct);
                notes.Add($"{area.FullName} (mã {area.Code}) kết thúc ngày {Vi(end)}; số liệu ngày xem và ngày mốc đều tính theo địa bàn kế thừa {successor.FullName} (mã {successor.Code}), gồm các địa bàn tiền thân.");
                area = successor;
            }

            if (area is { ValidTo: { } ended } && ended < asOf)
            {
                notes.Add($"{area.FullName} (mã {area.Code}) kết thúc ngày {Vi(ended)}; số liệu tính theo các đơn vị còn ghi địa bàn này và các địa bàn trực thuộc.");
            }

            areaPrefix = area?.LineagePath;
            empty |= area is null;
        }

        string? agencyPath = null;
        if (scope.AgencyId is { } agencyId)
        {
            var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
            for (var hops = 0; agency is { ValidTo: { } end, SuccessorId: { } next } && end < asOf && hops < 8; hops++)
            {
                var successor = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == next, ct);
                notes.Add($"{agency.Name} kết thúc ngày {Vi(end)}; số liệu ngày xem và ngày mốc đều tính theo cơ quan kế thừa {successor.Name}, gồm các cơ quan tiền thân.");
                agency = successor;
            }

            agencyPath = agency?.LineagePath;
            empty |= agency is null;
        }

        return new Resolved(areaPrefix, agencyPath, Catalog.FindSector(scope.Sector)?.Code, Catalog.FindLevel(scope.Level)?.Code, empty, notes);
    }

    /// <summary>The area a code named on a date; without a date, today's, else the last area that had the code.</summary>
    private async Task<Area?> FindAreaAsync(string code, DateOnly? on, CancellationToken ct)
    {
        var date = on ?? Today;
        var named = await db.Areas.AsNoTracking()
            .Where(a => a.Code == code && (a.ValidFrom == null || a.ValidFrom <= date) && (a.ValidTo == null || a.ValidTo >= date))
            .FirstOrDefaultAsync(ct);
        if (named is not null || on is not null)
        {
            return named;
        }

        return await db.Areas.AsNoTracking().Where(a => a.Code == code).OrderByDescending(a => a.ValidTo).FirstOrDefaultAsync(ct);
    }

    /// <summary>The versions of the scope (the caller's scope applies through the query filter).</summary>
    private IQueryable<UnitVersion> Scoped(Resolved s)
    {
        var query = db.UnitVersions.AsNoTracking();
        if (s.Empty)
        {
            return query.Where(v => false);
        }

        if (s.AreaPrefix is { } prefix)
        {
            query = query.Where(v => v.Area!.LineagePath.StartsWith(prefix));
        }

        if (s.AgencyPath is { } path)
        {
            query = query.Where(v => v.ManagingAgency!.LineagePath.StartsWith(path));
        }

        if (s.Sector is { } sector)
        {
            query = query.Where(v => v.SectorCode == sector);
        }

        if (s.Level is { } level)
        {
            query = query.Where(v => v.LevelCode == level);
        }

        return query;
    }

    private static string Vi(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
