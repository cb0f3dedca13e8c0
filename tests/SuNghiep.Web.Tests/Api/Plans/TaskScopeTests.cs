using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// An agency officer sees the tasks its agency's subtree leads or coordinates, and no other; documents are public acts
/// and every account reads them. Each change leaves an audit row naming who made it.
/// </summary>
public sealed class TaskScopeTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private const string Education = "92.SGDDT";

    [Theory, DatabaseData]
    public async Task AgencyOfficer_SeesTasksItsSubtreeLeadsOrCoordinates(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (health, education) = (await app.AgencyIdAsync(Health), await app.AgencyIdAsync(Education));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var led = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Y tế chủ trì", health));
        var coordinated = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Giáo dục chủ trì, Sở Y tế phối hợp", education, null, health));
        var foreign = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Giáo dục chủ trì một mình", education));
        // An old province's health department, whose successor since 1/7/2025 is 92.SYT.
        var inherited = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Y tế tỉnh Hậu Giang (cũ) chủ trì", await app.AgencyIdAsync("HG.SYT")));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        var shown = await officer.GetDocumentAsync(document.Id);
        var listed = await officer.ListTasksAsync("pageSize=500");

        Assert.Equal(new[] { led.Id, coordinated.Id, inherited.Id }, shown.Tasks.Select(t => t.Id));
        Assert.Equal(4, (await admin.GetDocumentAsync(document.Id)).Tasks.Count);
        Assert.Contains(led.Id, listed.Items.Select(t => t.Id));
        Assert.Contains(coordinated.Id, listed.Items.Select(t => t.Id));
        Assert.Contains(inherited.Id, listed.Items.Select(t => t.Id));
        Assert.DoesNotContain(foreign.Id, listed.Items.Select(t => t.Id));
        // Within this test's document: other tests' documents issued by Sở Y tế rightly show it the tasks they assigned.
        Assert.DoesNotContain(listed.Items, t => t.DocumentId == document.Id && t.LeadAgencyId == education && !t.CoordinatingAgencyIds.Contains(health));
    }

    [Theory, DatabaseData]
    public async Task AgencyOfficer_ProgressOnAnotherAgencysTask_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var own = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Y tế chủ trì", await app.AgencyIdAsync(Health)));
        var foreign = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sở Giáo dục chủ trì", await app.AgencyIdAsync(Education)));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        using var refused = await officer.PostJsonAsync($"/api/v1/tasks/{foreign.Id}/progress", PlansClient.Progress(PlansClient.Today, 30));
        var accepted = await officer.AddProgressAsync(own.Id, PlansClient.Progress(PlansClient.Today, 30));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(30, accepted.Percent);
        Assert.Null((await admin.GetDocumentAsync(document.Id)).Tasks.Find(foreign.Id).Percent);
    }

    [Theory, DatabaseData]
    public async Task AgencyOfficer_TaskLedByAnotherAgency_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var document = await officer.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync(Health)));

        using var response = await officer.PostJsonAsync($"/api/v1/documents/{document.Id}/tasks", PlansClient.Task("Giao cho Sở Giáo dục", await app.AgencyIdAsync(Education)));
        var own = await officer.AddTaskAsync(document.Id, PlansClient.Task("Giao cho Sở Y tế", await app.AgencyIdAsync(Health)));

        Assert.Equal(["leadAgencyId"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal([own.Id], (await officer.GetDocumentAsync(document.Id)).Tasks.Select(t => t.Id));
    }

    [Theory, DatabaseData]
    public async Task Changes_WriteAuditRowsForTheDocumentTheTaskAndTheProgress(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, email) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var token = Unique.Token();
        var document = await officer.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", await app.AgencyIdAsync(Health)));
        var task = await officer.AddTaskAsync(document.Id, PlansClient.Task($"Nhiệm vụ {token}", await app.AgencyIdAsync(Health)));
        var progress = await officer.AddProgressAsync(task.Id, PlansClient.Progress(PlansClient.Today, 40, $"Tiến độ {token}"));

        var (documentId, taskId, progressId) = (Id(document.Id), Id(task.Id), Id(progress.Id));
        var rows = await app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == "PlanDocument" && a.EntityId == documentId)
                || (a.EntityType == "PlanTask" && a.EntityId == taskId)
                || (a.EntityType == "TaskProgress" && a.EntityId == progressId))
            .OrderBy(a => a.Id).ToListAsync());

        Assert.Equal(
            [("PlanDocument", "Create"), ("PlanTask", "Create"), ("PlanTask", "Update"), ("TaskProgress", "Create")],
            rows.Select(r => (r.EntityType, r.Action)).Order());
        Assert.All(rows, r => Assert.Equal(email, r.ActorName));
        Assert.Contains(token, rows.Single(r => r.EntityType == "PlanDocument").After, StringComparison.Ordinal);
        Assert.Contains(token, rows.Single(r => r.EntityType == "TaskProgress").After, StringComparison.Ordinal);
        // The first report starts the task (TaskState.InProgress).
        Assert.Contains("\"State\":2", rows.Single(r => r.Action == "Update").After, StringComparison.Ordinal);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
