using System.Globalization;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>A decision signed after it takes effect, or after today, is warned about, never refused.</summary>
public sealed class DecisionRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    //          decision        effective       expected warnings
    [InlineData(null,           "2026-09-01",   "")]
    [InlineData("2026-08-15",   "2026-09-01",   "")]                    // signed before it takes effect
    [InlineData("2026-09-01",   "2026-09-01",   "")]                    // effective the day it is signed
    [InlineData("2026-12-07",   null,           "")]                    // today
    [InlineData("2026-09-02",   "2026-09-01",   "after")]               // a day late
    [InlineData("2026-01-09",   "2026-01-08",   "after")]
    [InlineData("2026-12-08",   null,           "future")]              // tomorrow
    [InlineData("2027-03-09",   "2027-01-01",   "future,after")]        // both
    public void DateWarnings_DecisionAfterEffectOrToday_Warns(string? decision, string? effective, string expected)
    {
        var warnings = DecisionRules.DateWarnings("decision.date", Date(decision), Date(effective), Today);

        Assert.Equal(expected, string.Join(",", warnings.Select(w =>
            w.Message.Contains("sau ngày hôm nay", StringComparison.Ordinal) ? "future"
            : w.Message.Contains("sau ngày có hiệu lực", StringComparison.Ordinal) ? "after" : w.Message)));
        Assert.All(warnings, w => Assert.Equal("decision.date", w.Field));
    }

    [Fact]
    public void DateWarnings_NameTheDatesAsOfficersWriteThem()
    {
        var warning = Assert.Single(DecisionRules.DateWarnings("decisionDate", new(2026, 9, 3), new(2026, 3, 9), Today));

        Assert.Equal("Ngày ban hành quyết định (03/09/2026) sau ngày có hiệu lực (09/03/2026): kiểm tra lại hai ngày đã nhập.", warning.Message);
    }

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
