using Microsoft.AspNetCore.Http.HttpResults;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record IndicatorInfo(
    string Code, string Name, string Unit, string Definition, string Formula, string Source, string Kind, bool IsShare, string DefaultBaseline);

/// <summary>A drill-down: the units counted, the reorganizations that moved the figure, and for quality and oversight the records behind it.</summary>
public sealed record DrilldownResponse(Paged<DrilldownUnit> Units, Paged<DrilldownEvent> Events, Paged<DrilldownRecord> Records);

/// <summary>The indicators of domain 11 measured from the register: the catalogue, one indicator with its breakdown, its drill-down.</summary>
public static class IndicatorsApi
{
    public const int MaxPageSize = 500;

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/indicators").WithTags("Indicators");
        group.MapGet("", () => TypedResults.Ok(IndicatorCatalog.All.Select(Info).ToList())).WithName("ListIndicators")
            .WithSummary("The catalogue of indicators: code, Vietnamese name, unit, definition, formula, legal source and default baseline.");
        group.MapGet("/{code}", ComputeAsync).WithName("ComputeIndicator")
            .WithSummary("An indicator on a date (asOf) against a baseline (a date 2015-12-31, a year 2021 or a period 2016-2020) in a scope "
                + "(areaCode read on areaOn, agencyId, sector, level), with an optional breakdown by province, commune, agency or sector.");
        group.MapGet("/{code}/drilldown", DrilldownAsync).WithName("IndicatorDrilldown")
            .WithSummary("The units an indicator counts on the as-of date and the reorganizations between baseline and as-of date that changed it.");
        group.MapGet("/{code}/drilldown.xlsx", ExportAsync).WithName("ExportIndicatorDrilldown")
            .WithSummary("The drill-down as .xlsx: the sheet \"Đơn vị\" (units) and the sheet \"Sắp xếp\" (reorganizations with their decisions).")
            .Produces(StatusCodes.Status200OK, contentType: ReorganizationsApi.XlsxType);
    }

    private static IndicatorInfo Info(IndicatorDefinition d) => new(
        d.Code, d.Name, d.Unit, d.Definition, d.Formula, d.Source, d.Kind switch
        {
            IndicatorKind.PointInTime => "pointInTime",
            IndicatorKind.Yearly => "yearly",
            _ => "periodAverage",
        }, d.IsShare, IndicatorCatalog.DefaultBaseline(d.Code).ToString());

    private static async Task<Results<Ok<IndicatorResult>, ValidationProblem, ProblemHttpResult>> ComputeAsync(
        string code, HttpRequest request, IndicatorEngine engine, TimeProvider time, CancellationToken ct)
    {
        var (query, problem) = await ReadAsync(code, request, engine, time, ct);
        if (problem is not null)
        {
            return problem.Value.NotFound is { } notFound ? notFound : problem.Value.Invalid!;
        }

        return TypedResults.Ok(await engine.ComputeAsync(query!, ct));
    }

    private static async Task<Results<Ok<DrilldownResponse>, ValidationProblem, ProblemHttpResult>> DrilldownAsync(
        string code, HttpRequest request, IndicatorEngine engine, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var page = Requests.Int(request.Query["page"], "page", errors) ?? 1;
        var size = Requests.Int(request.Query["pageSize"], "pageSize", errors) ?? 50;
        if (page is < 1 or > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors.Add(new("pageSize", $"Số dòng mỗi trang phải từ 1 đến {MaxPageSize}."));
        }

        var (query, problem) = await ReadAsync(code, request, engine, time, ct, errors);
        if (problem is not null)
        {
            return problem.Value.NotFound is { } notFound ? notFound : problem.Value.Invalid!;
        }

        var drilldown = await engine.DrilldownAsync(query!, page, size, ct);
        return TypedResults.Ok(new DrilldownResponse(drilldown.Units, drilldown.Events, drilldown.Records));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string code, HttpRequest request, IndicatorEngine engine, TimeProvider time, CancellationToken ct)
    {
        var (query, problem) = await ReadAsync(code, request, engine, time, ct);
        if (problem is not null)
        {
            return problem.Value.NotFound is { } notFound ? notFound : problem.Value.Invalid!;
        }

        var drilldown = await engine.DrilldownAsync(query!, 1, int.MaxValue, ct);
        var name = $"{query!.Code.Replace('.', '-')}-{query.AsOf:yyyy-MM-dd}.xlsx";
        return TypedResults.File(IndicatorExport.Xlsx(drilldown), ReorganizationsApi.XlsxType, name);
    }

    /// <summary>
    /// The query of the three GETs: an unknown code is 404; a bad parameter is a 400 under its name. The as-of date is today
    /// by default, the baseline the indicator's default one.
    /// </summary>
    private static async Task<(IndicatorQuery? Query, (ProblemHttpResult? NotFound, ValidationProblem? Invalid)? Problem)> ReadAsync(
        string code, HttpRequest request, IndicatorEngine engine, TimeProvider time, CancellationToken ct, List<RuleViolation>? errors = null)
    {
        if (IndicatorCatalog.Find(code) is not { } definition)
        {
            return (null, (Problems.NotFound($"Không có chỉ tiêu mã \"{code}\"."), null));
        }

        errors ??= [];
        var q = request.Query;
        var asOf = UnitsApi.ParseDate(q["asOf"], "asOf", errors) ?? UnitsApi.Today(time);
        Baseline? baseline = null;
        if (!string.IsNullOrWhiteSpace(q["baseline"]))
        {
            baseline = Baseline.Parse(q["baseline"], out var error);
            if (error is not null)
            {
                errors.Add(new("baseline", error));
            }
        }

        var areaOn = UnitsApi.ParseDate(q["areaOn"], "areaOn", errors);
        var agencyId = Requests.Int(q["agencyId"], "agencyId", errors);
        string? Text(string name) => string.IsNullOrWhiteSpace(q[name]) ? null : q[name].ToString().Trim();
        if (areaOn is not null && Text("areaCode") is null)
        {
            errors.Add(new("areaOn", "Chỉ dùng ngày đọc mã địa bàn (areaOn) cùng với mã địa bàn (areaCode)."));
        }

        var query = new IndicatorQuery(definition.Code, asOf, baseline,
            new IndicatorScope(Text("areaCode"), areaOn, agencyId, Text("sector"), Text("level")), Text("breakdown")?.ToLowerInvariant());
        // A parameter that did not parse is reported once, by its own message.
        var parsed = errors.Select(e => e.Field).ToHashSet();
        errors.AddRange((await engine.ValidateAsync(query, ct)).Where(e => !parsed.Contains(e.Field)));

        return errors.Count > 0 ? (null, (null, Problems.Invalid(errors))) : (query, null);
    }
}
