using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Seeding;

/// <summary>First-start work: migrate, load reference data, load the demo province when the register is empty, load the source documents, and make sure an administrator exists.</summary>
public static class DatabaseSetup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        await db.Database.MigrateAsync(ct);
        // A register migrated from before the indicator facts gets them once.
        if (await Indicators.IndicatorFacts.NeedsRebuildAsync(db, ct))
        {
            await RebuildIndicatorFactsAsync(services, ct);
        }
    }

    /// <summary>Rewrites the indicator facts from the register in one transaction; returns the rows written.</summary>
    public static async Task<int> RebuildIndicatorFactsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await Indicators.IndicatorFacts.RebuildAsync(db, ct);
        await tx.CommitAsync(ct);
        return rows;
    }

    public static async Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.BulkOperation = "reference data";
        await ReferenceDataSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), ct);
        // The survey forms belong to every deployment, with or without the demo; a form added later by its code comes in at the next start.
        await SurveyInstrumentSeeder.SeedAsync(db, (scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime, ct);
        // Quality standards belong to every deployment; those missing by code and version are added at each start.
        db.Actor = new Actor(null, Auditing.SystemActors.FirstStart, null);
        await QualityStandardSeeder.SeedAsync(db, scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System, ct);
    }

    /// <summary>Loads the demo province; when onlyIfEmpty, only into a register that has no unit yet.</summary>
    public static async Task<bool> SeedDemoAsync(IServiceProvider services, bool onlyIfEmpty, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        if (onlyIfEmpty && await db.Units.AnyAsync(ct))
        {
            return false;
        }

        db.Actor = new Actor(null, Auditing.SystemActors.Demo, null);
        db.BulkOperation = "demo province";
        var time = scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        // One transaction for the whole demo: one commit instead of one per part, and no half-loaded demo.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DemoSeeder.SeedAsync(db, VietnamTime.Today(time).Year, ct);
        // The source documents, whose tasks get a few progress reports in the demo.
        await DocumentSeeder.SeedAsync(db, time, demoProgress: true, ct);
        // The demo writes past the change tracker: its indicator facts are built in one pass at the end.
        await Indicators.IndicatorFacts.RebuildAsync(db, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Loads the national data set (NationalSeeder) into a register that has no unit; null, and nothing written, when it
    /// has one: the national set is made to reproduce the published figures and cannot be mixed with other units.
    /// </summary>
    public static async Task<NationalResult?> SeedNationalAsync(
        IServiceProvider services, NationalOptions options, string actor, Action<long, long>? progress, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        if (await db.Units.IgnoreQueryFilters().AnyAsync(ct))
        {
            return null;
        }

        db.Actor = new Actor(null, actor, null);
        var time = scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        return await NationalSeeder.SeedAsync(db, options, VietnamTime.Today(time).Year, time.GetUtcNow().UtcDateTime, progress, ct);
    }

    /// <summary>
    /// Loads the documents of the cascade (ReferenceData/documents.json) that are not there yet, with the agencies they
    /// need, without the demo's progress reports. When onlyIfNone, only into a register that holds no document yet: at
    /// first start, so that a document an administrator removed later does not come back at the next start.
    /// </summary>
    public static async Task<DocumentSeeder.Result?> SeedDocumentsAsync(IServiceProvider services, string actor, bool onlyIfNone = false, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        if (onlyIfNone && await db.Documents.AnyAsync(ct))
        {
            return null;
        }

        db.Actor = new Actor(null, actor, null);
        return await DocumentSeeder.SeedAsync(db, scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System, demoProgress: false, ct);
    }

    /// <summary>Loads the shipped catalogues of public services that are not yet there (every start; a second run adds nothing).</summary>
    public static async Task<(int Catalogues, int Items)> SeedServiceCataloguesAsync(IServiceProvider services, string actor, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, actor, null);
        return await ServiceCatalogueSeeder.SeedAsync(db, scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System, ct);
    }

    /// <summary>
    /// Creates the first administrator from the given credentials, or with a generated password that is returned once
    /// for the console. Returns null when an administrator already exists. Throws <see cref="SetupRefusedException"/> when
    /// the given credentials break the account rules: an app without an administrator must not start.
    /// </summary>
    public static async Task<(string Email, string? GeneratedPassword)?> EnsureAdministratorAsync(
        IServiceProvider services, string? email, string? password, ILogger logger)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.SystemAdmin)).Count > 0)
        {
            return null;
        }

        email = string.IsNullOrWhiteSpace(email) ? "admin@sunghiep.local" : email.Trim();
        var generated = string.IsNullOrEmpty(password) ? Accounts.AccountService.GeneratePassword() : null;
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.Actor = new Actor(null, Auditing.SystemActors.FirstStart, null);
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts.AccountService>();
        var result = await accounts.CreateAsync(new Accounts.NewAccount(email, password ?? generated, Roles.SystemAdmin, "Quản trị hệ thống"));
        if (!result.Succeeded)
        {
            var reasons = string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
            logger.LogCritical("The first administrator {Email} could not be created: {Reasons}", email, reasons);
            throw new SetupRefusedException(
                $"The first administrator ({email}) cannot be created from SUNGHIEP_ADMIN_EMAIL / SUNGHIEP_ADMIN_PASSWORD: {reasons}");
        }

        return (email, generated);
    }
}

/// <summary>First-start work found a setting that leaves the app unusable or unsafe; the app must not start.</summary>
public sealed class SetupRefusedException(string message) : Exception(message);
