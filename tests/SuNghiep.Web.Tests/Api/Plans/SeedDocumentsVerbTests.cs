using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Web.Cli;
using SuNghiep.Web.Tests.Cli;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// `sunghiep seed documents`, run through AdminVerbs.RunAsync as AdminVerbsTests runs `user add`: the process's
/// Database__Provider and ConnectionStrings__Default point at the database under test for the duration of the call,
/// in the collection that runs alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class SeedDocumentsVerbTests(AppHosts hosts)
{
    private static readonly string[] Verb = ["seed", "documents"];

    [Theory, DatabaseData]
    public async Task SeedDocuments_OnTheDemoDatabase_Returns0AndAddsNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var before = await app.WithDbAsync((db, _) => CountsAsync(db));

        var (code, output, error) = await RunAsync(app.Database, Verb);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("already loaded", output, StringComparison.Ordinal);
        Assert.Equal("", error);
        Assert.Equal(before, await app.WithDbAsync((db, _) => CountsAsync(db)));
    }

    [Theory, DatabaseData]
    public async Task SeedDocuments_OnAnEmptyDatabase_LoadsTheWholeCascadeOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var first = await RunAsync(database, Verb);
        await using var db = Context(database);
        var afterFirst = await CountsAsync(db);
        var second = await RunAsync(database, Verb);
        var afterSecond = await CountsAsync(db);

        Assert.True(first.Code == 0, $"exit {first.Code}: {first.Error}");
        Assert.True(second.Code == 0, $"exit {second.Code}: {second.Error}");
        Assert.Contains("Documents loaded", first.Output, StringComparison.Ordinal);
        Assert.Contains("already loaded", second.Output, StringComparison.Ordinal);
        Assert.Equal(afterFirst, afterSecond);
        // Without the demo province nothing waits: the bodies the documents name are created with them.
        Assert.Equal("", first.Error);
        var numbers = await db.Documents.Select(d => d.Number).ToListAsync();
        Assert.Contains("62-KL/TW", numbers);
        Assert.Contains("38/NQ-CP", numbers);
        Assert.Equal(11, numbers.Count);
        Assert.Equal("O24.UBND", await db.Documents.Where(d => d.Issuer == "Chủ tịch Ủy ban nhân dân tỉnh").Select(d => d.IssuerAgency!.Code).SingleAsync());
        Assert.True(await db.PlanTasks.AnyAsync(t => t.LeadAgency!.Code == "TN.PGDDT"), "the Tam Nông plan needs no demo agency");
        Assert.False(await db.TaskProgress.AnyAsync(), "the demo's progress reports come only with the demo");
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "PlanDocument" && a.EntityId == "*" && a.After!.Contains("documents")));
    }

    private static async Task<(int Documents, int Targets, int Tasks, int Agencies, int Progress)> CountsAsync(SuNghiepDbContext db) =>
        (await db.Documents.CountAsync(), await db.Targets.CountAsync(), await db.PlanTasks.IgnoreQueryFilters().CountAsync(),
            await db.Agencies.CountAsync(), await db.TaskProgress.CountAsync());

    private static SuNghiepDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<SuNghiepDbContext>();
        _ = database.Provider == DatabaseProvider.Postgres ? options.UseNpgsql(database.ConnectionString) : options.UseSqlite(database.ConnectionString);
        var db = new SuNghiepDbContext(options.Options);
        db.UseScope(CallerScope.Everything);
        return db;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, string[] args)
    {
        var variables = new Dictionary<string, string?>
        {
            ["Database__Provider"] = database.ProviderSetting,
            ["ConnectionStrings__Default"] = database.ConnectionString,
        };
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        using var output = new StringWriter();
        using var error = new StringWriter();
        await AppHosts.BuildGate.WaitAsync();
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var code = await AdminVerbs.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            AppHosts.BuildGate.Release();
        }
    }
}
