using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Api.Permissions;

/// <summary>
/// Writes to what another level owns: a document, its targets, tasks and files are the issuing agency's; a task's status
/// the assigning level's; an autonomy plan's approval the approving level's; an agency's allocation the level above's.
/// </summary>
public sealed class OwnershipTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private const string Education = "92.SGDDT";
    private const string Finance = "92.STC";

    private static JsonObject IssuedBy(string token, int? agencyId)
    {
        var body = PlansClient.Document(token);
        body["issuerAgencyId"] = agencyId;
        return body;
    }

    private static JsonObject Target(string text) => new() { ["text"] = text };

    private static async Task<(int Targets, int Tasks, int Files)> ContentsAsync(SuNghiepApp app, int documentId) =>
        await app.WithDbAsync(async (db, _) => (
            await db.Targets.CountAsync(t => t.DocumentId == documentId),
            await db.PlanTasks.IgnoreQueryFilters().CountAsync(t => t.DocumentId == documentId),
            await db.Attachments.CountAsync(a => a.DocumentId == documentId)));

    [Theory, DatabaseData]
    public async Task AgencyOfficer_WritesToAHigherLevelsDocument_Returns403AndAddsNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        // A central document (no agency of the register, as 62-KL/TW of the Politburo) and the province's own plan.
        var central = await admin.CreateDocumentAsync(IssuedBy(token + "TW", null));
        var provincial = await admin.CreateDocumentAsync(IssuedBy(token + "UB", await app.AgencyIdAsync("92.UBND")));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var health = await app.AgencyIdAsync(Health);

        foreach (var document in new[] { central, provincial })
        {
            using var target = await officer.PostJsonAsync($"/api/v1/documents/{document.Id}/targets", Target("Chỉ tiêu chen vào"));
            using var task = await officer.PostJsonAsync($"/api/v1/documents/{document.Id}/tasks", PlansClient.Task("Nhiệm vụ tự giao", health));
            using var file = await officer.PostAsync($"/api/v1/documents/{document.Id}/attachments",
                AttachmentApiTests.Files(("phu-luc.pdf", AttachmentApiTests.Pdf(token))));

            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (target.StatusCode, task.StatusCode, file.StatusCode));
            Assert.Equal("application/problem+json", target.Content.Headers.ContentType?.MediaType);
            Assert.Equal((0, 0, 0), await ContentsAsync(app, document.Id));
        }
    }

    [Theory, DatabaseData]
    public async Task CreateDocument_InAnotherAgencysNameOrNone_Returns400OnIssuerAgency_OwnNameIsWritable(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var token = Unique.Token();

        using var foreign = await officer.PostJsonAsync("/api/v1/documents", IssuedBy(token + "A", await app.AgencyIdAsync(Education)));
        using var nameless = await officer.PostJsonAsync("/api/v1/documents", IssuedBy(token + "B", null));
        var own = await officer.CreateDocumentAsync(IssuedBy(token + "C", await app.AgencyIdAsync(Health)));
        var target = await officer.AddTargetAsync(own.Id, Target("Giảm 10% đầu mối"));
        var task = await officer.AddTaskAsync(own.Id, PlansClient.Task("Rà soát đơn vị", await app.AgencyIdAsync(Health)));

        Assert.Equal(["issuerAgencyId"], (await foreign.ValidationErrorsAsync()).Keys);
        Assert.Equal(["issuerAgencyId"], (await nameless.ValidationErrorsAsync()).Keys);
        using var admin = await app.AdminAsync();
        Assert.Equal([own.Id], (await admin.ListDocumentsAsync("search=" + token)).Select(d => d.Id));
        Assert.Equal((1, 1), await app.WithDbAsync(async (db, _) => (
            await db.Targets.CountAsync(t => t.DocumentId == own.Id && t.Id == target.Id),
            await db.PlanTasks.CountAsync(t => t.DocumentId == own.Id && t.Id == task.Id))));
    }

    [Theory, DatabaseData]
    public async Task SetStatus_CoordinatorOrLead_Returns403_TheAssigningLevelSetsIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (health, education, finance) = (await app.AgencyIdAsync(Health), await app.AgencyIdAsync(Education), await app.AgencyIdAsync(Finance));
        var document = await admin.CreateDocumentAsync(IssuedBy(Unique.Token(), health));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Sáp nhập trường", education, new DateOnly(2030, 1, 1), finance));
        var (coordinator, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Finance);
        var (lead, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Education);
        var (assigner, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var cancel = new JsonObject { ["status"] = "cancelled" };

        using var byCoordinator = await coordinator.PostJsonAsync($"/api/v1/tasks/{task.Id}/status", cancel);
        using var byLead = await lead.PostJsonAsync($"/api/v1/tasks/{task.Id}/status", cancel);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byCoordinator.StatusCode, byLead.StatusCode));
        Assert.Equal("not_started", (await PlansClient.OkJsonAsync<Core.Plans.TaskView>(admin, $"/api/v1/tasks/{task.Id}")).Status);

        using var byAssigner = await assigner.PostJsonAsync($"/api/v1/tasks/{task.Id}/status", cancel);

        Assert.Equal(HttpStatusCode.OK, byAssigner.StatusCode);
        Assert.Equal("cancelled", (await PlansClient.OkJsonAsync<Core.Plans.TaskView>(admin, $"/api/v1/tasks/{task.Id}")).Status);
    }

    // A sub-task's status is its parent task's lead agency's, not the issuer of the document it is written in. (The
    // parent's lead sees the sub-task through a scope that contains both, as the province's here.)
    [Theory, DatabaseData]
    public async Task SetStatus_SubTask_BelongsToTheParentTasksLead(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (health, education) = (await app.AgencyIdAsync(Health), await app.AgencyIdAsync(Education));
        var upper = await admin.CreateDocumentAsync(IssuedBy(Unique.Token(), await app.AgencyIdAsync("92.UBND")));
        var parent = await admin.AddTaskAsync(upper.Id, PlansClient.Task("Nhiệm vụ của Sở Y tế", health, new DateOnly(2030, 1, 1)));
        var lower = await admin.CreateDocumentAsync(IssuedBy(Unique.Token(), education));
        var sub = PlansClient.Task("Phần việc giao Sở Giáo dục", education, new DateOnly(2030, 1, 1));
        sub["parentTaskId"] = parent.Id;
        var child = await admin.AddTaskAsync(lower.Id, sub);
        var (educationOfficer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Education);
        var (province, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");

        using var byDocumentIssuer = await educationOfficer.PostJsonAsync($"/api/v1/tasks/{child.Id}/status", new JsonObject { ["status"] = "done" });
        using var byParentLead = await province.PostJsonAsync($"/api/v1/tasks/{child.Id}/status", new JsonObject { ["status"] = "in_progress" });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (byDocumentIssuer.StatusCode, byParentLead.StatusCode));
        Assert.Equal("in_progress", (await PlansClient.OkJsonAsync<Core.Plans.TaskView>(admin, $"/api/v1/tasks/{child.Id}")).Status);
    }

    private static JsonObject Plan(string status) => new()
    {
        ["periodStart"] = 2026, ["periodEnd"] = 2030, ["proposedGroup"] = 2, ["submittedOn"] = "2026-03-01", ["status"] = status,
        ["approvedGroup"] = status == "approved" ? 2 : null,
        ["decision"] = status == "submitted" ? null : new JsonObject { ["number"] = "15/QĐ-SGDĐT", ["date"] = "2026-04-01", ["issuer"] = "Sở Giáo dục và Đào tạo" },
    };

    [Theory, DatabaseData]
    public async Task AutonomyPlan_UnitOfficerRecordsItsOwnApproval_Returns400_SubmittingWorks_TheAgencyApproves(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var own = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync(Education)));
        var email = await app.CreateUserAsync(Roles.UnitOfficer, unit: own.Code);
        using var unitOfficer = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var (agencyOfficer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Education);
        var url = $"/api/v1/units/{own.Id}/autonomy-plans";

        using var approved = await unitOfficer.PostJsonAsync(url, Plan("approved"));
        using var rejected = await unitOfficer.PostJsonAsync(url, Plan("rejected"));
        Assert.Equal(["status"], (await approved.ValidationErrorsAsync()).Keys);
        Assert.Equal(["status"], (await rejected.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.AutonomyPlans.CountAsync(p => p.UnitId == own.Id)));

        using var submitted = await unitOfficer.PostJsonAsync(url, Plan("submitted"));
        using var decided = await agencyOfficer.PostJsonAsync(url, Plan("approved"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (submitted.StatusCode, decided.StatusCode));
        Assert.Equal(["approved", "submitted"], await app.WithDbAsync((db, _) =>
            db.AutonomyPlans.Where(p => p.UnitId == own.Id).Select(p => p.Status.ToString().ToLower()).OrderBy(s => s).ToListAsync()));
    }

    [Theory, DatabaseData]
    public async Task Allocation_AgencySetsItsOwn_Returns403_TheLevelAboveSetsIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var health = await app.AgencyIdAsync(Health);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var (homeAffairs, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        // A year of its own, so that no other test's allocation of the department is in the way.
        var year = 2000 + Random.Shared.Next(1, 20);
        var url = $"/api/v1/agencies/{health}/staffing-allocations/{year}";
        async Task<int?> StoredAsync() => await app.WithDbAsync((db, _) =>
            db.StaffingAllocations.Where(a => a.AgencyId == health && a.Year == year).Select(a => (int?)a.BudgetPositions).FirstOrDefaultAsync());
        var before = await StoredAsync();

        using var own = await officer.PutAsync(url, UnitsClient.Content($$"""{"budgetPositions": {{(before ?? 0) + 999}}, "overAllocation": true}"""));
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(before, await StoredAsync());

        using var above = await homeAffairs.PutAsync(url, UnitsClient.Content($$"""{"budgetPositions": {{(before ?? 0) + 7}}, "overAllocation": true}"""));

        Assert.Equal(HttpStatusCode.OK, above.StatusCode);
        Assert.Equal((before ?? 0) + 7, await StoredAsync());
    }
}
