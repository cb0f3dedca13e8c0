using System.Net;
using System.Text.Json;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// The reminder sweep: the lead agency's users hear of a task due soon or late, the assigning level of a task that became
/// late, each once; the API shows a user their own notifications only.
/// </summary>
[Collection(nameof(Sweeps))]
public sealed class ReminderTests(AppHosts hosts)
{
    private static readonly DateOnly Deadline = new(2001, 3, 15);

    [Theory, DatabaseData]
    public async Task Sweep_TaskDueWithinTheWindow_NotifiesTheLeadAgencysUsersOnce(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (lead, leadCode, _) = await app.CreateAgencyAsync();
        var (other, otherCode, _) = await app.CreateAgencyAsync();
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: leadCode);
        var (outsider, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: otherCode);
        var document = await admin.CreateDocument2001Async(token, null, app);
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Rà soát {token}", lead, Deadline));
        var later = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Báo cáo {token}", lead, new DateOnly(2001, 3, 31)));   // outside the window
        var elsewhere = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Việc khác {token}", other, new DateOnly(2001, 6, 30)));

        await app.SweepAsync(new DateOnly(2001, 3, 10));
        var first = await officer.NotificationsAsync();
        await app.SweepAsync(new DateOnly(2001, 3, 10));
        await app.SweepAsync(new DateOnly(2001, 3, 11));   // another day in the window: the same due date, no new notice
        var again = await officer.NotificationsAsync();

