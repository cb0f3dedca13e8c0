using System.Globalization;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>
/// Tasks laid on a time axis: eighteen months from six months back, each one-off task a bar from the day it was assigned
/// to its deadline, each recurring task a mark on every due date. Positions are percentages, so the page needs no script
/// and prints as it shows.
/// </summary>
public sealed class TaskTimeline
{
    public const int MonthsBack = 6;
    public const int Months = 18;

    public TaskTimeline(IReadOnlyList<TaskView> tasks, DateOnly today)
    {
        Start = new DateOnly(today.Year, today.Month, 1).AddMonths(-MonthsBack);
        End = Start.AddMonths(Months);
        Today = today;
        Rows = tasks.Select(Row).ToList();
    }

    public DateOnly Start { get; }
    /// <summary>The first day after the window.</summary>
    public DateOnly End { get; }
    public DateOnly Today { get; }
    public IReadOnlyList<TimelineRow> Rows { get; }

    public double TodayAt => Position(Today);

    public IEnumerable<(string Label, double Left, bool NewYear)> MonthTicks =>
        Enumerable.Range(0, Months).Select(i => Start.AddMonths(i))
            .Select(m => (m.ToString("MM/yy", CultureInfo.InvariantCulture), Position(m), m.Month == 1));

    public sealed record TimelineRow(TaskView Task, double Left, double Width, bool StartsBefore, bool EndsAfter, IReadOnlyList<double> Marks, bool Open);

    /// <summary>The place of a day on the axis, 0 to 100, clamped to the window.</summary>
    public double Position(DateOnly day)
    {
        var total = End.DayNumber - Start.DayNumber;
        return Math.Clamp((day.DayNumber - Start.DayNumber) * 100.0 / total, 0, 100);
    }

    private TimelineRow Row(TaskView t)
    {
        var from = t.AssignedOn;
        if (t.Recurrence is { } r && PlanCatalog.ParseRecurrence(r.Kind) is { } kind)
        {
            var first = from > Start ? from : Start;
            var marks = first < End
                ? TaskRules.Occurrences(new Recurrence(kind, r.Day, r.Month), first, End.AddDays(-1)).Select(Position).ToList()
                : [];
            return new TimelineRow(t, Position(from), 100 - Position(from), from < Start, true, marks, Open: false);
        }

        // A task with no deadline runs on: drawn open to the window's end.
        var to = t.Deadline ?? End;
        var left = Position(from);
        return new TimelineRow(t, left, Math.Max(Position(to) - left, 0.4), from < Start, to >= End, [], Open: t.Deadline is null);
    }
}
