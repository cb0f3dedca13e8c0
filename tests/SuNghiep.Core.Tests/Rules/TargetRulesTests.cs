using System.Globalization;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

// Targets measured from the register (design principle 3). The line: baseline or start on 01/01/2024, as-of 11/01/2024,
// deadline 21/01/2024, ten days each side, so that the projection doubles the change so far: a value on the line is
// exactly on track, 0,01 off it is not.
public sealed class TargetRulesTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Numbers come from the rows as int or double; decimal holds them exactly for the comparisons.
    private static decimal? M(object? value) => value is null ? null : Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    private static readonly Baseline Start = Baseline.OnDate(new DateOnly(2024, 1, 1));
    private static readonly DateOnly Deadline = new(2024, 1, 21);
    private static readonly DateOnly Midway = new(2024, 1, 11);

    private static TargetFacts Change(string direction, string unit, decimal? target, decimal? baselineValue, decimal? actual) =>
        new("units.count", "Giảm số đơn vị", direction, unit, target, Deadline, Start, baselineValue, actual);

    // Decrease X percent: (actual − baseline) / baseline ≤ −X%. Increase: ≥ +X%. Counts: the difference.
    [Theory]
    //          direction   unit       target  baseline  actual   as-of         status             projected
    [InlineData("decrease", "percent", 20,     100,      80,      "2024-01-11", "achieved",        null)]       // exactly at the target
    [InlineData("decrease", "percent", 20,     100,      79.99,   "2024-01-11", "achieved",        null)]       // one step past it
    [InlineData("decrease", "percent", 20,     100,      90,      "2024-01-11", "on_track",        "80")]       // the line reaches it exactly
    [InlineData("decrease", "percent", 20,     100,      89.99,   "2024-01-11", "on_track",        "79.98")]
    [InlineData("decrease", "percent", 20,     100,      90.01,   "2024-01-11", "at_risk",         "80.02")]    // one step short
    [InlineData("decrease", "percent", 20,     100,      101,     "2024-01-11", "at_risk",         "102")]      // going the wrong way
    [InlineData("decrease", "percent", 20,     100,      80.01,   "2024-01-21", "at_risk",         "80.01")]    // on the deadline: the day still counts
    [InlineData("decrease", "percent", 20,     100,      80.01,   "2024-01-22", "missed",          null)]       // the day after
    [InlineData("decrease", "percent", 20,     100,      80,      "2024-01-22", "achieved",        null)]       // reached late is reached
    [InlineData("decrease", "percent", 20,     100,      90,      "2024-01-01", "at_risk",         "90")]       // no time elapsed: a flat line
    [InlineData("increase", "percent", 20,     100,      120,     "2024-01-11", "achieved",        null)]
    [InlineData("increase", "percent", 20,     100,      119.99,  "2024-01-21", "at_risk",         "119.99")]
    [InlineData("increase", "percent", 20,     100,      110,     "2024-01-11", "on_track",        "120")]
    [InlineData("increase", "percent", 20,     100,      109.99,  "2024-01-11", "at_risk",         "119.98")]
    [InlineData("increase", "percent", 20,     100,      119.99,  "2024-01-22", "missed",          null)]
    [InlineData("decrease", "count",   20,     100,      80,      "2024-01-11", "achieved",        null)]
    [InlineData("decrease", "count",   20,     100,      80.01,   "2024-01-11", "on_track",        "60.02")]
    [InlineData("decrease", "count",   20,     100,      90.01,   "2024-01-11", "at_risk",         "80.02")]
    [InlineData("decrease", "count",   20,     100,      90,      "2024-01-11", "on_track",        "80")]
    [InlineData("increase", "count",   20,     100,      120,     "2024-01-11", "achieved",        null)]
    [InlineData("increase", "count",   20,     100,      109.99,  "2024-01-11", "at_risk",         "119.98")]
    [InlineData("increase", "count",   5,      0,        5,       "2024-01-11", "achieved",        null)]       // a zero baseline is fine for a difference
    [InlineData("increase", "count",   5,      0,        2,       "2024-01-11", "at_risk",         "4")]
    [InlineData("decrease", "percent", 20,     0,        0,       "2024-01-11", "not_measurable",  null)]       // zero baseline: no relative change
    [InlineData("increase", "percent", 20,     0,        5,       "2024-01-11", "not_measurable",  null)]
    [InlineData("decrease", "percent", 20,     null,     80,      "2024-01-11", "not_measurable",  null)]       // no value on the baseline
    [InlineData("decrease", "percent", 20,     100,      null,    "2024-01-11", "not_measurable",  null)]       // no value today
    public void Evaluate_Change_StatusOnEachBoundary(
        string direction, string unit, object target, object? baseline, object? actual, string asOf, string status, string? projected)
    {
        var result = TargetRules.Evaluate(Change(direction, unit, M(target), M(baseline), M(actual)), D(asOf));
        Assert.Equal(status, result.Status);
        Assert.Equal(projected is null ? null : decimal.Parse(projected, CultureInfo.InvariantCulture), result.Projected);
    }

    // A level (at-least, at-most) is the indicator's own value; without a baseline the line starts at the document's date.
    [Theory]
    //          direction   target  start  actual   as-of         status             projected
    [InlineData("at-least", 60,     40,    60,      "2024-01-11", "achieved",        null)]       // exactly
    [InlineData("at-least", 60,     40,    59.99,   "2024-01-21", "at_risk",         "59.99")]    // on the deadline, one step short
    [InlineData("at-least", 60,     40,    59.99,   "2024-01-22", "missed",          null)]
    [InlineData("at-least", 60,     40,    50,      "2024-01-11", "on_track",        "60")]
    [InlineData("at-least", 60,     40,    49.99,   "2024-01-11", "at_risk",         "59.98")]
    [InlineData("at-most",  30,     50,    30,      "2024-01-11", "achieved",        null)]
    [InlineData("at-most",  30,     50,    30.01,   "2024-01-22", "missed",          null)]
    [InlineData("at-most",  30,     50,    40,      "2024-01-11", "on_track",        "30")]
    [InlineData("at-most",  30,     50,    40.01,   "2024-01-11", "at_risk",         "30.02")]
    [InlineData("at-least", 60,     null,  50,      "2024-01-11", "not_measurable",  null)]       // no origin for the line
    [InlineData("at-least", 60,     null,  60,      "2024-01-11", "achieved",        null)]       // reached needs no line
    [InlineData("at-least", 60,     null,  50,      "2024-01-22", "missed",          null)]       // nor does a deadline passed
    [InlineData("at-least", 60,     40,    null,    "2024-01-11", "not_measurable",  null)]
    public void Evaluate_Level_StatusOnEachBoundary(string direction, object target, object? start, object? actual, string asOf, string status, string? projected)
    {
        var facts = new TargetFacts("autonomy.any.share", "Tỷ lệ tự chủ", direction, "percent", M(target), Deadline, null, null, M(actual),
            Start.From, M(start));
        var result = TargetRules.Evaluate(facts, D(asOf));
        Assert.Equal(status, result.Status);
        Assert.Equal(projected is null ? null : decimal.Parse(projected, CultureInfo.InvariantCulture), result.Projected);
    }

    // A level target with a baseline draws its line from the baseline's value, not the start's.
    [Fact]
    public void Evaluate_LevelWithBaseline_LineStartsAtTheBaseline()
    {
        var facts = new TargetFacts("autonomy.any.share", "x", "at-least", "percent", 60, Deadline, Start, 40, 50, Midway, 50);
        Assert.Equal((TargetStatus.OnTrack, 60m), (TargetRules.Evaluate(facts, Midway).Status, TargetRules.Evaluate(facts, Midway).Projected));
    }

    [Theory]
    //          indicator      direction   unit       target  deadline      baseline?  reason in the sentence
    [InlineData(null,          "decrease", "percent", 20,     "2025-12-31", true,      "không gắn với chỉ số")]
    [InlineData("units.count", null,       "percent", 20,     "2025-12-31", true,      "chưa ghi đủ")]
    [InlineData("units.count", "decrease", null,      20,     "2025-12-31", true,      "chưa ghi đủ")]
    [InlineData("units.count", "decrease", "percent", null,   "2025-12-31", true,      "chưa ghi đủ")]
    [InlineData("units.count", "decrease", "percent", 20,     null,         true,      "chưa ghi đủ")]
    [InlineData("units.count", "sideways", "percent", 20,     "2025-12-31", true,      "chưa ghi đủ")]
    [InlineData("units.count", "decrease", "percent", 20,     "2025-12-31", false,     "chưa ghi kỳ gốc")]
    [InlineData("units.count", "increase", "count",   20,     "2025-12-31", false,     "chưa ghi kỳ gốc")]
    public void Evaluate_MissingParts_NotMeasurableWithTheReason(
        string? indicator, string? direction, string? unit, object? target, string? deadline, bool hasBaseline, string reason)
    {
        var facts = new TargetFacts(indicator, "Giảm tối thiểu 10% đơn vị", direction, unit, M(target), deadline is null ? null : D(deadline),
            hasBaseline ? Baseline.OnDate(D("2015-12-31")) : null, 100, 80);
        var result = TargetRules.Evaluate(facts, D("2024-06-30"));
        Assert.Equal(TargetStatus.NotMeasurable, result.Status);
        Assert.StartsWith("Chưa đo được: ", result.Explanation, StringComparison.Ordinal);
        Assert.Contains(reason, result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoIndicator_QuotesTheTargetText()
    {
        var result = TargetRules.Evaluate(new TargetFacts(null, "Nâng cao chất lượng dịch vụ", null, null, null, null, null, null, null), D("2024-06-30"));
        Assert.Contains("\"Nâng cao chất lượng dịch vụ\"", result.Explanation, StringComparison.Ordinal);
    }

    // The example: 1.000 units on 31/12/2015, 816 on 20/08/2024 (−18,4%); the line to 31/12/2025 reaches −21,30%.
    [Fact]
    public void Evaluate_Example_ExplainsInVietnamese()
    {
        var facts = new TargetFacts("units.count", "Giảm 20%", "decrease", "percent", 20, D("2025-12-31"), Baseline.OnDate(D("2015-12-31")), 1000, 816);
        var result = TargetRules.Evaluate(facts, D("2024-08-20"));
        Assert.Equal(
            "Giảm 18,4% so với 31/12/2015; cần giảm 20% trước 31/12/2025; theo xu hướng hiện nay sẽ giảm 21,3%: đúng tiến độ.",
            result.Explanation);
    }

    [Theory]
    //          direction   unit       target  baseline  actual  as-of         sentence
    [InlineData("decrease", "count",   200,    1500,     1234,   "2024-01-11", "Giảm 266 đơn vị so với 01/01/2024; cần giảm 200 đơn vị trước 21/01/2024: đã đạt.")]
    [InlineData("increase", "percent", 12.5,   100,      100,    "2024-01-22", "Không đổi so với 01/01/2024; cần tăng 12,5% trước 21/01/2024; đã quá thời hạn: không đạt.")]
    [InlineData("increase", "count",   1000,   1000,     1500,   "2024-01-11", "Tăng 500 đơn vị so với 01/01/2024; cần tăng 1.000 đơn vị trước 21/01/2024; theo xu hướng hiện nay sẽ tăng 1.000 đơn vị: đúng tiến độ.")]
    [InlineData("at-least", "percent", 60,     40,       45.5,   "2024-01-11", "Ngày 11/01/2024 là 45,5%; cần đạt ít nhất 60% trước 21/01/2024; theo xu hướng hiện nay sẽ là 51%: có nguy cơ không đạt.")]
    [InlineData("at-most",  "count",   1000,   1500,     1234,   "2024-01-11", "Ngày 11/01/2024 là 1.234 đơn vị; cần không quá 1.000 đơn vị trước 21/01/2024; theo xu hướng hiện nay sẽ là 968 đơn vị: đúng tiến độ.")]
    public void Evaluate_Sentence_VietnameseNumbersAndDates(string direction, string unit, object target, object baseline, object actual, string asOf, string sentence)
    {
        var facts = new TargetFacts("units.count", "x", direction, unit, M(target), Deadline, Start, M(baseline), M(actual), Unit: "đơn vị");
        Assert.Equal(sentence, TargetRules.Evaluate(facts, D(asOf)).Explanation);
    }

    [Fact]
    public void Evaluate_ZeroBaseline_SaysWhy()
    {
        var result = TargetRules.Evaluate(Change("decrease", "percent", 20, 0, 0), Midway);
        Assert.Equal("Chưa đo được: giá trị kỳ gốc 01/01/2024 bằng 0, không tính được tỷ lệ thay đổi.", result.Explanation);
    }

    [Theory]
    //          baseline       line date
    [InlineData("2015-12-31",  "2015-12-31")]   // a date is itself
    [InlineData("2021",        "2021-12-31")]   // a year is read on its last day
    [InlineData("2016-2020",   "2018-07-02")]   // a period at its middle
    public void LineDate_Baseline_DateTheLineStartsFrom(string baseline, string date)
    {
        var b = baseline.Length == 4 ? Baseline.OfYear(int.Parse(baseline, CultureInfo.InvariantCulture))
            : baseline.Length == 9 ? Baseline.OfYears(int.Parse(baseline[..4], CultureInfo.InvariantCulture), int.Parse(baseline[5..], CultureInfo.InvariantCulture))
            : Baseline.OnDate(D(baseline));
        Assert.Equal(D(date), TargetRules.LineDate(b));
    }

    [Theory]
    //          value       decimals  text
    [InlineData(18.44,      1,        "18,4")]
    [InlineData(1234,       1,        "1.234")]
    [InlineData(1234567.25, 2,        "1.234.567,25")]
    [InlineData(20,         2,        "20")]
    public void Number_VietnameseStyle(object value, int decimals, string text) => Assert.Equal(text, TargetRules.Number(M(value)!.Value, decimals));
}
