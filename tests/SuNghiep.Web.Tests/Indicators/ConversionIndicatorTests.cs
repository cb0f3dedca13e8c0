using Microsoft.EntityFrameworkCore;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Indicators.IndicatorsClient;

namespace SuNghiep.Web.Tests.Indicators;

public sealed class ConversionIndicatorTests(AppHosts hosts)
{
    /// <summary>
    /// Units of the test's agency from 2010: E1, E2, E3 listed as eligible for conversion on 1/6/2021; E4 listed on
    /// 1/1/2015 and converted on 1/6/2015; X never listed, converted on 1/3/2019; N never listed. E1 is converted into a
    /// joint-stock company on 1/7/2022.
    /// </summary>
    private static async Task<(HttpClient Admin, int Agency, Dictionary<string, UnitResponse> Units, int Conversion, int Unlisted)> RegisterAsync(SuNghiepApp app)
    {
        var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var units = new Dictionary<string, UnitResponse>();
        foreach (var name in new[] { "E1", "E2", "E3", "E4", "X", "N" })
        {
            units[name] = await admin.UnitAsync(token, name, agency, "31120", new DateOnly(2010, 1, 1), sector: "economic", roleClass: "other");
        }

        var listed = new[] { units["E1"].Id, units["E2"].Id, units["E3"].Id };
        await app.WithDbAsync(async (db, _) =>
        {
            foreach (var unit in await db.Units.Where(u => listed.Contains(u.Id)).ToListAsync())
            {
                unit.ConversionListedBy = "Quyết định 123/QĐ-UBND";
                unit.ConversionListedOn = new DateOnly(2021, 6, 1);
            }

            var early = await db.Units.SingleAsync(u => u.Id == units["E4"].Id);
            early.ConversionListedBy = "Quyết định 1/QĐ-UBND";
            early.ConversionListedOn = new DateOnly(2015, 1, 1);
            await db.SaveChangesAsync();
        });
        await admin.RecordAsync(HistoryClient.Event("conversion", new DateOnly(2015, 6, 1)).With("sourceUnitIds", HistoryClient.Ids(units["E4"])));
        var unlisted = await admin.RecordAsync(HistoryClient.Event("conversion", new DateOnly(2019, 3, 1)).With("sourceUnitIds", HistoryClient.Ids(units["X"])));
        var conversion = await admin.RecordAsync(HistoryClient.Event("conversion", new DateOnly(2022, 7, 1), "77/QĐ-UBND").With("sourceUnitIds", HistoryClient.Ids(units["E1"])));
        return (admin, agency, units, conversion.Id, unlisted.Id);
    }

    [Theory, DatabaseData]
    public async Task ConversionShare_ConvertedSinceListedOverConvertedAndListedStillPublic_OnEveryDate(DatabaseProvider provider)
    {
        var (admin, agency, _, _, _) = await RegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // On 31/12/2023: E4 and E1 converted after their listing; E2, E3 listed and public; X converted without a listing
        // and N never listed do not count: 2 / (2 + 2) = 50%. The default baseline 31/12/2015 is computed the same way:
        // E4 converted, nobody else listed yet: 1 / 1 = 100%; the change is -50 points.
        var byDefault = await admin.IndicatorAsync("conversion.share", $"asOf=2023-12-31&agencyId={agency}");
        // Against 31/12/2021: E4 converted; E1, E2, E3 listed and public: 1 / (1 + 3) = 25%; the change is +25 points.
        var since2021 = await admin.IndicatorAsync("conversion.share", $"asOf=2023-12-31&baseline=2021-12-31&agencyId={agency}");
        // Before E1's conversion: the same 1 / 4 = 25% as on 31/12/2021, whatever the baseline.
        var before = await admin.IndicatorAsync("conversion.share", $"asOf=2022-06-30&agencyId={agency}");
        // As of 31/12/2021 with 31/12/2023 as its baseline: a baseline is just another date, read the same way.
        var reversed = await admin.IndicatorAsync("conversion.share", $"asOf=2021-12-31&baseline=2023-12-31&agencyId={agency}");
        // Year baseline 2021 reads 31/12/2021 (25%); period 2015-2016 averages 31/12/2015 (100%) and 31/12/2016 (100%).
        var year = await admin.IndicatorAsync("conversion.share", $"asOf=2023-12-31&baseline=2021&agencyId={agency}");
        var period = await admin.IndicatorAsync("conversion.share", $"asOf=2023-12-31&baseline=2015-2016&agencyId={agency}");

        Assert.Equal((50m, 100m, -50m), (Round(byDefault.Value), Round(byDefault.BaselineValue), Round(byDefault.Change)));
        Assert.Equal((50m, 25m, 25m), (Round(since2021.Value), Round(since2021.BaselineValue), Round(since2021.Change)));
        Assert.Equal(25m, Round(before.Value));
        Assert.Equal((25m, 50m), (Round(reversed.Value), Round(reversed.BaselineValue)));
        Assert.Equal(25m, Round(year.BaselineValue));
        Assert.Equal(100m, Round(period.BaselineValue));
    }

