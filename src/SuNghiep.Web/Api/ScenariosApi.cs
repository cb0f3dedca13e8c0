using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Scenarios;
using SuNghiep.Core.Services;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record ScenarioDecisionBody(string? Number, DateOnly? Date, string? Issuer);

/// <summary>A unit a proposed event creates; ref (optional, unique in the scenario) lets a later event of the scenario name it.</summary>
public sealed record ScenarioNewUnitBody(
    string? Ref, string? Code, string? Name, string? Sector, string? RoleClass, string? Level, string? AreaCode, int? ManagingAgencyId,
    int? AutonomyGroup, string? Address, string? Notes);

/// <summary>
/// A proposed event, shaped as the body of POST /api/v1/reorganizations; its decision may wait for the application. Units
/// created by an earlier event of the scenario are named by their ref: sourceUnitRefs beside sourceUnitIds, and
/// continuingUnitRef instead of continuingUnitId (merge A and B into a new C with "ref": "c", then transfer C with
/// "sourceUnitRefs": ["c"]).
/// </summary>
public sealed record ScenarioEventBody(
    string? Type, ScenarioDecisionBody? Decision, DateOnly? EffectiveDate, IReadOnlyList<int> SourceUnitIds, int? ContinuingUnitId,
    IReadOnlyList<ScenarioNewUnitBody> NewUnits, int? NewManagingAgencyId, string? NewName, string? NewAreaCode, string? Notes,
    IReadOnlyList<string>? SourceUnitRefs = null, string? ContinuingUnitRef = null)
{
    public static ScenarioEventBody From(ReorganizationInput e) => new(
        e.Type,
        e.DecisionNumber is null && e.DecisionDate is null && e.DecisionIssuer is null ? null : new(e.DecisionNumber, e.DecisionDate, e.DecisionIssuer),
        e.EffectiveDate, e.SourceUnitIds, e.ContinuingUnitId,
        e.NewUnits.Select(u => new ScenarioNewUnitBody(u.Ref, u.Code, u.Name, u.Sector, u.RoleClass, u.Level, u.AreaCode, u.ManagingAgencyId, u.AutonomyGroup, u.Address, u.Notes)).ToList(),
        e.NewManagingAgencyId, e.NewName, e.NewAreaCode, e.Notes, e.SourceUnitRefs, e.ContinuingUnitRef);
}

/// <summary>Body of POST and PUT /api/v1/scenarios, for the docs; the endpoints read it field by field.</summary>
public sealed record ScenarioRequestBody(string Name, string? Notes, ScenarioEventBody[] Events);

/// <summary>Body of POST /api/v1/scenarios/{id}/apply, for the docs: a decision for all events, or one per event (null keeps the draft's).</summary>
public sealed record ScenarioApplyBody(ScenarioDecisionBody? Decision, ScenarioDecisionBody?[]? Decisions);

public sealed record ScenarioResponse(
    int Id, string Name, string? Notes, string Status, string StatusName, string Author, bool IsAuthor, bool Shared,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? AppliedAt, string? AppliedBy, IReadOnlyList<int> AppliedReorganizationIds,
    IReadOnlyList<ScenarioEventBody> Events, int Revision)
{
    public static ScenarioResponse From(ScenarioView s) => new(
        s.Id, s.Name, s.Notes, ScenarioStatuses.Code(s.Status), s.StatusName, s.AuthorName, s.IsAuthor, s.Shared, s.CreatedAt, s.UpdatedAt,
        s.AppliedAt, s.AppliedBy, s.AppliedReorganizationIds, s.Events.Select(ScenarioEventBody.From).ToList(), s.Revision);
}

public sealed record ScenarioListItem(
    int Id, string Name, string Status, string StatusName, string Author, bool IsAuthor, int EventCount, DateTime UpdatedAt, DateTime? AppliedAt);

public sealed record ScenarioListResponse(IReadOnlyList<ScenarioListItem> Items, int Total);

/// <summary>An indicator on the register as it is and as the scenario would leave it, both shaped as the indicator's answer.</summary>
/// <remarks>
/// Coverage lists the communes where the scenario takes the network of a sector its events touch below the norm (below
/// after, not before), each with its figures before and after, measured on the same date.
/// </remarks>
public sealed record ScenarioIndicatorResponse(IndicatorResult Actual, IndicatorResult Scenario, IReadOnlyList<CoverageChange>? Coverage = null);

/// <summary>The targets that concern the scope, measured on the as-of date on the register as it is and as the scenario would leave it.</summary>
public sealed record ScenarioTargetsResponse(DateOnly AsOf, IReadOnlyList<TargetStatusResponse> Actual, IReadOnlyList<TargetStatusResponse> Scenario);

