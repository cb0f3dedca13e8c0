using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Indicators;

/// <summary>
/// The query string of the indicator pages as typed, every value a string so that a bad one becomes a Vietnamese message
/// and never a binding error. The names are the API's (asOf, baseline, areaCode, areaOn, agencyId, sector, level, breakdown).
/// </summary>
public sealed record IndicatorFilterModel
{
    public string? AsOf { get; init; }
    public string? Baseline { get; init; }
    public string? AreaCode { get; init; }
    public string? AreaOn { get; init; }
    public string? AgencyId { get; init; }
    public string? Sector { get; init; }
    public string? Level { get; init; }
    public string? Breakdown { get; init; }
    public string? Sort { get; init; }
    public string? Dir { get; init; }
}

/// <summary>
/// The filters of the dashboard, an indicator's page and its drill-down, read and checked: an as-of date, a baseline, a scope
/// and a breakdown. Errors are keyed by the API's parameter names, which are also the form fields' ids.
/// </summary>
public sealed partial class IndicatorFilter
{
    public DateOnly Today { get; private init; }
    public DateOnly AsOf { get; private set; }
    public Baseline? Baseline { get; private set; }
    public string? AreaCode { get; private set; }
    public DateOnly? AreaOn { get; private set; }
    public int? AgencyId { get; private set; }
    public string? Sector { get; private set; }
    public string? Level { get; private set; }
    public string Breakdown { get; private set; } = Breakdowns.Province;
    public string Sort { get; private set; } = "name";
    public bool Descending { get; private set; }
    public string? AreaName { get; private set; }
    public string? AgencyName { get; private set; }

    /// <summary>The caller reads the whole country and no area narrows it: the breakdown is by province.</summary>
    public bool National { get; private set; }

    /// <summary>The breakdowns this view offers, the default first.</summary>
    public IReadOnlyList<string> BreakdownOptions { get; private set; } = [];

    public List<RuleViolation> Errors { get; } = [];

    /// <summary>The columns a breakdown sorts by besides an indicator's code: its names, and one indicator's value, baseline and change.</summary>
    public static readonly IReadOnlyList<string> SortColumns = ["name", "value", "baseline", "change"];

    public IndicatorScope Scope => new(AreaCode, AreaOn, AgencyId, Sector, Level);

    public static string BreakdownName(string breakdown) => breakdown switch
    {
        Breakdowns.Province => "Theo tỉnh, thành phố",
        Breakdowns.Commune => "Theo xã, phường (huyện trước 01/7/2025)",
        Breakdowns.Agency => "Theo cơ quan quản lý",
        Breakdowns.Sector => "Theo lĩnh vực",
        _ => breakdown,
    };

    /// <summary>The heading of a breakdown's first column.</summary>
    public static string BreakdownColumn(string breakdown) => breakdown switch
    {
        Breakdowns.Province => "Tỉnh, thành phố",
        Breakdowns.Commune => "Xã, phường",
        Breakdowns.Agency => "Cơ quan quản lý",
        Breakdowns.Sector => "Lĩnh vực",
        _ => breakdown,
    };