        var n = Assert.Single(first.Items);
        Assert.Equal((task.Id, "due_soon", Deadline, (DateTime?)null), (n.TaskId, n.Kind, n.DueOn, n.ReadAt));
        Assert.Equal($"Nhiệm vụ \"Rà soát {token}\" (văn bản {document.Number}) đến hạn ngày 15/03/2001.", n.Message);
        Assert.Equal((1, 1), (first.Total, first.Unread));
        Assert.Equal([n.Id], again.Items.Select(i => i.Id));
        Assert.Equal(1, await app.CountForTaskAsync(task.Id));
        Assert.Equal(0, await app.CountForTaskAsync(later.Id));
        Assert.Equal(0, await app.CountForTaskAsync(elsewhere.Id));
        Assert.Empty((await outsider.NotificationsAsync()).Items);
    }

    [Theory, DatabaseData]
    public async Task Sweep_LongTask_NamesItShortenedAtAWord(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (lead, leadCode, _) = await app.CreateAgencyAsync();
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: leadCode);
        var document = await admin.CreateDocument2001Async(token, null, app);
        var content = $"Rà soát {token} " + string.Join(" ", Enumerable.Repeat("sắp xếp tổ chức bộ máy,", 20));
        await admin.AddTaskAsync(document.Id, PlansClient.Task(content, lead, Deadline));

        await app.SweepAsync(new DateOnly(2001, 3, 10));

        var message = Assert.Single((await officer.NotificationsAsync()).Items).Message;
        var named = message.Split('"')[1];
        Assert.EndsWith("…", named, StringComparison.Ordinal);
        Assert.InRange(named.Length, 100, 121);
        Assert.StartsWith(named[..^1], content, StringComparison.Ordinal);
        Assert.True(content[named.Length - 1] is ' ' or ',', $"cut inside a word: {named}");   // after a whole word, its comma dropped
        Assert.False(named[^2] is ',' or ' ', named);
    }

    // Who assigned a task: the document's issuing agency; for a document with none, the lead of the parent task; else nobody.
    public static TheoryData<string> Assigners => new() { "issuer", "parent task", "nobody" };

    [Theory, DatabaseData(nameof(Assigners))]
    public async Task Sweep_LateTask_NotifiesTheLeadAndTheAssigningLevel(DatabaseProvider provider, string assigner)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (lead, leadCode, leadName) = await app.CreateAgencyAsync();
        var (upper, upperCode, _) = await app.CreateAgencyAsync();
        var (leadOfficer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: leadCode);
        var (upperOfficer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: upperCode);
        var document = await admin.CreateDocument2001Async(token, assigner == "issuer" ? upper : null, app);
        var body = PlansClient.Task($"Sắp xếp {token}", lead, Deadline);
        if (assigner == "parent task")
        {
            var parent = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Chỉ đạo {token}", upper, new DateOnly(2001, 12, 31)));
            body["parentTaskId"] = parent.Id;
        }

        var task = await admin.AddTaskAsync(document.Id, body);

        var result = await app.SweepAsync(new DateOnly(2001, 3, 16));
        var toLead = await leadOfficer.NotificationsAsync();
        var toUpper = await upperOfficer.NotificationsAsync();

        var late = Assert.Single(toLead.Items);
        Assert.Equal((task.Id, "late", Deadline), (late.TaskId, late.Kind, late.DueOn));
        Assert.Equal($"Nhiệm vụ \"Sắp xếp {token}\" (văn bản {document.Number}) đã quá hạn (hạn ngày 15/03/2001).", late.Message);
        Assert.True(result.Late >= 1, $"the sweep reports {result.Late} late notices");
        if (assigner == "nobody")
        {
            Assert.Empty(toUpper.Items);
        }
        else
        {
            var assigned = Assert.Single(toUpper.Items);
            Assert.Equal((task.Id, "assigned_late", Deadline), (assigned.TaskId, assigned.Kind, assigned.DueOn));
            Assert.StartsWith($"Nhiệm vụ do cơ quan anh/chị giao cho {leadName}: \"Sắp xếp {token}\"", assigned.Message, StringComparison.Ordinal);
            Assert.True(result.AssignedLate >= 1, $"the sweep reports {result.AssignedLate} notices to assigning levels");
        }
    }

    [Theory, DatabaseData]
    public async Task Sweep_LateYearlyTask_NamesTheMissedOccurrence(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (lead, leadCode, _) = await app.CreateAgencyAsync();
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: leadCode);
        var document = await admin.CreateDocument2001Async(token, null, app);
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Yearly($"Báo cáo năm {token}", lead, 15, 2));
        await admin.AddProgressAsync(task.Id, PlansClient.Progress(new DateOnly(2001, 2, 10), 100));   // the 2001 report came in

        await app.SweepAsync(new DateOnly(2002, 2, 20));   // the 2002 report did not

        var n = Assert.Single((await officer.NotificationsAsync()).Items);
        Assert.Equal(("late", new DateOnly(2002, 2, 15)), (n.Kind, n.DueOn));
    }

    [Theory, DatabaseData]
    public async Task MarkRead_OwnAndAnotherUsersNotification_OnlyTheOwnerCanReadAndMarkIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (lead, leadCode, _) = await app.CreateAgencyAsync();
        var (_, otherCode, _) = await app.CreateAgencyAsync();
        var (owner, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: leadCode);
        var (stranger, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: otherCode);
        var document = await admin.CreateDocument2001Async(token, null, app);
        await admin.AddTaskAsync(document.Id, PlansClient.Task($"Việc một {token}", lead, new DateOnly(2001, 3, 12)));
        await admin.AddTaskAsync(document.Id, PlansClient.Task($"Việc hai {token}", lead, new DateOnly(2001, 3, 14)));
        await app.SweepAsync(new DateOnly(2001, 3, 10));
        var mine = (await owner.NotificationsAsync()).Items;
        Assert.Equal(2, mine.Count);

        using var strangerRead = await stranger.PostAsync($"/api/v1/notifications/{mine[0].Id}/read", null);
        using var strangerAll = await stranger.PostAsync("/api/v1/notifications/read-all", null);
        var afterStranger = await owner.NotificationsAsync("unread=true");
        using var ownerRead = await owner.PostAsync($"/api/v1/notifications/{mine[0].Id}/read", null);
        var afterOne = await owner.NotificationsAsync();
        var unreadOnly = await owner.NotificationsAsync("unread=true");
        using var ownerAll = await owner.PostAsync("/api/v1/notifications/read-all", null);
        var afterAll = await owner.NotificationsAsync();

        Assert.Equal(HttpStatusCode.NotFound, strangerRead.StatusCode);
        Assert.Equal("{\"marked\":0}", await strangerAll.Content.ReadAsStringAsync());
        Assert.Equal((2, 2), (afterStranger.Total, afterStranger.Unread));
        Assert.Equal(HttpStatusCode.OK, ownerRead.StatusCode);
        Assert.NotNull(afterOne.Items.Single(i => i.Id == mine[0].Id).ReadAt);
        Assert.Equal((2, 1), (afterOne.Total, afterOne.Unread));
        Assert.Equal([mine[1].Id], unreadOnly.Items.Select(i => i.Id));
        Assert.Equal("{\"marked\":1}", await ownerAll.Content.ReadAsStringAsync());
        Assert.Equal(0, afterAll.Unread);
        Assert.All(afterAll.Items, i => Assert.NotNull(i.ReadAt));
    }

    [Theory, DatabaseData]
    public async Task List_NewestFirstAndPaged(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (lead, leadCode, _) = await app.CreateAgencyAsync();
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: leadCode);
        var document = await admin.CreateDocument2001Async(token, null, app);
        var first = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Trước {token}", lead, new DateOnly(2001, 3, 14)));
        var second = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Sau {token}", lead, new DateOnly(2001, 3, 19)));
        await app.SweepAsync(new DateOnly(2001, 3, 10));   // the first falls due within the window
        await app.SweepAsync(new DateOnly(2001, 3, 12));   // and now the second

        var page1 = await officer.NotificationsAsync("pageSize=1");
        var page2 = await officer.NotificationsAsync("pageSize=1&page=2");

        Assert.Equal((2, 2), (page1.Total, page2.Total));
        Assert.Equal([second.Id], page1.Items.Select(i => i.TaskId));
        Assert.Equal([first.Id], page2.Items.Select(i => i.TaskId));
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        // query               field named
        { "unread=maybe",      "unread"   },
        { "page=0",            "page"     },
        { "pageSize=501",      "pageSize" },
        { "page=x",            "page"     },
    };

    [Theory, DatabaseData(nameof(BadQueries))]
    public async Task List_BadQuery_Returns400NamingTheField(DatabaseProvider provider, string query, string field)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, area: "92");

        using var response = await officer.GetAsync($"/api/v1/notifications?{query}");

        Assert.Equal([field], (await response.ValidationErrorsAsync()).Keys);
    }

    [Theory, DatabaseData]
    public async Task Notifications_WithoutToken_Returns401(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client();

        using var list = await client.GetAsync("/api/v1/notifications");
        using var all = await client.PostAsync("/api/v1/notifications/read-all", null);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (list.StatusCode, all.StatusCode));
    }
}
