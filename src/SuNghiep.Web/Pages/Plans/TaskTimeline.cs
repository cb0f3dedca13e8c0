using System.Globalization;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>
/// Dated tasks laid on a time axis over a window the user moves (by default from the start of last year to the end of
/// next year): each one-off task a bar from the day it was assigned to its deadline, each recurring task a mark on every
/// due date. Positions are percentages, so the page needs no script and prints as it shows.
/// </summary>
public sealed class TaskTimeline
{
    public TaskTimeline(IReadOnlyList<TaskView> tasks, DateOnly today, DateOnly from, DateOnly to)
    {
        Start = from;
        End = to.AddDays(1);
        Today = today;
        Rows = tasks.Select(Row).ToList();
    }

    public DateOnly Start { get; }
    /// <summary>The first day after the window.</summary>
    public DateOnly End { get; }
    public DateOnly Today { get; }
    public IReadOnlyList<TimelineRow> Rows { get; }

    /// <summary>Where today is on the axis; null when the window does not hold it.</summary>
    public double? TodayAt => Today >= Start && Today < End ? Position(Today) : null;

    /// <summary>A tick on each month's first day in the window; every quarter past two years, every year past five.</summary>
    public IEnumerable<(string Label, double Left, bool NewYear)> MonthTicks
    {
        get
        {
            var months = (End.Year - Start.Year) * 12 + End.Month - Start.Month;
            var step = months > 60 ? 12 : months > 24 ? 3 : 1;
            var first = new DateOnly(Start.Year, Start.Month, 1);
            return Enumerable.Range(0, months + 1).Select(i => first.AddMonths(i))
                .Where(m => m >= Start && m < End && (m.Month - 1) % step == 0)
                .Select(m => (m.ToString("MM/yy", CultureInfo.InvariantCulture), Position(m), m.Month == 1));
        }
    }

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
