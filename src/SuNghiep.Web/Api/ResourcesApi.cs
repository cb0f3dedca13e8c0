using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record StaffingResponse(StaffingView Staffing, IReadOnlyDictionary<string, string[]> Warnings);

public sealed record AllocationResponse(int AgencyId, string AgencyName, int Year, int BudgetPositions, int UsedByUnits, IReadOnlyDictionary<string, string[]> Warnings);

/// <summary>Staffing, finance and autonomy plans, year by year.</summary>
public static class ResourcesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units/{id:int}").WithTags("Staffing and finance");
        units.MapGet("/staffing/{year:int}", GetStaffingAsync).WithName("GetStaffing").WithSummary("A unit's staffing for a year.");
        units.MapPut("/staffing/{year:int}", PutStaffingAsync).WithName("PutStaffing")
            .WithSummary("Set a unit's staffing for a year; refused when the agency's allocation is exceeded unless overAllocation is true.")
            .RequireAuthorization(WebApp.UnitEditPolicy);
        units.MapGet("/finance/{year:int}", GetFinanceAsync).WithName("GetFinance")
            .WithSummary("A unit's finance for a year with the self-financing level and autonomy group of Decree 60/2021.");
        units.MapPut("/finance/{year:int}", PutFinanceAsync).WithName("PutFinance")
            .WithSummary("Set a unit's finance for a year (VND); answers the level and group computed by the decree's formula.")
            .RequireAuthorization(WebApp.UnitEditPolicy);
        units.MapGet("/autonomy-plans", ListPlansAsync).WithName("ListAutonomyPlans");
        units.MapPost("/autonomy-plans", AddPlanAsync).WithName("AddAutonomyPlan")
            .WithSummary("Record an autonomy plan for a stable period: submitted, approved (with its decision) or rejected.")
            .RequireAuthorization(WebApp.UnitEditPolicy);

        api.MapGet("/staffing", TableAsync).WithTags("Staffing and finance").WithName("StaffingTable")
            .WithSummary("Staffing of a year by managing agency with totals, for an area or agency (with lineage).");
        api.MapPut("/agencies/{id:int}/staffing-allocations/{year:int}", AllocateAsync).WithTags("Staffing and finance")
            .WithName("SetStaffingAllocation")
            .WithSummary("Set an agency's budget-paid positions for a year; refused when the parent's allocation is exceeded unless overAllocation is true.")
            .RequireAuthorization(WebApp.UnitCreatePolicy);
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

        var input = new FinanceInput(
            revenue?.Decimal("orderedServices"), revenue?.Decimal("scienceTasks"), revenue?.Decimal("serviceFees"),
            revenue?.Decimal("businessSurplus"), revenue?.Decimal("retainedFees"), revenue?.Decimal("other"),
            f.Decimal("recurrentExpenditure"), f.Decimal("investmentSelfFinancing"), f.Decimal("depreciation"), f.Decimal("directBudgetSpending"));
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
        var errors = new List<RuleViolation>();
        var y = Core.VietnamTime.Today(time).Year;
        if (!string.IsNullOrWhiteSpace(year) && !int.TryParse(year, out y))
        {
            errors.Add(new("year", "Năm phải là số nguyên."));
        }

        int? agency = null;
        if (!string.IsNullOrWhiteSpace(agencyId))
        {
            if (int.TryParse(agencyId, out var a))
            {
                agency = a;
            }
            else
            {
                errors.Add(new("agencyId", "Giá trị phải là số nguyên."));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await service.StaffingTableAsync(y, new CountScope(areaCode, agency), ct));
    }

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

        return result.Value is { } row
            ? TypedResults.Ok(new AllocationResponse(row.AgencyId, row.AgencyName, year, row.Allocated ?? 0, row.BudgetPositions, Group(result.Warnings)))
            : Problems.Invalid(result.Errors);
    }

    private static Task<bool> UnitVisibleAsync(Core.Data.SuNghiepDbContext db, int id, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Units, u => u.Id == id, ct);
}
