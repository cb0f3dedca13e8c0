using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>An official writes a plan in the app: the document, a target, two tasks, then looks at them on the timeline.</summary>
public sealed class PlanFormJourneyTests(HostFixture host)
{
    private static string Unique() => Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);

    private static DateOnly Today => SuNghiep.Core.VietnamTime.Today(TimeProvider.System);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WriteAPlan_ThenSeeItsTasksOnTheTimeline(bool javaScript)
    {
        var page = await host.NewPageAsync(javaScript);
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        var number = Unique() + "/KH-SNV";

        // The document, implementing 62-KL/TW; a missing title is refused first, with what was typed kept.
        await page.GotoAsync(host.BaseUrl + "/documents");
        await page.GetByTestId("new-document").ClickAsync();
        await page.GetByLabel("Số, ký hiệu").FillAsync(number);
        await page.GetByLabel("Cơ quan ban hành (như văn bản ghi)").FillAsync("Sở Nội vụ thành phố Cần Thơ");
        // Recorded in the name of an agency of the account's scope, whose targets and tasks it then writes.
        // With the script, found by its name without accents and chosen from the picker's list, which then sends its id;
        // without it, the name typed is read on the server.
        if (javaScript)
        {
            var issuer = page.GetByRole(AriaRole.Combobox, new() { Name = "Cơ quan ban hành trong danh mục (tên hoặc mã)" });
            await issuer.FillAsync("so noi vu thanh pho can tho");
            var issuerOption = page.GetByRole(AriaRole.Listbox, new() { Name = "Cơ quan ban hành trong danh mục (tên hoặc mã)" })
                .GetByRole(AriaRole.Option).Filter(new() { HasText = "92.SNV" }).First;
            await issuerOption.ClickAsync();
            await Expect(issuer).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\(92\.SNV\)$"));
            await Expect(page.Locator("input[type=hidden][name='Input.IssuerAgencyId']"))
                .ToHaveValueAsync((await host.AgencyIdAsync("92.SNV")).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            await page.Locator("#Input_IssuerAgencyId").FillAsync("Sở Nội vụ thành phố Cần Thơ");
        }

        await page.GetByTestId("parent-select").SelectOptionAsync(new SelectOptionValue { Label = (await ParentLabelAsync(page, "62-KL/TW"))! });
        await page.GetByTestId("save-document").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Vui lòng nhập trích yếu.");
        await Expect(page.GetByLabel("Số, ký hiệu")).ToHaveValueAsync(number);
        await page.GetByLabel("Trích yếu").FillAsync("Kế hoạch sắp xếp đơn vị sự nghiệp công lập năm " + Today.Year);
        await page.GetByTestId("save-document").ClickAsync();
        await Expect(page.GetByTestId("document-title")).ToHaveTextAsync($"Kế hoạch số {number}");
        await Expect(page.GetByTestId("document-parents")).ToContainTextAsync("62-KL/TW");

        // A target with a Vietnamese decimal.
        await page.GetByTestId("new-target").ClickAsync();
        await page.GetByLabel("Nội dung chỉ tiêu (như văn bản ghi)").FillAsync("Giảm 12,5% số đơn vị so với năm 2021");
        await page.GetByLabel("Chỉ số đo chỉ tiêu").SelectOptionAsync("units.count");
        await page.Locator("#Input_AreaCode").FillAsync("92");
        await page.GetByLabel("Chiều").SelectOptionAsync("decrease");
        await page.GetByLabel("Giá trị").FillAsync("12,5");
        await page.GetByLabel("Thời hạn").FillAsync("2026-12-31");
        await page.GetByLabel("Kỳ gốc từ ngày").FillAsync("2021-01-01");
        await page.GetByLabel("Kỳ gốc đến ngày").FillAsync("2021-12-31");
        await page.GetByLabel("Giá trị").FillAsync("mười hai");
        await page.GetByTestId("save-target").ClickAsync();
        await Expect(page.FieldError("Input.Value")).ToContainTextAsync("Giá trị phải là một số");
        await Expect(page.GetByLabel("Nội dung chỉ tiêu (như văn bản ghi)")).ToHaveValueAsync("Giảm 12,5% số đơn vị so với năm 2021");
        await page.ScreenshotAsync(javaScript ? "target-form-errors" : "target-form-errors-nojs");
        await page.GetByLabel("Giá trị").FillAsync("12,5");
        await page.GetByTestId("save-target").ClickAsync();
        await Expect(page.GetByTestId("targets").Locator("tbody tr").First).ToContainTextAsync("Giảm 12,5%");

        // A task with a deadline two months on, and a yearly report.
        var due = Today.AddMonths(2);
        await page.GetByTestId("new-task").ClickAsync();
        await page.GetByLabel("Nội dung nhiệm vụ").FillAsync("Sáp nhập các trung tâm văn hóa cấp xã");
        await page.GetByTestId("save-task").ClickAsync();
        await Expect(page.FieldError("Input.LeadAgencyId")).ToHaveTextAsync("Vui lòng chọn cơ quan chủ trì.");
        await Expect(page.FieldError("Input.Deadline")).ToContainTextAsync("Vui lòng chọn thời hạn");
        await Expect(page.GetByLabel("Nội dung nhiệm vụ")).ToHaveValueAsync("Sáp nhập các trung tâm văn hóa cấp xã");
        await page.ScreenshotAsync(javaScript ? "task-form-errors" : "task-form-errors-nojs");
        await page.Locator("#Input_LeadAgencyId").FillAsync("Sở Nội vụ thành phố Cần Thơ");
        await page.GetByLabel("Thời hạn hoàn thành").FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("save-task").ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã giao nhiệm vụ cho Sở Nội vụ thành phố Cần Thơ");
        await page.GetByTestId("new-task").ClickAsync();
        await page.GetByLabel("Nội dung nhiệm vụ").FillAsync("Báo cáo kết quả sắp xếp hằng năm");
        await page.Locator("#Input_LeadAgencyId").FillAsync("Sở Nội vụ thành phố Cần Thơ");
        await page.GetByLabel("Định kỳ", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Chu kỳ (nếu định kỳ)").SelectOptionAsync("quarterly");
        await page.GetByLabel("Trước ngày").FillAsync("20");
        await page.GetByTestId("save-task").ClickAsync();
        var rows = page.GetByTestId("assignments").Locator("tbody tr[data-task-id]");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1)).ToContainTextAsync("Hằng quý, trước ngày 20 tháng cuối quý");

        // The timeline of the plan: one bar ending on the deadline, one mark per quarter in the window (to the end of next year).
        await page.GotoAsync(host.BaseUrl + "/tasks?agencyId=all");
        await page.GetByTestId("view-timeline").ClickAsync();
        await page.Locator("#documentId").SelectOptionAsync(new SelectOptionValue { Label = $"{number} – Sở Nội vụ thành phố Cần Thơ" });
        if (!javaScript)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        }

        var timeline = page.GetByTestId("timeline");
        await Expect(timeline.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(timeline.GetByTestId("timeline-bar")).ToHaveCountAsync(1);
        var quarters = SuNghiep.Core.Rules.TaskRules.Occurrences(
            new SuNghiep.Core.Rules.Recurrence(SuNghiep.Core.Rules.RecurrenceKind.Quarterly, 20), Today, new DateOnly(Today.Year + 1, 12, 31)).Count();
        await Expect(timeline.GetByTestId("timeline-mark")).ToHaveCountAsync(quarters);
        await Expect(page.GetByTestId("timeline-window")).ToContainTextAsync($"đến 31/12/{Today.Year + 1}");
        await Expect(timeline).ToContainTextAsync($"hạn {due:dd/MM/yyyy}");
        Assert.Contains("view=timeline", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(javaScript ? "tasks-timeline" : "tasks-timeline-nojs");
    }

    private static async Task<string?> ParentLabelAsync(IPage page, string number)
    {
        foreach (var option in await page.GetByTestId("parent-select").Locator("option").AllAsync())
        {
            if ((await option.TextContentAsync())!.StartsWith(number + " ", StringComparison.Ordinal))
            {
                return (await option.TextContentAsync())!.Trim();
            }
        }

        return null;
    }
}
