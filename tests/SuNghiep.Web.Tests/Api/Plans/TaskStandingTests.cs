using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// What a task's standing tells: each period a recurring task missed, how late a task was finished, why a report lowered
/// a finished task, and the explanation the assigning level asked of a late task.
/// </summary>
[Collection(nameof(Sweeps))]
public sealed class TaskStandingTests(AppHosts hosts)
{
    private static readonly DateOnly Today = PlansClient.Today;

    [Theory, DatabaseData]
    public async Task Get_QuarterlyTask_ListsEachMissedPeriod(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var body = PlansClient.Yearly("Báo cáo hằng quý", await app.AgencyIdAsync("92.SKHCN"), 20, 12);
        body["recurrence"]!["kind"] = "quarterly";
        var task = await admin.AddTaskAsync(document.Id, body);
        var control = await admin.AddTaskAsync(document.Id, PlansClient.Task("Nhiệm vụ có thời hạn", await app.AgencyIdAsync("92.SKHCN"), Today.AddDays(30)));

        // Q1 and Q3 of 2024 on time; Q2 of 2024 and every later quarter are missing.
        await admin.AddProgressAsync(task.Id, PlansClient.Progress(new DateOnly(2024, 3, 15), 100, "Báo cáo quý I"));
        await admin.AddProgressAsync(task.Id, PlansClient.Progress(new DateOnly(2024, 9, 1), 100, "Báo cáo quý III"));
        var read = await PlansClient.OkJsonAsync<TaskView>(admin, $"/api/v1/tasks/{task.Id}");
        var listed = (await admin.ListTasksAsync($"documentId={document.Id}&pageSize=500")).Items;

        var due = TaskRules.Occurrences(new Recurrence(RecurrenceKind.Quarterly, 20), new DateOnly(2024, 1, 10), Today.AddDays(-1)).ToList();
        Assert.Equal(due.Except([new DateOnly(2024, 3, 20), new DateOnly(2024, 9, 20)]), read.MissedPeriods!);
        Assert.Contains(new DateOnly(2024, 6, 20), read.MissedPeriods!);
        Assert.Equal(read.MissedPeriods, listed.Find(task.Id).MissedPeriods);
        Assert.Null(listed.Find(control.Id).MissedPeriods);   // a one-off task has no periods
    }

