using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SuNghiep.Core;
using SuNghiep.Core.Data;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Pages.Public;

/// <summary>A unit's public page: what the law makes public of it, and the feedback form. An ended unit says so; an unknown code is 404.</summary>
[AllowAnonymous]
public sealed class UnitModel(SuNghiepDbContext db, FeedbackGuard guard, IOptions<FeedbackOptions> options, TimeProvider time) : PageModel
{
    public PublicUnit Unit { get; private set; } = null!;
    public PublicFeedbackForm Form { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Today = VietnamTime.Today(time);
        if (await PublicRegister.GetAsync(db, code, Today, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Form = NewForm(unit, guard, options.Value);
        // Each page carries its own one-time challenge: a shared cache must not hand it to another reader.
        Response.Headers.CacheControl = "no-cache";
        return Page();
    }

    public static PublicFeedbackForm NewForm(PublicUnit unit, FeedbackGuard guard, FeedbackOptions options) =>
        new(unit.Code, unit.Name, unit.ManagingAgency, guard.NewChallenge(), guard.Bits, options.ContactRetentionDays);
}