public static class ScenariosApi
{
    public const string StaleTitle = "Kịch bản không còn áp dụng được trên sổ đăng ký hiện tại";

    public static void Map(RouteGroupBuilder api)
    {
        var scenarios = api.MapGroup("/scenarios").WithTags("Scenarios");
        scenarios.MapGet("", ListAsync).WithName("ListScenarios")
            .WithSummary("What-if scenarios the caller sees: its own, and those shared by authors within its scope.");
        scenarios.MapPost("", CreateAsync).WithName("CreateScenario")
            .WithSummary("Draft a scenario of proposed reorganizations, each checked by the rules of real ones; nothing is recorded.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).Accepts<ScenarioRequestBody>("application/json");
        scenarios.MapGet("/{id:int}", GetAsync).WithName("GetScenario")
            .WithSummary("One scenario the caller sees (its own, or one shared within its scope), with its events.");
        scenarios.MapPut("/{id:int}", UpdateAsync).WithName("UpdateScenario")
            .WithSummary("Replace a draft's name, notes and events (its author only; not once applied).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).Accepts<ScenarioRequestBody>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict);
        scenarios.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteScenario")
            .WithSummary("Delete a draft (its author only; not once applied).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status409Conflict);
        scenarios.MapPost("/{id:int}/share", ShareAsync).WithName("ShareScenario")
            .WithSummary("Share a scenario with everyone whose scope covers its author's (its author only).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).ProducesProblem(StatusCodes.Status409Conflict);
        scenarios.MapDelete("/{id:int}/share", UnshareAsync).WithName("UnshareScenario")
            .WithSummary("Withdraw the sharing: the scenario is its author's alone again (its author only).")
            .RequireAuthorization(WebApp.UnitCreatePolicy);
        scenarios.MapPost("/{id:int}/events/import", ImportAsync).WithName("ImportScenarioEvents")
            .WithSummary("Add to a draft the events of an .xlsx in the columns of the reorganization import (multipart field \"file\"; "
                + "template: GET /api/v1/reorganizations/import-template), checked with its other events: all or nothing, problems by row and column. "
                + "Decisions may be left blank; a unit created by a row is named by its code in a later row (its author only).")
            .RequireAuthorization(WebApp.UnitCreatePolicy)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReorganizationsApi.MaxUpload));
        scenarios.MapPost("/{id:int}/apply", ApplyAsync).WithName("ApplyScenario")
            .WithSummary("Record the scenario's events as real reorganizations with their decisions, all or nothing.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).Accepts<ScenarioApplyBody>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict);
        scenarios.MapGet("/{id:int}/indicators/{code}", IndicatorAsync).WithName("ScenarioIndicator")
            .WithSummary("An indicator on the register as it is (actual) and as the scenario would leave it (scenario); "
                + "the parameters of GET /api/v1/indicators/{code}; asOf defaults to the scenario's last event when later than today.");
        scenarios.MapGet("/{id:int}/targets", TargetsAsync).WithName("ScenarioTargets")
            .WithSummary("The targets that concern the scope (areaCode, agencyId; as on the dashboard), measured on asOf on the register as it is "
                + "(actual) and as the scenario would leave it (scenario), each with its status and the sentence that explains it.");
    }

    private static async Task<Ok<ScenarioListResponse>> ListAsync(ScenarioService service, CancellationToken ct)
    {
        var items = await service.ListAsync(ct);
        return TypedResults.Ok(new ScenarioListResponse(
            items.Select(s => new ScenarioListItem(s.Id, s.Name, ScenarioStatuses.Code(s.Status), s.StatusName, s.AuthorName, s.IsAuthor, s.EventCount, s.UpdatedAt, s.AppliedAt)).ToList(),
            items.Count));
    }

    private static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> GetAsync(int id, ScenarioService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } s ? TypedResults.Ok(ScenarioResponse.From(s)) : NotFound();

    private static async Task<Results<Created<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        [FromBody] JsonElement body, ScenarioService service, CancellationToken ct)
    {
        var (input, errors) = Read(body);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var result = await service.CreateAsync(input!, ct);
        if (Refusal(result) is { } refusal)
        {
            return refusal;
        }

        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Errors);
        }

        return TypedResults.Created($"/api/v1/scenarios/{result.Id}", ScenarioResponse.From((await service.GetAsync(result.Id!.Value, ct))!));
    }

