using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Indicators;

/// <summary>The indicators' formulas over the fetched figures, their notes, and the breakdown's rows.</summary>
public sealed partial class IndicatorEngine
{
    private enum KeyMode
    {
        Sector,
        Area,
        Agency,
    }

    /// <summary>Maps a raw key of the grouped queries (sector code, area id, agency id) to its breakdown row, remembering the rows seen.</summary>
    private sealed class Keyer(KeyMode mode, Func<string, (string Key, string Name, string Order)?> map)
    {
        private readonly Dictionary<string, (string Key, string Name, string Order)?> _cache = [];

        public KeyMode Mode => mode;

        public Dictionary<string, (string Name, string Order)> Seen { get; } = [];

        public (string Key, string Name)? Map(string raw)
        {
            if (!_cache.TryGetValue(raw, out var row))
            {
                _cache[raw] = row = map(raw);
                if (row is { } r)
                {
                    Seen[r.Key] = (r.Name, r.Order);
                }
            }

            return row is { } found ? (found.Key, found.Name) : null;
        }
    }

    /// <summary>
    /// An area as the breakdowns need it. The table is reference data (about 4,100 rows), kept per database and read again
    /// when an area has been added or removed since (its count and highest id say so), so that no unit's row is lost.
    /// </summary>
    private sealed record AreaRow(int Id, string Code, string FullName, AreaLevel Level, string LineagePath, DateOnly? ValidTo);

    private sealed record AreaTable(int Count, int MaxId, IReadOnlyDictionary<int, AreaRow> Rows);

    private static readonly ConcurrentDictionary<string, AreaTable> AreaTables = new();

    private async Task<IReadOnlyDictionary<int, AreaRow>> AreasAsync(CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        var stamp = await db.Areas.AsNoTracking().GroupBy(a => 1)
            .Select(g => new { Count = g.Count(), MaxId = g.Max(a => a.Id) }).FirstOrDefaultAsync(ct);
        var (count, maxId) = (stamp?.Count ?? 0, stamp?.MaxId ?? 0);
        if (AreaTables.TryGetValue(key, out var table) && table.Count == count && table.MaxId == maxId)
        {
            return table.Rows;
        }

        var rows = await db.Areas.AsNoTracking()
            .Select(a => new { a.Id, a.Code, a.Type, a.Name, a.Level, a.LineagePath, a.ValidTo }).ToListAsync(ct);
        var byId = rows.ToDictionary(a => a.Id, a => new AreaRow(a.Id, a.Code, Area.FullNameOf(a.Type, a.Name), a.Level, a.LineagePath, a.ValidTo));
        AreaTables[key] = new AreaTable(byId.Count, byId.Count == 0 ? 0 : byId.Keys.Max(), byId);
        return byId;
    }

    private async Task<Keyer> KeyerAsync(string? breakdown, CancellationToken ct)
    {
        switch (breakdown)
        {
            case Breakdowns.Province:
            {
                var areas = await AreasAsync(ct);
                var provinces = areas.Values.Where(a => a.Level == AreaLevel.Province && a.ValidTo == null).ToDictionary(a => a.Code, a => a.FullName);
                return new Keyer(KeyMode.Area, raw =>
                {
                    if (!areas.TryGetValue(int.Parse(raw, CultureInfo.InvariantCulture), out var area) || !area.LineagePath.StartsWith("/p", StringComparison.Ordinal))
                    {
                        return null;
                    }

                    // Today's province: the first segment of the lineage path, "/p24/o24/d213/" -> 24.
                    var code = area.LineagePath[2..area.LineagePath.IndexOf('/', 1)];
                    return (code, provinces.GetValueOrDefault(code, code), code.PadLeft(4, '0'));
                });
            }

            case Breakdowns.Commune:
            {
                var areas = await AreasAsync(ct);
                return new Keyer(KeyMode.Area, raw =>
                {
                    if (!areas.TryGetValue(int.Parse(raw, CultureInfo.InvariantCulture), out var area))
                    {
                        return null;
                    }

                    return area.Level switch
                    {
                        AreaLevel.Commune => (area.Code, area.FullName, "2" + area.Code),
                        AreaLevel.District => (area.Code, $"{area.FullName} (đến {Vi(area.ValidTo ?? DateOnly.MaxValue)})", "1" + area.Code),
                        _ => (ProvinceLevelKey, "Cấp tỉnh", "0"),
                    };
                });
            }

            case Breakdowns.Agency:
                // Names are filled in once the ids are known (FillAgencyNamesAsync).
                return new Keyer(KeyMode.Agency, raw => (raw, raw, raw));

            case Breakdowns.Sector:
                return new Keyer(KeyMode.Sector, raw => Catalog.FindSector(raw) is { } s ? (s.Code, s.Name, s.Number.ToString("D2", CultureInfo.InvariantCulture)) : (raw, raw, "99"));

            default:
                return new Keyer(KeyMode.Sector, _ => null);
        }
    }

