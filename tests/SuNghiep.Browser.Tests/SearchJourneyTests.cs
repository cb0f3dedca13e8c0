using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

public sealed class SearchJourneyTests(HostFixture host)
{
    [Fact]
    public async Task HeaderSearch_ByKeyboardOnly_FindsAUnitWithoutAccents_AndOpensIt()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");

        // The box is reached by its label, typed into and sent with Enter; no mouse.
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm đơn vị, cơ quan, văn bản, nhiệm vụ" });
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("benh vien da khoa thanh pho can tho");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");

        var first = page.GetByTestId("search-group-unit").Locator("[data-testid=search-hit] a").First;
        await Expect(first).ToContainTextAsync("Bệnh viện Đa khoa thành phố Cần Thơ");
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/units/[0-9]+$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Bệnh viện Đa khoa thành phố Cần Thơ");
    }
}
