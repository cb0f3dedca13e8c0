using System.Globalization;
using Microsoft.Playwright;
using SuNghiep.Core.Plans;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>The plans: the cascade of documents, a task's progress, and an agency's late tasks.</summary>
public sealed class PlanJourneyTests(HostFixture host)
{
    private const string DistrictPlan = "…/KH-UBND";

    private static string Unique() => Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);

    private static DateOnly Today => SuNghiep.Core.VietnamTime.Today(TimeProvider.System);

    private static string Vn(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(email, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        return page;
    }

    private async Task<TaskView> HealthTaskAsync(string content, DateOnly? deadline, string document = "62-KL/TW") =>
        await host.AddTaskAsync(document, new TaskInput(
            content, null, await host.AgencyIdAsync("92.SYT"), [], deadline, null, "Báo cáo kết quả", null, null, null));

    [Fact]
    public async Task Cascade_From62KLTW_DownToTheTamNongDistrictPlan_ThroughTreeAndDocumentPages()
    {
        // The district's tasks lie outside the demo province: the administrator sees them all.
        var page = await SignedInAsync(HostFixture.AdminEmail);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Văn bản" }).ClickAsync();
        await page.WaitForURLAsync("**/documents");
        var tree = page.GetByTestId("document-tree");

        // 19-NQ/TW is a root (other journeys add plans of their own); 62-KL/TW sits under it, not beside it; the district
        // plan under each of its three parents.
        var roots = tree.Locator(":scope > li");
        var resolution = roots.Filter(new() { Has = page.Locator(":scope > [data-testid=document-link]", new() { HasTextString = "19-NQ/TW" }) });
        await Expect(resolution).ToHaveCountAsync(1);
        await Expect(roots.Locator(":scope > [data-testid=document-link]", new() { HasTextString = "62-KL/TW" })).ToHaveCountAsync(0);
        var conclusion = resolution.Locator(":scope > ul > li").Filter(new() { Has = page.Locator(":scope > a", new() { HasTextString = "62-KL/TW" }) });
        await Expect(conclusion).ToHaveCountAsync(1);
        await Expect(conclusion.Locator(":scope > ul > li > a", new() { HasTextString = DistrictPlan })).ToHaveCountAsync(1);
        await Expect(tree.Locator("a[data-testid=document-link]", new() { HasTextString = DistrictPlan })).ToHaveCountAsync(3);
        await Expect(conclusion.Locator(":scope > span.badge").First).ToHaveTextAsync("Kết luận");
        await page.ScreenshotAsync("documents-tree");

        // Down the tree: the conclusion's page lists the district plan among the documents that implement it.
        await conclusion.Locator(":scope > a[data-testid=document-link]").ClickAsync();
        await Expect(page.GetByTestId("document-title")).ToHaveTextAsync("Kết luận số 62-KL/TW");
        await Expect(page.GetByTestId("document-parents").GetByTestId("parent-link")).ToHaveTextAsync(["Nghị quyết 19-NQ/TW"]);
        var child = page.GetByTestId("document-children").GetByTestId("child-link").Filter(new() { HasTextString = DistrictPlan });
        await Expect(child).ToHaveCountAsync(1);
        await child.ClickAsync();

        // The district plan: its header, its three parents, and its tasks in the assignment table.
        await Expect(page.GetByTestId("document-title")).ToHaveTextAsync($"Kế hoạch số {DistrictPlan}");
        var fields = page.GetByTestId("document-fields");
        await Expect(fields).ToContainTextAsync("05/04/2024");
        await Expect(fields).ToContainTextAsync("Ủy ban nhân dân huyện Tam Nông");
        await Expect(page.GetByTestId("document-parents").GetByTestId("parent-link"))
            .ToHaveTextAsync(["Kết luận 62-KL/TW", "Kế hoạch 234-KH/TU", "Công văn 475-CV/VPHU"]);
        var targets = page.GetByTestId("targets").Locator("tbody tr");
        await Expect(targets).ToHaveCountAsync(7);
        await Expect(targets.First.Locator("td").First).ToHaveTextAsync("Số đơn vị sự nghiệp công lập");
        await Expect(targets.First.Locator("[data-field=baseline]")).ToHaveTextAsync("Năm 2021");
        await Expect(targets.First.Locator("[data-field=target]")).ToHaveTextAsync("Giảm 10%");
        await Expect(targets.First.Locator("[data-field=deadline]")).ToHaveTextAsync("31/12/2026");
        // Measured from the register: a status badge with its word and the sentence that explains it.
        await Expect(targets.First.GetByTestId("target-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            "^(Đã đạt|Đúng tiến độ|Có nguy cơ không đạt|Không đạt|Chưa đo được)$"));
        await Expect(targets.First.GetByTestId("target-explanation")).ToContainTextAsync("năm 2021");
        await page.ScreenshotAsync("document-targets");
        var table = page.GetByTestId("assignments");
        await Expect(table.Locator("thead th")).ToHaveTextAsync(
            ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Sản phẩm", "Tình trạng"]);
        var tasks = table.Locator("tbody tr[data-task-id]");
        await Expect(tasks).ToHaveCountAsync(10);
        await Expect(tasks.First.Locator("td").First).ToHaveTextAsync("1");
        await Expect(tasks.First.Locator("td").Nth(2)).ToHaveTextAsync("Ủy ban nhân dân huyện Tam Nông");
        await page.ScreenshotAsync("document-district-plan");

        // And back up: the parent link leads to the conclusion again.
        await page.GetByTestId("document-parents").GetByTestId("parent-link").First.ClickAsync();
        await Expect(page.GetByTestId("document-title")).ToHaveTextAsync("Kết luận số 62-KL/TW");
    }

    [Fact]
    public async Task TaskPage_ReportProgress_RefusesABadPercentNextToItsField_ThenShowsTheReport()
    {
        var n = Unique();
        var task = await HealthTaskAsync($"Rà soát phương án tự chủ của các bệnh viện {n}", Today.AddDays(60));
        var page = await SignedInAsync(HostFixture.HealthOfficerEmail);
        await page.GotoAsync($"/tasks/{task.Id}");
        await Expect(page.GetByTestId("task-title")).ToHaveTextAsync(task.Content);
        await Expect(page.GetByTestId("task-deadline")).ToHaveTextAsync(Vn(Today.AddDays(60)));
        await Expect(page.GetByTestId("no-progress")).ToBeVisibleAsync();

        // A percent over 100 is refused, the message under the field, with 400.
        var form = page.GetByTestId("progress-form");
        await form.Locator("#Input_Text").FillAsync($"Đã rà soát 12 bệnh viện {n}");
        await form.Locator("#Input_Percent").FillAsync("150");
        var response = await page.RunAndWaitForResponseAsync(
            () => form.GetByTestId("save-progress").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await Expect(page.FieldError("Input.Percent")).ToHaveTextAsync("Tỷ lệ hoàn thành phải từ 0 đến 100.");
        await Expect(form.Locator("#Input_Text")).ToHaveValueAsync($"Đã rà soát 12 bệnh viện {n}");

        // 40% on today's date is recorded, and the page shows it after the redirect.
        await form.Locator("#Input_Percent").FillAsync("40");
        await form.GetByTestId("save-progress").ClickAsync();
        await page.WaitForURLAsync($"**/tasks/{task.Id}");
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã ghi nhận tiến độ");
        var row = page.GetByTestId("progress").Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-field=date]")).ToHaveTextAsync(Vn(Today));
        await Expect(row.Locator("[data-field=text]")).ToHaveTextAsync($"Đã rà soát 12 bệnh viện {n}");
        await Expect(row.Locator("[data-field=percent]")).ToHaveTextAsync("40%");
        await Expect(page.GetByTestId("task-percent")).ToContainTextAsync("40%");
        await Expect(page.GetByTestId("task-status")).ToHaveTextAsync("Đang thực hiện");
        await page.ScreenshotAsync("task-progress");
    }

    [Fact]
    public async Task TasksPage_ALateTaskComesFirstWithTheRedBadge_OnTheAgencysList()
    {
        var n = Unique();
        // 19-NQ/TW is the oldest document: a deadline the day after it is older than any other task's.
        var late = await HealthTaskAsync($"Báo cáo sơ kết nhiệm vụ quá hạn {n}", new DateOnly(2017, 10, 26), "19-NQ/TW");
        var upcoming = await HealthTaskAsync($"Nhiệm vụ sắp đến hạn {n}", Today.AddDays(3));
        var page = await SignedInAsync(HostFixture.HealthOfficerEmail);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Nhiệm vụ" }).ClickAsync();
        await page.WaitForURLAsync("**/tasks");

        // The officer's own agency is the default filter; choosing it explicitly gives the same list.
        var agency = await host.AgencyIdAsync("92.SYT");
        // The picker sends the id in its hidden field and shows the agency's name and code.
        await Expect(page.Locator("input[type=hidden][name=agencyId]")).ToHaveValueAsync(agency.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#agencyId")).ToHaveValueAsync("Sở Y tế thành phố Cần Thơ (92.SYT)");
        await page.GotoAsync($"/tasks?agencyId={agency}");
        var rows = page.GetByTestId("tasks").Locator("tbody tr");
        var first = rows.First;
        await Expect(first).ToHaveAttributeAsync("data-task-id", late.Id.ToString(CultureInfo.InvariantCulture));
        await Expect(first.GetByTestId("task-status")).ToHaveTextAsync("Quá hạn");
        await Expect(first.GetByTestId("task-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-bg-danger"));
        await Expect(first.GetByTestId("task-deadline")).ToHaveTextAsync("26/10/2017");
        await Expect(first.GetByTestId("task-document")).ToHaveTextAsync("19-NQ/TW");

        // The task due in three days is marked, after every late task.
        var soon = rows.Filter(new() { Has = page.GetByText(upcoming.Content) });
        await Expect(soon.GetByTestId("due-soon")).ToHaveTextAsync("Sắp đến hạn");
        var order = await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.querySelector('[data-testid=task-status]').dataset.status)");
        var lastLate = Array.LastIndexOf(order, "late");
        var soonIndex = await rows.EvaluateAllAsync<int>($"rs => rs.findIndex(r => r.dataset.taskId === '{upcoming.Id}')");
        Assert.True(soonIndex > lastLate, $"the task due soon is at {soonIndex}, a late one at {lastLate}");

        // Filtering on "Quá hạn" keeps the late task and drops the one due soon.
        await page.Locator("#status").SelectOptionAsync("late");
        await page.WaitForURLAsync(url => url.Contains("status=late", StringComparison.Ordinal));
        await Expect(rows.First).ToHaveAttributeAsync("data-task-id", late.Id.ToString(CultureInfo.InvariantCulture));
        await Expect(rows.Filter(new() { Has = page.GetByText(upcoming.Content) })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("tasks-late");
    }
}
