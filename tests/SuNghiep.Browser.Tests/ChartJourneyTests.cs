using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SuNghiep.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>Charts that read (their year axis, no empty series, bars that lead to what they sum) and the keyboard's way in.</summary>
public sealed partial class ChartJourneyTests(HostFixture host)
{
    private async Task<IPage> SignedInAsync()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        return page;
    }

    /// <summary>Whether a chart's x axis lies inside the box that holds it, rather than hidden under what follows.</summary>
    private static Task<bool> AxisInsideAsync(IPage page, string canvasId) => page.EvaluateAsync<bool>(
        """
        id => {
            const chart = Chart.getChart(id);
            const box = chart.canvas.closest('figure, .chart-box').getBoundingClientRect();
            return chart.canvas.getBoundingClientRect().top + chart.scales.x.bottom <= box.bottom + 1;
        }
        """, canvasId);

    /// <summary>The datasets a chart's source holds that have at least one figure, and the labels of those drawn.</summary>
    private static async Task<(int WithFigures, string[] Drawn)> SeriesAsync(IPage page, string canvasId, string sourceId)
    {
        var source = JsonDocument.Parse(await page.Locator($"#{sourceId}").TextContentAsync() ?? "{}").RootElement;
        var withFigures = source.EnumerateObject()
            .Count(p => p.Name is not ("labels" or "links") && p.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Null));
        var drawn = await page.EvaluateAsync<string[]>("id => Chart.getChart(id).data.datasets.map(d => d.label)", canvasId);
        return (withFigures, drawn);
    }

    [Fact]
    public async Task UnitCharts_KeepTheirYearAxisAndDrawOnlySeriesWithFigures()
    {
        int unit;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
            db.UseScope(CallerScope.Everything);
            unit = await db.FinanceYears.GroupBy(f => f.UnitId).OrderByDescending(g => g.Count()).Select(g => g.Key)
                .FirstAsync(TestContext.Current.CancellationToken);
        }

        var page = await SignedInAsync();
        await page.GotoAsync($"/units/{unit}/resources#staffing");
        var staffing = await page.ChartDataAsync("staffing-chart");
        var years = (await page.Locator("[data-testid=staffing-table] tbody tr[data-year]").EvaluateAllAsync<int[]>(
            "rows => rows.map(r => Number(r.dataset.year))")).Order().ToArray();
        Assert.True(years.Length > 1);
        // The axis names every year, in order, and is drawn inside the chart's box.
        Assert.Equal(years, staffing.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32()));
        var ticks = await page.EvaluateAsync<string[]>("() => Chart.getChart('staffing-chart').scales.x.ticks.map(t => t.label)");
        Assert.Equal(years.Select(y => y.ToString(CultureInfo.InvariantCulture)), ticks);
        Assert.True(await AxisInsideAsync(page, "staffing-chart"), "The staffing chart's year axis is cut off.");
        var (withFigures, drawn) = await SeriesAsync(page, "staffing-chart", "staffing-chart-data");
        Assert.Equal(withFigures, drawn.Length);

        await page.OpenResourceTabAsync("Tài chính");
        await page.ChartDataAsync("finance-chart");
        Assert.True(await AxisInsideAsync(page, "finance-chart"), "The finance chart's year axis is cut off.");
        (withFigures, drawn) = await SeriesAsync(page, "finance-chart", "finance-chart-data");
        Assert.Equal(withFigures, drawn.Length);
        await page.ScreenshotAsync("resources-finance-chart");
    }

    [Fact]
    public async Task StaffingPage_AgencyRowsAndYearBarsLeadToWhatTheySum()
    {
        var page = await SignedInAsync();
        await page.GotoAsync("/staffing");
        await page.ChartDataAsync("province-chart");
        // The allocation line is drawn only when some year has one.
        var (withFigures, drawn) = await SeriesAsync(page, "province-chart", "province-chart-data");
        Assert.Equal(withFigures, drawn.Length);
        Assert.Contains("Hưởng lương từ NSNN", drawn);

        // The first year's bar opens that year's figures.
        var point = await page.EvaluateAsync<JsonElement>(
            "() => { const b = Chart.getChart('province-chart').getDatasetMeta(0).data[0]; return { x: b.x, y: b.y + 5 }; }");
        await page.Locator("#province-chart").ClickAsync(new() { Position = new Position { X = point.GetProperty("x").GetSingle(), Y = point.GetProperty("y").GetSingle() } });
        await page.WaitForURLAsync(url => url.Contains("year=2015", StringComparison.Ordinal));
        await Expect(page.Locator("#year")).ToHaveValueAsync("2015");

        // A year's row leads there too; an agency's row leads to the units it manages.
        await Expect(page.Locator("tr[data-year='2016'] [data-testid=year-link]")).ToHaveAttributeAsync("href", new Regex(@"year=2016"));
        var row = page.Locator("[data-testid=staffing-by-agency] tbody tr[data-agency]").First;
        var agency = await row.GetAttributeAsync("data-agency");
        var name = (await row.GetByTestId("agency-units").InnerTextAsync()).Trim();
        await row.GetByTestId("agency-units").ClickAsync();
        await page.WaitForURLAsync($"**/units?managingAgencyId={agency}");
        await Expect(page.Locator("#results [data-testid=total]")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task IndicatorPages_ADecreaseIsNotPaintedAsAFailureAndBarsLeadToTheirUnits()
    {
        var page = await SignedInAsync();
        // Since 2015 the demo province has lost units to mergers: the change is negative, in the body's colour.
        await page.GotoAsync("/indicators/units.count?baseline=2015-12-31");
        var change = page.GetByTestId("change");
        await Expect(change).ToContainTextAsync("\u2212");
        await Expect(change).Not.ToHaveClassAsync(new Regex("text-danger|text-success"));
        await Expect(page.Locator("[data-testid=breakdown] td.text-danger, [data-testid=breakdown] td.text-success")).ToHaveCountAsync(0);
        // The dashboard's card says the same, in the same colour.
        await page.GotoAsync("/dashboard");
        var card = page.Locator(".indicator-card[data-indicator='units.count'] [data-testid=change]");
        await Expect(card).ToContainTextAsync("\u2212");
        await Expect(card).Not.ToHaveClassAsync(new Regex("text-danger|text-success"));
        await page.GotoAsync("/indicators/units.count?baseline=2015-12-31");

        // A breakdown bar leads to the drill-down of its row, as its figure in the table does.
        await page.ChartDataAsync("breakdown-chart");
        var href = await page.Locator("[data-testid=breakdown] tbody tr").First.Locator("td a").First.GetAttributeAsync("href");
        var point = await page.EvaluateAsync<JsonElement>(
            "() => { const b = Chart.getChart('breakdown-chart').getDatasetMeta(0).data[0]; return { x: b.base + 4, y: b.y }; }");
        await page.Locator("#breakdown-chart").ClickAsync(new() { Position = new Position { X = point.GetProperty("x").GetSingle(), Y = point.GetProperty("y").GetSingle() } });
        await page.WaitForURLAsync("**/drilldown?**");
        Assert.Equal(href, new Uri(page.Url).PathAndQuery);
    }

    [Fact]
    public async Task Layout_FirstTabIsTheSkipLinkAndFocusIsPlainToSee()
    {
        var page = await SignedInAsync();
        await page.GotoAsync("/units");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(":focus");
        await Expect(skip).ToHaveTextAsync("Bỏ qua đến nội dung chính");
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The menu's links: a white ring on the blue bar, and white text at 4.5:1 or more (axe checks the ratio).
        await page.GotoAsync("/units");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Expect(focused).ToHaveClassAsync(new Regex("nav-link"));
        var outline = await focused.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }");
        Assert.Equal(["solid", "3px", "rgb(255, 255, 255)"], outline);

        // A form control outside the menu gets a dark ring.
        await page.Locator("#search").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        var field = await page.Locator("#search").EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }");
        Assert.Equal(["solid", "3px"], field);
    }
}
