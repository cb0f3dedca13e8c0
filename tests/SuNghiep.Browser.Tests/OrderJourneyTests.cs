using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Units;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

public sealed class OrderJourneyTests(HostFixture host)
{
    private const int Year = 2025;

    /// <summary>An education item of a catalogue of province 92 priced 10.000 đồng from 1/1/2025, written as the catalogue pages would.</summary>
    internal static async Task<int> ItemAsync(IServiceProvider services, string n)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var item = new ServiceItem
        {
            Catalogue = new ServiceCatalogue
            {
                Name = $"Danh mục thử {n}", Level = CatalogueLevel.Province, AreaCode = "92", DecisionNumber = $"{n}/QĐ-UBND",
                DecisionDate = new DateOnly(2024, 12, 1), DecisionIssuer = "UBND thành phố Cần Thơ", ValidFrom = new DateOnly(2025, 1, 1),
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            },
            Code = $"GD-{n}", Name = $"Giáo dục mầm non thử {n}", SearchText = $"gd-{n} giao duc mam non thu {n}", SortKey = n, SectorCode = "education",
            Methods = ServiceMethods.Assignment | ServiceMethods.Ordering, OutputUnit = "trẻ/năm", Ordinal = 1,
        };
        db.ServicePrices.Add(new ServicePrice
        {
            Item = item, AreaCode = "92", Price = 10_000, Unit = "đồng/trẻ/năm", CostBasis = CostBasis.Full, DecisionNumber = $"{n}/QĐ-GIA",
            DecisionDate = new DateOnly(2024, 12, 20), DecisionIssuer = "UBND thành phố Cần Thơ", ValidFrom = new DateOnly(2025, 1, 1), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return item.Id;
    }

    [Fact]
    public async Task Order_IssuedAndAccepted_MovesTheUnitsSelfFinancingLevelOnItsFinancePage()
    {
        var n = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var agency = await host.AgencyIdAsync("92.SGDDT");
        var unit = await host.CreateUnitAsync(new UnitInput
        {
            Code = $"DH-{n}", Name = $"Trường Mầm non Đặt hàng {n}", Sector = "education", RoleClass = "basic-service", Level = "province",
            AreaCode = "92", ManagingAgencyId = agency, AutonomyGroup = 4, EstablishedOn = new DateOnly(2010, 9, 5),
        });
        var item = await ItemAsync(host.Services, n);
        // 999.000.000 of 10.000.000.000 đồng: 9,99%, group 4.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
            db.UseScope(CallerScope.Everything);
            var saved = await scope.ServiceProvider.GetRequiredService<ResourceService>().PutFinanceAsync(unit.Id, Year,
                new FinanceInput(0, 0, 999_000_000, 0, 0, 0, 10_000_000_000, 0, 0, 0), TestContext.Current.CancellationToken);
            Assert.Equal(4, saved.Value?.AutonomyGroup);
        }

        var page = await host.NewPageAsync(javaScript: false);
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");

        // Issue the order: no unit price typed, so the price in force on the start date is used.
        await page.GotoAsync("/orders");
        await page.GetByTestId("new-order").ClickAsync();
        await page.Locator("#Input_Year").FillAsync(Year.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Input_Method").SelectOptionAsync("ordering");
        await page.Locator("#Input_OrdererAgencyId").FillAsync(agency.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Input_DecisionNumber").FillAsync($"{n}/QĐ-SGDĐT");
        await page.Locator("#Input_DecisionDate").FillAsync("20/01/2025");
        await page.Locator("#Input_DecisionIssuer").FillAsync("Sở Giáo dục và Đào tạo");
        await page.Locator("#Input_ItemId").SelectOptionAsync(item.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Input_ProviderUnit").FillAsync(unit.Code);
        await page.Locator("#Input_Quantity").FillAsync("100");
        await page.Locator("#Input_StartOn").FillAsync("01/02/2025");
        await page.Locator("#Input_EndOn").FillAsync("30/11/2025");
        await page.GetByTestId("save-order").ClickAsync();
        await page.WaitForURLAsync("**/orders/*");
        await Expect(page.GetByTestId("unit-price")).ToContainTextAsync("10.000 đồng");
        await Expect(page.GetByTestId("value")).ToHaveTextAsync("1.000.000 đồng");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã giao, đặt hàng");

        // Accept the whole quantity.
        await page.Locator("#accept-date").FillAsync("15/12/2025");
        await page.Locator("#Input_QuantityAccepted").FillAsync("100");
        await page.GetByTestId("save-acceptance").ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã nghiệm thu");
        await Expect(page.GetByTestId("accepted-value")).ToHaveTextAsync("1.000.000");
        await page.ScreenshotAsync("order-accepted");

        // The unit's finance now counts the accepted order: 10,00%, group 3, with the order as the figure's source.
        await page.GotoAsync($"/units/{unit.Id}/resources?year={Year}#finance");
        var row = page.Locator($"#finance [data-testid=finance-table] tr[data-year='{Year}']");
        await Expect(row.Locator("[data-field=level]")).ToHaveTextAsync("10,00%");
        await Expect(row.Locator("[data-field=group]")).ToHaveTextAsync("Nhóm 3 (10-30%)");
        var source = page.GetByTestId("ordered-services-source");
        await Expect(source.GetByTestId("accepted-orders-value")).ToHaveTextAsync("1.000.000 đ");
        await Expect(source.GetByTestId("accepted-orders")).ToContainTextAsync($"{n}/QĐ-SGDĐT");
        await Expect(source.GetByTestId("ordered-services-differs")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("order-finance");
    }
}
