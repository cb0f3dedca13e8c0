using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

public sealed class PickerJourneyTests(HostFixture host)
{
    [Fact]
    public async Task CountsAreaPicker_ByKeyboardOnly_FindsTheCommuneWithoutAccents_AndFiltersByItsCode()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/counts");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Địa bàn (tên hoặc mã)" });
        await box.FocusAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        // The account's province is the default filter, shown by name with its code; typing replaces it.
        await Expect(box).ToHaveValueAsync("Thành phố Cần Thơ (92)");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("cai khe");
        var listbox = page.GetByRole(AriaRole.Listbox, new() { Name = "Địa bàn (tên hoặc mã)" });
        var option = listbox.GetByRole(AriaRole.Option).First;
        await Expect(option).ToContainTextAsync("Phường Cái Khế");
        await Expect(option).ToContainTextAsync("31120");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");

        // Escape closes the list and keeps the text; the arrow opens it again and moves onto the option.
        await page.Keyboard.PressAsync("Escape");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(box).ToHaveValueAsync("cai khe");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await option.GetAttributeAsync("id"))!);
        await page.Keyboard.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("Phường Cái Khế (31120)");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        // The list is closed: Enter sends the form, with the code in the field's name.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("areaCode=31120", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Địa bàn (tên hoặc mã)" })).ToHaveValueAsync("Phường Cái Khế (31120)");
        await Expect(page.Locator("main")).ToContainTextAsync("Phường Cái Khế");
    }

    [Fact]
    public async Task CountsAreaPicker_NameTypedWithoutChoosing_IsReadByTheServer()
    {
        var page = await host.NewPageAsync(javaScript: false);
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/counts");

        await Expect(page.Locator("#areaCode")).ToHaveValueAsync("92");
        await page.Locator("#areaCode").FillAsync("Phường Cái Khế");
        await page.Locator("#filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("areaCode=", StringComparison.Ordinal));

        await Expect(page.Locator("#areaCode")).ToHaveValueAsync("31120");
        await Expect(page.Locator("#areaCode")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-invalid"));
    }
}
