namespace SuNghiep.Core.Rules;

/// <summary>How often a recurring task falls due ("hằng năm", "hằng quý", …).</summary>
public enum RecurrenceKind
{
    Monthly = 1,
    Quarterly = 2,
    HalfYearly = 3,
    Yearly = 4,
}

/// <summary>
/// A recurrence: the kind, and the day (and for yearly tasks the month) of each due date. "Báo cáo hằng năm trước
/// 15/12" is Yearly, day 15, month 12; "hằng quý, ngày 20 tháng cuối quý" is Quarterly, day 20.
/// </summary>
public sealed record Recurrence(RecurrenceKind Kind, int Day, int Month = 12)
{
    /// <summary>The recurrence of a task's stored columns; none without a kind. A missing day or month means the period's end.</summary>
    public static Recurrence? Of(RecurrenceKind? kind, int? day, int? month) => kind is { } k ? new Recurrence(k, day ?? 31, month ?? 12) : null;
}

/// <summary>What a task's status is on a day: late, the next due date, due soon, and the status code the API shows.</summary>
public sealed record TaskStanding(bool Late, DateOnly? NextDue, bool DueSoon, string Status);

/// <summary>
/// One period of a recurring task that has fallen due: its first day, its due date, and the date of the report that
/// serves it (null when the period was missed).
/// </summary>
public sealed record TaskPeriod(DateOnly Start, DateOnly Due, DateOnly? ReportedOn)
{
    public bool Missed => ReportedOn is null;
    public bool ReportedLate => ReportedOn is { } on && on > Due;
}

/// <summary>A span of whole years, months and days, as a calendar counts it.</summary>
public sealed record Elapsed(int Years, int Months, int Days)
{
    /// <summary>"2 năm 5 tháng", "1 tháng 3 ngày", "12 ngày": the parts that are not zero.</summary>
    public string Text()
    {
        var parts = new List<string>();
        if (Years > 0)
        {
            parts.Add($"{Years} năm");
        }

        if (Months > 0)
        {
            parts.Add($"{Months} tháng");
        }

        if (Days > 0 || parts.Count == 0)
        {
            parts.Add($"{Days} ngày");
        }

        return string.Join(" ", parts);
    }
}

/// <summary>A task of the tree below a task, for the roll-up: its place and what it says of itself.</summary>
public sealed record RollUpNode(int Id, int? ParentId, TaskState State, int? Percent);

/// <summary>The status a person sets; lateness is never set, it follows from the deadline.</summary>
public enum TaskState
{
    NotStarted = 1,
    InProgress = 2,
    Done = 3,
    Cancelled = 4,
}

