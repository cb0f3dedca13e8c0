using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Proposals;

/// <summary>One dossier: what it plans, the warnings of Decree 120, its appraisal and decision, and the form of its next step.</summary>
public sealed class DetailsModel(SuNghiepDbContext db, ProposalService service) : PageModel
{
    public sealed record StepInput
    {
        public int? Revision { get; init; }
        public string? Result { get; init; }
        public string? Opinion { get; init; }
        public string? AppraisedOn { get; init; }
        public string? Appraiser { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public string? EffectiveDate { get; init; }
        public string? Reason { get; init; }
    }

    public sealed record PlannedUnitRow(int Id, string Code, string Name, string Role);

    [BindProperty]
    public StepInput Input { get; set; } = new();

    public ProposalView Proposal { get; private set; } = null!;
    public IReadOnlyList<PlannedUnitRow> Units { get; private set; } = [];
    public string? NewAgencyName { get; private set; }
    public bool CanAct => Roles.UnitCreators.Any(User.IsInRole);
    public bool CanAppraise => User.IsInRole(Roles.HomeAffairs) || User.IsInRole(Roles.SystemAdmin);

    /// <summary>Which step's form holds the errors, so that only it opens with them.</summary>
    public string? FailedStep { get; private set; }

    public static IEnumerable<AppraisalResult> Results => Enum.GetValues<AppraisalResult>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        StepAsync(id, "submit", "Đã trình hồ sơ để Sở Nội vụ thẩm định.", () => service.SubmitAsync(id, Input.Revision, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        StepAsync(id, "withdraw", "Đã rút hồ sơ.", () => service.WithdrawAsync(id, Input.Revision, Input.Reason, ct), ct);

    public Task<IActionResult> OnPostAppraiseAsync(int id, CancellationToken ct)
    {
        var values = new FormValues();
        var on = values.Date(Input.AppraisedOn, "appraisedOn", "Ngày thẩm định");
        return StepAsync(id, "appraise", "Đã ghi kết quả thẩm định.", async () => values.Errors.Count > 0
            ? new ProposalResult(null, values.Errors, [])
            : await service.AppraiseAsync(id, Input.Revision, new AppraisalInput(Input.Result, Input.Opinion, on, Input.Appraiser), ct), ct);
    }

    public Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct)
    {
        var values = new FormValues();
        var date = values.Date(Input.DecisionDate, "date", "Ngày ban hành quyết định");
        var effective = values.Date(Input.EffectiveDate, "effectiveDate", "Ngày hiệu lực");
        return StepAsync(id, "decide", "Đã ghi quyết định; sự kiện sắp xếp đã được ghi vào sổ đăng ký.", async () => values.Errors.Count > 0
            ? new ProposalResult(null, values.Errors, [])
            : await service.DecideAsync(id, Input.Revision, new ProposalDecisionInput(Input.DecisionNumber, date, Input.DecisionIssuer, effective), ct), ct);
    }

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["result"] = "Input.Result", ["opinion"] = "Input.Opinion", ["appraisedOn"] = "Input.AppraisedOn", ["appraiser"] = "Input.Appraiser",
        ["number"] = "Input.DecisionNumber", ["date"] = "Input.DecisionDate", ["issuer"] = "Input.DecisionIssuer",
        ["effectiveDate"] = "Input.EffectiveDate", ["reason"] = "Input.Reason",
    };

    private async Task<IActionResult> StepAsync(int id, string step, string done, Func<Task<ProposalResult>> act, CancellationToken ct)
    {
        // Handlers carry no policy of their own: the roles that write are checked here, the scope and the step by the service.
        if (!CanAct)
        {
            return Forbid();
        }

        var result = await act();
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden)
        {
            return Forbid();
        }

        if (result.Succeeded)
        {
            TempData["Success"] = done;
            return Redirect($"/reorganization-proposals/{id}");
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        FailedStep = step;
        // A rule on the planned event itself (a unit ended meanwhile) belongs to the form as a whole.
        FormErrors.Add(ModelState, result.Errors.Select(e => Fields.ContainsKey(e.Field) ? e : e with { Field = "" }), Fields);
        Response.StatusCode = result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await service.GetAsync(id, ct) is not { } view)
        {
            return false;
        }

        Proposal = view;
        var e = ProposalService.EventFromJson(System.Text.Json.JsonSerializer.Serialize(view.Event));
        var ids = e.SourceUnitIds.Concat(e.ContinuingUnitId is { } c ? [c] : []).Distinct().ToList();
        var found = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        Units = [.. found.Select(u => new PlannedUnitRow(u.Id, u.Code, u.Name, u.Id == e.ContinuingUnitId ? "Tiếp tục hoạt động" : "Nêu trong phương án"))];
        Units = [.. Units, .. e.NewUnits.Select(n => new PlannedUnitRow(0, n.Code ?? "", n.Name ?? "", "Thành lập mới"))];
        if (e.NewManagingAgencyId is { } agency)
        {
            NewAgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agency).Select(a => a.Name).FirstOrDefaultAsync(ct);
        }

        return true;
    }
}