    /// <summary>Reads the filter; a value that is not valid is reported and replaced by its default so the page still renders.</summary>
    public static async Task<IndicatorFilter> ReadAsync(
        SuNghiepDbContext db, TimeProvider time, IndicatorFilterModel model, bool withBaseline, CancellationToken ct)
    {
        var today = Display.Today(time);
        var filter = new IndicatorFilter { Today = today, AsOf = today };
        var errors = filter.Errors;

        if (Blank(model.AsOf) is { } asOfText)
        {
            if (Display.TryParseDate(asOfText, out var asOf) && asOf >= UnitRules.EarliestDate)
            {
                filter.AsOf = asOf;
            }
            else
            {
                errors.Add(new("asOf", "Ngày xem không hợp lệ: chọn một ngày có thật từ 02/09/1945, ví dụ 31/12/2025."));
            }
        }

        if (withBaseline && Blank(model.Baseline) is { } baselineText)
        {
            if (ParseBaseline(baselineText) is { } baseline)
            {
                if (baseline.From >= filter.AsOf && errors.All(e => e.Field != "asOf"))
                {
                    errors.Add(new("baseline", $"Mốc so sánh ({baseline.Label}) phải trước ngày xem {Display.Date(filter.AsOf)}."));
                }
                else
                {
                    filter.Baseline = baseline;
                }
            }
            else
            {
                errors.Add(new("baseline", "Mốc so sánh không hợp lệ: nhập một ngày (31/12/2015), một năm (2021) hoặc một giai đoạn (2016-2020)."));
            }
        }

        if (Blank(model.AreaOn) is { } areaOnText)
        {
            if (Display.TryParseDate(areaOnText, out var areaOn) && areaOn >= UnitRules.EarliestDate)
            {
                filter.AreaOn = areaOn;
            }
            else
            {
                errors.Add(new("areaOn", "Ngày đọc mã địa bàn không hợp lệ: chọn một ngày có thật, ví dụ 31/12/2023."));
            }
        }

        if (Blank(model.AreaCode) is { } areaText)
        {
            // A code, or a name typed without the picker.
            var resolved = await Pickers.ResolveAreaAsync(db, areaText, filter.AreaOn, ct);
            if (resolved.Error is { } message)
            {
                errors.Add(new("areaCode", message));
            }
            else if (resolved.Value!.Length > 20)
            {
                errors.Add(new("areaCode", "Mã địa bàn quá dài."));
            }
            else
            {
                var areaCode = resolved.Value;
                // The code as it was on the date it is read (today by default), else as any version of it.
                var on = filter.AreaOn ?? today;
                var areas = await db.Areas.AsNoTracking().Where(a => a.Code == areaCode)
                    .OrderByDescending(a => a.ValidFrom <= on && (a.ValidTo == null || a.ValidTo >= on)).ThenByDescending(a => a.ValidFrom)
                    .Select(a => new { a.Type, a.Name }).Take(1).ToListAsync(ct);
                if (areas.Count == 0)
                {
                    errors.Add(new("areaCode", $"Không có địa bàn mã \"{areaCode}\"."));
                }
                else
                {
                    filter.AreaCode = areaCode;
                    filter.AreaName = Area.FullNameOf(areas[0].Type, areas[0].Name);
                }
            }
        }

        if (Blank(model.AgencyId) is { } agencyText)
        {
            var resolved = await Pickers.ResolveAgencyAsync(db, agencyText, ct);
            if (resolved.Value is { } id)
            {
                filter.AgencyId = int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
                filter.AgencyName = resolved.Name;
            }
            else
            {
                errors.Add(new("agencyId", resolved.Error!));
            }
        }

        if (Blank(model.Sector) is { } sectorText)
        {
            if (Catalog.FindSector(sectorText) is { } sector)
            {
                filter.Sector = sector.Code;
            }
            else
            {
                errors.Add(new("sector", "Lĩnh vực không hợp lệ: chọn một lĩnh vực trong danh sách."));
            }
        }

        if (Blank(model.Level) is { } levelText)
        {
            if (Catalog.FindLevel(levelText) is { } level)
            {
                filter.Level = level.Code;
            }
            else
            {
                errors.Add(new("level", "Cấp quản lý không hợp lệ: chọn một cấp trong danh sách."));
            }
        }

        var scope = db.Scope;
        filter.National = scope.AgencyPath is null && scope.AreaPath is null && scope.UnitId is null && filter.AreaCode is null;
        filter.BreakdownOptions = filter.National ? [Breakdowns.Province, Breakdowns.Agency, Breakdowns.Sector]
            // An agency's officer reads by agency first; a province or commune by its communes.
            : scope.AgencyPath is not null ? [Breakdowns.Agency, Breakdowns.Commune, Breakdowns.Sector]
            : [Breakdowns.Commune, Breakdowns.Agency, Breakdowns.Sector];
        filter.Breakdown = filter.BreakdownOptions[0];
        if (Blank(model.Breakdown) is { } breakdown)
        {
            if (filter.BreakdownOptions.FirstOrDefault(b => string.Equals(b, breakdown, StringComparison.OrdinalIgnoreCase)) is { } chosen)
            {
                filter.Breakdown = chosen;
            }
            else
            {
                errors.Add(new("breakdown", "Cách chia không hợp lệ: chọn "
                    + string.Join(", ", filter.BreakdownOptions.Select(b => BreakdownName(b).ToLower(Display.Vi))) + "."));
            }
        }

        // An unknown sort column falls back to the names: a stale link must not fail the page.
        filter.Sort = Blank(model.Sort) is { } sort && (SortColumns.Contains(sort) || IndicatorPages.Find(sort) is not null) ? sort : "name";
        filter.Descending = string.Equals(Blank(model.Dir), "desc", StringComparison.OrdinalIgnoreCase);
        return filter;
    }

    /// <summary>
    /// Puts errors on the form's fields, keyed by the fields' ids. Binding the typed strings never fails, but it leaves entries
    /// keyed by the properties' names ("AsOf"), and the state's keys ignore case: those would give the summary's links their spelling.
    /// </summary>
    public static void Report(ModelStateDictionary state, IEnumerable<RuleViolation> errors)
    {
        state.Clear();
        foreach (var error in errors.DistinctBy(e => e.Field))
        {
            state.AddModelError(error.Field, error.Message);
        }
    }

