using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, AccountService accounts) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        // Deleting the cookie is not enough: a copy of it would still open the app. Renewing the security stamp ends this
        // session on the server, and with it the account's other sessions and bearer tokens.
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            await accounts.SignOutEverywhereAsync(id);
        }

        await signIn.SignOutAsync();
        return Redirect("/login");
    }
}
