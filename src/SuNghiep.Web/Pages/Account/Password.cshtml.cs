using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Account;

/// <summary>
/// Change of one's own password, with the current one. The only page open while a one-time password is in force.
/// Changing ends every other session of the account; this browser is signed in again with the new password.
/// </summary>
public sealed class PasswordModel(AccountService accounts, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public sealed record InputModel
    {
        public string? CurrentPassword { get; init; }
        public string? NewPassword { get; init; }
        public string? ConfirmPassword { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The account signed in with a one-time password from an administrator.</summary>
    public bool MustChange { get; private set; }

    public async Task OnGetAsync() => MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (Input.NewPassword is { Length: > 0 } && Input.ConfirmPassword != Input.NewPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Nhập lại mật khẩu mới không khớp.");
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.ChangePasswordAsync(id, Input.CurrentPassword, Input.NewPassword, ct);
            if (result.Succeeded)
            {
                await signIn.SignInAsync(result.User!, isPersistent: false);
                TempData["Success"] = "Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản (trình duyệt khác, token API) đã kết thúc.";
                return Redirect("/dashboard");
            }

            FormErrors.Add(ModelState, result.Errors);
        }

        MustChange = (await users.FindByIdAsync(id))?.MustChangePassword == true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
