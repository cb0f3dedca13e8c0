using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record StaffingResponse(StaffingView Staffing, IReadOnlyDictionary<string, string[]> Warnings);

public sealed record AllocationResponse(int AgencyId, string AgencyName, int Year, int BudgetPositions, long UsedByUnits, IReadOnlyDictionary<string, string[]> Warnings);

/// <summary>Staffing, finance and autonomy plans, year by year.</summary>
public static class ResourcesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units/{id:int}").WithTags("Staffing and finance");
        units.MapGet("/staffing/{year:int}", GetStaffingAsync).WithName("GetStaffing").WithSummary("A unit's staffing for a year.");
        units.MapPut("/staffing/{year:int}", PutStaffingAsync).WithName("PutStaffing")
            .WithSummary("Set a unit's staffing for a year; refused when the agency's allocation is exceeded unless overAllocation is true.")
            .RequireAuthorization(WebApp.UnitEditPolicy).DescribesBody<StaffingRequest>("application/json");
        units.MapGet("/finance/{year:int}", GetFinanceAsync).WithName("GetFinance")
            .WithSummary("A unit's finance for a year with the self-financing level and autonomy group of Decree 60/2021.");
        units.MapPut("/finance/{year:int}", PutFinanceAsync).WithName("PutFinance")
            .WithSummary("Set a unit's finance for a year (VND); answers the level and group computed by the decree's formula.")
            .RequireAuthorization(WebApp.UnitEditPolicy).DescribesBody<FinanceRequest>("application/json");
        units.MapGet("/autonomy-plans", ListPlansAsync).WithName("ListAutonomyPlans")
            .WithSummary("A unit's autonomy plans: periods, proposed and approved groups, decisions.");
        units.MapPost("/autonomy-plans", AddPlanAsync).WithName("AddAutonomyPlan")
            .WithSummary("Record an autonomy plan for a stable period: submitted, approved (with its decision) or rejected.")
            .RequireAuthorization(WebApp.UnitEditPolicy).DescribesBody<AutonomyPlanRequest>("application/json");

        api.MapGet("/staffing", TableAsync).WithTags("Staffing and finance").WithName("StaffingTable")
            .WithSummary("Staffing of a year by managing agency with totals, for an area or agency (with lineage).");
        api.MapGet("/staffing/export", ExportAsync).WithTags("Staffing and finance").WithName("ExportStaffing")
            .WithSummary("The staffing table of GET /staffing (same rows and totals) as .xlsx.")
            .Produces(StatusCodes.Status200OK, contentType: ReorganizationsApi.XlsxType);
        api.MapGet("/staffing/import-template", () => TypedResults.File(ResourceImport.Template(), ReorganizationsApi.XlsxType, "mau-nhap-bien-che-tai-chinh.xlsx"))
            .WithTags("Staffing and finance").WithName("StaffingImportTemplate")
            .WithSummary("The .xlsx template for importing staffing and finance years: unit code, year, staffing fields, finance fields.");
        api.MapPost("/staffing/import", ImportAsync).WithTags("Staffing and finance").WithName("ImportStaffing")
            .WithSummary("Import staffing and finance years from .xlsx (multipart field \"file\"): all or nothing, problems by row and column.")
            .RequireAuthorization(WebApp.UnitEditPolicy).DescribesBody<FileUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReorganizationsApi.MaxUpload));
        api.MapGet("/autonomy", AutonomyAsync).WithTags("Staffing and finance").WithName("AutonomyCounts")
            .WithSummary("Units active at the end of a year by the autonomy group computed from their finance, with the shares of groups 1-2 and 1-3.");
        api.MapPut("/agencies/{id:int}/staffing-allocations/{year:int}", AllocateAsync).WithTags("Staffing and finance")
            .WithName("SetStaffingAllocation")
            .WithSummary("Set an agency's budget-paid positions for a year; refused when the parent's allocation is exceeded unless overAllocation is true.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<AllocationRequest>("application/json");
    }

    private static Dictionary<string, string[]> Group(IEnumerable<RuleViolation> warnings) =>
        warnings.GroupBy(w => w.Field).ToDictionary(g => g.Key, g => g.Select(w => w.Message).ToArray());

    private static async Task<Results<Ok<StaffingView>, ProblemHttpResult>> GetStaffingAsync(int id, int year, ResourceService service, Core.Data.SuNghiepDbContext db, CancellationToken ct)
    {
        if (await service.GetStaffingAsync(id, year, ct) is { } view)
        {
            return TypedResults.Ok(view);
        }

        return Problems.NotFound(await UnitVisibleAsync(db, id, ct) ? $"Chưa có số liệu biên chế năm {year}." : "Không tìm thấy đơn vị.");
    }

    private static async Task<Results<Ok<StaffingResponse>, ValidationProblem, ProblemHttpResult>> PutStaffingAsync(
        int id, int year, [FromBody] JsonElement body, ResourceService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var positions = f.Object("jobPositions");
        var input = new StaffingInput(
            f.Int("budgetPositions"), f.Int("revenuePositions"), f.Int("actualStaff"), f.Int("budgetContractWorkers"),
            positions?.Int("leadership") ?? (positions is null ? 0 : null), positions?.Int("professional") ?? (positions is null ? 0 : null),
            positions?.Int("sharedProfessional") ?? (positions is null ? 0 : null), positions?.Int("support") ?? (positions is null ? 0 : null),
            f.String("notes"), f.Bool("overAllocation") ?? false);
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.PutStaffingAsync(id, year, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        return result.Value is { } view ? TypedResults.Ok(new StaffingResponse(view, Group(result.Warnings))) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Ok<FinanceView>, ProblemHttpResult>> GetFinanceAsync(int id, int year, ResourceService service, Core.Data.SuNghiepDbContext db, CancellationToken ct)
    {
        if (await service.GetFinanceAsync(id, year, ct) is { } view)
        {
            return TypedResults.Ok(view);
        }

        return Problems.NotFound(await UnitVisibleAsync(db, id, ct) ? $"Chưa có số liệu tài chính năm {year}." : "Không tìm thấy đơn vị.");
    }

    private static async Task<Results<Ok<FinanceView>, ValidationProblem, ProblemHttpResult>> PutFinanceAsync(
        int id, int year, [FromBody] JsonElement body, ResourceService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var revenue = f.Object("revenue");
        if (revenue is null && !f.Errors.Any(e => e.Field == "revenue"))
        {
            f.Errors.Add(new("revenue", "Vui lòng nhập các nguồn thu (revenue)."));
        }

        // With orderedServicesFromOrders the figure is the year's accepted orders and revenue.orderedServices may be left out.
        var fromOrders = f.Bool("orderedServicesFromOrders") ?? false;
        var input = new FinanceInput(
            fromOrders ? null : revenue?.Decimal("orderedServices"), revenue?.Decimal("scienceTasks"), revenue?.Decimal("serviceFees"),
            revenue?.Decimal("businessSurplus"), revenue?.Decimal("retainedFees"), revenue?.Decimal("other"),
            f.Decimal("recurrentExpenditure"), f.Decimal("investmentSelfFinancing"), f.Decimal("depreciation"), f.Decimal("directBudgetSpending"),
            fromOrders);
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.PutFinanceAsync(id, year, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        return result.Value is { } view ? TypedResults.Ok(view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Ok<IReadOnlyList<AutonomyPlanView>>, ProblemHttpResult>> ListPlansAsync(int id, ResourceService service, CancellationToken ct) =>
        await service.ListPlansAsync(id, ct) is { } plans ? TypedResults.Ok(plans) : Problems.NotFound("Không tìm thấy đơn vị.");

    private static async Task<Results<Created<AutonomyPlanView>, ValidationProblem, ProblemHttpResult>> AddPlanAsync(
        int id, [FromBody] JsonElement body, ResourceService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var decision = f.Object("decision");
        var input = new AutonomyPlanInput(
            f.Int("periodStart"), f.Int("periodEnd"), f.Int("proposedGroup"), f.Date("submittedOn"), f.String("status"),
            f.Int("approvedGroup"), decision?.String("number"), decision?.Date("date"), decision?.String("issuer"), f.String("notes"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddPlanAsync(id, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        return result.Value is { } plan
            ? TypedResults.Created($"/api/v1/units/{id}/autonomy-plans", plan)
            : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Ok<StaffingTable>, ValidationProblem>> TableAsync(
        ResourceService service, TimeProvider time, string? year, string? areaCode, string? agencyId, CancellationToken ct)
    {
        var (y, scope, errors) = Filter(time, year, areaCode, agencyId);
        return errors.Count > 0 ? Problems.Invalid(errors) : TypedResults.Ok(await service.StaffingTableAsync(y, scope, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        ResourceService service, TimeProvider time, string? year, string? areaCode, string? agencyId, CancellationToken ct)
    {
        var (y, scope, errors) = Filter(time, year, areaCode, agencyId);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var table = await service.StaffingTableAsync(y, scope, ct);
        return TypedResults.File(StaffingExport.Xlsx(table), ReorganizationsApi.XlsxType, $"bien-che-{y}.xlsx");
    }

    private static async Task<Results<Ok<AutonomyCounts>, ValidationProblem>> AutonomyAsync(
        ResourceService service, TimeProvider time, string? year, string? areaCode, string? agencyId, CancellationToken ct)
    {
        var (y, scope, errors) = Filter(time, year, areaCode, agencyId);
        return errors.Count > 0 ? Problems.Invalid(errors) : TypedResults.Ok(await service.AutonomyCountsAsync(y, scope, ct));
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, ResourceImport import, CancellationToken ct)
    {
        await using var stream = await Requests.FileAsync(request, ct);
        if (stream is null)
        {
            return Requests.MissingFile();
        }

        var result = await import.ImportAsync(stream, null, ct);
        if (!result.Succeeded)
        {
            return Requests.ImportProblems(result.Problems);
        }

        return TypedResults.Ok(new ImportResponse(result.Applied));
    }

    private static (int Year, CountScope Scope, List<RuleViolation> Errors) Filter(TimeProvider time, string? year, string? areaCode, string? agencyId) =>
        ResourceFilter.Read(year, areaCode, agencyId, Core.VietnamTime.Today(time).Year);

    private static async Task<Results<Ok<AllocationResponse>, ValidationProblem, ProblemHttpResult>> AllocateAsync(
        int id, int year, [FromBody] JsonElement body, ResourceService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        var positions = f.Int("budgetPositions");
        var decision = f.String("decisionNumber");
        var over = f.Bool("overAllocation") ?? false;
        if (!f.IsObject || f.Errors.Count > 0)
        {
            return Problems.Invalid(f.IsObject ? f.Errors : [new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var result = await service.SetAllocationAsync(id, year, positions, decision, over, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy cơ quan.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } row
            ? TypedResults.Ok(new AllocationResponse(row.AgencyId, row.AgencyName, year, row.Allocated ?? 0, row.BudgetPositions, Group(result.Warnings)))
            : Problems.Invalid(result.Errors);
    }

    private static Task<bool> UnitVisibleAsync(Core.Data.SuNghiepDbContext db, int id, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Units, u => u.Id == id, ct);
}
