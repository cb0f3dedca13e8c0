using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record JobPositionListResponse(JobPositionListView List, IReadOnlyDictionary<string, string[]> Warnings);

/// <summary>A unit's approved lists of job positions (Decree 106/2020/NĐ-CP), read and written as its staffing is.</summary>
public static class JobPositionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units/{id:int}/job-positions").WithTags("Staffing and finance");
        units.MapGet("", InForceAsync).WithName("GetJobPositions")
            .WithSummary("The unit's list of job positions in force on a date (on=YYYY-MM-DD, today by default), with its decision, totals by group and the 65% warning.");
        units.MapGet("/history", HistoryAsync).WithName("ListJobPositionHistory")
            .WithSummary("Every approved list of the unit's job positions, latest first, each with the date the next approval replaced it.");
        units.MapPost("", ApproveAsync).WithName("ApproveJobPositions")
            .WithSummary("Record a new approved list of job positions; it replaces the list in force from its decision's date, and the history stays.")
            .RequireAuthorization(WebApp.UnitEditPolicy).DescribesBody<JobPositionListRequest>("application/json");
        units.MapPost("/import", ImportAsync).WithName("ImportJobPositions")
            .WithSummary("Record a new approved list from .xlsx (multipart: \"file\" in the columns of the page's export, with decisionNumber, decisionDate YYYY-MM-DD, decisionIssuer, notes); all or nothing, problems by row and column.")
            .RequireAuthorization(WebApp.UnitEditPolicy).DescribesBody<JobPositionUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReorganizationsApi.MaxUpload));
    }

    private static async Task<Results<Created<JobPositionListResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        int id, HttpRequest request, JobPositionImport import, CancellationToken ct)
    {
        await using var stream = await Requests.FileAsync(request, ct);
        if (stream is null)
        {
            return Requests.MissingFile();
        }

        var form = await request.ReadFormAsync(ct);
        var errors = new List<RuleViolation>();
        var date = UnitsApi.ParseDate(form["decisionDate"], "decisionDate", errors);
        var outcome = await import.ImportAsync(id, stream, form["decisionNumber"], date, form["decisionIssuer"], form["notes"], ct);
        if (outcome.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        // The form's own names for the decision's fields.
        var dateUnreadable = errors.Count > 0;
        errors.AddRange(outcome.DecisionErrors.Where(e => !(e.Field == "decision.date" && dateUnreadable)).Select(e => e with
        {
            Field = e.Field switch { "decision.number" => "decisionNumber", "decision.date" => "decisionDate", "decision.issuer" => "decisionIssuer", _ => e.Field },
        }));
        if (outcome.Problems.Count > 0)
        {
            return TypedResults.Problem(statusCode: 400, title: "Tệp có lỗi, chưa ghi dữ liệu nào",
                detail: $"{outcome.Problems.Count} lỗi; xem \"problems\" (dòng, cột).",
                extensions: new Dictionary<string, object?>
                {
                    ["problems"] = outcome.Problems,
                    ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                });
        }

        if (outcome.List is not { } list)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Created($"/api/v1/units/{id}/job-positions?on={list.DecisionDate:yyyy-MM-dd}",
            new JobPositionListResponse(list, outcome.Warnings.GroupBy(w => w.Field).ToDictionary(g => g.Key, g => g.Select(w => w.Message).ToArray())));
    }

    private static async Task<Results<Ok<JobPositionListView>, ValidationProblem, ProblemHttpResult>> InForceAsync(
        int id, string? on, JobPositionService service, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var date = UnitsApi.ParseDate(on, "on", errors) ?? Core.VietnamTime.Today(time);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await service.HistoryAsync(id, ct) is not { } history)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        return JobPositionService.InForce(history, date) is { } list
            ? TypedResults.Ok(list)
            : Problems.NotFound($"Đơn vị chưa có danh mục vị trí việc làm được phê duyệt có hiệu lực ngày {date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    private static async Task<Results<Ok<IReadOnlyList<JobPositionListView>>, ProblemHttpResult>> HistoryAsync(int id, JobPositionService service, CancellationToken ct) =>
        await service.HistoryAsync(id, ct) is { } history ? TypedResults.Ok(history) : Problems.NotFound("Không tìm thấy đơn vị.");

    private static async Task<Results<Created<JobPositionListResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        int id, [FromBody] JsonElement body, JobPositionService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var decision = f.Object("decision");
        if (decision is null && !f.Errors.Any(e => e.Field == "decision"))
        {
            f.Errors.Add(new("decision", "Vui lòng nhập quyết định phê duyệt: số (number), ngày (date) và cơ quan ban hành (issuer)."));
        }

        var rows = f.Objects("positions").Select((p, i) =>
        {
            var code = p.String("group");
            var group = JobPositionRules.Parse(code);
            if (code is not null && group is null)
            {
                f.Errors.Add(new($"positions[{i}].group", $"Dòng {i + 1}: nhóm vị trí việc làm \"{code}\" không có; chọn leadership, professional, sharedProfessional hoặc support."));
            }

            return new JobPositionFacts(p.String("name"), group, p.String("titleName"), p.String("titleCode"), p.Int("people"));
        }).ToList();
        var input = new JobPositionListInput(decision?.String("number"), decision?.Date("date"), decision?.String("issuer"), f.String("notes"), rows);
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.ApproveAsync(id, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        return result.Value is { } list
            ? TypedResults.Created($"/api/v1/units/{id}/job-positions?on={list.DecisionDate:yyyy-MM-dd}",
                new JobPositionListResponse(list, result.Warnings.GroupBy(w => w.Field).ToDictionary(g => g.Key, g => g.Select(w => w.Message).ToArray())))
            : Problems.Invalid(result.Errors);
    }
}
