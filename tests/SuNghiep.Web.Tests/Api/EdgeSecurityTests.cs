using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Api;

/// <summary>
/// One host per provider with low limits and a trusted proxy (10.0.0.5). The in-memory server has no client address, so
/// the test header X-Test-Peer plays the TCP peer's address; each test uses addresses of its own.
/// </summary>
public sealed class EdgeHosts() : OwnHosts(builder =>
{
    builder.UseSetting("ForwardedHeaders:KnownProxies", EdgeHosts.Proxy);
    builder.UseSetting("RateLimits:SignInPerMinute", EdgeHosts.SignInPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
    builder.UseSetting("RateLimits:SignInPerAccountPerMinute", "20");
    builder.UseSetting("RateLimits:ApiPerMinute", EdgeHosts.ApiPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddress>());
})
{
    public const string Proxy = "10.0.0.5";
    public const int SignInPerAddress = 6;
    public const int ApiPerMinute = 60;

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers["X-Test-Peer"].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return following(context);
            });
            next(app);
        };
    }
}

public sealed class EdgeSecurityTests(EdgeHosts hosts, AppHosts shared) : IClassFixture<EdgeHosts>
{
    private static int _nextPeer;

    // A fresh documentation address (TEST-NET-3) for each use, so that no two tests share counters.
    private static string NewPeer()
    {
        var n = Interlocked.Increment(ref _nextPeer) + (Random.Shared.Next(0, 200) * 256);
        return $"203.0.{(n / 256) % 256}.{(n % 254) + 1}";
    }

    private static HttpClient From(SuNghiepApp app, string peer, string? forwardedFor = null, string? token = null)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    [Theory, DatabaseData]
    public async Task SignIn_OverTheAddressLimit_Returns429WithRetryAfterAndVietnameseProblem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var client = From(app, NewPeer());

