using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record ProposalListResponse(IReadOnlyList<ProposalRow> Items, int Total);

/// <summary>A proposal after a write, with the warnings of Decree 120 by field.</summary>
public sealed record ProposalWritten(int Id, IReadOnlyDictionary<string, string[]> Warnings, ProposalView? Proposal);

/// <summary>Body of POST /api/v1/reorganization-proposals, for the docs; the endpoint reads it field by field.</summary>
public sealed record ProposalRequestBody(
    string Kind, string Number, DateOnly ProposedOn, string Summary, int AgencyId, int? CompetentAgencyId,
    PlannedEventBody Event, int? PlannedStaff, int? PlannedBudgetPositions, string? DissolutionGround);

/// <summary>The planned event: the body of POST /api/v1/reorganizations without its decision.</summary>
public sealed record PlannedEventBody(
    string Type, DateOnly EffectiveDate, int[]? SourceUnitIds, int? ContinuingUnitId, UnitRequest[]? NewUnits,
    int? NewManagingAgencyId, string? NewName, string? NewAreaCode, string? Notes);

public sealed record StepRequest(int? Revision);

public sealed record WithdrawRequest(int? Revision, string? Reason);

public sealed record AppraiseRequest(int? Revision, string? Result, string? Opinion, DateOnly? AppraisedOn, string? Appraiser);

public sealed record DecideRequest(int? Revision, DecisionBody? Decision, DateOnly? EffectiveDate);

public static class ProposalsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reorganization-proposals").WithTags("Reorganization proposals");
        group.MapGet("", ListAsync).WithName("ListReorganizationProposals")
            .WithSummary("Reorganization dossiers of agencies in the caller's scope; filters q, status, agencyId, page, pageSize.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetReorganizationProposal")
            .WithSummary("One dossier with its planned event, its appraisal, its decision and the warnings of Decree 120/2020.");
        group.MapPost("", CreateAsync).WithName("CreateReorganizationProposal")
            .WithSummary("Draft a reorganization proposal (submission or scheme) for an agency, with the event it plans.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).Accepts<ProposalRequestBody>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:int}/submit", SubmitAsync).WithName("SubmitReorganizationProposal")
            .WithSummary("Submit a draft proposal for appraisal by the Department of Home Affairs.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/appraise", AppraiseAsync).WithName("AppraiseReorganizationProposal")
            .WithSummary("Record the Department of Home Affairs' appraisal (agreed, agreed with conditions, not agreed); the warnings of the day are kept.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/decide", DecideAsync).WithName("DecideReorganizationProposal")
            .WithSummary("Record the decision: the planned event becomes a reorganization, and the warnings at the time of deciding are kept.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/withdraw", WithdrawAsync).WithName("WithdrawReorganizationProposal")
            .WithSummary("Withdraw a proposal not yet decided, with a reason.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ProposalListResponse>, ValidationProblem>> ListAsync(
        ProposalService service, string? q, string? status, string? agencyId, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var agency = Requests.Int(agencyId, "agencyId", errors);
        var pageNumber = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 50;
        var parsed = ProposalService.ParseStatus(status);
        if (!string.IsNullOrWhiteSpace(status) && parsed is null)
        {
            errors.Add(new("status", "Trạng thái phải là một trong: draft, submitted, appraised, decided, withdrawn."));
        }

        if (pageNumber < 1 || size < 1 || size > 500)
        {
            errors.Add(new("page", "Trang phải từ 1 trở lên, số dòng mỗi trang từ 1 đến 500."));
        }

        if (pageNumber > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await service.ListAsync(new ProposalFilter(q, parsed, agency, pageNumber, size), ct);
        return TypedResults.Ok(new ProposalListResponse(items, total));
    }

    private static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> GetAsync(int id, ProposalService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("Không tìm thấy hồ sơ đề nghị sắp xếp.");

    private static async Task<Results<Created<ProposalWritten>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        [FromBody] JsonElement body, ProposalService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var e = f.Object("event");
        var input = new ProposalInput
        {
            Kind = f.String("kind"), Number = f.String("number"), ProposedOn = f.Date("proposedOn"), Summary = f.String("summary"),
            AgencyId = f.Int("agencyId"), CompetentAgencyId = f.Int("competentAgencyId"),
            Event = e is null ? new ReorganizationInput() : ReorganizationsApi.ReadEvent(e),
            PlannedStaff = f.Int("plannedStaff"), PlannedBudgetPositions = f.Int("plannedBudgetPositions"), DissolutionGround = f.String("dissolutionGround"),
        };
        if (e is null && !f.Errors.Any(x => x.Field == "event"))
        {
            f.Errors.Add(new("event", "Vui lòng nêu phương án sắp xếp (event): hình thức, các đơn vị, ngày dự kiến có hiệu lực."));
        }

        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.CreateAsync(input, ct);
        if (result.Forbidden)
        {
            return Problems.Forbidden(result.Errors[0].Message);
        }

        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Errors);
        }

        return TypedResults.Created($"/api/v1/reorganization-proposals/{result.Id}", await WrittenAsync(service, result, ct));
    }

    private static async Task<Results<Ok<ProposalWritten>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        int id, StepRequest? request, ProposalService service, CancellationToken ct) =>
        await AnswerAsync(service, await service.SubmitAsync(id, request?.Revision, ct), ct);

    private static async Task<Results<Ok<ProposalWritten>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        int id, WithdrawRequest? request, ProposalService service, CancellationToken ct) =>
        await AnswerAsync(service, await service.WithdrawAsync(id, request?.Revision, request?.Reason, ct), ct);

    private static async Task<Results<Ok<ProposalWritten>, ValidationProblem, ProblemHttpResult>> AppraiseAsync(
        int id, AppraiseRequest? request, ProposalService service, CancellationToken ct) =>
        await AnswerAsync(service, await service.AppraiseAsync(id, request?.Revision,
            new AppraisalInput(request?.Result, request?.Opinion, request?.AppraisedOn, request?.Appraiser), ct), ct);

    private static async Task<Results<Ok<ProposalWritten>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        int id, DecideRequest? request, ProposalService service, CancellationToken ct) =>
        await AnswerAsync(service, await service.DecideAsync(id, request?.Revision,
            new ProposalDecisionInput(request?.Decision?.Number, request?.Decision?.Date, request?.Decision?.Issuer, request?.EffectiveDate), ct), ct);

    private static async Task<Results<Ok<ProposalWritten>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        ProposalService service, ProposalResult result, CancellationToken ct)
    {
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy hồ sơ đề nghị sắp xếp.");
        }

        if (result.Forbidden)
        {
            return Problems.Forbidden(result.Errors[0].Message);
        }

        if (result.Conflict)
        {
            return Problems.Conflict(result.Errors[0].Message);
        }

        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Errors);
        }

        return TypedResults.Ok(await WrittenAsync(service, result, ct));
    }

    private static async Task<ProposalWritten> WrittenAsync(ProposalService service, ProposalResult result, CancellationToken ct)
    {
        var view = await service.GetAsync(result.Id!.Value, ct);
        var warnings = result.Warnings.GroupBy(w => w.Field).ToDictionary(g => g.Key, g => g.Select(w => w.Message).ToArray());
        return new ProposalWritten(result.Id.Value, warnings, view);
    }
}
