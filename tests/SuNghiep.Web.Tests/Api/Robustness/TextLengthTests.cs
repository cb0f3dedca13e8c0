using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Api.Robustness;

/// <summary>
/// A text longer than its column is refused on its field with a message that names it, never cut: on PostgreSQL it
/// would otherwise be a server error, on SQLite a value longer than any other reader expects.
/// </summary>
public sealed class TextLengthTests(AppHosts hosts)
{
    private static async Task<string> ProblemAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}: {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), body);
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }

    private static StringContent Json(JsonNode body) => UnitsClient.Content(body.ToJsonString());

    [Theory, DatabaseData]
    public async Task StaffingNotes_OverTheirColumn_AreRefusedOnTheFieldAndNothingIsWritten(DatabaseProvider provider)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;

        using var refused = await admin.PutAsync($"/api/v1/units/{id}/staffing/2010", Json(Staffing(10).With("notes", new string('x', 2001))));
        using var accepted = await admin.PutAsync($"/api/v1/units/{id}/staffing/2011", Json(Staffing(10).With("notes", new string('x', 2000))));
        using var after = await admin.GetAsync($"/api/v1/units/{id}/staffing/2010");

        Assert.Equal("Ghi chú dài tối đa 2.000 ký tự (đã nhập 2.001 ký tự).", await ProblemAsync(refused, "notes"));
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task AutonomyPlanDecision_OverItsColumns_IsRefusedOnEachField(DatabaseProvider provider)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var plan = new JsonObject
        {
            ["periodStart"] = 2026, ["periodEnd"] = 2030, ["proposedGroup"] = 3, ["submittedOn"] = "2026-03-01", ["status"] = "submitted",
            ["decisionNumber"] = new string('1', 65), ["decisionIssuer"] = new string('U', 251), ["notes"] = new string('n', 2001),
        };

        using var refused = await admin.PostAsync($"/api/v1/units/{id}/autonomy-plans", Json(plan));

        Assert.Contains("Ghi chú dài tối đa 2.000 ký tự", await ProblemAsync(refused, "notes"), StringComparison.Ordinal);
        using var list = await admin.GetAsync($"/api/v1/units/{id}/autonomy-plans");
        Assert.DoesNotContain("nnnnnnnnnn", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task DocumentSigner_OverItsColumn_IsRefusedOnTheField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var body = PlansClient.Document(token).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")).With("signer", new string('S', 201));

        using var refused = await admin.PostAsync("/api/v1/documents", Json(body));

        Assert.Equal("Người ký dài tối đa 200 ký tự (đã nhập 201 ký tự).", await ProblemAsync(refused, "signer"));
        Assert.False(await app.WithDbAsync((db, _) => db.Documents.AnyAsync(d => d.Number.StartsWith(token))));
    }

    [Theory, DatabaseData]
    public async Task StaffingPage_NotesOverTheirColumn_AreRefusedWithAMessageAndKeptWhole(DatabaseProvider provider)
    {
        var (app, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var (_, page) = await session.GetAsync($"/units/{id}/resources?year=2012");
        var form = page.QuerySelector("#staffing-form")!;
        var notes = new string('g', 2100);

        using var response = await session.PostFormAsync(form.GetAttribute("action")!, form, new()
        {
            ["Staffing.BudgetPositions"] = "10", ["Staffing.RevenuePositions"] = "0", ["Staffing.ActualStaff"] = "10", ["Staffing.BudgetContractWorkers"] = "0",
            ["Staffing.Leadership"] = "1", ["Staffing.Professional"] = "8", ["Staffing.SharedProfessional"] = "1", ["Staffing.Support"] = "0",
            ["Staffing.Notes"] = notes,
        });
        var result = await PageSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ghi chú dài tối đa 2.000 ký tự (đã nhập 2.100 ký tự).", result.QuerySelector("[data-testid=error-summary]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(notes, result.QuerySelector("#Staffing_Notes")?.TextContent);
        Assert.Null(result.QuerySelector("#Staffing_Notes[maxlength]"));   // the browser must not cut what is pasted
    }
}
