using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Scenarios;
using SuNghiep.Web.Pages.Reorganizations;
using SuNghiep.Web.Pages.Shared;
using EventForm = SuNghiep.Web.Pages.Reorganizations.CreateModel;

namespace SuNghiep.Web.Pages.Scenarios;

/// <summary>A unit an event names, as the caller sees it today (or only its id when out of the caller's scope).</summary>
public sealed record EventUnit(int Id, string Code, string Name, string Role);

public sealed record EventRow(
    int Index, string TypeName, DateOnly? EffectiveDate, string Decision, bool Proposed, IReadOnlyList<EventUnit> Units,
    IReadOnlyList<string> NewUnits, string? NewAgency, string? NewAreaCode, string? NewName, string? Notes);

/// <summary>An indicator on the register as it is and as the scenario would leave it, with the difference.</summary>
public sealed record ComparisonRow(IndicatorDefinition Definition, IndicatorResult Actual, IndicatorResult? Scenario)
{
    public decimal? Difference => Actual.Value is { } a && Scenario?.Value is { } s ? s - a : null;
}

public sealed record TargetRow(MeasuredTarget Actual, MeasuredTarget? Scenario);

/// <summary>
/// A scenario: its events, every indicator of the catalogue beside the actual, and what its author (add or remove an
/// event, share, delete) and the recording roles (apply) may do with it. Another caller's draft does not exist (404).
/// </summary>
public sealed class DetailsModel(SuNghiepDbContext db, ScenarioService scenarios, ScenarioImport import, IndicatorEngine engine, TimeProvider time,
    Core.Services.NetworkCoverage coverage) : PageModel
{
    /// <summary>An .xlsx of events in the columns of the reorganization import, added all or nothing.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportProblem> ImportProblems { get; private set; } = [];
    public string? ImportError { get; private set; }
    public string? ImportFileName { get; private set; }

    /// <summary>The proposed event being added, with the fields of the reorganization form.</summary>
    [BindProperty]
    public EventForm.InputModel Input { get; set; } = new();

    /// <summary>add-event (the default), add-unit, remove-unit:N.</summary>
    [BindProperty(Name = "command")]
    public string? Command { get; set; }

    [FromQuery(Name = "asOf")]
    public string? AsOf { get; set; }

    [FromQuery(Name = "areaCode")]
    public string? AreaCode { get; set; }

    [FromQuery(Name = "agencyId")]
    public string? AgencyId { get; set; }

    public ScenarioView Scenario { get; private set; } = null!;
    public List<EventRow> Events { get; private set; } = [];
    public DateOnly MeasuredOn { get; private set; }
    public List<ComparisonRow> Comparison { get; private set; } = [];
    public IReadOnlyList<RuleViolation> FilterErrors { get; private set; } = [];

    /// <summary>The targets that concern the scope (as the dashboard lists them), measured on the date on both sides.</summary>
    public List<TargetRow> Targets { get; private set; } = [];

    /// <summary>The communes the scenario takes below the network norm (below after, not before); null when not measured.</summary>
    public IReadOnlyList<Core.Services.CoverageChange>? CoverageFalls { get; private set; }

    /// <summary>The rules the events now break (the register changed since): the scenario cannot be measured until mended.</summary>
    public IReadOnlyList<RuleViolation> StaleErrors { get; private set; } = [];

    /// <summary>The names of the agencies and areas of the event form and the filter, for their pickers.</summary>
    public PickerLabels Labels { get; private set; } = PickerLabels.None;
    public UnitPicker Sources { get; private set; } = null!;
    public UnitPicker Continuing { get; private set; } = null!;

    private bool IsCreator => Roles.UnitCreators.Any(User.IsInRole);
    public bool IsApplied => Scenario.Status == ScenarioStatus.Applied;
    public bool CanEdit => Scenario.IsAuthor && !IsApplied && IsCreator;
    public bool CanApply => !IsApplied && IsCreator;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await scenarios.GetAsync(id, ct) is not { } scenario)
        {
            return NotFound();
        }

        Input = new EventForm.InputModel { NewUnits = [new()] };
        await LoadAsync(scenario, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddEventAsync(int id, CancellationToken ct)
    {
        var (scenario, refusal) = await OwnDraftAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var command = Command ?? "add-event";
        if (command != "add-event")
        {
            // A change to the form itself: nothing is checked yet.
            ModelState.Clear();
            var units = Input.NewUnits.ToList();
            if (command == "add-unit")
            {
                units.Add(new());
            }
            else if (command.StartsWith("remove-unit:", StringComparison.Ordinal)
                     && int.TryParse(command["remove-unit:".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                     && index >= 0 && index < units.Count)
            {
                units.RemoveAt(index);
            }

            Input = Input with { NewUnits = units };
            await LoadAsync(scenario!, ct);
            return Page();
        }

        // A code typed for a unit that an earlier event of the scenario creates names it by its reference; the new units
        // of the form take their codes as references, so that a later event can name them the same way.
        var planned = scenario!.Events.SelectMany(e => e.NewUnits).Select(u => u.Ref?.Trim()).OfType<string>()
            .Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        var typed = (Input.SourceUnitCodes ?? "").Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var continuingRef = Input.ContinuingUnitCode?.Trim() is { Length: > 0 } cc && planned.Contains(cc) ? cc : null;
        var form = Input with
        {
            SourceUnitCodes = string.Join(';', typed.Where(c => !planned.Contains(c))),
            ContinuingUnitCode = continuingRef is null ? Input.ContinuingUnitCode : null,
        };
        var (read, newUnitRows, errors) = await EventForm.ReadAsync(form, db, ct);
        if (errors.Count > 0)
        {
            return await InvalidAsync(scenario, errors, ct);
        }

        var input = read with
        {
            SourceUnitRefs = typed.Where(planned.Contains).Distinct().ToList(),
            ContinuingUnitRef = continuingRef,
            NewUnits = read.NewUnits.Select(u => u with { Ref = u.Code?.Trim() }).ToList(),
        };

        var added = scenario.Events.Count;
        var result = await scenarios.UpdateAsync(id, new ScenarioInput(scenario.Name, scenario.Notes, [.. scenario.Events, input]), scenario.Revision, ct);
        if (Refusal(result, id) is { } refused)
        {
            return refused;
        }

        if (!result.Succeeded)
        {
            var prefix = $"events[{added}].";
            var onForm = result.Errors.Select(e => e.Field.StartsWith(prefix, StringComparison.Ordinal)
                ? EventForm.OnForm(e with { Field = OnCodes(e.Field[prefix.Length..]) }, newUnitRows, Input)
                : e.Field == $"events[{added}]" ? e with { Field = "" } : OfEvent(e));
            return await InvalidAsync(scenario, onForm.ToList(), ct);
        }

        TempData["Success"] = "Đã thêm sự kiện vào kịch bản.";
        return Redirect($"/scenarios/{id}#events");
    }

    public async Task<IActionResult> OnPostImportAsync(int id, CancellationToken ct)
    {
        var (scenario, refusal) = await OwnDraftAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Input = new EventForm.InputModel { NewUnits = [new()] };
        ImportFileName = Upload?.FileName;
        if (Upload is null || Upload.Length == 0)
        {
            return await ImportInvalidAsync(scenario!, "Vui lòng chọn tệp .xlsx cần nhập.", ct);
        }

        if (!string.Equals(Path.GetExtension(Upload.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return await ImportInvalidAsync(scenario!, $"Tệp \"{Upload.FileName}\" không phải tệp Excel .xlsx. Hãy lưu tệp theo mẫu dưới dạng .xlsx (Excel Workbook) rồi nhập lại.", ct);
        }

        if (Upload.Length > Api.ReorganizationsApi.MaxUpload)
        {
            return await ImportInvalidAsync(scenario!, "Tệp lớn hơn 10 MB. Hãy chia thành nhiều tệp nhỏ hơn.", ct);
        }

        await using var stream = new MemoryStream();
        await Upload.CopyToAsync(stream, ct);
        stream.Position = 0;
        var result = await import.ImportAsync(id, stream, ct);
        if (result.Refusal is { } refused && Refusal(refused, id) is { } answer)
        {
            return answer;
        }

        if (!result.Succeeded)
        {
            ImportProblems = result.Problems;
            await LoadAsync(scenario!, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = $"Đã thêm {Display.Number(result.Added)} sự kiện từ tệp \"{Upload.FileName}\" vào kịch bản.";
        return Redirect($"/scenarios/{id}#events");
    }

    private async Task<IActionResult> ImportInvalidAsync(ScenarioView scenario, string message, CancellationToken ct)
    {
        ImportError = message;
        await LoadAsync(scenario, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveEventAsync(int id, int index, CancellationToken ct)
    {
        var (scenario, refusal) = await OwnDraftAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (index < 0 || index >= scenario!.Events.Count)
        {
            return Redirect($"/scenarios/{id}#events");
        }

        var events = scenario.Events.Where((_, i) => i != index).ToList();
        var result = await scenarios.UpdateAsync(id, new ScenarioInput(scenario.Name, scenario.Notes, events), scenario.Revision, ct);
        if (Refusal(result, id) is { } refused)
        {
            return refused;
        }

        if (!result.Succeeded)
        {
            // A later event may build on the one removed: the others must still pass together.
            var shifted = result.Errors.Select(e => OfEvent(e, i => i >= index ? i + 1 : i)).ToList();
            Input = new EventForm.InputModel { NewUnits = [new()] };
            return await InvalidAsync(scenario, [new("", $"Không bỏ được sự kiện thứ {index + 1}: các sự kiện còn lại không còn hợp lệ."), .. shifted], ct);
        }

        TempData["Success"] = $"Đã bỏ sự kiện thứ {index + 1} khỏi kịch bản.";
        return Redirect($"/scenarios/{id}#events");
    }

    public async Task<IActionResult> OnPostShareAsync(int id, CancellationToken ct)
    {
        if (!IsCreator)
        {
            return await scenarios.GetAsync(id, ct) is null ? NotFound() : Forbid();
        }

        var result = await scenarios.ShareAsync(id, ct);
        if (Refusal(result, id) is { } refusal)
        {
            return refusal;
        }

        TempData["Success"] = "Đã chia sẻ kịch bản với những người có phạm vi bao gồm phạm vi của bạn.";
        return Redirect($"/scenarios/{id}");
    }

    public async Task<IActionResult> OnPostUnshareAsync(int id, CancellationToken ct)
    {
        if (!IsCreator)
        {
            return await scenarios.GetAsync(id, ct) is null ? NotFound() : Forbid();
        }

        var result = await scenarios.UnshareAsync(id, ct);
        if (Refusal(result, id) is { } refusal)
        {
            return refusal;
        }

        TempData["Success"] = "Đã thôi chia sẻ kịch bản: chỉ bạn xem được kịch bản này.";
        return Redirect($"/scenarios/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!IsCreator)
        {
            return await scenarios.GetAsync(id, ct) is null ? NotFound() : Forbid();
        }

        var result = await scenarios.DeleteAsync(id, ct);
        if (Refusal(result, id) is { } refusal)
        {
            return refusal;
        }

        TempData["Success"] = "Đã xóa kịch bản.";
        return Redirect("/scenarios");
    }

    /// <summary>The caller's own draft, or the answer for another's: 404 when it does not see it, 403 when it only reads it.</summary>
    private async Task<(ScenarioView? Scenario, IActionResult? Refusal)> OwnDraftAsync(int id, CancellationToken ct)
    {
        if (await scenarios.GetAsync(id, ct) is not { } scenario)
        {
            return (null, NotFound());
        }

        if (!scenario.IsAuthor || !IsCreator)
        {
            return (null, Forbid());
        }

        if (scenario.Status == ScenarioStatus.Applied)
        {
            TempData["Notice"] = "Kịch bản đã được áp dụng; không sửa được nữa.";
            return (null, Redirect($"/scenarios/{id}"));
        }

        return (scenario, null);
    }

    private IActionResult? Refusal(ScenarioResult result, int id)
    {
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden is not null)
        {
            return Forbid();
        }

        if (result.Conflict is { } conflict)
        {
            TempData["Notice"] = conflict;
            return Redirect($"/scenarios/{id}");
        }

        return null;
    }

    /// <summary>The form names by code what the scenario names by reference.</summary>
    private static string OnCodes(string field) => field switch
    {
        "sourceUnitRefs" => "sourceUnitCodes",
        "continuingUnitRef" => "continuingUnitCode",
        _ when field.EndsWith(".ref", StringComparison.Ordinal) => field[..^4] + ".code",
        _ => field,
    };

    /// <summary>A problem of another event than the one being added, said with its number ("Sự kiện thứ 2: ...").</summary>
    private static RuleViolation OfEvent(RuleViolation e) => OfEvent(e, i => i);

    private static RuleViolation OfEvent(RuleViolation e, Func<int, int> number)
    {
        if (!e.Field.StartsWith("events[", StringComparison.Ordinal))
        {
            return e with { Field = "" };
        }

        var close = e.Field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(e.Field[7..close], NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
            ? new RuleViolation("", $"Sự kiện thứ {number(i) + 1}: {e.Message}")
            : e with { Field = "" };
    }

    private async Task<IActionResult> InvalidAsync(ScenarioView scenario, IReadOnlyList<RuleViolation> errors, CancellationToken ct)
    {
        FormErrors.Add(ModelState, errors.DistinctBy(e => (e.Field, e.Message)), EventForm.DecisionFields);
        await LoadAsync(scenario, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(ScenarioView scenario, CancellationToken ct)
    {
        Scenario = scenario;
        Events = await RowsAsync(scenario, ct);
        await CompareAsync(scenario, ct);
        Labels = await Pickers.LabelsAsync(db, Input.NewUnits.Select(u => u.ManagingAgencyId).Append(Input.NewManagingAgencyId).Append(AgencyId),
            Input.NewUnits.Select(u => u.AreaCode).Append(Input.NewAreaCode).Append(AreaCode), ct);
        if (CanEdit)
        {
            var on = Display.TryParseDate(Input.EffectiveDate, out var date) ? date : (DateOnly?)null;
            Sources = await EventForm.PickerAsync(db, time, true, EventForm.Ids(Input.SourceUnitIds), null, on, ct);
            Continuing = await EventForm.PickerAsync(db, time, false, EventForm.Ids(Input.ContinuingUnitId), null, on, ct);
        }
    }

    /// <summary>Every indicator of the catalogue on the register and on the scenario, in the scope and on the date asked.</summary>
    private async Task CompareAsync(ScenarioView scenario, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        MeasuredOn = Display.TryParseDate(AsOf, out var asOf) ? asOf : scenarios.DefaultAsOf(scenario);
        if (!string.IsNullOrWhiteSpace(AsOf) && !Display.TryParseDate(AsOf, out _))
        {
            errors.Add(new("asOf", Display.InvalidDate("Ngày xem")));
        }

        int? agency = null;
        var agencyText = await Pickers.AgencyFieldAsync(db, AgencyId, "agencyId", errors, ct);
        var areaCode = await Pickers.AreaFieldAsync(db, AreaCode, MeasuredOn, "areaCode", errors, ct);
        if (!string.IsNullOrWhiteSpace(agencyText))
        {
            if (int.TryParse(agencyText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a))
            {
                agency = a;
            }
            else
            {
                errors.Add(new("agencyId", "Cơ quan quản lý không hợp lệ."));
            }
        }

        var scope = new IndicatorScope(string.IsNullOrWhiteSpace(areaCode) ? null : areaCode.Trim(), null, agency);
        if (errors.Count == 0)
        {
            errors.AddRange(await engine.ValidateScopeAsync(scope, ct));
        }

        FilterErrors = errors;
        if (errors.Count > 0)
        {
            return;
        }

        var touched = await coverage.TouchedAsync(Api.ScenariosApi.Touched(scenario), MeasuredOn, ct);
        var comparison = await scenarios.CompareAsync(scenario.Id, async c =>
            (Indicators: await engine.ComputeAllAsync(MeasuredOn, scope, null, c),
             Targets: await Api.ScenariosApi.TargetsOnAsync(db, engine, MeasuredOn, scope, c),
             Coverage: await coverage.MeasureAsync(touched, MeasuredOn, c)), ct);
        if (comparison is null)
        {
            return;
        }

        StaleErrors = comparison.Errors.Select(OfEvent).ToList();
        var (actual, projected) = (comparison.Actual, comparison.Computed ? comparison.Scenario : default);
        Comparison = IndicatorCatalog.All.Select(d => new ComparisonRow(
            d, actual.Indicators.First(r => r.Code == d.Code), projected.Indicators?.FirstOrDefault(r => r.Code == d.Code))).ToList();
        Targets = actual.Targets.Select(t => new TargetRow(t, projected.Targets?.FirstOrDefault(x => x.TargetId == t.TargetId))).ToList();
        CoverageFalls = comparison.Computed ? Core.Services.NetworkCoverage.Falling(actual.Coverage, projected.Coverage) : null;
    }

    private async Task<List<EventRow>> RowsAsync(ScenarioView scenario, CancellationToken ct)
    {
        var unitIds = scenario.Events.SelectMany(e => e.SourceUnitIds.Concat(e.ContinuingUnitId is { } c ? [c] : [])).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.Code, u.Name), ct);
        var agencyIds = scenario.Events.Select(e => e.NewManagingAgencyId).OfType<int>().Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        EventUnit Unit(int unitId, string role) => units.TryGetValue(unitId, out var u)
            ? new EventUnit(unitId, u.Code, u.Name, role)
            : new EventUnit(unitId, $"#{unitId}", "(không tìm thấy trong phạm vi của bạn)", role);

        // A unit an earlier event of the scenario creates, named by its reference: shown by its proposed code and name.
        var planned = scenario.Events.SelectMany(e => e.NewUnits).Where(u => !string.IsNullOrWhiteSpace(u.Ref))
            .DistinctBy(u => u.Ref!.Trim()).ToDictionary(u => u.Ref!.Trim(), u => (Code: u.Code ?? "", Name: u.Name ?? ""), StringComparer.Ordinal);
        EventUnit Planned(string reference, string role) => planned.TryGetValue(reference.Trim(), out var u)
            ? new EventUnit(0, u.Code, $"{u.Name} (đơn vị mới của kịch bản)", role)
            : new EventUnit(0, reference, "(đơn vị mới của kịch bản)", role);

        return scenario.Events.Select((e, i) =>
        {
            var type = ReorganizationRules.Parse(e.Type);
            var proposed = string.IsNullOrWhiteSpace(e.DecisionNumber) || e.DecisionDate is null || string.IsNullOrWhiteSpace(e.DecisionIssuer);
            var decision = e.DecisionNumber is null && e.DecisionDate is null && e.DecisionIssuer is null
                ? "Chưa có quyết định"
                : $"Số {e.DecisionNumber ?? "…"} ngày {(e.DecisionDate is { } d ? Display.Date(d) : "…")} của {e.DecisionIssuer ?? "…"}";
            var named = e.SourceUnitIds.Where(u => u != e.ContinuingUnitId).Select(u => Unit(u, "source"))
                .Concat(e.SourceUnitRefs.Where(r => r != e.ContinuingUnitRef).Select(r => Planned(r, "source")))
                .Concat(e.ContinuingUnitId is { } c ? [Unit(c, "continuing")] : [])
                .Concat(e.ContinuingUnitRef is { } cr ? [Planned(cr, "continuing")] : []).ToList();
            return new EventRow(
                i, type is { } t ? ReorganizationRules.TypeNameWithBasis(t) : e.Type ?? "", e.EffectiveDate, decision, proposed, named,
                e.NewUnits.Select(u => $"{u.Code} {u.Name}".Trim()).ToList(),
                e.NewManagingAgencyId is { } agencyId ? agencies.GetValueOrDefault(agencyId, $"#{agencyId}") : null,
                e.NewAreaCode, e.NewName, e.Notes);
        }).ToList();
    }

    /// <summary>An indicator's value as the page shows it: shares with one decimal and "%", the rest as whole numbers.</summary>
    public static string Value(decimal? value, string unit) => value is not { } v ? "—"
        : unit == IndicatorCatalog.Percent ? $"{Display.Number(v, 1)} %"
        : $"{Display.Number(v, 0)} {unit}";

    public static string Difference(decimal? value, string unit) => value is not { } v ? "—"
        : v == 0 ? "0"
        : (v > 0 ? "+" : "−") + (unit == IndicatorCatalog.Percent ? $"{Display.Number(Math.Abs(v), 1)} điểm %" : $"{Display.Number(Math.Abs(v), 0)} {unit}");
}
