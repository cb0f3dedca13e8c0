using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>On a phone (390×844) the long lists read as cards, each value under its column's name.</summary>
public sealed class PhoneLayoutJourneyTests(HostFixture host, ITestOutputHelper output)
{
    private async Task<IPage> PhoneAsync()
    {
        var page = await host.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        return page;
    }

    private static Task<string> DisplayAsync(ILocator element, string pseudo = "") =>
        element.EvaluateAsync<string>($"e => getComputedStyle(e{(pseudo.Length > 0 ? ", '" + pseudo + "'" : "")}).{(pseudo.Length > 0 ? "content" : "display")}");

    [Fact]
    public async Task Tasks_OnAPhone_CardsAndAShortPage()
    {
        var page = await PhoneAsync();

        await page.GotoAsync("/tasks?agencyId=all");

        var rows = page.Locator("table[data-testid=tasks] tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        Assert.Equal("block", await DisplayAsync(rows.First));
        Assert.Equal("\"Tình trạng: \"", await DisplayAsync(rows.First.Locator("td[data-label='Tình trạng']"), "::before"));
        // One card per row: the cards stand one under another, none beside another.
        var first = await rows.Nth(0).BoundingBoxAsync();
        var second = await rows.Nth(1).BoundingBoxAsync();
        Assert.True(second!.Y >= first!.Y + first.Height, $"{first.Y}+{first.Height} > {second.Y}");
        Assert.True(first.Width <= 390, first.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var height = await page.EvaluateAsync<int>("() => document.body.scrollHeight");
        output.WriteLine($"/tasks at 390×844: {height} px");
        await page.ScreenshotAsync("tasks-phone");
        // The demo's first 20 tasks measured 24,817 px as a squeezed table of whole texts, 6,185 px as cards of short titles.
        Assert.True(height < 8_000, $"/tasks is {height} px tall on a phone.");

        // The same rows stay a table on a desktop screen.
        await page.SetViewportSizeAsync(1366, 900);
        Assert.Equal("table-row", await DisplayAsync(rows.First));
    }

    [Fact]
    public async Task Counts_OnAPhone_EventsFoldedAndCards()
    {
        var page = await PhoneAsync();

        await page.GotoAsync("/counts");

        var details = page.GetByTestId("changes-details");
        var rows = page.Locator("table[data-testid=changes] tbody tr");
        var count = int.Parse((await page.GetByTestId("changes-count").InnerTextAsync()).Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 25, $"The demo period has {count} events.");
        await Expect(rows.First).Not.ToBeVisibleAsync();
        await details.Locator("summary").ClickAsync();
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.Equal("block", await DisplayAsync(rows.First));
        Assert.Equal("\"Ngày hiệu lực: \"", await DisplayAsync(rows.First.Locator("td").First, "::before"));
        var height = await page.EvaluateAsync<int>("() => document.body.scrollHeight");
        output.WriteLine($"/counts at 390×844, events open: {height} px");
    }
}
