using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Seeding;
using SuNghiep.Core.Units;

[assembly: AssemblyFixture(typeof(SuNghiep.Browser.Tests.HostFixture))]
// One Chromium on two cores: all journeys share one collection, so they run one after another.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

namespace SuNghiep.Browser.Tests;

/// <summary>The app on a real Kestrel on loopback, with a fresh SQLite file and the demo province, and one headless Chromium.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public const string Password = "Kiem-tra-2025x";
    public const string AdminEmail = "admin@browser.test";
    /// <summary>Sở Nội vụ officer for the demo province (area 92).</summary>
    public const string HomeAffairsEmail = "noivu@browser.test";
    /// <summary>Officer of Sở Y tế (agency 92.SYT): sees only its units.</summary>
    public const string HealthOfficerEmail = "syt@browser.test";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sunghiep-browser-" + Guid.NewGuid().ToString("N"));
    private AppFactory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _factory = new AppFactory(Path.Combine(_folder, "b.db"));
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        // The test host stops Program at Build(), so the first-start work that Program does after it is done here.
        await DatabaseSetup.MigrateAsync(Services);
        await DatabaseSetup.SeedReferenceAsync(Services);
        await DatabaseSetup.SeedDemoAsync(Services, onlyIfEmpty: true);
        await DatabaseSetup.EnsureAdministratorAsync(Services, AdminEmail, Password, Services.GetRequiredService<ILoggerFactory>().CreateLogger("test"));
        await CreateAccountAsync(new NewAccount(HomeAffairsEmail, Password, Roles.HomeAffairs, "Trần Thị Nội Vụ", AreaCode: DemoSeeder.ProvinceCode));
        await CreateAccountAsync(new NewAccount(HealthOfficerEmail, Password, Roles.AgencyOfficer, "Lê Văn Y Tế", AgencyCode: "92.SYT"));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Date inputs follow the browser's own locale, not the page's: dd/mm/yyyy as Vietnamese users see them.
            Env = new Dictionary<string, string> { ["LANG"] = "vi_VN.UTF-8", ["LANGUAGE"] = "vi" },
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=vi",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        // A journey whose page broke the policy fails the run even if its own assertions passed.
        var violations = CspViolations.ToArray();

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleaner.
        }

        if (violations.Length > 0)
        {
            throw new InvalidOperationException("Content-Security-Policy violations:\n" + string.Join("\n", violations));
        }
    }

    /// <summary>A fresh browser context (its own cookies) and page on the app, in a browser set to a language (vi-VN unless told).</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, string locale = "vi-VN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        // The browser tests run beside the other test projects on two cores: a navigation may wait its turn for the CPU.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        // Chromium reports in the console what the Content-Security-Policy refused: every page of every journey is watched.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                CspViolations.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>What the Content-Security-Policy refused on any page the journeys opened.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> CspViolations { get; } = new();

    public async Task<int> AgencyIdAsync(string code)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        return await db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Adds a unit as the system would, bypassing the pages: data that a journey needs but does not test.</summary>
    public async Task<UnitView> CreateUnitAsync(UnitInput input)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "browser tests", null);
        var result = await scope.ServiceProvider.GetRequiredService<UnitService>().CreateAsync(input);
        return result.Unit ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    /// <summary>Records a reorganization as the system would: an event a journey starts from but does not test.</summary>
    public async Task<int> RecordReorganizationAsync(ReorganizationInput input)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "browser tests", null);
        var result = await scope.ServiceProvider.GetRequiredService<ReorganizationService>().RecordAsync(input);
        return result.Id ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    /// <summary>Assigns a task on a seeded document as the system would: a task a journey reports on but does not create.</summary>
    public async Task<TaskView> AddTaskAsync(string documentNumber, TaskInput input)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "browser tests", null);
        var documentId = await db.Documents.Where(d => d.Number == documentNumber).Select(d => d.Id).SingleAsync();
        var result = await scope.ServiceProvider.GetRequiredService<PlanService>().AddTaskAsync(documentId, input);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    /// <summary>The register's own count of active units in an area on a date, to check a page's figures against.</summary>
    public async Task<int> CountAsync(string areaCode, DateOnly date)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var engine = scope.ServiceProvider.GetRequiredService<SuNghiep.Core.Indicators.IndicatorEngine>();
        return (await HistoryQueries.CountAsync(db, engine, date, new CountScope(areaCode, null))).Total;
    }

    /// <summary>
    /// Allocates an agency, for a year, what its units already use plus some room: a known margin for the journeys that
    /// enter staffing over or under the allocation. Returns the allocation.
    /// </summary>
    public async Task<int> AllocateWithRoomAsync(string agencyCode, int year, int room)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "browser tests", null);
        var resources = scope.ServiceProvider.GetRequiredService<ResourceService>();
        var agency = await AgencyIdAsync(agencyCode);
        // The answer of an allocation carries what the agency's units use in the year.
        var used = (await resources.SetAllocationAsync(agency, year, 1_000_000, null, overAllocation: true)).Value!.BudgetPositions;
        var result = await resources.SetAllocationAsync(agency, year, (int)(used + room), "Quyết định kiểm thử", overAllocation: true);
        return result.Value!.Allocated!.Value;
    }

    public async Task CreateAccountAsync(NewAccount account)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(account);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }

    private static string FindScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SuNghiep.slnx")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A request with this header is answered two seconds late, to see what a page shows while it waits.</summary>
    public const string HoldHeader = "X-Test-Hold";

    private sealed class HoldFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextStep) =>
            {
                if (context.Request.Headers.ContainsKey(HoldHeader))
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted);
                }

                await nextStep(context);
            });
            next(app);
        };
    }

    private sealed class AppFactory(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, HoldFilter>());
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("SUNGHIEP_ADMIN_EMAIL", AdminEmail);
            builder.UseSetting("SUNGHIEP_ADMIN_PASSWORD", Password);
            // The worker would sweep before the fixture has migrated the database; journeys make their own notifications.
            builder.UseSetting("Reminders:Enabled", "false");
            // Journeys sign in again and again from one address, as the same few accounts.
            builder.UseSetting("RateLimits:SignInPerMinute", "100000");
            builder.UseSetting("RateLimits:SignInPerAccountPerMinute", "100000");
            builder.UseSetting("RateLimits:ApiPerMinute", "1000000");
            builder.UseSetting("Security:AddressFreeFailures", "100000");
        }
    }
}
