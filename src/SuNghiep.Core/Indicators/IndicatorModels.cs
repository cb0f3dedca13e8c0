using System.Globalization;
using SuNghiep.Core.Reorganizations;

namespace SuNghiep.Core.Indicators;

/// <summary>How an indicator is read on a date: on the date itself, for the date's year, or as a yearly average over a period.</summary>
public enum IndicatorKind
{
    /// <summary>Read on the as-of date (units active then): units.count and the shares.</summary>
    PointInTime = 1,
    /// <summary>Read for the as-of date's year: staff.budget.</summary>
    Yearly = 2,
    /// <summary>A yearly average over a period of years: budget.direct.avg.</summary>
    PeriodAverage = 3,
}

/// <summary>One indicator of domain 11: its code, Vietnamese name and unit, what it counts, its formula and legal source.</summary>
public sealed record IndicatorDefinition(
    string Code, string Name, string Unit, string Definition, string Formula, string Source, IndicatorKind Kind, bool IsShare);

/// <summary>
/// A baseline as a target states it: a date (From = To), a calendar year (1/1 to 31/12 of one year) or a period of whole
/// years (2016-2020). A point-in-time indicator reads a year on its last day and a period as the average of its year ends.
/// </summary>
public sealed record Baseline(DateOnly From, DateOnly To)
{
    public bool IsDate => From == To;
    public bool IsYear => !IsDate && From == new DateOnly(From.Year, 1, 1) && To == new DateOnly(From.Year, 12, 31);
    public bool IsPeriod => !IsDate && !IsYear;

    public static Baseline OnDate(DateOnly date) => new(date, date);
    public static Baseline OfYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    public static Baseline OfYears(int first, int last) => new(new DateOnly(first, 1, 1), new DateOnly(last, 12, 31));

    /// <summary>Years a baseline may name: the Republic's first year to the last date the app takes in.</summary>
    public const int FirstYear = 1945;

    public const int LastYear = 2199;

    public const string FormatMessage = "Mốc so sánh phải là một ngày (2015-12-31), một năm (2021) hoặc một giai đoạn (2016-2020).";

    /// <summary>Reads 2015-12-31, 2021 or 2016-2020; null with a Vietnamese message when the text is none of them.</summary>
    public static Baseline? Parse(string? text, out string? error)
    {
        error = null;
        var t = text?.Trim() ?? "";
        if (t.Length == 10 && DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date.Year is >= FirstYear and <= LastYear)
            {
                return OnDate(date);
            }

            error = $"Ngày mốc phải trong các năm {FirstYear}-{LastYear}.";
            return null;
        }

        if (t.Length == 4 && Year(t) is { } year)
        {
            if (year is >= FirstYear and <= LastYear)
            {
                return OfYear(year);
            }

            error = $"Năm mốc phải từ {FirstYear} đến {LastYear}.";
            return null;
        }

        if (t.Length == 9 && t[4] == '-' && Year(t[..4]) is { } first && Year(t[5..]) is { } last)
        {
            if (first is < FirstYear or > LastYear || last is < FirstYear or > LastYear)
            {
                error = $"Các năm của giai đoạn mốc phải từ {FirstYear} đến {LastYear}.";
                return null;
            }

            if (first >= last)
            {
                error = "Giai đoạn mốc phải có năm đầu trước năm cuối (ví dụ 2016-2020).";
                return null;
            }

            return OfYears(first, last);
        }

        error = FormatMessage;
        return null;
    }

    private static int? Year(string digits) =>
        digits.Length == 4 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture) : null;

    /// <summary>The years the baseline covers: one for a date or a year, each year of a period.</summary>
    public IEnumerable<int> Years => Enumerable.Range(From.Year, To.Year - From.Year + 1);

    /// <summary>Vietnamese label: "31/12/2015", "năm 2021", "giai đoạn 2016-2020".</summary>
    public string Label => IsDate ? From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : IsYear ? $"năm {From.Year}" : $"giai đoạn {From.Year}-{To.Year}";

    /// <summary>The API's form: 2015-12-31, 2021 or 2016-2020.</summary>
    public override string ToString() => IsDate ? From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : IsYear ? From.Year.ToString(CultureInfo.InvariantCulture) : $"{From.Year}-{To.Year}";
}

/// <summary>
/// Where an indicator is measured. An area code is read on AreaOn (today when null) and taken with its lineage; an agency
/// with its lineage; optionally one sector and one level. Nothing set means everything the caller may see.
/// </summary>
public sealed record IndicatorScope(string? AreaCode = null, DateOnly? AreaOn = null, int? AgencyId = null, string? Sector = null, string? Level = null)
{
    public static readonly IndicatorScope Visible = new();

    public CountScope AsCountScope => new(AreaCode, AgencyId);
}

/// <summary>What to compute: one indicator, on a date, against an optional baseline, in a scope, with an optional breakdown.</summary>
public sealed record IndicatorQuery(string Code, DateOnly AsOf, Baseline? Baseline, IndicatorScope Scope, string? Breakdown = null);

/// <summary>The breakdowns a result can carry.</summary>
public static class Breakdowns
{
    public const string Province = "province";
    public const string Commune = "commune";
    public const string Agency = "agency";
    public const string Sector = "sector";

    public static readonly IReadOnlyList<string> All = [Province, Commune, Agency, Sector];
}

public sealed record IndicatorBreakdownRow(string Key, string Name, decimal? Value, decimal? BaselineValue, decimal? ChangePercent);

/// <summary>
/// An indicator's value on the as-of date with its baseline value and the change, its unit of measure, data-quality notes
/// in Vietnamese (units with no figures for the year, an area read through its successor), and an optional breakdown.
/// A value is null when nothing can be measured (a share of no units, a year with no figures at all).
/// </summary>
public sealed record IndicatorResult(
    string Code, decimal? Value, decimal? BaselineValue, decimal? Change, decimal? ChangePercent, string Unit,
    IReadOnlyList<string> Notes, IReadOnlyList<IndicatorBreakdownRow> Breakdown);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total);

/// <summary>A unit a figure counts, as it was on the as-of date, with the autonomy group the indicator read and where it came from.</summary>
public sealed record DrilldownUnit(
    int UnitId, string Code, string Name, string Sector, string SectorName, string RoleClass, int? AutonomyGroup,
    string GroupSource, int ManagingAgencyId, string ManagingAgencyName, string AreaCode, string AreaName, decimal? Figure);

/// <summary>A reorganization between the baseline and the as-of date that changed the figure, with its decision.</summary>
public sealed record DrilldownEvent(
    int ReorganizationId, string Type, string TypeName, DateOnly EffectiveDate, DecisionView Decision, int CountChange,
    IReadOnlyList<ParticipantView> Units);

public sealed record Drilldown(Paged<DrilldownUnit> Units, Paged<DrilldownEvent> Events)
{
    /// <summary>The survey rounds, feedback items or recommendations behind a quality and oversight figure; none for the others.</summary>
    public Paged<DrilldownRecord> Records { get; init; } = new([], 0);
}
