using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Auditing;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Infrastructure;

/// <summary>
/// Checks the caller's account against the database on every request, before any handler runs, and sets its scope and
/// identity on the request's DbContext. One query gives the security stamp, the lockout, the one-time password flag,
/// the roles and the scope: a sign-in whose stamp was renewed (sign-out, password, role, scope or lock changed) or whose
/// account is locked is refused on its very next request, and roles come from the database, never from the token.
/// </summary>
internal sealed class CallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(
        HttpContext context, SuNghiepDbContext db, TimeProvider time, IOptions<IdentityOptions> identityOptions, IProblemDetailsService problems)
    {
        var user = context.User;
        var ip = context.Connection.RemoteIpAddress?.ToString();
        if (user.Identity is ClaimsIdentity { IsAuthenticated: true } identity && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            var account = await AccountService.StateOfAsync(db, id, context.RequestAborted);
            var stamp = user.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
            if (account is null || !account.Admits(stamp, time.GetUtcNow()))
            {
                if (await RefuseAsync(context, problems))
                {
                    return;
                }

                user = context.User;
            }
            else
            {
                // The principal is the one the authentication handler keeps for the request (the authorization policy
                // of the API authenticates again and gets it back), so its roles are replaced in place.
                foreach (var claim in identity.FindAll(identity.RoleClaimType).ToList())
                {
                    identity.RemoveClaim(claim);
                }

                identity.AddClaims(account.Roles.Select(r => new Claim(identity.RoleClaimType, r)));
                db.UseScope(account.Scope);
                db.Actor = new Actor(id, user.Identity.Name ?? id, ip);
                if (account.MustChangePassword && await RequirePasswordChangeAsync(context, problems))
                {
                    return;
                }

                await next(context);
                return;
            }
        }

        db.Actor = new Actor(null, SystemActors.Anonymous, ip);
        await next(context);
    }

    /// <summary>
    /// Ends a sign-in that no longer holds. A cookie is deleted and the request goes on anonymous (a page then asks to sign
    /// in); a bearer token gets 401 where the endpoint needs a caller. True when the answer has been written.
    /// </summary>
    private static async Task<bool> RefuseAsync(HttpContext context, IProblemDetailsService problems)
    {
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
        if (!IsBearer(context.Request))
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return false;
        }

        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata is null || metadata.GetMetadata<IAllowAnonymous>() is not null || metadata.GetMetadata<IAuthorizeData>() is null)
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Phiên đăng nhập đã hết hiệu lực",
                Detail = "Tài khoản đã đăng xuất, đổi mật khẩu, bị khóa hoặc đổi quyền; vui lòng đăng nhập lại để lấy token mới.",
            },
        });
        return true;
    }

    // While a one-time password is in force, only changing it (and signing out) is open: pages lead to the form, the
    // API answers 403. True when the answer has been written.
    private static async Task<bool> RequirePasswordChangeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            if (path.Equals(AccountApi.PasswordPath, StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/api/v1/auth", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Cần đổi mật khẩu",
                    Detail = $"Tài khoản đang dùng mật khẩu một lần do quản trị cấp: phải đổi mật khẩu (POST {AccountApi.PasswordPath}) trước khi dùng các chức năng khác.",
                },
            });
            return true;
        }

        string[] open = ["/account/password", "/logout", "/login", "/status", "/access-denied", "/error"];
        if (open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        context.Response.Redirect("/account/password");
        return true;
    }

    private static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
