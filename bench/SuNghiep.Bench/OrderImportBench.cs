using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Seeding;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Bench;

/// <summary>
/// The import of a year's orders: 10,000 rows of the template (Sở Giáo dục và Đào tạo of the demo province ordering an
/// education item from its units), checked row by row and written in one save, into a fresh database per provider.
/// </summary>
public static class OrderImportBench
{
    public const int Rows = 10_000;

    public static async Task RunAsync(string provider, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("sunghiep-bench-orders").FullName;
        string connection;
        var name = $"sunghiep_bench_orders_{Environment.ProcessId}";
        var server = Environment.GetEnvironmentVariable("SUNGHIEP_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("SUNGHIEP_TEST_POSTGRES");
        if (provider == "Postgres")
        {
            if (server is null)
            {
                throw new InvalidOperationException("Set SUNGHIEP_TEST_POSTGRES to a PostgreSQL server where this user may create databases.");
            }

            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", admin);
            await create.ExecuteNonQueryAsync();
            connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        }
        else
        {
            connection = $"Data Source={Path.Combine(folder, "bench.db")}";
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Default"] = connection,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSuNghiepDatabase(config, folder);
        services.AddIdentityCore<AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>().AddEntityFrameworkStores<SuNghiepDbContext>();
        services.AddScoped<OrderService>();
        services.AddScoped<OrderImport>();
        var provided = services.BuildServiceProvider();
        try
        {
            await DatabaseSetup.MigrateAsync(provided);
            await DatabaseSetup.SeedReferenceAsync(provided);
            await DatabaseSetup.SeedDemoAsync(provided, onlyIfEmpty: true);
            for (var run = 0; run < runs; run++)
            {
                var file = await WorkbookAsync(provided, run);
                using var scope = provided.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
                db.UseScope(CallerScope.Everything);
                db.Actor = new Actor(null, "bench", null);
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                using var stream = new MemoryStream(file);
                var result = await scope.ServiceProvider.GetRequiredService<OrderImport>().ImportAsync(stream);
                var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", result.Problems.Take(5).Select(p => $"{p.Row}{p.Column}: {p.Message}")));
                }

                Console.WriteLine($"{provider} import of {result.Applied:N0} orders ({file.Length / 1024:N0} KB): {clock.ElapsedMilliseconds:N0} ms, {used.TotalMilliseconds:N0} ms CPU in the client");
            }
        }
        finally
        {
            await provided.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (provider == "Postgres")
            {
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>An item with its price (a new catalogue per run, so that item codes stay unique) and the workbook ordering it.</summary>
    private static async Task<byte[]> WorkbookAsync(IServiceProvider services, int run)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var code = $"BENCH.{run}";
        var item = new ServiceItem
        {
            Catalogue = new ServiceCatalogue
            {
                Name = $"Danh mục đo hiệu năng {run}", Level = CatalogueLevel.Province, AreaCode = DemoSeeder.ProvinceCode, DecisionNumber = $"{run}/QĐ-BENCH",
                DecisionDate = new DateOnly(2024, 12, 1), DecisionIssuer = "UBND thành phố Cần Thơ", ValidFrom = new DateOnly(2025, 1, 1),
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            },
            Code = code, Name = "Giáo dục phổ thông (đo hiệu năng)", SearchText = "giao duc pho thong", SortKey = code, SectorCode = "education",
            Methods = ServiceMethods.Assignment | ServiceMethods.Ordering, OutputUnit = "học sinh/năm", Ordinal = 1,
        };
        db.ServicePrices.Add(new ServicePrice
        {
            Item = item, AreaCode = DemoSeeder.ProvinceCode, Price = 1_250_000, Unit = "đồng/học sinh/năm", CostBasis = CostBasis.Full,
            DecisionNumber = $"{run}/QĐ-GIA", DecisionDate = new DateOnly(2024, 12, 20), DecisionIssuer = "UBND thành phố Cần Thơ",
            ValidFrom = new DateOnly(2025, 1, 1), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        var start = new DateOnly(2025, 2, 1);
        var units = await db.UnitVersions.Where(v => v.ValidFrom <= start && (v.ValidTo == null || v.ValidTo > start) && !v.Unit!.Voided)
            .OrderBy(v => v.UnitId).Select(v => v.Unit!.Code).Take(500).ToListAsync();
        var rows = Enumerable.Range(0, Rows).Select(i => OrderImport.Headers.Zip(new object?[]
        {
            2025, "Đặt hàng", $"{DemoSeeder.ProvinceCode}.SGDDT", units[i % units.Count], null, code, 100 + i % 400, null,
            "01/02/2025", "30/11/2025", $"{run}-{i}/QĐ-SGDĐT", "20/01/2025", "Sở Giáo dục và Đào tạo", "Dự toán năm 2025", null,
        }).ToDictionary(x => x.First, x => x.Second)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }
}
