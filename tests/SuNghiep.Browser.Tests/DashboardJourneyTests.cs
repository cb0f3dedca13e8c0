using System.Globalization;
using MiniExcelLibs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

public sealed class DashboardJourneyTests(HostFixture host)
{
    [Fact]
    public async Task Dashboard_SignInClickAFigureReachItsUnitsExportAndPrint()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);

        // Sign-in lands on the dashboard, with a card and a chart per indicator.
        await page.WaitForURLAsync("**/dashboard");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bảng chỉ số sắp xếp đơn vị sự nghiệp công lập");
        var card = page.Locator(".indicator-card[data-indicator='units.count']");
        await Expect(card).ToBeVisibleAsync();
        await Expect(page.Locator(".indicator-card")).ToHaveCountAsync(SuNghiep.Core.Indicators.IndicatorCatalog.All.Count);
        var series = await page.ChartDataAsync("series-0");
        Assert.Equal("2015", series.GetProperty("labels")[0].GetString());
        var breakdown = await page.ChartDataAsync("breakdown-chart");
        // The bar chart draws the table's first rows, at most forty, in the table's order.
        var rows = await page.Locator("[data-testid=breakdown] tbody tr th").AllInnerTextsAsync();
        var labels = breakdown.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Equal(rows.Take(40).Select(r => r.Trim()), labels);
        await page.ScreenshotAsync("dashboard");

        // The dashboard's whole view downloads as a workbook.
        var dashboardFile = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        using (var stream = File.OpenRead(await dashboardFile.PathAsync()))
        {
            Assert.Equal("Chỉ số", stream.GetSheetNames()[0]);
        }

        // Printed on A4: no navigation, no filters, the cards still there.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("nav.navbar")).ToBeHiddenAsync();
        await Expect(page.Locator("#filters")).ToBeHiddenAsync();
        await Expect(card).ToBeVisibleAsync();
        await page.ScreenshotAsync("dashboard-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // A figure leads to the units it counts.
        var value = card.GetByTestId("indicator-value");
        var shown = (await value.InnerTextAsync()).Replace(" đơn vị", "", StringComparison.Ordinal).Trim();
        await value.ClickAsync();
        await page.WaitForURLAsync("**/indicators/units.count/drilldown?**");
        await Expect(page.GetByTestId("units-total")).ToHaveTextAsync(shown);
        var total = int.Parse(shown, NumberStyles.Number, CultureInfo.GetCultureInfo("vi-VN"));
        await Expect(page.GetByTestId("unit-name").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("drilldown");

        // A unit of the list opens its record.
        var name = await page.GetByTestId("unit-name").First.InnerTextAsync();
        await page.GetByTestId("unit-name").First.ClickAsync();
        await page.WaitForURLAsync("**/units/*");
        await Expect(page.Locator("h1")).ToContainTextAsync(name);
        await page.GoBackAsync();

        // The drill-down exports its units and its events, every row.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using var file = File.OpenRead(await download.PathAsync());
        Assert.Equal(["Đơn vị", "Sắp xếp"], file.GetSheetNames());
        Assert.Equal(total, file.Query(useHeaderRow: true, sheetName: "Đơn vị").Count());
    }
}
