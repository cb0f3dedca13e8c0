using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Api;

public sealed record LoginRequest(string? Email, string? Password);

public static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .WithName("Login")
            .WithSummary("Sign in with email and password; answers a bearer token as accessToken.")
            .AllowAnonymous();
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request, SignInManager<AppUser> signIn, UserManager<AppUser> users)
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

        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            return Unauthorized("Email hoặc mật khẩu không đúng.");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Unauthorized("Tài khoản đang tạm khóa do đăng nhập sai nhiều lần; vui lòng thử lại sau.");
        }

        if (!result.Succeeded)
        {
            return Unauthorized("Email hoặc mật khẩu không đúng.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult Unauthorized(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title);
}
