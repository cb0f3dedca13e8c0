using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using SuNghiep.Core;
using SuNghiep.Core.Reporting;
using SuNghiep.Core.Reporting.Documents;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record PeriodItem(string Code, string Name, DateOnly From, DateOnly To, DateOnly Deadline);

public sealed record PeriodListResponse(IReadOnlyList<PeriodItem> Items);

public sealed record RegimeListResponse(IReadOnlyList<RegimeView> Items, IReadOnlyList<FormView> Forms);

public sealed record RequestListResponse(IReadOnlyList<RequestListItem> Items, int Total);

public sealed record ReportListResponse(IReadOnlyList<ReportListItem> Items, int Total);

/// <summary>Body of POST /api/v1/report-requests: a periodic regime takes a period code, an ad-hoc one a deadline (and a cut-off, today by default).</summary>
public sealed record ReportRequestBody(
    string? RegimeCode, string? PeriodCode, DateOnly? Deadline, DateOnly? CutOff, int[]? ReporterAgencyIds, int? RequesterAgencyId, string? Title, string? Notes);

/// <summary>Body of PUT /api/v1/reports/{id}: sections by outline key ("II.2"), corrections, the signing block; revision or If-Match.</summary>
public sealed record ReportBody(
    Dictionary<string, string?>? Sections, ReportCorrection[]? Corrections, int? Number, string? SignerAuthority, string? SignerCapacity,
    string? SignerName, DateOnly? SignedOn, int? Revision);

/// <summary>Body of POST /api/v1/reports/{id}/take-consolidated: the request the reporter issued to the level below.</summary>
public sealed record TakeConsolidatedBody(int? RequestId);

/// <summary>Body of POST /api/v1/reports/{id}/return: the comment, and comments by outline section key.</summary>
public sealed record ReturnBody(string? Comment, Dictionary<string, string>? Sections);

public sealed record ColumnResponse(string Header, string Kind);

public sealed record CellResponse(string Text, decimal? Value);

public sealed record RowResponse(IReadOnlyList<CellResponse> Cells, bool IsTotal, int Level);

/// <summary>An annex table: its number, title, unit line, columns (with their kind: text, count, percent, figure) and rows.</summary>
public sealed record AnnexResponse(string Number, string Title, string? UnitLine, IReadOnlyList<ColumnResponse> Columns, IReadOnlyList<RowResponse> Rows)
{
    public static AnnexResponse From(DocumentAnnex a) => new(
        a.Number, a.Title, a.Table.UnitLine,
        a.Table.Columns.Select(c => new ColumnResponse(c.Header, c.Kind.ToString().ToLowerInvariant())).ToList(),
        a.Table.Rows.Select(r => new RowResponse(r.Cells.Select(c => new CellResponse(c.Text, c.Value)).ToList(), r.IsTotal, r.Level)).ToList());

    public static IReadOnlyList<AnnexResponse> From(IEnumerable<DocumentAnnex> annexes) => annexes.Select(From).ToList();
}

public sealed record ReportResponse(
    int Id, int RequestId, string Title, string RegimeCode, string? PeriodCode, string? PeriodName, DateOnly CutOff, DateOnly Deadline,
    int RequesterAgencyId, string RequesterAgencyName, int ReporterAgencyId, string ReporterAgencyName, string Status, string StatusName,
    bool Frozen, IReadOnlyList<AnnexResponse> Tables, IReadOnlyList<AnnexResponse> Register, IReadOnlyList<FigureDifference> Differences,
    IReadOnlyList<ReportCorrection> Corrections, IReadOnlyList<SectionView> Sections, ReturnComments? Returned,
    int? Number, string? SignerAuthority, string? SignerCapacity, string? SignerName, DateOnly? SignedOn,
    DateTime? SubmittedAt, string? SubmittedBy, DateTime? ReturnedAt, string? ReturnedBy, DateTime? AcceptedAt, string? AcceptedBy,
    int DaysLate, IReadOnlyList<StepView> Steps, int Revision, bool MayEdit, bool MayReview)
{
    public static ReportResponse From(ReportView r) => new(
        r.Id, r.RequestId, r.Title, r.RegimeCode, r.PeriodCode, r.PeriodName, r.CutOff, r.Deadline, r.RequesterAgencyId, r.RequesterAgencyName,
        r.ReporterAgencyId, r.ReporterAgencyName, r.Status, r.StatusName, r.Frozen, AnnexResponse.From(r.Tables), AnnexResponse.From(r.Register),
        r.Differences, r.Corrections, r.Sections, r.Returned, r.Number, r.SignerAuthority, r.SignerCapacity, r.SignerName, r.SignedOn,
        r.SubmittedAt, r.SubmittedBy, r.ReturnedAt, r.ReturnedBy, r.AcceptedAt, r.AcceptedBy, r.DaysLate, r.Steps, r.Revision, r.MayEdit, r.MayReview);
}

