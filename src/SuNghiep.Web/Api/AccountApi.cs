using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SuNghiep.Core.Accounts;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The caller's own account: change of password and sign-out of every session.</summary>
public static class AccountApi
{
    public const string PasswordPath = "/api/v1/account/password";

    public static void Map(RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account");
        account.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword")
            .WithSummary("Change the caller's password, giving the current one. Ends every session of the account, this token included: sign in again.");
        account.MapPost("/logout", SignOutAsync).WithName("SignOut")
            .WithSummary("End every session of the caller's account (its bearer tokens and page cookies).");
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePasswordAsync(
        PasswordChangeRequest? request, ClaimsPrincipal user, AccountService accounts, CancellationToken ct)
    {
        var result = await accounts.ChangePasswordAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, request?.CurrentPassword, request?.NewPassword, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problems.Invalid(result.Errors);
    }

    private static async Task<NoContent> SignOutAsync(ClaimsPrincipal user, AccountService accounts)
    {
        await accounts.SignOutEverywhereAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return TypedResults.NoContent();
    }
}
