using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record MeritListResponse(IReadOnlyList<MeritView> Items, int Total);

/// <summary>Commendation and discipline of units and agencies, and the model units a plan names.</summary>
public static class MeritsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var merits = api.MapGroup("/merits").WithTags("Quality");
        merits.MapGet("", ListAsync).WithName("ListMerits")
            .WithSummary("Commendations and disciplinary measures in the caller's scope, latest decision first; filters q, kind (commendation|discipline), unitId, agencyId, page, pageSize.");
        merits.MapPost("", AddAsync).WithName("AddMerit")
            .WithSummary("Record a commendation or a disciplinary measure of a unit or an agency by its decision, possibly for a task; by the unit's managing agency or the agency, or a level above.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<MeritRequest>("application/json");

        var models = api.MapGroup("/documents/{id:int}/model-units").WithTags("Plans");
        models.MapGet("", ModelUnitsAsync).WithName("ListModelUnits").WithSummary("The model units a document (plan) names, among the units in the caller's scope.");
        models.MapPost("", AddModelUnitAsync).WithName("AddModelUnit")
            .WithSummary("Name a unit as a model unit of the document; by who may write the document (its issuing agency's scope).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<ModelUnitRequest>("application/json");
        models.MapDelete("/{modelUnitId:int}", RemoveModelUnitAsync).WithName("RemoveModelUnit")
            .WithSummary("Take a model unit off the document's list; by who may write the document, as adding.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<MeritListResponse>, ValidationProblem>> ListAsync(
        MeritService service, string? q, string? kind, string? unitId, string? agencyId, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var unit = Requests.Int(unitId, "unitId", errors);
        var agency = Requests.Int(agencyId, "agencyId", errors);
        var pageNumber = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 50;
        var parsed = MeritService.ParseKind(kind);
        if (!string.IsNullOrWhiteSpace(kind) && parsed is null)
        {
            errors.Add(new("kind", "Loại phải là commendation hoặc discipline."));
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

        var (items, total) = await service.ListAsync(new MeritFilter(q, parsed, unit, agency, pageNumber, size), ct);
        return TypedResults.Ok(new MeritListResponse(items, total));
    }

    private static async Task<Results<Created<MeritView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        [FromBody] JsonElement body, MeritService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var decision = f.Object("decision");
        var input = new MeritInput(f.String("kind"), f.Int("unitId"), f.Int("agencyId"), f.Int("taskId"), f.String("form"), f.String("reason"),
            decision?.String("number"), decision?.Date("date"), decision?.String("issuer"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddAsync(input, ct);
        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Created($"/api/v1/merits?unitId={view.UnitId}", view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Ok<IReadOnlyList<ModelUnitView>>, ProblemHttpResult>> ModelUnitsAsync(int id, MeritService service, CancellationToken ct) =>
        await service.ModelUnitsAsync(id, ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound("Không tìm thấy văn bản.");

    private static async Task<Results<Created<ModelUnitView>, ValidationProblem, ProblemHttpResult>> AddModelUnitAsync(
        int id, [FromBody] JsonElement body, MeritService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var unitId = f.Int("unitId");
        var note = f.String("note");
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddModelUnitAsync(id, unitId, note, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy văn bản.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Created($"/api/v1/documents/{id}/model-units", view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveModelUnitAsync(int id, int modelUnitId, MeritService service, CancellationToken ct)
    {
        var result = await service.RemoveModelUnitAsync(id, modelUnitId, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị điển hình này của văn bản.");
        }

        return result.Forbidden is { } refused ? Problems.Forbidden(refused) : TypedResults.NoContent();
    }
}
