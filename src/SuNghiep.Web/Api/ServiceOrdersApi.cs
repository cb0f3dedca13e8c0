using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record OrderListResponse(IReadOnlyList<OrderRow> Items, int Total);

public sealed record OrderDecisionBody(string Number, DateOnly Date, string Issuer);

/// <summary>Body of POST /api/v1/service-orders; exactly one of providerUnitId and providerId (none for bidding before the award).</summary>
public sealed record OrderRequest(
    int Year, string Method, int OrdererAgencyId, int? ProviderUnitId, int? ProviderId, int ItemId, decimal Quantity, decimal? UnitPrice,
    DateOnly StartOn, DateOnly EndOn, OrderDecisionBody Decision, string? EstimateReference, string? QualityRequirement, string? Notes);

public sealed record BidRequest(string? BidderName, int? ProviderUnitId, int? ProviderId, decimal Price, string? Notes);

public sealed record AwardRequest(int BidId);

public sealed record AcceptanceRequest(DateOnly Date, decimal QuantityAccepted, string? QualityLevel, decimal? QualityScore, decimal? Deduction, string? Minutes);

public sealed record SettlementRequest(string Kind, DateOnly Date, decimal Amount, string? DocumentNumber, string? Notes);

public sealed record CancelRequest(string? Reason);

