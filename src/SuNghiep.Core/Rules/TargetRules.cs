using System.Globalization;
using SuNghiep.Core.Indicators;

namespace SuNghiep.Core.Rules;

/// <summary>The status codes of a measured target, and their Vietnamese words.</summary>
public static class TargetStatus
{
    public const string Achieved = "achieved";
    public const string OnTrack = "on_track";
    public const string AtRisk = "at_risk";
    public const string Missed = "missed";
    public const string NotMeasurable = "not_measurable";

    public static readonly IReadOnlyList<string> All = [Achieved, OnTrack, AtRisk, Missed, NotMeasurable];

    public static string Name(string status) => status switch
    {
        Achieved => "đã đạt",
        OnTrack => "đúng tiến độ",
        AtRisk => "có nguy cơ không đạt",
        Missed => "không đạt",
        _ => "chưa đo được",
    };
}

/// <summary>
/// What a target states and what the register says about it. Direction is decrease, increase, at-least or at-most;
/// ValueUnit is percent or count (for a change: a relative change in % or a difference; for a level: the indicator's own
/// value). The baseline value is the indicator read on the target's baseline; the start is the value on the document's
/// date, the path's origin for a level target without a baseline. Unit names a count in the sentence ("đơn vị").
/// </summary>
public sealed record TargetFacts(
    string? IndicatorCode, string Text, string? Direction, string? ValueUnit, decimal? TargetValue, DateOnly? Deadline,
    Baseline? Baseline, decimal? BaselineValue, decimal? Actual, DateOnly? StartDate = null, decimal? StartValue = null, string? Unit = null);

/// <summary>A target's status on the as-of date, the value the straight line reaches at the deadline, and the sentence that explains it.</summary>
public sealed record TargetMeasure(string Status, decimal? Projected, string Explanation);

