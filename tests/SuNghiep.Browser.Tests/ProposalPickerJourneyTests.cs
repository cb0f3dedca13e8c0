using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

public sealed class ProposalPickerJourneyTests(HostFixture host)
{
    [Fact]
    public async Task DossierForm_UnitsFoundByNameWithoutAccents_BecomeChipsThatSendTheirCodes()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/reorganization-proposals/create");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Thêm đơn vị (tên hoặc mã)" });
        await box.FillAsync("truong mam non");
        var option = page.GetByRole(AriaRole.Listbox, new() { Name = "Thêm đơn vị (tên hoặc mã)" }).GetByRole(AriaRole.Option).First;
        await Expect(option).ToContainTextAsync("Trường Mầm non");
        var code = (await option.Locator(".picker-detail").TextContentAsync())!.Split(" · ")[0];
        await option.ClickAsync();

        // The field empties for the next unit; the chip holds the unit's code in the form's field.
        await Expect(box).ToHaveValueAsync("");
        await Expect(page.Locator("[data-testid=sources] .chip input[type=hidden][name='Input.SourceUnitCodes']")).ToHaveValueAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ " + (await page.Locator("[data-testid=sources] .chip span").TextContentAsync()) }).ClickAsync();
        await Expect(page.Locator("[data-testid=sources] .chip")).ToHaveCountAsync(0);
    }
}
