using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Oversight;

namespace SuNghiep.Web.Pages.Public;

/// <summary>
/// The withdrawal of consent from the link shown once after sending: GET asks to confirm, POST erases the contact at
/// once and keeps the question. The secret in the link is the only credential, so no anti-forgery token is needed.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class WithdrawModel(FeedbackService service) : PageModel
{
    public string Token { get; private set; } = "";
    public string? UnitName { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public bool Erased { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Token = token;
        Response.Headers.CacheControl = "no-store";
        if (await service.FindByTokenAsync(token, ct) is not { } found)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        (UnitName, ReceivedAt) = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Token = token;
        Response.Headers.CacheControl = "no-store";
        Erased = await service.WithdrawAsync(token, ct);
        if (!Erased)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