/// <summary>
/// Targets measured against the register (design principle 3: targets are measured, not typed).
/// <list type="bullet">
/// <item>Reached: a decrease of X percent is (actual − baseline) / baseline ≤ −X%; an increase of X percent is ≥ +X%;
/// a decrease of X (count) is baseline − actual ≥ X, an increase actual − baseline ≥ X; at-least is actual ≥ X, at-most
/// actual ≤ X. Reaching the target exactly counts.</item>
/// <item>achieved: reached on the as-of date, whatever the deadline.</item>
/// <item>missed: not reached and the as-of date is after the deadline (on the deadline itself the day still counts).</item>
/// <item>on_track / at_risk: the straight line from the baseline (or, for a level target without one, the start: the
/// value on the document's date) through the as-of value, extended to the deadline, reaches the target or not. With no
/// time elapsed since the origin the line is flat: the projection is today's value.</item>
/// <item>not_measurable, with the reason: no indicator, no direction, value or deadline, a change without a baseline,
/// no value on the baseline or the as-of date, a relative change from a baseline of zero (or below), or no origin for
/// the line of a level target that is not reached yet.</item>
/// </list>
/// A baseline year is read on its last day and a period at its middle, for the line's origin.
/// </summary>
public static class TargetRules
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static TargetMeasure Evaluate(TargetFacts t, DateOnly asOf)
    {
        if (string.IsNullOrWhiteSpace(t.IndicatorCode))
        {
            return NotMeasurable($"chỉ tiêu không gắn với chỉ số nào của sổ đăng ký; theo dõi theo nội dung văn bản: \"{t.Text}\"");
        }

        var relative = t.Direction is "decrease" or "increase";
        if (t.Direction is not ("decrease" or "increase" or "at-least" or "at-most") || t.ValueUnit is not ("percent" or "count")
            || t.TargetValue is not { } target || t.Deadline is not { } deadline)
        {
            return NotMeasurable("chỉ tiêu chưa ghi đủ chiều (tăng, giảm, ít nhất, không quá), mức, đơn vị và thời hạn");
        }

        var percent = t.ValueUnit == "percent";
        decimal b = 0;
        if (relative)
        {
            if (t.Baseline is not { } baseline)
            {
                return NotMeasurable("chỉ tiêu tăng, giảm chưa ghi kỳ gốc để so sánh");
            }

            if (t.BaselineValue is not { } bv)
            {
                return NotMeasurable($"chưa có số liệu của kỳ gốc {baseline.Label}");
            }

            if (percent && bv <= 0)
            {
                return NotMeasurable($"giá trị kỳ gốc {baseline.Label} bằng {Number(bv)}, không tính được tỷ lệ thay đổi");
            }

            b = bv;
        }

        if (t.Actual is not { } actual)
        {
            return NotMeasurable($"chưa có số liệu tại ngày {Date(asOf)}");
        }

        bool Reached(decimal v) => (t.Direction, percent) switch
        {
            ("decrease", true) => (v - b) * 100 <= -target * b,
            ("increase", true) => (v - b) * 100 >= target * b,
            ("decrease", false) => b - v >= target,
            ("increase", false) => v - b >= target,
            ("at-least", _) => v >= target,
            _ => v <= target,
        };

        var unit = percent ? "%" : t.Unit is { Length: > 0 } u ? " " + u : "";
        var goal = t.Direction switch
        {
            "decrease" => $"cần giảm {Number(target, 2)}{unit} trước {Date(deadline)}",
            "increase" => $"cần tăng {Number(target, 2)}{unit} trước {Date(deadline)}",
            "at-least" => $"cần đạt ít nhất {Number(target, 2)}{unit} trước {Date(deadline)}",
            _ => $"cần không quá {Number(target, 2)}{unit} trước {Date(deadline)}",
        };
        var now = relative ? Change(actual, b, percent, unit, t.Baseline!.Label) : $"Ngày {Date(asOf)} là {Number(actual)}{unit}";

        if (Reached(actual))
        {
            return new(TargetStatus.Achieved, null, $"{now}; {goal}: {TargetStatus.Name(TargetStatus.Achieved)}.");
        }

        if (asOf > deadline)
        {
            return new(TargetStatus.Missed, null, $"{now}; {goal}; đã quá thời hạn: {TargetStatus.Name(TargetStatus.Missed)}.");
        }

        // The line's origin: the baseline for a change, or for a level target the baseline when it has a value, else the start.
        (DateOnly Date, decimal Value)? origin = relative ? (LineDate(t.Baseline!), b)
            : t.Baseline is { } lb && t.BaselineValue is { } lv ? (LineDate(lb), lv)
            : t.StartDate is { } sd && t.StartValue is { } sv ? (sd, sv)
            : null;
        if (origin is not { } o)
        {
            return NotMeasurable($"chưa có số liệu tại ngày ban hành văn bản để tính xu hướng; {goal}");
        }

        var elapsed = asOf.DayNumber - o.Date.DayNumber;
        var projected = elapsed <= 0 ? actual : actual + (actual - o.Value) * (deadline.DayNumber - asOf.DayNumber) / elapsed;
        var status = Reached(projected) ? TargetStatus.OnTrack : TargetStatus.AtRisk;
        var trend = relative ? ChangeWord(projected, b, percent, unit) : $"là {Number(projected)}{unit}";
        return new(status, Math.Round(projected, 4, MidpointRounding.AwayFromZero),
            $"{now}; {goal}; theo xu hướng hiện nay sẽ {trend}: {TargetStatus.Name(status)}.");
    }

    /// <summary>The date a baseline stands for on the line: a date itself, a year its last day, a period its middle.</summary>
    public static DateOnly LineDate(Baseline baseline) =>
        baseline.IsDate || baseline.IsYear ? baseline.To : DateOnly.FromDayNumber((baseline.From.DayNumber + baseline.To.DayNumber) / 2);

    /// <summary>Vietnamese style: 18,4; 1.234; at most the given decimals, none when the value is whole.</summary>
    public static string Number(decimal value, int decimals = 1) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,##0." + new string('#', decimals), Vi);

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static TargetMeasure NotMeasurable(string reason) =>
        new(TargetStatus.NotMeasurable, null, $"{Capitalized(TargetStatus.Name(TargetStatus.NotMeasurable))}: {reason}.");

    private static string Capitalized(string text) => char.ToUpper(text[0], Vi) + text[1..];

    // "Giảm 18,4% so với 31/12/2015", "Tăng 12 đơn vị so với năm 2021", "Không đổi so với ...".
    private static string Change(decimal v, decimal b, bool percent, string unit, string label) =>
        ChangeWord(v, b, percent, unit) is var w && w == "không đổi" ? $"Không đổi so với {label}" : $"{Capitalized(w)} so với {label}";

    private static string ChangeWord(decimal v, decimal b, bool percent, string unit)
    {
        var change = percent ? (v - b) * 100 / b : v - b;
        var shown = Number(Math.Abs(change));
        return shown == "0" ? "không đổi" : $"{(change < 0 ? "giảm" : "tăng")} {shown}{unit}";
    }
}
