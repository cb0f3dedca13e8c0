using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Bench;
using SuNghiep.Core.Data;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Seeding;

namespace SuNghiep.Web.Tests.Indicators;

/// <summary>
/// The engine against the hand-written SQL of the benchmark (bench/SuNghiep.Bench/HandDashboard.cs) on the generated
/// national register at a small scale: every indicator, its baseline and every province of the breakdown, on dates before,
/// across and after the 2025 merger.
/// </summary>
public sealed class HandSqlTests
{
    [Theory, DatabaseData]
    public async Task Dashboard_NationalRegisterAtSmallScale_EqualsTheHandWrittenSql(DatabaseProvider provider)
    {
        await using var app = await AppHosts.StartOwnAsync(provider, b => b.UseSetting("Seed:Demo", "false"));
        var loaded = await DatabaseSetup.SeedNationalAsync(app.Services, new NationalOptions(0.02, 5), "test", null);
        Assert.NotNull(loaded);
        Assert.True(loaded.Units > 1000 && loaded.Events > 100, $"{loaded.Units} units, {loaded.Events} events");

        var compared = 0;
        foreach (var asOf in new[] { new DateOnly(2019, 12, 31), new DateOnly(2023, 6, 30), new DateOnly(2025, 12, 31) })
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
            db.UseScope(CallerScope.Everything);
            var engine = scope.ServiceProvider.GetRequiredService<IndicatorEngine>();

            // The hand-written SQL covers the register's eight; quality and oversight have their own tests.
            var results = (await engine.ComputeAllAsync(asOf, IndicatorScope.Visible, Breakdowns.Province))
                .Where(r => !IndicatorCatalog.OversightCodes.Contains(r.Code)).ToList();
            await db.Database.OpenConnectionAsync();
            var hand = await HandDashboard.ComputeAsync(db.Database.GetDbConnection(), provider == DatabaseProvider.Postgres, asOf);

            Assert.Equal(hand.Keys.Order(), results.Select(r => r.Code).Order());
            foreach (var result in results)
            {
                var expected = hand[result.Code];
                var where = $"{result.Code} on {asOf}";
                Assert.True(Same(expected.Value, result.Value), $"{where}: engine {result.Value}, SQL {expected.Value}");
                Assert.True(Same(expected.BaselineValue, result.BaselineValue), $"{where} baseline: engine {result.BaselineValue}, SQL {expected.BaselineValue}");
                Assert.Equal(expected.ByProvince.Keys.Order(), result.Breakdown.Select(r => r.Key).Order());
                foreach (var row in result.Breakdown)
                {
                    var (value, baseline) = expected.ByProvince[row.Key];
                    Assert.True(Same(value, row.Value) && Same(baseline, row.BaselineValue),
                        $"{where}, province {row.Key}: engine {row.Value}/{row.BaselineValue}, SQL {value}/{baseline}");
                    compared++;
                }
            }

            // A control that an empty register could not pass: units in most provinces, and figures to compare.
            Assert.True(results.Single(r => r.Code == "units.count").Breakdown.Count >= 30);
            Assert.NotNull(results.Single(r => r.Code == "staff.budget").Value);
        }

        Assert.True(compared > 500, $"only {compared} rows compared");
    }

    // Exact decimals on both sides; a division may differ in its last of 28 digits.
    private static bool Same(decimal? a, decimal? b) =>
        a is null || b is null ? a is null && b is null : Math.Abs(a.Value - b.Value) <= 0.000001m * Math.Max(1m, Math.Abs(b.Value));
}
