using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Reorganizations;

public sealed class DetailsModel(SuNghiepDbContext db, ReorganizationService service) : PageModel
{
    public sealed record VoidInput
    {
        public string? Reason { get; init; }
    }

    [BindProperty]
    public VoidInput Input { get; set; } = new();

    public ReorganizationView Event { get; private set; } = null!;
    public string? NewAgency { get; private set; }

    /// <summary>The dossier the event was decided from, when it was: its link and its kept warnings are on its page.</summary>
    public (int Id, string Title)? Dossier { get; private set; }

    /// <summary>The Decree 120 conditions the event broke, handed over from the form that recorded it.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public bool CanVoid => Roles.UnitCreators.Any(User.IsInRole) && Event.VoidedAt is null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (TempData["Warnings"] is string warnings)
        {
            Warnings = warnings.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostVoidAsync(int id, CancellationToken ct)
    {
        if (!Roles.UnitCreators.Any(User.IsInRole))
        {
            return Forbid();
        }

        var result = await service.VoidAsync(id, Input.Reason, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            // "id" errors concern the event as a whole (already voided, a later event builds on it).
            FormErrors.Add(ModelState, result.Errors, new Dictionary<string, string> { ["id"] = "" });
            await LoadAsync(id, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = "Đã hủy sự kiện; các thay đổi của sự kiện trên sổ đăng ký đã được hoàn lại.";
        return Redirect($"/reorganizations/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        // Out of scope is the same as unknown: the query sees only events that touch a unit the caller can see.
        if (await HistoryQueries.GetAsync(db, id, ct) is not { } view)
        {
            return false;
        }

        Event = view;
        if (view.NewManagingAgencyId is { } agencyId)
        {
            NewAgency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name + " (mã " + a.Code + ")").FirstOrDefaultAsync(ct);
        }

        var dossier = await db.ReorganizationProposals.AsNoTracking().Where(p => p.ReorganizationId == id)
            .Select(p => new { p.Id, p.Kind, p.Number }).FirstOrDefaultAsync(ct);
        Dossier = dossier is null ? null : (dossier.Id, $"{ProposalService.KindName(dossier.Kind)} số {dossier.Number}");
        return true;
    }
}