public sealed record RemindResponse(int Late, int Notices);

public sealed record ConsolidatedAnnexResponse(
    string Number, string Title, AnnexResponse Summed, AnnexResponse ByReporter, IReadOnlyList<ConsolidationDifference> Differences);

public sealed record ConsolidatedResponse(
    RequestView Request, decimal TolerancePercent, IReadOnlyList<string> Reporters, int NotAccepted, IReadOnlyList<ConsolidatedAnnexResponse> Annexes,
    IReadOnlyList<ConsolidatedSection> Sections, int Flagged)
{
    public static ConsolidatedResponse From(ConsolidatedView v) => new(
        v.Request, v.TolerancePercent, v.Reporters, v.NotAccepted,
        v.Annexes.Select(a => new ConsolidatedAnnexResponse(a.Number, a.Title, AnnexResponse.From(new DocumentAnnex(a.Number, a.Title, a.Summed)),
            AnnexResponse.From(new DocumentAnnex(a.Number, a.Title, a.ByReporter)), a.Differences)).ToList(),
        v.Sections, v.Annexes.Sum(a => a.Differences.Count(d => d.OverTolerance)));
}

public static class ReportsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const decimal DefaultTolerance = 0m;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reporting-periods", Periods).WithTags("Reports").WithName("ListReportingPeriods")
            .WithSummary("Reporting periods of Decree 09/2019 for a frequency (month, quarter, half, nine-months, year) and year: code, name, "
                + "data cut-off from the 15th to the 14th, and the deadline of a level (province by default) moved to the next working day.");
        api.MapGet("/reporting-regimes", RegimesAsync).WithTags("Reports").WithName("ListReportingRegimes")
            .WithSummary("Reporting regimes (outline, annexes, reporter levels, deadlines by level) and the statistical forms' catalogue.");

        var requests = api.MapGroup("/report-requests").WithTags("Reports");
        requests.MapGet("", ListRequestsAsync).WithName("ListReportRequests")
            .WithSummary("Requests the caller's scope reaches: those its agencies issued and those addressed to them (the inbox).");
        requests.MapPost("", CreateRequestAsync).WithName("CreateReportRequest")
            .WithSummary("Issue a request for reports to agencies below the requester; a draft report is opened for each.")
            .RequireAuthorization(WebApp.UnitCreatePolicy);
        requests.MapGet("/{id:int}", GetRequestAsync).WithName("GetReportRequest").WithSummary("One request the caller's scope reaches.");
        requests.MapGet("/{id:int}/board", BoardAsync).WithName("ReportRequestBoard")
            .WithSummary("The requester's board: per reporter, submitted, late by how many days, returned or accepted.");
        requests.MapPost("/{id:int}/remind", RemindAsync).WithName("RemindLateReporters")
            .WithSummary("Remind every late reporter's users in the app (and by e-mail with the next sweep); once a day per user.")
            .RequireAuthorization(WebApp.UnitCreatePolicy);
        requests.MapGet("/{id:int}/consolidated", ConsolidatedAsync).WithName("ConsolidatedReport")
            .WithSummary("The accepted reports' tables summed beside the register's figures for the requester's scope (differences over "
                + "tolerance percent flagged), and their narrative by section and reporter.");

        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("", ListReportsAsync).WithName("ListReports")
            .WithSummary("Reports the caller's scope reaches (its own agencies' and those of its subtree), by request and status.");
        reports.MapGet("/{id:int}", GetReportAsync).WithName("GetReport")
            .WithSummary("One report with its tables (frozen once submitted), the register's figures beside them, sections, steps; ETag for a PUT.");
        reports.MapPut("/{id:int}", SaveAsync).WithName("SaveReport")
            .WithSummary("Save a draft (sections, corrections with reasons, signer); If-Match or revision must name the state read (412 when it changed).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        reports.MapPost("/{id:int}/submit", SubmitAsync).WithName("SubmitReport")
            .WithSummary("Submit (or resubmit) the report: its tables are frozen as of the cut-off.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        reports.MapPost("/{id:int}/return", ReturnAsync).WithName("ReturnReport")
            .WithSummary("Return a submitted report to its reporter with a comment (and comments by section).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{id:int}/accept", AcceptAsync).WithName("AcceptReport")
            .WithSummary("Accept a submitted report; its frozen tables enter the consolidation.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{id:int}/take-consolidated", TakeConsolidatedAsync).WithName("TakeConsolidatedTables")
            .WithSummary("The reporter's own report takes the consolidated tables of a request it issued below: each figure where the "
                + "accepted reports' sum differs from the register becomes a correction naming the consolidation.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        reports.MapGet("/{id:int}/document.docx", DocxAsync).WithName("ReportDocument")
            .WithSummary("The report as a .docx in the layout of Decree 30/2020, with its annexes and chart.");
        reports.MapGet("/{id:int}/tables.xlsx", XlsxAsync).WithName("ReportTables")
            .WithSummary("The report's annex tables as .xlsx, one sheet per annex.");
    }

    private static Results<Ok<PeriodListResponse>, ValidationProblem> Periods(string? frequency, string? year, string? level, TimeProvider time)
    {
        var errors = new List<RuleViolation>();
        var f = ReportingPeriods.ParseFrequency(frequency ?? "year");
        if (f is null)
        {
            errors.Add(new("frequency", "Tần suất phải là month, quarter, half, nine-months hoặc year."));
        }

        var y = Requests.Int(year, "year", errors) ?? VietnamTime.Today(time).Year;
        if (y is < 2000 or > 2100)
        {
            errors.Add(new("year", "Năm phải từ 2000 đến 2100."));
        }

        var l = string.IsNullOrWhiteSpace(level) ? "province" : level.Trim().ToLowerInvariant();
        // A ministry reports to the Government by the province's day (Decree 09/2019): "ministry" names the central level.
        l = l == "ministry" ? "central" : l;
        if (!ReportingPeriods.Levels.Contains(l))
        {
            errors.Add(new("level", $"Cấp báo cáo phải là một trong: ministry, {string.Join(", ", ReportingPeriods.Levels)}."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var day = ReportingPeriods.DeadlineDay(null, l)!.Value;
        return TypedResults.Ok(new PeriodListResponse(ReportingPeriods.Of(f!.Value, y)
            .Select(p => new PeriodItem(p.Code, p.Name, p.From, p.To, p.DeadlineOn(day))).ToList()));
    }

    private static async Task<Ok<RegimeListResponse>> RegimesAsync(ReportService service, CancellationToken ct) =>
        TypedResults.Ok(new RegimeListResponse(await service.RegimesAsync(ct), await service.FormsAsync(ct)));

    private static async Task<Ok<RequestListResponse>> ListRequestsAsync(ReportService service, CancellationToken ct)
    {
        var items = await service.ListRequestsAsync(ct);
        return TypedResults.Ok(new RequestListResponse(items, items.Count));
    }

    private static async Task<Results<Created<RequestView>, ValidationProblem, ProblemHttpResult>> CreateRequestAsync(
        [FromBody] ReportRequestBody body, ReportService service, CancellationToken ct)
    {
        var outcome = await service.CreateRequestAsync(new RequestInput(
            body.RegimeCode, body.PeriodCode, body.Deadline, body.CutOff, body.ReporterAgencyIds, body.RequesterAgencyId, body.Title, body.Notes), ct);
        if (Problem(outcome) is { } problem)
        {
            return problem;
        }

        if (outcome.Kind == Outcome.Invalid)
        {
            return Problems.Invalid(outcome.Errors!);
        }

        return TypedResults.Created($"/api/v1/report-requests/{outcome.Id}", (await service.GetRequestAsync(outcome.Id!.Value, ct))!);
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> GetRequestAsync(int id, ReportService service, CancellationToken ct) =>
        await service.GetRequestAsync(id, ct) is { } r ? TypedResults.Ok(r) : RequestNotFound();

    private static async Task<Results<Ok<BoardView>, ProblemHttpResult>> BoardAsync(int id, ReportService service, CancellationToken ct) =>
        await service.BoardAsync(id, ct) is { } b ? TypedResults.Ok(b) : RequestNotFound();

    private static async Task<Results<Ok<RemindResponse>, ProblemHttpResult>> RemindAsync(int id, ReportService service, CancellationToken ct)
    {
        var outcome = await service.RemindLateAsync(id, ct);
        return outcome.Kind switch
        {
            Outcome.NotFound => RequestNotFound(),
            Outcome.Forbidden => Problems.Forbidden(outcome.Detail!),
            _ => TypedResults.Ok(new RemindResponse(outcome.Id ?? 0, int.Parse(outcome.Detail ?? "0", CultureInfo.InvariantCulture))),
        };
    }

    private static async Task<Results<Ok<ConsolidatedResponse>, ValidationProblem, ProblemHttpResult>> ConsolidatedAsync(
        int id, string? tolerance, ReportService service, CancellationToken ct)
    {
        var t = DefaultTolerance;
        if (!string.IsNullOrWhiteSpace(tolerance)
            && (!decimal.TryParse(tolerance, NumberStyles.Number, CultureInfo.InvariantCulture, out t) || t is < 0 or > 100))
        {
            return Problems.Invalid([new RuleViolation("tolerance", "Ngưỡng chênh lệch là số phần trăm từ 0 đến 100 (ví dụ 0.5).")]);
        }

        return await service.ConsolidatedAsync(id, t, ct) is { } v ? TypedResults.Ok(ConsolidatedResponse.From(v)) : RequestNotFound();
    }

    private static async Task<Results<Ok<ReportListResponse>, ValidationProblem>> ListReportsAsync(
        string? requestId, string? status, string? page, string? pageSize, ReportService service, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var rid = Requests.Int(requestId, "requestId", errors);
        var s = ReportRules.ParseStatus(status);
        if (!string.IsNullOrWhiteSpace(status) && s is null)
        {
            errors.Add(new("status", "Trạng thái phải là draft, submitted, returned hoặc accepted."));
        }

        var p = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 50;
        if (p < 1 || p > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (size is < 1 or > 500)
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải từ 1 đến 500."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await service.ListReportsAsync(rid, s, p, size, ct);
        return TypedResults.Ok(new ReportListResponse(items, total));
    }

    internal static string ETag(int id, int revision) => $"\"{id}-{revision}\"";

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> GetReportAsync(int id, ReportService service, HttpResponse response, CancellationToken ct)
    {
        if (await service.GetReportAsync(id, ct) is not { } r)
        {
            return ReportNotFound();
        }

        response.Headers.ETag = ETag(r.Id, r.Revision);
        return TypedResults.Ok(ReportResponse.From(r));
    }

    /// <summary>The revision the caller read: from If-Match ("id-revision") or the body's revision; null when neither says.</summary>
    private static int? ReadRevision(HttpRequest request, int id, int? bodyRevision)
    {
        if (request.Headers.IfMatch.Count > 0 && EntityTagHeaderValue.TryParseStrictList(request.Headers.IfMatch, out var tags))
        {
            foreach (var tag in tags)
            {
                var text = tag.Tag.ToString().Trim('"');
                var dash = text.LastIndexOf('-');
                if (dash > 0 && text[..dash] == id.ToString(CultureInfo.InvariantCulture)
                    && int.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
                {
                    return revision;
                }
            }

            return -1;
        }

        return bodyRevision;
    }

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        int id, [FromBody] ReportBody body, HttpRequest request, HttpResponse response, ReportService service, CancellationToken ct)
    {
        if (ReadRevision(request, id, body.Revision) is not { } revision)
        {
            return await service.GetReportAsync(id, ct) is null ? ReportNotFound()
                : Problems.PreconditionRequired($"Gửi kèm If-Match với ETag nhận được từ GET /api/v1/reports/{id} (hoặc trường revision), để không ghi đè thay đổi của người khác.");
        }

        var outcome = await service.SaveAsync(id, new ReportInput(
            body.Sections, body.Corrections, body.Number, body.SignerAuthority, body.SignerCapacity, body.SignerName, body.SignedOn), revision, ct);
        return await AnswerAsync(outcome, service, response, ct);
    }

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        int id, HttpRequest request, HttpResponse response, ReportService service, CancellationToken ct) =>
        await AnswerAsync(await service.SubmitAsync(id, request.Headers.IfMatch.Count > 0 ? ReadRevision(request, id, null) : null, ct), service, response, ct);

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        int id, [FromBody] ReturnBody body, HttpResponse response, ReportService service, CancellationToken ct) =>
        await AnswerAsync(await service.ReturnAsync(id, body.Comment, body.Sections, ct), service, response, ct);

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> TakeConsolidatedAsync(
        int id, [FromBody] TakeConsolidatedBody body, HttpResponse response, ReportService service, CancellationToken ct) =>
        await AnswerAsync(await service.TakeConsolidatedAsync(id, body.RequestId, ct), service, response, ct);

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        int id, HttpResponse response, ReportService service, CancellationToken ct) =>
        await AnswerAsync(await service.AcceptAsync(id, ct), service, response, ct);

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        ReportOutcome outcome, ReportService service, HttpResponse response, CancellationToken ct)
    {
        if (Problem(outcome) is { } problem)
        {
            return problem;
        }

        if (outcome.Kind == Outcome.Invalid)
        {
            return Problems.Invalid(outcome.Errors!);
        }

        var r = (await service.GetReportAsync(outcome.Id!.Value, ct))!;
        response.Headers.ETag = ETag(r.Id, r.Revision);
        return TypedResults.Ok(ReportResponse.From(r));
    }

    internal static ProblemHttpResult? Problem(ReportOutcome outcome) => outcome.Kind switch
    {
        Outcome.NotFound => ReportNotFound(),
        Outcome.Forbidden => Problems.Forbidden(outcome.Detail!),
        Outcome.Stale => Problems.PreconditionFailed(StaleMessage),
        Outcome.WrongStatus => Problems.Conflict(outcome.Detail!),
        _ => null,
    };

    public const string StaleMessage = "Báo cáo đã được người khác sửa sau khi anh/chị mở; tải lại để xem nội dung mới rồi sửa tiếp. Chưa ghi gì.";

    private static ProblemHttpResult ReportNotFound() => Problems.NotFound("Không tìm thấy báo cáo");

    private static ProblemHttpResult RequestNotFound() => Problems.NotFound("Không tìm thấy yêu cầu báo cáo");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocxAsync(int id, ReportService service, CancellationToken ct) =>
        await service.DocumentAsync(id, ct) is { } d
            ? TypedResults.File(OfficialDocx.Write(d), DocxType, $"bao-cao-{id}.docx")
            : ReportNotFound();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> XlsxAsync(int id, ReportService service, CancellationToken ct) =>
        await service.DocumentAsync(id, ct) is { } d
            ? TypedResults.File(AnnexWorkbook.Write(d), ReorganizationsApi.XlsxType, $"bao-cao-{id}-phu-luc.xlsx")
            : ReportNotFound();
}
