using System.Globalization;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

// Decree 09/2019/NĐ-CP, Art. 12: data from the 15th of the month before the period to the 14th of its last month;
// provinces and ministries report by the 25th of the period's last month; a deadline on a day off moves to the next working day.
public sealed class ReportingPeriodsTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    //          month  from          to            deadline (province, 25th)
    [InlineData(1,     "2024-12-15", "2025-01-14", "2025-01-27")]   // 25/01/2025 is a Saturday; across the year end
    [InlineData(2,     "2025-01-15", "2025-02-14", "2025-02-25")]
    [InlineData(3,     "2025-02-15", "2025-03-14", "2025-03-25")]
    [InlineData(4,     "2025-03-15", "2025-04-14", "2025-04-25")]
    [InlineData(5,     "2025-04-15", "2025-05-14", "2025-05-26")]   // 25/05/2025 is a Sunday
    [InlineData(6,     "2025-05-15", "2025-06-14", "2025-06-25")]
    [InlineData(7,     "2025-06-15", "2025-07-14", "2025-07-25")]
    [InlineData(8,     "2025-07-15", "2025-08-14", "2025-08-25")]
    [InlineData(9,     "2025-08-15", "2025-09-14", "2025-09-25")]
    [InlineData(10,    "2025-09-15", "2025-10-14", "2025-10-27")]   // 25/10/2025 is a Saturday
    [InlineData(11,    "2025-10-15", "2025-11-14", "2025-11-25")]
    [InlineData(12,    "2025-11-15", "2025-12-14", "2025-12-25")]
    public void Month_EveryMonthOf2025_CutOffFrom15thTo14th(int month, string from, string to, string deadline)
    {
        var period = ReportingPeriods.Month(2025, month);

        Assert.Equal((D(from), D(to), D(deadline)), (period.From, period.To, period.DeadlineOn(25)));
        Assert.Equal($"2025-M{month:D2}", period.Code);
        Assert.Equal($"Tháng {month} năm 2025", period.Name);
    }

    [Theory]
    //          quarter  from          to            deadline      name
    [InlineData(1,       "2024-12-15", "2025-03-14", "2025-03-25", "Quý I năm 2025")]
    [InlineData(2,       "2025-03-15", "2025-06-14", "2025-06-25", "Quý II năm 2025")]
    [InlineData(3,       "2025-06-15", "2025-09-14", "2025-09-25", "Quý III năm 2025")]
    [InlineData(4,       "2025-09-15", "2025-12-14", "2025-12-25", "Quý IV năm 2025")]
    public void Quarter_EveryQuarter_FromThe15thOfTheMonthBefore(int quarter, string from, string to, string deadline, string name)
    {
        var period = ReportingPeriods.Quarter(2025, quarter);

        Assert.Equal((D(from), D(to), D(deadline), name, $"2025-Q{quarter}"), (period.From, period.To, period.DeadlineOn(25), period.Name, period.Code));
    }

    [Theory]
    //          code       from          to            deadline      name
    [InlineData("2025-H1", "2024-12-15", "2025-06-14", "2025-06-25", "6 tháng đầu năm 2025")]
    [InlineData("2025-H2", "2025-06-15", "2025-12-14", "2025-12-25", "6 tháng cuối năm 2025")]
    [InlineData("2025-9M", "2024-12-15", "2025-09-14", "2025-09-25", "9 tháng năm 2025")]
    [InlineData("2025",    "2024-12-15", "2025-12-14", "2025-12-25", "Năm 2025")]       // the year starts in the previous one
    [InlineData("2026",    "2025-12-15", "2026-12-14", "2026-12-25", "Năm 2026")]
    [InlineData("2025-q3", "2025-06-15", "2025-09-14", "2025-09-25", "Quý III năm 2025")] // codes read in any case
    [InlineData("2025-M07","2025-06-15", "2025-07-14", "2025-07-25", "Tháng 7 năm 2025")]
    public void Parse_HalfNineMonthsYear_CutOffAndName(string code, string from, string to, string deadline, string name)
    {
        var period = ReportingPeriods.Parse(code)!;

        Assert.Equal((D(from), D(to), D(deadline), name), (period.From, period.To, period.DeadlineOn(25), period.Name));
    }

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("2025-M13")]
    [InlineData("2025-M7")]
    [InlineData("2025-H3")]
    [InlineData("25-Q1")]
    [InlineData("1999")]
    [InlineData("2025-")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NotAPeriod_Null(string? code) => Assert.Null(ReportingPeriods.Parse(code));

    [Theory]
    //          year  month  day  deadline
    [InlineData(2025, 12,    15,  "2025-12-15")]   // a department's 15th, a Monday
    [InlineData(2025, 12,    10,  "2025-12-10")]   // a commune's 10th
    [InlineData(2026, 3,     15,  "2026-03-16")]   // Sunday to Monday
    [InlineData(2026, 1,     25,  "2026-01-26")]   // Sunday to Monday
    [InlineData(2025, 4,     30,  "2025-05-02")]   // Reunification Day, then Labour Day
    [InlineData(2025, 9,     2,   "2025-09-03")]   // National Day
    [InlineData(2028, 1,     1,   "2028-01-03")]   // New Year's Day on a Saturday: Monday
    [InlineData(2025, 2,     31,  "2025-02-28")]   // a day past the month's end is its last day
    public void Deadline_OnADayOff_NextWorkingDay(int year, int month, int day, string deadline) =>
        Assert.Equal(D(deadline), ReportingPeriods.Deadline(year, month, day));

    [Fact]
    public void Of_EachFrequency_CoversTheYearWithoutGaps()
    {
        foreach (var frequency in new[] { ReportFrequency.Month, ReportFrequency.Quarter, ReportFrequency.Half })
        {
            var periods = ReportingPeriods.Of(frequency, 2025);
            Assert.Equal(D("2024-12-15"), periods[0].From);
            Assert.Equal(D("2025-12-14"), periods[^1].To);
            for (var i = 1; i < periods.Count; i++)
            {
                Assert.Equal(periods[i - 1].To.AddDays(1), periods[i].From);
            }

            Assert.All(periods, p => Assert.Equal(p, ReportingPeriods.Parse(p.Code)));
        }
    }

    [Theory]
    //          level         regime day  expected
    [InlineData("province",   null,       25)]
    [InlineData("commune",    null,       10)]
    [InlineData("department", 20,         20)]
    [InlineData("nowhere",    null,       null)]
    public void DeadlineDay_RegimeFirstThenDefault(string level, int? regimeDay, int? expected) =>
        Assert.Equal(expected, ReportingPeriods.DeadlineDay(
            regimeDay is { } d ? new Dictionary<string, int> { [level] = d } : null, level));
}

