using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>Home Affairs records its province's catalogue of public services, an item and its price, and sees the price in force.</summary>
public sealed class ServiceCatalogueJourneyTests(HostFixture host)
{
    [Fact]
    public async Task RecordACatalogueItemAndPrice_ThenSeeThePriceInForce()
    {
        var page = await host.NewPageAsync(javaScript: true);
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        var token = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var name = $"Danh mục dịch vụ giáo dục kiểm thử {token}";

        await page.GotoAsync(host.BaseUrl + "/services");
        await page.GetByTestId("new-catalogue").ClickAsync();
        await page.GetByLabel("Tên danh mục").FillAsync(name);
        await page.Locator("#Input_AreaCode").FillAsync("92");
        await page.GetByLabel("Số quyết định").FillAsync($"{token}/QĐ-UBND");
        await page.Locator("#Input_DecisionDate").FillAsync("15/08/2024");
        await page.Locator("#Input_DecisionIssuer").FillAsync("Ủy ban nhân dân thành phố Cần Thơ");
        await page.Locator("#Input_ValidFrom").FillAsync("01/09/2024");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("catalogue-name")).ToHaveTextAsync(name);

        // Education may not be tendered (Decree 32/2019 Appendix I): refused on the methods, what was typed kept.
        await page.GetByTestId("new-item").ClickAsync();
        await page.Locator("#Input_Code").FillAsync("1");
        await page.GetByLabel("Tên dịch vụ").FillAsync($"Giáo dục tiểu học {token}");
        await page.Locator("#Input_Sector").SelectOptionAsync("education");
        await page.GetByLabel("Đấu thầu").CheckAsync();
        await page.GetByLabel("Đơn vị sản phẩm").FillAsync("học sinh/năm");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Nghị định 32/2019/NĐ-CP");
        await Expect(page.GetByLabel("Tên dịch vụ")).ToHaveValueAsync($"Giáo dục tiểu học {token}");
        await page.GetByLabel("Đấu thầu").UncheckAsync();
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("item-link")).ToHaveTextAsync($"Giáo dục tiểu học {token}");
        await Expect(page.GetByTestId("price-today")).ToContainTextAsync("Chưa có");

        await page.GetByTestId("item-link").ClickAsync();
        await page.GetByTestId("new-price").ClickAsync();
        await page.GetByLabel("Đơn giá (đồng)").FillAsync("1.250.000");
        await page.Locator("#Input_DecisionNumber").FillAsync($"{token}/NQ-HĐND");
        await page.Locator("#Input_DecisionDate").FillAsync("20/08/2024");
        await page.Locator("#Input_DecisionIssuer").FillAsync("Hội đồng nhân dân thành phố Cần Thơ");
        await page.Locator("#Input_ValidFrom").FillAsync("01/09/2024");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("price-in-force")).ToContainTextAsync("1.250.000 đồng/học sinh/năm");

        await page.GotoAsync(host.BaseUrl + "/services?q=" + Uri.EscapeDataString("dich vu giao duc kiem thu " + token));
        await Expect(page.GetByTestId("item-count")).ToHaveTextAsync("1");
        await page.GetByTestId("catalogue-link").ClickAsync();
        await Expect(page.GetByTestId("price-today")).ToContainTextAsync("1.250.000");
        await page.ScreenshotAsync("service-catalogue");
    }
}
