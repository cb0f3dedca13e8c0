using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

/// <summary>Quality standards (criteria and level bands) and the assessments of units against them.</summary>
public static class QualityApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var standards = api.MapGroup("/quality-standards").WithTags("Quality");
        standards.MapGet("", ListStandardsAsync).WithName("ListQualityStandards")
            .WithSummary("Quality standards: issuer, document, sector, version, score basis (totalPoints or meanScore) and number of criteria.");
        standards.MapGet("/{id:int}", GetStandardAsync).WithName("GetQualityStandard")
            .WithSummary("A quality standard with its criteria (code, group, maximum score) and level bands (lowest first; a score falls in the highest band whose min it reaches).");
        standards.MapPost("", AddStandardAsync).WithName("AddQualityStandard")
            .WithSummary("Add a standard with its criteria and bands; SystemAdmin and HomeAffairs only.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<QualityStandardRequest>("application/json");

        var units = api.MapGroup("/units/{id:int}/assessments").WithTags("Quality");
        units.MapGet("", ListAssessmentsAsync).WithName("ListAssessments").WithSummary("A unit's quality assessments, latest first, with scores by criterion.");
        units.MapPost("", AddAssessmentAsync).WithName("AddAssessment")
            .WithSummary("Record an assessment (self, external or accreditation) with a score for every criterion; answers the score and the level its standard's bands give. A unit officer records self-assessments of its unit; external and accreditation belong to the managing agency.")
            .RequireAuthorization(WebApp.UnitEditPolicy).DescribesBody<AssessmentRequest>("application/json");
    }

    private static async Task<Ok<IReadOnlyList<StandardSummary>>> ListStandardsAsync(QualityService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListStandardsAsync(ct));

    private static async Task<Results<Ok<StandardView>, ProblemHttpResult>> GetStandardAsync(int id, QualityService service, CancellationToken ct) =>
        await service.GetStandardAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("Không tìm thấy tiêu chuẩn chất lượng.");

    private static async Task<Results<Created<StandardView>, ValidationProblem, ProblemHttpResult>> AddStandardAsync(
        [FromBody] JsonElement body, QualityService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var bands = f.Objects("bands").Select(b => (b.String("level"), b.String("label"), b.Decimal("min"))).ToList();
        var criteria = f.Objects("criteria").Select((c, i) => new CriterionInput($"criteria[{i}].", c.String("code"), c.String("group"), c.String("name"), c.Decimal("maxScore"))).ToList();
        var input = new StandardInput(f.String("code"), f.String("name"), f.String("issuer"), f.String("documentNumber"), f.Date("documentDate"),
            f.String("sectorCode"), f.String("version"), f.Date("validFrom"), f.Date("validTo"), f.String("scoreBasis"),
            bands.Select(b => new QualityBand(b.Item1 ?? "", b.Item2 ?? "", b.Item3 ?? -1)).ToList(), f.Int("validityMonths"), f.String("source"), criteria);
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].Item3 is null && !f.Errors.Any(e => e.Field == $"bands[{i}].min"))
            {
                f.Errors.Add(new($"bands[{i}].min", "Vui lòng nhập điểm tối thiểu của mức (min)."));
            }
        }

        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddStandardAsync(input, ct);
        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Created($"/api/v1/quality-standards/{view.Id}", view) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Ok<IReadOnlyList<AssessmentView>>, ProblemHttpResult>> ListAssessmentsAsync(int id, QualityService service, CancellationToken ct) =>
        await service.ListForUnitAsync(id, ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound("Không tìm thấy đơn vị.");

    private static async Task<Results<Created<AssessmentView>, ValidationProblem, ProblemHttpResult>> AddAssessmentAsync(
        int id, [FromBody] JsonElement body, QualityService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var decision = f.Object("decision");
        var scores = f.Objects("scores").Select((s, i) => new EnteredScore($"scores[{i}]", s.Int("criterionId"), s.String("criterionCode"), s.Decimal("score"))).ToList();
        var input = new AssessmentInput(f.Int("standardId"), f.String("kind"), f.Date("periodFrom"), f.Date("periodTo"), f.Date("assessedOn"), scores,
            f.String("team"), decision?.String("number"), decision?.Date("date"), decision?.String("issuer"), f.Date("validUntil"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddAssessmentAsync(id, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Created($"/api/v1/units/{id}/assessments", view) : Problems.Invalid(result.Errors);
    }
}
