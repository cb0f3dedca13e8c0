using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

public sealed class NetworkJourneyTests(HostFixture host)
{
    [Fact]
    public async Task Network_ProvinceChosenByName_BelowNormCommuneMarkedInText()
    {
        // Phường Cái Khế with ten million people this year: whatever beds the demo puts there, it is below 33 per 10,000.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
            db.UseScope(CallerScope.Everything);
            var year = Core.VietnamTime.Today(TimeProvider.System).Year;
            var ct = TestContext.Current.CancellationToken;
            var commune = await db.Areas.SingleAsync(a => a.Code == "31120" && a.Level == AreaLevel.Commune, ct);
            if (!await db.AreaPopulations.AnyAsync(p => p.AreaId == commune.Id && p.Year == year, ct))
            {
                db.AreaPopulations.Add(new AreaPopulation { AreaId = commune.Id, Year = year, Population = 10_000_000, Source = "Kiểm thử", UpdatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync(ct);
            }
        }

        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"{host.BaseUrl}/network");

        await page.GetByLabel("Lĩnh vực").SelectOptionAsync("health");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Tỉnh, thành phố (tên hoặc mã)" });
        await box.FillAsync("can tho");
        var option = page.GetByRole(AriaRole.Listbox, new() { Name = "Tỉnh, thành phố (tên hoặc mã)" })
            .GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*Thành phố Cần Thơ") }).First;
        await option.ClickAsync();
        await page.GetByLabel("Chỉ xã dưới định mức").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await page.WaitForURLAsync("**/network?*areaCode=92*");

        var row = page.Locator("[data-testid=commune][data-code='31120']");
        await Expect(row).ToContainTextAsync("Cái Khế");
        await Expect(row.GetByTestId("status")).ToHaveTextAsync("Dưới định mức");
        await Expect(page.GetByTestId("summary")).ToContainTextAsync("dưới định mức");
        await Expect(page.GetByTestId("norm")).ToContainTextAsync("201/QĐ-TTg");
        // Every row listed is one below the norm, said in words.
        foreach (var status in await page.Locator("[data-testid=commune] [data-testid=status]").AllInnerTextsAsync())
        {
            Assert.Equal("Dưới định mức", status.Trim());
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
