using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Data;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reporting;

namespace SuNghiep.Bench;

/// <summary>
/// The annexes I-VI of the annual report (cut-off 14/12/2025, annex VI from 15/12/2024) on the national data set of
/// <see cref="IndicatorBenchmarks"/>: the whole country for an administrator, and Hà Nội (province 01) for an
/// administrator and for the province's own officer, whose caller scope the context applies (the unit facts instead of the
/// year totals).
/// </summary>
[MemoryDiagnoser]
public class ReportAnnexBenchmarks
{
    private static readonly DateOnly CutOff = new(2025, 12, 14);

    private IndicatorBenchmarks _national = null!;

    [Params("Sqlite", "Postgres")]
    public string Provider { get; set; } = "";

    [Params("country", "01", "01-officer")]
    public string Scope { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _national = new IndicatorBenchmarks { Provider = Provider, AsOf = "2025-12-31" };
        _national.Setup();
    }

    [GlobalCleanup]
    public void Cleanup() => _national.Cleanup();

    [Benchmark]
    public async Task<int> Annexes()
    {
        using var scope = _national.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(Scope == "01-officer" ? new CallerScope(false, null, "/p01/", null, "Thành phố Hà Nội") : CallerScope.Everything);
        var annexes = new ReportAnnexes(scope.ServiceProvider.GetRequiredService<IndicatorEngine>());
        var built = await annexes.BuildAsync(Scope == "country" ? IndicatorScope.Visible : new IndicatorScope(AreaCode: "01"), CutOff);
        return built.Sum(a => a.Table.Rows.Count);
    }
}