        for (var i = 0; i < EdgeHosts.SignInPerAddress; i++)
        {
            using var allowed = await client.LoginAsync(email, SuNghiepApp.Password);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.LoginAsync(email, SuNghiepApp.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta?.TotalSeconds is > 0 and <= 60, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("Quá nhiều yêu cầu", await refused.ProblemTitleAsync());
        // Another address is not held back by this one.
        using var other = From(app, NewPeer());
        using var control = await other.LoginAsync(email, SuNghiepApp.Password);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task LoginPage_OverTheAddressLimit_Returns429WithVietnamesePage(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = From(app, NewPeer());
        var form = new Dictionary<string, string> { ["Input.Email"] = "ai.do@test.sunghiep.vn", ["Input.Password"] = "x" };

        for (var i = 0; i < EdgeHosts.SignInPerAddress; i++)
        {
            // No anti-forgery token: refused with 400 by the page, but counted by the limiter that runs before it.
            using var counted = await client.PostAsync("/login", new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.BadRequest, counted.StatusCode);
        }

        using var refused = await client.PostAsync("/login", new FormUrlEncodedContent(form));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Quá nhiều yêu cầu", html, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Api_OverTheLimitOfAToken_Returns429WhileAnotherTokenPasses(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var peer = NewPeer();
        var busy = await app.CreateUserAsync(Roles.Viewer);
        var calm = await app.CreateUserAsync(Roles.Viewer);
        using var busyClient = From(app, peer, token: await TokenAsync(app, busy, NewPeer()));
        using var calmClient = From(app, peer, token: await TokenAsync(app, calm, NewPeer()));

        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i <= EdgeHosts.ApiPerMinute + 5 && last == HttpStatusCode.OK; i++)
        {
            using var response = await busyClient.GetAsync("/api/v1/reference");
            last = response.StatusCode;
            if (last == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("Quá nhiều yêu cầu", await response.ProblemTitleAsync());
            }
        }

        using var control = await calmClient.GetAsync("/api/v1/reference");

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task SignIn_UnknownAndKnownEmail_AnswerAlikeAndBothLockAfterFiveFailures(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var known = await app.CreateUserAsync(Roles.Viewer);
        var unknown = $"khong.co.{Unique.Token()}@test.sunghiep.vn";
        using var knownClient = From(app, NewPeer());
        using var unknownClient = From(app, NewPeer());

        var knownAnswers = new List<(HttpStatusCode, string)>();
        var unknownAnswers = new List<(HttpStatusCode, string)>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            // The sixth attempt has the right password: a locked pair refuses it all the same.
            var password = attempt == 6 ? SuNghiepApp.Password : $"Sai-mat-khau-{attempt}";
            using var k = await knownClient.LoginAsync(known, password);
            using var u = await unknownClient.LoginAsync(unknown, password);
            knownAnswers.Add((k.StatusCode, await k.ProblemTitleAsync()));
            unknownAnswers.Add((u.StatusCode, await u.ProblemTitleAsync()));
        }

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.All(knownAnswers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Item1));
        Assert.All(knownAnswers.Take(4), a => Assert.Equal("Email hoặc mật khẩu không đúng.", a.Item2));
        Assert.All(knownAnswers.Skip(4), a => Assert.Contains("tạm khóa", a.Item2, StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task SignIn_AttackerAddressLocked_OwnerBehindTheProxySignsIn(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var owner = await app.CreateUserAsync(Roles.Viewer);
        using var attacker = From(app, NewPeer());
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await attacker.LoginAsync(owner, $"Sai-mat-khau-{attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        // The owner's office is behind the load balancer: its address comes in X-Forwarded-For.
        using var office = From(app, EdgeHosts.Proxy, forwardedFor: NewPeer());
        using var ownerSignIn = await office.LoginAsync(owner, SuNghiepApp.Password);
        using var attackerRight = await attacker.LoginAsync(owner, SuNghiepApp.Password);

        Assert.Equal(HttpStatusCode.OK, ownerSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, attackerRight.StatusCode);
        Assert.Contains("tạm khóa", await attackerRight.ProblemTitleAsync(), StringComparison.Ordinal);
        // Identity's own lockout was not touched by the stranger.
        var lockout = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == owner).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Null(lockout.LockoutEnd);
        Assert.Equal(0, lockout.AccessFailedCount);
    }

    [Theory, DatabaseData]
    public async Task SignIn_AccountLockedByAnAdministrator_IsRefusedEvenWithTheRightPassword(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        await app.WithDbAsync(async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddDays(1));
        });
        using var client = From(app, NewPeer());

        using var right = await client.LoginAsync(email, SuNghiepApp.Password);
        using var wrong = await client.LoginAsync(email, "Sai-mat-khau-1");

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("bị khóa", await right.ProblemTitleAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Email hoặc mật khẩu không đúng.", await wrong.ProblemTitleAsync());
    }

    [Theory, DatabaseData]
    public async Task Headers_OnAPageAnApiAnswerAndAStaticFile_AreAllSet(DatabaseProvider provider)
    {
        var app = await shared.GetAsync(provider);
        using var client = app.Client();
        using var admin = await app.AdminAsync();

        using var page = await client.GetAsync("/login");
        using var api = await admin.GetAsync("/api/v1/reference");
        using var anonymousApi = await client.GetAsync("/api/v1/units");
        using var file = await client.GetAsync("/css/site.css");
        using var missing = await client.GetAsync("/khong-co-trang-nay");

        foreach (var response in new[] { page, api, anonymousApi, file, missing })
        {
            var what = response.RequestMessage!.RequestUri!.AbsolutePath;
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            var scriptSrc = Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value;
            Assert.Equal("'self'", scriptSrc);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(response.Headers.Contains("Server"), $"{what} has a Server header");
            // Served over plain HTTP, so no HSTS.
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what} has HSTS over HTTP");
        }

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True(api.Headers.CacheControl?.NoStore, "API answer without no-store");
        Assert.True(anonymousApi.Headers.CacheControl?.NoStore, "API 401 without no-store");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Https_ThroughATrustedProxy_SendsHstsAndSecureCookies(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var viaProxy = From(app, EdgeHosts.Proxy, forwardedFor: NewPeer());
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var untrusted = From(app, NewPeer());
        untrusted.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        viaProxy.BaseAddress = untrusted.BaseAddress = new Uri("http://sunghiep.example/");

        using var secure = await viaProxy.GetAsync("/login");
        using var plain = await untrusted.GetAsync("/login");

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        // The anti-forgery cookie; a cookie being deleted (empty value) carries nothing to protect.
        var set = secure.Headers.GetValues("Set-Cookie").Where(c => !c.Contains("=;", StringComparison.Ordinal)).ToList();
        Assert.Contains(set, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(set, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory, DatabaseData]
    public async Task LoginPage_OverHttpsOrHttp_SignInCookieIsSecureOnlyOverHttps(DatabaseProvider provider)
    {
        var app = await shared.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);

        var overHttps = await SignInCookieAsync(app, new Uri("https://sunghiep.example/"), email);
        var overHttp = await SignInCookieAsync(app, new Uri("http://sunghiep.example/"), email);

        Assert.Contains("; secure", overHttps, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", overHttps, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", overHttp, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> SignInCookieAsync(SuNghiepApp app, Uri baseAddress, string email)
    {
        using var client = app.Client(cookies: true);
        client.BaseAddress = baseAddress;
        var form = await client.GetStringAsync("/login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        using var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = SuNghiepApp.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sunghiep=", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task ApiDocs_HasNoInlineScript_AndThePagesPolicy(DatabaseProvider provider)
    {
        var app = await shared.GetAsync(provider);
        using var client = app.Client();

        using var docs = await client.GetAsync("/api/docs");
        var html = await docs.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var scriptSrc = Regex.Match(Assert.Single(docs.Headers.GetValues("Content-Security-Policy")), "script-src ([^;]*)").Groups[1].Value;
        Assert.Equal("'self'", scriptSrc.Trim());
        Assert.Empty(Regex.Matches(html, @"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", RegexOptions.Singleline));
    }

    [Theory, DatabaseData]
    public async Task ForwardedFor_FromTheConfiguredProxyOnly_IsTheAuditedAddress(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = await TokenAsync(app, SuNghiepApp.AdminEmail, NewPeer(), SuNghiepApp.AdminPassword);
        var agency = await app.AgencyIdAsync("92.SGDDT");
        var client = NewPeer();
        var stranger = NewPeer();
        using var throughProxy = From(app, EdgeHosts.Proxy, forwardedFor: client, token: token);
        using var spoofing = From(app, stranger, forwardedFor: "198.51.100.77", token: token);

        var honoured = await throughProxy.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", agency));
        var ignored = await spoofing.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "B", agency));

        Assert.Equal(client, await AuditedAddressAsync(app, honoured.Id));
        Assert.Equal(stranger, await AuditedAddressAsync(app, ignored.Id));
    }

    private static Task<string?> AuditedAddressAsync(SuNghiepApp app, int unitId) =>
        app.WithDbAsync((db, _) => db.AuditEntries
            .Where(a => a.EntityType == nameof(Unit) && a.EntityId == unitId.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "Create")
            .Select(a => a.IpAddress).SingleAsync());

    private static async Task<string> TokenAsync(SuNghiepApp app, string email, string peer, string password = SuNghiepApp.Password)
    {
        using var client = From(app, peer);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }
}