    [Theory, DatabaseData]
    public async Task Post_100PercentAfterTheDeadline_SaysHowLate(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var lead = await app.AgencyIdAsync("92.SKHCN");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token(), "2022-01-10"));
        var late = await admin.AddTaskAsync(document.Id, PlansClient.Task("Hoàn thành muộn", lead, new DateOnly(2022, 3, 31)));
        var onTime = await admin.AddTaskAsync(document.Id, PlansClient.Task("Hoàn thành đúng hạn", lead, new DateOnly(2022, 3, 31)));
        var setDone = await admin.AddTaskAsync(document.Id, PlansClient.Task("Đặt hoàn thành", lead, new DateOnly(2022, 3, 31)));

        await admin.AddProgressAsync(late.Id, PlansClient.Progress(new DateOnly(2024, 8, 31), 100));
        await admin.AddProgressAsync(onTime.Id, PlansClient.Progress(new DateOnly(2022, 3, 31), 100));
        using (var status = await admin.PostJsonAsync($"/api/v1/tasks/{setDone.Id}/status", new JsonObject { ["status"] = "done" }))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }

        var tasks = (await PlansClient.OkJsonAsync<TaskView>(admin, $"/api/v1/tasks/{late.Id}"),
            await PlansClient.OkJsonAsync<TaskView>(admin, $"/api/v1/tasks/{onTime.Id}"),
            await PlansClient.OkJsonAsync<TaskView>(admin, $"/api/v1/tasks/{setDone.Id}"));
        Assert.Equal(("done", new DateOnly(2024, 8, 31), new Elapsed(2, 5, 0)), (tasks.Item1.Status, tasks.Item1.CompletedOn!.Value, tasks.Item1.CompletedLateBy!));
        Assert.Equal(("done", new DateOnly(2022, 3, 31), (Elapsed?)null), (tasks.Item2.Status, tasks.Item2.CompletedOn!.Value, tasks.Item2.CompletedLateBy));
        Assert.Equal((Today, TaskRules.Between(new DateOnly(2022, 3, 31), Today)), (tasks.Item3.CompletedOn!.Value, tasks.Item3.CompletedLateBy!));
    }

    [Theory, DatabaseData]
    public async Task Post_LowerThan100AfterIt_NeedsAReasonAndKeepsTheHistory(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Ban hành quy chế", await app.AgencyIdAsync("92.SKHCN"), Today.AddDays(30)));
        await admin.AddProgressAsync(task.Id, PlansClient.Progress(Today.AddDays(-2), 100, "Đã ban hành"));

        using var refused = await admin.PostJsonAsync($"/api/v1/tasks/{task.Id}/progress", PlansClient.Progress(Today, 80, "Phải sửa đổi"));
        var afterRefusal = await PlansClient.OkJsonAsync<TaskView>(admin, $"/api/v1/tasks/{task.Id}");
        var lowered = await admin.AddProgressAsync(task.Id, PlansClient.Progress(Today, 80, "Phải sửa đổi").With("reason", "Bộ yêu cầu sửa quy chế"));
        var read = await PlansClient.OkJsonAsync<TaskView>(admin, $"/api/v1/tasks/{task.Id}");
        var history = await app.WithDbAsync((db, _) => db.TaskProgress.Where(p => p.TaskId == task.Id).OrderBy(p => p.Id)
            .Select(p => new { p.Percent, p.Reason }).ToListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["reason"], (await refused.ValidationErrorsAsync()).Keys);
        Assert.Equal(("done", 100), (afterRefusal.Status, afterRefusal.Percent!.Value));
        Assert.Equal("Bộ yêu cầu sửa quy chế", lowered.Reason);
        Assert.Equal(("in_progress", 80, (DateOnly?)null), (read.Status, read.Percent!.Value, read.CompletedOn));   // no longer done
        Assert.Equal([(100, (string?)null), (80, "Bộ yêu cầu sửa quy chế")], history.Select(h => (h.Percent, h.Reason)));
    }

    [Theory, DatabaseData]
    public async Task Explanation_AssignerAsksLeadAnswers_StaysWithTheTaskAndInTheReminders(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (assigner, assignerEmail) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SNV");
        var (lead, leadEmail) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SKHCN");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.SNV")));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Rà soát quá hạn", await app.AgencyIdAsync("92.SKHCN"), new DateOnly(2024, 6, 30)));
        var notLate = await admin.AddTaskAsync(document.Id, PlansClient.Task("Còn hạn", await app.AgencyIdAsync("92.SKHCN"), Today.AddDays(60)));
        var ask = new JsonObject { ["deadline"] = PlansClient.Iso(Today.AddDays(7)), ["message"] = "Đề nghị giải trình lý do chậm rà soát" };

        using var byLead = await lead.PostJsonAsync($"/api/v1/tasks/{task.Id}/explanation-requests", ask.DeepClone());
        using var onTime = await assigner.PostJsonAsync($"/api/v1/tasks/{notLate.Id}/explanation-requests", ask.DeepClone());
        using var noDeadline = await assigner.PostJsonAsync($"/api/v1/tasks/{task.Id}/explanation-requests", ask.DeepClone().AsObject().With("deadline", null));
        var request = await PlansClient.CreatedAsync<ExplanationRequestView>(await assigner.PostJsonAsync($"/api/v1/tasks/{task.Id}/explanation-requests", ask.DeepClone()));
        var leadNotices = await NoticesAsync(app, leadEmail, task.Id);

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(["taskId"], (await onTime.ValidationErrorsAsync()).Keys);
        Assert.Equal(["deadline"], (await noDeadline.ValidationErrorsAsync()).Keys);
        Assert.Equal(("Sở Nội vụ", Today.AddDays(7), true), (request.RequestedByAgencyName![..9], request.Deadline, request.Open));
        Assert.Equal([(NotificationKind.ExplanationRequested, false)], leadNotices);

        var url = $"/api/v1/tasks/{task.Id}/explanation-requests/{request.Id}/answer";
        using var byAssigner = await assigner.PostJsonAsync(url, new JsonObject { ["answer"] = "Tự trả lời" });
        using var empty = await lead.PostJsonAsync(url, new JsonObject { ["answer"] = " " });
        using var answered = await lead.PostJsonAsync(url, new JsonObject { ["answer"] = "Chậm do chờ ý kiến của Bộ" });
        using var again = await lead.PostJsonAsync(url, new JsonObject { ["answer"] = "Trả lời lần hai" });
        var read = await PlansClient.OkJsonAsync<TaskView>(assigner, $"/api/v1/tasks/{task.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, byAssigner.StatusCode);
        Assert.Equal(["answer"], (await empty.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(["answer"], (await again.ValidationErrorsAsync()).Keys);
        var kept = Assert.Single(read.ExplanationRequests!);
        Assert.Equal(("Đề nghị giải trình lý do chậm rà soát", "Chậm do chờ ý kiến của Bộ", false), (kept.Message, kept.Answer, kept.Open));
        Assert.Equal([(NotificationKind.ExplanationRequested, true)], await NoticesAsync(app, leadEmail, task.Id));   // answered: read
        Assert.Equal([(NotificationKind.ExplanationAnswered, false)], await NoticesAsync(app, assignerEmail, task.Id));
        var audited = await app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(e => e.EntityType == nameof(TaskExplanationRequest)
            && e.EntityId == request.Id.ToString()));
        Assert.Equal(2, audited);   // the request, then the answer
    }

    [Theory, DatabaseData]
    public async Task Sweep_OpenRequest_RemindsANewUserOfTheLeadAgency(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Rà soát quá hạn", await app.AgencyIdAsync("92.SKHCN"), new DateOnly(2024, 6, 30)));
        await PlansClient.CreatedAsync<ExplanationRequestView>(await admin.PostJsonAsync($"/api/v1/tasks/{task.Id}/explanation-requests",
            new JsonObject { ["deadline"] = PlansClient.Iso(Today.AddDays(3)), ["message"] = "Giải trình" }));
        var newcomer = await app.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SKHCN");

        await app.SweepAsync(Today);

        Assert.Contains((NotificationKind.ExplanationRequested, false), await NoticesAsync(app, newcomer, task.Id));
    }

    private static Task<List<(NotificationKind, bool)>> NoticesAsync(SuNghiepApp app, string email, int taskId) =>
        app.WithDbAsync(async (db, _) => (await db.Notifications.IgnoreQueryFilters()
                .Where(n => n.TaskId == taskId && n.User!.Email == email && (n.Kind == NotificationKind.ExplanationRequested || n.Kind == NotificationKind.ExplanationAnswered))
                .Select(n => new { n.Kind, Read = n.ReadAt != null }).ToListAsync())
            .Select(n => (n.Kind, n.Read)).ToList());
}
