using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Scenarios;

/// <summary>A what-if as a form or request gives it: its name and notes, and its proposed events in the order given.</summary>
public sealed record ScenarioInput(string? Name, string? Notes, IReadOnlyList<ReorganizationInput> Events);

/// <summary>A decision (number, date, issuer) given when a scenario is applied, for one event or for all.</summary>
public sealed record ScenarioDecision(string? Number, DateOnly? Date, string? Issuer);

/// <summary>
/// The real decisions a scenario is applied with. Each event takes, in this order: its entry in ByEvent (by the event's
/// index), the decision for all, or the decision proposed in the draft; an event left without a whole decision is refused.
/// </summary>
public sealed record ApplyInput(ScenarioDecision? ForAll = null, IReadOnlyList<ScenarioDecision?>? ByEvent = null);

public enum ScenarioStatus
{
    Draft = 1,
    Shared = 2,
    Applied = 3,
}

/// <summary>A scenario as its readers see it: the events as stored (the shape of POST /api/v1/reorganizations).</summary>
public sealed record ScenarioView(
    int Id, string Name, string? Notes, ScenarioStatus Status, string AuthorName, bool IsAuthor, bool Shared,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? AppliedAt, string? AppliedBy, IReadOnlyList<int> AppliedReorganizationIds,
    IReadOnlyList<ReorganizationInput> Events, int Revision)
{
    public string StatusName => ScenarioStatuses.Name(Status);
}

public sealed record ScenarioSummary(
    int Id, string Name, ScenarioStatus Status, string AuthorName, bool IsAuthor, int EventCount, DateTime UpdatedAt, DateTime? AppliedAt)
{
    public string StatusName => ScenarioStatuses.Name(Status);
}

/// <summary>
/// What a write on a scenario came to: its id, or the problems (keyed "events[2].sourceUnitIds"), or why it was refused:
/// not visible (404), visible but not the caller's to change (403), or applied or overtaken meanwhile (409).
/// </summary>
public sealed record ScenarioResult(
    int? Id, IReadOnlyList<RuleViolation> Errors, bool NotFound = false, string? Forbidden = null, string? Conflict = null,
    IReadOnlyList<int>? ReorganizationIds = null)
{
    public bool Succeeded => Id is not null && Errors.Count == 0 && Forbidden is null && Conflict is null && !NotFound;

    internal static ScenarioResult Missing { get; } = new(null, [], NotFound: true);

    internal static ScenarioResult Refused(string reason) => new(null, [], Forbidden: reason);

    internal static ScenarioResult Conflicting(string reason) => new(null, [], Conflict: reason);

    internal static ScenarioResult Invalid(IReadOnlyList<RuleViolation> errors) => new(null, errors);
}

/// <summary>
/// A measure taken on the register as it is and as the scenario would leave it. When the scenario's events no longer pass
/// the rules (a unit it names has since ended, or left the caller's scope), Scenario is default and Errors says why.
/// </summary>
public sealed record ScenarioComparison<T>(T Actual, T? Scenario, IReadOnlyList<RuleViolation> Errors)
{
    public bool Computed => Errors.Count == 0;
}

public static class ScenarioStatuses
{
    public static string Name(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Draft => "Nháp",
        ScenarioStatus.Shared => "Đã chia sẻ",
        ScenarioStatus.Applied => "Đã áp dụng",
        _ => status.ToString(),
    };

    public static string Code(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Draft => "draft",
        ScenarioStatus.Shared => "shared",
        ScenarioStatus.Applied => "applied",
        _ => status.ToString(),
    };
}

