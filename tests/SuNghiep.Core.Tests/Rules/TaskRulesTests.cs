using System.Globalization;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

public sealed class TaskRulesTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? N(string? value) => value is null ? null : D(value);

    // A task with a deadline is late from the day after it, unless done or cancelled.
    [Theory]
    //          state                   deadline       today          late
    [InlineData(TaskState.NotStarted,   "2024-05-31",  "2024-05-30",  false)]   // the day before
    [InlineData(TaskState.NotStarted,   "2024-05-31",  "2024-05-31",  false)]   // due today: not late yet
    [InlineData(TaskState.NotStarted,   "2024-05-31",  "2024-06-01",  true)]    // the day after
    [InlineData(TaskState.InProgress,   "2024-05-31",  "2024-06-01",  true)]
    [InlineData(TaskState.Done,         "2024-05-31",  "2025-01-01",  false)]
    [InlineData(TaskState.Cancelled,    "2024-05-31",  "2025-01-01",  false)]
    [InlineData(TaskState.InProgress,   null,          "2030-01-01",  false)]   // no deadline: never late
    public void IsLate_Deadline_FromTheDayAfter(TaskState state, string? deadline, string today, bool late) =>
        Assert.Equal(late, TaskRules.IsLate(state, N(deadline), null, D("2024-01-01"), null, D(today)));

    // "Báo cáo hằng năm trước 15/12": late from 16/12 until a report for that year comes in.
    [Theory]
    //          last progress   today          late
    [InlineData(null,           "2024-12-15",  false)]   // due today
    [InlineData(null,           "2024-12-16",  true)]
    [InlineData("2024-12-10",   "2024-12-16",  false)]   // reported within the period
    [InlineData("2024-12-10",   "2025-12-15",  false)]   // the next due date is today
    [InlineData("2024-12-10",   "2025-12-16",  true)]    // the 2025 report is missing
    [InlineData("2025-12-15",   "2025-12-16",  false)]   // reported on the due date
    [InlineData("2023-12-20",   "2024-12-16",  true)]    // reported before the period began
    public void IsLate_YearlyRecurrence_NeedsAReportEachPeriod(string? lastProgress, string today, bool late) =>
        Assert.Equal(late, TaskRules.IsLate(TaskState.InProgress, null, new Recurrence(RecurrenceKind.Yearly, 15, 12), D("2024-03-01"), N(lastProgress), D(today)));

    [Theory]
    //          kind                       day  from          to            expected
    [InlineData(RecurrenceKind.Quarterly,  20,  "2024-01-01", "2024-12-31", "2024-03-20,2024-06-20,2024-09-20,2024-12-20")]
    [InlineData(RecurrenceKind.HalfYearly, 14,  "2024-01-01", "2024-12-31", "2024-06-14,2024-12-14")]   // Decree 09/2019 cut-off days
    [InlineData(RecurrenceKind.Monthly,    31,  "2024-02-01", "2024-04-30", "2024-02-29,2024-03-31,2024-04-30")]   // short months end early
    [InlineData(RecurrenceKind.Yearly,     15,  "2024-12-16", "2026-12-15", "2025-12-15,2026-12-15")]
    public void Occurrences_Kind_GivesTheDueDatesInOrder(RecurrenceKind kind, int day, string from, string to, string expected) =>
        Assert.Equal(expected, string.Join(",", TaskRules.Occurrences(new Recurrence(kind, day, 12), D(from), D(to)).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));

    [Theory]
    //          state                   due            today          days  soon
    [InlineData(TaskState.InProgress,   "2024-06-07",  "2024-06-01",  7,    true)]
    [InlineData(TaskState.InProgress,   "2024-06-08",  "2024-06-01",  7,    true)]    // the last day of the window
    [InlineData(TaskState.InProgress,   "2024-06-09",  "2024-06-01",  7,    false)]
    [InlineData(TaskState.InProgress,   "2024-06-01",  "2024-06-01",  7,    true)]    // due today
    [InlineData(TaskState.InProgress,   "2024-05-31",  "2024-06-01",  7,    false)]   // past: late, not soon
    [InlineData(TaskState.Done,         "2024-06-03",  "2024-06-01",  7,    false)]
    public void IsDueSoon_Window_CountsTodayAndTheLastDay(TaskState state, string due, string today, int days, bool soon) =>
        Assert.Equal(soon, TaskRules.IsDueSoon(state, D(due), D(today), days));

    // The reminders' window (Reminders:DueSoonDays, 7 by default) around a deadline of 15/06/2024: nothing the day before
    // the window opens, "due soon" from its first day through the due day, "late" with the deadline as the missed date
    // from the day after.
    [Theory]
    //          today          due soon on    missed due
    [InlineData("2024-06-07",  null,          null)]           // the day before the window
    [InlineData("2024-06-08",  "2024-06-15",  null)]           // the first day of the window
    [InlineData("2024-06-15",  "2024-06-15",  null)]           // the due day
    [InlineData("2024-06-16",  null,          "2024-06-15")]   // the day after: late
    [InlineData("2025-03-01",  null,          "2024-06-15")]   // still the same missed date months later
    public void Reminders_DeadlineWindow_DueSoonThenLate(string today, string? dueSoonOn, string? missed)
    {
        var next = TaskRules.NextDue(D("2024-06-15"), null, D(today));
        var soon = TaskRules.IsDueSoon(TaskState.InProgress, next, D(today), 7) ? next : null;

        Assert.Equal((N(dueSoonOn), N(missed)), (soon, TaskRules.MissedDue(TaskState.InProgress, D("2024-06-15"), null, D("2024-01-01"), null, D(today))));
    }

    // A late recurring task missed its last occurrence before today; a report in that period clears it.
    [Theory]
    //          kind                        day  last progress  today          missed due
    [InlineData(RecurrenceKind.Yearly,      15,  null,          "2024-12-16",  "2024-12-15")]
    [InlineData(RecurrenceKind.Yearly,      15,  "2024-12-10",  "2025-12-16",  "2025-12-15")]   // the 2025 report is missing
    [InlineData(RecurrenceKind.Yearly,      15,  "2025-12-15",  "2025-12-16",  null)]           // reported on the due date
    [InlineData(RecurrenceKind.Quarterly,   20,  "2024-04-02",  "2024-09-25",  "2024-09-20")]   // reported for Q2, not for Q3
    [InlineData(RecurrenceKind.Quarterly,   20,  null,          "2024-03-20",  null)]           // the first due date is today
    public void MissedDue_Recurrence_IsTheLastOccurrenceBeforeToday(RecurrenceKind kind, int day, string? lastProgress, string today, string? missed) =>
        Assert.Equal(N(missed), TaskRules.MissedDue(TaskState.InProgress, null, new Recurrence(kind, day, 12), D("2024-03-01"), N(lastProgress), D(today)));

    [Theory]
    //          state                   missed due
    [InlineData(TaskState.NotStarted,   "2024-05-31")]
    [InlineData(TaskState.Done,         null)]
    [InlineData(TaskState.Cancelled,    null)]
    public void MissedDue_ClosedTask_IsNull(TaskState state, string? missed) =>
        Assert.Equal(N(missed), TaskRules.MissedDue(state, D("2024-05-31"), null, D("2024-01-01"), null, D("2024-07-01")));

    [Theory]
    //          state                   late   code
    [InlineData(TaskState.NotStarted,   false, "not_started")]
    [InlineData(TaskState.InProgress,   false, "in_progress")]
    [InlineData(TaskState.InProgress,   true,  "late")]
    [InlineData(TaskState.Done,         false, "done")]
    [InlineData(TaskState.Cancelled,    false, "cancelled")]
    public void StatusCode_State_IsTheApiValue(TaskState state, bool late, string code) =>
        Assert.Equal(code, TaskRules.StatusCode(state, late));

    [Fact]
    public void NextDue_Recurrence_IsTheNextOccurrence() =>
        Assert.Equal(D("2025-06-14"), TaskRules.NextDue(null, new Recurrence(RecurrenceKind.HalfYearly, 14), D("2025-03-01")));

    // The standing a list shows: late wins over due soon, a closed task is neither, a recurrence's next due date moves on.
    public static TheoryData<string, string?, string?, string, bool, string?, bool> Standings => new()
    {
        // state          deadline      yearly   today         late   next due      due soon
        { "in_progress",  "2026-06-30", null,    "2026-07-01", true,  "2026-06-30", false },
        { "in_progress",  "2026-07-05", null,    "2026-07-01", false, "2026-07-05", true  },
        { "done",         "2026-06-30", null,    "2026-07-01", false, "2026-06-30", false },
        { "not_started",  null,         "15/12", "2026-12-10", false, "2026-12-15", true  },
        { "not_started",  null,         "15/12", "2026-12-16", true,  "2027-12-15", false },
    };

    [Theory, MemberData(nameof(Standings))]
    public void Standing_CombinesLatenessNextDueAndDueSoon(string state, string? deadline, string? yearly, string today, bool late, string? next, bool soon)
    {
        var recurrence = yearly is null ? null : Recurrence.Of(RecurrenceKind.Yearly, int.Parse(yearly[..2], CultureInfo.InvariantCulture), int.Parse(yearly[3..], CultureInfo.InvariantCulture));
        var taskState = state switch { "done" => TaskState.Done, "in_progress" => TaskState.InProgress, _ => TaskState.NotStarted };

        var s = TaskRules.Standing(taskState, deadline is null ? null : DateOnly.Parse(deadline, CultureInfo.InvariantCulture), recurrence,
            new DateOnly(2026, 1, 1), null, DateOnly.Parse(today, CultureInfo.InvariantCulture), 7);

        Assert.Equal((late, next, soon), (s.Late, s.NextDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.DueSoon));
        Assert.Equal(late ? "late" : state, s.Status);
    }

    [Fact]
    public void RecurrenceOf_MissingDayAndMonth_MeanThePeriodsEnd() =>
        Assert.Equal((new Recurrence(RecurrenceKind.Quarterly, 31, 12), (Recurrence?)null),
            (Recurrence.Of(RecurrenceKind.Quarterly, null, null), Recurrence.Of(null, 15, 6)));
}