public sealed class ReportRulesTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Decree 09/2019, Art. 12: a report is due on its deadline; late from the day after, by the days past it.
    [Theory]
    //          status                     deadline      submitted     today         days late
    [InlineData(Entities.ReportStatus.Draft,     "2025-12-15", null,         "2025-12-15", 0)]   // due today
    [InlineData(Entities.ReportStatus.Draft,     "2025-12-15", null,         "2025-12-18", 3)]
    [InlineData(Entities.ReportStatus.Submitted, "2025-12-15", "2025-12-14", "2025-12-30", 0)]   // on time stays on time
    [InlineData(Entities.ReportStatus.Submitted, "2025-12-15", "2025-12-17", "2025-12-30", 2)]   // a late submission stays late
    [InlineData(Entities.ReportStatus.Accepted,  "2025-12-15", "2025-12-20", "2026-02-01", 5)]
    [InlineData(Entities.ReportStatus.Returned,  "2025-12-15", "2025-12-10", "2025-12-19", 4)]   // returned: with the reporter again
    [InlineData(Entities.ReportStatus.Draft,     "2025-12-15", null,         "2025-11-01", 0)]   // not yet due
    public void DaysLate_ByStatus(Entities.ReportStatus status, string deadline, string? submitted, string today, int days) =>
        Assert.Equal(days, ReportRules.DaysLate(status, D(deadline), submitted is null ? null : D(submitted), D(today)));
}

public sealed class ReportSymbolTests
{
    // Decree 30/2020, Appendix III: the symbol is the type's abbreviation and the issuing body's ("BC-SYT").
    [Theory]
    //          agency code   kind                                                   symbol tail
    [InlineData("92.SYT",     Entities.AgencyKind.Department,                       "SYT")]
    [InlineData("92.SGDDT",   Entities.AgencyKind.Department,                       "SGDDT")]
    [InlineData("92.31150",   Entities.AgencyKind.CommunePeoplesCommittee,          "UBND")]
    [InlineData("92",         Entities.AgencyKind.ProvincialPeoplesCommittee,       "UBND")]
    [InlineData("T.ab1",      Entities.AgencyKind.Department,                       "CQ")]
    public void Abbreviation_FromTheCodeElseTheKind(string code, Entities.AgencyKind kind, string expected) =>
        Assert.Equal(expected, SuNghiep.Core.Reporting.ReportService.Abbreviation(code, kind));

    [Theory]
    [InlineData("Ủy ban nhân dân thành phố Cần Thơ", "UBND thành phố Cần Thơ")]
    [InlineData("Sở Nội vụ thành phố Cần Thơ", "Sở Nội vụ thành phố Cần Thơ")]
    public void ShortBodyName_AbbreviatesAPeoplesCommittee(string name, string expected) =>
        Assert.Equal(expected, SuNghiep.Core.Reporting.ReportService.ShortBodyName(name));

    [Theory]
    [InlineData("Báo cáo kết quả thực hiện Kết luận số 62-KL/TW - Năm 2025", "Kết quả thực hiện Kết luận số 62-KL/TW - Năm 2025")]
    [InlineData("Tình hình sắp xếp đơn vị", "Tình hình sắp xếp đơn vị")]
    public void Summary_DoesNotRepeatTheDocumentType(string title, string expected) =>
        Assert.Equal(expected, SuNghiep.Core.Reporting.ReportService.Summary(title));

    [Theory]
    [InlineData("Ban Thường vụ Thành ủy Cần Thơ", true)]
    [InlineData("Ban Tổ chức Thành ủy Cần Thơ", true)]
    [InlineData("Đảng ủy xã Tân Hòa", true)]
    [InlineData("Sở Nội vụ thành phố Cần Thơ", false)]
    [InlineData("Ủy ban nhân dân thành phố Cần Thơ", false)]
    public void IsPartyBody_ByItsName(string name, bool expected) =>
        Assert.Equal(expected, SuNghiep.Core.Reporting.ReportService.IsPartyBody(name));

    [Theory]
    [InlineData("92.TU", "TU")]
    [InlineData("92.TU.BTC", "BTCTU")]
    [InlineData("92", "TU")]
    public void PartySymbol_InnerBodyFirst(string code, string expected) =>
        Assert.Equal(expected, SuNghiep.Core.Reporting.ReportService.PartySymbol(code));
}
