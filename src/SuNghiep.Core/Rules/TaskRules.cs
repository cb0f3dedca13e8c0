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
}
