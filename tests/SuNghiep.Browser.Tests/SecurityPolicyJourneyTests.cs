using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

public sealed class SecurityPolicyJourneyTests(HostFixture host)
{
    [Fact]
    public async Task Pages_WithTheirScripts_ReportNoContentSecurityPolicyViolation()
    {
        var page = await host.NewPageAsync();
        var seen = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                seen.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForFunctionAsync("() => window.Chart && document.querySelectorAll('canvas[data-indicator-chart]').length > 0 && Chart.getChart(document.querySelector('canvas[data-indicator-chart]')) !== undefined");
        await page.GotoAsync("/units");
        await page.SearchUnitsAsync("mam non");

        // The pages whose behaviour moved from inline script to files: each must still work under the policy.
        await page.GotoAsync("/reorganizations/create");
        await page.Locator("#Input_Type").SelectOptionAsync("merger");
        await Expect(page.Locator("#continuingSearch")).ToBeVisibleAsync();
        await page.Locator("#sourceSearch").FillAsync("mầm non");
        await page.Locator("#sourceSearch").PressAsync("Enter");
        Assert.EndsWith("/reorganizations/create", page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/counts");
        await Expect(page.Locator("#count-chart")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('count-chart')) !== undefined");

        foreach (var path in new[] { "/reorganizations/import", "/reorganizations", "/staffing", "/tasks", "/documents", "/admin/users", "/admin/audit", "/notifications", "/indicators", "/indicators/units.count", "/indicators/units.count/drilldown", "/api/docs" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // The API docs are the app's own page: its operations are listed without any script.
        await Expect(page.Locator("[data-testid=docs-operation]").First).ToBeVisibleAsync();
        Assert.Empty(seen);
    }
}
