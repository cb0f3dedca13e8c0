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

/// <summary>
/// The computed level and group, or why there is none, with the thresholds used. LevelShown is the level cut to two
/// decimals; Retrospective marks a year before the thresholds took effect, assessed on them only for comparison.
/// </summary>
public sealed record AutonomyAssessment(
    decimal? Level, decimal? LevelShown, int? Group, string? Band, string? Reason, AutonomyThresholds Thresholds, bool Retrospective = false);

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

    /// <summary>
    /// The level as shown: cut, not rounded, to two decimals, so that a level below a threshold never reads as the
    /// threshold (9.996% shows 9.99%, not 10.00%, for a unit of group 4).
    /// </summary>
    public static decimal Truncate(decimal level) => Math.Round(level, 2, MidpointRounding.ToZero);

    /// <summary>Whether a year ended before the first thresholds took effect (Decree 60/2021, in force 15/8/2021).</summary>
    public static bool IsRetrospective(int year) => new DateOnly(year, 12, 31) < Thresholds[0].ValidFrom;

    /// <summary>What a year before Decree 60/2021 is labelled with, so that its computed group is not read as the unit's group then.</summary>
    public static string RetrospectiveNote(int year) =>
        $"Năm {year} trước ngày {Thresholds[0].ValidFrom:dd/MM/yyyy}: nhóm được đánh giá theo ngưỡng của Nghị định 60/2021/NĐ-CP để so sánh, " +
        "không phải nhóm tự chủ của đơn vị khi đó (khi đó áp dụng Nghị định 16/2015/NĐ-CP).";

    /// <summary>
    /// A unit in group 1 or 2 decides its own staffing and pays it from its revenue: it has no budget-paid staff
    /// (Decree 106/2020; Decree 60/2021). A warning, not a refusal: the register records what is.
    /// </summary>
    public static string? BudgetStaffWarning(int? group, int budgetPositions, int year) =>
        group is 1 or 2 && budgetPositions > 0
            ? $"Năm {year} đơn vị thuộc nhóm {group} (tự bảo đảm chi thường xuyên) nhưng còn {budgetPositions} người làm việc hưởng lương từ ngân sách nhà nước: " +
              "đơn vị nhóm 1 và nhóm 2 tự quyết định số lượng người làm việc và chi trả từ nguồn thu (Nghị định 106/2020/NĐ-CP; Nghị định 60/2021/NĐ-CP)."
            : null;

    /// <summary>
    /// Why a year's computed group can differ from the approved one: the approved group holds for the whole stable period
    /// (Decree 60/2021, Art. 35), set on the plan's estimates for its first year, while the computed one reads that year's figures.
    /// </summary>
    public static string? GroupDifference(int year, int? computed, int? approved) =>
        computed is { } c && approved is { } a && c != a
            ? $"Năm {year} số liệu tính ra nhóm {c}, nhóm được phê duyệt là nhóm {a}: nhóm được phê duyệt giữ nguyên trong cả thời kỳ ổn định, " +
              "xác định theo dự toán năm đầu của phương án; nhóm tính theo số liệu từng năm chỉ để theo dõi, " +
              (c < a ? "mức tự bảo đảm đã cao hơn, có thể đề xuất nhóm mới ở thời kỳ sau (Nghị định 60/2021/NĐ-CP, Điều 35)."
                     : "mức tự bảo đảm đã thấp hơn mức được phê duyệt, cần rà soát phương án (Nghị định 60/2021/NĐ-CP, Điều 35).")
            : null;

    /// <summary>The last year of the five-year stable period that covers a year: 2021-2025, 2026-2030, ... (Decree 60/2021, Art. 35).</summary>
    public static int StablePeriodEnd(int year) => 2021 + (int)Math.Floor((year - 2021) / 5.0) * 5 + 4;

    /// <summary>
    /// Whether a plan may cover these years: a whole stable period aligned with the five-year socio-economic plans
    /// (Decree 60/2021, Art. 35), or, for a unit created (or formed by a merger) in the middle of one, a short first period
    /// from the year the unit starts to the end of that stable period.
    /// </summary>
    public static bool IsStablePeriod(int start, int end, int unitFirstYear) =>
        end == StablePeriodEnd(start) && (end == start + 4 || start == unitFirstYear);

    public static AutonomyThresholds ThresholdsOn(DateOnly date) =>
        Thresholds.Where(t => t.ValidFrom <= date).OrderByDescending(t => t.ValidFrom).FirstOrDefault() ?? Thresholds[0];

    /// <summary>
    /// level = A / B x 100%. Group 1: level at least 100% and investment self-financed at least to the depreciation of
    /// fixed assets; group 2: level at least 100%; group 3: at least 10% and below 100% (bands 70-100, 30-70, 10-30);
    /// group 4: below 10% or no public service revenue. The exact ratio is compared; the level shown is cut, never rounded, to two decimals.
    /// B = 0 is not a group: the level cannot be computed.
    /// </summary>
    public static AutonomyAssessment Assess(FinanceFigures f, DateOnly on)
    {
        var t = ThresholdsOn(on);
        var retrospective = on < Thresholds[0].ValidFrom;
        // A figure stored before the range was checked must not make the page that shows it fail.
        if (!f.InRange)
        {
            return new(null, null, null, null, "Số liệu vượt giới hạn cho phép: không tính được mức tự bảo đảm chi thường xuyên.", t, retrospective);
        }

        if (f.RecurrentExpenditure <= 0)
        {
            return new(null, null, null, null, "Chi thường xuyên bằng 0: không tính được mức tự bảo đảm chi thường xuyên.", t, retrospective);
        }

        var a = f.Revenue;
        var b = f.RecurrentExpenditure;
        var level = a * 100m / b;
        var shown = Truncate(level);
        if (a <= 0)
        {
            return new(0m, 0m, 4, null, "Không có nguồn thu sự nghiệp.", t, retrospective);
        }

        // Compare A x 100 with B x threshold, so that no division rounds a unit across a threshold.
        if (a * 100m >= b * t.FullLevel)
        {
            var group = f.InvestmentSelfFinancing > 0 && f.InvestmentSelfFinancing >= f.Depreciation ? 1 : 2;
            return new(level, shown, group, null, null, t, retrospective);
        }

        if (a * 100m >= b * t.PartialLevel)
        {
            var upper = t.FullLevel;
            foreach (var lower in t.PartialBands)
            {
                if (a * 100m >= b * lower)
                {
                    return new(level, shown, 3, $"{lower:0}-{upper:0}%", null, t, retrospective);
                }

                upper = lower;
            }
        }

        return new(level, shown, 4, null, null, t, retrospective);
    }
}
