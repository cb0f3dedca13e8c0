using System.Globalization;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

public sealed class UnitRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private static DateOnly? D(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Fields(IEnumerable<RuleViolation> errors) => string.Join(",", errors.Select(e => e.Field));

    // Code, name and the autonomy group of Decree 60/2021/NĐ-CP, Art. 9; the dates are valid in every row.
    [Theory]
    //          code                          name                     group  expected violations
    [InlineData("BV-01",                      "Bệnh viện Đa khoa",     2,     "")]
    [InlineData("  BV-01  ",                  "  Bệnh viện  ",         null,  "")]            // trimmed before checking
    [InlineData("A.b_c/d-1",                  "Trường Mầm non",        4,     "")]            // . _ / - allowed after the first character
    [InlineData("12345678901234567890123456789012", "Tên",             1,     "")]            // 32 characters: the maximum
    [InlineData("123456789012345678901234567890123", "Tên",            1,     "code")]        // 33 characters
    [InlineData(null,                         "Tên",                   1,     "code")]
    [InlineData("   ",                        "Tên",                   1,     "code")]
    [InlineData("-BV01",                      "Tên",                   1,     "code")]        // must start with a letter or digit
    [InlineData("Mã01",                       "Tên",                   1,     "code")]        // no Vietnamese letters in codes
    [InlineData("BV 01",                      "Tên",                   1,     "code")]        // no spaces
    [InlineData("BV01",                       null,                    1,     "name")]
    [InlineData("BV01",                       "  ",                    1,     "name")]
    [InlineData("BV01",                       "Tên",                   0,     "autonomyGroup")] // Decree 60/2021, Art. 9: groups 1 to 4
    [InlineData("BV01",                       "Tên",                   5,     "autonomyGroup")]
    [InlineData(null,                         null,                    9,     "code,name,autonomyGroup")]
    public void Validate_Fields_ReportsEachBrokenRule(string? code, string? name, int? group, string expected)
    {
        var facts = new UnitFacts(code, name, new DateOnly(2000, 1, 1), null, group);

        Assert.Equal(expected, Fields(UnitRules.Validate(facts, Today)));
    }

    [Theory]
    [InlineData(250, "")]
    [InlineData(251, "name")]
    public void Validate_NameLength_AtMost250(int length, string expected)
    {
        var facts = new UnitFacts("BV01", new string('a', length), new DateOnly(2000, 1, 1), null, null);

        Assert.Equal(expected, Fields(UnitRules.Validate(facts, Today)));
    }

    [Fact]
    public void Validate_DateRule_IsPartOfValidate()
    {
        var facts = new UnitFacts("BV01", "Tên", new DateOnly(2000, 1, 1), new DateOnly(1999, 1, 1), null);

        Assert.Equal("endedOn", Fields(UnitRules.Validate(facts, Today)));
    }

    // Free text must fit its column (address 500, notes 4000 characters, after trimming).
    [Theory]
    //          address length  notes length    expected violations
    [InlineData(null,           null,           "")]
    [InlineData(500,            4000,           "")]
    [InlineData(501,            null,           "address")]
    [InlineData(null,           4001,           "notes")]
    [InlineData(501,            4001,           "address,notes")]
    public void ValidateText_Lengths_ReportsTooLongFields(int? addressLength, int? notesLength, string expected)
    {
        static string? Text(int? length) => length is { } n ? "  " + new string('x', n) + "  " : null;

        Assert.Equal(expected, Fields(UnitRules.ValidateText(Text(addressLength), Text(notesLength))));
    }

    // Today is 2026-03-15, so the horizon (a decision may take effect up to a year after it is signed) is 2027-03-15.
    [Theory]
    //          establishedOn   endedOn         expected violations
    [InlineData("2000-01-01",   null,           "")]
    [InlineData(null,           null,           "establishedOn")]              // the date of establishment is required
    [InlineData("1945-09-01",   null,           "establishedOn")]              // before the proclamation of 2/9/1945
    [InlineData("1945-09-02",   null,           "")]                           // the earliest date
    [InlineData("2027-03-15",   null,           "")]                           // one year ahead: the horizon
    [InlineData("2027-03-16",   null,           "establishedOn")]              // beyond the horizon
    [InlineData("2000-01-01",   "2000-01-02",   "")]
    [InlineData("2000-01-01",   "2000-01-01",   "endedOn")]                    // ends on the day it starts
    [InlineData("2000-01-01",   "1999-12-31",   "endedOn")]                    // ends before it starts
    [InlineData("2000-01-01",   "2027-03-15",   "")]                           // end decided a year ahead
    [InlineData("2000-01-01",   "2027-03-16",   "endedOn")]                    // beyond the horizon
    [InlineData(null,           "2000-01-01",   "establishedOn")]              // no start to compare with
    [InlineData("1945-09-01",   "1945-08-01",   "establishedOn,endedOn")]
    public void ValidateDates_Table_ReportsExpectedFields(string? establishedOn, string? endedOn, string expected)
    {
        Assert.Equal(expected, Fields(UnitRules.ValidateDates(D(establishedOn), D(endedOn), Today)));
    }

    // The end date is the effective date of the decision that ended the unit: it no longer counts on that day.
    [Theory]
    //          establishedOn   endedOn         on              expected
    [InlineData("2000-01-01",   null,           "1999-12-31",   false)]        // not yet established
    [InlineData("2000-01-01",   null,           "2000-01-01",   true)]         // counts from its first day
    [InlineData("2000-01-01",   null,           "2030-01-01",   true)]
    [InlineData("2000-01-01",   "2020-06-30",   "2020-06-29",   true)]         // last active day
    [InlineData("2000-01-01",   "2020-06-30",   "2020-06-30",   false)]        // ended on D: not active on D
    [InlineData("2000-01-01",   "2020-06-30",   "2020-07-01",   false)]
    public void IsActiveOn_Table_ReturnsExpected(string establishedOn, string? endedOn, string on, bool expected)
    {
        Assert.Equal(expected, UnitRules.IsActiveOn(D(establishedOn)!.Value, D(endedOn), D(on)!.Value));
    }

    // An ended unit is history: it cannot be reactivated, and only notes, address and the end date may be corrected.
    [Theory]
    //          storedEndedOn   newEndedOn      changed fields                              expected violations
    [InlineData(null,           null,           "name,sector,level",                        "")]                      // active: anything may change
    [InlineData("2026-06-01",   null,           "sector",                                   "")]                      // end date not reached yet
    [InlineData("2026-03-15",   null,           "",                                         "endedOn")]               // ended today: already history
    [InlineData("2020-01-01",   null,           "",                                         "endedOn")]               // reactivation refused
    [InlineData("2020-01-01",   "2019-06-30",   "endedOn,notes,address",                    "")]                      // corrections allowed
    [InlineData("2020-01-01",   "2020-01-01",   "sector",                                   "sector")]
    [InlineData("2020-01-01",   "2020-01-01",   "name,code,managingAgencyId,areaCode",      "name,code,managingAgencyId,areaCode")]
    [InlineData("2020-01-01",   null,           "level,notes",                              "endedOn,level")]
    public void ValidateChangeOfEndedUnit_Table_ReportsExpectedFields(string? storedEndedOn, string? newEndedOn, string changed, string expected)
    {
        var fields = changed.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, Fields(UnitRules.ValidateChangeOfEndedUnit(D(storedEndedOn), Today, D(newEndedOn), fields)));
    }

    [Fact]
    public void ValidateChangeOfEndedUnit_Reactivation_MessageInVietnamese()
    {
        var error = Assert.Single(UnitRules.ValidateChangeOfEndedUnit(new DateOnly(2020, 1, 1), Today, null, []));

        Assert.Contains("01/01/2020", error.Message, StringComparison.Ordinal);
        Assert.Contains("không thể sửa thành đang hoạt động", error.Message, StringComparison.Ordinal);
    }
}
