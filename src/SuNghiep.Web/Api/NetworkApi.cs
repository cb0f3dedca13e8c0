using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record CoverageItemResponse(
    string CommuneCode, string CommuneName, int Providers, int PublicUnits, int NonPublicProviders, long Capacity, int? Population,
    int? PopulationYear, decimal? Norm, decimal? NormRate, int? NormPer, string? NormDocument, bool BelowNorm)
{
    public static CoverageItemResponse From(CoverageItem i, CoverageNorm? norm) => new(
        i.CommuneCode, i.CommuneName, i.Providers, i.PublicUnits, i.NonPublicProviders, i.Capacity, i.Population, i.PopulationYear, i.Norm,
        norm?.Rate, norm?.Per, norm?.Document, i.BelowNorm);
}

public sealed record CoverageResponse(
    IReadOnlyList<CoverageItemResponse> Items, int Total, string Sector, string? AreaCode, DateOnly AsOf, string CapacityUnit, int BelowNorm)
{
    public static CoverageResponse From(CoverageResult r) => new(
        r.Items.Select(i => CoverageItemResponse.From(i, r.Norm)).ToList(), r.Items.Count, r.Sector, r.AreaCode, r.AsOf, r.CapacityUnit, r.BelowNormCount);
}

public sealed record PopulationListResponse(IReadOnlyList<PopulationRow> Items, int Total);

public sealed record PopulationImportResponse(int Written);

public sealed record UnitCapacityRequest(string CapacityUnit, int Capacity, DateOnly ValidFrom, string? Source);

/// <summary>The network of providers against the population: coverage by commune, populations, public units' capacity.</summary>
public static class NetworkApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var network = api.MapGroup("/network").WithTags("Public services");
        network.MapGet("/coverage", CoverageAsync).WithName("NetworkCoverage")
            .WithSummary("One item per commune in force on asOf under areaCode (a province of today's map; the country when absent): providers "
                + "of the sector (public units and non-public), capacity in the norm's unit, population (latest year up to asOf's), the norm's "
                + "required capacity and whether the commune is below it.");
        network.MapGet("/population", PopulationAsync).WithName("ListPopulation")
            .WithSummary("Communes' populations under areaCode (a province or commune), of one year or all: page, pageSize (up to 5,000).");
        network.MapGet("/population/import-template", () => TypedResults.File(NetworkData.Template(), ReorganizationsApi.XlsxType, "mau-nhap-dan-so.xlsx"))
            .WithName("PopulationImportTemplate")
            .WithSummary("The .xlsx template for importing populations: commune code, commune name, year, population, source.");
        network.MapPost("/population/import", ImportAsync).WithName("ImportPopulation")
            .WithSummary("Import communes' populations from .xlsx (multipart field \"file\"): all or nothing, problems by row and column; a year "
                + "already recorded for a commune is replaced.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<FileUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReorganizationsApi.MaxUpload));

        var units = api.MapGroup("/units/{id:int}/capacity").WithTags("Public services");
        units.MapGet("", CapacityAsync).WithName("GetUnitCapacity")
            .WithSummary("A public unit's capacity as a provider (beds, pupils, places, classes), each row with its validity, latest first.");
        units.MapPut("", PutCapacityAsync).WithName("PutUnitCapacity")
            .WithSummary("Set a unit's capacity in a unit from validFrom; the row in force then ends that day. Written as the unit's staffing is.")
            .RequireAuthorization(WebApp.UnitEditPolicy).Accepts<UnitCapacityRequest>("application/json");
    }

    /// <summary>The coverage query: a bad sector, area or date is a 400 on its name; an area the scope does not reach, a 404.</summary>
    internal static async Task<(CoverageResult? Result, IResult? Problem)> CoverageOfAsync(
        string? areaCode, string? sector, string? asOf, SuNghiepDbContext db, NetworkCoverage coverage, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var date = UnitsApi.ParseDate(asOf, "asOf", errors) ?? Core.VietnamTime.Today(time);
        var found = Catalog.FindSector(sector);
        if (found is null)
        {
            errors.Add(new("sector", string.IsNullOrWhiteSpace(sector)
                ? "Vui lòng chọn lĩnh vực."
                : $"Lĩnh vực \"{sector}\" không có; chọn một trong: {string.Join(", ", Catalog.Sectors.Select(s => s.Code))}."));
        }

        Area? area = null;
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            area = await coverage.ProvinceAsync(areaCode, ct);
            if (area is null)
            {
                errors.Add(new("areaCode", $"Không có tỉnh, thành phố mã \"{areaCode.Trim()}\" theo danh mục hiện hành."));
            }
        }

        if (errors.Count > 0)
        {
            return (null, Problems.Invalid(errors));
        }

        if (!await coverage.ReachesAsync(db.Scope, area?.LineagePath, ct))
        {
            return (null, Problems.NotFound(area is null ? "Phạm vi của bạn không gồm toàn quốc; hãy chọn tỉnh, thành phố." : "Không tìm thấy địa bàn trong phạm vi của bạn."));
        }

        return (await coverage.ComputeAsync(found!.Code, area?.Code, area?.LineagePath, date, null, ct), null);
    }

    private static async Task<IResult> CoverageAsync(
        string? areaCode, string? sector, string? asOf, SuNghiepDbContext db, NetworkCoverage coverage, TimeProvider time, CancellationToken ct)
    {
        var (result, problem) = await CoverageOfAsync(areaCode, sector, asOf, db, coverage, time, ct);
        return problem ?? TypedResults.Ok(CoverageResponse.From(result!));
    }

    private static async Task<Results<Ok<PopulationListResponse>, ValidationProblem>> PopulationAsync(
        string? areaCode, string? year, string? page, string? pageSize, NetworkData data, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var y = Requests.Int(year, "year", errors);
        var p = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 500;
        if (p < 1 || p > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (size is < 1 or > 5000)
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải từ 1 đến 5.000."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await data.PopulationAsync(areaCode, y, p, size, ct);
        return TypedResults.Ok(new PopulationListResponse(items, total));
    }

    private static async Task<Results<Ok<PopulationImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, NetworkData data, CancellationToken ct)
    {
        await using var stream = await Requests.FileAsync(request, ct);
        if (stream is null)
        {
            return Requests.MissingFile();
        }

        var outcome = await data.ImportPopulationAsync(stream, ct);
        if (outcome.Forbidden is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        return outcome.Problems.Count > 0 ? Requests.ImportProblems(outcome.Problems) : TypedResults.Ok(new PopulationImportResponse(outcome.Written));
    }

    private static async Task<Results<Ok<IReadOnlyList<UnitCapacityView>>, ProblemHttpResult>> CapacityAsync(int id, NetworkData data, CancellationToken ct) =>
        await data.CapacityAsync(id, ct) is { } rows ? TypedResults.Ok(rows) : Problems.NotFound("Không tìm thấy đơn vị.");

    private static async Task<Results<Ok<IReadOnlyList<UnitCapacityView>>, ValidationProblem, ProblemHttpResult>> PutCapacityAsync(
        int id, [FromBody] JsonElement body, NetworkData data, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new UnitCapacityInput(f.String("capacityUnit"), f.Int("capacity"), f.Date("validFrom"), f.String("source"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await data.PutCapacityAsync(id, input, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        return result.Value is { } rows ? TypedResults.Ok(rows) : Problems.Invalid(result.Errors);
    }
}
