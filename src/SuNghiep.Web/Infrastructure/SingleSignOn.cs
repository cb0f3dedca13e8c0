using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SuNghiep.Web.Infrastructure;

/// <summary>
/// Optional sign-in through an OpenID Connect provider (the province's or the ministry's identity server). It never
/// creates accounts: the claim named by <c>Oidc:AccountClaim</c> (the e-mail by default) must match an existing account,
/// whose role and scope then apply as for a password sign-in.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";

    public static bool IsEnabled(IConfiguration config) => !string.IsNullOrWhiteSpace(config["Oidc:Authority"]);

    public static string DisplayName(IConfiguration config) => config["Oidc:DisplayName"] ?? "Đăng nhập một lần (SSO)";

    public static string AccountClaim(IConfiguration config) => config["Oidc:AccountClaim"] ?? "email";

    public static void Add(AuthenticationBuilder builder, IConfiguration config)
    {
        if (!IsEnabled(config))
        {
            return;
        }

        builder.AddOpenIdConnect(Scheme, DisplayName(config), o =>
        {
            o.Authority = config["Oidc:Authority"];
            o.ClientId = config["Oidc:ClientId"];
            o.ClientSecret = config["Oidc:ClientSecret"];
            o.RequireHttpsMetadata = config.GetValue("Oidc:RequireHttpsMetadata", true);
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The answer comes back as a top-level GET, so the correlation cookies can be SameSite=Lax rather than None.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CallbackPath = "/signin-oidc";
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            // Claim names as the provider issues them, so that Oidc:AccountClaim names what the provider's documents name.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            // The provider's identity lives only in Identity's short external cookie until it is matched to an account.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            // A refusal or an error at the provider is the user's sign-in failing, not the server's: a page, not a 500.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/login/sso/failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
