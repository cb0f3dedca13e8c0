using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record ProviderLicenceRequest(string? Number, DateOnly? Date, string? Issuer);

/// <summary>Body of POST and PUT /api/v1/providers; on PUT, validFrom opens a new version and endedOn closes the provider.</summary>
public sealed record ProviderRequest(
    string Code, string Name, string LegalForm, string Ownership, string Sector, string ProviderType, string? Address, string CommuneCode,
    int Capacity, string CapacityUnit, ProviderLicenceRequest? Licence, DateOnly StartedOn, int? RecordedByAgencyId, string? Notes,
    DateOnly? ValidFrom, DateOnly? EndedOn);

public sealed record ProviderListResponse(IReadOnlyList<ProviderView> Items, int Total);

/// <summary>Non-public providers (licensed private schools, hospitals, clinics, centres), versioned as units are.</summary>
public static class ProvidersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/providers").WithTags("Public services");
        providers.MapGet("", ListAsync).WithName("ListProviders")
            .WithSummary("Non-public providers: q (accent-insensitive), sector, areaCode (a province or commune, with lineage), page, pageSize.");
        providers.MapGet("/{id:int}", GetAsync).WithName("GetProvider")
            .WithSummary("One provider as its version in force on asOf (today by default) describes it, with its ETag.");
        providers.MapGet("/{id:int}/history", HistoryAsync).WithName("ProviderHistory")
            .WithSummary("Every version of a provider, latest first, each with its validity [validFrom, validTo).");
        providers.MapPost("", CreateAsync).WithName("CreateProvider")
            .WithSummary("Record a non-public provider; the commune must be in force on startedOn.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).Accepts<ProviderRequest>("application/json");
        providers.MapPut("/{id:int}", UpdateAsync).WithName("UpdateProvider")
            .WithSummary("Change a provider: with validFrom a new version from that date (the open one ends the day before), without it a "
                + "correction of the open version; endedOn closes it. If-Match, when sent, must carry the ETag as read (412 when stale).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).Accepts<ProviderRequest>("application/json")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<ProviderListResponse>, ValidationProblem>> ListAsync(
        string? q, string? sector, string? areaCode, string? page, string? pageSize, ProviderService service, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var p = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 20;
        if (p < 1 || p > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (size is < 1 or > 500)
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải từ 1 đến 500."));
        }

        if (!string.IsNullOrWhiteSpace(sector) && Core.Entities.Catalog.FindSector(sector) is null)
        {
            errors.Add(new("sector", $"Lĩnh vực \"{sector}\" không có."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await service.ListAsync(new ProviderListQuery(q, sector, areaCode, p, size), ct);
        return TypedResults.Ok(new ProviderListResponse(items, total));
    }

    private static async Task<Results<Ok<ProviderView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int id, string? asOf, HttpResponse response, ProviderService service, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var date = UnitsApi.ParseDate(asOf, "asOf", errors) ?? Core.VietnamTime.Today(time);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await service.GetAsync(id, date, ct) is not { } provider)
        {
            return await service.HistoryAsync(id, ct) is null
                ? Problems.NotFound("Không tìm thấy cơ sở cung ứng.")
                : Problems.NotFound($"Cơ sở chưa hoạt động vào ngày {date:dd/MM/yyyy}.");
        }

        response.Headers.ETag = ETag(provider.Id, provider.Revision);
        return TypedResults.Ok(provider);
    }

    private static async Task<Results<Ok<IReadOnlyList<ProviderVersionView>>, ProblemHttpResult>> HistoryAsync(int id, ProviderService service, CancellationToken ct) =>
        await service.HistoryAsync(id, ct) is { } history ? TypedResults.Ok(history) : Problems.NotFound("Không tìm thấy cơ sở cung ứng.");

    private static async Task<Results<Created<ProviderView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        [FromBody] JsonElement body, HttpResponse response, ProviderService service, CancellationToken ct)
    {
        var (input, errors) = Read(body);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var result = await service.CreateAsync(input, ct);
        if (result.Forbidden is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        if (result.Provider is not { } provider)
        {
            return Problems.Invalid(result.Errors);
        }

        response.Headers.ETag = ETag(provider.Id, provider.Revision);
        return TypedResults.Created($"/api/v1/providers/{provider.Id}", provider);
    }

    private static async Task<Results<Ok<ProviderView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, [FromBody] JsonElement body, HttpRequest request, HttpResponse response, ProviderService service, CancellationToken ct)
    {
        if (await service.GetAsync(id, null, ct) is not { } current)
        {
            return Problems.NotFound("Không tìm thấy cơ sở cung ứng.");
        }

        // If-Match is optional: a client that sends it is protected from overwriting a change it has not read.
        int? revision = null;
        if (request.Headers.IfMatch.Count > 0)
        {
            var tag = new EntityTagHeaderValue(ETag(id, current.Revision));
            if (!EntityTagHeaderValue.TryParseStrictList(request.Headers.IfMatch, out var tags)
                || !tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: true)))
            {
                return Stale(id);
            }

            revision = current.Revision;
        }

        var (input, errors) = Read(body);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var result = await service.UpdateAsync(id, input, revision, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy cơ sở cung ứng.");
        }

        if (result.Forbidden is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        if (result.Conflict)
        {
            return Stale(id);
        }

        if (result.Provider is not { } provider)
        {
            return Problems.Invalid(result.Errors);
        }

        response.Headers.ETag = ETag(provider.Id, provider.Revision);
        return TypedResults.Ok(provider);
    }

    private static string ETag(int id, int revision) => $"\"p{id}-{revision}\"";

    private static ProblemHttpResult Stale(int id) => Problems.PreconditionFailed(
        $"Cơ sở đã được người khác thay đổi kể từ khi bạn đọc; không có gì được ghi. Đọc lại bằng GET /api/v1/providers/{id} rồi gửi lại với ETag mới.");

    private static (ProviderInput Input, List<RuleViolation> Errors) Read(JsonElement body)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return (new ProviderInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                [new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var licence = f.Object("licence");
        var input = new ProviderInput(f.String("code"), f.String("name"), f.String("legalForm"), f.String("ownership"), f.String("sector"),
            f.String("providerType"), f.String("address"), f.String("communeCode"), f.Int("capacity"), f.String("capacityUnit"),
            licence?.String("number"), licence?.Date("date"), licence?.String("issuer"), f.Date("startedOn"), f.Int("recordedByAgencyId"),
            f.String("notes"), f.Date("validFrom"), f.Date("endedOn"));
        return (input, f.Errors);
    }
}
