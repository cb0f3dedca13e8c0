namespace SuNghiep.Core.Rules;

/// <summary>
/// A year's revenue and spending as Decree 60/2021 counts them (Art. 10), in VND. Revenue that counts: the budget paid for
/// listed services ordered, bid or assigned at a price; recurrent science and technology task funds; public service
/// revenue; the surplus of production, business and joint ventures after obligations to the State; fees the unit may
/// retain; other lawful revenue.
/// </summary>
public sealed record FinanceFigures(
    decimal OrderedServices,
    decimal ScienceTasks,
    decimal ServiceFees,
    decimal BusinessSurplus,
    decimal RetainedFees,
    decimal Other,
    decimal RecurrentExpenditure,
    decimal InvestmentSelfFinancing,
    decimal Depreciation)
{
    /// <summary>A: the revenue that counts towards self-financing.</summary>
    public decimal Revenue => AutonomyRules.SaturatingSum(OrderedServices, ScienceTasks, ServiceFees, BusinessSurplus, RetainedFees, Other);

    /// <summary>Whether every figure lies within the range the formula is computed on (±10^16 VND).</summary>
    public bool InRange => new[] { OrderedServices, ScienceTasks, ServiceFees, BusinessSurplus, RetainedFees, Other, RecurrentExpenditure, InvestmentSelfFinancing, Depreciation }
        .All(x => Math.Abs(x) <= InputLimits.MaxAmount);
}

/// <summary>The thresholds of a decree, with the date from which they hold.</summary>
public sealed record AutonomyThresholds(
    DateOnly ValidFrom, string Source, decimal FullLevel, decimal PartialLevel, IReadOnlyList<decimal> PartialBands);

/// <summary>The computed level and group, or why there is none, with the thresholds used.</summary>
public sealed record AutonomyAssessment(
    decimal? Level, decimal? LevelRounded, int? Group, string? Band, string? Reason, AutonomyThresholds Thresholds);

/// <summary>Financial autonomy of public service units (Decree 60/2021, Art. 9-10; Circular 56/2022 for the bands of group 3).</summary>
public static class AutonomyRules
{
    /// <summary>
    /// The thresholds in force by date. Decree 60/2021 took effect on 15/8/2021; Decree 111/2025 amended it without
    /// changing the thresholds of Art. 9. Earlier years are assessed on the same thresholds, as the plans compare them.
    /// </summary>
    public static readonly IReadOnlyList<AutonomyThresholds> Thresholds =
    [
        new(new DateOnly(2021, 8, 15), "Nghị định 60/2021/NĐ-CP, Điều 9-10; Thông tư 56/2022/TT-BTC", 100m, 10m, [70m, 30m, 10m]),
    ];

    /// <summary>A sum that stops at decimal's bounds instead of throwing, for totals of figures stored unchecked.</summary>
    public static decimal SaturatingSum(params ReadOnlySpan<decimal> values)
    {
        var sum = 0m;
        foreach (var v in values)
        {
            if (v > 0 && sum > decimal.MaxValue - v)
            {
                return decimal.MaxValue;
            }

            if (v < 0 && sum < decimal.MinValue - v)
            {
                return decimal.MinValue;
            }

            sum += v;
        }

        return sum;
    }

    public static AutonomyThresholds ThresholdsOn(DateOnly date) =>
        Thresholds.Where(t => t.ValidFrom <= date).OrderByDescending(t => t.ValidFrom).FirstOrDefault() ?? Thresholds[0];

    /// <summary>
    /// level = A / B x 100%. Group 1: level at least 100% and investment self-financed at least to the depreciation of
    /// fixed assets; group 2: level at least 100%; group 3: at least 10% and below 100% (bands 70-100, 30-70, 10-30);
    /// group 4: below 10% or no public service revenue. The exact ratio is compared; rounding is for display only.
    /// B = 0 is not a group: the level cannot be computed.
    /// </summary>
    public static AutonomyAssessment Assess(FinanceFigures f, DateOnly on)
    {
        var t = ThresholdsOn(on);
        // A figure stored before the range was checked must not make the page that shows it fail.
        if (!f.InRange)
        {
            return new(null, null, null, null, "Số liệu vượt giới hạn cho phép: không tính được mức tự bảo đảm chi thường xuyên.", t);
        }

        if (f.RecurrentExpenditure <= 0)
        {
            return new(null, null, null, null, "Chi thường xuyên bằng 0: không tính được mức tự bảo đảm chi thường xuyên.", t);
        }

        var a = f.Revenue;
        var b = f.RecurrentExpenditure;
        var level = a * 100m / b;
        var rounded = Math.Round(level, 2, MidpointRounding.AwayFromZero);
        if (a <= 0)
        {
            return new(0m, 0m, 4, null, "Không có nguồn thu sự nghiệp.", t);
        }

        // Compare A x 100 with B x threshold, so that no division rounds a unit across a threshold.
        if (a * 100m >= b * t.FullLevel)
        {
            var group = f.InvestmentSelfFinancing > 0 && f.InvestmentSelfFinancing >= f.Depreciation ? 1 : 2;
            return new(level, rounded, group, null, null, t);
        }

        if (a * 100m >= b * t.PartialLevel)
        {
            var upper = t.FullLevel;
            foreach (var lower in t.PartialBands)
            {
                if (a * 100m >= b * lower)
                {
                    return new(level, rounded, 3, $"{lower:0}-{upper:0}%", null, t);
                }

                upper = lower;
            }
        }

        return new(level, rounded, 4, null, null, t);
    }
}
