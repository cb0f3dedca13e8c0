using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>A task assignment table loaded from Excel into a plan: a bad row is listed and nothing is added, the fixed file adds all.</summary>
public sealed class TaskImportJourneyTests(HostFixture host)
{
    private static readonly string[] Headers =
        ["STT", "Mục", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành", "Sản phẩm", "Nhiệm vụ cấp trên"];

    /// <summary>A plan of the demo province, recorded as the system would: the journey starts from it.</summary>
    private async Task<DocumentView> PlanAsync(string n)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "browser tests", null);
        var result = await scope.ServiceProvider.GetRequiredService<PlanService>().CreateDocumentAsync(new DocumentInput(
            "plan", $"{n}/KH-SNV", "Sở Nội vụ thành phố Cần Thơ", new DateOnly(2024, 3, 1), $"Kế hoạch thử nhập biểu {n}", null, [], null,
            await db.Agencies.Where(a => a.Code == "92.SNV").Select(a => (int?)a.Id).SingleAsync()));
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Fact]
    public async Task TaskImport_BadRowThenFixed_ListsTheProblemThenAddsEveryTask()
    {
        var n = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var document = await PlanAsync(n);
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"/documents/{document.Id}");
        await Expect(page.GetByTestId("no-tasks")).ToBeVisibleAsync();
        await page.GetByTestId("task-import-link").ClickAsync();
        await page.WaitForURLAsync($"**/documents/{document.Id}/tasks/import");

        var folder = Path.Combine(Path.GetTempPath(), "sunghiep-task-import-" + n);
        Directory.CreateDirectory(folder);
        string Save(string name, params object?[][] rows)
        {
            var path = Path.Combine(folder, name);
            MiniExcel.SaveAs(path, rows.Select(r => Headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2)).ToList());
            return path;
        }

        object?[] Report = [1, "I", $"Báo cáo kết quả sắp xếp {n}", "Sở Nội vụ thành phố Cần Thơ", "92.STC", "Hằng năm, trước ngày 15/12", "Báo cáo", null];
        object?[] Project(string lead) => [2, "I", $"Xây dựng đề án {n}", lead, null, "30/06/2030", "Đề án", null];

        await page.Locator("#Upload").SetInputFilesAsync(Save("co-loi.xlsx", Report, Project("Sở Không Có")));
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("import-submit").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        var problem = page.Locator("[data-testid=import-problems] tbody tr");
        await Expect(problem).ToHaveCountAsync(1);
        await Expect(problem).ToHaveAttributeAsync("data-row", "3");
        await Expect(problem).ToHaveAttributeAsync("data-column", "D");
        await Expect(problem).ToContainTextAsync("Không có cơ quan nào tên \"Sở Không Có\"");
        await Expect(page.GetByTestId("import-problems-summary")).ToContainTextAsync("Chưa có nhiệm vụ nào được thêm");
        await page.ScreenshotAsync("task-import-problems");

        // Nothing was added; the fixed file adds both rows, and the document's table shows them.
        await page.GotoAsync($"/documents/{document.Id}");
        await Expect(page.GetByTestId("no-tasks")).ToBeVisibleAsync();
        await page.GotoAsync($"/documents/{document.Id}/tasks/import");
        await page.Locator("#Upload").SetInputFilesAsync(Save("dung.xlsx", Report, Project("92.SYT")));
        await page.GetByTestId("import-submit").ClickAsync();
        await page.WaitForURLAsync($"**/documents/{document.Id}");
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã thêm 2 nhiệm vụ từ tệp \"dung.xlsx\"");
        var rows = page.GetByTestId("assignments").Locator("tbody tr[data-task-id]");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync($"Báo cáo kết quả sắp xếp {n}");
        await Expect(rows.Nth(0).Locator("td").Nth(2)).ToHaveTextAsync("Sở Nội vụ thành phố Cần Thơ");
        await Expect(rows.Nth(0).Locator("td").Nth(3)).ToHaveTextAsync("Sở Tài chính thành phố Cần Thơ");
        await Expect(rows.Nth(0).Locator("td").Nth(4)).ToHaveTextAsync("Hằng năm, trước 15/12");
        await Expect(rows.Nth(1).Locator("td").Nth(2)).ToHaveTextAsync("Sở Y tế thành phố Cần Thơ");
        await Expect(rows.Nth(1).Locator("td").Nth(4)).ToHaveTextAsync("30/06/2030");
        await page.ScreenshotAsync("task-import-done");
        Directory.Delete(folder, recursive: true);
    }
}
