using System.Globalization;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>The listing of a unit for conversion into a joint-stock company (Decree 150/2020/NĐ-CP; Decision 26/2021/QĐ-TTg).</summary>
public sealed class ConversionListingRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Theory]
    //          decision                 date           expected violations
    [InlineData(null,                    null,          "")]                                       // not listed
    [InlineData("2150/QĐ-UBND",          "2021-11-15",  "")]
    [InlineData("2150/QĐ-UBND",          "2026-03-15",  "")]                                       // today
    [InlineData("2150/QĐ-UBND",          "2015-01-01",  "")]                                       // the earliest list the register takes
    [InlineData("2150/QĐ-UBND",          null,          "conversionListedOn")]                     // the decision needs its date
    [InlineData("   ",                   "2021-11-15",  "conversionListedBy")]                     // and the date its decision
    [InlineData(null,                    "2021-11-15",  "conversionListedBy")]
    [InlineData("2150/QĐ-UBND",          "2026-03-16",  "conversionListedOn")]                     // not in the future
    [InlineData("2150/QĐ-UBND",          "2014-12-31",  "conversionListedOn")]                     // not before 2015
    public void ValidateConversionListing_DecisionAndDateTogether_NotFutureNorBefore2015(string? decision, string? date, string expected)
    {
        var on = date is null ? (DateOnly?)null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var errors = UnitRules.ValidateConversionListing(decision, on, Today);

        Assert.Equal(expected, string.Join(",", errors.Select(e => e.Field)));
    }

    [Fact]
    public void ValidateConversionListing_DecisionLongerThanTheColumn_IsRefused()
    {
        var errors = UnitRules.ValidateConversionListing(new string('Q', 251), new DateOnly(2021, 11, 15), Today);

        Assert.Equal(["conversionListedBy"], errors.Select(e => e.Field));
    }
}
