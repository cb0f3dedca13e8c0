using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Data;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reporting;

namespace SuNghiep.Bench;

/// <summary>
/// A province's consolidation of 3,321 commune reports and 30 department reports, as <c>ReportService.ConsolidatedAsync</c>
/// does it: each accepted report's frozen tables read from their JSON, the register's own annexes for the province built
/// by the engine, and <see cref="ReportConsolidation.Consolidate"/>. Building 3,351 reports' annexes through the engine
/// would take the setup long, so the frozen tables are two real <c>BuildAsync</c> results (cut-off 14/12/2025) frozen once:
/// a commune's (the first of Hà Nội) repeated for every commune and a department's (Sở Y tế Hà Nội) for every department;
/// the sums cost the same whatever the figures are.
/// </summary>
[MemoryDiagnoser]
public class ReportConsolidationBenchmarks
{
    public const int Communes = 3321;
    public const int Departments = 30;
    private static readonly DateOnly CutOff = new(2025, 12, 14);

    private IndicatorBenchmarks _national = null!;
    private List<(string Reporter, string Json)> _frozen = [];

    /// <summary>The size of a commune's and a department's frozen tables, in characters of JSON.</summary>
    public (int Commune, int Department) FrozenLengths { get; private set; }

    [Params("Sqlite", "Postgres")]
    public string Provider { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _national = new IndicatorBenchmarks { Provider = Provider, AsOf = "2025-12-31" };
        _national.Setup();
        var commune = JsonSerializer.Serialize(BuildAsync(new IndicatorScope(AreaCode: "00004")).GetAwaiter().GetResult(), ReportingCatalog.Json);
        var department = JsonSerializer.Serialize(BuildAsync(new IndicatorScope(AgencyId: AgencyId("01.SYT"))).GetAwaiter().GetResult(), ReportingCatalog.Json);
        FrozenLengths = (commune.Length, department.Length);
        _frozen = Enumerable.Range(1, Communes).Select(i => ($"Ủy ban nhân dân xã {i:0000}", commune))
            .Concat(Enumerable.Range(1, Departments).Select(i => ($"Sở {i:00}", department)))
            .ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => _national.Cleanup();

    /// <summary>The province's own annexes from the register, as the consolidation sets them beside the sums.</summary>
    public Task<IReadOnlyList<SuNghiep.Core.Reporting.Documents.DocumentAnnex>> BuildAsync() => BuildAsync(new IndicatorScope(AreaCode: "01"));

    private int AgencyId(string code)
    {
        using var scope = _national.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>().Agencies.Where(a => a.Code == code).Select(a => a.Id).First();
    }

    private async Task<IReadOnlyList<SuNghiep.Core.Reporting.Documents.DocumentAnnex>> BuildAsync(IndicatorScope reporter)
    {
        using var scope = _national.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var annexes = new ReportAnnexes(scope.ServiceProvider.GetRequiredService<IndicatorEngine>());
        return await annexes.BuildAsync(reporter, CutOff);
    }

    /// <summary>The frozen tables read from their JSON.</summary>
    public List<ReporterTables> Read() => _frozen.Select(f => new ReporterTables(f.Reporter, ReportService.Tables(f.Json))).ToList();

    /// <summary>The reports' tables summed beside the register's.</summary>
    public static IReadOnlyList<ConsolidatedAnnex> Sum(List<ReporterTables> reports, IReadOnlyList<SuNghiep.Core.Reporting.Documents.DocumentAnnex> direct) =>
        ReportConsolidation.Consolidate(reports, direct, 5m);

    [Benchmark]
    public async Task<int> Consolidate()
    {
        var direct = await BuildAsync();
        return Sum(Read(), direct).Sum(a => a.Differences.Count(d => d.OverTolerance));
    }
}
