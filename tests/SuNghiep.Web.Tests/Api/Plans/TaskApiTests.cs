using System.Net;
using System.Text.Json.Nodes;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>Tasks of a plan: a deadline or a recurrence, a status that people set, and lateness that follows from the dates.</summary>
public sealed class TaskApiTests(AppHosts hosts)
{
    private static readonly DateOnly Today = PlansClient.Today;

    [Theory, DatabaseData]
    public async Task Post_DeadlineTask_Returns201NotStarted(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var (lead, finance, health) = (await app.AgencyIdAsync("92.SNV"), await app.AgencyIdAsync("92.STC"), await app.AgencyIdAsync("92.SYT"));

        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Xây dựng kế hoạch chi tiết", lead, new DateOnly(2030, 5, 31), health, finance, lead));

        Assert.Equal((document.Id, lead, "not_started", false), (task.DocumentId, task.LeadAgencyId, task.Status, task.Late));
        Assert.Equal(new[] { finance, health }.Order(), task.CoordinatingAgencyIds);   // the lead is not its own coordinator
        Assert.Equal(new DateOnly(2030, 5, 31), task.Deadline);
        Assert.Equal(task.Deadline, task.NextDue);
        Assert.Null(task.Recurrence);
        Assert.Equal(("II.1", "Báo cáo kết quả"), (task.Section, task.ExpectedOutput));
        Assert.Equal(task.Id, Assert.Single((await admin.GetDocumentAsync(document.Id)).Tasks).Id);
    }

    [Theory, DatabaseData]
    public async Task Post_YearlyTask_Returns201WithRecurrenceAndNextDue(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));

        var task = await admin.AddTaskAsync(document.Id, PlansClient.Yearly("Báo cáo hằng năm", await app.AgencyIdAsync("92.SNV"), 15, 12));

        Assert.Equal(("yearly", 15, 12), (task.Recurrence!.Kind, task.Recurrence.Day, task.Recurrence.Month));
        Assert.Null(task.Deadline);
        var thisYear = new DateOnly(Today.Year, 12, 15);
        Assert.Equal(Today <= thisYear ? thisYear : thisYear.AddYears(1), task.NextDue);
    }

    // One fault in an otherwise valid task, and the field the answer names.
    public static TheoryData<string, string> Faults => new()
    {
        // fault                           field named
        { "late as an input status",       "status"       },
        { "deadline and recurrence",       "deadline"     },
        { "unknown lead agency",           "leadAgencyId" },
        { "no lead agency",                "leadAgencyId" },
        { "deadline before the document",  "deadline"     },
        { "assigned before the document",  "assignedOn"   },
        { "assigned after today",          "assignedOn"   },
    };

    [Theory, DatabaseData(nameof(Faults))]
    public async Task Post_InvalidTask_Returns400NamingTheField(DatabaseProvider provider, string fault, string field)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var body = PlansClient.Task("Nhiệm vụ thử", await app.AgencyIdAsync("92.SNV"), new DateOnly(2030, 1, 1));
        switch (fault)
        {
            case "late as an input status":
                body["status"] = "late";
                break;
            case "deadline and recurrence":
                body["recurrence"] = new JsonObject { ["kind"] = "yearly", ["day"] = 15, ["month"] = 12 };
                break;
            case "unknown lead agency":
                body["leadAgencyId"] = 2_147_480_000;
                break;
            case "no lead agency":
                body.Remove("leadAgencyId");
                break;
            case "deadline before the document":
                body["deadline"] = "2023-12-31";
                break;
            case "assigned before the document":
                body["assignedOn"] = "2024-01-09";
                break;
            case "assigned after today":
                body["assignedOn"] = PlansClient.Iso(Today.AddDays(1));
                break;
        }

        using var response = await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/tasks", body);

        Assert.Equal([field], (await response.ValidationErrorsAsync()).Keys);
        Assert.Empty((await admin.GetDocumentAsync(document.Id)).Tasks);
    }

    [Theory, DatabaseData]
    public async Task Post_TaskOfUnknownDocument_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.PostJsonAsync("/api/v1/documents/2147480000/tasks", PlansClient.Task("Nhiệm vụ", await app.AgencyIdAsync("92.SNV")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Lateness_Deadline_LateFromTheDayAfterUnlessDone(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var lead = await app.AgencyIdAsync("92.SVHTTDL");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var yesterday = await admin.AddTaskAsync(document.Id, PlansClient.Task("Hạn hôm qua", lead, Today.AddDays(-1)));
        var today = await admin.AddTaskAsync(document.Id, PlansClient.Task("Hạn hôm nay", lead, Today));
        var done = await admin.AddTaskAsync(document.Id, PlansClient.Task("Hạn hôm qua, đã xong", lead, Today.AddDays(-1)).With("status", "done"));

        var listed = (await admin.ListTasksAsync($"agencyId={lead}&pageSize=500")).Items;
        var shown = (await admin.GetDocumentAsync(document.Id)).Tasks;

        foreach (var tasks in new[] { listed, shown })
        {
            Assert.Equal((true, "late"), (tasks.Find(yesterday.Id).Late, tasks.Find(yesterday.Id).Status));
            Assert.Equal((false, "not_started"), (tasks.Find(today.Id).Late, tasks.Find(today.Id).Status));
            Assert.True(tasks.Find(today.Id).DueSoon);
            Assert.Equal((false, "done"), (tasks.Find(done.Id).Late, tasks.Find(done.Id).Status));
        }

        Assert.Contains(yesterday.Id, (await admin.ListTasksAsync($"agencyId={lead}&status=late&pageSize=500")).Items.Select(t => t.Id));
        Assert.DoesNotContain(today.Id, (await admin.ListTasksAsync($"agencyId={lead}&status=late&pageSize=500")).Items.Select(t => t.Id));
    }

    [Theory, DatabaseData]
    public async Task Lateness_YearlyTask_LateWithoutAReportInThePeriodThatEndedYesterday(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var lead = await app.AgencyIdAsync("92.SVHTTDL");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token(), "2024-01-10"));
        var due = Today.AddDays(-1);
        var silent = await admin.AddTaskAsync(document.Id, PlansClient.Yearly("Báo cáo hằng năm, chưa nộp", lead, due.Day, due.Month));
        var reported = await admin.AddTaskAsync(document.Id, PlansClient.Yearly("Báo cáo hằng năm, đã nộp", lead, due.Day, due.Month));
        var previous = await admin.AddTaskAsync(document.Id, PlansClient.Yearly("Báo cáo hằng năm, nộp kỳ trước", lead, due.Day, due.Month));

        await admin.AddProgressAsync(reported.Id, PlansClient.Progress(due.AddDays(-10), 100, "Đã nộp báo cáo năm"));
        await admin.AddProgressAsync(previous.Id, PlansClient.Progress(due.AddYears(-1), 100, "Đã nộp báo cáo năm trước"));
        var tasks = (await admin.GetDocumentAsync(document.Id)).Tasks;

        Assert.Equal((true, "late"), (tasks.Find(silent.Id).Late, tasks.Find(silent.Id).Status));
        Assert.Equal((false, "in_progress"), (tasks.Find(reported.Id).Late, tasks.Find(reported.Id).Status));
        Assert.True(tasks.Find(previous.Id).Late, "a report for the period before does not cover the one that ended yesterday");
        Assert.Equal(due.AddYears(1), tasks.Find(silent.Id).NextDue);
    }
}
