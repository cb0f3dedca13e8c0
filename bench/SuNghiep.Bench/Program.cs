using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Data;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Seeding;
using SuNghiep.Core.Units;

if (args is ["indicators-once", .. var rest])
{
    // A quick look without BenchmarkDotNet's statistics: the dashboard timed a few times on each provider.
    foreach (var (provider, asOf) in (rest.Length > 0 ? rest : ["Sqlite", "Postgres"]).SelectMany(p => new[] { (p, "2025-12-31"), (p, "2025-06-30") }))
    {
        var bench = new SuNghiep.Bench.IndicatorBenchmarks { Provider = provider, AsOf = asOf };
        bench.Setup();
        foreach (var (name, run) in new (string, Func<Task<int>>)[] { ("HandSql", bench.HandSql), ("Engine", bench.Engine), ("HandSql", bench.HandSql), ("Engine", bench.Engine) })
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await run();
            Console.WriteLine($"{provider} {asOf} {name}: {clock.ElapsedMilliseconds} ms");
        }

        bench.Cleanup();
    }

    return;
}

if (args is ["orders-import-once", .. var importProviders])
{
    // The import of 10,000 orders, three runs per provider, each into the same fresh database.
    foreach (var provider in importProviders.Length > 0 ? importProviders : ["Sqlite", "Postgres"])
    {
        await SuNghiep.Bench.OrderImportBench.RunAsync(provider, 3);
    }

    return;
}

if (args is ["coverage-once", .. var coverageProviders])
{
    // A quick look: the health coverage of all 3,321 communes, five runs per provider, the first cold.
    foreach (var provider in coverageProviders.Length > 0 ? coverageProviders : ["Sqlite", "Postgres"])
    {
        var bench = new SuNghiep.Bench.CoverageBenchmarks { Provider = provider };
        bench.Setup();
        for (var run = 0; run < 5; run++)
        {
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var communes = await bench.Country();
            var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"{provider} coverage ({communes} communes): {clock.ElapsedMilliseconds} ms, {used.TotalMilliseconds:0} ms CPU in the client");
        }

        bench.Cleanup();
    }

    return;
}

if (args is ["annexes-once", .. var providers])
{
    // A quick look: the report annexes timed a few times per provider and scope, the first call of each cold.
    foreach (var provider in providers.Length > 0 ? providers : ["Sqlite", "Postgres"])
    {
        foreach (var scope in new[] { "country", "01", "01-officer" })
        {
            var bench = new SuNghiep.Bench.ReportAnnexBenchmarks { Provider = provider, Scope = scope };
            bench.Setup();
            for (var run = 0; run < 3; run++)
            {
                // The process's CPU time beside the wall clock: on a loaded machine the wall clock is mostly waiting.
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var rows = await bench.Annexes();
                var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"{provider} {scope} annexes ({rows} rows): {clock.ElapsedMilliseconds} ms, {used.TotalMilliseconds:0} ms CPU in the client");
            }

            bench.Cleanup();
        }
    }

    return;
}

if (args is ["consolidate-once", .. var consolidateProviders])
{
    // A quick look: a province consolidating 3,321 commune and 30 department reports, three runs per provider.
    foreach (var provider in consolidateProviders.Length > 0 ? consolidateProviders : ["Sqlite", "Postgres"])
    {
        var bench = new SuNghiep.Bench.ReportConsolidationBenchmarks { Provider = provider };
        bench.Setup();
        Console.WriteLine($"{provider}: {SuNghiep.Bench.ReportConsolidationBenchmarks.Communes + SuNghiep.Bench.ReportConsolidationBenchmarks.Departments} reports, "
            + $"frozen tables of {bench.FrozenLengths.Commune:N0} (commune) and {bench.FrozenLengths.Department:N0} (department) characters of JSON");
        for (var run = 0; run < 3; run++)
        {
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var direct = await bench.BuildAsync();
            var built = clock.ElapsedMilliseconds;
            var reports = bench.Read();
            var read = clock.ElapsedMilliseconds - built;
            var summed = SuNghiep.Bench.ReportConsolidationBenchmarks.Sum(reports, direct);
            var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"{provider} consolidate ({summed.Count} annexes): {clock.ElapsedMilliseconds} ms: the register's annexes {built} ms, "
                + $"the frozen tables read {read} ms, summed {clock.ElapsedMilliseconds - built - read} ms; {used.TotalMilliseconds:0} ms CPU in the client");
        }

        bench.Cleanup();
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SuNghiep.Bench.RegisterBenchmarks).Assembly).Run(args);

namespace SuNghiep.Bench
{

    /// <summary>
    /// The register's reads on the demo province (SQLite, a fresh file seeded once): a filtered, sorted page of the list,
    /// the count of the whole province as of a date with its breakdowns, and the province's staffing table for the year.
    /// </summary>
    [MemoryDiagnoser]
    public class RegisterBenchmarks
    {
        private ServiceProvider _services = null!;
        private string _folder = "";

        [GlobalSetup]
        public void Setup()
        {
            _folder = Directory.CreateTempSubdirectory("sunghiep-bench").FullName;
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDbContext<SuNghiepDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_folder, "bench.db")}", s => s.MigrationsAssembly("SuNghiep.Migrations.Sqlite")));
            services.AddIdentityCore<SuNghiep.Core.Entities.AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>().AddEntityFrameworkStores<SuNghiepDbContext>();
            _services = services.BuildServiceProvider();
            DatabaseSetup.MigrateAsync(_services).GetAwaiter().GetResult();
            DatabaseSetup.SeedReferenceAsync(_services).GetAwaiter().GetResult();
            DatabaseSetup.SeedDemoAsync(_services, onlyIfEmpty: true).GetAwaiter().GetResult();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _services.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        private SuNghiepDbContext Context()
        {
            var db = _services.CreateScope().ServiceProvider.GetRequiredService<SuNghiepDbContext>();
            db.UseScope(CallerScope.Everything);
            return db;
        }

        [Params("2015-12-31", "2026-11-24")]
        public string AsOf { get; set; } = "";

        [Benchmark]
        public async Task<int> RegisterPage()
        {
            await using var db = Context();
            var page = await UnitQueries.ListAsync(db, new UnitQuery { Search = "truong", Sector = "education", Sort = "name", Page = 2, PageSize = 20, AsOf = DateOnly.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture) }, SuNghiep.Core.VietnamTime.Today(TimeProvider.System));
            return page.Total;
        }

        [Benchmark]
        public async Task<long> ProvinceStaffingTable()
        {
            await using var db = Context();
            var services = new SuNghiep.Core.Resources.ResourceService(db, TimeProvider.System, new SuNghiep.Core.Indicators.IndicatorEngine(db, TimeProvider.System));
            var table = await services.StaffingTableAsync(DateOnly.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture).Year, new CountScope("92", null));
            return table.BudgetPositions;
        }

        [Benchmark]
        public async Task<int> ProvinceCount()
        {
            await using var db = Context();
            var count = await HistoryQueries.CountAsync(db, new SuNghiep.Core.Indicators.IndicatorEngine(db, TimeProvider.System), DateOnly.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture), new CountScope("92", null));
            return count.Total;
        }
    }
}
