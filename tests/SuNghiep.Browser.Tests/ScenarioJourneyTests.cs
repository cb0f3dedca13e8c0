using System.Globalization;
using System.Text.RegularExpressions;
using SuNghiep.Core.Units;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>What-if: a scenario that dissolves a unit changes its count and not the actual one, until it is applied.</summary>
public sealed class ScenarioJourneyTests(HostFixture host)
{
    private static readonly DateOnly Day = new(2024, 6, 1);

    [Fact]
    public async Task Scenario_DissolveAUnit_CountDiffersFromTheActualUntilApplied()
    {
        var n = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var unit = await host.CreateUnitAsync(new UnitInput
        {
            Code = $"SN-KB-{n}", Name = $"Trung tâm Kiểm thử Kịch bản {n}", Sector = "health", RoleClass = "other", Level = "province",
            AreaCode = "92", ManagingAgencyId = await host.AgencyIdAsync("92.SYT"), AutonomyGroup = 3, EstablishedOn = new DateOnly(2010, 1, 1),
        });
        var before = await host.CountAsync("92", Day);
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");

        // Draft a scenario, then propose the dissolution of the unit on its page.
        await page.GotoAsync("/scenarios");
        await page.GetByTestId("create-link").ClickAsync();
        await page.WaitForURLAsync("**/scenarios/create");
        await page.Locator("#Input_Name").FillAsync($"Giải thể trung tâm kiểm thử {n}");
        await page.GetByTestId("create-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/scenarios/\d+$"));
        var url = new Uri(page.Url).AbsolutePath;
        await page.Locator("#Input_Type").SelectOptionAsync("dissolution");
        await page.Locator("#Input_EffectiveDate").FillAsync(Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#Input_SourceUnitCodes").FillAsync(unit.Code);
        await page.GetByTestId("add-event").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/scenarios/\d+(#events)?$"));
        await Expect(page.GetByTestId("event-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("event-row")).ToContainTextAsync(unit.Code);

        // Beside the actual count of the province, the scenario's is one less; the register has not changed.
        await page.GotoAsync($"{url}?asOf={Day:yyyy-MM-dd}&areaCode=92");
        var row = page.Locator("[data-testid=comparison-row][data-code='units.count']");
        await Expect(row.GetByTestId("actual")).ToHaveTextAsync($"{PageHelpers.Vi(before)} đơn vị");
        await Expect(row.GetByTestId("scenario")).ToHaveTextAsync($"{PageHelpers.Vi(before - 1)} đơn vị");
        await Expect(row.GetByTestId("difference")).ToHaveTextAsync("\u22121 đơn vị");
        Assert.Equal(before, await host.CountAsync("92", Day));
        await page.ScreenshotAsync("scenario-details");

        // Applied with its decision: the event is recorded, and the actual count is the scenario's.
        await page.GetByTestId("apply-link").ClickAsync();
        await page.WaitForURLAsync("**/apply");
        await page.Locator("#ForAll_Number").FillAsync($"{n}/QĐ-UBND");
        await page.Locator("#ForAll_Date").FillAsync("2024-05-20");
        await page.Locator("#ForAll_Issuer").FillAsync("Ủy ban nhân dân thành phố Cần Thơ");
        await page.GetByTestId("apply-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/scenarios/\d+$"));
        await Expect(page.GetByTestId("applied-info")).ToBeVisibleAsync();

        await page.GotoAsync($"{url}?asOf={Day:yyyy-MM-dd}&areaCode=92");
        await Expect(row.GetByTestId("actual")).ToHaveTextAsync($"{PageHelpers.Vi(before - 1)} đơn vị");
        await Expect(row.GetByTestId("scenario")).ToHaveTextAsync($"{PageHelpers.Vi(before - 1)} đơn vị");
        Assert.Equal(before - 1, await host.CountAsync("92", Day));
        await page.ScreenshotAsync("scenario-applied");
    }
}
