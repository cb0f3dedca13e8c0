using System.Net;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>GET /api/v1/tasks: by agency (led or coordinated by its subtree), status, due date; late first.</summary>
public sealed class TaskListTests(AppHosts hosts)
{
    private static readonly DateOnly Today = PlansClient.Today;

    [Theory, DatabaseData]
    public async Task List_AgencyId_TasksLedOrCoordinatedByItsSubtree(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (justice, trade, root) = (await app.AgencyIdAsync("92.STP"), await app.AgencyIdAsync("92.SCT"), await app.AgencyIdAsync("92.UBND"));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var led = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Tư pháp chủ trì", justice));
        var coordinated = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Công Thương chủ trì, Sở Tư pháp phối hợp", trade, null, justice));
        var other = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Công Thương chủ trì", trade));
        // The old city's department of justice ended on 30/6/2025; 92.STP took over, so its subtree holds the old tasks.
        var old = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Tư pháp thành phố Cần Thơ (cũ) chủ trì", await app.AgencyIdAsync("CT.STP")));

        var ofJustice = await AllAsync(admin, $"agencyId={justice}");
        var ofTrade = await AllAsync(admin, $"agencyId={trade}");
        var ofRoot = await AllAsync(admin, $"agencyId={root}");

        Assert.Equal([led.Id, coordinated.Id, old.Id], Mine(ofJustice));
        Assert.Equal([coordinated.Id, other.Id], Mine(ofTrade));
        Assert.Equal([led.Id, coordinated.Id, other.Id, old.Id], Mine(ofRoot));
        Assert.Empty((await admin.ListTasksAsync("agencyId=2147480000")).Items);

        IEnumerable<int> Mine(IEnumerable<Core.Plans.TaskView> tasks) => tasks.Where(t => t.DocumentId == document.Id).Select(t => t.Id).Order();
    }

    [Theory, DatabaseData]
    public async Task List_StatusAndDueBefore_FilterOnTheDerivedStatusAndNextDueDate(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var lead = await app.AgencyIdAsync("92.SDTTG");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var late = await admin.AddTaskAsync(document.Id, PlansClient.Task("Quá hạn", lead, Today.AddDays(-2)));
        var soon = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sắp đến hạn", lead, Today.AddDays(3)));
        var far = await admin.AddTaskAsync(document.Id, PlansClient.Task("Còn xa", lead, Today.AddDays(40)));
        var done = await admin.AddTaskAsync(document.Id, PlansClient.Task("Đã xong", lead, Today.AddDays(-2)).With("status", "done"));

        var lateOnes = await AllAsync(admin, $"agencyId={lead}&status=late");
        var notStarted = await AllAsync(admin, $"agencyId={lead}&status=not_started");
        var dueSoon = await AllAsync(admin, $"agencyId={lead}&dueBefore={PlansClient.Iso(Today.AddDays(10))}");

        Assert.Contains(late.Id, Ids(lateOnes));
        Assert.All(lateOnes, t => Assert.Equal("late", t.Status));
        Assert.DoesNotContain(soon.Id, Ids(lateOnes));
        Assert.DoesNotContain(done.Id, Ids(lateOnes));
        Assert.Equal([soon.Id, far.Id], Ids(notStarted).Where(id => id >= late.Id && id <= done.Id));
        Assert.Equal([late.Id, soon.Id, done.Id], Ids(dueSoon).Where(id => id >= late.Id && id <= done.Id).Order());
        Assert.All(dueSoon, t => Assert.True(t.NextDue <= Today.AddDays(10)));
    }

    [Theory, DatabaseData]
    public async Task List_Order_LateFirstThenDueSoonThenByDueDate(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var lead = await app.AgencyIdAsync("92.SDTTG");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var far = await admin.AddTaskAsync(document.Id, PlansClient.Task("Còn xa", lead, Today.AddDays(60)));
        var farther = await admin.AddTaskAsync(document.Id, PlansClient.Task("Còn xa hơn", lead, Today.AddDays(90)));
        var soon = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sắp đến hạn", lead, Today.AddDays(2)));
        var late = await admin.AddTaskAsync(document.Id, PlansClient.Task("Quá hạn", lead, Today.AddDays(-1)));

        var all = await AllAsync(admin, $"agencyId={lead}");

        Assert.Equal([late.Id, soon.Id, far.Id, farther.Id], Ids(all).Where(id => id >= far.Id && id <= late.Id));
        Assert.False(all.SkipWhile(t => t.Late).Any(t => t.Late), "a late task comes after one that is not late");
        Assert.False(all.Where(t => !t.Late).SkipWhile(t => t.DueSoon).Any(t => t.DueSoon), "a task due soon comes after one that is not");
    }

    [Theory, DatabaseData]
    public async Task List_UnknownStatus_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync("/api/v1/tasks?status=overdue");

        Assert.Equal(["status"], (await response.ValidationErrorsAsync()).Keys);
    }

    private static IEnumerable<int> Ids(IEnumerable<Core.Plans.TaskView> tasks) => tasks.Select(t => t.Id);

    /// <summary>Every page of the answer, in order, so that other tests' tasks on the same agency cannot push ours out.</summary>
    private static async Task<List<Core.Plans.TaskView>> AllAsync(HttpClient client, string query)
    {
        var all = new List<Core.Plans.TaskView>();
        for (var page = 1; ; page++)
        {
            var answer = await client.ListTasksAsync($"{query}&pageSize=500&page={page}");
            all.AddRange(answer.Items);
            if (answer.Items.Count == 0 || all.Count >= answer.Total)
            {
                return all;
            }
        }
    }
}
