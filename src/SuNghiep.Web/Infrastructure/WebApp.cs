using System.Globalization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Auditing;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Seeding;
using SuNghiep.Core.Units;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Infrastructure;

public static class WebApp
{
    public const string ApiPolicy = "api";
    public const string UnitCreatePolicy = "unit-create";
    public const string UnitEditPolicy = "unit-edit";
    public const string AdminPolicy = "admin";
    private const string CallerScheme = "caller";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot() });
        // Serves wwwroot from the project when run from a build folder (`dotnet run --project`); a published app has its own copy.
        builder.WebHost.UseStaticWebAssets();
        AddServices(builder.Services, builder.Configuration, Directory.GetCurrentDirectory());
        var app = builder.Build();
        Configure(app);
        return app;
    }

    // Run from the repository root, the working directory holds no appsettings.json: the build folder does.
    private static string? ContentRoot() =>
        !File.Exists("appsettings.json") && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            ? AppContext.BaseDirectory
            : null;

    public static void AddServices(IServiceCollection services, IConfiguration config, string workingDirectory)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSuNghiepDatabase(config, workingDirectory);
        services.AddScoped<UnitService>();
        services.AddScoped<Core.Reorganizations.ReorganizationService>();
        services.AddScoped<Core.Reorganizations.ProposalService>();
        services.AddScoped<Core.Oversight.InspectionService>();
        services.AddScoped<Core.Reorganizations.ReorganizationImport>();
        services.AddScoped<Core.Scenarios.ScenarioService>();
        services.AddScoped<Core.Scenarios.ScenarioImport>();
        services.AddSingleton(new Core.Reorganizations.SheetLimits(
            config.GetValue("Imports:MaxUncompressedMegabytes", 200L) * 1024 * 1024,
            config.GetValue("Imports:MaxCellCharacters", Core.Reorganizations.SheetLimits.Default.MaxCellCharacters)));
        services.AddScoped<Core.Resources.ResourceService>();
        services.AddScoped<Core.Resources.JobPositionService>();
        services.AddScoped<Core.Oversight.QualityService>();
        services.AddScoped<Core.Oversight.MeritService>();
        services.AddScoped<Core.Services.CatalogueService>();
        services.AddScoped<Core.Services.CatalogueQueries>();
        services.AddScoped<Core.Services.CatalogueImport>();
        services.AddScoped<Core.Services.OrderService>();
        services.AddScoped<Core.Services.OrderImport>();
        services.AddScoped<Core.Indicators.IndicatorEngine>();
        services.AddScoped<Core.Reporting.ReportAnnexes>();
        services.AddScoped<Core.Reporting.ReportService>();
        services.AddScoped<Core.Reporting.ReportAttachmentService>();
        services.AddScoped<Core.Plans.PlanService>();
        services.AddScoped<Core.Plans.AttachmentService>();
        services.AddScoped<Core.Plans.TargetStatuses>();
        services.AddScoped<Core.Resources.ResourceImport>();
        services.AddScoped<Core.Resources.JobPositionImport>();
        services.AddScoped<Core.Oversight.SurveyService>();
        services.AddScoped(sp => new Core.Oversight.SurveyImport(sp.GetRequiredService<Core.Oversight.SurveyService>(), sp.GetRequiredService<Core.Reorganizations.SheetLimits>()));
        services.AddScoped<Core.Services.ProviderService>();
        services.AddScoped<Core.Services.NetworkCoverage>();
        services.AddScoped<Core.Services.NetworkData>();
        services.AddScoped<AccountService>();
        services.AddScoped<SignInGuard>();
        services.AddReminders(config);
        services.Configure<Core.Oversight.FeedbackOptions>(config.GetSection(Core.Oversight.FeedbackOptions.Section));
        services.AddScoped<Core.Oversight.FeedbackService>();
        services.AddMemoryCache();
        services.AddSingleton<FeedbackGuard>();
        // Only the public register's pages and reads are compressed: they carry no secret that a compression side channel could leak.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/html", "text/css", "application/javascript", "text/javascript", "application/json", "application/problem+json"];
        });

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                PasswordPolicy.Apply(o.Password);
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Security:MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Security:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<SuNghiepDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        var authentication = services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddPolicyScheme(CallerScheme, "Bearer token or cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);
        SingleSignOn.Add(authentication, config);

        // The caller is known before routing, so that the scope is set on the context before any handler runs.
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o => o.DefaultAuthenticateScheme = CallerScheme);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "sunghiep";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            Sessions.Configure(o, config);
        });

        // Keys live in the database so that every instance behind a load balancer reads the same cookies and tokens.
        services.AddDataProtection().SetApplicationName("SuNghiep").PersistKeysToDbContext<SuNghiepDbContext>()
            .ProtectKeysWithConfiguredCertificate(config);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .AddPolicy(UnitCreatePolicy, p => p.RequireRole(Roles.UnitCreators))
            .AddPolicy(UnitEditPolicy, p => p.RequireRole(Roles.UnitEditors))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.SystemAdmin));

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/SingleSignOn");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
            o.Conventions.AllowAnonymousToPage("/Status");
        }).AddMvcOptions(o => VietnameseBindingMessages.Apply(o.ModelBindingMessageProvider));

        // Vietnamese letters are written as they are, not as &#x...; entities that double the size of every page.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Localize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiDocumentContract>().AddOperationTransformer<OpenApiOperationContract>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var vi = new CultureInfo("vi-VN");
            o.DefaultRequestCulture = new RequestCulture(vi);
            o.SupportedCultures = [vi];
            o.SupportedUICultures = [vi];
            o.RequestCultureProviders.Clear();
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddEdgeSecurity(config);
    }

    public static void Configure(WebApplication app)
    {
        app.UseEdgeSecurity();
        app.UseExceptionHandler();
        // Pages get a Vietnamese page for 404 and the like; the API keeps answering with problem details.
        app.UseStatusCodePages();
        app.UseWhen(
            c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            b => b.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseRequestLocalization();
        app.UseWhen(PublicRegisterPath, b => b.UseResponseCompression());
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<UploadLimitMiddleware>();
        app.UseAuthentication();
        app.UseRateLimits();
        app.UseMiddleware<CallerMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        var api = app.MapGroup("/api/v1");
        AuthApi.Map(api);
        PublicApi.Map(api);
        var secured = api.MapGroup("").RequireAuthorization(ApiPolicy);
        UnitsApi.Map(secured);
        ReorganizationsApi.Map(secured);
        ProposalsApi.Map(secured);
        InspectionsApi.Map(secured);
        ScenariosApi.Map(secured);
        ReportsApi.Map(secured);
        ResourcesApi.Map(secured);
        JobPositionsApi.Map(secured);
        QualityApi.Map(secured);
        MeritsApi.Map(secured);
        ServiceCataloguesApi.Map(secured);
        ServiceOrdersApi.Map(secured);
        ProvidersApi.Map(secured);
        NetworkApi.Map(secured);
        IndicatorsApi.Map(secured);
        PlansApi.Map(secured);
        TaskImportApi.Map(secured);
        AttachmentsApi.Map(secured);
        ReportAttachmentsApi.Map(secured);
        ReferenceApi.Map(secured);
        NotificationsApi.Map(secured);
        AccountApi.Map(secured);
        SearchApi.Map(secured);
        FeedbackApi.Map(secured);
        LookupApi.Map(secured);
        SurveysApi.Map(secured);
        LookupApi.MapForPages(app);

        app.MapRazorPages();
    }

    private static bool PublicRegisterPath(HttpContext context)
    {
        // Reads only: the answer to a feedback and the withdrawal page carry a withdrawal secret.
        var path = context.Request.Path;
        if (!HttpMethods.IsGet(context.Request.Method) || path.StartsWithSegments("/cong-khai/rut-dong-y", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return path.StartsWithSegments("/cong-khai", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/v1/public", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/css/public.css", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/js/feedback-pow.js", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Migrates, loads reference data, loads the demo province into an empty register, loads the source documents into a register without any, and makes the first administrator.</summary>
    public static async Task InitializeAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SuNghiep.Startup");
        var config = app.Configuration;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(app.Services);
        logger.LogInformation("Migrations checked in {Elapsed} ms", clock.ElapsedMilliseconds);
        await DatabaseSetup.SeedReferenceAsync(app.Services);
        logger.LogInformation("Reference data checked in {Elapsed} ms", clock.ElapsedMilliseconds);
        if (config.GetValue("Seed:Demo", true) && await DatabaseSetup.SeedDemoAsync(app.Services, onlyIfEmpty: true))
        {
            logger.LogInformation("Loaded the demo province (Cần Thơ) into the empty register in {Elapsed} ms.", clock.ElapsedMilliseconds);
        }

        // The source documents belong to every deployment, with or without the demo (which loads them with itself).
        if (await DatabaseSetup.SeedDocumentsAsync(app.Services, SystemActors.FirstStart, onlyIfNone: true) is { } documents)
        {
            logger.LogInformation("Loaded {Documents} source documents with {Agencies} agencies in {Elapsed} ms.", documents.Documents, documents.Agencies, clock.ElapsedMilliseconds);
        }

        if (await DatabaseSetup.SeedServiceCataloguesAsync(app.Services, SystemActors.FirstStart) is { Catalogues: > 0 } catalogues)
        {
            logger.LogInformation("Loaded {Catalogues} catalogues of public services with {Items} items in {Elapsed} ms.", catalogues.Catalogues, catalogues.Items, clock.ElapsedMilliseconds);
        }

        var admin = await DatabaseSetup.EnsureAdministratorAsync(
            app.Services, config["SUNGHIEP_ADMIN_EMAIL"], config["SUNGHIEP_ADMIN_PASSWORD"], logger);
        if (admin is { GeneratedPassword: { } password } created)
        {
            // Printed once, to the console only: it is not stored anywhere in clear.
            Console.WriteLine($"First administrator: {created.Email}  password: {password}  (change it after signing in)");
        }
    }
}
