using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>A task, its progress reports, and the form to report progress (POST /api/v1/tasks/{id}/progress).</summary>
[RequestSizeLimit(AttachmentChecks.PageRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentChecks.PageRequestLimit)]
public sealed class TaskModel(SuNghiepDbContext db, PlanService service, AttachmentService attachments, TimeProvider time) : PageModel
{
    /// <summary>The form as typed: strings, so that a bad date or percent becomes a message next to its field.</summary>
    public sealed record ProgressForm
    {
        public string? Date { get; init; }
        public string? Text { get; init; }
        public string? Percent { get; init; }
        public string? Reason { get; init; }
    }

    /// <summary>The request to explain a late task, as typed.</summary>
    public sealed record ExplainForm
    {
        public string? Deadline { get; init; }
        public string? Message { get; init; }
    }

    /// <summary>The lead agency's answer to one request.</summary>
    public sealed record AnswerForm
    {
        public int? RequestId { get; init; }
        public string? Text { get; init; }
    }

    [BindProperty]
    public ProgressForm Input { get; set; } = new();

    [BindProperty]
    public ExplainForm Explain { get; set; } = new();

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    /// <summary>Which form failed (progress, explain, answer): its error summary is the one shown.</summary>
    public string? FailedForm { get; private set; }

    public TaskView Item { get; private set; } = null!;
    public IReadOnlyList<ProgressView> Reports { get; private set; } = [];
    public IReadOnlyList<string> Coordinators { get; private set; } = [];
    /// <summary>The files of each progress report, by report id.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<AttachmentView>> Files { get; private set; } = new Dictionary<int, IReadOnlyList<AttachmentView>>();
    public DateOnly Today { get; private set; }
    public TaskView? ParentTask { get; private set; }
    /// <summary>Every task below this one, level after level, in the caller's scope, with its level (1 for a sub-task).</summary>
    public IReadOnlyList<(TaskView Task, int Level)> Tree { get; private set; } = [];
    /// <summary>The roll-up of each task of the tree that has tasks below it, this task's included.</summary>
    public IReadOnlyDictionary<int, decimal?> RollUps { get; private set; } = new Dictionary<int, decimal?>();
    public IReadOnlyList<ExplanationRequestView> Explanations => Item.ExplanationRequests ?? [];
    /// <summary>Whether the caller is the assigning level (or above), who may ask for an explanation of a late task.</summary>
    public bool CanRequestExplanation { get; private set; }
    /// <summary>Whether the caller answers for the lead agency (or above), who explains.</summary>
    public bool CanAnswerExplanation { get; private set; }
    public bool Explainable => Item.Late || Item.CompletedLateBy is not null;
    /// <summary>The documents that implement the task's document: where a lower level's sub-task can be written.</summary>
    public IReadOnlyList<(int Id, string Number, string Issuer)> ImplementingDocuments { get; private set; } = [];
    public bool CanAssign => Roles.UnitCreators.Any(User.IsInRole);
    /// <summary>Whether the caller is the level that assigned the task, whose the status is.</summary>
    public bool CanSetStatus { get; private set; }
    public bool CanReport => Roles.UnitEditors.Any(User.IsInRole) && Item.Status != "cancelled";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new ProgressForm { Date = Display.DateInput(Today) };
        Explain = new ExplainForm { Deadline = Display.DateInput(Today.AddDays(7)) };
        return Page();
    }

    /// <summary>The sub-task form's choice of document, as a plain GET so that it works without JavaScript.</summary>
    public IActionResult OnGetSubTask(int id, int document) => Redirect($"/documents/{document}/tasks/new?parentTaskId={id}");

    /// <summary>The assigning level sets the status: started, done, or cancelled.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, string? status, CancellationToken ct)
    {
        if (!CanAssign)
        {
            return Forbid();
        }

        var result = await service.SetStatusAsync(id, status, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden is not null)
        {
            return Forbid();
        }

        if (result.Value is { } task)
        {
            TempData["Success"] = $"Đã cập nhật tình trạng: {PlanDisplay.StatusName(task.Status).ToLowerInvariant()}.";
            return Redirect($"/tasks/{id}");
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        FormErrors.Add(ModelState, result.Errors, new Dictionary<string, string> { ["status"] = "Status" });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!Roles.UnitEditors.Any(User.IsInRole))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var errors = new List<RuleViolation>();
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Input.Date))
        {
            if (Display.TryParseDate(Input.Date, out var d))
            {
                date = d;
            }
            else
            {
                errors.Add(new("date", Display.InvalidDate("Ngày báo cáo")));
            }
        }

        int? percent = null;
        if (!string.IsNullOrWhiteSpace(Input.Percent))
        {
            if (int.TryParse(Input.Percent.Trim().TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p))
            {
                percent = p;
            }
            else
            {
                errors.Add(new("percent", "Tỷ lệ hoàn thành phải là một số nguyên từ 0 đến 100."));
            }
        }

        // The report and its files are saved together or not at all.
        var (files, tooLarge) = await AttachmentsApi.FilesAsync(Request, AttachmentChecks.Field, ct);
        if (tooLarge is not null)
        {
            errors.Add(new(AttachmentChecks.Field, tooLarge));
        }

        if (errors.Count == 0)
        {
            var result = await attachments.AddProgressWithFilesAsync(id, new ProgressInput(date, Input.Text, percent, Input.Reason), files, ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Value is not null)
            {
                TempData["Success"] = files.Count == 0 ? "Đã ghi nhận tiến độ thực hiện nhiệm vụ." : $"Đã ghi nhận tiến độ thực hiện nhiệm vụ với {files.Count} tệp đính kèm.";
                return Redirect($"/tasks/{id}");
            }

            errors.AddRange(result.Errors.Where(e => errors.All(x => x.Field != e.Field)));
        }

        // "taskId" errors concern the task as a whole.
        FormErrors.Add(ModelState, errors, new Dictionary<string, string> { ["taskId"] = "" });
        FailedForm = "progress";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The assigning level asks the lead agency to explain the late task (POST /api/v1/tasks/{id}/explanation-requests).</summary>
    public async Task<IActionResult> OnPostExplainAsync(int id, CancellationToken ct)
    {
        if (!CanAssign)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var errors = new List<RuleViolation>();
        DateOnly? deadline = null;
        if (!string.IsNullOrWhiteSpace(Explain.Deadline))
        {
            if (Display.TryParseDate(Explain.Deadline, out var d))
            {
                deadline = d;
            }
            else
            {
                errors.Add(new("deadline", Display.InvalidDate("Hạn giải trình")));
            }
        }

        if (errors.Count == 0)
        {
            var result = await service.RequestExplanationAsync(id, new ExplanationRequestInput(deadline, Explain.Message), ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Forbidden is not null)
            {
                return Forbid();
            }

            if (result.Value is { } request)
            {
                TempData["Success"] = $"Đã gửi yêu cầu giải trình, hạn ngày {Display.Date(request.Deadline)}.";
                return Redirect($"/tasks/{id}");
            }

            errors.AddRange(result.Errors);
        }

        FormErrors.Add(ModelState, errors, new Dictionary<string, string> { ["taskId"] = "", ["deadline"] = "Explain.Deadline", ["message"] = "Explain.Message" });
        FailedForm = "explain";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The lead agency answers a request (POST /api/v1/tasks/{id}/explanation-requests/{requestId}/answer).</summary>
    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct)
    {
        if (!CanAssign)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await service.AnswerExplanationAsync(id, Answer.RequestId ?? 0, Answer.Text, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden is not null)
        {
            return Forbid();
        }

        if (result.Value is not null)
        {
            TempData["Success"] = "Đã gửi nội dung giải trình.";
            return Redirect($"/tasks/{id}");
        }

        ModelState.Clear();
        FormErrors.Add(ModelState, result.Errors, new Dictionary<string, string> { ["answer"] = "Answer.Text" });
        FailedForm = "answer";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = Display.Today(time);
        // Out of scope is the same as unknown: the query sees only tasks the caller may see.
        if (await PlanQueries.GetTaskAsync(db, id, Today, ct) is not { } task)
        {
            return false;
        }

        Item = task;
        CanSetStatus = CanAssign && await service.MaySetStatusAsync(task.DocumentId, task.ParentTaskId, ct);
        Reports = await db.TaskProgress.AsNoTracking().Where(p => p.TaskId == id)
            .OrderByDescending(p => p.Date).ThenByDescending(p => p.Id)
            .Select(p => new ProgressView(p.Id, p.TaskId, p.Date, p.Text, p.Percent, p.ReportedBy, p.Reason)).ToListAsync(ct);
        ParentTask = task.ParentTaskId is { } parent ? await PlanQueries.GetTaskAsync(db, parent, Today, ct) : null;
        Tree = await PlanQueries.TreeBelowAsync(db, id, Today, ct);
        var nodes = Tree.Select(n => new RollUpNode(n.Task.Id, n.Task.ParentTaskId, n.Task.Status switch
        {
            "done" => TaskState.Done,
            "cancelled" => TaskState.Cancelled,
            _ => TaskState.InProgress,
        }, n.Task.Percent)).ToList();
        RollUps = nodes.Select(n => n.ParentId).OfType<int>().Distinct().ToDictionary(p => p, p => TaskRules.RollUp(p, nodes));
        CanRequestExplanation = CanAssign && await service.MayRequestExplanationAsync(task.DocumentId, task.ParentTaskId, ct);
        CanAnswerExplanation = CanAssign && await service.MayAnswerExplanationAsync(task.LeadAgencyId, ct);
        ImplementingDocuments = (await db.DocumentLinks.AsNoTracking().Where(l => l.ParentId == task.DocumentId)
                .OrderBy(l => l.Child!.IssuedOn).Select(l => new { l.Child!.Id, l.Child.Number, l.Child.Issuer }).ToListAsync(ct))
            .Select(d => (d.Id, d.Number, d.Issuer)).ToList();
        var ids = task.CoordinatingAgencyIds.ToList();
        Files = await attachments.ForTaskAsync(id, ct);
        var successors = await PlanQueries.SuccessorNamesAsync(db, ids, Today, ct);
        Coordinators = (await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Path).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => PlanDisplay.Agency(a.Name, successors.GetValueOrDefault(a.Id))).ToList();
        return true;
    }
}
