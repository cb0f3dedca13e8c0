using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record LoginRequest(string? Email, string? Password);

public static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .WithName("Login")
            .WithTags("Account")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)
            .WithSummary("Sign in with email and password; answers a bearer token as accessToken.")
            .AllowAnonymous();
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request, SignInManager<AppUser> signIn, SignInGuard guard, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new List<Core.Rules.RuleViolation>();
            if (string.IsNullOrWhiteSpace(request?.Email))
            {
                errors.Add(new("email", "Vui lòng nhập email."));
            }

            if (string.IsNullOrEmpty(request?.Password))
            {
                errors.Add(new("password", "Vui lòng nhập mật khẩu."));
            }

            return Infrastructure.Problems.Invalid(errors);
        }

        var outcome = await guard.CheckAsync(request.Email, request.Password, EdgeSecurity.ClientAddress(context), context.RequestAborted);
        if (outcome is not { Status: SignInStatus.Succeeded, User: { } user })
        {
            return Refused(outcome, context);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult Refused(SignInOutcome outcome, HttpContext context)
    {
        if (outcome.Status is SignInStatus.Locked or SignInStatus.Delayed)
        {
            context.Response.Headers.RetryAfter = SignInMessages.Seconds(outcome.RetryAfter);
        }

        return outcome.Status == SignInStatus.Delayed
            ? TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: SignInMessages.For(outcome))
            : Unauthorized(SignInMessages.For(outcome));
    }

    private static ProblemHttpResult Unauthorized(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title);
}
