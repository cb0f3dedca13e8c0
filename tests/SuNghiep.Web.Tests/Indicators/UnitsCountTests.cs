using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Indicators.IndicatorsClient;

namespace SuNghiep.Web.Tests.Indicators;

public sealed class UnitsCountTests(AppHosts hosts)
{
    /// <summary>
    /// The test's agency has, all established on 1/1/2010:
    ///   A in thành phố Bắc Giang (district 213 of the old province 24, Bắc Giang),
    ///   B in huyện Yên Thế (215, old Bắc Giang), dissolved on 1/5/2024,
    ///   C in thành phố Bắc Ninh (256, of the old province 27, Bắc Ninh),
    /// and D in phường Bắc Giang (07210, a commune of today's province 24, the new Bắc Ninh), established on 1/8/2025.
    /// </summary>
    private static async Task<(HttpClient Admin, int Agency, UnitResponse[] Units)> MergerRegisterAsync(SuNghiepApp app)
    {
        var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var start = new DateOnly(2010, 1, 1);
        var a = await admin.UnitAsync(token, "A", agency, "213", start);
        var b = await admin.UnitAsync(token, "B", agency, "215", start);
        var c = await admin.UnitAsync(token, "C", agency, "256", start);
        var d = await admin.UnitAsync(token, "D", agency, "07210", new DateOnly(2025, 8, 1));
        await admin.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2024, 5, 1)).With("sourceUnitIds", HistoryClient.Ids(b)));
        return (admin, agency, [a, b, c, d]);
    }

    [Theory, DatabaseData]
    public async Task UnitsCount_AreaCode24ReadBeforeTheMerger_IsBacGiangAlone(DatabaseProvider provider)
    {
        var (admin, agency, _) = await MergerRegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // Code 24 on 31/12/2023 is Bắc Giang: A and B on the baseline date, A alone after B's dissolution.
        // value 1, baseline 2, change -1, -50%. C (old Bắc Ninh) is not counted.
        var result = await admin.IndicatorAsync("units.count", $"asOf=2024-12-31&baseline=2023-12-31&areaCode=24&areaOn=2023-12-31&agencyId={agency}");

        Assert.Equal("units.count", result.Code);
        Assert.Equal(1m, result.Value);
        Assert.Equal(2m, result.BaselineValue);
        Assert.Equal(-1m, result.Change);
        Assert.Equal(-50m, result.ChangePercent);
        Assert.Equal("đơn vị", result.Unit);
    }

    [Theory, DatabaseData]
    public async Task UnitsCount_AreaCode24Today_IsTheNewBacNinhWithBothOldProvinces(DatabaseProvider provider)
    {
        var (admin, agency, _) = await MergerRegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // Today's 24 is the new Bắc Ninh, with the old Bắc Giang and Bắc Ninh in its lineage:
        // on 31/12/2023 A, B, C = 3; on 31/12/2025 A, C, D = 3: change 0.
        var today = await admin.IndicatorAsync("units.count", $"asOf=2025-12-31&baseline=2023-12-31&areaCode=24&agencyId={agency}");
        // The old code 27 read in 2020 is the old Bắc Ninh: C alone, then and at the end of 2024.
        var oldBacNinh = await admin.IndicatorAsync("units.count", $"asOf=2024-12-31&baseline=2020-12-31&areaCode=27&areaOn=2020-01-01&agencyId={agency}");

        Assert.Equal(3m, today.Value);
        Assert.Equal(3m, today.BaselineValue);
        Assert.Equal(0m, today.ChangePercent);
        Assert.Empty(today.Notes);
        Assert.Equal(1m, oldBacNinh.Value);
        Assert.Equal(1m, oldBacNinh.BaselineValue);
    }

    [Theory, DatabaseData]
    public async Task UnitsCount_BacGiangReadAfterItEnded_FollowsItsSuccessorForBothDatesWithANote(DatabaseProvider provider)
    {
        var (admin, agency, _) = await MergerRegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // Bắc Giang (24 on 31/12/2023) ended on 30/6/2025, before the as-of date: like for like, both values are the new
        // Bắc Ninh's: 3 (A, B, C) on the baseline date and 3 (A, C, D) on the as-of date.
        var result = await admin.IndicatorAsync("units.count", $"asOf=2025-12-31&baseline=2023-12-31&areaCode=24&areaOn=2023-12-31&agencyId={agency}");

        Assert.Equal(3m, result.Value);
        Assert.Equal(3m, result.BaselineValue);
        var note = Assert.Single(result.Notes);
        Assert.Contains("Bắc Giang", note);
        Assert.Contains("Bắc Ninh", note);
    }

    [Theory, DatabaseData]
    public async Task UnitsCount_PeriodBaseline_IsTheAverageOfTheYearEnds(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        // A from 2010; B from 1/6/2017; C from 2010, dissolved on 1/3/2019.
        // Year ends 2016..2020: 2016 A,C = 2; 2017 A,B,C = 3; 2018 = 3; 2019 A,B = 2; 2020 = 2: average 12/5 = 2.4.
        await admin.UnitAsync(token, "A", agency, "03646", new DateOnly(2010, 1, 1));
        await admin.UnitAsync(token, "B", agency, "03646", new DateOnly(2017, 6, 1));
        var c = await admin.UnitAsync(token, "C", agency, "03646", new DateOnly(2010, 1, 1));
        await admin.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2019, 3, 1)).With("sourceUnitIds", HistoryClient.Ids(c)));

        var result = await admin.IndicatorAsync("units.count", $"asOf=2021-12-31&baseline=2016-2020&agencyId={agency}");

        // On 31/12/2021: A, B = 2; change 2 - 2.4 = -0.4, -16.67%.
        Assert.Equal(2m, result.Value);
        Assert.Equal(2.4m, result.BaselineValue);
        Assert.Equal(-0.4m, result.Change);
        Assert.Equal(-16.6667m, Round(result.ChangePercent));
    }

    [Theory, DatabaseData]
    public async Task UnitsCount_DefaultBaseline_Is31December2015(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        // A from 2010, B from 2016: 1 unit on 31/12/2015, 2 on 31/12/2020 (+100%).
        await admin.UnitAsync(token, "A", agency, "03646", new DateOnly(2010, 1, 1));
        await admin.UnitAsync(token, "B", agency, "03646", new DateOnly(2016, 1, 1));

        var result = await admin.IndicatorAsync("units.count", $"asOf=2020-12-31&agencyId={agency}");

        Assert.Equal(2m, result.Value);
        Assert.Equal(1m, result.BaselineValue);
        Assert.Equal(100m, result.ChangePercent);
    }

    [Theory, DatabaseData]
    public async Task Series_CountsAtEachYearEnd(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        // A from 2010, B from 1/3/2016, A dissolved on 1/1/2017: 1 at the end of 2015, 2 of 2016, 1 of 2017.
        var a = await admin.UnitAsync(token, "A", agency, "03646", new DateOnly(2010, 1, 1));
        await admin.UnitAsync(token, "B", agency, "03646", new DateOnly(2016, 3, 1));
        await admin.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2017, 1, 1)).With("sourceUnitIds", HistoryClient.Ids(a)));

        var series = await app.WithDbAsync((_, services) =>
            services.GetRequiredService<SuNghiep.Core.Indicators.IndicatorEngine>().SeriesAsync("units.count", 2015, 2017, new(AgencyId: agency)));

        Assert.Equal([(2015, 1m), (2016, 2m), (2017, 1m)], series.Select(p => (p.Year, p.Value ?? -1)).ToList());
    }
}
