using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Quality;

/// <summary>A unit's quality assessments, with the form that records one against a standard's criteria.</summary>
public sealed class UnitModel(SuNghiepDbContext db, QualityService quality, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    /// <summary>The form as typed: dates and scores stay strings so that a bad one gets a Vietnamese message on its field.</summary>
    public sealed record AssessmentForm
    {
        public string? StandardId { get; init; }
        public string? Kind { get; init; } = "self";
        public string? PeriodFrom { get; init; }
        public string? PeriodTo { get; init; }
        public string? AssessedOn { get; init; }
        public string? ValidUntil { get; init; }
        public string? Team { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public List<string?> Scores { get; init; } = [];
    }

    public UnitView Unit { get; private set; } = null!;
    public IReadOnlyList<AssessmentView> Assessments { get; private set; } = [];
    public IReadOnlyList<StandardSummary> Standards { get; private set; } = [];
    public StandardView? Standard { get; private set; }
    public AssessmentForm Input { get; private set; } = new();
    public AssessmentView? Saved { get; private set; }
    public bool CanEdit => Roles.UnitEditors.Any(User.IsInRole);
    /// <summary>A unit officer records its self-assessment only; the other kinds belong to the managing agency.</summary>
    public bool SelfOnly => User.IsInRole(Roles.UnitOfficer);
    public string Address => $"/units/{Unit.Id}/quality";

    public static IEnumerable<AssessmentKind> Kinds => Enum.GetValues<AssessmentKind>();

    public async Task<IActionResult> OnGetAsync(int id, string? standardId, string? saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, standardId, ct))
        {
            return NotFound();
        }

        if (int.TryParse(saved, NumberStyles.Integer, CultureInfo.InvariantCulture, out var savedId))
        {
            Saved = Assessments.FirstOrDefault(a => a.Id == savedId);
        }

        Input = new AssessmentForm { StandardId = Standard?.Id.ToString(CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [Bind(Prefix = "Input")] AssessmentForm form, CancellationToken ct)
    {
        if (!await LoadAsync(id, form.StandardId, ct))
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, WebApp.UnitEditPolicy)).Succeeded)
        {
            return Forbid();
        }

        Input = form;
        var values = new FormValues();
        var scores = new List<EnteredScore>();
        var criteria = Standard?.Criteria ?? [];
        for (var i = 0; i < criteria.Count; i++)
        {
            var text = i < form.Scores.Count ? form.Scores[i] : null;
            var score = values.Number(text, $"scores[{i}].score", $"Điểm tiêu chí {criteria[i].Code} phải là một số, ví dụ 4 hoặc 12,5.");
            if (score is not null || string.IsNullOrWhiteSpace(text))
            {
                scores.Add(new($"scores[{i}]", criteria[i].Id, null, score));
            }
        }

        var input = new AssessmentInput(Standard?.Id, form.Kind, values.Date(form.PeriodFrom, "periodFrom", "Ngày bắt đầu kỳ đánh giá"),
            values.Date(form.PeriodTo, "periodTo", "Ngày kết thúc kỳ đánh giá"), values.Date(form.AssessedOn, "assessedOn", "Ngày đánh giá"), scores,
            form.Team, form.DecisionNumber, values.Date(form.DecisionDate, "decision.date", "Ngày quyết định"), form.DecisionIssuer,
            values.Date(form.ValidUntil, "validUntil", "Ngày hết giá trị"));
        if (values.Errors.Count > 0)
        {
            return Invalid(values.Errors);
        }

        var result = await quality.AddAssessmentAsync(id, input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden is { } refused)
        {
            ModelState.AddModelError("Input.Kind", refused);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (result.Value is not { } view)
        {
            return Invalid(result.Errors);
        }

        return Redirect($"{Address}?saved={view.Id}#saved");
    }

    private PageResult Invalid(IEnumerable<RuleViolation> errors)
    {
        foreach (var e in errors)
        {
            ModelState.AddModelError(Key(e.Field), e.Message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // "scores[2].score" and "scores[2]" are the third score's input; "scores" the table; "decision.date" the decision's date.
    private static string Key(string field)
    {
        if (field.StartsWith("scores[", StringComparison.Ordinal) && field.IndexOf(']') is var end and > 0)
        {
            return $"Input.Scores[{field[7..end]}]";
        }

        return field switch
        {
            "scores" => "Input.Scores",
            "standardId" => "Input.StandardId",
            "decision.number" => "Input.DecisionNumber",
            "decision.date" => "Input.DecisionDate",
            "decision.issuer" => "Input.DecisionIssuer",
            _ => FormErrors.Key(field),
        };
    }

    private async Task<bool> LoadAsync(int id, string? standardId, CancellationToken ct)
    {
        if (await UnitQueries.GetAsync(db, id, Display.Today(time), ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Assessments = await quality.ListForUnitAsync(id, ct) ?? [];
        Standards = await quality.ListStandardsAsync(ct);
        // The standard asked for, else the first of the unit's sector, else the first.
        var chosen = int.TryParse(standardId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var sid) && Standards.Any(s => s.Id == sid)
            ? sid
            : (Standards.FirstOrDefault(s => s.SectorCode == unit.Sector) ?? (Standards.Count > 0 ? Standards[0] : null))?.Id;
        Standard = chosen is { } c ? await quality.GetStandardAsync(c, ct) : null;
        return true;
    }
}
