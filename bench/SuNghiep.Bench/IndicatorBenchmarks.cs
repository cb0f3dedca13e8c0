using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SuNghiep.Core.Data;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Seeding;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Bench;

/// <summary>
/// The national dashboard: every indicator against its default baseline with the 34-province breakdown, on the national
/// data set (`seed national`, scale SUNGHIEP_BENCH_SCALE, 1.0 by default), by the engine (ComputeAllAsync) and by the
/// hand-written SQL of HandDashboard, on SQLite and on PostgreSQL (the server of SUNGHIEP_BENCH_POSTGRES, else
/// SUNGHIEP_TEST_POSTGRES). The data set is loaded once per provider and scale and kept (a file under the temp folder, a
/// database sunghiep_bench_national_*) for the next runs.
/// </summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private ServiceProvider _services = null!;

    /// <summary>The national data set's services, for the benchmarks that read it too.</summary>
    internal ServiceProvider Services => _services;

    [Params("Sqlite", "Postgres")]
    public string Provider { get; set; } = "";

    // A year end, read from the year totals, and a day inside a year, whose snapshot is read from the unit facts.
    [Params("2025-12-31", "2025-06-30")]
    public string AsOf { get; set; } = "";

    private static double Scale => double.TryParse(Environment.GetEnvironmentVariable("SUNGHIEP_BENCH_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 1.0;

    private DateOnly Date => DateOnly.ParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var tag = Scale.ToString("0.###", CultureInfo.InvariantCulture).Replace('.', '_');
        string connection;
        if (Provider == "Postgres")
        {
            var server = Environment.GetEnvironmentVariable("SUNGHIEP_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("SUNGHIEP_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set SUNGHIEP_BENCH_POSTGRES to a PostgreSQL server where this user may create databases.");
            var name = $"sunghiep_bench_national_{tag}";
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", admin);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", admin);
                    await create.ExecuteNonQueryAsync();
                }
            }

            connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        }
        else
        {
            connection = $"Data Source={Path.Combine(Path.GetTempPath(), $"sunghiep-bench-national-{tag}.db")}";
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["ConnectionStrings:Default"] = connection,
        }).Build();
        var services = new ServiceCollection();
        // SUNGHIEP_BENCH_SQL=1 prints each command with its duration (for the quick look, never under BenchmarkDotNet).
        services.AddLogging(b =>
        {
            if (Environment.GetEnvironmentVariable("SUNGHIEP_BENCH_SQL") == "1")
            {
                b.AddSimpleConsole().AddFilter((category, level) => category == "Microsoft.EntityFrameworkCore.Database.Command" && level >= LogLevel.Information);
            }
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSuNghiepDatabase(config, Path.GetTempPath());
        services.AddIdentityCore<SuNghiep.Core.Entities.AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>().AddEntityFrameworkStores<SuNghiepDbContext>();
        services.AddScoped<IndicatorEngine>();
        _services = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(_services);
        await DatabaseSetup.SeedReferenceAsync(_services);
        // Null when the register already has its units: a previous run loaded them.
        var loaded = await DatabaseSetup.SeedNationalAsync(_services, new NationalOptions(Scale, NationalOptions.DefaultSeed), "bench", null);
        Console.WriteLine(loaded is null ? "// national data set already loaded" : $"// national data set loaded: {loaded.Units} units, {loaded.Events} events");
        // Statistics for the planner after a bulk load.
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HandSql()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        await db.Database.OpenConnectionAsync();
        var result = await HandDashboard.ComputeAsync(db.Database.GetDbConnection(), Provider == "Postgres", Date);
        return result.Count;
    }

    [Benchmark]
    public async Task<int> Engine()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var engine = scope.ServiceProvider.GetRequiredService<IndicatorEngine>();
        var results = await engine.ComputeAllAsync(Date, IndicatorScope.Visible, Breakdowns.Province);
        return results.Count;
    }
}
