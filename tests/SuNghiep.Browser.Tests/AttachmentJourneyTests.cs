using System.Globalization;
using Microsoft.Playwright;
using SuNghiep.Core.Plans;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>A progress report with its file: attached in the progress form, listed in the report's row, downloaded intact.</summary>
public sealed class AttachmentJourneyTests(HostFixture host)
{
    [Fact]
    public async Task TaskPage_ReportProgressWithAPdf_ShowsTheFileInTheRowAndDownloadsIt()
    {
        var n = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var task = await host.AddTaskAsync("62-KL/TW", new TaskInput(
            $"Báo cáo kết quả sắp xếp các trạm y tế {n}", null, await host.AgencyIdAsync("92.SYT"), [],
            DateOnly.FromDateTime(DateTime.Today).AddDays(30), null, "Báo cáo", null, null, null));
        var pdf = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% bien ban {n}\ntrailer << >>\n%%EOF\n");
        const string name = "Biên bản họp Sở Y tế.pdf";
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HealthOfficerEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"/tasks/{task.Id}");

        var form = page.GetByTestId("progress-form");
        await form.Locator("#Input_Text").FillAsync($"Đã họp rà soát {n}");
        await form.Locator("#Input_Percent").FillAsync("60");
        await form.GetByTestId("progress-files").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = pdf });
        await form.GetByTestId("save-progress").ClickAsync();
        await page.WaitForURLAsync($"**/tasks/{task.Id}");
        await Expect(page.GetByTestId("success")).ToContainTextAsync("1 tệp đính kèm");

        var row = page.GetByTestId("progress").Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-field=text]")).ToHaveTextAsync($"Đã họp rà soát {n}");
        var link = row.Locator("[data-field=files]").GetByTestId("attachment-link");
        await Expect(link).ToHaveTextAsync(name);
        await page.ScreenshotAsync("task-progress-attachment");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        // This machine's headless Chromium names any non-ASCII download "download" (an ASCII name comes through as
        // sent), so the name is read from the header the link answers with, under the same session.
        var headers = (await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!)).Headers;
        Assert.StartsWith("attachment;", headers["content-disposition"], StringComparison.Ordinal);
        Assert.EndsWith("filename*=UTF-8''" + Uri.EscapeDataString(name), headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(pdf, copy.ToArray());
    }
}
