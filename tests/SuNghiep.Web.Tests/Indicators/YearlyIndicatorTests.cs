using System.Text.Json.Nodes;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Indicators.IndicatorsClient;

namespace SuNghiep.Web.Tests.Indicators;

/// <summary>Staff paid from the state budget (yearly) and direct state budget spending (a yearly average over a period).</summary>
public sealed class YearlyIndicatorTests(AppHosts hosts)
{
    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static Task Staff(HttpClient admin, UnitResponse unit, int year, int budget) =>
        Ok(admin.PutAsync($"/api/v1/units/{unit.Id}/staffing/{year}", UnitsClient.Content(Staffing(budget).With("overAllocation", true).ToJsonString())));

    private static Task Spending(HttpClient admin, UnitResponse unit, int year, decimal direct) =>
        Ok(admin.PutAsync($"/api/v1/units/{unit.Id}/finance/{year}",
            UnitsClient.Content(Finance(6_000_000_000, 12_000_000_000).With("directBudgetSpending", JsonValue.Create(direct)).ToJsonString())));

    /// <summary>
    /// A from 2010; B from 2010, dissolved on 1/3/2023; C from 1/6/2022; D from 2010, never reported.
    /// Budget-paid positions: 2021 A 30 + B 20 = 50; 2022 A 28 + B 18 + C 10 = 56; 2023 A 27 + C 9 = 36.
    /// </summary>
    private static async Task<(HttpClient Admin, int Agency)> StaffRegisterAsync(SuNghiepApp app)
    {
        var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var a = await admin.UnitAsync(token, "A", agency, "03646", new DateOnly(2010, 1, 1));
        var b = await admin.UnitAsync(token, "B", agency, "03646", new DateOnly(2010, 1, 1));
        var c = await admin.UnitAsync(token, "C", agency, "03646", new DateOnly(2022, 6, 1));
        await admin.UnitAsync(token, "D", agency, "03646", new DateOnly(2010, 1, 1));
        await Staff(admin, a, 2021, 30);
        await Staff(admin, b, 2021, 20);
        await Staff(admin, a, 2022, 28);
        await Staff(admin, b, 2022, 18);
        await Staff(admin, c, 2022, 10);
        await Staff(admin, a, 2023, 27);
        await Staff(admin, c, 2023, 9);
        await admin.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2023, 3, 1)).With("sourceUnitIds", HistoryClient.Ids(b)));
        return (admin, agency);
    }

    [Theory, DatabaseData]
    public async Task StaffBudget_AgainstTheDefaultYear2021_SumsTheYearsPositions(DatabaseProvider provider)
    {
        var (admin, agency) = await StaffRegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        var result = await admin.IndicatorAsync("staff.budget", $"asOf=2023-12-31&agencyId={agency}");
        // Mid-2022 reads the year 2022: 56.
        var midYear = await admin.IndicatorAsync("staff.budget", $"asOf=2022-06-30&agencyId={agency}");

        // 36 against 50: -14, -28%. D is active and has no 2023 row: one note.
        Assert.Equal(36m, result.Value);
        Assert.Equal(50m, result.BaselineValue);
        Assert.Equal(-14m, result.Change);
        Assert.Equal(-28m, result.ChangePercent);
        Assert.Equal("người", result.Unit);
        Assert.Contains(result.Notes, n => n.StartsWith("1 đơn vị đang hoạt động ngày 31/12/2023 chưa có số liệu biên chế năm 2023", StringComparison.Ordinal));
        Assert.Equal(56m, midYear.Value);
    }

    [Theory, DatabaseData]
    public async Task StaffBudget_PeriodBaseline_AveragesTheYears(DatabaseProvider provider)
    {
        var (admin, agency) = await StaffRegisterAsync(await hosts.GetAsync(provider));
        using var _admin = admin;

        // 2021-2022: (50 + 56) / 2 = 53; 36 - 53 = -17, -32.0755%.
        var result = await admin.IndicatorAsync("staff.budget", $"asOf=2023-12-31&baseline=2021-2022&agencyId={agency}");
        var (units, _) = await admin.DrilldownAsync("staff.budget", $"asOf=2023-12-31&agencyId={agency}");

        Assert.Equal(53m, result.BaselineValue);
        Assert.Equal(-17m, result.Change);
        Assert.Equal(-32.0755m, Round(result.ChangePercent));
        // The drill-down lists the units with a 2023 row, each with its positions: 27 + 9 = 36.
        Assert.Equal(2, units.Total);
        Assert.Equal(36m, units.Items.Sum(u => u.Figure));
    }

    [Theory, DatabaseData]
    public async Task BudgetDirectAverage_AveragesTheYearsWithFiguresOfEachPeriod(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var a = await admin.UnitAsync(token, "A", agency, "03646", new DateOnly(2010, 1, 1));
        var b = await admin.UnitAsync(token, "B", agency, "03646", new DateOnly(2010, 1, 1));
        // 2016-2020: 2016 A 1.0 + B 0.5 = 1.5 bn; 2017 A 1.0 bn; 2018 none; 2019 A 1.2 + B 0.3 = 1.5 bn; 2020 none.
        // Baseline (default 2016-2020): (1.5 + 1.0 + 1.5) / 3 years with figures = 1.333... bn.
        await Spending(admin, a, 2016, 1_000_000_000);
        await Spending(admin, b, 2016, 500_000_000);
        await Spending(admin, a, 2017, 1_000_000_000);
        await Spending(admin, a, 2019, 1_200_000_000);
        await Spending(admin, b, 2019, 300_000_000);
        // As of 31/12/2023, the period 2021-2023: 2021 A 1.0 + B 0.2 = 1.2 bn; 2022 A 0.9 bn; 2023 none: 2.1 / 2 = 1.05 bn.
        await Spending(admin, a, 2021, 1_000_000_000);
        await Spending(admin, b, 2021, 200_000_000);
        await Spending(admin, a, 2022, 900_000_000);

        var result = await admin.IndicatorAsync("budget.direct.avg", $"asOf=2023-12-31&agencyId={agency}");

        Assert.Equal(1_050_000_000m, result.Value);
        Assert.Equal(1_333_333_333.3333m, Round(result.BaselineValue));
        // 1.05 / 1.3333 = 0.7875: -21.25%.
        Assert.Equal(-21.25m, Round(result.ChangePercent));
        Assert.Equal("đồng", result.Unit);
        Assert.Contains(result.Notes, n => n.Contains("năm 2023;", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("năm 2018, 2020", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("2 đơn vị đang hoạt động ngày 31/12/2023 chưa có số liệu tài chính năm 2023", StringComparison.Ordinal));
    }
}
