using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

/// <summary>Body of POST /api/v1/surveys (a round of a form at a unit), for the docs; the endpoint reads it field by field.</summary>
public sealed record SurveyRoundRequest(int? InstrumentId, string? InstrumentCode, int UnitId, DateOnly PeriodFrom, DateOnly PeriodTo, string Label);

/// <summary>One respondent's form: the value given to each item code, e.g. {"A1":4,"A2":5}.</summary>
public sealed record SurveyResponseRequest(DateOnly? RespondedOn, Dictionary<string, int> Answers);

/// <summary>Body of POST /api/v1/surveys/{id}/responses: one response, or several in "responses".</summary>
public sealed record SurveyResponsesRequest(DateOnly? RespondedOn, Dictionary<string, int>? Answers, SurveyResponseRequest[]? Responses);

public sealed record SurveyInstrumentListResponse(IReadOnlyList<SurveyInstrumentRow> Items, int Total);

/// <summary>Satisfaction surveys (issue 14 item 2): the forms, a unit's rounds, their responses and results.</summary>
public static class SurveysApi
{
    public const string NotFound = "Không tìm thấy đợt khảo sát.";

    public static void Map(RouteGroupBuilder api)
    {
        var instruments = api.MapGroup("/survey-instruments").WithTags("Surveys");
        instruments.MapGet("", InstrumentsAsync).WithName("ListSurveyInstruments")
            .WithSummary("The satisfaction survey forms (Decision 3869/QĐ-BYT form 1, the Ho Chi Minh City form) with their document and number of items.");
        instruments.MapGet("/{id:int}", InstrumentAsync).WithName("GetSurveyInstrument")
            .WithSummary("One form with its sections, items, and its scale: values, labels, direction, the satisfied threshold and the no-opinion value.");

        var surveys = api.MapGroup("/surveys").WithTags("Surveys");
        surveys.MapGet("", ListAsync).WithName("ListSurveys")
            .WithSummary("Survey rounds of the units in the caller's scope, latest first, each with its responses, mean, normalised score and share satisfied; filters unitId, sector, year, instrument (id or code), q, page, pageSize.");
        surveys.MapPost("", CreateAsync).WithName("CreateSurvey")
            .WithSummary("Open a survey round of a form at a unit for a period: {instrumentId or instrumentCode, unitId, periodFrom, periodTo, label}.")
            .RequireAuthorization(WebApp.UnitEditPolicy).Accepts<SurveyRoundRequest>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        surveys.MapGet("/{id:int}", GetAsync).WithName("GetSurvey")
            .WithSummary("A round's results: overall, per section and per item the n (answers with an opinion), raw mean, normalised score 0–100 (100 = best whatever the direction) and share satisfied.");
        surveys.MapPost("/{id:int}/responses", AddResponsesAsync).WithName("AddSurveyResponses")
            .WithSummary("Record one response ({respondedOn, answers:{\"A1\":4}}) or several ({responses:[…]}); an unknown item code or a value outside the scale refuses them all.")
            .RequireAuthorization(WebApp.UnitEditPolicy).Accepts<SurveyResponsesRequest>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        surveys.MapGet("/{id:int}/responses/template", TemplateAsync).WithName("SurveyResponsesTemplate")
            .WithSummary("The .xlsx template of the round's form: a \"Ngày trả lời\" column and one column per item code, with the items and the scale on other sheets.");
        surveys.MapPost("/{id:int}/responses/import", ImportAsync).WithName("ImportSurveyResponses")
            .WithSummary("Import responses from .xlsx (multipart field \"file\", one row per respondent, one column per item code): all rows or none, problems by row and column.")
            .RequireAuthorization(WebApp.UnitEditPolicy)
            .DescribesBody<FileUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReorganizationsApi.MaxUpload));
    }

    private static async Task<Ok<SurveyInstrumentListResponse>> InstrumentsAsync(SurveyService service, CancellationToken ct)
    {
        var items = await service.InstrumentsAsync(ct);
        return TypedResults.Ok(new SurveyInstrumentListResponse(items, items.Count));
    }

    private static async Task<Results<Ok<SurveyInstrumentView>, ProblemHttpResult>> InstrumentAsync(int id, SurveyService service, CancellationToken ct) =>
        await service.InstrumentAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("Không tìm thấy mẫu phiếu khảo sát.");

    private static async Task<Results<Ok<SurveyRoundList>, ValidationProblem>> ListAsync(
        string? unitId, string? sector, string? year, string? instrument, string? q, string? page, string? pageSize, SurveyService service, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var filter = Filter(unitId, sector, year, instrument, q, errors);
        var p = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 20;
        if (p < 1)
        {
            errors.Add(new("page", "Trang phải từ 1 trở lên."));
        }

        if (size is < 1 or > 500)
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang từ 1 đến 500."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await service.ListAsync(filter, p, size, ct));
    }

    /// <summary>The list's filters as the API and the pages read them; a bad value is reported under its name.</summary>
    internal static SurveyFilter Filter(string? unitId, string? sector, string? year, string? instrument, string? q, List<RuleViolation> errors)
    {
        var y = Requests.Int(year, "year", errors);
        if (y is < 1900 or > 2200)
        {
            errors.Add(new("year", "Năm phải từ 1900 đến 2200."));
        }

        var instrumentId = int.TryParse(instrument, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        return new SurveyFilter(Requests.Int(unitId, "unitId", errors), string.IsNullOrWhiteSpace(sector) ? null : sector.Trim(), y, instrumentId,
            string.IsNullOrWhiteSpace(q) ? null : q, instrumentId is null && !string.IsNullOrWhiteSpace(instrument) ? instrument : null);
    }

    private static async Task<Results<Ok<SurveyRoundView>, ProblemHttpResult>> GetAsync(int id, SurveyService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound(NotFound);

    private static async Task<Results<Created<SurveyRoundRow>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        [FromBody] JsonElement body, SurveyService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new SurveyRoundInput(f.Int("instrumentId"), f.String("instrumentCode"), f.Int("unitId"), f.Date("periodFrom"), f.Date("periodTo"), f.String("label"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var outcome = await service.CreateRoundAsync(input, ct);
        if (outcome.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return outcome.Value is { } round ? TypedResults.Created($"/api/v1/surveys/{round.Id}", round) : Problems.Invalid(outcome.Errors);
    }

    private static async Task<Results<Created<SurveyResponsesAdded>, ValidationProblem, ProblemHttpResult>> AddResponsesAsync(
        int id, [FromBody] JsonElement body, SurveyService service, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var errors = new List<RuleViolation>();
        var responses = new List<SurveyResponseInput>();
        var many = body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "responses", StringComparison.OrdinalIgnoreCase)).Value;
        if (many.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            responses.Add(Response(new JsonFields(body, "", errors), body, "", errors));
        }
        else if (many.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("responses", "Giá trị phải là một mảng phiếu trả lời."));
        }
        else
        {
            var i = 0;
            foreach (var element in many.EnumerateArray())
            {
                var prefix = $"responses[{i}].";
                if (element.ValueKind == JsonValueKind.Object)
                {
                    responses.Add(Response(new JsonFields(element, prefix, errors), element, prefix, errors));
                }
                else
                {
                    errors.Add(new($"responses[{i}]", "Mỗi phiếu trả lời phải là một đối tượng JSON."));
                }

                i++;
            }

            if (i == 0)
            {
                errors.Add(new("responses", "Không có phiếu trả lời nào."));
            }
        }

        if (errors.Count > 0)
        {
            // The round's existence goes first: an unknown round is a 404 whatever the body.
            return await service.FormOfRoundAsync(id, ct) is null ? Problems.NotFound(NotFound) : Problems.Invalid(errors);
        }

        var outcome = await service.AddResponsesAsync(id, responses, ct);
        if (outcome.NotFound)
        {
            return Problems.NotFound(NotFound);
        }

        if (outcome.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return outcome.Value is { } added ? TypedResults.Created($"/api/v1/surveys/{id}", added) : Problems.Invalid(outcome.Errors);
    }

    /// <summary>One response's date and answers; each answer must be an integer, reported as "answers.A1".</summary>
    private static SurveyResponseInput Response(JsonFields fields, JsonElement element, string prefix, List<RuleViolation> errors)
    {
        var on = fields.Date("respondedOn");
        var answers = new List<KeyValuePair<string, int>>();
        var field = prefix + "answers";
        var value = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "answers", StringComparison.OrdinalIgnoreCase)).Value;
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in value.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n))
                {
                    answers.Add(new(p.Name, n));
                }
                else
                {
                    errors.Add(new($"{field}.{p.Name}", "Giá trị phải là số nguyên của thang đo."));
                }
            }

            if (answers.Count == 0 && !errors.Any(e => e.Field.StartsWith(field, StringComparison.Ordinal)))
            {
                errors.Add(new(field, "Phiếu không có câu trả lời nào."));
            }
        }
        else
        {
            errors.Add(new(field, "Vui lòng gửi các câu trả lời dạng {\"mã câu hỏi\": giá trị}, ví dụ {\"A1\": 4}."));
        }

        return new SurveyResponseInput(on, answers, field);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateAsync(int id, SurveyService service, CancellationToken ct)
    {
        if (await service.GetAsync(id, ct) is not { } round || await service.InstrumentAsync(round.Round.InstrumentId, ct) is not { } form)
        {
            return Problems.NotFound(NotFound);
        }

        return TypedResults.File(SurveyImport.Template(form), ReorganizationsApi.XlsxType, $"mau-phieu-{form.Instrument.Code.ToLowerInvariant()}.xlsx");
    }

    private static async Task<Results<Created<SurveyResponsesAdded>, ProblemHttpResult>> ImportAsync(
        int id, HttpRequest request, SurveyImport import, SurveyService service, CancellationToken ct)
    {
        await using var stream = await Requests.FileAsync(request, ct);
        if (stream is null)
        {
            return await service.FormOfRoundAsync(id, ct) is null ? Problems.NotFound(NotFound) : Requests.MissingFile();
        }

        var result = await import.ImportAsync(id, stream, ct);
        if (result.NotFound)
        {
            return Problems.NotFound(NotFound);
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Succeeded
            ? TypedResults.Created($"/api/v1/surveys/{id}", new SurveyResponsesAdded(result.Responses, result.Answers))
            : Requests.ImportProblems(result.Problems);
    }
}
