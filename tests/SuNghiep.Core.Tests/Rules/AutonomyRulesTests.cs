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
    [InlineData("1100000000",      "12000000000",      "9.16",   4,     null)]       // 9.1666...%, cut for display
    [InlineData("0",               "12000000000",      "0.00",   4,     null)]       // no public service revenue
    public void Assess_WorkedExamples_GiveTheDecreesGroup(string revenue, string recurrent, string level, int group, string? band)
    {
        var result = AutonomyRules.Assess(Figures(decimal.Parse(revenue), decimal.Parse(recurrent)), Year2026);

        Assert.Equal(decimal.Parse(level, System.Globalization.CultureInfo.InvariantCulture), result.LevelShown);
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

    // The level shown is cut to two decimals, never rounded across a threshold of Art. 9 (Decree 60/2021/NĐ-CP) or of the
    // bands of Circular 56/2022/TT-BTC: a unit just below a threshold never reads as the threshold. B = 1,000,000 VND.
    [Theory]
    //          A            shown     group  band
    [InlineData(999_999,     "99.99",  3,     "70-100%")]   // 99.9999%: rounding would show 100.00 for group 3
    [InlineData(999_950,     "99.99",  3,     "70-100%")]   // 99.995%
    [InlineData(1_000_000,   "100.00", 2,     null)]
    [InlineData(699_999,     "69.99",  3,     "30-70%")]    // 69.9999%
    [InlineData(699_950,     "69.99",  3,     "30-70%")]
    [InlineData(700_000,     "70.00",  3,     "70-100%")]
    [InlineData(299_999,     "29.99",  3,     "10-30%")]
    [InlineData(300_000,     "30.00",  3,     "30-70%")]
    [InlineData(99_960,      "9.99",   4,     null)]        // 9.996%: the brief's example, group 4
    [InlineData(99_999,      "9.99",   4,     null)]
    [InlineData(100_000,     "10.00",  3,     "10-30%")]
    [InlineData(12_345,      "1.23",   4,     null)]        // 1.2345%: cut, as rounding would also give
    [InlineData(12_399,      "1.23",   4,     null)]        // 1.2399%: cut where rounding would give 1.24
    public void Assess_AtEveryThreshold_ShowsTheLevelCutNotRounded(long revenue, string shown, int group, string? band)
    {
        var result = AutonomyRules.Assess(Figures(revenue, 1_000_000), Year2026);

        Assert.Equal(decimal.Parse(shown, System.Globalization.CultureInfo.InvariantCulture), result.LevelShown);
        Assert.Equal(group, result.Group);
        Assert.Equal(band, result.Band);
    }

    [Theory]
    //          level         truncated
    [InlineData("9.996",      "9.99")]
    [InlineData("99.9999",    "99.99")]
    [InlineData("100",        "100")]
    [InlineData("250.129",    "250.12")]
    [InlineData("-0.019",     "-0.01")]    // towards zero on both sides
    public void Truncate_Level_CutsToTwoDecimals(string level, string truncated)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(decimal.Parse(truncated, inv), AutonomyRules.Truncate(decimal.Parse(level, inv)));
    }

    // Decree 60/2021/NĐ-CP took effect on 15/8/2021: years that ended before are assessed on its thresholds only to compare.
    [Theory]
    //          year   retrospective
    [InlineData(2015,  true)]
    [InlineData(2020,  true)]
    [InlineData(2021,  false)]
    [InlineData(2026,  false)]
    public void Assess_YearBeforeDecree60_IsMarkedRetrospective(int year, bool retrospective)
    {
        var result = AutonomyRules.Assess(Figures(500_000, 1_000_000), new DateOnly(year, 12, 31));

        Assert.Equal(retrospective, result.Retrospective);
        Assert.Equal(retrospective, AutonomyRules.IsRetrospective(year));
        Assert.Equal(3, result.Group);
    }

    [Fact]
    public void RetrospectiveNote_SaysTheGroupIsForComparison()
    {
        var note = AutonomyRules.RetrospectiveNote(2018);

        Assert.Contains("2018", note, StringComparison.Ordinal);
        Assert.Contains("15/08/2021", note, StringComparison.Ordinal);
        Assert.Contains("để so sánh", note, StringComparison.Ordinal);
    }

    // Units of groups 1 and 2 decide their own staffing and pay it from revenue (Decree 106/2020/NĐ-CP; Decree 60/2021/NĐ-CP).
    [Theory]
    //          group  budget staff  warns
    [InlineData(1,     3,            true)]
    [InlineData(2,     1,            true)]
    [InlineData(2,     0,            false)]
    [InlineData(3,     40,           false)]
    [InlineData(4,     40,           false)]
    [InlineData(null,  40,           false)]     // no group known: nothing to warn about
    public void BudgetStaffWarning_GroupAndBudgetStaff_WarnsOnlyForGroupsOneAndTwo(int? group, int budgetPositions, bool warns)
    {
        var warning = AutonomyRules.BudgetStaffWarning(group, budgetPositions, 2026);

        Assert.Equal(warns, warning is not null);
        if (warning is not null)
        {
            Assert.Contains($"nhóm {group}", warning, StringComparison.Ordinal);
            Assert.Contains($"{budgetPositions} người", warning, StringComparison.Ordinal);
        }
    }

    [Theory]
    //          computed  approved  explains
    [InlineData(2,        3,        true)]
    [InlineData(4,        3,        true)]
    [InlineData(3,        3,        false)]
    [InlineData(null,     3,        false)]
    [InlineData(3,        null,     false)]
    public void GroupDifference_ComputedAndApproved_ExplainsOnlyADifference(int? computed, int? approved, bool explains)
    {
        var why = AutonomyRules.GroupDifference(2027, computed, approved);

        Assert.Equal(explains, why is not null);
        if (why is not null)
        {
            Assert.Contains("thời kỳ ổn định", why, StringComparison.Ordinal);
            Assert.Contains($"nhóm {approved}", why, StringComparison.Ordinal);
        }
    }

    // Stable periods (Decree 60/2021/NĐ-CP, Art. 35): five years aligned with 2021-2025, 2026-2030; a unit started
    // mid-period may have a short first period from its first year to the end of that period.
    [Theory]
    //          start  end    unit's first year  allowed
    [InlineData(2021,  2025,  2000,              true)]
    [InlineData(2026,  2030,  2000,              true)]
    [InlineData(2023,  2025,  2023,              true)]    // created in 2023: first period 2023-2025
    [InlineData(2027,  2030,  2027,              true)]    // merged in 2027
    [InlineData(2023,  2025,  2000,              false)]   // a short period for a unit that existed before it
    [InlineData(2023,  2027,  2023,              false)]   // five years off the cycle
    [InlineData(2023,  2024,  2023,              false)]   // stops before the period's end
    [InlineData(2024,  2025,  2023,              false)]   // does not start with the unit
    [InlineData(2021,  2024,  2000,              false)]
    [InlineData(2026,  2030,  2028,              true)]    // a later whole period stays allowed
    public void IsStablePeriod_StartEndAndFirstYear_FollowsArticle35(int start, int end, int firstYear, bool allowed) =>
        Assert.Equal(allowed, AutonomyRules.IsStablePeriod(start, end, firstYear));

    [Theory]
    //          year   end
    [InlineData(2021,  2025)]
    [InlineData(2025,  2025)]
    [InlineData(2026,  2030)]
    [InlineData(2019,  2020)]
    [InlineData(2016,  2020)]
    public void StablePeriodEnd_Year_IsTheEndOfItsFiveYearPeriod(int year, int end) =>
        Assert.Equal(end, AutonomyRules.StablePeriodEnd(year));

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
