using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>Small helpers for the screens the journeys walk through; each knows its own selectors.</summary>
internal static class PageHelpers
{
    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HostFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
    }

    public static async Task SignOutAsync(this IPage page) =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

    /// <summary>Types into the register's search box; with JavaScript htmx reloads the results, without it the form is submitted.</summary>
    public static async Task SearchUnitsAsync(this IPage page, string text, bool javaScript = true)
    {
        var search = page.Locator("#search");
        await search.FillAsync(text);
        if (javaScript)
        {
            await page.WaitForURLAsync(url => url.Contains("search=", StringComparison.Ordinal));
        }
        else
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        await Expect(page.Locator("#results [data-testid=total]")).ToBeVisibleAsync();
    }

    public static ILocator UnitNames(this IPage page) => page.Locator("#results [data-testid=unit-name]");

    public static ILocator FieldError(this IPage page, string key) => page.Locator($"[data-testid='error-{key}']");

    /// <summary>Finds a unit with a picker's search box on the reorganization form (htmx) and ticks it.</summary>
    public static async Task PickUnitAsync(this IPage page, string field, string search, int unitId)
    {
        await page.Locator($"#{field}Search").FillAsync(search);
        var option = page.Locator($"#{field}-options #{field}-{unitId}");
        await Expect(option).ToBeVisibleAsync();
        await option.CheckAsync();
    }

    /// <summary>The number a page shows for a count, as vi-VN writes it ("1.234").</summary>
    public static string Vi(int value) => value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
    /// <summary>Opens a tab of a unit's resources page (Người làm việc, Tài chính, Tự chủ).</summary>
    public static async Task OpenResourceTabAsync(this IPage page, string name)
    {
        await page.Locator("[data-resource-tabs]").GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();
        await Expect(page.Locator("[data-resource-tabs]").GetByRole(AriaRole.Tab, new() { Name = name })).ToHaveAttributeAsync("aria-selected", "true");
    }

    /// <summary>Chooses the year of a resources form ("Staffing" or "Finance"); htmx reloads the form with that year's figures.</summary>
    public static async Task ChooseResourceYearAsync(this IPage page, string form, int year)
    {
        var value = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.RunAndWaitForResponseAsync(
            () => page.Locator($"#{form}_Year").SelectOptionAsync(value),
            r => r.Url.Contains("year=" + value, StringComparison.Ordinal));
        // The swapped form comes back with the year chosen and a fresh select.
        await Expect(page.Locator($"#{form}_Year")).ToHaveValueAsync(value);
        await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')");
    }

    /// <summary>Fills a resources form's fields by name (e.g. "Finance.RecurrentExpenditure").</summary>
    public static async Task FillFiguresAsync(this IPage page, IReadOnlyDictionary<string, string> figures)
    {
        foreach (var (name, value) in figures)
        {
            await page.Locator($"[name='{name}']").FillAsync(value);
        }
    }

    /// <summary>The data Chart.js draws on a canvas: its labels and each dataset's values.</summary>
    public static async Task<System.Text.Json.JsonElement> ChartDataAsync(this IPage page, string canvasId)
    {
        await page.WaitForFunctionAsync("id => window.Chart && Chart.getChart(id)", canvasId);
        return await page.EvaluateAsync<System.Text.Json.JsonElement>(
            "id => { const c = Chart.getChart(id); return { labels: c.data.labels, datasets: c.data.datasets.map(d => d.data) }; }", canvasId);
    }
}
