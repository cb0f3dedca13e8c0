using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SuNghiep.Core.Data;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

/// <summary>A unit in JSON.</summary>
public sealed record UnitResponse(
    int Id, string Code, string Name, string Sector, string RoleClass, string Level, string AreaCode,
    int ManagingAgencyId, int? AutonomyGroup, DateOnly EstablishedOn, DateOnly? EndedOn, string? Address, string? Notes,
    string AreaName, string ManagingAgencyName, bool Active, string? ConversionListedBy, DateOnly? ConversionListedOn)
{
    public static UnitResponse From(UnitView u, DateOnly today) => new(
        u.Id, u.Code, u.Name, u.Sector, u.RoleClass, u.Level, u.AreaCode, u.ManagingAgencyId, u.AutonomyGroup,
        u.EstablishedOn, u.EndedOn, u.Address, u.Notes, u.AreaName, u.ManagingAgencyName,
        Core.Rules.UnitRules.IsActiveOn(u.EstablishedOn, u.EndedOn, today), u.ConversionListedBy, u.ConversionListedOn);
}

public sealed record UnitListResponse(IReadOnlyList<UnitResponse> Items, int Total);

/// <summary>
/// Body of POST and PUT /api/v1/units; every field is checked and reported on its own. The conversion listing (decision
/// and date, by Home Affairs and the administrator) is kept as stored when both fields are absent, cleared when null.
/// </summary>
public sealed record UnitRequest(
    string Code, string Name, string Sector, string RoleClass, string Level, string AreaCode, int ManagingAgencyId,
    int? AutonomyGroup, DateOnly EstablishedOn, DateOnly? EndedOn, string? Address, string? Notes,
    DateOnly? EffectiveFrom, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer,
    string? ConversionListedBy, DateOnly? ConversionListedOn);