    /// <summary>A baseline as a target or a person writes it: a date (31/12/2015 or 2015-12-31), a year (2021) or a period (2016-2020).</summary>
    public static Baseline? ParseBaseline(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (Display.TryParseDate(t, out var date))
        {
            return Core.Indicators.Baseline.OnDate(date);
        }

        var match = YearsPattern().Match(t);
        if (!match.Success)
        {
            return null;
        }

        var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var last = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : first;
        if (first < UnitRules.EarliestDate.Year || last > InputLimits.LatestDate.Year || last < first)
        {
            return null;
        }

        return first == last ? Core.Indicators.Baseline.OfYear(first) : Core.Indicators.Baseline.OfYears(first, last);
    }

    /// <summary>The filter as query parameters (the API's names and forms), with some changed or removed (null).</summary>
    public Dictionary<string, string?> Query(bool withBaseline = true, bool withBreakdown = false)
    {
        var query = new Dictionary<string, string?>
        {
            ["asOf"] = Display.DateInput(AsOf),
            ["baseline"] = withBaseline ? Baseline?.ToString() : null,
            ["areaCode"] = AreaCode,
            ["areaOn"] = AreaOn is { } on ? Display.DateInput(on) : null,
            ["agencyId"] = AgencyId?.ToString(CultureInfo.InvariantCulture),
            ["sector"] = Sector,
            ["level"] = Level,
            ["breakdown"] = withBreakdown ? Breakdown : null,
        };
        return query;
    }

    /// <summary>The address of a page of this filter, with some parameters changed (null removes one).</summary>
    public static string Url(string path, IDictionary<string, string?> query, params (string Key, string? Value)[] changes)
    {
        var q = new Dictionary<string, string?>(query);
        foreach (var (key, value) in changes)
        {
            q[key] = value;
        }

        return QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>The drill-down of an indicator in this filter's scope, or in one row of its breakdown.</summary>
    public string DrilldownUrl(string code, IndicatorBreakdownRow? row = null, bool withBaseline = true)
    {
        var query = Query(withBaseline);
        if (row is not null)
        {
            switch (Breakdown)
            {
                case Breakdowns.Province or Breakdowns.Commune:
                    // A breakdown names today's areas: read the row's code on today's map.
                    query["areaCode"] = row.Key;
                    query["areaOn"] = null;
                    break;
                case Breakdowns.Agency:
                    query["agencyId"] = row.Key;
                    break;
                case Breakdowns.Sector:
                    query["sector"] = row.Key;
                    break;
            }
        }

        return Url($"/indicators/{Uri.EscapeDataString(code)}/drilldown", query);
    }

    /// <summary>The scope in words, for the page's heading and its printout.</summary>
    public string ScopeText(CallerScope caller)
    {
        var parts = new List<string>();
        if (AreaName is not null)
        {
            parts.Add($"{AreaName} (mã {AreaCode}{(AreaOn is { } on ? $", đọc tại ngày {Display.Date(on)}" : "")})");
        }

        if (AgencyName is not null)
        {
            parts.Add(AgencyName);
        }

        if (Sector is not null)
        {
            parts.Add("lĩnh vực " + Catalog.SectorName(Sector));
        }

        if (Level is not null)
        {
            parts.Add(Catalog.LevelName(Level).ToLower(Display.Vi));
        }

        return parts.Count > 0 ? string.Join("; ", parts) : caller.Unrestricted ? "toàn quốc" : caller.Description;
    }

    /// <summary>Rows sorted as the table's header asks: by name in Vietnamese order, or by a value with the empty ones last.</summary>
    public IReadOnlyList<T> Sorted<T>(IEnumerable<T> rows, Func<T, string> name, Func<T, string, decimal?> value)
    {
        var names = StringComparer.Create(Display.Vi, false);
        if (Sort == "name")
        {
            return (Descending ? rows.OrderByDescending(name, names) : rows.OrderBy(name, names)).ToList();
        }

        var ordered = rows.OrderBy(r => value(r, Sort) is null);
        return (Descending ? ordered.ThenByDescending(r => value(r, Sort)) : ordered.ThenBy(r => value(r, Sort))).ThenBy(name, names).ToList();
    }

    /// <summary>The address that sorts by a column: ascending first, then the other way.</summary>
    public string SortUrl(string path, string column)
    {
        var descending = Sort == column ? !Descending : column != "name";
        return Url(path, Query(withBreakdown: true), ("sort", column), ("dir", descending ? "desc" : "asc"));
    }

    /// <summary>The aria-sort of a column's header.</summary>
    public string? AriaSort(string column) => Sort == column ? (Descending ? "descending" : "ascending") : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(\d{4})(?:\s*[-–]\s*(\d{4}))?$")]
    private static partial Regex YearsPattern();
}

/// <summary>What the filter form of the indicator pages needs: where it goes and the values read and typed.</summary>
public sealed record IndicatorFilterForm(
    string Action, IndicatorFilter View, IndicatorFilterModel Typed, bool WithBaseline, bool WithBreakdown);
