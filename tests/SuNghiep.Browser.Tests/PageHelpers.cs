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
}
