using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record CataloguePage(IReadOnlyList<CatalogueRow> Items, int Total);

public sealed record CatalogueImportResponse(int Imported);

/// <summary>
/// Catalogues of public services using the state budget, their items, norms and prices (Decree 60/2021 Art. 4, Decree
/// 32/2019): public acts that any account reads; writes per <see cref="CatalogueService.RefusalAsync"/>.
/// </summary>
public static class ServiceCataloguesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var catalogues = api.MapGroup("/service-catalogues").WithTags("Public services");
        catalogues.MapGet("", ListAsync).WithName("ListServiceCatalogues")
            .WithSummary("Catalogues of public services using the state budget, latest first: level (central|province), q (accent-insensitive), page, pageSize.");
        catalogues.MapPost("", CreateAsync).WithName("CreateServiceCatalogue")
            .WithSummary("Record a catalogue by its decision; one that supersedes another ends it the day before its validFrom.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<CatalogueRequest>("application/json");
        catalogues.MapGet("/{id:int}", GetAsync).WithName("GetServiceCatalogue")
            .WithSummary("A catalogue with its items in the decision's order, each with the price in force today.");
        catalogues.MapPost("/{id:int}/items", AddItemAsync).WithName("AddServiceItem")
            .WithSummary("Add an item: code unique in the catalogue, one of the seven sectors, methods the sector allows (Decree 32/2019 Appendix I).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<ServiceItemRequest>("application/json");

        catalogues.MapGet("/items-template", () => TypedResults.File(CatalogueImport.ItemTemplate(), ReorganizationsApi.XlsxType, "mau-dich-vu-danh-muc.xlsx"))
            .WithName("ServiceItemImportTemplate").WithSummary("The .xlsx template of a catalogue's items.");
        catalogues.MapGet("/prices-template", () => TypedResults.File(CatalogueImport.PriceTemplate(), ReorganizationsApi.XlsxType, "mau-don-gia-dich-vu.xlsx"))
            .WithName("ServicePriceImportTemplate").WithSummary("The .xlsx template of the prices of a catalogue's items.");
        catalogues.MapPost("/{id:int}/items/import", (int id, HttpRequest request, CatalogueImport import, CancellationToken ct) =>
                ImportAsync(id, request, import.ItemsAsync, ct))
            .WithName("ImportServiceItems")
            .WithSummary("Import a catalogue's items from .xlsx (multipart field \"file\", the template's columns): all rows or none, problems by row and column.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<FileUpload>("multipart/form-data").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReorganizationsApi.MaxUpload));
        catalogues.MapPost("/{id:int}/prices/import", (int id, HttpRequest request, CatalogueImport import, CancellationToken ct) =>
                ImportAsync(id, request, import.PricesAsync, ct))
            .WithName("ImportServicePrices")
            .WithSummary("Import prices of a catalogue's items, by item code, from .xlsx (multipart field \"file\"): all rows or none, problems by row and column.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<FileUpload>("multipart/form-data").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReorganizationsApi.MaxUpload));

        var items = api.MapGroup("/service-items").WithTags("Public services");
        items.MapGet("", ItemsAsync).WithName("ListServiceItems")
            .WithSummary("Items of the catalogues: catalogueId, sector, q (code or name, accent-insensitive), page, pageSize.");
        items.MapGet("/{id:int}", ItemAsync).WithName("GetServiceItem")
            .WithSummary("An item with its prices and norms, and the price in force on a date (on=YYYY-MM-DD, today by default) in an area (areaCode).");
        items.MapGet("/{id:int}/price", PriceAsync).WithName("GetServicePriceInForce")
            .WithSummary("The price of the item in force on a date in an area: the area's own over a national one; 404 when none.");
        items.MapPost("/{id:int}/prices", AddPriceAsync).WithName("AddServicePrice")
            .WithSummary("Record a unit price by its decision; the previous price of the same item and area ends the day before.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<ServicePriceRequest>("application/json");
        items.MapPost("/{id:int}/norms", AddNormAsync).WithName("AddServiceNorm")
            .WithSummary("Record an economic-technical norm: the inputs one unit of output takes; the previous norm ends the day before.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<ServiceNormRequest>("application/json");
    }

    private static async Task<Results<Ok<CataloguePage>, ValidationProblem>> ListAsync(
        string? level, string? q, string? page, string? pageSize, CatalogueQueries queries, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var (p, size) = Paging(page, pageSize, errors);
        if (level is not null && CatalogueCodes.ParseLevel(level) is null)
        {
            errors.Add(new("level", "Cấp ban hành phải là central hoặc province."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (rows, total) = await queries.CataloguesAsync(new(q, level, p, size), ct);
        return TypedResults.Ok(new CataloguePage(rows, total));
    }

    private static async Task<Results<Ok<CatalogueView>, ProblemHttpResult>> GetAsync(int id, CatalogueQueries queries, CancellationToken ct) =>
        await queries.CatalogueAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("Không tìm thấy danh mục dịch vụ.");

    private static async Task<Results<Created<CatalogueView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        [FromBody] JsonElement body, CatalogueService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new CatalogueInput(f.String("name"), f.String("level"), f.String("areaCode"), Decision(f), f.Date("validFrom"), f.Int("supersedesId"),
            f.Int("issuerAgencyId"), f.String("notes"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.CreateAsync(input, ct);
        return Answer(result, v => $"/api/v1/service-catalogues/{v.Id}", "Không tìm thấy danh mục dịch vụ.");
    }

    private static async Task<Results<Created<ItemRow>, ValidationProblem, ProblemHttpResult>> AddItemAsync(
        int id, [FromBody] JsonElement body, CatalogueService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new ItemInput(f.String("code"), f.String("name"), f.String("sector"), f.Int("parentId"), f.Strings("methods"),
            f.Bool("essential") ?? false, f.Bool("feeBased") ?? false, f.String("outputUnit"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddItemAsync(id, input, ct);
        return Answer(result, v => $"/api/v1/service-items/{v.Id}", "Không tìm thấy danh mục dịch vụ.");
    }

    private static async Task<Results<Ok<ItemList>, ValidationProblem>> ItemsAsync(
        string? catalogueId, string? sector, string? q, string? page, string? pageSize, CatalogueQueries queries, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var catalogue = Requests.Int(catalogueId, "catalogueId", errors);
        var (p, size) = Paging(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await queries.ItemsAsync(new(catalogue, sector, q, p, size), ct));
    }

    private static async Task<Results<Ok<ItemView>, ValidationProblem, ProblemHttpResult>> ItemAsync(
        int id, string? on, string? areaCode, CatalogueQueries queries, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var date = UnitsApi.ParseDate(on, "on", errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return await queries.ItemAsync(id, date, CatalogueService.Trimmed(areaCode), ct) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound("Không tìm thấy dịch vụ trong danh mục.");
    }

    private static async Task<Results<Ok<PriceView>, ValidationProblem, ProblemHttpResult>> PriceAsync(
        int id, string? on, string? areaCode, CatalogueQueries queries, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var date = UnitsApi.ParseDate(on, "on", errors) ?? Core.VietnamTime.Today(time);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (found, price) = await queries.PriceInForceAsync(id, date, CatalogueService.Trimmed(areaCode), ct);
        if (!found)
        {
            return Problems.NotFound("Không tìm thấy dịch vụ trong danh mục.");
        }

        return price is not null
            ? TypedResults.Ok(price)
            : Problems.NotFound($"Dịch vụ chưa có đơn giá có hiệu lực ngày {CatalogueService.Day(date)}{(areaCode is { Length: > 0 } ? $" tại địa bàn mã {areaCode.Trim()}" : "")}.");
    }

    private static async Task<Results<Created<PriceView>, ValidationProblem, ProblemHttpResult>> AddPriceAsync(
        int id, [FromBody] JsonElement body, CatalogueService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new PriceInput(f.String("areaCode"), f.Decimal("price"), f.String("unit"), f.String("costBasis"), Decision(f), f.Date("validFrom"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddPriceAsync(id, input, ct);
        return Answer(result, v => $"/api/v1/service-items/{id}/price?on={v.ValidFrom:yyyy-MM-dd}", "Không tìm thấy dịch vụ trong danh mục.");
    }

    private static async Task<Results<Created<NormView>, ValidationProblem, ProblemHttpResult>> AddNormAsync(
        int id, [FromBody] JsonElement body, CatalogueService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var lines = f.Objects("inputs").Select(i => new NormLine(i.String("kind"), i.String("name"), i.String("unit"), i.Decimal("quantity"))).ToList();
        var input = new NormInput(f.String("outputUnit"), lines, Decision(f), f.Date("validFrom"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.AddNormAsync(id, input, ct);
        return Answer(result, _ => $"/api/v1/service-items/{id}", "Không tìm thấy dịch vụ trong danh mục.");
    }

    private static async Task<Results<Ok<CatalogueImportResponse>, ProblemHttpResult>> ImportAsync(
        int id, HttpRequest request, Func<int, Stream, CancellationToken, Task<CatalogueImport.Outcome>> import, CancellationToken ct)
    {
        await using var stream = await Requests.FileAsync(request, ct);
        if (stream is null)
        {
            return Requests.MissingFile();
        }

        var outcome = await import(id, stream, ct);
        if (outcome.NotFound)
        {
            return Problems.NotFound("Không tìm thấy danh mục dịch vụ.");
        }

        if (outcome.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return outcome.Succeeded ? TypedResults.Ok(new CatalogueImportResponse(outcome.Imported)) : Requests.ImportProblems(outcome.Problems);
    }

    private static DecisionInput Decision(JsonFields f)
    {
        var decision = f.Object("decision");
        return new(decision?.String("number"), decision?.Date("date"), decision?.String("issuer"));
    }

    private static (int Page, int Size) Paging(string? page, string? pageSize, List<RuleViolation> errors)
    {
        var p = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 20;
        if (p < 1 || p > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (size is < 1 or > 200)
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải từ 1 đến 200."));
        }

        return (p, size);
    }

    private static Results<Created<T>, ValidationProblem, ProblemHttpResult> Answer<T>(WriteResult<T> result, Func<T, string> location, string notFound)
        where T : class
    {
        if (result.NotFound)
        {
            return Problems.NotFound(notFound);
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } value ? TypedResults.Created(location(value), value) : Problems.Invalid(result.Errors);
    }
}
