using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Scenarios;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Scenarios;

/// <summary>
/// The confirmation step of applying a scenario: each event's real decision (the one proposed in the draft by default, or
/// one for all), then every event recorded as a real reorganization, or none.
/// </summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed partial class ApplyModel(ScenarioService scenarios, TimeProvider time) : PageModel
{
    public sealed record DecisionInput
    {
        public string? Number { get; init; }
        public string? Date { get; init; }
        public string? Issuer { get; init; }
    }

    /// <summary>A decision for every event left blank below.</summary>
    [BindProperty]
    public DecisionInput ForAll { get; set; } = new();

    [BindProperty]
    public List<DecisionInput> Decisions { get; set; } = [];

    public ScenarioView Scenario { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await scenarios.GetAsync(id, ct) is not { } scenario)
        {
            return NotFound();
        }

        Scenario = scenario;
        Decisions = scenario.Events.Select(e => new DecisionInput
        {
            Number = e.DecisionNumber, Date = e.DecisionDate is { } d ? Display.DateInput(d) : null, Issuer = e.DecisionIssuer,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await scenarios.GetAsync(id, ct) is not { } scenario)
        {
            return NotFound();
        }

        Scenario = scenario;
        var errors = new List<RuleViolation>();
        var forAll = Read(ForAll, "ForAll", errors);
        var byEvent = Decisions.Take(scenario.Events.Count).Select((d, i) => Read(d, $"Decisions[{i}]", errors)).ToList();
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var result = await scenarios.ApplyAsync(id, new ApplyInput(forAll, byEvent), ct);
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

        if (!result.Succeeded)
        {
            return Invalid(result.Errors.Select(OnForm).ToList());
        }

        TempData["Success"] = $"Đã áp dụng kịch bản: {result.ReorganizationIds!.Count} sự kiện đã được ghi nhận vào sổ đăng ký.";
        // What was recorded stands; a decision signed after it took effect, or in the future, is pointed out.
        var today = Display.Today(time);
        var warnings = scenario.Events
            .Select((e, i) => (Date: byEvent.ElementAtOrDefault(i)?.Date ?? forAll?.Date ?? e.DecisionDate, e.EffectiveDate))
            .SelectMany(x => DecisionRules.DateWarnings("decision.date", x.Date, x.EffectiveDate, today))
            .Select(w => w.Message).Distinct().ToList();
        if (warnings.Count > 0)
        {
            TempData["Success"] += " Lưu ý: " + string.Join(" ", warnings);
        }

        return Redirect($"/scenarios/{id}");
    }

    /// <summary>A decision of the form, or null when left blank; a date that does not parse is a problem on its field.</summary>
    private static ScenarioDecision? Read(DecisionInput d, string key, List<RuleViolation> errors)
    {
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(d.Date))
        {
            if (Display.TryParseDate(d.Date, out var parsed))
            {
                date = parsed;
            }
            else
            {
                errors.Add(new($"{key}.Date", Display.InvalidDate()));
            }
        }

        return string.IsNullOrWhiteSpace(d.Number) && date is null && string.IsNullOrWhiteSpace(d.Issuer) ? null
            : new ScenarioDecision(d.Number, date, d.Issuer);
    }

    /// <summary>An event's decision problem goes on its row; any other rule is said of its event at the top.</summary>
    private static RuleViolation OnForm(RuleViolation e)
    {
        var m = EventField().Match(e.Field);
        if (!m.Success)
        {
            return e with { Field = "" };
        }

        var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value is { Length: > 0 } part
            ? e with { Field = $"Decisions[{index}].{char.ToUpperInvariant(part[0])}{part[1..]}" }
            : new RuleViolation("", $"Sự kiện thứ {index + 1}: {e.Message}");
    }

    private PageResult Invalid(IReadOnlyList<RuleViolation> errors)
    {
        foreach (var e in errors.DistinctBy(e => (e.Field, e.Message)))
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [GeneratedRegex(@"^events\[(\d+)\](?:\.decision\.(number|date|issuer))?")]
    private static partial Regex EventField();
}
