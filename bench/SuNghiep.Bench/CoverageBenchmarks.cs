using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Services;

namespace SuNghiep.Bench;

/// <summary>
/// The network's coverage of every commune of the country for one sector (health, against the beds norm) on the national
/// data set of <see cref="IndicatorBenchmarks"/>, as of 31/12/2025. The set has no populations, capacities or non-public
/// providers of its own: the setup adds, once, a population for each of the 3,321 communes, 60 beds to every health unit
/// whose area is a commune, and one private clinic in every third commune.
/// </summary>
[MemoryDiagnoser]
public class CoverageBenchmarks
{
    private static readonly DateOnly AsOf = new(2025, 12, 31);

    private IndicatorBenchmarks _national = null!;

    [Params("Sqlite", "Postgres")]
    public string Provider { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _national = new IndicatorBenchmarks { Provider = Provider, AsOf = "2025-12-31" };
        _national.Setup();
        FillAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _national.Cleanup();

    [Benchmark]
    public async Task<int> Country()
    {
        using var scope = _national.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var result = await new NetworkCoverage(db).ComputeAsync("health", null, null, AsOf);
        return result.Items.Count;
    }

    private async Task FillAsync()
    {
        using var scope = _national.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "bench", null);
        if (await db.AreaPopulations.AnyAsync())
        {
            return;
        }

        var now = DateTime.UtcNow;
        var communes = await db.Areas.Where(a => a.Level == AreaLevel.Commune && a.ValidTo == null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        db.AreaPopulations.AddRange(communes.Select((id, i) => new AreaPopulation
        {
            AreaId = id, Year = 2025, Population = 8_000 + (i * 7919 % 40_000), Source = "Số liệu giả lập cho đo hiệu năng", UpdatedAt = now,
        }));
        var units = await db.UnitVersions.Where(v => v.SectorCode == "health" && v.ValidTo == null && v.Area!.Level == AreaLevel.Commune)
            .Select(v => new { v.UnitId, v.Unit!.EstablishedOn }).ToListAsync();
        db.UnitCapacities.AddRange(units.Select(u => new UnitCapacity
        {
            UnitId = u.UnitId, CapacityUnit = CapacityUnit.Beds, Capacity = 60, ValidFrom = u.EstablishedOn, Source = "bench", UpdatedAt = now,
        }));
        await db.SaveChangesAsync();
        var clinics = communes.Where((_, i) => i % 3 == 0).Select((id, i) => new Provider
        {
            Code = $"BENCH-{i:00000}", Name = $"Phòng khám tư nhân {i}", SearchText = $"bench-{i} phong kham tu nhan {i}", SortKey = $"{i:00000}",
            LegalForm = "Công ty TNHH", Ownership = "Tư nhân", SectorCode = "health", ProviderType = "Phòng khám", AreaId = id, Capacity = 20,
            CapacityUnit = CapacityUnit.Beds, StartedOn = new DateOnly(2025, 7, 1), CreatedAt = now, UpdatedAt = now, Revision = 1,
            Versions =
            [
                new ProviderVersion
                {
                    ValidFrom = new DateOnly(2025, 7, 1), Name = $"Phòng khám tư nhân {i}", LegalForm = "Công ty TNHH", Ownership = "Tư nhân",
                    SectorCode = "health", ProviderType = "Phòng khám", AreaId = id, Capacity = 20, CapacityUnit = CapacityUnit.Beds,
                },
            ],
        }).ToList();
        db.Providers.AddRange(clinics);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"// filled: {communes.Count} populations, {units.Count} unit capacities, {clinics.Count} clinics");
    }
}
