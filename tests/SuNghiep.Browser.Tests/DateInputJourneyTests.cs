using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SuNghiep.Core.Units;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>
/// Dates are typed and shown as dd/mm/yyyy whatever the browser's language: a browser's own date input would show
/// 09/03/2026 for 3 September in English beside page text that says 03/09/2026.
/// </summary>
public sealed class DateInputJourneyTests(HostFixture host)
{
    private static string Unique() => Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(IPage Page, UnitView Unit)> EditPageAsync(string locale)
    {
        var n = Unique();
        var unit = await host.CreateUnitAsync(new UnitInput
        {
            Code = $"NG-{n}", Name = $"Trung tâm Kiểm thử Ngày tháng {n}", Sector = "health", RoleClass = "basic-service",
            Level = "province", AreaCode = "92", ManagingAgencyId = await host.AgencyIdAsync("92.SYT"), AutonomyGroup = 3,
            EstablishedOn = new DateOnly(2010, 1, 1),
        });
        var page = await host.NewPageAsync(locale: locale);
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"/units/{unit.Id}/edit");
        return (page, unit);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    public async Task FoundingDate_TypedAsDdMmYyyy_IsSavedAndShownTheSameWay(string locale)
    {
        var (page, unit) = await EditPageAsync(locale);
        var field = page.Locator("#Input_EstablishedOn");
        await Expect(field).ToHaveValueAsync("01/01/2010");
        await Expect(field).ToHaveAttributeAsync("placeholder", "dd/mm/yyyy");

        await field.ClearAsync();
        await field.PressSequentiallyAsync("03/09/2026");
        await page.GetByTestId("save-unit").ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/units/{unit.Id}$"));

        await Expect(page.Locator("[data-field=establishedOn]")).ToHaveTextAsync("03/09/2026");
        await page.GotoAsync($"/units/{unit.Id}/edit");
        await Expect(page.Locator("#Input_EstablishedOn")).ToHaveValueAsync("03/09/2026");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    public async Task ViewAsOf_ShowsDdMmYyyy(string locale)
    {
        var (page, unit) = await EditPageAsync(locale);

        await page.GotoAsync("/units?asOf=2021-07-01");
        await Expect(page.GetByTestId("as-of")).ToHaveValueAsync("01/07/2021");
        await page.GotoAsync($"/units/{unit.Id}?asOf=2021-07-01");
        await Expect(page.Locator("#asOf")).ToHaveValueAsync("01/07/2021");

        // A date typed in the register's box filters the list, and the box keeps it as typed.
        await page.GotoAsync("/units");
        await page.GetByTestId("as-of").FillAsync("31/12/2015");
        await page.GetByTestId("as-of").DispatchEventAsync("change");
        await page.WaitForURLAsync(url => url.Contains("asOf=", StringComparison.Ordinal));
        await Expect(page.GetByTestId("as-of")).ToHaveValueAsync("31/12/2015");
        await Expect(page.GetByTestId("filter-errors")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    public async Task Calendar_PicksADateByKeyboard_AndEscapeLeavesTheFieldAsItWas(string locale)
    {
        var (page, _) = await EditPageAsync(locale);
        var field = page.Locator("#Input_EstablishedOn");
        var button = page.Locator("#Input_EstablishedOn ~ [data-date-picker]");
        await Expect(button).ToHaveAccessibleNameAsync("Chọn ngày");
        await Expect(button).ToHaveAccessibleDescriptionAsync(new Regex("^Ngày thành lập"));

        await field.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(button).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#date-picker-month")).ToHaveTextAsync("Tháng 1 năm 2010");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "1 tháng 1 năm 2010", Exact = true })).ToBeFocusedAsync();

        // Right arrow a day, down arrow a week, Page Down a month: 1/1 → 2/1 → 9/1 → 9/2.
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("PageDown");
        await Expect(dialog.Locator("#date-picker-month")).ToHaveTextAsync("Tháng 2 năm 2010");
        await page.Keyboard.PressAsync("Enter");

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(field).ToHaveValueAsync("09/02/2010");
        await Expect(button).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(field).ToHaveValueAsync("09/02/2010");
        await page.ScreenshotAsync("date-calendar-" + locale);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    public async Task WrongDate_ShowsTheVietnameseMessageOnTheField(string locale)
    {
        var (page, unit) = await EditPageAsync(locale);
        var field = page.Locator("#Input_EstablishedOn");

        await field.FillAsync("31/02/2026");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("save-unit").ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Expect(page.FieldError("Input.EstablishedOn")).ToContainTextAsync("Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy");
        await Expect(field).ToHaveValueAsync("31/02/2026");

        // Not a date at all: the browser keeps the form, with the same words in Vietnamese, whatever its language.
        await field.FillAsync("3 tháng 9");
        Assert.Equal("Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy", await field.EvaluateAsync<string>("e => e.validationMessage"));
        await page.GetByTestId("save-unit").ClickAsync();
        await Expect(page.Locator("#Input_EstablishedOn:invalid")).ToHaveCountAsync(1);
        Assert.EndsWith($"/units/{unit.Id}/edit", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    public async Task DecisionSignedAfterItTakesEffect_IsWarnedAboutAsTyped(string locale)
    {
        var (page, _) = await EditPageAsync(locale);
        var warning = page.GetByTestId("decision-date-warning");

        await page.Locator("#Input_EffectiveFrom").FillAsync("01/06/2026");
        await page.Locator("#Input_DecisionDate").FillAsync("20/05/2026");
        await Expect(warning).ToBeEmptyAsync();

        await page.Locator("#Input_DecisionDate").FillAsync("15/06/2026");
        await Expect(warning).ToHaveTextAsync("Ngày ban hành quyết định sau ngày có hiệu lực: kiểm tra lại hai ngày đã nhập.");

        await page.Locator("#Input_EffectiveFrom").FillAsync("01/07/2026");
        await Expect(warning).ToBeEmptyAsync();
    }
}
