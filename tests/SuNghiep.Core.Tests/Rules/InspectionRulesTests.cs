using System.Globalization;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

public sealed class InspectionRulesTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? N(string? value) => value is null ? null : D(value);

    // Law on Inspection 84/2025 Art. 34(1): five working days from the results report, the report's day not counted.
    [Theory]
    //          report         assign by
    [InlineData("2025-12-01",  "2025-12-08")]   // Monday: Tue-Fri and the next Monday
    [InlineData("2025-12-05",  "2025-12-12")]   // Friday: the weekend is skipped
    [InlineData("2025-08-29",  "2025-09-08")]   // National Day 02/09 (a Tuesday) is skipped
    [InlineData("2025-04-28",  "2025-05-07")]   // 30/04 and 01/05 are skipped
    [InlineData("2026-02-13",  "2026-02-27")]   // Tết Bính Ngọ: 16-20/02/2026 are days off
    [InlineData("2027-02-04",  "2027-02-16")]   // Tết Đinh Mùi: 05-09/02/2027 are days off
    public void DraftAssignBy_WorkingDays_SkipWeekendsAndHolidays(string report, string by) =>
        Assert.Equal(D(by), InspectionRules.DraftAssignBy(D(report)));

    // Art. 36(1): 15 days (30 for the Government Inspectorate) from receiving the draft; Civil Code Art. 148 moves a
    // term ending on a day off to the next working day.
    [Theory]
    //          draft received  government  sign by
    [InlineData("2025-12-01",   false,      "2025-12-16")]
    [InlineData("2025-12-01",   true,       "2025-12-31")]
    [InlineData("2025-12-05",   false,      "2025-12-22")]   // 20/12 is a Saturday
    [InlineData("2026-02-02",   false,      "2026-02-23")]   // 17/02 is Tết; 15 days end on 17/02 -> the next working day 23/02 after Tết and the weekend
    public void SignBy_CalendarDays_EndOnAWorkingDay(string received, bool government, string by) =>
        Assert.Equal(D(by), InspectionRules.SignBy(D(received), government));

    // Art. 53(1): the directive within 15 days of the conclusion, 30 for the Government Inspectorate's.
    [Theory]
    //          conclusion     government  directive by
    [InlineData("2025-10-07",  false,      "2025-10-22")]
    [InlineData("2025-10-07",  true,       "2025-11-06")]
    [InlineData("2025-04-15",  false,      "2025-05-02")]   // 15 days end on 30/04, then 01/05: both holidays
    public void DirectiveBy_CalendarDays(string conclusion, bool government, string by) =>
        Assert.Equal(D(by), InspectionRules.DirectiveBy(D(conclusion), government));

    [Theory]
    //          done on         today          met    late
    [InlineData("2025-12-08",   "2026-01-01",  true,  false)]   // on the last day: met
    [InlineData("2025-12-09",   "2026-01-01",  false, true)]    // a day after: late
    [InlineData(null,           "2025-12-08",  null,  false)]   // not done, still in time
    [InlineData(null,           "2025-12-09",  null,  true)]    // not done, past it
    public void Deadlines_DraftAssign_MetOrLate(string? doneOn, string today, bool? met, bool late)
    {
        var d = InspectionRules.Deadlines(D("2025-12-01"), N(doneOn), null, null, null, false, D(today));
        Assert.Equal((D("2025-12-08"), met, late), (d.DraftAssign.By!.Value, d.DraftAssign.Met, d.DraftAssign.Late));
    }

    [Fact]
    public void Deadlines_NoStartingEvent_NoDay()
    {
        var d = InspectionRules.Deadlines(null, null, null, null, null, false, D("2030-01-01"));
        Assert.Equal((null, null, null, false), (d.DraftAssign.By, d.Sign.By, d.Directive.By, d.Directive.Late));
    }

    [Theory]
    [InlineData("Thanh tra Chính phủ", true)]
    [InlineData("THANH TRA CHÍNH PHỦ ", true)]
    [InlineData("Thanh tra tỉnh", false)]
    [InlineData(null, false)]
    public void IsGovernmentInspectorate_ByName(string? body, bool expected) =>
        Assert.Equal(expected, InspectionRules.IsGovernmentInspectorate(body));

    // Status on a date, deadline 31/03/2026: done and disputed win over overdue; overdue wins over open and partial.
    [Theory]
    //          follow-ups (date:done)                 disputed  date           status
    [InlineData("",                                    false,    "2026-03-30",  RecommendationStatus.Open)]
    [InlineData("",                                    false,    "2026-03-31",  RecommendationStatus.Open)]      // the deadline itself is not overdue
    [InlineData("",                                    false,    "2026-04-01",  RecommendationStatus.Overdue)]
    [InlineData("2026-03-01:0",                        false,    "2026-03-31",  RecommendationStatus.Partial)]
    [InlineData("2026-03-01:0",                        false,    "2026-04-01",  RecommendationStatus.Overdue)]   // overdue wins over partial
    [InlineData("2026-03-01:1",                        false,    "2026-04-01",  RecommendationStatus.Done)]
    [InlineData("2026-04-10:1",                        false,    "2026-04-10",  RecommendationStatus.Done)]      // done late is done
    [InlineData("2026-04-10:1",                        false,    "2026-04-09",  RecommendationStatus.Overdue)]   // a later report is not known yet
    [InlineData("2026-03-01:1,2026-03-05:0",           false,    "2026-03-10",  RecommendationStatus.Partial)]   // the last report decides
    [InlineData("2026-03-01:0,2026-03-05:1",           false,    "2026-03-10",  RecommendationStatus.Done)]
    [InlineData("",                                    true,     "2026-04-01",  RecommendationStatus.Disputed)]  // disputed wins over overdue
    [InlineData("2026-03-01:0",                        true,     "2026-03-10",  RecommendationStatus.Disputed)]
    [InlineData("2026-03-01:1",                        true,     "2026-04-01",  RecommendationStatus.Done)]      // done wins over disputed
    public void StatusOn_EachBoundary(string followUps, bool disputed, string date, RecommendationStatus expected)
    {
        var facts = followUps.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select((f, i) => new FollowUpFact(D(f[..10]), f[11] == '1', null, i));
        Assert.Equal(expected, InspectionRules.StatusOn(D("2026-03-31"), disputed, facts, D(date)));
    }

    [Fact]
    public void StatusOn_SameDayReports_OrderDecides()
    {
        var facts = new[] { new FollowUpFact(D("2026-03-01"), true, null, 1), new FollowUpFact(D("2026-03-01"), false, 50m, 2) };
        Assert.Equal(RecommendationStatus.Partial, InspectionRules.StatusOn(D("2026-03-31"), false, facts, D("2026-03-02")));
    }

    [Theory]
    [InlineData("2025-01-28", true)]    // the last day of Giáp Thìn
    [InlineData("2025-02-01", true)]    // mùng 4 Tết Ất Tỵ
    [InlineData("2025-02-03", false)]
    [InlineData("2026-02-16", true)]
    [InlineData("2026-02-21", false)]
    [InlineData("2030-02-06", true)]
    [InlineData("2024-02-12", false)]   // outside the table: not known
    public void IsTet_Table(string date, bool expected) => Assert.Equal(expected, ReportingPeriods.IsTet(D(date)));
}
