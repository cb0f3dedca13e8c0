using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>GET /api/v1/tasks/{id}, POST /api/v1/tasks/{id}/status, and what the assigning agency sees.</summary>
public sealed class TaskStatusTests(AppHosts hosts)
{
    private static async Task<TaskView> StatusAsync(HttpClient client, int id, string status, HttpStatusCode expected)
    {
        using var response = await client.PostJsonAsync($"/api/v1/tasks/{id}/status", new JsonObject { ["status"] = status });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"answered {(int)response.StatusCode}: {text}");
        return expected == HttpStatusCode.OK ? JsonSerializer.Deserialize<TaskView>(text, UnitsClient.Json)! : null!;
    }

    [Theory, DatabaseData]
    public async Task SetStatus_Cancelled_EndsLatenessAndIsAudited(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Rà soát đã quá hạn", await app.AgencyIdAsync("92.SNV"), new DateOnly(2024, 6, 30)));
        Assert.Equal("late", task.Status);

        var cancelled = await StatusAsync(admin, task.Id, "cancelled", HttpStatusCode.OK);
        var read = await PlansClient.OkJsonAsync<TaskView>(admin, $"/api/v1/tasks/{task.Id}");

        Assert.Equal(("cancelled", false), (cancelled.Status, cancelled.Late));
        Assert.Equal("cancelled", read.Status);
        var audited = await app.WithDbAsync((db, _) => Task.FromResult(db.AuditEntries.Count(e => e.EntityType == nameof(PlanTask) && e.EntityId == task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "Update")));
        Assert.Equal(1, audited);
    }

    [Theory]
    [DatabaseData]
    public async Task SetStatus_LateOrUnknown_Returns400AndChangesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Xây dựng đề án", await app.AgencyIdAsync("92.SNV"), new DateOnly(2030, 6, 30)));

        await StatusAsync(admin, task.Id, "late", HttpStatusCode.BadRequest);
        await StatusAsync(admin, task.Id, "finished", HttpStatusCode.BadRequest);
        await StatusAsync(admin, 999_999, "done", HttpStatusCode.NotFound);

        Assert.Equal("not_started", (await PlansClient.OkJsonAsync<TaskView>(admin, $"/api/v1/tasks/{task.Id}")).Status);
    }

    [Theory, DatabaseData]
    public async Task Scope_TheIssuingAgencySeesTheTasksItsDocumentAssigned_AnotherAgencyDoesNot(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var health = await app.AgencyIdAsync("92.SYT");
        var issued = PlansClient.Document(Unique.Token());
        issued["issuerAgencyId"] = health;
        var byHealth = await admin.CreateDocumentAsync(issued);
        var other = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var education = await app.AgencyIdAsync("92.SGDDT");
        var assigned = await admin.AddTaskAsync(byHealth.Id, PlansClient.Task("Phối hợp sáp nhập trường", education, new DateOnly(2030, 1, 1)));
        var unrelated = await admin.AddTaskAsync(other.Id, PlansClient.Task("Việc riêng của ngành giáo dục", education, new DateOnly(2030, 1, 1)));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        using var _officer = officer;

        Assert.Equal(health, byHealth.IssuerAgencyId);
        Assert.Equal(assigned.Id, (await PlansClient.OkJsonAsync<TaskView>(officer, $"/api/v1/tasks/{assigned.Id}")).Id);
        using var hidden = await officer.GetAsync($"/api/v1/tasks/{unrelated.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal([assigned.Id], (await officer.ListTasksAsync($"documentId={byHealth.Id}")).Items.Select(t => t.Id));
        Assert.Empty((await officer.ListTasksAsync($"documentId={other.Id}")).Items);
    }

    [Theory, DatabaseData]
    public async Task CreateDocument_UnknownIssuerAgency_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = PlansClient.Document(Unique.Token());
        body["issuerAgencyId"] = 999_999;

        using var response = await admin.PostJsonAsync("/api/v1/documents", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("issuerAgencyId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
