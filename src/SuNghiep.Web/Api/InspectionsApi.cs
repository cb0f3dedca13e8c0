using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record InspectionListResponse(IReadOnlyList<InspectionRow> Items, int Total);

public sealed record RecommendationListResponse(IReadOnlyList<RecommendationView> Items, int Total);

/// <summary>Body of POST /api/v1/inspections, for the docs; the endpoint reads it field by field.</summary>
public sealed record InspectionRequest(
    PlanDecisionRequest Decision, string Body, string Kind, int[] UnitIds, DateOnly PeriodFrom, DateOnly PeriodTo, int? BodyAgencyId,
    DateOnly? ResultsReportOn, DateOnly? DraftAssignedOn, DateOnly? DraftReceivedOn);

public sealed record RecommendationRequest(string Type, decimal? Amount, int AddresseeAgencyId, DateOnly Deadline, string? Content);

public sealed record FindingRequest(
    string Category, decimal? Amount, string? Responsibility, int? UnitId, string? Description, RecommendationRequest[]? Recommendations);

public sealed record ConclusionRequest(
    string Number, DateOnly Date, DateOnly? PublishedOn, FindingRequest[]? Findings, DateOnly? ResultsReportOn, DateOnly? DraftAssignedOn,
    DateOnly? DraftReceivedOn);

public sealed record DirectiveRequest(string Number, DateOnly Date, string? Text);

public sealed record FollowUpRequest(DateOnly Date, string Text, bool Done, decimal? AmountRecovered);

public sealed record DisputeRequest(bool Disputed, string? Reason);

