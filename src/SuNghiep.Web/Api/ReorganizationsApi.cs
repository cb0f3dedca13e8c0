using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record ReorganizationCreated(int Id, IReadOnlyDictionary<string, string[]> Warnings, ReorganizationView? Reorganization);

public sealed record ReorganizationListResponse(IReadOnlyList<ReorganizationView> Items, int Total);

public sealed record VoidRequest(string? Reason);

public sealed record ImportResponse(int Applied);

public sealed record CountChangesResponse(DateOnly From, DateOnly To, int FromTotal, int ToTotal, int Started, int Ended, IReadOnlyList<ReorganizationView> Events);

/// <summary>Body of POST /api/v1/reorganizations, for the docs; the endpoint reads it field by field.</summary>
public sealed record ReorganizationRequestBody(
    string Type, DecisionBody Decision, DateOnly EffectiveDate, int[]? SourceUnitIds, int? ContinuingUnitId,
    UnitRequest[]? NewUnits, int? NewManagingAgencyId, string? NewName, string? NewAreaCode, string? Notes);

public sealed record DecisionBody(string Number, DateOnly Date, string Issuer);

public static class ReorganizationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapGet("/{id:int}/history", HistoryAsync).WithName("UnitHistory")
            .WithSummary("A unit's versions (name, classification, agency, area over time) and the events it took part in.");
        units.MapGet("/{id:int}/lineage", LineageAsync).WithName("UnitLineage")
            .WithSummary("A unit's predecessors and successors through reorganizations, as a graph.");

        var events = api.MapGroup("/reorganizations").WithTags("Reorganizations");
        events.MapGet("", ListAsync).WithName("ListReorganizations")
            .WithSummary("Reorganizations touching units in the caller's scope; filters type, from, to, areaCode, agencyId, includeVoided.");
        events.MapGet("/{id:int}", GetAsync).WithName("GetReorganization")
            .WithSummary("One reorganization with its decision and the units it ended, started or changed.");
        events.MapPost("", RecordAsync).WithName("RecordReorganization")
            .WithSummary("Record a reorganization with its decision; units end, start or change as its type says.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).Accepts<ReorganizationRequestBody>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict);
        events.MapPost("/{id:int}/void", VoidAsync).WithName("VoidReorganization")
            .WithSummary("Void a wrong reorganization with a reason; its effect on the register is undone.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status409Conflict);

        events.MapGet("/import-template", () => TypedResults.File(ReorganizationImport.Template(), XlsxType, "mau-nhap-sap-xep.xlsx"))
            .WithName("ReorganizationImportTemplate").WithSummary("The .xlsx template for importing reorganization decisions.");
        events.MapPost("/import", ImportAsync).WithName("ImportReorganizations")
            .WithSummary("Import reorganization decisions from .xlsx (multipart field \"file\"): all or nothing, problems by row and column.")
            .RequireAuthorization(WebApp.UnitCreatePolicy)
            .DescribesBody<FileUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUpload));

        var counts = api.MapGroup("/counts").WithTags("Counts");
        counts.MapGet("", CountAsync).WithName("CountUnits")
            .WithSummary("Active units on a date in an area or agency (with lineage), by sector, role class, level and autonomy group.");
        counts.MapGet("/changes", ChangesAsync).WithName("CountChanges")
            .WithSummary("The events between two dates that changed the count in the scope, each with its decision.");
    }

    private static async Task<Results<Ok<UnitHistory>, ProblemHttpResult>> HistoryAsync(int id, SuNghiepDbContext db, TimeProvider time, CancellationToken ct) =>
        await HistoryQueries.HistoryAsync(db, id, UnitsApi.Today(time), ct) is { } history
            ? TypedResults.Ok(history)
            : Problems.NotFound("Không tìm thấy đơn vị.");

    private static async Task<Results<Ok<UnitLineage>, ProblemHttpResult>> LineageAsync(int id, SuNghiepDbContext db, CancellationToken ct) =>
        await HistoryQueries.LineageAsync(db, id, ct) is { } lineage
            ? TypedResults.Ok(lineage)
            : Problems.NotFound("Không tìm thấy đơn vị.");

    private static async Task<Results<Ok<ReorganizationListResponse>, ValidationProblem>> ListAsync(
        SuNghiepDbContext db, string? type, string? from, string? to, string? areaCode, string? agencyId,
        bool? includeVoided, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var fromDate = UnitsApi.ParseDate(from, "from", errors);
        var toDate = UnitsApi.ParseDate(to, "to", errors);
        var agency = Requests.Int(agencyId, "agencyId", errors);
        var pageNumber = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 50;
        if (!string.IsNullOrWhiteSpace(type) && ReorganizationRules.Parse(type) is null)
        {
            errors.Add(new("type", "Loại sắp xếp không hợp lệ."));
        }

        if (pageNumber < 1 || size < 1)
        {
            errors.Add(new("page", "Trang và số dòng mỗi trang phải từ 1 trở lên."));
        }

        // Beyond it, (page - 1) x page size overflows and the list would silently start again at page 1.
        if (pageNumber > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await HistoryQueries.ListAsync(db, new HistoryQueries.ReorganizationFilter(
            type, fromDate, toDate, new CountScope(areaCode, agency), includeVoided ?? false, pageNumber, size), ct);
        return TypedResults.Ok(new ReorganizationListResponse(items, total));
    }

    private static async Task<Results<Ok<ReorganizationView>, ProblemHttpResult>> GetAsync(int id, SuNghiepDbContext db, CancellationToken ct) =>
        await HistoryQueries.GetAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("Không tìm thấy sự kiện sắp xếp.");

    private static async Task<Results<Created<ReorganizationCreated>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        [FromBody] JsonElement body, ReorganizationService service, SuNghiepDbContext db, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = ReadEvent(f);
        if (f.Errors.Count > 0)
        {
            return Problems.Invalid(f.Errors);
        }

        var result = await service.RecordAsync(input, ct);
        if (result.Conflict)
        {
            return Problems.Conflict(result.Errors[0].Message);
        }

        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Errors);
        }

        var warnings = result.Warnings.GroupBy(w => w.Field).ToDictionary(g => g.Key, g => g.Select(w => w.Message).ToArray());
        return TypedResults.Created($"/api/v1/reorganizations/{result.Id}",
            new ReorganizationCreated(result.Id!.Value, warnings, await HistoryQueries.GetAsync(db, result.Id.Value, ct)));
    }

    /// <summary>
    /// The fields of a reorganization's body; shared with the proposed events of a scenario, which may also name units by
    /// reference (withRefs: "ref" on a new unit, "sourceUnitRefs" and "continuingUnitRef" on a later event).
    /// </summary>
    internal static ReorganizationInput ReadEvent(JsonFields f, bool withRefs = false)
    {
        var decision = f.Object("decision");
        return new ReorganizationInput
        {
            Type = f.String("type"),
            DecisionNumber = decision?.String("number"),
            DecisionDate = decision?.Date("date"),
            DecisionIssuer = decision?.String("issuer"),
            EffectiveDate = f.Date("effectiveDate"),
            SourceUnitIds = f.Ints("sourceUnitIds"),
            ContinuingUnitId = f.Int("continuingUnitId"),
            NewUnits = f.Objects("newUnits").Select(u => withRefs ? UnitsApi.ReadUnit(u) with { Ref = u.String("ref") } : UnitsApi.ReadUnit(u)).ToList(),
            NewManagingAgencyId = f.Int("newManagingAgencyId"),
            NewName = f.String("newName"),
            NewAreaCode = f.String("newAreaCode"),
            Notes = f.String("notes"),
            SourceUnitRefs = withRefs ? f.Strings("sourceUnitRefs") : [],
            ContinuingUnitRef = withRefs ? f.String("continuingUnitRef") : null,
        };
    }

    private static async Task<Results<Ok<ReorganizationView>, ValidationProblem, ProblemHttpResult>> VoidAsync(
        int id, VoidRequest? request, ReorganizationService service, SuNghiepDbContext db, CancellationToken ct)
    {
        var result = await service.VoidAsync(id, request?.Reason, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy sự kiện sắp xếp.");
        }

        if (result.Conflict)
        {
            return Problems.Conflict(result.Errors[0].Message);
        }

        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Errors);
        }

        return TypedResults.Ok((await HistoryQueries.GetAsync(db, id, ct))!);
    }

    private static async Task<Results<Ok<CountBreakdown>, ValidationProblem>> CountAsync(
        SuNghiepDbContext db, IndicatorEngine engine, TimeProvider time, string? asOf, string? areaCode, string? agencyId, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var date = UnitsApi.ParseDate(asOf, "asOf", errors) ?? UnitsApi.Today(time);
        var agency = Requests.Int(agencyId, "agencyId", errors);
        errors.AddRange(await ScopeErrorsAsync(engine, areaCode, agency, errors, ct));
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await HistoryQueries.CountAsync(db, engine, date, new CountScope(areaCode, agency), ct));
    }

    private static async Task<Results<Ok<CountChangesResponse>, ValidationProblem>> ChangesAsync(
        SuNghiepDbContext db, IndicatorEngine engine, TimeProvider time, string? from, string? to, string? areaCode, string? agencyId, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var fromDate = UnitsApi.ParseDate(from, "from", errors);
        var toDate = UnitsApi.ParseDate(to, "to", errors) ?? UnitsApi.Today(time);
        var agency = Requests.Int(agencyId, "agencyId", errors);
        if (fromDate is null && !errors.Any(e => e.Field == "from"))
        {
            errors.Add(new("from", "Vui lòng nhập ngày bắt đầu (YYYY-MM-DD)."));
        }
        else if (fromDate > toDate)
        {
            errors.Add(new("to", "Ngày kết thúc phải sau ngày bắt đầu."));
        }

        errors.AddRange(await ScopeErrorsAsync(engine, areaCode, agency, errors, ct));

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var scope = new CountScope(areaCode, agency);
        var start = await HistoryQueries.CountAsync(db, engine, fromDate!.Value, scope, ct);
        var end = await HistoryQueries.CountAsync(db, engine, toDate, scope, ct);
        var (events, _) = await HistoryQueries.ListAsync(db, new HistoryQueries.ReorganizationFilter(
            null, fromDate.Value.AddDays(1), toDate, scope, false, 1, 500), ct);
        var changing = events.Where(e => e.CountChange != 0).OrderBy(e => e.EffectiveDate).ToList();
        var (started, ended) = await HistoryQueries.StartsAndEndsAsync(db, fromDate.Value, toDate, scope, ct);
        return TypedResults.Ok(new CountChangesResponse(fromDate.Value, toDate, start.Total, end.Total, started, ended, changing));
    }

    /// <summary>
    /// An area code or agency that names nothing is a 400 on its field, as GET /api/v1/indicators answers it, rather than
    /// a count of 0 that reads as a real figure. The area code is read as the indicators read it without areaOn.
    /// </summary>
    private static async Task<IEnumerable<RuleViolation>> ScopeErrorsAsync(
        IndicatorEngine engine, string? areaCode, int? agency, List<RuleViolation> errors, CancellationToken ct) =>
        (await engine.ValidateScopeAsync(new IndicatorScope(string.IsNullOrWhiteSpace(areaCode) ? null : areaCode.Trim(), null, agency), ct))
            .Where(e => errors.All(x => x.Field != e.Field));

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxUpload = 10 * 1024 * 1024;

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ReorganizationImport import, CancellationToken ct)
    {
        await using var stream = await Requests.FileAsync(request, ct);
        if (stream is null)
        {
            return Requests.MissingFile();
        }

        var result = await import.ImportAsync(stream, null, ct);
        if (!result.Succeeded)
        {
            return Requests.ImportProblems(result.Problems);
        }

        return TypedResults.Ok(new ImportResponse(result.Applied));
    }

}
