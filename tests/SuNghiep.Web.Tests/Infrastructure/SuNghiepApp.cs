using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Data;

namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>
/// The app in the test host on one database. Program's entry point runs as in production, so WebApp.InitializeAsync
/// migrates, loads the reference data and the demo province, and creates the administrator before the first request.
/// </summary>
public sealed class SuNghiepApp(TestDatabase database, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.sunghiep.vn";
    public const string AdminPassword = "Quantri-2025-test";
    public const string Password = "Matkhau-2025-test";

    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _adminToken;

    public TestDatabase Database => database;

    public DatabaseProvider Provider => database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.ProviderSetting);
        builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("SUNGHIEP_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("SUNGHIEP_ADMIN_PASSWORD", AdminPassword);
        // Tests run the reminder sweep themselves, on dates they choose.
        builder.UseSetting("Reminders:Enabled", "false");
        // Configuration, not SetMinimumLevel: appsettings.json's Logging section would win over the latter.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // EF logs as an error the probe of a migrations table that a fresh database does not have yet.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // The import's request size limit cannot apply in the in-memory test server, which says so on every upload.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Mvc.Filters.RequestSizeLimitFilter", "Error");
        // Every test signs in from the same (absent) client address and most share the administrator's token: the shared
        // hosts lift those limits, which EdgeSecurityTests and SignInDelayTests check in hosts of their own.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:ApiPerMinute", "1000000");
        builder.UseSetting("RateLimits:SignInPerAccountPerMinute", "100000");
        builder.UseSetting("Security:AddressFreeFailures", "100000");
        // Citizens' feedback is limited per address as well; FeedbackLimitTests checks the limits in hosts of its own.
        builder.UseSetting("Feedback:PerAddressPerHour", "100000");
        builder.UseSetting("Feedback:WithoutProofPerAddressPerHour", "100000");
        // A test's own host may change settings (low rate limits, trusted proxies) after these.
        configure?.Invoke(builder);
    }

    /// <summary>A client that fails the test on any 5xx answer, whatever the test asserts after.</summary>
    public HttpClient Client(bool cookies = false) =>
        cookies
            ? CreateDefaultClient(new NoServerErrors(), new CookieContainerHandler())
            : CreateDefaultClient(new NoServerErrors());

    public async Task<string> TokenAsync(string email, string password)
    {
        using var client = Client();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in as the administrator created on first start (whole country).</summary>
    public async Task<HttpClient> AdminAsync()
    {
        await _tokenGate.WaitAsync();
        try
        {
            _adminToken ??= await TokenAsync(AdminEmail, AdminPassword);
        }
        finally
        {
            _tokenGate.Release();
        }

        return ClientWithToken(_adminToken);
    }

    /// <summary>Creates an account through the account service, the path the admin page and the `user add` verb share.</summary>
    public async Task<string> CreateUserAsync(string role, string? agency = null, string? area = null, string? unit = null)
    {
        var email = $"{role.ToLowerInvariant()}.{Unique.Token()}@test.sunghiep.vn";
        await WithDbAsync(async (db, services) =>
        {
            var accounts = services.GetRequiredService<AccountService>();
            var result = await accounts.CreateAsync(new NewAccount(email, Password, role, "Người kiểm thử", agency, area, unit));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        });
        return email;
    }

    /// <summary>A client signed in as a new account with the given role and scope; also returns its email.</summary>
    public async Task<(HttpClient Client, string Email)> SignInAsNewUserAsync(string role, string? agency = null, string? area = null)
    {
        var email = await CreateUserAsync(role, agency, area);
        return (ClientWithToken(await TokenAsync(email, Password)), email);
    }

    public async Task<int> AgencyIdAsync(string code) =>
        await WithDbAsync((db, _) => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    /// <summary>Runs code on a DbContext of the app that sees every unit, as the system.</summary>
    public async Task<T> WithDbAsync<T>(Func<SuNghiepDbContext, IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "test", null);
        return await action(db, scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<SuNghiepDbContext, IServiceProvider, Task> action) =>
        WithDbAsync<bool>(async (db, services) =>
        {
            await action(db, services);
            return true;
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        _tokenGate.Dispose();
    }

    private sealed class NoServerErrors : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Assert.Fail($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
            }

            return response;
        }
    }
}