    /// <summary>The key of the commune breakdown's row for units of the province itself.</summary>
    public const string ProvinceLevelKey = "province";

    private async Task NameAgenciesAsync(Keyer keyer, CancellationToken ct)
    {
        var ids = keyer.Seen.Keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        foreach (var a in names)
        {
            keyer.Seen[a.Id.ToString(CultureInfo.InvariantCulture)] = (a.Name, VietnameseText.SortKey(a.Name));
        }
    }

    private static IndicatorResult Result(Request r, Figures f, Resolved scope)
    {
        var value = ValueAt(r, f, Total);
        var baseline = BaselineValue(r, f, Total);
        var (change, percent) = Change(value, baseline);
        var rows = f.Rows.Select(row =>
        {
            var v = ValueAt(r, f, row.Key);
            var b = BaselineValue(r, f, row.Key);
            return new IndicatorBreakdownRow(row.Key, row.Name, v, b, Change(v, b).Percent);
        }).ToList();
        return new IndicatorResult(r.Definition.Code, value, baseline, change, percent, r.Definition.Unit,
            [.. scope.Notes, .. Notes(r, f)], rows);
    }

    private static (decimal? Change, decimal? Percent) Change(decimal? value, decimal? baseline) =>
        value is { } v && baseline is { } b ? (v - b, b == 0 ? null : (v - b) / b * 100m) : (null, null);

    private static decimal? Share(int part, int whole) => whole == 0 ? null : part * 100m / whole;

    private static decimal? Average(IEnumerable<decimal?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return known.Count == 0 ? null : known.Sum() / known.Count;
    }

