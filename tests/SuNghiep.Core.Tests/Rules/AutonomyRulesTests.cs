using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

public sealed class AutonomyRulesTests
{
    private static readonly DateOnly Year2026 = new(2026, 1, 1);

    private static FinanceFigures Figures(decimal revenue, decimal recurrent, decimal investment = 0, decimal depreciation = 0) =>
        new(revenue, 0, 0, 0, 0, 0, recurrent, investment, depreciation);

    // Worked examples of the domain brief (Decree 60/2021/NĐ-CP, Art. 9-10), amounts in VND.
    [Theory]
    //          A (revenue)        B (recurrent)       level     group  band
    [InlineData("12000000000",     "12000000000",      "100.00", 2,     null)]       // 100%, investment not self-financed
    [InlineData("8400000000",      "12000000000",      "70.00",  3,     "70-100%")]
    [InlineData("1200000000",      "12000000000",      "10.00",  3,     "10-30%")]   // exactly 10% is group 3
    [InlineData("1100000000",      "12000000000",      "9.17",   4,     null)]
    [InlineData("0",               "12000000000",      "0.00",   4,     null)]       // no public service revenue
    public void Assess_WorkedExamples_GiveTheDecreesGroup(string revenue, string recurrent, string level, int group, string? band)
    {
        var result = AutonomyRules.Assess(Figures(decimal.Parse(revenue), decimal.Parse(recurrent)), Year2026);

        Assert.Equal(decimal.Parse(level, System.Globalization.CultureInfo.InvariantCulture), result.LevelRounded);
        Assert.Equal(group, result.Group);
        Assert.Equal(band, result.Band);
    }

    // At and around every threshold (Art. 9; Circular 56/2022/TT-BTC for the bands of group 3). B = 1,000,000 VND, so
    // one VND of revenue is 0.0001%: the exact ratio decides, never the rounded one.
    [Theory]
    //          A            investment  depreciation  group  band
    [InlineData(1_000_000,   0,          0,            2,     null)]        // 100%: fully self-financing, nothing invested
    [InlineData(1_000_000,   50,         50,           1,     null)]        // investment covers depreciation
    [InlineData(1_000_000,   49,         50,           2,     null)]        // investment short of depreciation by 1 VND
    [InlineData(999_999,     50,         50,           3,     "70-100%")]   // 99.9999%, shown as 100.00 but still group 3
    [InlineData(700_000,     0,          0,            3,     "70-100%")]
    [InlineData(699_999,     0,          0,            3,     "30-70%")]
    [InlineData(300_000,     0,          0,            3,     "30-70%")]
    [InlineData(299_999,     0,          0,            3,     "10-30%")]
    [InlineData(100_000,     0,          0,            3,     "10-30%")]
    [InlineData(99_999,      0,          0,            4,     null)]        // 9.9999%
    [InlineData(1,           0,          0,            4,     null)]
    [InlineData(2_500_000,   10,         0,            1,     null)]        // 250%, investment above zero depreciation
    public void Assess_AroundThresholds_ComparesTheExactRatio(long revenue, long investment, long depreciation, int group, string? band)
    {
        var result = AutonomyRules.Assess(Figures(revenue, 1_000_000, investment, depreciation), Year2026);

        Assert.Equal(group, result.Group);
        Assert.Equal(band, result.Band);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Assess_JustBelowFullLevel_RoundsForDisplayOnly()
    {
        var result = AutonomyRules.Assess(Figures(999_999, 1_000_000), Year2026);

        Assert.Equal(100.00m, result.LevelRounded);
        Assert.Equal(3, result.Group);
    }

    [Theory]
    //          recurrent
    [InlineData(0)]
    [InlineData(-5)]
    public void Assess_NoRecurrentExpenditure_HasNoGroupAndSaysWhy(long recurrent)
    {
        var result = AutonomyRules.Assess(Figures(1_000, recurrent), Year2026);

        Assert.Null(result.Group);
        Assert.Null(result.Level);
        Assert.Contains("Chi thường xuyên", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_SumsEverySourceTheDecreeCounts()
    {
        var figures = new FinanceFigures(1, 20, 300, 4_000, 50_000, 600_000, 1, 0, 0);

        Assert.Equal(654_321m, figures.Revenue);
    }

    [Theory]
    //          date          source starts with
    [InlineData("2021-08-15", "Nghị định 60/2021")]
    [InlineData("2026-06-30", "Nghị định 60/2021")]
    [InlineData("2016-12-31", "Nghị định 60/2021")]   // earlier years are compared on the same thresholds
    public void ThresholdsOn_Date_GivesTheDecreeInForce(string date, string source)
    {
        var thresholds = AutonomyRules.ThresholdsOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.StartsWith(source, thresholds.Source, StringComparison.Ordinal);
        Assert.Equal(100m, thresholds.FullLevel);
        Assert.Equal(10m, thresholds.PartialLevel);
    }
}
