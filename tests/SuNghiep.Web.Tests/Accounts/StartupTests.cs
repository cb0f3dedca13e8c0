using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Data;

namespace SuNghiep.Web.Tests.Accounts;

/// <summary>Settings read at start: the first administrator's password, and the certificate that encrypts the keys.</summary>
public sealed class StartupTests
{
    public static TheoryData<string, string> WeakAdminPasswords => new()
    {
        // SUNGHIEP_ADMIN_PASSWORD     the rule it breaks, as printed
        { "Ngan-qua-1",                "Mật khẩu phải có ít nhất 12 ký tự." },
        { "password1234",              CommonPasswordValidator.Message },
    };

    [Theory, DatabaseData(nameof(WeakAdminPasswords))]
    public async Task Start_WeakAdminPassword_ExitsNonZeroNamingTheRule(DatabaseProvider provider, string password, string rule)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var (code, error) = await RunAppAsync(database, password);
        var (users, admins) = await CountAccountsAsync(database);

        Assert.Equal(1, code);
        Assert.Contains("SuNghiep did not start", error, StringComparison.Ordinal);
        Assert.Contains(rule, error, StringComparison.Ordinal);
        Assert.Equal((0, 0), (users, admins));
    }

    [Theory, DatabaseData]
    public async Task Keys_CertificateConfigured_StoredEncryptedAndReadByAnotherInstanceWithTheCertificate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("sunghiep-keys-");
        try
        {
            var pfx = Path.Combine(folder.FullName, "keys.pfx");
            WriteSelfSignedCertificate(pfx, "Mat-khau-chung-chi");
            Dictionary<string, string?> withCertificate = new()
            {
                ["DataProtection:CertificatePath"] = pfx,
                ["DataProtection:CertificatePassword"] = "Mat-khau-chung-chi",
            };

            string token;
            List<string> keys;
            await using (var first = await StartAsync(database, withCertificate))
            {
                token = await AdminTokenAsync(first);
                keys = await first.Services.CreateScope().ServiceProvider.GetRequiredService<SuNghiepDbContext>()
                    .DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            }

            HttpStatusCode withTheCertificate, withoutIt;
            await using (var second = await StartAsync(database, withCertificate))
            {
                withTheCertificate = await UnitsStatusAsync(second, token);
            }

            await using (var third = await StartAsync(database, []))
            {
                withoutIt = await UnitsStatusAsync(third, token);
            }

            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
            Assert.Equal(HttpStatusCode.OK, withTheCertificate);
            // Control: an instance without the certificate cannot read the stored key, so the token means nothing to it.
            Assert.Equal(HttpStatusCode.Unauthorized, withoutIt);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory, DatabaseData]
    public async Task Keys_NoCertificate_StoredInClearAsBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await StartAsync(database, []);

        await AdminTokenAsync(app);
        var keys = await app.Services.CreateScope().ServiceProvider.GetRequiredService<SuNghiepDbContext>()
            .DataProtectionKeys.Select(k => k.Xml!).ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("<masterKey", xml, StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task Cookie_ActiveSession_EndsAfterTheAbsoluteLifetime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // 7.2 seconds in all, however busy the session; 30 idle minutes would keep it alive for ever by sliding.
        await using var app = await StartAsync(database, new() { ["Security:AbsoluteHours"] = "0.002", ["Security:IdleMinutes"] = "30" });
        using var session = new Pages.Resources.PageSession(app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler()));
        var (_, login) = await session.GetAsync("/login");
        using var signIn = await session.PostFormAsync("/login", login.QuerySelector("main form")!, new()
        {
            ["Input.Email"] = SuNghiepApp.AdminEmail,
            ["Input.Password"] = SuNghiepApp.AdminPassword,
        });
        var started = Stopwatch.StartNew();

        var (first, _) = await session.GetAsync("/units");
        HttpResponseMessage last;
        do
        {
            await Task.Delay(500);
            (last, _) = await session.GetAsync("/units");
        }
        while (last.StatusCode == HttpStatusCode.OK && started.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("/login", last.Headers.Location?.AbsolutePath);
        Assert.True(started.Elapsed > TimeSpan.FromSeconds(6), $"ended after {started.Elapsed}");
    }

    private static void WriteSelfSignedCertificate(string path, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=SuNghiep data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }

    private static async Task<ConfiguredApp> StartAsync(TestDatabase database, Dictionary<string, string?> settings)
    {
        var app = new ConfiguredApp(database, settings);
        await AppHosts.BuildGate.WaitAsync();
        try
        {
            _ = app.Server;
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        finally
        {
            AppHosts.BuildGate.Release();
        }
    }

    private static async Task<string> AdminTokenAsync(ConfiguredApp app)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = SuNghiepApp.AdminEmail, password = SuNghiepApp.AdminPassword });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<HttpStatusCode> UnitsStatusAsync(ConfiguredApp app, string token)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/units?pageSize=1");
        return response.StatusCode;
    }

    // The real binary, as an operator starts it, on an empty database.
    private static async Task<(int Code, string Error)> RunAppAsync(TestDatabase database, string adminPassword)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "sunghiep.dll"), "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Database__Provider"] = database.ProviderSetting,
                ["ConnectionStrings__Default"] = database.ConnectionString,
                ["SUNGHIEP_ADMIN_EMAIL"] = SuNghiepApp.AdminEmail,
                ["SUNGHIEP_ADMIN_PASSWORD"] = adminPassword,
                ["Seed__Demo"] = "false",
                ["Reminders__Enabled"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Critical",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The app kept running with a weak administrator password. Output: {await output}");
        }

        return (process.ExitCode, await output + await error);
    }

    private static async Task<(int Users, int Admins)> CountAccountsAsync(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<SuNghiepDbContext>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(database.ConnectionString);
        }
        else
        {
            options.UseSqlite(database.ConnectionString);
        }

        await using var db = new SuNghiepDbContext(options.Options);
        var users = await db.Users.CountAsync();
        var admins = await db.UserRoles.Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).CountAsync(n => n == "SystemAdmin");
        return (users, admins);
    }

    private sealed class ConfiguredApp(TestDatabase database, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", database.ProviderSetting);
            builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
            builder.UseSetting("Seed:Demo", "false");
            builder.UseSetting("SUNGHIEP_ADMIN_EMAIL", SuNghiepApp.AdminEmail);
            builder.UseSetting("SUNGHIEP_ADMIN_PASSWORD", SuNghiepApp.AdminPassword);
            builder.UseSetting("Reminders:Enabled", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
            // The instance without the certificate says, as it should, that it cannot read the stored key.
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "None");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Antiforgery", "None");
            foreach (var (name, value) in settings)
            {
                builder.UseSetting(name, value);
            }
        }
    }
}
