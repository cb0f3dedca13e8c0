using Microsoft.EntityFrameworkCore;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Indicators.IndicatorsClient;

namespace SuNghiep.Web.Tests.Indicators;

public sealed class ConversionIndicatorTests(AppHosts hosts)
{
    /// <summary>
    /// Units of the test's agency from 2010: E1, E2, E3 listed as eligible for conversion on 1/6/2021; E4 listed and
    /// converted on 1/6/2015; N never listed. E1 is converted into a joint-stock company on 1/7/2022.
    /// </summary>
    private static async Task<(HttpClient Admin, int Agency, Dictionary<string, UnitResponse> Units, int Conversion)> RegisterAsync(SuNghiepApp app)
    {
        var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var units = new Dictionary<string, UnitResponse>();
        foreach (var name in new[] { "E1", "E2", "E3", "E4", "N" })
        {
            units[name] = await admin.UnitAsync(token, name, agency, "31120", new DateOnly(2010, 1, 1), sector: "economic", roleClass: "other");
        }

        var listed = new[] { units["E1"].Id, units["E2"].Id, units["E3"].Id, units["E4"].Id };
        await app.WithDbAsync(async (db, _) =>
        {
            foreach (var unit in await db.Units.Where(u => listed.Contains(u.Id)).ToListAsync())
            {
                unit.ConversionListedBy = "Quyết định 123/QĐ-UBND";
                unit.ConversionListedOn = new DateOnly(2021, 6, 1);
            }

            await db.SaveChangesAsync();
        });
        await admin.RecordAsync(HistoryClient.Event("conversion", new DateOnly(2015, 6, 1)).With("sourceUnitIds", HistoryClient.Ids(units["E4"])));
        var conversion = await admin.RecordAsync(HistoryClient.Event("conversion", new DateOnly(2022, 7, 1), "77/QĐ-UBND").With("sourceUnitIds", HistoryClient.Ids(units["E1"])));
        return (admin, agency, units, conversion.Id);
    }

    [Theory, DatabaseData]
    public async Task ConversionShare_ConvertedSinceTheBaselineOverConvertedAndEligibleStillPublic(DatabaseProvider provider)
    {
        var (admin, agency, _, _) = await RegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // Since 31/12/2015 (default): E1 converted; E2, E3 eligible and public; E4 converted before the baseline and N
        // not listed do not count: 1 / (1 + 2) = 33.33%. Nobody was listed yet on 31/12/2015: no baseline value.
        var byDefault = await admin.IndicatorAsync("conversion.share", $"asOf=2023-12-31&agencyId={agency}");
        // Since 31/12/2021: the same 1 / 3; on the baseline date E1, E2, E3 were listed and none converted yet: 0%.
        var since2021 = await admin.IndicatorAsync("conversion.share", $"asOf=2023-12-31&baseline=2021-12-31&agencyId={agency}");
        // Before the conversion: 0 / (0 + 3) = 0%.
        var before = await admin.IndicatorAsync("conversion.share", $"asOf=2022-06-30&agencyId={agency}");

        Assert.Equal(33.3333m, Round(byDefault.Value));
        Assert.Null(byDefault.BaselineValue);
        Assert.Equal(33.3333m, Round(since2021.Value));
        Assert.Equal(0m, since2021.BaselineValue);
        Assert.Equal(33.3333m, Round(since2021.Change));
        Assert.Equal(0m, before.Value);
    }

    [Theory, DatabaseData]
    public async Task ConversionDrilldown_ListsConvertedAndEligibleUnitsAndTheConversionWithItsDecision(DatabaseProvider provider)
    {
        var (admin, agency, units, conversion) = await RegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        var (list, events) = await admin.DrilldownAsync("conversion.share", $"asOf=2023-12-31&agencyId={agency}");

        Assert.Equal(3, list.Total);
        Assert.Equal(
            [(units["E1"].Id, 1m), (units["E2"].Id, 0m), (units["E3"].Id, 0m)],
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
        var (admin, agency, _, conversion) = await RegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // On 31/12/2015: E1, E2, E3, N (E4 converted in 2015) = 4; on 31/12/2023: E2, E3, N = 3.
        var count = await admin.IndicatorAsync("units.count", $"asOf=2023-12-31&agencyId={agency}");
        var (_, events) = await admin.DrilldownAsync("units.count", $"asOf=2023-12-31&agencyId={agency}");

        Assert.Equal(3m, count.Value);
        Assert.Equal(4m, count.BaselineValue);
        Assert.Equal(-25m, count.ChangePercent);
        Assert.Equal(conversion, Assert.Single(events.Items).ReorganizationId);
    }
}
