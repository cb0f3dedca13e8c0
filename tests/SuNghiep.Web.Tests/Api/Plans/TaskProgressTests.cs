using System.Net;
using System.Text.Json.Nodes;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>Progress reports on a task: a date not after today, a text, a percentage; 100% finishes a one-off task.</summary>
public sealed class TaskProgressTests(AppHosts hosts)
{
    private static readonly DateOnly Today = PlansClient.Today;

    // One fault in an otherwise valid report, and the field the answer names.
    public static TheoryData<string, string?, string> Faults => new()
    {
        // field       value (raw JSON)     field named
        { "percent",   "101",               "percent" },
        { "percent",   "-1",                "percent" },
        { "percent",   null,                "percent" },
        { "date",      "tomorrow",          "date"    },    // a report cannot be dated in the future
        { "date",      "\"2023-12-31\"",    "date"    },    // before the task was assigned (10/01/2024)
        { "date",      "\"31/12/2024\"",    "date"    },    // not ISO 8601
        { "text",      "\"  \"",            "text"    },
    };

    [Theory, DatabaseData(nameof(Faults))]
    public async Task Post_InvalidProgress_Returns400NamingTheField(DatabaseProvider provider, string field, string? value, string expected)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Nhiệm vụ", await app.AgencyIdAsync("92.SKHCN"), Today.AddDays(30)));
        var body = PlansClient.Progress(Today, 50);
        body[field] = value switch
        {
            null => null,
            "tomorrow" => PlansClient.Iso(Today.AddDays(1)),
            _ => JsonNode.Parse(value),
        };

        using var response = await admin.PostJsonAsync($"/api/v1/tasks/{task.Id}/progress", body);

        Assert.Equal([expected], (await response.ValidationErrorsAsync()).Keys);
        var read = (await admin.GetDocumentAsync(document.Id)).Tasks.Find(task.Id);
        Assert.Equal<(string, int?)>(("not_started", null), (read.Status, read.Percent));
    }

    [Theory, DatabaseData]
    public async Task Post_Progress_100PercentMarksAOneOffTaskDone(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var lead = await app.AgencyIdAsync("92.SKHCN");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Ban hành danh mục dịch vụ", lead, Today.AddDays(-3)));
        var other = await admin.AddTaskAsync(document.Id, PlansClient.Task("Ban hành định mức", lead, Today.AddDays(-3)));

        var half = await admin.AddProgressAsync(task.Id, PlansClient.Progress(Today.AddDays(-5), 50, "Đã có dự thảo"));
        var afterHalf = (await admin.GetDocumentAsync(document.Id)).Tasks.Find(task.Id);
        await admin.AddProgressAsync(task.Id, PlansClient.Progress(Today, 100, "Đã ban hành"));
        await admin.AddProgressAsync(other.Id, PlansClient.Progress(Today, 90, "Chờ ký"));
        var done = await admin.ListTasksAsync($"agencyId={lead}&status=done&pageSize=500");
        var late = await admin.ListTasksAsync($"agencyId={lead}&status=late&pageSize=500");

        Assert.Equal((50, Today.AddDays(-5), SuNghiepApp.AdminEmail), (half.Percent, half.Date, half.ReportedBy));
        Assert.Equal(("late", 50), (afterHalf.Status, afterHalf.Percent));   // started, but the deadline passed
        var finished = done.Items.Find(task.Id);
        Assert.Equal(("done", false, 100, Today), (finished.Status, finished.Late, finished.Percent, finished.LastProgressOn));
        Assert.DoesNotContain(other.Id, done.Items.Select(t => t.Id));
        Assert.Contains(other.Id, late.Items.Select(t => t.Id));              // 90% is not done
        Assert.DoesNotContain(task.Id, late.Items.Select(t => t.Id));
    }

    [Theory, DatabaseData]
    public async Task Post_Progress_100PercentKeepsARecurringTaskGoing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Yearly("Báo cáo hằng năm", await app.AgencyIdAsync("92.SKHCN"), 15, 12));

        await admin.AddProgressAsync(task.Id, PlansClient.Progress(Today, 100, "Đã nộp báo cáo"));
        var read = (await admin.GetDocumentAsync(document.Id)).Tasks.Find(task.Id);

        Assert.Equal(("in_progress", false, 100), (read.Status, read.Late, read.Percent));
    }

    [Theory, DatabaseData]
    public async Task Post_ProgressOnUnknownTask_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.PostJsonAsync("/api/v1/tasks/2147480000/progress", PlansClient.Progress(Today, 10));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
