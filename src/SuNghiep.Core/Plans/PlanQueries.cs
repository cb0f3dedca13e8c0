using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Plans;

/// <summary>Reads of documents and tasks. Tasks are scoped by the context's filter; lateness is derived, never stored.</summary>
public static class PlanQueries
{
    public const int DueSoonDays = 7;

    public static async Task<DocumentView?> GetDocumentAsync(SuNghiepDbContext db, int id, DateOnly today, CancellationToken ct = default)
    {
        var d = await db.Documents.AsNoTracking().Include(x => x.Parents).Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return null;
        }

        var children = await db.DocumentLinks.AsNoTracking().Where(l => l.ParentId == id).Select(l => l.ChildId).ToListAsync(ct);
        var tasks = await TasksAsync(db, db.PlanTasks.Where(t => t.DocumentId == id), today, ct);
        var attachments = await AttachmentService.ViewsAsync(db.Attachments.Where(a => a.DocumentId == id), ct);
        return new DocumentView(
            d.Id, PlanCatalog.TypeCode(d.Type), PlanCatalog.TypeName(d.Type), d.Number, d.Issuer, d.IssuerAgencyId, d.IssuedOn, d.Title, d.Signer, d.Notes,
            d.Parents.Select(p => p.ParentId).Order().ToList(), children.Order().ToList(),
            d.Targets.OrderBy(t => t.Id).Select(View).ToList(), tasks.OrderBy(t => t.Id).ToList(), attachments);
    }

    public static async Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(SuNghiepDbContext db, string? search, CancellationToken ct = default)
    {
        var documents = await db.Documents.AsNoTracking().Include(d => d.Parents).OrderBy(d => d.IssuedOn).ThenBy(d => d.Id).ToListAsync(ct);
        var words = Text.VietnameseText.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return documents
            .Where(d => words.All(w => Text.VietnameseText.Fold($"{d.Number} {d.Title} {d.Issuer}").Contains(w, StringComparison.Ordinal)))
            .Select(d => new DocumentSummary(d.Id, PlanCatalog.TypeCode(d.Type), PlanCatalog.TypeName(d.Type), d.Number, d.Issuer, d.IssuedOn, d.Title,
                d.Parents.Select(p => p.ParentId).Order().ToList()))
            .ToList();
    }

    /// <summary>A document's heading fields, without its links, targets or tasks.</summary>
    public static async Task<DocumentSummary?> GetSummaryAsync(SuNghiepDbContext db, int id, CancellationToken ct = default) =>
        await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Id, d.Type, d.Number, d.Issuer, d.IssuedOn, d.Title })
            .FirstOrDefaultAsync(ct) is { } d
            ? new DocumentSummary(d.Id, PlanCatalog.TypeCode(d.Type), PlanCatalog.TypeName(d.Type), d.Number, d.Issuer, d.IssuedOn, d.Title, [])
            : null;

    public static TargetView View(PlanTarget t) => new(
        t.Id, t.IndicatorCode, t.Text, t.AreaCode, t.AgencyId, t.BaselineFrom, t.BaselineTo, t.Direction, t.Value, t.ValueUnit, t.Deadline);

    /// <summary>A task in the caller's scope with its explanation requests, oldest first.</summary>
    public static async Task<TaskView?> GetTaskAsync(SuNghiepDbContext db, int id, DateOnly today, CancellationToken ct = default)
    {
        if ((await TasksAsync(db, db.PlanTasks.Where(t => t.Id == id), today, ct)).FirstOrDefault() is not { } task)
        {
            return null;
        }

        var requests = await db.ExplanationRequests.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .Select(r => new ExplanationRequestView(
                r.Id, r.TaskId, r.RequestedByAgencyId, r.RequestedByAgency != null ? r.RequestedByAgency.Name : null, r.Message, r.Deadline,
                r.RequestedBy, r.RequestedAt, r.Answer, r.AnsweredBy, r.AnsweredAt))
            .ToListAsync(ct);
        return task with { ExplanationRequests = requests };
    }

    /// <summary>
    /// Every task below a task, level after level (the sub-tasks of its sub-tasks, …), in the caller's scope, with the
    /// level of each (1 for the task's own sub-tasks). A task out of scope hides the tasks below it too.
    /// </summary>
    public static async Task<IReadOnlyList<(TaskView Task, int Level)>> TreeBelowAsync(SuNghiepDbContext db, int id, DateOnly today, CancellationToken ct = default)
    {
        var tree = new List<(TaskView, int)>();
        var seen = new HashSet<int> { id };
        var parents = new List<int> { id };
        for (var level = 1; parents.Count > 0 && level <= MaxTreeDepth; level++)
        {
            var ids = parents;
            var children = (await TasksAsync(db, db.PlanTasks.Where(t => t.ParentTaskId != null && ids.Contains(t.ParentTaskId.Value)), today, ct))
                .Where(t => seen.Add(t.Id)).OrderBy(t => t.Id).ToList();
            tree.AddRange(children.Select(t => (t, level)));
            parents = children.Select(t => t.Id).ToList();
        }

        return tree;
    }

    // The cascade runs from the Politburo to the communes: five levels, with room for a department's own plans.
    private const int MaxTreeDepth = 10;

    /// <summary>The tasks lower levels created to carry out a task, in the caller's scope.</summary>
    public static async Task<IReadOnlyList<TaskView>> SubTasksAsync(SuNghiepDbContext db, int id, DateOnly today, CancellationToken ct = default) =>
        (await TasksAsync(db, db.PlanTasks.Where(t => t.ParentTaskId == id), today, ct)).OrderBy(t => t.Id).ToList();

    /// <summary>With a window (From and To), only dated tasks whose span or due dates meet it: the timeline's tasks.</summary>
    public sealed record TaskFilter(
        int? AgencyId, string? Status, DateOnly? DueBefore, int Page, int PageSize, int? DocumentId = null, DateOnly? From = null, DateOnly? To = null);

    /// <summary>
    /// Whether a task has a place on a time axis from one day to another: a task with a deadline, from the day it was
    /// assigned to its deadline; a recurring task, by a due date in the window. A task with neither has no place.
    /// </summary>
    public static bool OnAxis(DateOnly? deadline, Recurrence? recurrence, DateOnly assignedOn, DateOnly from, DateOnly to) =>
        recurrence is not null
            ? TaskRules.Occurrences(recurrence, assignedOn > from ? assignedOn : from, to).Any()
            : deadline is { } d && assignedOn <= to && d >= from;

    /// <summary>
    /// Tasks in the caller's scope, led or coordinated by the agency's subtree when one is given, late first, then due
    /// soon, then by due date. Status and due date are derived for the day, so they are filtered after reading.
    /// </summary>
    public static Task<(IReadOnlyList<TaskView> Items, int Total)> ListTasksAsync(SuNghiepDbContext db, TaskFilter f, DateOnly today, CancellationToken ct = default) =>
        ListTasksAsync(db, f, today, 500, ct);

    /// <remarks>An export passes a larger <paramref name="maxPageSize"/> to read every task in one page.</remarks>
    public static async Task<(IReadOnlyList<TaskView> Items, int Total)> ListTasksAsync(
        SuNghiepDbContext db, TaskFilter f, DateOnly today, int maxPageSize, CancellationToken ct)
    {
        var query = db.PlanTasks.AsQueryable();
        if (f.AgencyId is { } agencyId)
        {
            var path = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.LineagePath).FirstOrDefaultAsync(ct);
            query = path is null
                ? query.Where(t => false)
                : query.Where(t => t.LeadAgency!.LineagePath.StartsWith(path) || t.Coordinators.Any(c => c.Agency!.LineagePath.StartsWith(path)));
        }

        if (f.DocumentId is { } documentId)
        {
            query = query.Where(t => t.DocumentId == documentId);
        }

        // Status and the next due date are derived for the day, so the filter and order are done in memory, on the few
        // columns they need; only the page's tasks are read in full.
        var keys = await query.AsNoTracking()
            .Select(t => new { t.Id, t.Deadline, t.RecurrenceKind, t.RecurrenceDay, t.RecurrenceMonth, t.State, t.AssignedOn, t.LastProgressOn })
            .ToListAsync(ct);
        var ordered = keys
            .Select(t => (Key: t, Recurrence: Recurrence.Of(t.RecurrenceKind, t.RecurrenceDay, t.RecurrenceMonth)))
            .Where(t => f.From is not { } from || f.To is not { } to || OnAxis(t.Key.Deadline, t.Recurrence, t.Key.AssignedOn, from, to))
            .Select(t => (t.Key.Id, S: TaskRules.Standing(t.Key.State, t.Key.Deadline, t.Recurrence, t.Key.AssignedOn, t.Key.LastProgressOn, today, DueSoonDays)))
            .Where(t => f.Status is not { Length: > 0 } s || t.S.Status == s)
            .Where(t => f.DueBefore is not { } before || (t.S.NextDue is { } due && due <= before))
            .OrderByDescending(t => t.S.Late).ThenByDescending(t => t.S.DueSoon).ThenBy(t => t.S.NextDue ?? DateOnly.MaxValue).ThenBy(t => t.Id)
            .Select(t => t.Id)
            .ToList();
        var size = Math.Clamp(f.PageSize, 1, maxPageSize);
        var page = ordered.Skip((Math.Max(f.Page, 1) - 1) * size).Take(size).ToList();
        var position = page.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var items = await TasksAsync(db, db.PlanTasks.Where(t => page.Contains(t.Id)), today, ct);
        return (items.OrderBy(t => position[t.Id]).ToList(), ordered.Count);
    }

    /// <summary>
    /// For each given agency that has ended (its last day before today) and has a successor, the name of the body that
    /// carries its work today, following successors that ended in turn. Tasks and targets keep the body of their date.
    /// </summary>
    public static async Task<Dictionary<int, string>> SuccessorNamesAsync(SuNghiepDbContext db, IEnumerable<int> ids, DateOnly today, CancellationToken ct = default)
    {
        var names = new Dictionary<int, string>();
        var now = ids.Distinct().ToDictionary(id => id, id => id);
        for (var hop = 0; hop < 5 && now.Count > 0; hop++)
        {
            var at = now.Values.Distinct().ToList();
            var moves = await db.Agencies.AsNoTracking().Where(a => at.Contains(a.Id) && a.ValidTo < today && a.SuccessorId != null)
                .Select(a => new { a.Id, Successor = a.SuccessorId!.Value, a.Successor!.Name }).ToDictionaryAsync(a => a.Id, ct);
            var next = new Dictionary<int, int>();
            foreach (var (asked, current) in now)
            {
                if (moves.TryGetValue(current, out var move))
                {
                    names[asked] = move.Name;
                    next[asked] = move.Successor;
                }
            }

            now = next;
        }

        return names;
    }

    private static async Task<List<TaskView>> TasksAsync(SuNghiepDbContext db, IQueryable<PlanTask> query, DateOnly today, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Select(t => new
        {
            t.Id, t.DocumentId, DocumentNumber = t.Document!.Number, t.Section, t.Content, t.LeadAgencyId, LeadAgencyName = t.LeadAgency!.Name,
            Coordinators = t.Coordinators.Select(c => c.AgencyId).ToList(), t.Deadline, t.RecurrenceKind, t.RecurrenceDay, t.RecurrenceMonth,
            t.ExpectedOutput, t.State, t.AssignedOn, t.LastProgressOn, t.LastPercent, t.ParentTaskId, t.CompletedOn,
        }).ToListAsync(ct);
        var successors = await SuccessorNamesAsync(db, rows.Select(t => t.LeadAgencyId), today, ct);
        var recurring = rows.Where(t => t.RecurrenceKind != null).Select(t => t.Id).ToList();
        var reports = (recurring.Count == 0 ? [] : await db.TaskProgress.AsNoTracking().Where(p => recurring.Contains(p.TaskId))
                .Select(p => new { p.TaskId, p.Date }).ToListAsync(ct))
            .ToLookup(p => p.TaskId, p => p.Date);
        return rows.Select(t =>
        {
            var recurrence = Recurrence.Of(t.RecurrenceKind, t.RecurrenceDay, t.RecurrenceMonth);
            var s = TaskRules.Standing(t.State, t.Deadline, recurrence, t.AssignedOn, t.LastProgressOn, today, DueSoonDays);
            // Tasks finished before the completion date was kept were finished by their last report at 100%.
            var completedOn = t.State != TaskState.Done ? null : t.CompletedOn ?? (t.LastPercent == 100 ? t.LastProgressOn : null);
            // A finished task missed only the periods due before it was finished; a cancelled one is not asked for reports.
            var missed = recurrence is null || t.State == TaskState.Cancelled ? null
                : TaskRules.Periods(recurrence, t.AssignedOn, reports[t.Id], completedOn is { } c ? c.AddDays(1) : today)
                    .Where(p => p.Missed).Select(p => p.Due).ToList();
            return new TaskView(
                t.Id, t.DocumentId, t.DocumentNumber, t.Section, t.Content, t.LeadAgencyId, t.LeadAgencyName, t.Coordinators.Order().ToList(),
                t.Deadline, recurrence is null ? null : new RecurrenceView(PlanCatalog.RecurrenceCode(recurrence.Kind), recurrence.Day, recurrence.Month),
                s.NextDue, t.ExpectedOutput, s.Status, s.Late, s.DueSoon,
                t.LastPercent, t.LastProgressOn, t.ParentTaskId, t.AssignedOn, successors.GetValueOrDefault(t.LeadAgencyId),
                completedOn, TaskRules.CompletedLateBy(t.State, t.Deadline, completedOn), missed);
        }).ToList();
    }
}
