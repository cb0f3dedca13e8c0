using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>
/// The round of a report: the Department of Home Affairs asks Sở Y tế for the annual report in the province's name; Sở Y tế
/// fills and submits it; it is returned with a comment, resubmitted and accepted; the province consolidates and downloads it.
/// </summary>
public sealed class ReportJourneyTests(HostFixture host)
{
    [Fact]
    public async Task Report_RequestFillSubmitReturnResubmitAcceptConsolidateDownload()
    {
        var n = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var province = await host.AgencyIdAsync("92.UBND");
        var health = await host.AgencyIdAsync("92.SYT");
        var upper = await host.NewPageAsync();
        await upper.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await upper.WaitForURLAsync("**/dashboard");

        // The request: the regime, the year, and Sở Y tế ticked among the bodies below the province's committee.
        await upper.GotoAsync($"/report-requests/new?Requester={province}");
        await upper.Locator("#Input_RegimeCode").SelectOptionAsync("KL62-NQ38");
        await upper.Locator("#Input_PeriodCode").FillAsync("2025");
        await upper.Locator("#Input_Title").FillAsync($"Báo cáo kết quả thực hiện Kết luận 62 năm 2025 (kiểm thử {n})");
        await upper.Locator($"#reporter-{health}").CheckAsync();
        await upper.GetByTestId("request-submit").ClickAsync();
        await upper.WaitForURLAsync(new Regex(@"/report-requests/\d+$"));
        var requestUrl = new Uri(upper.Url).AbsolutePath;
        var row = upper.Locator($"[data-testid=board-row][data-agency='{health}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "draft");
        await Expect(upper.GetByTestId("deadline")).ToHaveTextAsync("15/12/2025");
        var reportUrl = (await row.Locator("a").GetAttributeAsync("href"))!;

        // Sở Y tế fills section I and signs, saves, then submits: the annex figures freeze.
        var lower = await host.NewPageAsync();
        await lower.SignInAsync(HostFixture.HealthOfficerEmail, HostFixture.Password);
        await lower.WaitForURLAsync("**/dashboard");
        await lower.GotoAsync(reportUrl);
        await lower.GetByTestId("section-I").FillAsync($"Sở Y tế đã ban hành Kế hoạch số {n}/KH-SYT.");
        await lower.GetByTestId("signer-name").FillAsync("Lê Văn Y Tế");
        await lower.GetByTestId("save").ClickAsync();
        await Expect(lower.GetByTestId("success")).ToHaveTextAsync("Đã lưu bản nháp.");
        await lower.GetByTestId("submit").ClickAsync();
        await Expect(lower.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "submitted");
        await Expect(lower.GetByTestId("frozen")).ToBeVisibleAsync();

        // Returned with a comment; Sở Y tế sees it, completes the text and resubmits.
        await upper.GotoAsync(reportUrl);
        await upper.GetByTestId("return-comment").FillAsync("Bổ sung số liệu giảm so với năm 2021.");
        await upper.GetByTestId("return").ClickAsync();
        await Expect(upper.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "returned");
        await lower.GotoAsync(reportUrl);
        await Expect(lower.GetByTestId("returned-comment")).ToContainTextAsync("Bổ sung số liệu giảm so với năm 2021.");
        await lower.GetByTestId("section-II.2").FillAsync("Giảm 2 đơn vị so với năm 2021.");
        await lower.GetByTestId("submit").ClickAsync();
        await Expect(lower.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "submitted");

        // Accepted; the steps read who did what.
        await upper.GotoAsync(reportUrl);
        await upper.GetByTestId("accept").ClickAsync();
        await Expect(upper.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "accepted");
        await Expect(upper.GetByTestId("step")).ToHaveCountAsync(4);
        await upper.ScreenshotAsync("report-accepted");

        // The consolidation gathers Sở Y tế's text under its section, beside the province's own figures.
        await upper.GotoAsync($"{requestUrl}/consolidated");
        await Expect(upper.Locator("[data-testid=consolidated-annex][data-number='I']")).ToBeVisibleAsync();
        await Expect(upper.Locator("[data-testid=consolidated-section][data-key='I']")).ToContainTextAsync($"Kế hoạch số {n}/KH-SYT");
        await upper.ScreenshotAsync("report-consolidated");

        // Both files download from the report's page.
        await upper.GotoAsync(reportUrl);
        var docx = await upper.RunAndWaitForDownloadAsync(() => upper.GetByTestId("download-docx").ClickAsync());
        var xlsx = await upper.RunAndWaitForDownloadAsync(() => upper.GetByTestId("download-xlsx").ClickAsync());
        Assert.EndsWith(".docx", docx.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(new FileInfo((await docx.PathAsync())!).Length > 1000);
    }
}
