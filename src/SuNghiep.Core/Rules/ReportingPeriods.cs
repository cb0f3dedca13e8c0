using System.Globalization;
using System.Text.RegularExpressions;

namespace SuNghiep.Core.Rules;

/// <summary>How often a regime asks for its report (Decree 09/2019/NĐ-CP, Art. 12).</summary>
public enum ReportFrequency
{
    Month = 1,
    Quarter = 2,
    Half = 3,
    NineMonths = 4,
    Year = 5,
}

/// <summary>A reporting period: its code ("2025-Q3"), its Vietnamese name, the data cut-off and the deadline.</summary>
public sealed record ReportingPeriod(string Code, string Name, ReportFrequency Frequency, int Year, int Index, DateOnly From, DateOnly To, DateOnly LastMonthDay)
{
    /// <summary>The deadline on the given day of the period's last month, moved to the next working day.</summary>
    public DateOnly DeadlineOn(int day) => ReportingPeriods.Deadline(LastMonthDay.Year, LastMonthDay.Month, day);
}

/// <summary>
/// Reporting periods of Decree 09/2019/NĐ-CP (Art. 12): data cut off from the 15th of the month before the period to the
/// 14th of its last month; ministries and provinces report to the Government by the 25th of the period's last month,
/// and regimes set earlier days for the levels below. A deadline on a weekend or a fixed public holiday moves to the next
/// working day. Computed from these rules, never from calendar quarters.
/// </summary>
public static partial class ReportingPeriods
{
    /// <summary>Deadline days by reporter level when a regime sets none: the Government's 25th for a province or ministry;
    /// the common practice of the 15th for departments and the 10th for communes (seed 001).</summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultDeadlineDays = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["central"] = 25,
        ["province"] = 25,
        ["department"] = 15,
        ["district"] = 12,
        ["commune"] = 10,
    };

    public static readonly IReadOnlyList<string> Levels = ["central", "province", "department", "district", "commune"];

    /// <summary>Fixed-date public holidays of the Labour Code 2019 (Art. 112): New Year, Reunification Day, Labour Day, National Day.</summary>
    private static readonly (int Month, int Day)[] FixedHolidays = [(1, 1), (4, 30), (5, 1), (9, 2)];

    /// <summary>
    /// The lunar new year's day (mùng 1 Tết) of each year the table covers, from the Vietnamese lunar calendar (UTC+7).
    /// Labour Code 2019 Art. 112(1)(b) gives five days of Tết; they are taken here as the last day of the old year and
    /// the first four of the new, as the Government's yearly notices have placed them (2026: 16-20/02). Days the notices
    /// add by swapping working days are not in it. Outside 2025-2030 Tết is not known and counts as working days.
    /// </summary>
    private static readonly DateOnly[] LunarNewYears =
    [
        new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26), new(2029, 2, 13), new(2030, 2, 3),
    ];

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static string FrequencyCode(ReportFrequency f) => f switch
    {
        ReportFrequency.Month => "month",
        ReportFrequency.Quarter => "quarter",
        ReportFrequency.Half => "half",
        ReportFrequency.NineMonths => "nine-months",
        _ => "year",
    };

    public static string FrequencyName(ReportFrequency f) => f switch
    {
        ReportFrequency.Month => "Hằng tháng",
        ReportFrequency.Quarter => "Hằng quý",
        ReportFrequency.Half => "6 tháng",
        ReportFrequency.NineMonths => "9 tháng",
        _ => "Hằng năm",
    };

    public static ReportFrequency? ParseFrequency(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "month" => ReportFrequency.Month,
        "quarter" => ReportFrequency.Quarter,
        "half" => ReportFrequency.Half,
        "nine-months" or "9m" => ReportFrequency.NineMonths,
        "year" => ReportFrequency.Year,
        _ => null,
    };

    /// <summary>Every period of a frequency in a year, in order.</summary>
    public static IReadOnlyList<ReportingPeriod> Of(ReportFrequency frequency, int year) => frequency switch
    {
        ReportFrequency.Month => Enumerable.Range(1, 12).Select(m => Month(year, m)).ToList(),
        ReportFrequency.Quarter => Enumerable.Range(1, 4).Select(q => Quarter(year, q)).ToList(),
        ReportFrequency.Half => [Half(year, 1), Half(year, 2)],
        ReportFrequency.NineMonths => [NineMonths(year)],
        _ => [Year(year)],
    };

    public static ReportingPeriod Month(int year, int month)
    {
        var to = new DateOnly(year, month, 14);
        return new($"{year:D4}-M{month:D2}", $"Tháng {month} năm {year}", ReportFrequency.Month, year, month, to.AddMonths(-1).AddDays(1), to, LastDay(year, month));
    }

    public static ReportingPeriod Quarter(int year, int quarter)
    {
        var to = new DateOnly(year, quarter * 3, 14);
        return new($"{year:D4}-Q{quarter}", $"Quý {Roman[quarter - 1]} năm {year}", ReportFrequency.Quarter, year, quarter, to.AddMonths(-3).AddDays(1), to, LastDay(year, quarter * 3));
    }

    public static ReportingPeriod Half(int year, int half) => half == 1
        ? new($"{year:D4}-H1", $"6 tháng đầu năm {year}", ReportFrequency.Half, year, 1, new DateOnly(year - 1, 12, 15), new DateOnly(year, 6, 14), LastDay(year, 6))
        : new($"{year:D4}-H2", $"6 tháng cuối năm {year}", ReportFrequency.Half, year, 2, new DateOnly(year, 6, 15), new DateOnly(year, 12, 14), LastDay(year, 12));

    public static ReportingPeriod NineMonths(int year) =>
        new($"{year:D4}-9M", $"9 tháng năm {year}", ReportFrequency.NineMonths, year, 1, new DateOnly(year - 1, 12, 15), new DateOnly(year, 9, 14), LastDay(year, 9));

    public static ReportingPeriod Year(int year) =>
        new($"{year:D4}", $"Năm {year}", ReportFrequency.Year, year, 1, new DateOnly(year - 1, 12, 15), new DateOnly(year, 12, 14), LastDay(year, 12));

    /// <summary>The period a code names ("2025", "2025-H1", "2025-Q3", "2025-M07", "2025-9M"); null for anything else.</summary>
    public static ReportingPeriod? Parse(string? code)
    {
        if (code is null || CodePattern().Match(code.Trim()) is not { Success: true } m)
        {
            return null;
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return null;
        }

        var rest = m.Groups["rest"].Value.ToUpperInvariant();
        if (rest.Length == 0)
        {
            return Year(year);
        }

        if (rest == "9M")
        {
            return NineMonths(year);
        }

        var n = int.Parse(rest[1..], CultureInfo.InvariantCulture);
        return rest[0] switch
        {
            'M' when rest.Length == 3 && n is >= 1 and <= 12 => Month(year, n),
            'Q' when rest.Length == 2 && n is >= 1 and <= 4 => Quarter(year, n),
            'H' when rest.Length == 2 && n is 1 or 2 => Half(year, n),
            _ => null,
        };
    }

    /// <summary>The day of a month (clamped to its length), moved past weekends and public holidays.</summary>
    public static DateOnly Deadline(int year, int month, int day)
    {
        var date = new DateOnly(year, month, Math.Clamp(day, 1, DateTime.DaysInMonth(year, month)));
        return NextWorkingDay(date);
    }

    /// <summary>The date itself when it is a working day, else the first working day after it.</summary>
    public static DateOnly NextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !FixedHolidays.Contains((date.Month, date.Day))
        && !IsTet(date);

    /// <summary>Whether the date is one of the five days of Tết of Labour Code Art. 112(1)(b), for the years 2025-2030.</summary>
    public static bool IsTet(DateOnly date) =>
        LunarNewYears.Any(newYear => date >= newYear.AddDays(-1) && date <= newYear.AddDays(3));

    /// <summary>The working day that is <paramref name="days"/> working days after the date (the date itself not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly date, int days)
    {
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }

    /// <summary>The deadline day for a reporter level: the regime's, else the default; null for an unknown level.</summary>
    public static int? DeadlineDay(IReadOnlyDictionary<string, int>? regimeDays, string level) =>
        regimeDays is not null && regimeDays.TryGetValue(level, out var own) ? own
        : DefaultDeadlineDays.TryGetValue(level, out var day) ? day : null;

    private static DateOnly LastDay(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?<rest>M\d{2}|Q\d|H\d|9M))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
