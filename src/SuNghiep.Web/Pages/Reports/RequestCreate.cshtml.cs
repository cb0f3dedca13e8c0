using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Reporting;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Reports;

/// <summary>
/// Issues a request for reports: the requesting agency (the caller's own by default, or one chosen with the agency picker),
/// the regime, the period or an ad-hoc deadline, and the reporters ticked among the agencies below it.
/// </summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class RequestCreateModel(ReportService reports, SuNghiepDbContext db, TimeProvider time) : PageModel
{
    public const int MaxListed = 500;

    public sealed record InputModel
    {
        public string? RegimeCode { get; init; }
        public string? PeriodCode { get; init; }
        public string? Deadline { get; init; }
        public string? CutOff { get; init; }
        public string? Title { get; init; }
        public string? Notes { get; init; }
        public List<string> ReporterAgencyIds { get; init; } = [];
    }

    public sealed record Candidate(int Id, string Code, string Name, int Depth);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Requester { get; set; }

    public int? RequesterId { get; private set; }
    public string? RequesterName { get; private set; }
    public string? RequesterError { get; private set; }
    public IReadOnlyList<RegimeView> Regimes { get; private set; } = [];
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public int MoreCandidates { get; private set; }
    public IReadOnlyList<ReportingPeriod> Periods { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (RequesterId is null)
        {
            ModelState.AddModelError(nameof(Requester), RequesterError ?? "Chọn cơ quan yêu cầu báo cáo.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var values = new FormValues();
        var input = new RequestInput(
            Input.RegimeCode, string.IsNullOrWhiteSpace(Input.PeriodCode) ? null : Input.PeriodCode.Trim(),
            values.Date(Input.Deadline, "deadline", "Thời hạn gửi báo cáo"), values.Date(Input.CutOff, "cutOff", "Ngày chốt số liệu"),
            values.Ids(Input.ReporterAgencyIds, "reporterAgencyIds", "Cơ quan báo cáo không hợp lệ."), RequesterId, Input.Title, Input.Notes);
        var outcome = values.Errors.Count > 0 ? ReportOutcome.Bad(values.Errors) : await reports.CreateRequestAsync(input, ct);
        if (outcome.Kind == Outcome.Forbidden)
        {
            return Forbid();
        }

        if (outcome.Kind != Outcome.Done)
        {
            FormErrors.Add(ModelState, outcome.Errors ?? []);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = "Đã gửi yêu cầu báo cáo tới các cơ quan được chọn.";
        return Redirect($"/report-requests/{outcome.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Regimes = await reports.RegimesAsync(ct);
        var today = Display.Today(time);
        Periods = [.. ReportingPeriods.Of(ReportFrequency.Year, today.Year - 1), .. ReportingPeriods.Of(ReportFrequency.Year, today.Year),
            .. ReportingPeriods.Of(ReportFrequency.Half, today.Year), .. ReportingPeriods.Of(ReportFrequency.Quarter, today.Year)];
        if (!string.IsNullOrWhiteSpace(Requester))
        {
            var resolved = await Pickers.ResolveAgencyAsync(db, Requester, ct);
            if (resolved.Error is not null)
            {
                RequesterError = resolved.Error;
                return;
            }

            RequesterId = int.TryParse(resolved.Value, out var id) ? id
                : await db.Agencies.AsNoTracking().Where(a => a.Code == resolved.Value).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        }
        else if (db.Actor.Id is { } userId)
        {
            RequesterId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.ScopeAgencyId).FirstOrDefaultAsync(ct);
        }

        if (RequesterId is not { } requester)
        {
            return;
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == requester).Select(a => new { a.Name, a.Path }).FirstOrDefaultAsync(ct);
        if (agency is null)
        {
            RequesterId = null;
            return;
        }

        RequesterName = agency.Name;
        var below = db.Agencies.AsNoTracking()
            .Where(a => a.Id != requester && a.Path.StartsWith(agency.Path) && (a.ValidTo == null || a.ValidTo >= today));
        var rows = await below.OrderBy(a => a.Path).Take(MaxListed).Select(a => new { a.Id, a.Code, a.Name, a.Path }).ToListAsync(ct);
        var depth = agency.Path.Count(c => c == '/');
        Candidates = rows.Select(r => new Candidate(r.Id, r.Code, r.Name, r.Path.Count(c => c == '/') - depth - 1)).ToList();
        MoreCandidates = Math.Max(0, await below.CountAsync(ct) - MaxListed);
    }
}