/// <summary>
/// The events of a scenario as stored in <c>Scenario.EventsJson</c>: a JSON array, each item shaped as the body of
/// POST /api/v1/reorganizations, so that a stored scenario reads as the requests it would make.
/// </summary>
public static class ScenarioEvents
{
    public static string ToJson(IReadOnlyList<ReorganizationInput> events)
    {
        var array = new JsonArray();
        foreach (var e in events)
        {
            var item = new JsonObject { ["type"] = e.Type };
            if (e.DecisionNumber is not null || e.DecisionDate is not null || e.DecisionIssuer is not null)
            {
                item["decision"] = new JsonObject { ["number"] = e.DecisionNumber, ["date"] = Iso(e.DecisionDate), ["issuer"] = e.DecisionIssuer };
            }

            item["effectiveDate"] = Iso(e.EffectiveDate);
            item["sourceUnitIds"] = new JsonArray([.. e.SourceUnitIds.Select(id => (JsonNode)id)]);
            item["continuingUnitId"] = e.ContinuingUnitId;
            if (e.SourceUnitRefs.Count > 0)
            {
                item["sourceUnitRefs"] = new JsonArray([.. e.SourceUnitRefs.Select(r => (JsonNode)r)]);
            }

            if (e.ContinuingUnitRef is not null)
            {
                item["continuingUnitRef"] = e.ContinuingUnitRef;
            }

            item["newUnits"] = new JsonArray([.. e.NewUnits.Select(u => (JsonNode)new JsonObject
            {
                ["ref"] = u.Ref, ["code"] = u.Code, ["name"] = u.Name, ["sector"] = u.Sector, ["roleClass"] = u.RoleClass, ["level"] = u.Level,
                ["areaCode"] = u.AreaCode, ["managingAgencyId"] = u.ManagingAgencyId, ["autonomyGroup"] = u.AutonomyGroup,
                ["address"] = u.Address, ["notes"] = u.Notes,
            })]);
            item["newManagingAgencyId"] = e.NewManagingAgencyId;
            item["newName"] = e.NewName;
            item["newAreaCode"] = e.NewAreaCode;
            item["notes"] = e.Notes;
            array.Add(item);
        }

        return array.ToJsonString(Options);
    }

    /// <summary>The stored events; the text is the app's own, written by <see cref="ToJson"/>.</summary>
    public static IReadOnlyList<ReorganizationInput> FromJson(string json)
    {
        var events = new List<ReorganizationInput>();
        if (JsonNode.Parse(json) is not JsonArray array)
        {
            return events;
        }

        foreach (var node in array.OfType<JsonObject>())
        {
            var decision = node["decision"] as JsonObject;
            events.Add(new ReorganizationInput
            {
                Type = Str(node["type"]),
                DecisionNumber = Str(decision?["number"]),
                DecisionDate = Date(decision?["date"]),
                DecisionIssuer = Str(decision?["issuer"]),
                EffectiveDate = Date(node["effectiveDate"]),
                SourceUnitIds = (node["sourceUnitIds"] as JsonArray)?.Select(n => n!.GetValue<int>()).ToList() ?? [],
                ContinuingUnitId = node["continuingUnitId"]?.GetValue<int>(),
                SourceUnitRefs = (node["sourceUnitRefs"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [],
                ContinuingUnitRef = Str(node["continuingUnitRef"]),
                NewUnits = (node["newUnits"] as JsonArray)?.OfType<JsonObject>().Select(u => new UnitInput
                {
                    Ref = Str(u["ref"]), Code = Str(u["code"]), Name = Str(u["name"]), Sector = Str(u["sector"]), RoleClass = Str(u["roleClass"]),
                    Level = Str(u["level"]), AreaCode = Str(u["areaCode"]), ManagingAgencyId = u["managingAgencyId"]?.GetValue<int>(),
                    AutonomyGroup = u["autonomyGroup"]?.GetValue<int>(), Address = Str(u["address"]), Notes = Str(u["notes"]),
                }).ToList() ?? [],
                NewManagingAgencyId = node["newManagingAgencyId"]?.GetValue<int>(),
                NewName = Str(node["newName"]),
                NewAreaCode = Str(node["newAreaCode"]),
                Notes = Str(node["notes"]),
            });
        }

        return events;
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Str(JsonNode? node) => node?.GetValue<string>();

    private static DateOnly? Date(JsonNode? node) =>
        Str(node) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// A clock that stands on one day (noon in Vietnam), so that what measures "today" (the targets' statuses) can be read on
/// the date a scenario is measured on.
/// </summary>
public sealed class DayClock(DateOnly day) : TimeProvider
{
    private readonly DateTimeOffset _noon = new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7));

    public override DateTimeOffset GetUtcNow() => _noon.ToUniversalTime();
}
