using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Security;

/// <summary>
/// Callers inside the scope reaching for a power their role does not have: a unit officer moving or closing its own unit
/// or approving its own autonomy plan, an agency setting its own staffing allocation, a coordinating agency deciding a
/// task's status, and a task hung under a parent the caller cannot see. Each is refused and changes nothing.
/// </summary>
public sealed class EscalationTests(AppHosts hosts)
{
    private const string AgencyA = ScopeAttackWorld.AgencyACode;
    private const string AgencyB = ScopeAttackWorld.AgencyBCode;
    private const string Coordinator = "92.STC";

    [Theory, DatabaseData]
    public async Task PutUnit_UnitOfficerMovingItsUnitToAnotherAgency_IsRefused(DatabaseProvider provider)
    {
        var (app, unit, body, officer) = await OwnUnitOfficerAsync(provider);
        using var _ = officer;

        using var response = await PutAsync(app, officer, unit, body.With("managingAgencyId", await app.AgencyIdAsync(AgencyB)));

        AssertRefused(response, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);
        Assert.Equal(await app.AgencyIdAsync(AgencyA), await app.WithDbAsync((db, _) => db.Units.Where(u => u.Id == unit).Select(u => u.ManagingAgencyId).SingleAsync()));
    }

    [Theory, DatabaseData]
    public async Task PutUnit_UnitOfficerEndingItsUnit_IsRefused(DatabaseProvider provider)
    {
        var (app, unit, body, officer) = await OwnUnitOfficerAsync(provider);
        using var _ = officer;

        using var response = await PutAsync(app, officer, unit, body.With("endedOn", "2025-01-01"));

        AssertRefused(response, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);
        Assert.Null(await app.WithDbAsync((db, _) => db.Units.Where(u => u.Id == unit).Select(u => u.EndedOn).SingleAsync()));
    }

    [Theory, DatabaseData]
    public async Task PostAutonomyPlan_UnitOfficerApprovingItsOwnPlan_IsRefused(DatabaseProvider provider)
    {
        var (app, unit, _, officer) = await OwnUnitOfficerAsync(provider);
        using var _officer = officer;
        var approved = ScopeAttackWorld.AutonomyPlan().With("status", "approved").With("approvedGroup", 1)
            .With("decision", new JsonObject { ["number"] = "45/QĐ-UBND", ["date"] = "2026-04-15", ["issuer"] = "UBND thành phố Cần Thơ" });

        using var response = await officer.PostAsync($"/api/v1/units/{unit}/autonomy-plans", ScopeAttackWorld.Json(approved));

        AssertRefused(response, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.AutonomyPlans.CountAsync(p => p.UnitId == unit && p.Status == AutonomyPlanStatus.Approved)));
    }

    [Theory, DatabaseData]
    public async Task PutAllocation_AgencyOfficerSettingItsOwnAllocation_Returns403(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var agency = await app.AgencyIdAsync(AgencyA);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: AgencyA);
        using var _officer = officer;
        const int year = 2039;

        using var response = await officer.PutAsync($"/api/v1/agencies/{agency}/staffing-allocations/{year}",
            ScopeAttackWorld.Json(new JsonObject { ["budgetPositions"] = 99999, ["overAllocation"] = true }));

        AssertRefused(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.StaffingAllocations.CountAsync(a => a.AgencyId == agency && a.Year == year && a.BudgetPositions == 99999)));
    }

    [Theory, DatabaseData]
    public async Task SetStatus_CoordinatingAgency_IsRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync(AgencyA)));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Nhiệm vụ có cơ quan phối hợp", await app.AgencyIdAsync(AgencyA),
            PlansClient.Today.AddDays(60), await app.AgencyIdAsync(Coordinator)));
        var (coordinator, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Coordinator);
        using var _coordinator = coordinator;

        using var response = await coordinator.PostAsync($"/api/v1/tasks/{task.Id}/status", ScopeAttackWorld.Json(new JsonObject { ["status"] = "cancelled" }));

        AssertRefused(response, HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        Assert.Equal(TaskState.NotStarted, await app.WithDbAsync((db, _) => db.PlanTasks.IgnoreQueryFilters().Where(t => t.Id == task.Id).Select(t => t.State).SingleAsync()));
    }

    [Theory, DatabaseData]
    public async Task AddTask_UnderAParentOfAnotherScope_IsRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var a = await app.AgencyIdAsync(AgencyA);
        var b = await app.AgencyIdAsync(AgencyB);
        var upper = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", a));
        var hidden = await admin.AddTaskAsync(upper.Id, PlansClient.Task("Nhiệm vụ của Sở Y tế", a, PlansClient.Today.AddDays(60)));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: AgencyB);
        using var _officer = officer;
        var own = await officer.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", b));

        using var response = await officer.PostAsync($"/api/v1/documents/{own.Id}/tasks",
            ScopeAttackWorld.Json(PlansClient.Task("Nhiệm vụ treo dưới nhiệm vụ lạ", b, PlansClient.Today.AddDays(30)).With("parentTaskId", hidden.Id)));

        AssertRefused(response, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.PlanTasks.IgnoreQueryFilters().CountAsync(t => t.ParentTaskId == hidden.Id)));
    }

    private async Task<(SuNghiepApp App, int Unit, JsonObject Body, HttpClient Officer)> OwnUnitOfficerAsync(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(Unique.Token(), "U", await app.AgencyIdAsync(AgencyA)).With("sector", "health");
        var unit = await admin.CreateUnitAsync(body);
        var email = await app.CreateUserAsync(Roles.UnitOfficer, unit: unit.Code);
        return (app, unit.Id, body, app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password)));
    }

    /// <summary>A PUT of the unit with the ETag its GET offers, so that the refusal is not for a missing If-Match.</summary>
    private static async Task<HttpResponseMessage> PutAsync(SuNghiepApp app, HttpClient officer, int unit, JsonObject body)
    {
        using var get = await officer.GetAsync($"/api/v1/units/{unit}");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/units/{unit}") { Content = ScopeAttackWorld.Json(body) };
        if (get.Headers.ETag is { } etag)
        {
            put.Headers.IfMatch.Add(etag);
        }

        _ = app;
        return await officer.SendAsync(put);
    }

    private static void AssertRefused(HttpResponseMessage response, params HttpStatusCode[] allowed) =>
        Assert.True(allowed.Contains(response.StatusCode),
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {string.Join(" or ", allowed.Select(c => (int)c))}");
}
