using System.Globalization;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>What a task's standing says: the periods a recurring task missed, how late a task was finished, the roll-up.</summary>
public sealed class TaskStandingRulesTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static IEnumerable<DateOnly> Dates(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(D);

    // Quarterly reports due on the 20th of the quarter's last month, assigned on 01/01/2024. Each cell reads due=report,
    // "-" for a missed period.
    [Theory]
    //          reports                              before         periods
    [InlineData("",                                  "2024-03-20",  "")]                                          // due today: nothing fell due
    [InlineData("",                                  "2024-03-21",  "2024-03-20=-")]
    [InlineData("2024-03-15",                        "2024-09-21",  "2024-03-20=2024-03-15,2024-06-20=-,2024-09-20=-")]
    [InlineData("2024-03-15,2024-09-01",             "2024-09-21",  "2024-03-20=2024-03-15,2024-06-20=-,2024-09-20=2024-09-01")]
    [InlineData("2024-04-05",                        "2024-04-10",  "2024-03-20=2024-04-05")]                    // a late report for the period just passed
    [InlineData("2024-04-05",                        "2024-06-21",  "2024-03-20=-,2024-06-20=2024-04-05")]       // one report cannot serve two periods
    [InlineData("2024-04-05,2024-06-18",             "2024-06-21",  "2024-03-20=2024-04-05,2024-06-20=2024-06-18")] // late, then on time
    [InlineData("2024-03-01,2024-03-10",             "2024-06-21",  "2024-03-20=2024-03-01,2024-06-20=-")]       // two reports in one period
    [InlineData("2023-12-31",                        "2024-03-21",  "2024-03-20=-")]                             // before the task was assigned
    public void Periods_Quarterly_EachPeriodNeedsAReportOfItsOwn(string reports, string before, string expected)
    {
        var periods = TaskRules.Periods(new Recurrence(RecurrenceKind.Quarterly, 20), D("2024-01-01"), Dates(reports), D(before));

        Assert.Equal(expected, string.Join(",", periods.Select(p => $"{Iso(p.Due)}={Iso(p.ReportedOn)}")));
    }

    // The last period is missed exactly when IsLate says the task is late, whatever the reports.
    [Theory]
    [InlineData("",                        "2025-12-16")]
    [InlineData("2024-12-10",              "2025-12-16")]
    [InlineData("2024-12-10,2025-01-05",   "2025-12-16")]
    [InlineData("2025-01-05",              "2025-02-01")]
    [InlineData("2024-12-20",              "2024-12-21")]
    public void Periods_LastPeriod_AgreesWithIsLate(string reports, string today)
    {
        var recurrence = new Recurrence(RecurrenceKind.Yearly, 15, 12);
        var dates = Dates(reports).ToList();
        var periods = TaskRules.Periods(recurrence, D("2024-03-01"), dates, D(today));
        var late = TaskRules.IsLate(TaskState.InProgress, null, recurrence, D("2024-03-01"), dates.Count == 0 ? null : dates.Max(), D(today));

        Assert.Equal(late, periods[^1].Missed);
    }

    // Whole years, then months (a month from the 31st ends on the month's last day), then days.
    [Theory]
    //          from           to             years  months  days
    [InlineData("2022-03-31",  "2024-08-31",  2,     5,      0)]    // "hoàn thành quá hạn 2 năm 5 tháng"
    [InlineData("2024-01-31",  "2024-02-29",  0,     1,      0)]    // to the end of a leap February
    [InlineData("2023-01-31",  "2023-02-28",  0,     1,      0)]    // to the end of a common February
    [InlineData("2023-01-31",  "2023-02-27",  0,     0,      27)]
    [InlineData("2024-02-29",  "2025-02-28",  1,     0,      0)]    // from a leap day: the year ends on 28/02
    [InlineData("2024-02-29",  "2025-03-01",  1,     0,      1)]
    [InlineData("2024-02-28",  "2024-03-01",  0,     0,      2)]    // 29/02/2024 lies between
    [InlineData("2023-02-28",  "2023-03-01",  0,     0,      1)]
    [InlineData("2024-05-31",  "2024-06-30",  0,     1,      0)]
    [InlineData("2024-06-30",  "2024-07-31",  0,     1,      1)]
    [InlineData("2024-12-31",  "2025-01-01",  0,     0,      1)]
    [InlineData("2024-05-31",  "2024-05-31",  0,     0,      0)]    // finished on the deadline: not late
    public void Between_Dates_CountsCalendarYearsMonthsDays(string from, string to, int years, int months, int days) =>
        Assert.Equal(new Elapsed(years, months, days), TaskRules.Between(D(from), D(to)));

    [Theory]
    [InlineData(2, 5, 0, "2 năm 5 tháng")]
    [InlineData(0, 1, 3, "1 tháng 3 ngày")]
    [InlineData(0, 0, 12, "12 ngày")]
    [InlineData(1, 0, 1, "1 năm 1 ngày")]
    public void ElapsedText_Parts_SaysTheOnesNotZero(int years, int months, int days, string expected) =>
        Assert.Equal(expected, new Elapsed(years, months, days).Text());

    [Theory]
    //          state                  deadline       completed      late by
    [InlineData(TaskState.Done,        "2022-03-31",  "2024-08-31",  "2 năm 5 tháng")]
    [InlineData(TaskState.Done,        "2024-05-31",  "2024-05-31",  null)]             // on the deadline
    [InlineData(TaskState.Done,        "2024-05-31",  "2024-05-01",  null)]
    [InlineData(TaskState.InProgress,  "2024-05-31",  "2024-06-10",  null)]             // not finished (reopened)
    [InlineData(TaskState.Done,        null,          "2024-06-10",  null)]             // no deadline
    public void CompletedLateBy_Deadline_OnlyAfterIt(TaskState state, string? deadline, string completed, string? expected) =>
        Assert.Equal(expected, TaskRules.CompletedLateBy(state, deadline is null ? null : D(deadline), D(completed))?.Text());

    // The tree below task 1: 2 (leaf 40%), 3 (has 4 done and 5 unreported), 6 (cancelled leaf), and 7 outside the tree.
    [Fact]
    public void RollUp_Tree_IsTheMeanOfTheLeaves()
    {
        RollUpNode[] below =
        [
            new(2, 1, TaskState.InProgress, 40),
            new(3, 1, TaskState.InProgress, 90),    // not a leaf: its own percent does not count
            new(4, 3, TaskState.Done, null),        // done counts 100
            new(5, 3, TaskState.NotStarted, null),  // no report counts 0
            new(6, 1, TaskState.Cancelled, 10),     // cancelled does not count
            new(7, 99, TaskState.InProgress, 100),  // not below task 1
        ];

        Assert.Equal(46.7m, TaskRules.RollUp(1, below));   // (40 + 100 + 0) / 3
        Assert.Equal(50m, TaskRules.RollUp(3, below));
        Assert.Null(TaskRules.RollUp(2, below));
    }

    [Theory]
    //          last %  last on        new %  new on         needs a reason
    [InlineData(100,    "2024-05-10",  80,    "2024-05-12",  true)]
    [InlineData(100,    "2024-05-10",  80,    "2024-05-10",  true)]
    [InlineData(100,    "2024-05-10",  80,    "2024-05-01",  false)]   // an earlier report does not change the standing
    [InlineData(100,    "2024-05-10",  100,   "2024-05-12",  false)]
    [InlineData(90,     "2024-05-10",  80,    "2024-05-12",  false)]
    [InlineData(null,   null,          0,     "2024-05-12",  false)]
    public void LowersFinishedProgress_After100_NeedsAReason(int? lastPercent, string? lastOn, int percent, string on, bool expected) =>
        Assert.Equal(expected, TaskRules.LowersFinishedProgress(lastPercent, lastOn is null ? null : D(lastOn), percent, D(on)));
}
