using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>
/// Assigns a task of a document (POST /api/v1/documents/{id}/tasks); with ?parentTaskId= it is the sub-task a lower
/// level creates to carry out a task of the level above.
/// </summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class TaskCreateModel(SuNghiepDbContext db, PlanService service, TimeProvider time) : PageModel
{
    public sealed record InputModel
    {
        public string? Section { get; init; }
        public string? Content { get; init; }
        public string? LeadAgencyId { get; init; }
        public List<string> CoordinatingAgencyIds { get; init; } = [];
        /// <summary>deadline, recurrence or none.</summary>
        public string? Timing { get; init; }
        public string? Deadline { get; init; }
        public string? RecurrenceKind { get; init; }
        public string? RecurrenceDay { get; init; }
        public string? RecurrenceMonth { get; init; }
        public string? ExpectedOutput { get; init; }
        public string? Status { get; init; }
        public string? AssignedOn { get; init; }
        public string? ParentTaskId { get; init; }
    }

    public static readonly IReadOnlyList<(string Value, string Label)> RecurrenceKinds =
        [("yearly", "Hằng năm"), ("half-yearly", "6 tháng một lần"), ("quarterly", "Hằng quý"), ("monthly", "Hằng tháng")];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DocumentSummary Document { get; private set; } = null!;
    public TaskView? ParentTask { get; private set; }
    /// <summary>The names of the lead and the coordinating agencies chosen, for their pickers and chips.</summary>
    public PickerLabels Labels { get; private set; } = PickerLabels.None;

    /// <summary>The ids of the coordinating agencies chosen, shown as chips; what was typed and not resolved stays in the field.</summary>
    public List<string> Coordinators { get; private set; } = [];
    public string? CoordinatorText { get; private set; }

    /// <summary>The chip removed without JavaScript: the form comes back without it, nothing checked or saved.</summary>
    [BindProperty(Name = "removeCoordinator")]
    public string? RemoveCoordinator { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? parentTaskId, CancellationToken ct)
    {
        if (!await LoadAsync(id, parentTaskId, ct))
        {
            return NotFound();
        }

        if (!await service.MayWriteDocumentAsync(id, ct))
        {
            return Forbid();
        }

        var today = Display.Today(time);
        Input = new InputModel
        {
            Timing = "deadline", Status = "not_started", RecurrenceKind = "yearly", RecurrenceDay = "15", RecurrenceMonth = "12",
            AssignedOn = Display.DateInput(today < Document.IssuedOn ? Document.IssuedOn : today),
            ParentTaskId = parentTaskId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Content = ParentTask?.Content, ExpectedOutput = ParentTask?.ExpectedOutput,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var values = new FormValues();
        var parentId = values.Whole(Input.ParentTaskId, "parentTaskId", "Nhiệm vụ cấp trên không hợp lệ.");
        if (!await LoadAsync(id, parentId, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        // The pickers send ids; typed without JavaScript, a name or code is read as the counts filter reads it.
        var today = Display.Today(time);
        var lead = await Pickers.AgencyFieldAsync(db, Input.LeadAgencyId, "leadAgencyId", values.Errors, ct, new AgencyChoice(false, today));
        var coordinating = new List<string>();
        var unresolved = new List<string>();
        foreach (var text in Input.CoordinatingAgencyIds.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()))
        {
            if (await Pickers.AgencyFieldAsync(db, text, "coordinatingAgencyIds", values.Errors, ct, new AgencyChoice(true, today)) is { } value)
            {
                coordinating.Add(value);
            }
            else
            {
                unresolved.Add(text);
            }
        }

        coordinating = coordinating.Distinct().ToList();
        if (RemoveCoordinator is { } removed)
        {
            // A change to the form itself, not a submission.
            Input = Input with
            {
                LeadAgencyId = lead ?? Input.LeadAgencyId,
                CoordinatingAgencyIds = coordinating.Where(c => c != removed.Trim()).Concat(unresolved).ToList(),
            };
            await LabelAsync(ct);
            return Page();
        }

        // Shown again as resolved: an id with its name, or what was typed with its message.
        Input = Input with { LeadAgencyId = lead ?? Input.LeadAgencyId, CoordinatingAgencyIds = coordinating.Concat(unresolved).ToList() };
        var timing = Input.Timing ?? "deadline";
        var deadline = values.Date(Input.Deadline, "deadline", "Thời hạn");
        if (timing == "deadline" && deadline is null && values.Errors.Count == 0)
        {
            values.Errors.Add(new("deadline", "Vui lòng chọn thời hạn, hoặc chọn \"Định kỳ\" hay \"Không ghi thời hạn\"."));
        }

        RecurrenceInput? recurrence = timing == "recurrence"
            ? new RecurrenceInput(Input.RecurrenceKind,
                values.Whole(Input.RecurrenceDay, "recurrence.day", "Ngày đến hạn phải là số từ 1 đến 31."),
                values.Whole(Input.RecurrenceMonth, "recurrence.month", "Tháng đến hạn phải là số từ 1 đến 12."))
            : null;
        var input = new TaskInput(
            Input.Content, Input.Section, values.Whole(lead, "leadAgencyId", "Cơ quan chủ trì không hợp lệ."),
            values.Ids(coordinating, "coordinatingAgencyIds", "Cơ quan phối hợp không hợp lệ."),
            timing == "deadline" ? deadline : null, recurrence, Input.ExpectedOutput, Input.Status, parentId,
            values.Date(Input.AssignedOn, "assignedOn", "Ngày giao"));
        if (values.Errors.Count > 0)
        {
            // What the form could not read is reported with what the service finds in the rest, not one after the other.
            values.Errors.AddRange((await service.ValidateTaskAsync(id, input, ct)).Where(e => values.Errors.All(x => x.Field != e.Field)));
        }
        else
        {
            var result = await service.AddTaskAsync(id, input, ct);
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
                TempData["Success"] = $"Đã giao nhiệm vụ cho {task.LeadAgencyName}.";
                return Redirect(parentId is null ? $"/documents/{id}" : $"/tasks/{task.Id}");
            }

            values.Errors.AddRange(result.Errors);
        }

        FormErrors.Add(ModelState, values.Errors, new Dictionary<string, string>
        {
            ["recurrence.kind"] = "Input.RecurrenceKind", ["recurrence.day"] = "Input.RecurrenceDay", ["recurrence.month"] = "Input.RecurrenceMonth",
        });
        await LabelAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LabelAsync(CancellationToken ct)
    {
        Labels = await Pickers.LabelsAsync(db, Input.CoordinatingAgencyIds.Append(Input.LeadAgencyId), [], ct);
        Coordinators = Input.CoordinatingAgencyIds.Where(c => Labels.Agency(c) is not null).ToList();
        var typed = Input.CoordinatingAgencyIds.Where(c => Labels.Agency(c) is null).ToList();
        CoordinatorText = typed.Count == 0 ? null : string.Join("; ", typed);
    }

    private async Task<bool> LoadAsync(int id, int? parentTaskId, CancellationToken ct)
    {
        if (await PlanQueries.GetSummaryAsync(db, id, ct) is not { } document)
        {
            return false;
        }

        Document = document;
        var today = Display.Today(time);
        if (parentTaskId is { } parent)
        {
            ParentTask = await PlanQueries.GetTaskAsync(db, parent, today, ct);
        }

        return true;
    }
}
