using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>
/// Reorganization dossiers over the API: drafted by an agency, submitted, appraised by Home Affairs, decided into a
/// reorganization, or withdrawn; the warnings of Decree 120 shown on the proposal, listed in the appraisal and kept with
/// the decision; each step audited; each step only by whom it belongs to.
/// </summary>
public sealed class ProposalTests(AppHosts hosts)
{
    private const string Url = "/api/v1/reorganization-proposals";

    private static JsonObject Proposal(HistoryScenario s, JsonObject plannedEvent, string number = "15/TTr-SGDĐT") => new()
    {
        ["kind"] = "submission",
        ["number"] = number,
        ["proposedOn"] = "2024-05-02",
        ["summary"] = $"Tờ trình hợp nhất hai trường {Unique.Name(s.Token)}",
        ["agencyId"] = s.AgencyId,
        ["event"] = plannedEvent,
    };

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, UnitsClient.Json)!;
    }

    private static async Task<ProposalWritten> PostAsync(HttpClient client, string url, JsonNode body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PostAsync(url, UnitsClient.Content(body.ToJsonString()));
        return await ReadAsync<ProposalWritten>(response, expected);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url, JsonNode body)
    {
        using var response = await client.PostAsync(url, UnitsClient.Content(body.ToJsonString()));
        return response.StatusCode;
    }

    private static JsonObject Appraisal(string result = "agreed-with-conditions") => new()
    {
        ["result"] = result, ["opinion"] = "Đồng ý, đề nghị bảo đảm số người làm việc tối thiểu.", ["appraisedOn"] = "2024-05-20", ["appraiser"] = "Nguyễn Văn An",
    };

    private static JsonObject Decision(string number = "120/QĐ-UBND") => new()
    {
        ["decision"] = new JsonObject { ["number"] = number, ["date"] = "2024-06-10", ["issuer"] = Issuer },
    };

    [Theory, DatabaseData]
    public async Task Dossier_DraftedSubmittedAppraisedDecided_RecordsTheEventAndKeepsTheWarningsOfEachStep(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b, control) = (await s.Client.CreateUnitAsync(s.UnitBody("A").With("autonomyGroup", 2)),
            await s.Client.CreateUnitAsync(s.UnitBody("B").With("autonomyGroup", 2)), await s.UnitAsync("Z"));
        foreach (var (unit, budget) in new[] { (a, 20), (b, 10) })
        {
            using var put = await s.Client.PutAsync($"/api/v1/units/{unit.Id}/staffing/2023", UnitsClient.Content(Staffing(budget).ToJsonString()));
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        var planned = Event("consolidation", new DateOnly(2024, 7, 1)).Without("decision")
            .With("sourceUnitIds", Ids(a, b)).With("newUnits", Array(s.NewUnit("N").With("roleClass", "other").With("autonomyGroup", 3)));
        var body = Proposal(s, planned).With("plannedStaff", 9).With("plannedBudgetPositions", 40).With("competentAgencyId", s.AgencyId);

        var drafted = await PostAsync(s.Client, Url, body, HttpStatusCode.Created);

        string[] broken = ["competentAgencyId", "newUnits[0].autonomyGroup", "plannedBudgetPositions", "plannedStaff"];
        Assert.Equal(broken, drafted.Warnings.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Điều 5 khoản 2", drafted.Warnings["plannedBudgetPositions"][0], StringComparison.Ordinal);
        var draft = drafted.Proposal!;
        Assert.Equal(("draft", "Dự thảo", "consolidation", 9), (draft.Status, draft.StatusName, draft.EventType, draft.PlannedStaff));
        Assert.Equal(broken, draft.Warnings.Select(w => w.Field).Order(StringComparer.Ordinal));
        Assert.Equal([a.Id, b.Id], draft.Event.GetProperty("sourceUnitIds").EnumerateArray().Select(x => x.GetInt32()));

        var submitted = await PostAsync(s.Client, $"{Url}/{draft.Id}/submit", new JsonObject { ["revision"] = draft.Revision });
        Assert.Equal("submitted", submitted.Proposal!.Status);
        Assert.False(string.IsNullOrWhiteSpace(submitted.Proposal.SubmittedBy));

        var appraised = await PostAsync(s.Client, $"{Url}/{draft.Id}/appraise", Appraisal());
        var appraisal = appraised.Proposal!.Appraisal!;
        Assert.Equal(("appraised", "agreed-with-conditions", "Đồng ý có điều kiện", new DateOnly(2024, 5, 20), "Nguyễn Văn An"),
            (appraised.Proposal.Status, appraisal.Result, appraisal.ResultName, appraisal.AppraisedOn, appraisal.Appraiser));
        Assert.Equal(broken, appraisal.Warnings.Select(w => w.Field).Order(StringComparer.Ordinal));

        var decided = await PostAsync(s.Client, $"{Url}/{draft.Id}/decide", Decision());

        var proposal = decided.Proposal!;
        Assert.Equal("decided", proposal.Status);
        Assert.Equal(broken, proposal.DecisionWarnings.Select(w => w.Field).Order(StringComparer.Ordinal));
        Assert.Empty(proposal.Warnings);
        var reorganization = await s.Client.GetEventAsync(proposal.ReorganizationId!.Value);
        Assert.Equal(("consolidation", "120/QĐ-UBND", new DateOnly(2024, 7, 1), -1), (reorganization.Type, reorganization.Decision.Number, reorganization.EffectiveDate, reorganization.CountChange));
        Assert.False((await s.Client.GetUnitAsync(a.Id, new DateOnly(2024, 7, 1))).Active);
        Assert.True((await s.Client.GetUnitAsync(control.Id, new DateOnly(2024, 7, 1))).Active);

        // Each step is in the audit trail, with the status before and after.
        var trail = await s.App.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(x => x.EntityType == "ReorganizationProposal" && x.EntityId == draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(x => x.Action).ToListAsync());
        Assert.Equal(4, trail.Count);
        Assert.Equal(1, trail.Count(x => x == "Create"));

        var list = await s.Client.ReadAsync<ProposalListResponse>($"{Url}?q={Uri.EscapeDataString(Unique.Name(s.Token))}&status=decided");
        Assert.Equal((1, draft.Id), (list.Total, Assert.Single(list.Items).Id));
    }

    [Theory, DatabaseData]
    public async Task Steps_OutOfOrder_AreRefusedWithAConflict(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var draft = (await PostAsync(s.Client, Url,
            Proposal(s, Event("dissolution", new DateOnly(2024, 7, 1)).Without("decision").With("sourceUnitIds", Ids(a))), HttpStatusCode.Created)).Proposal!;
        Assert.Contains(draft.Warnings, w => w.Field == "dissolutionGround");

        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(s.Client, $"{Url}/{draft.Id}/appraise", Appraisal()));
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(s.Client, $"{Url}/{draft.Id}/decide", Decision()));
        await PostAsync(s.Client, $"{Url}/{draft.Id}/submit", new JsonObject());
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(s.Client, $"{Url}/{draft.Id}/submit", new JsonObject()));
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(s.Client, $"{Url}/{draft.Id}/decide", Decision()));
        // A stale revision is a conflict too, and writes nothing.
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(s.Client, $"{Url}/{draft.Id}/appraise", Appraisal().With("revision", draft.Revision)));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(s.Client, $"{Url}/{draft.Id}/withdraw", new JsonObject()));

        var withdrawn = await PostAsync(s.Client, $"{Url}/{draft.Id}/withdraw", new JsonObject { ["reason"] = "Chờ quy hoạch mạng lưới" });

        Assert.Equal(("withdrawn", "Chờ quy hoạch mạng lưới"), (withdrawn.Proposal!.Status, withdrawn.Proposal.WithdrawReason));
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(s.Client, $"{Url}/{draft.Id}/submit", new JsonObject()));
        Assert.True((await s.Client.GetUnitAsync(a.Id, new DateOnly(2024, 7, 2))).Active);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(s.Client, $"{Url}/999999999/submit", new JsonObject()));
    }

    [Theory, DatabaseData]
    public async Task Roles_TheAgencyDraftsAndSubmits_HomeAffairsAppraises_OthersNeitherSeeNorAct(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var (officer, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: s.AgencyCode);
        var (outsider, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        var (homeAffairs, _) = await s.App.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        var (viewer, _) = await s.App.SignInAsNewUserAsync(Roles.Viewer);
        var body = Proposal(s, Event("dissolution", new DateOnly(2024, 7, 1)).Without("decision").With("sourceUnitIds", Ids(a)).With("dissolutionGround", "planning"));

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(outsider, Url, body));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(viewer, Url, body));
        var draft = (await PostAsync(officer, Url, body, HttpStatusCode.Created)).Proposal!;

        using (var hidden = await outsider.GetAsync($"{Url}/{draft.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        Assert.DoesNotContain((await outsider.ReadAsync<ProposalListResponse>($"{Url}?q={Uri.EscapeDataString(Unique.Name(s.Token))}")).Items, r => r.Id == draft.Id);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outsider, $"{Url}/{draft.Id}/submit", new JsonObject()));
        await PostAsync(officer, $"{Url}/{draft.Id}/submit", new JsonObject());
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(officer, $"{Url}/{draft.Id}/appraise", Appraisal()));

        var appraised = await PostAsync(homeAffairs, $"{Url}/{draft.Id}/appraise", Appraisal("not-agreed"));

        Assert.Equal("not-agreed", appraised.Proposal!.Appraisal!.Result);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(viewer, $"{Url}/{draft.Id}/withdraw", new JsonObject { ["reason"] = "x" }));
    }

    [Theory, DatabaseData]
    public async Task Create_BadFields_AnswersEachInVietnameseAndWritesNothing(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var body = new JsonObject
        {
            ["kind"] = "letter", ["number"] = "", ["proposedOn"] = "2024-05-02", ["agencyId"] = s.AgencyId, ["dissolutionGround"] = "because",
            ["plannedStaff"] = -1,
            ["event"] = new JsonObject { ["type"] = "merger", ["effectiveDate"] = "2024-07-01", ["sourceUnitIds"] = Ids(a) },
        };

        using var response = await s.Client.PostAsync(Url, UnitsClient.Content(body.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["dissolutionGround", "event.continuingUnitId", "kind", "number", "plannedStaff", "summary"], fields);
        Assert.Equal(0, (await s.Client.ReadAsync<ProposalListResponse>($"{Url}?agencyId={s.AgencyId}&q={Uri.EscapeDataString(Unique.Name(s.Token))}")).Total);
    }
}
