using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, SignInGuard guard) : PageModel
{
    public sealed record InputModel
    {
        public string? Email { get; init; }
        public string? Password { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Vui lòng nhập email.");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Vui lòng nhập mật khẩu.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await guard.CheckAsync(Input.Email!, Input.Password!, EdgeSecurity.ClientAddress(HttpContext), HttpContext.RequestAborted);
        if (outcome is { Status: SignInStatus.Succeeded, User: { } user })
        {
            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/dashboard");
        }

        ModelState.AddModelError(string.Empty, SignInMessages.For(outcome));
        Response.StatusCode = outcome.Status == SignInStatus.Delayed ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
        if (outcome.Status is SignInStatus.Locked or SignInStatus.Delayed)
        {
            Response.Headers.RetryAfter = SignInMessages.Seconds(outcome.RetryAfter);
        }

        return Page();
    }
}