    [Theory, DatabaseData]
    public async Task ConversionShare_NoUnitListed_IsNullWithANote(DatabaseProvider provider)
    {
        var (admin, agency, _, _, _) = await RegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // On 31/12/2014 nobody was listed or converted yet (X's conversion of 2019 would not count either).
        var early = await admin.IndicatorAsync("conversion.share", $"asOf=2014-12-31&baseline=2014-06-30&agencyId={agency}");

        Assert.Null(early.Value);
        Assert.Null(early.BaselineValue);
        Assert.Contains(early.Notes, n => n.Contains("danh mục đủ điều kiện chuyển đổi", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task ConversionDrilldown_ListsConvertedAndListedUnitsAndTheConversionsSinceListedWithTheirDecision(DatabaseProvider provider)
    {
        var (admin, agency, units, conversion, _) = await RegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // The units of the value on 31/12/2023: E1 and E4 converted (1), E2 and E3 listed (0); X and N are not listed.
        // The events after the default baseline 31/12/2015: E1's conversion; X's (2019) moved no listed unit.
        var (list, events) = await admin.DrilldownAsync("conversion.share", $"asOf=2023-12-31&agencyId={agency}");

        Assert.Equal(4, list.Total);
        Assert.Equal(
            [(units["E1"].Id, 1m), (units["E2"].Id, 0m), (units["E3"].Id, 0m), (units["E4"].Id, 1m)],
            list.Items.Select(u => (u.UnitId, u.Figure ?? -1)).OrderBy(x => x.UnitId).ToList());
        var e = Assert.Single(events.Items);
        Assert.Equal(1, events.Total);
        Assert.Equal(conversion, e.ReorganizationId);
        Assert.Equal("conversion", e.Type);
        Assert.Equal("77/QĐ-UBND", e.Decision.Number);
        Assert.Equal(-1, e.CountChange);
        Assert.Equal(units["E1"].Id, Assert.Single(e.Units).UnitId);
    }

    [Theory, DatabaseData]
    public async Task UnitsCount_Conversion_EndsTheUnitAndShowsInTheDrilldownEvents(DatabaseProvider provider)
    {
        var (admin, agency, _, conversion, unlisted) = await RegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // On 31/12/2015: E1, E2, E3, X, N (E4 converted in 2015) = 5; on 31/12/2023: E2, E3, N = 3, after X's conversion
        // (2019) and E1's (2022), listed or not.
        var count = await admin.IndicatorAsync("units.count", $"asOf=2023-12-31&agencyId={agency}");
        var (_, events) = await admin.DrilldownAsync("units.count", $"asOf=2023-12-31&agencyId={agency}");

        Assert.Equal(3m, count.Value);
        Assert.Equal(5m, count.BaselineValue);
        Assert.Equal(-40m, count.ChangePercent);
        Assert.Equal([conversion, unlisted], events.Items.Select(e => e.ReorganizationId).ToList());
    }
}