    /// <summary>A point-in-time indicator on one snapshot.</summary>
    private static decimal? PointValue(string code, Snap s) => code switch
    {
        IndicatorCatalog.UnitsCount => s.Active,
        IndicatorCatalog.SelfFinancingShare => Share(s.Group12, s.Active),
        IndicatorCatalog.AnyAutonomyShare => Share(s.Group13, s.Active),
        IndicatorCatalog.OtherRoleShare => Share(s.Other, s.Active),
        IndicatorCatalog.PlanShare => Share(s.Plan, s.Active),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    private static decimal? ValueAt(Request r, Figures f, string key)
    {
        switch (r.Definition.Code)
        {
            case var code when IsOversight(code):
                return OversightValue(f, code, r.AsOf, key);
            case IndicatorCatalog.StaffBudget:
                return f.StaffOf(r.AsOf.Year, Total).Rows == 0 ? null : f.StaffOf(r.AsOf.Year, key).Sum;
            case IndicatorCatalog.BudgetDirectAverage:
                return YearlyAverage(AsOfYears(r.AsOf), y => f.SpendingOf(y, Total).Rows > 0, y => f.SpendingOf(y, key).Sum);
            case IndicatorCatalog.ConversionShare:
                return ConversionValue(f, r.AsOf, key);

            default:
                return PointValue(r.Definition.Code, f.Snapshot(r.AsOf, key));
        }
    }

    /// <summary>The conversion share on a date: converted since listed / (converted + listed units still active), the same on any date.</summary>
    private static decimal? ConversionValue(Figures f, DateOnly on, string key)
    {
        var converted = f.Converted(on, key);
        return Share(converted, converted + f.Snapshot(on, key).Listed);
    }

    private static decimal? BaselineValue(Request r, Figures f, string key)
    {
        var b = r.Baseline;
        switch (r.Definition.Code)
        {
            case var code when IsOversight(code):
                return Average(BaselineDates(b).Select(d => OversightValue(f, code, d, key)));
            case IndicatorCatalog.StaffBudget:
                return YearlyAverage(b.Years, y => f.StaffOf(y, Total).Rows > 0, y => f.StaffOf(y, key).Sum);
            case IndicatorCatalog.BudgetDirectAverage:
                return YearlyAverage(b.Years, y => f.SpendingOf(y, Total).Rows > 0, y => f.SpendingOf(y, key).Sum);
            case IndicatorCatalog.ConversionShare:
                return Average(BaselineDates(b).Select(d => ConversionValue(f, d, key)));
            default:
                return Average(BaselineDates(b).Select(d => PointValue(r.Definition.Code, f.Snapshot(d, key))));
        }
    }

    /// <summary>The average over the years that have figures in the scope (the same years for every breakdown row, so rows add up).</summary>
    private static decimal? YearlyAverage(IEnumerable<int> years, Func<int, bool> hasFigures, Func<int, decimal> sum)
    {
        var known = years.Where(hasFigures).ToList();
        return known.Count == 0 ? null : known.Sum(sum) / known.Count;
    }

    private static IEnumerable<string> Notes(Request r, Figures f)
    {
        var code = r.Definition.Code;
        var asOf = f.Snapshot(r.AsOf, Total);
        var year = r.AsOf.Year;
        if (IsOversight(code))
        {
            foreach (var note in OversightNotes(r, f))
            {
                yield return note;
            }

            yield break;
        }

        switch (code)
        {
            case IndicatorCatalog.StaffBudget:
            {
                if (asOf.NoStaff > 0)
                {
                    yield return $"{asOf.NoStaff} đơn vị đang hoạt động ngày {Vi(r.AsOf)} chưa có số liệu biên chế năm {year}.";
                }

                var missing = r.Baseline.Years.Prepend(year).Distinct().Where(y => f.StaffOf(y, Total).Rows == 0).Order().ToList();
                if (missing.Count > 0)
                {
                    yield return $"Chưa có số liệu biên chế năm {Years(missing)} trong phạm vi.";
                }

                break;
            }

            case IndicatorCatalog.BudgetDirectAverage:
            {
                if (asOf.NoFinance > 0)
                {
                    yield return $"{asOf.NoFinance} đơn vị đang hoạt động ngày {Vi(r.AsOf)} chưa có số liệu tài chính năm {year}.";
                }

                var (first, _) = IndicatorCatalog.FiveYearPeriod(year);
                var missing = AsOfYears(r.AsOf).Where(y => f.SpendingOf(y, Total).Rows == 0).ToList();
                if (missing.Count > 0)
                {
                    yield return $"Chưa có số liệu chi trực tiếp từ NSNN năm {Years(missing)}; bình quân giai đoạn {first}-{year} chỉ tính các năm có số liệu.";
                }

                var missingBaseline = r.Baseline.Years.Where(y => f.SpendingOf(y, Total).Rows == 0).ToList();
                if (missingBaseline.Count > 0)
                {
                    yield return $"Chưa có số liệu chi trực tiếp từ NSNN năm {Years(missingBaseline)} của mốc {r.Baseline.Label}; giá trị mốc chỉ tính các năm có số liệu.";
                }

                break;
            }

            case IndicatorCatalog.ConversionShare:
                if (f.Converted(r.AsOf, Total) + asOf.Listed == 0)
                {
                    yield return "Trong phạm vi không có đơn vị nào thuộc danh mục đủ điều kiện chuyển đổi thành công ty cổ phần.";
                }

                break;

            case IndicatorCatalog.SelfFinancingShare or IndicatorCatalog.AnyAutonomyShare:
                if (asOf.FinanceOnly > 0)
                {
                    yield return $"{asOf.FinanceOnly} đơn vị chưa có phương án tự chủ được duyệt còn hiệu lực năm {year}: nhóm tự chủ tính theo số liệu tài chính năm {year}.";
                }

                if (asOf.NoGroup > 0)
                {
                    yield return $"{asOf.NoGroup} đơn vị không có phương án được duyệt và chưa có số liệu tài chính năm {year}: chưa xác định được nhóm, không tính vào tử số.";
                }

                break;
        }

        if (r.Definition.IsShare && code != IndicatorCatalog.ConversionShare && asOf.Active == 0)
        {
            yield return $"Không có đơn vị nào đang hoạt động trong phạm vi ngày {Vi(r.AsOf)}.";
        }
    }

    private static string Years(IEnumerable<int> years) => string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