/// <summary>Inspections and checks (Law on Inspection 84/2025/QH15), their conclusions, directives and recommendations.</summary>
public static class InspectionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/inspections").WithTags("Inspections");
        group.MapGet("", ListAsync).WithName("ListInspections")
            .WithSummary("Inspections and checks the caller's scope reaches (as deciding body or inspected unit); filters kind, year, unitId, q, page, pageSize.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetInspection")
            .WithSummary("One inspection with its units, conclusion, findings, recommendations with their status today, and the law's deadlines met or late.");
        group.MapPost("", CreateAsync).WithName("CreateInspection")
            .WithSummary("Record an inspection or check by its decision, for units in the caller's scope; written by officers of the deciding agency.")
            .Accepts<InspectionRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:int}/conclusion", ConcludeAsync).WithName("ConcludeInspection")
            .WithSummary("Record the conclusion with its findings and recommendations, once (409 when already concluded).")
            .Accepts<ConclusionRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/directive", DirectAsync).WithName("DirectInspection")
            .WithSummary("Record the managing head's directive on the conclusion (Art. 53: within 15 days), once.")
            .Accepts<DirectiveRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        var recommendations = api.MapGroup("/recommendations").WithTags("Inspections");
        recommendations.MapGet("", ListRecommendationsAsync).WithName("ListRecommendations")
            .WithSummary("Recommendations of conclusions in the caller's scope with their status today; filters status (open, partial, done, overdue, disputed), addresseeAgencyId, unitId, page, pageSize.");
        recommendations.MapPost("/{id:int}/follow-up", FollowUpAsync).WithName("FollowUpRecommendation")
            .WithSummary("Report what was done about a recommendation: the addressee agency's officers or the officer of the unit it concerns.")
            .Accepts<FollowUpRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden);
        recommendations.MapPost("/{id:int}/dispute", DisputeAsync).WithName("DisputeRecommendation")
            .WithSummary("Record that the addressee disputes a recommendation (complaint, request to reconsider), or that the dispute is settled.")
            .Accepts<DisputeRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<InspectionListResponse>, ValidationProblem>> ListAsync(
        InspectionService service, string? q, string? kind, string? year, string? unitId, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var y = Requests.Int(year, "year", errors);
        var unit = Requests.Int(unitId, "unitId", errors);
        var (pageNumber, size) = Paging(page, pageSize, errors);
        if (!string.IsNullOrWhiteSpace(kind) && InspectionService.ParseKind(kind) is null)
        {
            errors.Add(new("kind", "Hình thức phải là một trong: planned, unscheduled, check."));
        }

        if (y is < 1900 or > 2199)
        {
            errors.Add(new("year", "Năm phải từ 1900 đến 2199."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await service.ListAsync(new InspectionFilter(q, kind, y, unit, pageNumber, size), ct);
        return TypedResults.Ok(new InspectionListResponse(items, total));
    }

    private static async Task<Results<Ok<InspectionView>, ProblemHttpResult>> GetAsync(int id, InspectionService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("Không tìm thấy cuộc thanh tra, kiểm tra.");

    private static async Task<Results<Created<InspectionView>, Ok<InspectionView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        [FromBody] JsonElement body, InspectionService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var decision = f.Object("decision");
        if (decision is null && !f.Errors.Any(e => e.Field == "decision"))
        {
            f.Errors.Add(new("decision", "Vui lòng nêu quyết định thanh tra, kiểm tra: số (number), ngày (date), người ra quyết định (issuer)."));
        }

        var input = new InspectionInput
        {
            DecisionNumber = decision?.String("number"), DecisionDate = decision?.Date("date"), DecisionIssuer = decision?.String("issuer"),
            Body = f.String("body"), BodyAgencyId = f.Int("bodyAgencyId"), Kind = f.String("kind"), UnitIds = f.Ints("unitIds"),
            PeriodFrom = f.Date("periodFrom"), PeriodTo = f.Date("periodTo"), ResultsReportOn = f.Date("resultsReportOn"),
            DraftAssignedOn = f.Date("draftAssignedOn"), DraftReceivedOn = f.Date("draftReceivedOn"),
        };
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.CreateAsync(input, ct);
        if (Failure(result) is { } failure)
        {
            return failure;
        }

        return TypedResults.Created($"/api/v1/inspections/{result.Id}", await service.GetAsync(result.Id!.Value, ct));
    }

    private static async Task<Results<Created<InspectionView>, Ok<InspectionView>, ValidationProblem, ProblemHttpResult>> ConcludeAsync(
        int id, [FromBody] JsonElement body, InspectionService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new ConclusionInput(f.String("number"), f.Date("date"), f.Date("publishedOn"), ReadFindings(f),
            f.Date("resultsReportOn"), f.Date("draftAssignedOn"), f.Date("draftReceivedOn"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        return await AnswerAsync(service, await service.ConcludeAsync(id, input, ct), ct);
    }

    /// <summary>The findings of a conclusion with their recommendations, as the API and the import read them.</summary>
    internal static List<FindingInput> ReadFindings(JsonFields f) =>
        f.Objects("findings").Select(x => new FindingInput(
            x.String("category"), x.Decimal("amount"), x.String("responsibility"), x.Int("unitId"), x.String("description"),
            x.Objects("recommendations").Select(r => new RecommendationInput(
                r.String("type"), r.Decimal("amount"), r.Int("addresseeAgencyId"), r.Date("deadline"), r.String("content"))).ToList())).ToList();

    private static async Task<Results<Created<InspectionView>, Ok<InspectionView>, ValidationProblem, ProblemHttpResult>> DirectAsync(
        int id, [FromBody] JsonElement body, InspectionService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new DirectiveInput(f.String("number"), f.Date("date"), f.String("text"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        return await AnswerAsync(service, await service.DirectAsync(id, input, ct), ct);
    }

    private static async Task<Results<Ok<RecommendationListResponse>, ValidationProblem>> ListRecommendationsAsync(
        InspectionService service, string? status, string? addresseeAgencyId, string? unitId, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var agency = Requests.Int(addresseeAgencyId, "addresseeAgencyId", errors);
        var unit = Requests.Int(unitId, "unitId", errors);
        var (pageNumber, size) = Paging(page, pageSize, errors);
        var parsed = InspectionRules.ParseStatus(status);
        if (!string.IsNullOrWhiteSpace(status) && parsed is null)
        {
            errors.Add(new("status", "Trạng thái phải là một trong: open, partial, done, overdue, disputed."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await service.ListRecommendationsAsync(new RecommendationFilter(parsed, agency, unit, null, null, pageNumber, size), ct);
        return TypedResults.Ok(new RecommendationListResponse(items, total));
    }

    private static async Task<Results<Ok<RecommendationView>, ValidationProblem, ProblemHttpResult>> FollowUpAsync(
        int id, [FromBody] JsonElement body, InspectionService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new FollowUpInput(f.Date("date"), f.String("text"), f.Bool("done"), f.Decimal("amountRecovered"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        return await RecommendationAnswerAsync(service, id, await service.FollowUpAsync(id, input, ct), ct);
    }

    private static async Task<Results<Ok<RecommendationView>, ValidationProblem, ProblemHttpResult>> DisputeAsync(
        int id, [FromBody] JsonElement body, InspectionService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new DisputeInput(f.Bool("disputed"), f.String("reason"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        return await RecommendationAnswerAsync(service, id, await service.DisputeAsync(id, input, ct), ct);
    }

    private static async Task<Results<Ok<RecommendationView>, ValidationProblem, ProblemHttpResult>> RecommendationAnswerAsync(
        InspectionService service, int id, OversightResult result, CancellationToken ct)
    {
        if (result.NotFound)
        {
            return Problems.NotFound(result.Errors[0].Message);
        }

        if (result.Forbidden)
        {
            return Problems.Forbidden(result.Errors[0].Message);
        }

        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Errors);
        }

        return TypedResults.Ok((await service.GetRecommendationAsync(id, ct))!);
    }

    private static async Task<Results<Created<InspectionView>, Ok<InspectionView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        InspectionService service, OversightResult result, CancellationToken ct) =>
        Failure(result) is { } failure ? failure : TypedResults.Ok((await service.GetAsync(result.Id!.Value, ct))!);

    private static Results<Created<InspectionView>, Ok<InspectionView>, ValidationProblem, ProblemHttpResult>? Failure(OversightResult result) =>
        result switch
        {
            { NotFound: true } => Problems.NotFound(result.Errors[0].Message),
            { Forbidden: true } => Problems.Forbidden(result.Errors[0].Message),
            { Conflict: true } => Problems.Conflict(result.Errors[0].Message),
            { Succeeded: false } => Problems.Invalid(result.Errors),
            _ => null,
        };

    private static (int Page, int Size) Paging(string? page, string? pageSize, List<RuleViolation> errors)
    {
        var pageNumber = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 50;
        if (pageNumber < 1 || size < 1 || size > 500)
        {
            errors.Add(new("page", "Trang phải từ 1 trở lên, số dòng mỗi trang từ 1 đến 500."));
        }
        else if (pageNumber > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        return (Math.Max(pageNumber, 1), Math.Clamp(size, 1, 500));
    }
}
