using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Plans;

/// <summary>Documents of the cascade, their targets and tasks, and progress on the tasks; the context audits each change.</summary>
public sealed class PlanService(SuNghiepDbContext db, TimeProvider time)
{
    private DateOnly Today => VietnamTime.Today(time);

    public async Task<PlanResult<DocumentView>> CreateDocumentAsync(DocumentInput input, CancellationToken ct = default)
    {
        var errors = new List<RuleViolation>();
        var type = PlanCatalog.ParseType(input.Type);
        if (type is null)
        {
            errors.Add(new("type", $"Loại văn bản phải là một trong: {string.Join(", ", PlanCatalog.DocumentTypes.Select(t => t.Code))}."));
        }

        Required(errors, "number", input.Number, "Vui lòng nhập số, ký hiệu văn bản (ví dụ 62-KL/TW).", 64);
        Required(errors, "issuer", input.Issuer, "Vui lòng nhập cơ quan ban hành.", 250);
        Required(errors, "title", input.Title, "Vui lòng nhập trích yếu.", 1000);
        if (input.IssuedOn is not { } issued)
        {
            errors.Add(new("issuedOn", "Vui lòng nhập ngày ban hành."));
        }
        else if (issued < UnitRules.EarliestDate || issued > Today)
        {
            errors.Add(new("issuedOn", "Ngày ban hành không hợp lệ."));
        }

        var parents = input.ParentIds.Distinct().ToList();
        var found = await db.Documents.Where(d => parents.Contains(d.Id)).Select(d => new { d.Id, d.IssuedOn }).ToListAsync(ct);
        foreach (var missing in parents.Except(found.Select(f => f.Id)))
        {
            errors.Add(new("parentIds", $"Không có văn bản id {missing}."));
        }

        if (input.IssuedOn is { } date && found.Any(f => f.IssuedOn > date))
        {
            errors.Add(new("parentIds", "Văn bản triển khai không thể ban hành trước văn bản mà nó triển khai."));
        }

        TextChecks.Check(errors,
            ("number", "Số, ký hiệu văn bản", input.Number, false), ("issuer", "Cơ quan ban hành", input.Issuer, false),
            ("title", "Trích yếu", input.Title, true), ("signer", "Người ký", input.Signer, false), ("notes", "Ghi chú", input.Notes, true));
        TextChecks.Lengths(errors, ("signer", "Người ký", input.Signer, 200), ("notes", "Ghi chú", input.Notes, 4000));

        // A document is recorded in the name of an agency the caller answers for; a central body's, by the administrator.
        if (input.IssuerAgencyId is { } issuerAgency)
        {
            if (await PlaceAsync(issuerAgency, ct) is not { } place)
            {
                errors.Add(new("issuerAgencyId", "Cơ quan ban hành không có trong danh mục cơ quan."));
            }
            else if (!Permissions.MayActFor(db.Scope, place))
            {
                errors.Add(new("issuerAgencyId", "Chỉ ghi được văn bản do cơ quan thuộc phạm vi được giao của tài khoản ban hành."));
            }
        }
        else if (!Permissions.MayActFor(db.Scope, null))
        {
            errors.Add(new("issuerAgencyId", "Vui lòng chọn cơ quan ban hành trong danh mục, thuộc phạm vi được giao của tài khoản (văn bản của cơ quan trung ương do quản trị hệ thống ghi)."));
        }

        var number = input.Number?.Trim();
        if (number is not null && input.IssuedOn is { } on && await db.Documents.AnyAsync(d => d.Number == number && d.IssuedOn == on, ct))
        {
            errors.Add(new("number", $"Văn bản {number} ngày {on:dd/MM/yyyy} đã có."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var document = new PlanDocument
        {
            Type = type!.Value, Number = number!, Issuer = input.Issuer!.Trim(), IssuedOn = input.IssuedOn!.Value, Title = input.Title!.Trim(),
            Signer = Trim(input.Signer), Notes = Trim(input.Notes), IssuerAgencyId = input.IssuerAgencyId, CreatedAt = time.GetUtcNow().UtcDateTime,
            Parents = parents.Select(p => new DocumentLink { ParentId = p }).ToList(),
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        return new(await PlanQueries.GetDocumentAsync(db, document.Id, Today, ct), []);
    }

    public Task<PlanResult<TargetView>> AddTargetAsync(int documentId, TargetInput input, CancellationToken ct = default) =>
        TargetAsync(documentId, input, save: true, ct);

    /// <summary>The problems AddTargetAsync would find, without saving.</summary>
    public async Task<IReadOnlyList<RuleViolation>> ValidateTargetAsync(int documentId, TargetInput input, CancellationToken ct = default) =>
        (await TargetAsync(documentId, input, save: false, ct)).Errors;

    private async Task<PlanResult<TargetView>> TargetAsync(int documentId, TargetInput input, bool save, CancellationToken ct)
    {
        var issuer = await db.Documents.Where(d => d.Id == documentId).Select(d => new { d.IssuerAgencyId }).FirstOrDefaultAsync(ct);
        if (issuer is null)
        {
            return new(null, [], NotFound: true);
        }

        if (!Permissions.MayActFor(db.Scope, await PlaceAsync(issuer.IssuerAgencyId, ct)))
        {
            return new(null, [], Forbidden: DocumentOwned);
        }

        var errors = new List<RuleViolation>();
        TextChecks.Check(errors, ("text", "Nội dung chỉ tiêu", input.Text, true));
        if (input.IndicatorCode is { Length: > 0 } code && PlanCatalog.Indicators.All(i => i.Code != code))
        {
            errors.Add(new("indicatorCode", $"Chỉ số phải là một trong: {string.Join(", ", PlanCatalog.Indicators.Select(i => i.Code))}, hoặc để trống."));
        }

        Required(errors, "text", input.Text, "Vui lòng nhập nội dung chỉ tiêu như văn bản ghi.", 2000);
        if (input.Direction is { Length: > 0 } direction && !PlanCatalog.Directions.Contains(direction))
        {
            errors.Add(new("direction", "Chiều của chỉ tiêu phải là giảm, tăng, đạt ít nhất hoặc không quá."));
        }

        if (input.IndicatorCode is { Length: > 0 } && (input.Value is null || input.Direction is null || input.Deadline is null))
        {
            errors.Add(new("value", "Chỉ tiêu đo bằng chỉ số cần chiều, giá trị và thời hạn."));
        }

        // A change is measured against something: "giảm 10% so với năm 2021" has no meaning without the year.
        if (input.IndicatorCode is { Length: > 0 } && input.Direction is "decrease" or "increase" && input.BaselineFrom is null)
        {
            errors.Add(new("baselineFrom", "Chỉ tiêu tăng, giảm cần kỳ gốc (ngày, năm hoặc giai đoạn so sánh)."));
        }

        if (input.ValueUnit is { Length: > 0 } unit && unit is not ("percent" or "count"))
        {
            errors.Add(new("valueUnit", "Đơn vị tính của giá trị là phần trăm hoặc số lượng."));
        }

        if (input.Value is { } value && PlanRanges.TargetValue(value, input.ValueUnit) is { } outOfRange)
        {
            errors.Add(outOfRange);
        }

        if (input.BaselineFrom is { } from && input.BaselineTo is { } to && to < from)
        {
            errors.Add(new("baselineTo", "Kỳ gốc: ngày kết thúc phải sau ngày bắt đầu."));
        }

        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
        {
            errors.Add(new("agencyId", "Cơ quan không tồn tại."));
        }

        if (input.AreaCode is { Length: > 0 } area && !await db.Areas.AnyAsync(a => a.Code == area, ct))
        {
            errors.Add(new("areaCode", $"Không có địa bàn mã \"{area}\"."));
        }

        if (errors.Count > 0 || !save)
        {
            return new(null, errors);
        }

        var target = new PlanTarget
        {
            DocumentId = documentId, IndicatorCode = Trim(input.IndicatorCode), Text = input.Text!.Trim(), AreaCode = Trim(input.AreaCode),
            AgencyId = input.AgencyId, BaselineFrom = input.BaselineFrom, BaselineTo = input.BaselineTo, Direction = Trim(input.Direction),
            Value = input.Value, ValueUnit = Trim(input.ValueUnit), Deadline = input.Deadline,
        };
        db.Targets.Add(target);
        await db.SaveChangesAsync(ct);
        return new(PlanQueries.View(target), []);
    }

    public Task<PlanResult<TaskView>> AddTaskAsync(int documentId, TaskInput input, CancellationToken ct = default) =>
        TaskAsync(documentId, input, save: true, ct);

    /// <summary>
    /// The problems AddTaskAsync would find, without saving: a form that has problems of its own (a date it could not
    /// read) shows these beside them, all at once.
    /// </summary>
    public async Task<IReadOnlyList<RuleViolation>> ValidateTaskAsync(int documentId, TaskInput input, CancellationToken ct = default) =>
        (await TaskAsync(documentId, input, save: false, ct)).Errors;

    private async Task<PlanResult<TaskView>> TaskAsync(int documentId, TaskInput input, bool save, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return new(null, [], NotFound: true);
        }

        // Tasks are assigned by the document's issuing agency; a lower level writes its sub-tasks in its own document.
        if (!Permissions.MayActFor(db.Scope, await PlaceAsync(document.IssuerAgencyId, ct)))
        {
            return new(null, [], Forbidden: DocumentOwned);
        }

        var errors = new List<RuleViolation>();
        Required(errors, "content", input.Content, "Vui lòng nhập nội dung nhiệm vụ.", 4000);
        TextChecks.Check(errors,
            ("content", "Nội dung nhiệm vụ", input.Content, true), ("section", "Mục", input.Section, false),
            ("expectedOutput", "Sản phẩm dự kiến", input.ExpectedOutput, true));
        var lead = input.LeadAgencyId is { } leadId ? await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == leadId, ct) : null;
        if (lead is null)
        {
            errors.Add(new("leadAgencyId", input.LeadAgencyId is null ? "Vui lòng chọn cơ quan chủ trì." : "Cơ quan chủ trì không tồn tại."));
        }
        else if (!await AssignableAsync(lead, ct))
        {
            errors.Add(new("leadAgencyId", "Cơ quan chủ trì nằm ngoài phạm vi được giao của tài khoản."));
        }

        var coordinators = input.CoordinatingAgencyIds.Distinct().Where(id => id != input.LeadAgencyId).ToList();
        var existing = await db.Agencies.Where(a => coordinators.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        foreach (var missing in coordinators.Except(existing))
        {
            errors.Add(new("coordinatingAgencyIds", $"Không có cơ quan id {missing}."));
        }

        RecurrenceKind? kind = null;
        if (input.Recurrence is { } r)
        {
            kind = PlanCatalog.ParseRecurrence(r.Kind);
            if (kind is null)
            {
                errors.Add(new("recurrence.kind", "Chu kỳ phải là hằng tháng, hằng quý, 6 tháng một lần hoặc hằng năm."));
            }

            if (r.Day is not (>= 1 and <= 31))
            {
                errors.Add(new("recurrence.day", "Ngày đến hạn trong kỳ phải từ 1 đến 31."));
            }

            if (kind == RecurrenceKind.Yearly && r.Month is not (>= 1 and <= 12))
            {
                errors.Add(new("recurrence.month", "Tháng đến hạn hằng năm phải từ 1 đến 12."));
            }
        }

        if (input.Deadline is not null && input.Recurrence is not null)
        {
            errors.Add(new("deadline", "Nhiệm vụ có thời hạn hoặc chu kỳ, không đồng thời cả hai."));
        }

        var assignedOn = input.AssignedOn ?? document.IssuedOn;
        if (assignedOn < document.IssuedOn || assignedOn > Today)
        {
            errors.Add(new("assignedOn", $"Ngày giao phải từ ngày ban hành văn bản ({document.IssuedOn:dd/MM/yyyy}) đến hôm nay."));
        }

        if (input.Deadline is { } late && !InputLimits.IsPlausible(late))
        {
            errors.Add(new("deadline", InputLimits.DateMessage));
        }
        else if (input.Deadline is { } deadline && deadline < assignedOn)
        {
            errors.Add(new("deadline", $"Thời hạn không thể trước ngày giao ({assignedOn:dd/MM/yyyy})."));
        }

        if (input.Status?.Trim().ToLowerInvariant() == "late")
        {
            errors.Add(new("status", "Trạng thái Quá hạn được tính từ thời hạn, không nhập trực tiếp."));
        }

        var state = PlanCatalog.ParseState(input.Status);
        if (state is null && input.Status?.Trim().ToLowerInvariant() != "late")
        {
            errors.Add(new("status", "Trạng thái phải là chưa bắt đầu, đang thực hiện, hoàn thành hoặc đã hủy."));
        }

        // A parent out of the caller's scope is as unknown as one that does not exist.
        if (input.ParentTaskId is { } parent && !await db.PlanTasks.AnyAsync(t => t.Id == parent, ct))
        {
            errors.Add(new("parentTaskId", "Không có nhiệm vụ cấp trên này."));
        }

        Optional(errors, "expectedOutput", input.ExpectedOutput, 1000);
        Optional(errors, "section", input.Section, 64);
        await CheckNotEndedAsync(errors, lead?.Id, coordinators, assignedOn, ct);
        if (errors.Count > 0 || !save)
        {
            return new(null, errors);
        }

        var task = new PlanTask
        {
            DocumentId = documentId, Section = Trim(input.Section), Content = input.Content!.Trim(), LeadAgencyId = lead!.Id,
            Coordinators = coordinators.Select(a => new PlanTaskCoordinator { AgencyId = a }).ToList(), Deadline = input.Deadline,
            RecurrenceKind = kind, RecurrenceDay = input.Recurrence?.Day, RecurrenceMonth = kind == RecurrenceKind.Yearly ? input.Recurrence?.Month : null,
            ExpectedOutput = Trim(input.ExpectedOutput), State = state!.Value, AssignedOn = assignedOn, ParentTaskId = input.ParentTaskId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return new(await PlanQueries.GetTaskAsync(db, task.Id, Today, ct), []);
    }

    /// <summary>
    /// Sets the status a person decides: started, done, or cancelled (with the reason in the note); "late" is never set,
    /// it follows from the deadline. The change is audited with the task.
    /// </summary>
    public async Task<PlanResult<TaskView>> SetStatusAsync(int taskId, string? status, CancellationToken ct = default)
    {
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return new(null, [], NotFound: true);
        }

        if (!await MaySetStatusAsync(task.DocumentId, task.ParentTaskId, ct))
        {
            return new(null, [], Forbidden: "Trạng thái của nhiệm vụ do cấp giao nhiệm vụ (cơ quan ban hành văn bản, hoặc cơ quan chủ trì nhiệm vụ cấp trên) quyết định; cơ quan chủ trì báo cáo tiến độ, cơ quan phối hợp không đổi trạng thái.");
        }

        if (status?.Trim().ToLowerInvariant() == "late")
        {
            return new(null, [new("status", "Trạng thái Quá hạn được tính từ thời hạn, không nhập trực tiếp.")]);
        }

        if (string.IsNullOrWhiteSpace(status) || PlanCatalog.ParseState(status) is not { } state)
        {
            return new(null, [new("status", "Trạng thái phải là chưa bắt đầu, đang thực hiện, hoàn thành hoặc đã hủy.")]);
        }

        // The day it was finished is the day it was set done; a task taken back from done is not finished.
        task.CompletedOn = state == TaskState.Done ? task.State == TaskState.Done ? task.CompletedOn ?? Today : Today : null;
        task.State = state;
        await db.SaveChangesAsync(ct);
        return new(await PlanQueries.GetTaskAsync(db, taskId, Today, ct), []);
    }

    /// <summary>Records progress; 100% marks the task done, any report starts a task not yet started.</summary>
    public async Task<PlanResult<ProgressView>> AddProgressAsync(int taskId, ProgressInput input, CancellationToken ct = default)
    {
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<RuleViolation>();
        if (input.Date is not { } date)
        {
            errors.Add(new("date", "Vui lòng nhập ngày báo cáo."));
        }
        else if (date > Today)
        {
            errors.Add(new("date", "Ngày báo cáo không thể sau hôm nay."));
        }
        else if (date < task.AssignedOn)
        {
            errors.Add(new("date", $"Ngày báo cáo không thể trước ngày giao nhiệm vụ ({task.AssignedOn:dd/MM/yyyy})."));
        }

        Required(errors, "text", input.Text, "Vui lòng nhập nội dung tiến độ.", 4000);
        TextChecks.Check(errors, ("text", "Nội dung tiến độ", input.Text, true));
        if (input.Percent is not (>= 0 and <= 100))
        {
            errors.Add(new("percent", "Tỷ lệ hoàn thành phải từ 0 đến 100."));
        }

        if (task.State == TaskState.Cancelled)
        {
            errors.Add(new("taskId", "Nhiệm vụ đã hủy, không ghi tiến độ."));
        }

        // A report below 100% after one at 100% takes back what was reported done: it must say why.
        var lowers = input.Percent is { } pct && input.Date is { } on && TaskRules.LowersFinishedProgress(task.LastPercent, task.LastProgressOn, pct, on);
        if (lowers && string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add(new("reason", $"Tiến độ đã báo cáo 100% ngày {task.LastProgressOn:dd/MM/yyyy}; vui lòng nêu lý do điều chỉnh giảm."));
        }

        Optional(errors, "reason", input.Reason, 1000);
        TextChecks.Check(errors, ("reason", "Lý do điều chỉnh giảm", input.Reason, true));
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var progress = new TaskProgress
        {
            TaskId = taskId, Date = input.Date!.Value, Text = input.Text!.Trim(), Percent = input.Percent!.Value,
            ReportedBy = db.Actor.Name, Reason = Trim(input.Reason), CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.TaskProgress.Add(progress);
        if (task.LastProgressOn is null || progress.Date >= task.LastProgressOn)
        {
            task.LastProgressOn = progress.Date;
            task.LastPercent = progress.Percent;
        }

        // A recurring task goes on after each report; a one-off task is done at 100%, and no longer done when lowered.
        if (progress.Percent == 100 && task.RecurrenceKind is null)
        {
            task.CompletedOn = task.State == TaskState.Done ? task.CompletedOn ?? progress.Date : progress.Date;
            task.State = TaskState.Done;
        }
        else if (lowers && task.State == TaskState.Done)
        {
            task.State = TaskState.InProgress;
            task.CompletedOn = null;
        }
        else if (task.State == TaskState.NotStarted)
        {
            task.State = TaskState.InProgress;
        }

        await db.SaveChangesAsync(ct);
        return new(new ProgressView(progress.Id, taskId, progress.Date, progress.Text, progress.Percent, progress.ReportedBy, progress.Reason), []);
    }

    /// <summary>
    /// Yêu cầu giải trình: the assigning level (the document's issuing agency, or the parent task's lead) asks the lead
    /// agency to explain a task that is late, or was finished late, by a deadline. The lead agency's users are told at once
    /// and the notice stays unread until the answer.
    /// </summary>
    public async Task<PlanResult<ExplanationRequestView>> RequestExplanationAsync(int taskId, ExplanationRequestInput input, CancellationToken ct = default)
    {
        if (await PlanQueries.GetTaskAsync(db, taskId, Today, ct) is not { } task)
        {
            return new(null, [], NotFound: true);
        }

        if (!Permissions.MayRequestExplanation(db.Scope, await PlaceAsync(await AssignerAsync(task.DocumentId, task.ParentTaskId, ct), ct)))
        {
            return new(null, [], Forbidden: "Chỉ cấp giao nhiệm vụ (cơ quan ban hành văn bản, hoặc cơ quan chủ trì nhiệm vụ cấp trên) hoặc cấp trên của cấp đó được yêu cầu giải trình.");
        }

        var errors = new List<RuleViolation>();
        if (!task.Late && task.CompletedLateBy is null)
        {
            errors.Add(new("taskId", "Chỉ yêu cầu giải trình nhiệm vụ đang quá hạn hoặc đã hoàn thành quá hạn."));
        }

        if (input.Deadline is not { } deadline)
        {
            errors.Add(new("deadline", "Vui lòng nhập hạn giải trình."));
        }
        else if (deadline < Today)
        {
            errors.Add(new("deadline", "Hạn giải trình không thể trước hôm nay."));
        }
        else if (!InputLimits.IsPlausible(deadline))
        {
            errors.Add(new("deadline", InputLimits.DateMessage));
        }

        Required(errors, "message", input.Message, "Vui lòng nhập nội dung yêu cầu giải trình.", 2000);
        TextChecks.Check(errors, ("message", "Nội dung yêu cầu giải trình", input.Message, true));
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var assigner = await AssignerAsync(task.DocumentId, task.ParentTaskId, ct);
        var request = new TaskExplanationRequest
        {
            TaskId = taskId, RequestedByAgencyId = assigner, Message = input.Message!.Trim(), Deadline = input.Deadline!.Value,
            RequestedBy = db.Actor.Name, RequestedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ExplanationRequests.Add(request);
        await AddNoticesAsync(task.LeadAgencyId, taskId, NotificationKind.ExplanationRequested, request.Deadline,
            ReminderService.ExplanationRequestedMessage(task.Content, task.DocumentNumber, request.Deadline), ct);
        await db.SaveChangesAsync(ct);
        return new(await ExplanationAsync(request.Id, ct), []);
    }

    /// <summary>
    /// The lead agency (or a level above it) answers a request once; the request's notices are then read, and the
    /// requesting agency's users are told of the answer.
    /// </summary>
    public async Task<PlanResult<ExplanationRequestView>> AnswerExplanationAsync(int taskId, int requestId, string? answer, CancellationToken ct = default)
    {
        // Out of scope is the same as unknown: the task filter decides.
        var task = await db.PlanTasks.AsNoTracking().Where(t => t.Id == taskId)
            .Select(t => new { t.Id, t.LeadAgencyId, t.Content, t.Document!.Number }).FirstOrDefaultAsync(ct);
        var request = task is null ? null : await db.ExplanationRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.TaskId == taskId, ct);
        if (task is null || request is null)
        {
            return new(null, [], NotFound: true);
        }

        if (!Permissions.MayAnswerExplanation(db.Scope, await PlaceAsync(task.LeadAgencyId, ct)))
        {
            return new(null, [], Forbidden: "Chỉ cơ quan chủ trì nhiệm vụ (hoặc cấp trên của cơ quan đó) được giải trình.");
        }

        var errors = new List<RuleViolation>();
        if (request.Answer is not null)
        {
            errors.Add(new("answer", $"Yêu cầu này đã được giải trình lúc {VietnamTime.FromUtc(request.AnsweredAt!.Value):HH:mm dd/MM/yyyy}."));
        }
        else
        {
            Required(errors, "answer", answer, "Vui lòng nhập nội dung giải trình.", 4000);
            TextChecks.Check(errors, ("answer", "Nội dung giải trình", answer, true));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        request.Answer = answer!.Trim();
        request.AnsweredBy = db.Actor.Name;
        request.AnsweredAt = now;
        foreach (var notice in await db.Notifications.IgnoreQueryFilters()
                     .Where(n => n.TaskId == taskId && n.Kind == NotificationKind.ExplanationRequested && n.DueOn == request.Deadline && n.ReadAt == null)
                     .ToListAsync(ct))
        {
            notice.ReadAt = now;
        }

        if (request.RequestedByAgencyId is { } asker)
        {
            await AddNoticesAsync(asker, taskId, NotificationKind.ExplanationAnswered, Today,
                ReminderService.ExplanationAnsweredMessage(task.Content, task.Number), ct);
        }

        await db.SaveChangesAsync(ct);
        return new(await ExplanationAsync(request.Id, ct), []);
    }

    private async Task<ExplanationRequestView> ExplanationAsync(int id, CancellationToken ct) =>
        await db.ExplanationRequests.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new ExplanationRequestView(
                r.Id, r.TaskId, r.RequestedByAgencyId, r.RequestedByAgency != null ? r.RequestedByAgency.Name : null, r.Message, r.Deadline,
                r.RequestedBy, r.RequestedAt, r.Answer, r.AnsweredBy, r.AnsweredAt))
            .FirstAsync(ct);

    // One notice per user of the agency, as the reminder sweep makes them; one already there (same task, kind and date) is kept.
    private async Task AddNoticesAsync(int agencyId, int taskId, NotificationKind kind, DateOnly dueOn, string message, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.ScopeAgencyId == agencyId).Select(u => u.Id).ToListAsync(ct);
        var existing = await db.Notifications.IgnoreQueryFilters()
            .Where(n => users.Contains(n.UserId) && n.TaskId == taskId && n.Kind == kind && n.DueOn == dueOn).Select(n => n.UserId).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var user in users.Except(existing))
        {
            db.Notifications.Add(new Notification { UserId = user, TaskId = taskId, Kind = kind, DueOn = dueOn, Message = message, CreatedAt = now });
        }
    }

    /// <summary>The agency that assigned a task: the parent task's lead agency, or the document's issuing agency.</summary>
    private async Task<int?> AssignerAsync(int documentId, int? parentTaskId, CancellationToken ct) =>
        parentTaskId is { } parent
            ? await db.PlanTasks.IgnoreQueryFilters().Where(t => t.Id == parent).Select(t => (int?)t.LeadAgencyId).FirstOrDefaultAsync(ct)
            : await db.Documents.Where(d => d.Id == documentId).Select(d => d.IssuerAgencyId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// A task goes to agencies that still exist on the day it is assigned: after 1 July 2025 the district offices are
    /// gone and their work is their successors'. (An agency that began later may take over an earlier plan's tasks, as
    /// the merged provinces' departments did, so only the end is checked.)
    /// </summary>
    private async Task CheckNotEndedAsync(List<RuleViolation> errors, int? leadId, List<int> coordinatorIds, DateOnly on, CancellationToken ct)
    {
        var ids = coordinatorIds.Append(leadId ?? 0).ToList();
        var ended = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id) && a.ValidTo != null && a.ValidTo < on)
            .Select(a => new { a.Id, a.Name, a.ValidTo, Successor = a.Successor != null ? a.Successor.Name : null }).ToListAsync(ct);
        foreach (var a in ended.OrderBy(a => a.Id != leadId).ThenBy(a => a.Id))
        {
            var (field, role) = a.Id == leadId ? ("leadAgencyId", "Cơ quan chủ trì") : ("coordinatingAgencyIds", "Cơ quan phối hợp");
            errors.Add(new(field, $"{role} \"{a.Name}\" đã chấm dứt hoạt động từ ngày {a.ValidTo!.Value.AddDays(1):dd/MM/yyyy}"
                + (a.Successor is { } successor ? $"; hãy giao cho {successor}." : ".")));
        }
    }

    public const string DocumentOwned = "Văn bản, chỉ tiêu, nhiệm vụ và tệp đính kèm của văn bản thuộc cơ quan ban hành: chỉ tài khoản có phạm vi chứa cơ quan ban hành (hoặc quản trị hệ thống) được ghi thêm.";

    /// <summary>Whether the caller is the level that assigned the task: the parent task's lead agency, or the document's issuer.</summary>
    public async Task<bool> MaySetStatusAsync(int documentId, int? parentTaskId, CancellationToken ct = default) =>
        Permissions.MaySetTaskStatus(db.Scope, await PlaceAsync(await AssignerAsync(documentId, parentTaskId, ct), ct));

    /// <summary>Whether the caller is the level that assigned the task, or above it: who asks for an explanation.</summary>
    public async Task<bool> MayRequestExplanationAsync(int documentId, int? parentTaskId, CancellationToken ct = default) =>
        Permissions.MayRequestExplanation(db.Scope, await PlaceAsync(await AssignerAsync(documentId, parentTaskId, ct), ct));

    /// <summary>Whether the caller answers for the task's lead agency (or a level above it): who explains a late task.</summary>
    public async Task<bool> MayAnswerExplanationAsync(int leadAgencyId, CancellationToken ct = default) =>
        Permissions.MayAnswerExplanation(db.Scope, await PlaceAsync(leadAgencyId, ct));

    /// <summary>Whether the caller may write in the name of a document's issuing agency (targets, tasks, files).</summary>
    public async Task<bool> MayWriteDocumentAsync(int documentId, CancellationToken ct = default)
    {
        var issuer = await db.Documents.Where(d => d.Id == documentId).Select(d => d.IssuerAgencyId).FirstOrDefaultAsync(ct);
        return Permissions.MayActFor(db.Scope, await PlaceAsync(issuer, ct));
    }

    internal async Task<AgencyPlace?> PlaceAsync(int? agencyId, CancellationToken ct) =>
        agencyId is not { } id
            ? null
            : await db.Agencies.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new AgencyPlace(a.LineagePath, a.Area != null ? a.Area.LineagePath : null)).FirstOrDefaultAsync(ct);

    private async Task<bool> AssignableAsync(Agency agency, CancellationToken ct) =>
        db.Scope.Unrestricted
        || (db.Scope.AgencyPath is { } path && agency.LineagePath.StartsWith(path, StringComparison.Ordinal))
        || (db.Scope.AreaPath is { } area && agency.AreaId is { } areaId
            && await db.Areas.AnyAsync(a => a.Id == areaId && a.LineagePath.StartsWith(area), ct));

    private static void Required(List<RuleViolation> errors, string field, string? value, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
        else
        {
            Optional(errors, field, value, max);
        }
    }

    private static void Optional(List<RuleViolation> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new(field, $"Dài tối đa {max:N0} ký tự."));
        }
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