/// <summary>Deadlines, recurrences and lateness of assigned tasks.</summary>
public static class TaskRules
{
    /// <summary>The due dates of a recurrence in [from, to], in order.</summary>
    public static IEnumerable<DateOnly> Occurrences(Recurrence r, DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            var months = r.Kind switch
            {
                RecurrenceKind.Monthly => Enumerable.Range(1, 12),
                RecurrenceKind.Quarterly => [3, 6, 9, 12],
                RecurrenceKind.HalfYearly => [6, 12],
                _ => [r.Month],
            };
            foreach (var month in months)
            {
                var due = new DateOnly(year, month, Math.Min(r.Day, DateTime.DaysInMonth(year, month)));
                if (due >= from && due <= to)
                {
                    yield return due;
                }
            }
        }
    }

    /// <summary>The next due date on or after a day: the deadline itself, or the next occurrence of the recurrence.</summary>
    public static DateOnly? NextDue(DateOnly? deadline, Recurrence? recurrence, DateOnly on) =>
        recurrence is not null ? Occurrences(recurrence, on, on.AddYears(1)).First() : deadline;

    /// <summary>
    /// A task is late when it is neither done nor cancelled and a due date has passed without what it asked: for a task
    /// with a deadline, the deadline is before today (a task due today is not late yet); for a recurring task, the last
    /// due date before today came with no progress reported in its period (since the due date before it).
    /// </summary>
    public static bool IsLate(TaskState state, DateOnly? deadline, Recurrence? recurrence, DateOnly assignedOn, DateOnly? lastProgressOn, DateOnly today)
    {
        if (state is TaskState.Done or TaskState.Cancelled)
        {
            return false;
        }

        if (recurrence is null)
        {
            return deadline is { } d && d < today;
        }

        var past = Occurrences(recurrence, assignedOn, today.AddDays(-1)).ToList();
        if (past.Count == 0)
        {
            return false;
        }

        var periodStart = past.Count > 1 ? past[^2].AddDays(1) : assignedOn;
        return lastProgressOn is not { } reported || reported < periodStart;
    }

    /// <summary>
    /// The due date a late task missed: its deadline, or for a recurring task the last occurrence before today (the one
    /// whose report is missing). Null when the task is not late.
    /// </summary>
    public static DateOnly? MissedDue(TaskState state, DateOnly? deadline, Recurrence? recurrence, DateOnly assignedOn, DateOnly? lastProgressOn, DateOnly today)
    {
        if (!IsLate(state, deadline, recurrence, assignedOn, lastProgressOn, today))
        {
            return null;
        }

        return recurrence is null ? deadline : Occurrences(recurrence, assignedOn, today.AddDays(-1)).Last();
    }

    /// <summary>Due within the given number of days (today included) and not late.</summary>
    public static bool IsDueSoon(TaskState state, DateOnly? nextDue, DateOnly today, int days) =>
        state is not (TaskState.Done or TaskState.Cancelled) && nextDue is { } due && due >= today && due <= today.AddDays(days);

    /// <summary>A task's standing on a day, from the columns it is derived from; "due soon" never applies to a late task.</summary>
    public static TaskStanding Standing(
        TaskState state, DateOnly? deadline, Recurrence? recurrence, DateOnly assignedOn, DateOnly? lastProgressOn, DateOnly today, int dueSoonDays)
    {
        var late = IsLate(state, deadline, recurrence, assignedOn, lastProgressOn, today);
        var next = NextDue(deadline, recurrence, today);
        return new TaskStanding(late, next, !late && IsDueSoon(state, next, today, dueSoonDays), StatusCode(state, late));
    }

    /// <summary>The status the API shows: not_started, in_progress, done, cancelled, or late when late.</summary>
    public static string StatusCode(TaskState state, bool late) => late ? "late" : state switch
    {
        TaskState.NotStarted => "not_started",
        TaskState.InProgress => "in_progress",
        TaskState.Done => "done",
        _ => "cancelled",
    };

    /// <summary>
    /// The periods of a recurring task that fell due before a day (today, or the day the task was finished), each with
    /// the report that serves it. Every period needs a report of its own: a report serves the period it is dated in; a
    /// report dated after a due date whose period has none serves that missed period instead (a late report) when the
    /// next period has another report of its own, or is not due yet. So the last period is missed exactly when
    /// <see cref="IsLate"/> says the task is late, and a single report never covers two periods.
    /// </summary>
    public static IReadOnlyList<TaskPeriod> Periods(Recurrence recurrence, DateOnly assignedOn, IEnumerable<DateOnly> reports, DateOnly before)
    {
        var dues = Occurrences(recurrence, assignedOn, before.AddDays(-1)).ToList();
        var dates = reports.Where(r => r >= assignedOn).Order().ToList();
        var used = new bool[dates.Count];
        var periods = new List<TaskPeriod>(dues.Count);
        for (var k = 0; k < dues.Count; k++)
        {
            var start = k == 0 ? assignedOn : dues[k - 1].AddDays(1);
            var due = dues[k];
            var taken = Take(dates, used, start, due);
            if (taken is null)
            {
                var last = k == dues.Count - 1;
                var nextDue = last ? DateOnly.MaxValue : dues[k + 1];
                var inNext = Enumerable.Range(0, dates.Count).Count(i => !used[i] && dates[i] > due && dates[i] <= nextDue);
                if (last || inNext >= 2)
                {
                    taken = Take(dates, used, due.AddDays(1), nextDue);
                }
            }

            periods.Add(new TaskPeriod(start, due, taken));
        }

        return periods;
    }

    private static DateOnly? Take(List<DateOnly> dates, bool[] used, DateOnly from, DateOnly to)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            if (!used[i] && dates[i] >= from && dates[i] <= to)
            {
                used[i] = true;
                return dates[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The whole years, months and days from one day to a later one, as a calendar counts them: as many months as fit
    /// (a month from 31/01 ends on the last day of February, a year from 29/02 on 28/02), then the days left. Zero when
    /// the second day is not after the first.
    /// </summary>
    public static Elapsed Between(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return new Elapsed(0, 0, 0);
        }

        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        while (months > 0 && from.AddMonths(months) > to)
        {
            months--;
        }

        var days = to.DayNumber - from.AddMonths(months).DayNumber;
        return new Elapsed(months / 12, months % 12, days);
    }

    /// <summary>How long after its deadline a one-off task was finished; null when it was finished on time or is not finished.</summary>
    public static Elapsed? CompletedLateBy(TaskState state, DateOnly? deadline, DateOnly? completedOn) =>
        state == TaskState.Done && deadline is { } d && completedOn is { } c && c > d ? Between(d, c) : null;

    /// <summary>
    /// The progress of the tasks below a task, rolled up: the mean of the leaves' percent, each leaf weighing the same. A
    /// leaf is a task below with no task below it; a finished leaf counts 100, a leaf with no report 0, a cancelled leaf
    /// not at all. Null when there is no leaf to count.
    /// </summary>
    public static decimal? RollUp(int rootId, IReadOnlyList<RollUpNode> below)
    {
        var children = below.ToLookup(n => n.ParentId);
        var leaves = new List<RollUpNode>();
        var seen = new HashSet<int> { rootId };
        var stack = new Stack<int>([rootId]);
        while (stack.Count > 0)
        {
            foreach (var child in children[stack.Pop()])
            {
                if (!seen.Add(child.Id))
                {
                    continue;
                }

                if (children[child.Id].Any())
                {
                    stack.Push(child.Id);
                }
                else if (child.State != TaskState.Cancelled)
                {
                    leaves.Add(child);
                }
            }
        }

        return leaves.Count == 0 ? null
            : Math.Round(leaves.Average(l => (decimal)(l.State == TaskState.Done ? 100 : l.Percent ?? 0)), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether a new report lowers a progress already reported at 100%, which needs a reason.</summary>
    public static bool LowersFinishedProgress(int? lastPercent, DateOnly? lastProgressOn, int percent, DateOnly date) =>
        lastPercent == 100 && percent < 100 && (lastProgressOn is not { } last || date >= last);
}