public static class UnitsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapGet("", ListAsync).WithName("ListUnits")
            .WithSummary("The register: filter, search (accent-insensitive), sort and page the units in the caller's scope.");
        units.MapGet("/{id:int}", GetAsync).WithName("GetUnit")
            .WithSummary("One unit in the caller's scope, with its ETag for a later PUT.");
        units.MapPost("", CreateAsync).WithName("CreateUnit").WithSummary("Add a unit to the register.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).Accepts<UnitRequest>("application/json");
        units.MapPut("/{id:int}", UpdateAsync).WithName("UpdateUnit")
            .WithSummary("Replace a unit's fields; If-Match must carry the ETag of the unit as read (428 without it, 412 when it changed since).")
            .RequireAuthorization(WebApp.UnitEditPolicy).Accepts<UnitRequest>("application/json")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Results<Ok<UnitListResponse>, ValidationProblem>> ListAsync(
        SuNghiepDbContext db, TimeProvider time,
        string? search, string? sector, string? roleClass, string? level, string? areaCode, string? managingAgencyId,
        string? autonomyGroup, string? status, string? sort, string? page, string? pageSize, string? asOf, CancellationToken ct)
    {
        var errors = new List<Core.Rules.RuleViolation>();
        var date = ParseDate(asOf, "asOf", errors);
        var query = new UnitQuery
        {
            AsOf = date,
            Search = search, Sector = sector, RoleClass = roleClass, Level = level, AreaCode = areaCode,
            ManagingAgencyId = Requests.Int(managingAgencyId, "managingAgencyId", errors), AutonomyGroup = autonomyGroup,
            Status = status, Sort = sort, Page = Requests.Int(page, "page", errors) ?? 1, PageSize = Requests.Int(pageSize, "pageSize", errors) ?? 20,
        };
        errors.AddRange(UnitQueries.Validate(query));
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var on = date ?? Today(time);
        var result = await UnitQueries.ListAsync(db, query, on, ct);
        return TypedResults.Ok(new UnitListResponse(result.Items.Select(u => UnitResponse.From(u, on)).ToList(), result.Total));
    }

    private static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int id, string? asOf, HttpResponse response, SuNghiepDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<Core.Rules.RuleViolation>();
        var date = ParseDate(asOf, "asOf", errors) ?? Today(time);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await UnitQueries.GetAsync(db, id, date, ct) is not { } unit)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        response.Headers.ETag = ETag(unit);
        return TypedResults.Ok(UnitResponse.From(unit, date));
    }

    /// <summary>
    /// The unit's state as a strong entity tag: its revision, raised by every write of the unit or its versions, whatever
    /// date it is read as of.
    /// </summary>
    internal static string ETag(UnitView unit) => $"\"{unit.Id}-{unit.Revision}\"";

    /// <summary>Whether an If-Match header names the unit's current tag (or "*"), by strong comparison.</summary>
    private static bool Matches(IList<EntityTagHeaderValue> tags, int id, int revision)
    {
        var current = new EntityTagHeaderValue($"\"{id}-{revision}\"");
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: true));
    }

    /// <summary>A YYYY-MM-DD query parameter; a bad one is reported under its name.</summary>
    internal static DateOnly? ParseDate(string? value, string name, List<Core.Rules.RuleViolation> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
        {
            if (Core.Rules.InputLimits.IsPlausible(d))
            {
                return d;
            }

            errors.Add(new(name, Core.Rules.InputLimits.DateMessage));
            return null;
        }

        errors.Add(new(name, "Ngày phải có dạng YYYY-MM-DD và là ngày có thật."));
        return null;
    }

    private static async Task<Results<Created<UnitResponse>, ValidationProblem>> CreateAsync(
        [FromBody] JsonElement body, HttpResponse response, UnitService service, TimeProvider time, CancellationToken ct)
    {
        var (input, errors) = Read(body);
        if (errors.Count > 0)
        {
            return Problems.Invalid(await WithRulesAsync(errors, service, null, input, ct));
        }

        var result = await service.CreateAsync(input, ct);
        if (result.Unit is not { } unit)
        {
            return Problems.Invalid(result.Errors);
        }

        response.Headers.ETag = ETag(unit);
        return TypedResults.Created($"/api/v1/units/{unit.Id}", UnitResponse.From(unit, Today(time)));
    }

    /// <summary>
    /// Preconditions come before the body is checked (RFC 9110, 13.2.2): an unknown unit is 404, a missing If-Match 428,
    /// a stale one 412; the service checks the revision again where it writes, so a race lost after this check is 412 too.
    /// </summary>
    private static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, [FromBody] JsonElement body, HttpRequest request, HttpResponse response, SuNghiepDbContext db, UnitService service,
        TimeProvider time, CancellationToken ct)
    {
        var revision = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => (int?)u.Revision).FirstOrDefaultAsync(ct);
        if (revision is null)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        if (request.Headers.IfMatch.Count == 0)
        {
            return Problems.PreconditionRequired(
                $"Gửi kèm tiêu đề If-Match với ETag nhận được từ GET /api/v1/units/{id}, để không ghi đè thay đổi của người khác.");
        }

        if (!EntityTagHeaderValue.TryParseStrictList(request.Headers.IfMatch, out var tags) || !Matches(tags, id, revision.Value))
        {
            return Stale(id);
        }

        var (input, errors) = Read(body);
        if (errors.Count > 0)
        {
            return Problems.Invalid(await WithRulesAsync(errors, service, id, input, ct));
        }

        var result = await service.UpdateAsync(id, input with { Revision = revision }, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        if (result.Conflict)
        {
            return Stale(id);
        }

        if (result.Unit is not { } unit)
        {
            return Problems.Invalid(result.Errors);
        }

        response.Headers.ETag = ETag(unit);
        return TypedResults.Ok(UnitResponse.From(unit, Today(time)));
    }

    private static ProblemHttpResult Stale(int id) => Problems.PreconditionFailed(
        $"Đơn vị đã được người khác thay đổi kể từ khi bạn đọc (ETag trong If-Match không còn đúng); không có gì được ghi. "
        + $"Đọc lại đơn vị bằng GET /api/v1/units/{id} rồi gửi lại với ETag mới.");

    // A value of the wrong type is reported on its field; the other fields still get the rules' messages.
    private static async Task<List<Core.Rules.RuleViolation>> WithRulesAsync(
        List<Core.Rules.RuleViolation> typeErrors, UnitService service, int? id, UnitInput input, CancellationToken ct)
    {
        if (typeErrors.Any(e => e.Field == "body"))
        {
            return typeErrors;
        }

        var fields = typeErrors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        var rules = await service.ValidateAsync(id, input, ct);
        return [.. typeErrors, .. rules.Where(e => !fields.Contains(e.Field))];
    }

    private static (UnitInput Input, List<Core.Rules.RuleViolation> Errors) Read(JsonElement body)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return (new UnitInput(), [new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        return (ReadUnit(f), f.Errors);
    }

    /// <summary>The unit fields of a JSON object; shared with the new units of a reorganization.</summary>
    internal static UnitInput ReadUnit(JsonFields f) =>
        new()
        {
            Code = f.String("code"),
            Name = f.String("name"),
            Sector = f.String("sector"),
            RoleClass = f.String("roleClass"),
            Level = f.String("level"),
            AreaCode = f.String("areaCode"),
            ManagingAgencyId = f.Int("managingAgencyId"),
            AutonomyGroup = f.Int("autonomyGroup"),
            EstablishedOn = f.Date("establishedOn"),
            EndedOn = f.Date("endedOn"),
            Address = f.String("address"),
            Notes = f.String("notes"),
            EffectiveFrom = f.Date("effectiveFrom"),
            DecisionNumber = f.String("decisionNumber"),
            DecisionDate = f.Date("decisionDate"),
            DecisionIssuer = f.String("decisionIssuer"),
            ConversionListingGiven = f.Has("conversionListedBy") || f.Has("conversionListedOn"),
            ConversionListedBy = f.String("conversionListedBy"),
            ConversionListedOn = f.Date("conversionListedOn"),
        };

    internal static DateOnly Today(TimeProvider time) => Core.VietnamTime.Today(time);
}
