using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Security;

/// <summary>
/// Sign-in through an OpenID Connect provider started on loopback: the code flow with PKCE end to end, the provider's
/// e-mail claim mapped to an existing account, and every way it is refused.
/// </summary>
public sealed class SingleSignOnTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task SignIn_ProviderVouchesForExistingAccount_SignsInAsThatAccount(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        await using var idp = await OidcProvider.StartAsync();
        idp.Person = new Dictionary<string, object> { ["sub"] = "u-1", ["email"] = email.ToUpperInvariant() };
        await using var sso = await WithProviderAsync(app, idp);
        using var client = sso.CreateDefaultClient(new CookieContainerHandler());

        var (status, location) = await WalkAsync(client, "/login/sso?returnUrl=%2Fcounts");
        using var counts = await client.GetAsync("/counts");
        using var api = await client.GetAsync("/api/v1/units");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/counts", location);
        Assert.Equal(1, idp.TokensIssued);
        Assert.Equal(HttpStatusCode.OK, counts.StatusCode);
        Assert.Contains(email, await counts.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode); // the API takes bearer tokens, never the cookie
    }

    [Theory, DatabaseData]
    public async Task SignIn_NoAccountForTheClaim_RefusedWithoutCreatingOne(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var stranger = $"nguoila.{Unique.Token()}@example.gov.vn";
        await using var idp = await OidcProvider.StartAsync();
        idp.Person = new Dictionary<string, object> { ["sub"] = "u-2", ["email"] = stranger };
        await using var sso = await WithProviderAsync(app, idp);
        using var client = sso.CreateDefaultClient(new CookieContainerHandler());

        var (status, _) = await WalkAsync(client, "/login/sso");
        using var units = await client.GetAsync("/units");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(HttpStatusCode.Redirect, units.StatusCode);
        Assert.Equal("/login", units.Headers.Location!.AbsolutePath);
        Assert.False(await app.WithDbAsync(async (db, _) => await Task.FromResult(db.Users.Any(u => u.Email == stranger))));
    }

    [Theory, DatabaseData]
    public async Task SignIn_ProviderRefuses_ShowsFailurePageNotError(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        await using var idp = await OidcProvider.StartAsync();
        idp.Person = null;
        await using var sso = await WithProviderAsync(app, idp);
        using var client = sso.CreateDefaultClient(new CookieContainerHandler());

        var (status, _) = await WalkAsync(client, "/login/sso");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0, idp.TokensIssued);
    }

    [Theory, DatabaseData]
    public async Task SignIn_AccountClaimSetting_MatchesOnThatClaimOnly(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        await using var idp = await OidcProvider.StartAsync();
        // The provider's own e-mail claim names someone else; the configured claim names the account.
        idp.Person = new Dictionary<string, object> { ["sub"] = "u-3", ["email"] = "khac@example.gov.vn", ["upn"] = email };
        await using var sso = await WithProviderAsync(app, idp, ("Oidc:AccountClaim", "upn"));
        using var client = sso.CreateDefaultClient(new CookieContainerHandler());

        var (status, location) = await WalkAsync(client, "/login/sso");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/dashboard", location);
    }

    [Theory, DatabaseData]
    public async Task LoginPage_OffersSingleSignOnOnlyWhenConfigured(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        await using var idp = await OidcProvider.StartAsync();
        await using var sso = await WithProviderAsync(app, idp, ("Oidc:DisplayName", "Đăng nhập bằng tài khoản VNeID công vụ"));
        using var plainClient = app.Client();
        using var ssoClient = sso.CreateDefaultClient();

        var plain = await plainClient.GetStringAsync("/login");
        var offered = await ssoClient.GetStringAsync("/login");
        using var unconfigured = await plainClient.GetAsync("/login/sso");

        Assert.DoesNotContain("/login/sso", plain);
        Assert.Contains("Đăng nhập bằng tài khoản VNeID công vụ", offered);
        Assert.Equal(HttpStatusCode.NotFound, unconfigured.StatusCode);
    }

    /// <summary>A second host of the same app and database, with the provider configured.</summary>
    private static async Task<WebApplicationFactory<Program>> WithProviderAsync(SuNghiepApp app, OidcProvider idp, params (string Key, string Value)[] settings)
    {
        await AppHosts.BuildGate.WaitAsync();
        try
        {
            var sso = app.WithWebHostBuilder(b =>
            {
                b.UseSetting("Oidc:Authority", idp.Authority);
                b.UseSetting("Oidc:ClientId", OidcProvider.ClientId);
                b.UseSetting("Oidc:ClientSecret", OidcProvider.ClientSecret);
                b.UseSetting("Oidc:RequireHttpsMetadata", "false");
                // The provider's refusal is logged as an error by the handler; here it is the case under test.
                b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Authentication", "Critical");
                foreach (var (key, value) in settings)
                {
                    b.UseSetting(key, value);
                }
            });
            _ = sso.Server;
            return sso;
        }
        finally
        {
            AppHosts.BuildGate.Release();
        }
    }

    /// <summary>
    /// Follows the redirects of a sign-in as a browser would: the app's on the test server, the provider's over loopback.
    /// Answers the status and Location of the first answer that is not part of the dance.
    /// </summary>
    private static async Task<(HttpStatusCode Status, string? Location)> WalkAsync(HttpClient app, string start)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var next = new Uri(app.BaseAddress!, start);
        for (var hop = 0; hop < 10; hop++)
        {
            using var response = next.Host == app.BaseAddress!.Host ? await app.GetAsync(next) : await browser.GetAsync(next);
            Assert.True((int)response.StatusCode < 500, $"GET {next} answered {(int)response.StatusCode}");
            var location = response.Headers.Location;
            var inDance = location is not null
                && (location.IsAbsoluteUri || location.OriginalString.StartsWith("/login/sso", StringComparison.Ordinal) || location.OriginalString.StartsWith("/signin-oidc", StringComparison.Ordinal));
            if (!inDance)
            {
                return (response.StatusCode, location?.OriginalString);
            }

            next = location!.IsAbsoluteUri ? location : new Uri(next, location);
        }

        throw new InvalidOperationException("More than 10 redirects.");
    }
}
