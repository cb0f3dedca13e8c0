using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Pages.Account;

/// <summary>Sign-in through the configured OpenID Connect provider, matched to an existing account by one claim.</summary>
public sealed class SingleSignOnModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IConfiguration config, ILogger<SingleSignOnModel> logger)
    : PageModel
{
    public string? Problem { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        if (!SingleSignOn.IsEnabled(config))
        {
            return NotFound();
        }

        var complete = Url.Page("/Account/SingleSignOn", "Complete", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        return Challenge(new AuthenticationProperties { RedirectUri = complete }, SingleSignOn.Scheme);
    }

    public async Task<IActionResult> OnGetCompleteAsync(string? returnUrl)
    {
        if (!SingleSignOn.IsEnabled(config))
        {
            return NotFound();
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var claim = SingleSignOn.AccountClaim(config);
        var value = external.Principal?.FindFirst(claim)?.Value?.Trim();
        if (!external.Succeeded || string.IsNullOrEmpty(value))
        {
            return Refuse($"Nhà cung cấp đăng nhập không gửi thông tin \"{claim}\" cần để nhận ra tài khoản.");
        }

        var user = await users.FindByEmailAsync(value);
        if (user is null)
        {
            logger.LogWarning("Single sign-on for {Value} matched no account", value);
            return Refuse($"Chưa có tài khoản SuNghiep cho {value}. Vui lòng liên hệ quản trị viên để được cấp tài khoản.");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Refuse("Tài khoản đang bị khóa. Vui lòng liên hệ quản trị viên.");
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: SingleSignOn.Scheme);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/dashboard");
    }

    public IActionResult OnGetFailed() =>
        Refuse("Đăng nhập một lần không thành công hoặc đã bị hủy. Vui lòng thử lại hoặc đăng nhập bằng mật khẩu.");

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