    private static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, [FromBody] JsonElement body, ScenarioService service, CancellationToken ct)
    {
        var (input, errors) = Read(body);
        var revision = body.ValueKind == JsonValueKind.Object ? new JsonFields(body, "", errors).Int("revision") : null;
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var result = await service.UpdateAsync(id, input!, revision, ct);
        if (Refusal(result) is { } refusal)
        {
            return refusal;
        }

        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Errors);
        }

        return TypedResults.Ok(ScenarioResponse.From((await service.GetAsync(id, ct))!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, ScenarioService service, CancellationToken ct)
    {
        var result = await service.DeleteAsync(id, ct);
        return Refusal(result) is { } refusal ? refusal : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> ShareAsync(int id, ScenarioService service, CancellationToken ct)
    {
        var result = await service.ShareAsync(id, ct);
        return Refusal(result) is { } refusal ? refusal : TypedResults.Ok(ScenarioResponse.From((await service.GetAsync(id, ct))!));
    }

    private static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> UnshareAsync(int id, ScenarioService service, CancellationToken ct)
    {
        var result = await service.UnshareAsync(id, ct);
        return Refusal(result) is { } refusal ? refusal : TypedResults.Ok(ScenarioResponse.From((await service.GetAsync(id, ct))!));
    }

    private static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> ImportAsync(
        int id, HttpRequest request, ScenarioImport import, ScenarioService service, CancellationToken ct)
    {
        await using var stream = await Requests.FileAsync(request, ct);
        if (stream is null)
        {
            return Requests.MissingFile();
        }

        var result = await import.ImportAsync(id, stream, ct);
        if (result.Refusal is { } refused && Refusal(refused) is { } refusal)
        {
            return refusal;
        }

        if (!result.Succeeded)
        {
            return Requests.ImportProblems(result.Problems);
        }

        return TypedResults.Ok(ScenarioResponse.From((await service.GetAsync(id, ct))!));
    }

    private static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        int id, HttpRequest request, ScenarioService service, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var input = await ReadApplyAsync(request, errors, ct);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var result = await service.ApplyAsync(id, input, ct);
        if (Refusal(result) is { } refusal)
        {
            return refusal;
        }

        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Errors);
        }

        return TypedResults.Ok(ScenarioResponse.From((await service.GetAsync(id, ct))!));
    }

    private static async Task<Results<Ok<ScenarioIndicatorResponse>, ValidationProblem, ProblemHttpResult>> IndicatorAsync(
        int id, string code, HttpRequest request, ScenarioService service, IndicatorEngine engine, NetworkCoverage coverage, CancellationToken ct)
    {
        if (await service.GetAsync(id, ct) is not { } scenario)
        {
            return NotFound();
        }

        if (IndicatorCatalog.Find(code) is null)
        {
            return Problems.NotFound($"Không có chỉ tiêu mã \"{code}\".");
        }

        var (query, errors) = await ReadIndicatorQueryAsync(code, request.Query, service.DefaultAsOf(scenario), engine, ct);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var touched = await coverage.TouchedAsync(Touched(scenario), query.AsOf, ct);
        var comparison = await service.CompareAsync(id, async c =>
            (Indicator: await engine.ComputeAsync(query, c), Coverage: await coverage.MeasureAsync(touched, query.AsOf, c)), ct);
        if (comparison is null)
        {
            return NotFound();
        }

        if (!comparison.Computed)
        {
            return Stale(comparison.Errors);
        }

        return TypedResults.Ok(new ScenarioIndicatorResponse(comparison.Actual.Indicator, comparison.Scenario.Indicator,
            NetworkCoverage.Falling(comparison.Actual.Coverage, comparison.Scenario.Coverage)));
    }

    private static async Task<Results<Ok<ScenarioTargetsResponse>, ValidationProblem, ProblemHttpResult>> TargetsAsync(
        int id, HttpRequest request, ScenarioService service, IndicatorEngine engine, SuNghiepDbContext db, CancellationToken ct)
    {
        if (await service.GetAsync(id, ct) is not { } scenario)
        {
            return NotFound();
        }

        var (query, errors) = await ReadIndicatorQueryAsync(IndicatorCatalog.UnitsCount, request.Query, service.DefaultAsOf(scenario), engine, ct);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var comparison = await service.CompareAsync(id, c => TargetsOnAsync(db, engine, query.AsOf, query.Scope, c), ct);
        if (comparison is null)
        {
            return NotFound();
        }

        if (!comparison.Computed)
        {
            return Stale(comparison.Errors);
        }

        return TypedResults.Ok(new ScenarioTargetsResponse(query.AsOf, Statuses(comparison.Actual), Statuses(comparison.Scenario!)));

        static List<TargetStatusResponse> Statuses(IReadOnlyList<MeasuredTarget> measured) => measured.Select(m => new TargetStatusResponse(
            m.TargetId, m.IndicatorCode, m.BaselineValue, m.Actual, m.TargetValue, m.Deadline, m.Status, m.Explanation)).ToList();
    }

    /// <summary>The units a scenario's events name (ended, merged, transferred, continuing): those whose network it may change.</summary>
    internal static int[] Touched(ScenarioView scenario) =>
        [.. scenario.Events.SelectMany(e => e.SourceUnitIds.Concat(e.ContinuingUnitId is { } c ? [c] : [])).Distinct()];

    /// <summary>The targets of a scope as the dashboard lists them, measured as if the day were the given one.</summary>
    internal static Task<IReadOnlyList<MeasuredTarget>> TargetsOnAsync(
        SuNghiepDbContext db, IndicatorEngine engine, DateOnly day, IndicatorScope scope, CancellationToken ct) =>
        new TargetStatuses(db, engine, new DayClock(day)).ForScopeAsync(scope, ct);

    /// <summary>409 with the rules the scenario's events now break, keyed as at creation ("events[0].sourceUnitIds").</summary>
    internal static ProblemHttpResult Stale(IReadOnlyList<RuleViolation> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: StaleTitle,
            detail: "Sổ đăng ký đã thay đổi từ khi lập kịch bản: " + string.Join(" ", errors.Select(e => e.Message).Distinct()),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });

    /// <summary>The indicator query of the parameters, read as GET /api/v1/indicators/{code} reads them; the as-of date defaults to the given one.</summary>
    internal static async Task<(IndicatorQuery Query, List<RuleViolation> Errors)> ReadIndicatorQueryAsync(
        string code, IQueryCollection q, DateOnly defaultAsOf, IndicatorEngine engine, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var asOf = UnitsApi.ParseDate(q["asOf"], "asOf", errors) ?? defaultAsOf;
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

        var query = new IndicatorQuery(IndicatorCatalog.Find(code)?.Code ?? code, asOf, baseline,
            new IndicatorScope(Text("areaCode"), areaOn, agencyId, Text("sector"), Text("level")), Text("breakdown")?.ToLowerInvariant());
        errors.AddRange((await engine.ValidateAsync(query, ct)).Where(e => errors.All(x => x.Field != e.Field)));
        return (query, errors);
    }

    /// <summary>The name, notes and events of a scenario's body; an event's problems are keyed "events[2].effectiveDate".</summary>
    private static (ScenarioInput? Input, List<RuleViolation> Errors) Read(JsonElement body)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return (null, [new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var events = f.Objects("events").Select(e => ReorganizationsApi.ReadEvent(e, withRefs: true)).ToList();
        var input = new ScenarioInput(f.String("name"), f.String("notes"), events);
        return (input, f.Errors);
    }

    /// <summary>The optional body of an application: {"decision": {...}} for all events, {"decisions": [{...}, null, ...]} per event.</summary>
    private static async Task<ApplyInput> ReadApplyAsync(HttpRequest request, List<RuleViolation> errors, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ApplyInput();
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return new ApplyInput();
        }

        var f = new JsonFields(root, "", errors);
        if (!f.IsObject)
        {
            errors.Add(new("body", "Nội dung yêu cầu phải là một đối tượng JSON."));
            return new ApplyInput();
        }

        var forAll = f.Object("decision") is { } d ? Decision(d) : null;
        var byEvent = new List<ScenarioDecision?>();
        var list = root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "decisions", StringComparison.OrdinalIgnoreCase)).Value;
        if (list.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    byEvent.Add(Decision(new JsonFields(item, $"decisions[{i}].", errors)));
                }
                else if (item.ValueKind == JsonValueKind.Null)
                {
                    byEvent.Add(null);
                }
                else
                {
                    errors.Add(new($"decisions[{i}]", "Mỗi phần tử phải là một quyết định {\"number\", \"date\", \"issuer\"} hoặc null."));
                }

                i++;
            }
        }
        else if (list.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            errors.Add(new("decisions", "Giá trị phải là một mảng."));
        }

        return new ApplyInput(forAll, byEvent);

        static ScenarioDecision Decision(JsonFields d) => new(d.String("number"), d.Date("date"), d.String("issuer"));
    }

    private static ProblemHttpResult? Refusal(ScenarioResult result) =>
        result.NotFound ? NotFound()
        : result.Forbidden is { } reason ? Problems.Forbidden(reason)
        : result.Conflict is { } conflict ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Không thực hiện được trên kịch bản này", detail: conflict)
        : null;

    private static ProblemHttpResult NotFound() => Problems.NotFound("Không tìm thấy kịch bản.");
}
