using Microsoft.Playwright;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Units;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>What the hardening changed for the people using the pages: edits that cross, locked fields, passwords.</summary>
public sealed class AccountJourneyTests(HostFixture host)
{
    [Fact]
    public async Task UnitEdit_TwoOfficersAtOnce_TheSecondIsToldAndSeesTheFirstChange()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var unit = await host.CreateUnitAsync(new UnitInput
        {
            Code = $"CC-{n}", Name = $"Trung tâm Kiểm thử Sửa Cùng Lúc {n}", Sector = "culture", RoleClass = "other", Level = "province",
            AreaCode = "92", ManagingAgencyId = await host.AgencyIdAsync("92.SYT"), EstablishedOn = new DateOnly(2020, 1, 1),
        });
        var first = await host.NewPageAsync();
        var second = await host.NewPageAsync();
        await first.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await second.SignInAsync(HostFixture.HealthOfficerEmail, HostFixture.Password);
        await first.GotoAsync($"/units/{unit.Id}/edit");
        await second.GotoAsync($"/units/{unit.Id}/edit");

        await first.Locator("#Input_Name").FillAsync($"Trung tâm Kiểm thử Đã Đổi Tên {n}");
        await first.GetByTestId("save-unit").ClickAsync();
        await first.WaitForURLAsync($"**/units/{unit.Id}");
        await second.Locator("#Input_Notes").FillAsync("Ghi chú của người thứ hai");
        await second.GetByTestId("save-unit").ClickAsync();

        await Expect(second.GetByTestId("edit-conflict")).ToContainTextAsync("đã được người khác thay đổi kể từ khi bạn mở trang");
        await Expect(second.Locator("#Input_Name")).ToHaveValueAsync($"Trung tâm Kiểm thử Đã Đổi Tên {n}");
        await Expect(second.Locator("#Input_Notes")).ToHaveValueAsync("");
        await second.ScreenshotAsync("unit-edit-conflict");
    }

    [Fact]
    public async Task UnitOfficer_SeesLockedFieldsAndChangesItsOwnPassword()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var unit = await host.CreateUnitAsync(new UnitInput
        {
            Code = $"UO-{n}", Name = $"Trung tâm Kiểm thử Cán bộ Đơn vị {n}", Sector = "culture", RoleClass = "other", Level = "province",
            AreaCode = "92", ManagingAgencyId = await host.AgencyIdAsync("92.SYT"), EstablishedOn = new DateOnly(2020, 1, 1),
        });
        var email = $"donvi.{n}@browser.test";
        await host.CreateAccountAsync(new NewAccount(email, HostFixture.Password, Roles.UnitOfficer, "Phạm Văn Đơn Vị", UnitCode: unit.Code));
        var page = await host.NewPageAsync();
        await page.SignInAsync(email, HostFixture.Password);

        await page.GotoAsync($"/units/{unit.Id}/edit");
        await Expect(page.GetByTestId("locked-fields")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_ManagingAgencyId")).ToBeDisabledAsync();
        await Expect(page.Locator("#Input_Address")).ToBeEnabledAsync();
        await page.ScreenshotAsync("unit-edit-unit-officer");

        await page.GotoAsync("/account/password");
        await page.Locator("#Input_CurrentPassword").FillAsync("Sai-mat-khau-hien-tai");
        await page.Locator("#Input_NewPassword").FillAsync("password1234");
        await page.Locator("#Input_ConfirmPassword").FillAsync("password1234");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Mật khẩu hiện tại không đúng");
        await page.ScreenshotAsync("account-password-errors");

        const string newPassword = "Cay-bang-truoc-san-2026";
        await page.Locator("#Input_CurrentPassword").FillAsync(HostFixture.Password);
        await page.Locator("#Input_NewPassword").FillAsync(newPassword);
        await page.Locator("#Input_ConfirmPassword").FillAsync(newPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Đã đổi mật khẩu");

        await page.SignOutAsync();
        await page.SignInAsync(email, HostFixture.Password);
        await Expect(page.Locator("main")).ToContainTextAsync("Email hoặc mật khẩu không đúng");
        await page.SignInAsync(email, newPassword);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }
}
