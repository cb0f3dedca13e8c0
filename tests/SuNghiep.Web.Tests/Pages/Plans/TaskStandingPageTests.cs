using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Plans;

/// <summary>The task page and the tasks list tell a task's standing: late completion, missed periods, the tree below, the timeline.</summary>
public sealed class TaskStandingPageTests(AppHosts hosts)
{
    private static readonly DateOnly Today = PlansClient.Today;

    [Theory, DatabaseData]
    public async Task TaskPageAndList_FinishedLateAndMissedPeriods_SayIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var lead = await app.AgencyIdAsync("92.SKHCN");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token(), "2022-01-10"));
        var late = await admin.AddTaskAsync(document.Id, PlansClient.Task("Hoàn thành muộn", lead, new DateOnly(2022, 3, 31)));
        var onTime = await admin.AddTaskAsync(document.Id, PlansClient.Task("Hoàn thành đúng hạn", lead, new DateOnly(2022, 3, 31)));
        var yearly = await admin.AddTaskAsync(document.Id, PlansClient.Yearly("Báo cáo hằng năm", lead, 15, 12));
        await admin.AddProgressAsync(late.Id, PlansClient.Progress(new DateOnly(2024, 8, 31), 100));
        await admin.AddProgressAsync(onTime.Id, PlansClient.Progress(new DateOnly(2022, 3, 20), 100));
        await admin.AddProgressAsync(yearly.Id, PlansClient.Progress(new DateOnly(2022, 12, 1), 100));   // 2022 reported, 2023 missed
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (_, taskPage) = await session.GetAsync($"/tasks/{late.Id}");
        var (_, yearlyPage) = await session.GetAsync($"/tasks/{yearly.Id}");
        var (_, list) = await session.GetAsync($"/tasks?documentId={document.Id}&agencyId=all&pageSize=100");

        Assert.Equal("Hoàn thành quá hạn 2 năm 5 tháng", taskPage.QuerySelector("[data-testid=task-status]")!.TextContent.Trim());
        Assert.Contains("31/08/2024 (quá hạn 2 năm 5 tháng)", taskPage.QuerySelector("[data-testid=task-completed]")!.TextContent);
        Assert.Equal("Hoàn thành quá hạn 2 năm 5 tháng", Status(list, late.Id));
        Assert.Equal("Hoàn thành", Status(list, onTime.Id));
        var missed = yearlyPage.QuerySelectorAll("[data-testid=missed-period]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("kỳ hạn 15/12/2023", missed);
        Assert.DoesNotContain("kỳ hạn 15/12/2022", missed);
        Assert.StartsWith($"Thiếu báo cáo {missed.Count} kỳ", list.QuerySelector($"tr[data-task-id='{yearly.Id}'] [data-testid=missed-periods]")!.TextContent.Trim());
        Assert.Null(list.QuerySelector($"tr[data-task-id='{late.Id}'] [data-testid=missed-periods]"));
    }

    [Theory, DatabaseData]
    public async Task ProgressForm_LowerAfter100WithoutReason_400ThenKeptWithIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Ban hành quy chế", await app.AgencyIdAsync("92.SKHCN"), Today.AddDays(30)));
        await admin.AddProgressAsync(task.Id, PlansClient.Progress(Today.AddDays(-1), 100, "Đã ban hành"));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (_, page) = await session.GetAsync($"/tasks/{task.Id}");
        var form = page.QuerySelector("[data-testid=progress-form] form")!;
        var values = new Dictionary<string, string> { ["Input.Date"] = Display(Today), ["Input.Percent"] = "70", ["Input.Text"] = "Phải sửa đổi" };

        using var refused = await session.PostFormAsync($"/tasks/{task.Id}", form, values);
        var refusedPage = await PageSession.ParseAsync(refused);
        values["Input.Reason"] = "Bộ yêu cầu sửa quy chế";
        using var saved = await session.PostFormAsync($"/tasks/{task.Id}", form, values);
        var (_, after) = await session.GetAsync($"/tasks/{task.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("vui lòng nêu lý do điều chỉnh giảm", refusedPage.QuerySelector("[data-testid='error-Input.Reason']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = after.QuerySelectorAll("[data-testid=progress] tbody tr").ToList();
        Assert.Equal(2, rows.Count);   // the history keeps both reports
        Assert.Contains("Bộ yêu cầu sửa quy chế", rows[0].QuerySelector("[data-field=reason]")!.TextContent);
        Assert.Null(rows[1].QuerySelector("[data-field=reason]"));
        Assert.Equal("in_progress", after.QuerySelector("[data-testid=task-status]")!.GetAttribute("data-status"));
    }

    // 62-KL/TW's task A; a province's task B carries it out; two departments' tasks C (40%) and D (done) carry out B.
    [Theory, DatabaseData]
    public async Task TaskPage_TasksOfEveryLevelBelow_RolledUpAsTheMeanOfTheLeaves(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var lead = await app.AgencyIdAsync("92.SKHCN");
        var top = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var middle = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token(), "2024-02-10", top.Id));
        var bottom = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token(), "2024-03-10", middle.Id));
        var a = await admin.AddTaskAsync(top.Id, PlansClient.Task("Nhiệm vụ A", lead, Today.AddDays(90)));
        var b = await admin.AddTaskAsync(middle.Id, PlansClient.Task("Nhiệm vụ B", lead, Today.AddDays(60)).With("parentTaskId", a.Id));
        var c = await admin.AddTaskAsync(bottom.Id, PlansClient.Task("Nhiệm vụ C", lead, Today.AddDays(30)).With("parentTaskId", b.Id));
        var d = await admin.AddTaskAsync(bottom.Id, PlansClient.Task("Nhiệm vụ D", lead, Today.AddDays(30)).With("parentTaskId", b.Id));
        var control = await admin.AddTaskAsync(bottom.Id, PlansClient.Task("Nhiệm vụ khác", lead, Today.AddDays(30)));
        await admin.AddProgressAsync(b.Id, PlansClient.Progress(Today, 90));   // B has tasks below it: its own report is not a leaf's
        await admin.AddProgressAsync(c.Id, PlansClient.Progress(Today, 40));
        await admin.AddProgressAsync(d.Id, PlansClient.Progress(Today, 100));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (_, page) = await session.GetAsync($"/tasks/{a.Id}");

        var rows = page.QuerySelectorAll("[data-testid=sub-tasks] tbody tr").Select(r => (r.GetAttribute("data-task-id"), r.GetAttribute("data-level"))).ToList();
        Assert.Equal([($"{b.Id}", "1"), ($"{c.Id}", "2"), ($"{d.Id}", "2")], rows);
        Assert.DoesNotContain(($"{control.Id}", "2"), rows);
        Assert.Contains("Tiến độ tổng hợp của các cấp dưới: 70%", page.QuerySelector("[data-testid=roll-up]")!.TextContent.Replace('\n', ' '));
        Assert.Contains("trọng số", page.QuerySelector("[data-testid=roll-up]")!.TextContent);
        Assert.Equal("70%", page.QuerySelector($"tr[data-task-id='{b.Id}'] [data-field=roll-up]")!.TextContent.Trim());
    }

    [Theory, DatabaseData]
    public async Task Timeline_Window_ShowsOnlyDatedTasksWithin(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var lead = await app.AgencyIdAsync("92.SKHCN");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token(), "2016-01-10"));
        var inWindow = await admin.AddTaskAsync(document.Id, PlansClient.Task("Có thời hạn năm nay", lead, new DateOnly(Today.Year, 12, 31)).With("assignedOn", PlansClient.Iso(Today)));
        var far = await admin.AddTaskAsync(document.Id, PlansClient.Task("Có thời hạn năm 2016", lead, new DateOnly(2016, 6, 30)));
        var undated = await admin.AddTaskAsync(document.Id, PlansClient.Task("Không ghi thời hạn", lead));
        var yearly = await admin.AddTaskAsync(document.Id, PlansClient.Yearly("Báo cáo hằng năm", lead, 15, 12));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var url = $"/tasks?view=timeline&agencyId=all&documentId={document.Id}";

        var (_, byDefault) = await session.GetAsync(url);
        var (_, earlier) = await session.GetAsync(url + "&from=01/01/2016&to=31/12/2016");
        var (_, empty) = await session.GetAsync(url + "&from=01/01/2010&to=31/12/2011");
        var (badResponse, bad) = await session.GetAsync(url + "&from=31/12/2026&to=01/01/2026");

        Assert.Equal([inWindow.Id, yearly.Id], Ids(byDefault).Order());   // current year ± 1: no undated task, not the one of 2016
        Assert.Contains($"Từ 01/01/{Today.Year - 1} đến 31/12/{Today.Year + 1}", byDefault.QuerySelector("[data-testid=timeline-window]")!.TextContent);
        Assert.Equal([far.Id, yearly.Id], Ids(earlier).Order());
        Assert.DoesNotContain(undated.Id, Ids(earlier));
        Assert.Empty(Ids(empty));
        Assert.NotNull(empty.QuerySelector("[data-testid=empty]"));
        var next = byDefault.QuerySelector("[data-testid=window-next]")!.GetAttribute("href")!;
        var previous = byDefault.QuerySelector("[data-testid=window-previous]")!.GetAttribute("href")!;
        Assert.Contains($"from={Uri.EscapeDataString($"01/01/{Today.Year + 2}")}&to={Uri.EscapeDataString($"31/12/{Today.Year + 4}")}", next);
        Assert.Contains($"from={Uri.EscapeDataString($"01/01/{Today.Year - 4}")}&to={Uri.EscapeDataString($"31/12/{Today.Year - 2}")}", previous);
        Assert.Contains("Đến ngày phải sau Từ ngày.", bad.QuerySelector("[data-testid=filter-errors]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, badResponse.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task TaskPage_ExplanationAskedAndAnswered_ShownWithTheTask(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.SNV")));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Rà soát quá hạn", await app.AgencyIdAsync("92.SKHCN"), new DateOnly(2024, 6, 30)));
        using var assigner = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SNV"));
        using var lead = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SKHCN"));

        var (_, leadBefore) = await lead.GetAsync($"/tasks/{task.Id}");
        var (_, page) = await assigner.GetAsync($"/tasks/{task.Id}");
        var form = page.QuerySelector("[data-testid=explain-form]")!;
        using var refused = await assigner.PostFormAsync(form.GetAttribute("action")!, form, new() { ["Explain.Message"] = "" });
        var refusedPage = await PageSession.ParseAsync(refused);
        using var asked = await assigner.PostFormAsync(form.GetAttribute("action")!, form, new() { ["Explain.Message"] = "Đề nghị giải trình" });
        var (_, leadPage) = await lead.GetAsync($"/tasks/{task.Id}");
        var requestId = leadPage.QuerySelector("[data-testid=explanations] li[data-request-id]")!.GetAttribute("data-request-id");
        var (_, assignerReminders) = await assigner.GetAsync("/notifications");
        var (_, leadReminders) = await lead.GetAsync("/notifications");
        var answerForm = leadPage.QuerySelector("[data-testid=answer-form]")!;
        using var answered = await lead.PostFormAsync(answerForm.GetAttribute("action")!, answerForm, new() { ["Answer.Text"] = "Chậm do chờ ý kiến của Bộ" });
        var (_, after) = await assigner.GetAsync($"/tasks/{task.Id}");
        var (_, remindersAfter) = await assigner.GetAsync("/notifications");

        Assert.Null(leadBefore.QuerySelector("[data-testid=explain-form]"));   // the lead agency does not ask itself
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(refusedPage.QuerySelector("[data-testid='error-Explain.Message']"));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Null(page.QuerySelector("[data-testid=answer-form]"));         // the assigner does not answer
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        // Both sides see the open request in their reminders until it is answered.
        var open = $"[data-testid=open-explanations] li[data-request-id='{requestId}']";
        Assert.NotNull(assignerReminders.QuerySelector(open));
        Assert.NotNull(leadReminders.QuerySelector(open));
        Assert.Contains("Yêu cầu giải trình", leadReminders.QuerySelector("[data-testid=notifications]")!.TextContent);
        Assert.Null(remindersAfter.QuerySelector(open));
        var request = after.QuerySelector("[data-testid=explanations] li[data-request-id]")!;
        Assert.Equal(("false", "Đề nghị giải trình", "Chậm do chờ ý kiến của Bộ"),
            (request.GetAttribute("data-open"), request.QuerySelector("[data-field=message]")!.TextContent.Trim(), request.QuerySelector("[data-field=answer]")!.TextContent.Trim()));
    }

    private static string Display(DateOnly date) => Web.Pages.Shared.Display.Date(date);

    private static string Status(IDocument page, int taskId) =>
        page.QuerySelector($"tr[data-task-id='{taskId}'] [data-testid=task-status]")!.TextContent.Trim();

    private static List<int> Ids(IDocument page) =>
        page.QuerySelectorAll("[data-testid=timeline] tbody tr[data-task-id]").Select(r => int.Parse(r.GetAttribute("data-task-id")!)).ToList();
}
