using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record TaskListResponse(IReadOnlyList<TaskView> Items, int Total);

/// <summary>A target measured today: the value on its baseline (or on the document's date), the actual, the status and why.</summary>
public sealed record TargetStatusResponse(
    int TargetId, string? IndicatorCode, decimal? BaselineValue, decimal? Actual, decimal? TargetValue, DateOnly? Deadline, string Status, string Explanation);

/// <summary>Documents of the cascade with their targets and tasks, and progress on the tasks.</summary>
public static class PlansApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Plans");
        documents.MapGet("", ListDocumentsAsync).WithName("ListDocuments").WithSummary("Documents of the cascade (search by number, title or issuer).");
        documents.MapGet("/{id:int}", GetDocumentAsync).WithName("GetDocument").WithSummary("A document with its targets, tasks (in the caller's scope) and childIds.");
        documents.MapPost("", CreateDocumentAsync).WithName("CreateDocument").WithSummary("Record a document and the documents it implements (parentIds).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<DocumentRequest>("application/json");
        documents.MapGet("/{id:int}/targets/status", TargetStatusAsync).WithName("GetTargetStatus")
            .WithSummary("Each target measured today in the caller's scope: baseline value, actual, target, deadline, status (achieved, on_track, at_risk, missed, not_measurable) and a sentence that explains it.");
        documents.MapPost("/{id:int}/targets", AddTargetAsync).WithName("AddTarget")
            .WithSummary("Add a target to a document: the indicator it is measured by (or free text), its scope, baseline, direction, value and deadline.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<TargetRequest>("application/json");
        documents.MapPost("/{id:int}/tasks", AddTaskAsync).WithName("AddTask")
            .WithSummary("Assign a task: content, lead and coordinating agencies, a deadline or a recurrence, the expected output.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<TaskRequest>("application/json");

        var tasks = api.MapGroup("/tasks").WithTags("Plans");
        tasks.MapGet("", ListTasksAsync).WithName("ListTasks")
            .WithSummary("Tasks in the caller's scope; agencyId (led or coordinated by its subtree), status (late is derived), dueBefore, documentId; late and due soon first.");
        tasks.MapGet("/{id:int}", GetTaskAsync).WithName("GetTask").WithSummary("A task in the caller's scope, with its derived status.");
        tasks.MapPost("/{id:int}/status", SetStatusAsync).WithName("SetTaskStatus")
            .WithSummary("Set a task's status: not_started, in_progress, done or cancelled (late is derived).").RequireAuthorization(WebApp.UnitCreatePolicy)
            .DescribesBody<TaskStatusRequest>("application/json");
        tasks.MapPost("/{id:int}/progress", AddProgressAsync).WithName("AddTaskProgress")
            .WithSummary("Report progress on a task: date, text, percent; a report below 100% after one at 100% needs a reason.")
            .RequireAuthorization(WebApp.UnitEditPolicy)
            .DescribesBody<ProgressRequest>("application/json");
        tasks.MapPost("/{id:int}/explanation-requests", RequestExplanationAsync).WithName("RequestTaskExplanation")
            .WithSummary("Ask the lead agency to explain a late task (yêu cầu giải trình) by a deadline; the assigning level, or a level above it, asks.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<ExplanationRequestRequest>("application/json");
        tasks.MapPost("/{id:int}/explanation-requests/{requestId:int}/answer", AnswerExplanationAsync).WithName("AnswerTaskExplanation")
            .WithSummary("Answer an explanation request, once; the task's lead agency, or a level above it, answers.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<ExplanationAnswerRequest>("application/json");
    }

    private static async Task<Results<Created<ExplanationRequestView>, ValidationProblem, ProblemHttpResult>> RequestExplanationAsync(
        int id, [FromBody] JsonElement body, PlanService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new ExplanationRequestInput(f.Date("deadline"), f.String("message"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.RequestExplanationAsync(id, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy nhiệm vụ.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Created($"/api/v1/tasks/{id}", view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Ok<ExplanationRequestView>, ValidationProblem, ProblemHttpResult>> AnswerExplanationAsync(
        int id, int requestId, [FromBody] JsonElement body, PlanService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var answer = f.String("answer");
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AnswerExplanationAsync(id, requestId, answer, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy yêu cầu giải trình của nhiệm vụ này.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Ok(view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Ok<IReadOnlyList<DocumentSummary>>> ListDocumentsAsync(SuNghiepDbContext db, string? search, CancellationToken ct) =>
        TypedResults.Ok(await PlanQueries.ListDocumentsAsync(db, search, ct));

    private static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> GetDocumentAsync(int id, SuNghiepDbContext db, TimeProvider time, CancellationToken ct) =>
        await PlanQueries.GetDocumentAsync(db, id, Core.VietnamTime.Today(time), ct) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound("Không tìm thấy văn bản.");

    private static async Task<Results<Ok<IReadOnlyList<TargetStatusResponse>>, ProblemHttpResult>> TargetStatusAsync(
        int id, TargetStatuses statuses, CancellationToken ct) =>
        await statuses.ForDocumentAsync(id, ct) is { } measured
            ? TypedResults.Ok<IReadOnlyList<TargetStatusResponse>>(measured.Select(m => new TargetStatusResponse(
                m.TargetId, m.IndicatorCode, m.BaselineValue, m.Actual, m.TargetValue, m.Deadline, m.Status, m.Explanation)).ToList())
            : Problems.NotFound("Không tìm thấy văn bản.");

    private static async Task<Results<Created<DocumentView>, ValidationProblem>> CreateDocumentAsync([FromBody] JsonElement body, PlanService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new DocumentInput(f.String("type"), f.String("number"), f.String("issuer"), f.Date("issuedOn"), f.String("title"),
            f.String("signer"), f.Ints("parentIds"), f.String("notes"), f.Int("issuerAgencyId"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.CreateDocumentAsync(input, ct);
        return result.Value is { } view ? TypedResults.Created($"/api/v1/documents/{view.Id}", view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Created<TargetView>, ValidationProblem, ProblemHttpResult>> AddTargetAsync(
        int id, [FromBody] JsonElement body, PlanService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var baseline = f.Object("baseline");
        var input = new TargetInput(f.String("indicatorCode"), f.String("text"), f.String("areaCode"), f.Int("agencyId"),
            baseline?.Date("from") ?? f.Date("baselineFrom"), baseline?.Date("to") ?? f.Date("baselineTo"), f.String("direction"),
            f.Decimal("value"), f.String("valueUnit"), f.Date("deadline"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddTargetAsync(id, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy văn bản.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Created($"/api/v1/documents/{id}", view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Created<TaskView>, ValidationProblem, ProblemHttpResult>> AddTaskAsync(
        int id, [FromBody] JsonElement body, PlanService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var recurrence = f.Object("recurrence");
        var input = new TaskInput(f.String("content"), f.String("section"), f.Int("leadAgencyId"), f.Ints("coordinatingAgencyIds"),
            f.Date("deadline"), recurrence is null ? null : new RecurrenceInput(recurrence.String("kind"), recurrence.Int("day"), recurrence.Int("month")),
            f.String("expectedOutput"), f.String("status"), f.Int("parentTaskId"), f.Date("assignedOn"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddTaskAsync(id, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy văn bản.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Created($"/api/v1/tasks/{view.Id}", view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Ok<TaskListResponse>, ValidationProblem>> ListTasksAsync(
        SuNghiepDbContext db, TimeProvider time, string? agencyId, string? status, string? dueBefore, string? documentId, string? page, string? pageSize,
        CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var agency = Requests.Int(agencyId, "agencyId", errors);
        var document = Requests.Int(documentId, "documentId", errors);
        var before = UnitsApi.ParseDate(dueBefore, "dueBefore", errors);
        if (status is { Length: > 0 } s && s is not ("not_started" or "in_progress" or "done" or "late" or "cancelled"))
        {
            errors.Add(new("status", "Trạng thái phải là chưa bắt đầu, đang thực hiện, hoàn thành, quá hạn hoặc đã hủy."));
        }

        var pageNumber = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 50;
        if (pageNumber < 1 || size < 1)
        {
            errors.Add(new("page", "Trang và số dòng mỗi trang phải từ 1 trở lên."));
        }

        // Beyond it, (page - 1) x page size overflows and the list would silently start again at page 1.
        if (pageNumber > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await PlanQueries.ListTasksAsync(db, new PlanQueries.TaskFilter(agency, status, before, pageNumber, size, document), Core.VietnamTime.Today(time), ct);
        return TypedResults.Ok(new TaskListResponse(items, total));
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> GetTaskAsync(int id, SuNghiepDbContext db, TimeProvider time, CancellationToken ct) =>
        await PlanQueries.GetTaskAsync(db, id, Core.VietnamTime.Today(time), ct) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound("Không tìm thấy nhiệm vụ.");

    private static async Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(
        int id, [FromBody] JsonElement body, PlanService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var status = f.String("status");
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.SetStatusAsync(id, status, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy nhiệm vụ.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Ok(view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Created<ProgressView>, ValidationProblem, ProblemHttpResult>> AddProgressAsync(
        int id, [FromBody] JsonElement body, PlanService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new ProgressInput(f.Date("date"), f.String("text"), f.Int("percent"), f.String("reason"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddProgressAsync(id, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy nhiệm vụ.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Created($"/api/v1/tasks/{id}", view) : Problems.Invalid(result.Errors);
    }
}