/// <summary>Assignment, ordering and bidding of public services (Decree 32/2019/NĐ-CP), acceptance and settlement.</summary>
public static class ServiceOrdersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/service-orders").WithTags("Service orders");
        group.MapGet("", ListAsync).WithName("ListServiceOrders")
            .WithSummary("Orders the caller's scope reaches (as orderer or provider unit); filters year, method, ordererAgencyId, providerUnitId, providerId, itemId, status, q, page, pageSize.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetServiceOrder")
            .WithSummary("One order with its bids, acceptances and settlements.");
        group.MapPost("", CreateAsync).WithName("CreateServiceOrder")
            .WithSummary("Issue an order: method allowed by the catalogue and Decree 32/2019, unit price defaulting to the price in force on startOn.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<OrderRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/import-template", () => TypedResults.File(OrderImport.Template(), ReorganizationsApi.XlsxType, "mau-nhap-dat-hang.xlsx"))
            .WithName("ServiceOrderImportTemplate")
            .WithSummary("The .xlsx template for importing a year's orders: year, method, orderer, provider, item, quantity, price, dates, decision.");
        group.MapPost("/import", ImportAsync).WithName("ImportServiceOrders")
            .WithSummary("Import orders from .xlsx (multipart field \"file\"): all or nothing, problems by row and column.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<FileUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReorganizationsApi.MaxUpload));
        group.MapPost("/{id:int}/bids", BidAsync).WithName("AddServiceOrderBid")
            .WithSummary("Record a bidder of a tendered order with its provider and price.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<BidRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:int}/award", AwardAsync).WithName("AwardServiceOrder")
            .WithSummary("Award a tendered order: the bid's provider becomes the order's, its price the unit price.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<AwardRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:int}/acceptance", AcceptAsync).WithName("AcceptServiceOrder")
            .WithSummary("Record an acceptance; the year's accepted value feeds the provider unit's revenue from orders.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<AcceptanceRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:int}/settlement", SettleAsync).WithName("SettleServiceOrder")
            .WithSummary("Record an advance, payment, final settlement or liquidation.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<SettlementRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:int}/cancel", CancelAsync).WithName("CancelServiceOrder")
            .WithSummary("Cancel an order nothing was accepted or paid on.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<CancelRequest>("application/json").ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>The list's query string, read the same by the API and the page; each bad value is a message on its parameter.</summary>
    public static (OrderFilter Filter, List<RuleViolation> Errors) ReadFilter(
        string? year, string? method, string? ordererAgencyId, string? providerUnitId, string? providerId, string? itemId, string? status,
        string? q, string? page, string? pageSize, int maxPageSize = 500)
    {
        var errors = new List<RuleViolation>();
        var y = Requests.Int(year, "year", errors);
        var m = ServiceRules.ParseMethod(method);
        if (!string.IsNullOrWhiteSpace(method) && m is null)
        {
            errors.Add(new("method", "Phương thức phải là một trong: assignment, ordering, bidding."));
        }

        var s = OrderCodes.ParseStatus(status);
        if (!string.IsNullOrWhiteSpace(status) && s is null)
        {
            errors.Add(new("status", "Trạng thái phải là một trong: issued, partly-accepted, accepted, settled, cancelled."));
        }

        var pageNumber = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 50;
        if (pageNumber < 1 || pageNumber > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (size < 1 || size > maxPageSize)
        {
            errors.Add(new("pageSize", $"Số dòng mỗi trang từ 1 đến {maxPageSize}."));
        }

        var filter = new OrderFilter(y, m, Requests.Int(ordererAgencyId, "ordererAgencyId", errors), Requests.Int(providerUnitId, "providerUnitId", errors),
            Requests.Int(providerId, "providerId", errors), Requests.Int(itemId, "itemId", errors), s,
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(), pageNumber, size);
        return (filter, errors);
    }

    private static async Task<Results<Ok<OrderListResponse>, ValidationProblem>> ListAsync(
        OrderService service, string? year, string? method, string? ordererAgencyId, string? providerUnitId, string? providerId, string? itemId,
        string? status, string? q, string? page, string? pageSize, CancellationToken ct)
    {
        var (filter, errors) = ReadFilter(year, method, ordererAgencyId, providerUnitId, providerId, itemId, status, q, page, pageSize);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await service.ListAsync(filter, ct);
        return TypedResults.Ok(new OrderListResponse(items, total));
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, OrderImport import, CancellationToken ct)
    {
        await using var stream = await Requests.FileAsync(request, ct);
        if (stream is null)
        {
            return Requests.MissingFile();
        }

        var result = await import.ImportAsync(stream, ct);
        return result.Succeeded ? TypedResults.Ok(new ImportResponse(result.Applied)) : Requests.ImportProblems(result.Problems);
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetAsync(int id, OrderService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("Không tìm thấy đặt hàng.");

    private static async Task<Results<Created<OrderView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        [FromBody] JsonElement body, OrderService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var decision = f.Object("decision");
        if (decision is null && !f.Errors.Any(e => e.Field == "decision"))
        {
            f.Errors.Add(new("decision", "Vui lòng nêu quyết định giao nhiệm vụ, đặt hàng (decision: number, date, issuer)."));
        }

        var input = new OrderInput(
            f.Int("year"), f.String("method"), f.Int("ordererAgencyId"), f.Int("providerUnitId"), f.Int("providerId"), f.Int("itemId"),
            f.Decimal("quantity"), f.Decimal("unitPrice"), f.Date("startOn"), f.Date("endOn"), decision?.String("number"), decision?.Date("date"),
            decision?.String("issuer"), f.String("estimateReference"), f.String("qualityRequirement"), f.String("notes"));
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.CreateAsync(input, ct);
        if (result.Forbidden)
        {
            return Problems.Forbidden(result.Errors[0].Message);
        }

        return result.Succeeded
            ? TypedResults.Created($"/api/v1/service-orders/{result.Id}", (await service.GetAsync(result.Id!.Value, ct))!)
            : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> BidAsync(
        int id, [FromBody] JsonElement body, OrderService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new BidInput(f.String("bidderName"), f.Int("providerUnitId"), f.Int("providerId"), f.Decimal("price"), f.String("notes"));
        return f.Errors.Count > 0 ? Problems.Invalid(f.Errors) : await AnswerAsync(service, await service.AddBidAsync(id, input, ct), ct);
    }

    private static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> AwardAsync(
        int id, [FromBody] JsonElement body, OrderService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var bid = f.Int("bidId");
        return f.Errors.Count > 0 ? Problems.Invalid(f.Errors) : await AnswerAsync(service, await service.AwardAsync(id, bid, ct), ct);
    }

    private static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        int id, [FromBody] JsonElement body, OrderService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new AcceptanceInput(f.Date("date"), f.Decimal("quantityAccepted"), f.String("qualityLevel"), f.Decimal("qualityScore"),
            f.Decimal("deduction"), f.String("minutes"));
        return f.Errors.Count > 0 ? Problems.Invalid(f.Errors) : await AnswerAsync(service, await service.AcceptAsync(id, input, ct), ct);
    }

    private static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> SettleAsync(
        int id, [FromBody] JsonElement body, OrderService service, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new SettlementInput(f.String("kind"), f.Date("date"), f.Decimal("amount"), f.String("documentNumber"), f.String("notes"));
        return f.Errors.Count > 0 ? Problems.Invalid(f.Errors) : await AnswerAsync(service, await service.SettleAsync(id, input, ct), ct);
    }

    // The body is optional: a cancel without a reason is a bare POST.
    private static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        int id, HttpRequest request, OrderService service, CancellationToken ct)
    {
        string? reason = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var f = new JsonFields(doc.RootElement);
            if (!f.IsObject)
            {
                return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
            }

            reason = f.String("reason");
            if (f.Errors.Count > 0)
            {
                return Problems.Invalid(f.Errors);
            }
        }

        return await AnswerAsync(service, await service.CancelAsync(id, reason, ct), ct);
    }

    private static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(OrderService service, OrderResult result, CancellationToken ct)
    {
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đặt hàng.");
        }

        if (result.Forbidden)
        {
            return Problems.Forbidden(result.Errors[0].Message);
        }

        if (result.Conflict)
        {
            return Problems.Conflict(result.Errors[0].Message);
        }

        return result.Succeeded ? TypedResults.Ok((await service.GetAsync(result.Id!.Value, ct))!) : Problems.Invalid(result.Errors);
    }
}
