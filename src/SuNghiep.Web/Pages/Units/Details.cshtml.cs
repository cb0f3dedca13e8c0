using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Units;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Units;

public sealed class DetailsModel(SuNghiepDbContext db, TimeProvider time) : PageModel
{
    public sealed record AuditRow(long Id, DateTime At, string ActorName, string Action);

    public UnitView Unit { get; private set; } = null!;
    public string? AgencyCode { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<AuditRow> Audit { get; private set; } = [];
    public bool CanEdit => Roles.UnitEditors.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // The query filter on units hides what lies outside the caller's scope: that is a 404 too.
        if (await UnitQueries.GetAsync(db, id, Display.Today(time), ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Today = Display.Today(time);
        AgencyCode = await db.Agencies.AsNoTracking().Where(a => a.Id == unit.ManagingAgencyId).Select(a => a.Code).FirstOrDefaultAsync(ct);
        if (User.IsInRole(Roles.SystemAdmin))
        {
            var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Audit = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == "Unit" && a.EntityId == key)
                .OrderByDescending(a => a.Id).Take(20)
                .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.Action))
                .ToListAsync(ct);
        }

        return Page();
    }
}
