using System.Globalization;

namespace SuNghiep.Core.Rules;

/// <summary>
/// The plausible range of every number and date the app takes in, by API, form or .xlsx. A value outside it is a typing
/// error or an attack, and left in would break the totals that every reader of a province sees.
/// </summary>
public static class InputLimits
{
    /// <summary>People or positions of one unit: the largest hospitals have a few thousand.</summary>
    public const int MaxStaffCount = 1_000_000;

    /// <summary>Budget-paid positions allocated to one agency: the whole country has about two million.</summary>
    public const int MaxAllocation = 10_000_000;

    /// <summary>An amount of one unit's year in VND: 10^16 is a thousand times the largest unit's budget.</summary>
    public const decimal MaxAmount = 10_000_000_000_000_000m;

    public const decimal MaxPercent = 100m;

    /// <summary>A target counted in units: the country has about 60,000.</summary>
    public const decimal MaxTargetCount = 1_000_000m;

    /// <summary>A target in another unit of its own (a sum, a number of people): what the column holds.</summary>
    public const decimal MaxTargetValue = 1_000_000_000_000m;

    /// <summary>Any date typed into the app; beyond it the date arithmetic of the reports would overflow.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    /// <summary>A list's page: far more than any list has, and offset = page x page size fits in 32 bits.</summary>
    public const int MaxPage = 100_000;

    public static bool IsPlausible(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    public static string DateMessage => $"Ngày phải từ {EarliestDate:dd/MM/yyyy} đến {LatestDate:dd/MM/yyyy}.";

    public static string PageMessage => $"Số trang phải từ 1 đến {MaxPage.ToString("N0", Vi)}.";

    /// <summary>Every figure of a list is present and within 0..max; each message names the figure, as a summary lists it apart from its field.</summary>
    public static IEnumerable<RuleViolation> InRange(IEnumerable<(string Field, string Label, decimal? Value)> figures, decimal max, string unit)
    {
        foreach (var (field, label, value) in figures)
        {
            if (value is null)
            {
                yield return new(field, $"{label}: vui lòng nhập số liệu (nhập 0 nếu không có).");
            }
            else if (value < 0)
            {
                yield return new(field, $"{label}: số liệu không được âm.");
            }
            else if (value > max)
            {
                yield return new(field, $"{label} phải từ 0 đến {Number(max)}{unit}.");
            }
        }
    }

    public static string Number(decimal value) => value.ToString("N0", Vi);

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
}
