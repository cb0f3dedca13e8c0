using System.Net;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Api.Oversight;

/// <summary>
/// Inspections over HTTP: the decision, the conclusion once, the directive, the law's deadlines, and each recommendation's
/// status as its follow-up and dispute change it; scope and roles as Law 84/2025 and the permissions table assign them.
/// </summary>
public sealed class InspectionApiTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private const string OtherProvince = "24.SNV";

    private static DateOnly Today => PlansClient.Today;

    private static async Task<(HttpClient Admin, int Agency, UnitResponse Unit)> SetUpAsync(SuNghiepApp app)
    {
        var admin = await app.AdminAsync();
        var agency = await app.AgencyIdAsync(Health);
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "TT", agency).With("sector", "health"));
        return (admin, agency, unit);
    }

    [Theory, DatabaseData]
    public async Task Conclusion_WithFindings_ShowsDeadlinesMetOrLate(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, agency, unit) = await SetUpAsync(app);
        var token = Unique.Token();

        var created = await admin.CreateInspectionAsync(InspectionsClient.Inspection(token, agency, unit.Id));
        var concluded = await admin.ConcludeAsync(created.Id, InspectionsClient.Conclusion(token, unit.Id, agency, Today.AddDays(30)));

        Assert.Null(created.Conclusion);
        Assert.Equal([unit.Id], created.Units.Select(u => u.Id));
        Assert.Equal(($"{token}/KL-TTr", new DateOnly(2025, 6, 27)), (concluded.Conclusion!.Number, concluded.Conclusion.PublishedUntil!.Value));
        // Report Monday 05/05/2025: five working days end on 12/05; assigned 09/05.
        Assert.Equal((new DateOnly(2025, 5, 12), true, false), (concluded.Deadlines.DraftAssignBy.By!.Value, concluded.Deadlines.DraftAssignBy.Met, concluded.Deadlines.DraftAssignBy.Late));
        // Draft received 30/05: fifteen days end on Saturday 14/06, so Monday 16/06; signed 10/06.
        Assert.Equal((new DateOnly(2025, 6, 16), true), (concluded.Deadlines.SignBy.By!.Value, concluded.Deadlines.SignBy.Met));
        // No directive by 25/06/2025: late, and said so in words.
        Assert.Equal((new DateOnly(2025, 6, 25), (bool?)null, true), (concluded.Deadlines.DirectiveBy.By!.Value, concluded.Deadlines.DirectiveBy.Met, concluded.Deadlines.DirectiveBy.Late));
        Assert.Contains("quá hạn", concluded.Deadlines.DirectiveBy.Text, StringComparison.Ordinal);
        var finding = Assert.Single(concluded.Findings);
        Assert.Equal((unit.Id, 119_000_000m), (finding.UnitId!.Value, finding.Amount!.Value));
        var recommendation = Assert.Single(finding.Recommendations);
        Assert.Equal(("recover", "open", agency), (recommendation.Type, recommendation.Status, recommendation.AddresseeAgencyId));
    }

    [Theory, DatabaseData]
    public async Task Conclusion_Twice_Returns409(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, agency, unit) = await SetUpAsync(app);
        var token = Unique.Token();
        var created = await admin.CreateInspectionAsync(InspectionsClient.Inspection(token, agency, unit.Id));
        await admin.ConcludeAsync(created.Id, InspectionsClient.Conclusion(token, unit.Id, agency, Today.AddDays(30)));

        using var again = await admin.PostJsonAsync($"/api/v1/inspections/{created.Id}/conclusion", InspectionsClient.Conclusion("khac", unit.Id, agency, Today));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single((await admin.GetInspectionAsync(created.Id)).Findings);
    }

    [Theory, DatabaseData]
    public async Task Directive_BeforeAndAfterConclusion_409ThenRecordedOnce(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, agency, unit) = await SetUpAsync(app);
        var token = Unique.Token();
        var created = await admin.CreateInspectionAsync(InspectionsClient.Inspection(token, agency, unit.Id));
        var directive = new JsonObject { ["number"] = $"{token}/UBND-NCKS", ["date"] = "2025-06-20", ["text"] = "Giao Sở Y tế chỉ đạo thực hiện" };

        using var early = await admin.PostJsonAsync($"/api/v1/inspections/{created.Id}/directive", directive);
        await admin.ConcludeAsync(created.Id, InspectionsClient.Conclusion(token, unit.Id, agency, Today.AddDays(30)));
        using var recorded = await admin.PostJsonAsync($"/api/v1/inspections/{created.Id}/directive", directive);
        using var twice = await admin.PostJsonAsync($"/api/v1/inspections/{created.Id}/directive", directive);
        var view = await admin.GetInspectionAsync(created.Id);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.Conflict), (early.StatusCode, recorded.StatusCode, twice.StatusCode));
        Assert.Equal(($"{token}/UBND-NCKS", (bool?)true, false), (view.Directive!.Number, view.Deadlines.DirectiveBy.Met, view.Deadlines.DirectiveBy.Late));
    }

    [Theory, DatabaseData]
    public async Task Recommendations_ByStatus_EachComputedForTodayAndPagedRight(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, agency, unit) = await SetUpAsync(app);
        var token = Unique.Token();
        var inspection = await admin.CreateInspectionAsync(InspectionsClient.Inspection(token, agency, unit.Id));
        var conclusion = InspectionsClient.Conclusion(token, unit.Id, agency, Today);
        var recommendations = (JsonArray)conclusion["findings"]![0]!["recommendations"]!;
        // Deadlines: today (open: the day itself is in time), yesterday (overdue), and three more in a month.
        foreach (var deadline in new[] { Today.AddDays(-1), Today.AddDays(30), Today.AddDays(30), Today.AddDays(-10), Today.AddDays(-1) })
        {
            recommendations.Add(InspectionsClient.Recommendation(token, agency, deadline));
        }

        var ids = (await admin.ConcludeAsync(inspection.Id, conclusion)).Findings[0].Recommendations.Select(r => r.Id).ToArray();
        var (open, overdue, partial, done, disputed, overdueReported) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);
        await admin.FollowUpAsync(partial, InspectionsClient.FollowUp(Today, false, 10_000_000));
        await admin.FollowUpAsync(done, InspectionsClient.FollowUp(Today.AddDays(-1), false));
        await admin.FollowUpAsync(done, InspectionsClient.FollowUp(Today, true, 119_000_000));
        using (var dispute = await admin.PostJsonAsync($"/api/v1/recommendations/{disputed}/dispute", new JsonObject { ["disputed"] = true, ["reason"] = "Đơn vị khiếu nại" }))
        {
            Assert.Equal(HttpStatusCode.OK, dispute.StatusCode);
        }

        await admin.FollowUpAsync(overdueReported, InspectionsClient.FollowUp(Today, false));

        async Task<int[]> Of(string status) =>
            (await admin.ListRecommendationsAsync($"status={status}&unitId={unit.Id}")).Items.Select(r => r.Id).Order().ToArray();

        Assert.Equal([open], await Of("open"));
        Assert.Equal([overdue, overdueReported], await Of("overdue"));
        Assert.Equal([partial], await Of("partial"));
        Assert.Equal([done], await Of("done"));
        Assert.Equal([disputed], await Of("disputed"));
        var all = await admin.ListRecommendationsAsync($"unitId={unit.Id}&pageSize=500");
        Assert.Equal(6, all.Total);
        Assert.Equal(119_000_000m, all.Items.Single(r => r.Id == done).Recovered);
        var page2 = await admin.ListRecommendationsAsync($"status=overdue&unitId={unit.Id}&pageSize=1&page=2");
        Assert.Equal((2, 1), (page2.Total, page2.Items.Count));
        Assert.Equal("overdue", page2.Items[0].Status);
    }

    [Theory, DatabaseData]
    public async Task FollowUp_ByTheUnitsOfficer_Accepted_ByAnotherUnitsOfficer_NotFound(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, agency, unit) = await SetUpAsync(app);
        var other = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "KH", agency).With("sector", "health"));
        var (_, recommendation) = await admin.ConcludedAsync(Unique.Token(), agency, unit.Id, agency, Today.AddDays(30));
        var own = app.ClientWithToken(await app.TokenAsync(await app.CreateUserAsync(Roles.UnitOfficer, unit: unit.Code), SuNghiepApp.Password));
        var stranger = app.ClientWithToken(await app.TokenAsync(await app.CreateUserAsync(Roles.UnitOfficer, unit: other.Code), SuNghiepApp.Password));

        using var refused = await stranger.PostJsonAsync($"/api/v1/recommendations/{recommendation}/follow-up", InspectionsClient.FollowUp(Today, true));
        var accepted = await own.FollowUpAsync(recommendation, InspectionsClient.FollowUp(Today, true));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("done", accepted.Status);
        Assert.Single(accepted.FollowUps);
    }

    [Theory, DatabaseData]
    public async Task OtherProvincesOfficer_Gets404_Viewer_Reads_But_Gets403OnWrites(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, agency, unit) = await SetUpAsync(app);
        var token = Unique.Token();
        var (inspection, recommendation) = await admin.ConcludedAsync(token, agency, unit.Id, agency, Today.AddDays(30));
        var (outsider, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: OtherProvince);
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: Health);

        using var outsiderGet = await outsider.GetAsync($"/api/v1/inspections/{inspection}");
        using var outsiderFollowUp = await outsider.PostJsonAsync($"/api/v1/recommendations/{recommendation}/follow-up", InspectionsClient.FollowUp(Today, true));
        using var outsiderDirective = await outsider.PostJsonAsync($"/api/v1/inspections/{inspection}/directive",
            new JsonObject { ["number"] = "1/CĐ", ["date"] = "2025-06-20" });
        var outsiderList = await outsider.ListInspectionsAsync($"q={token}");
        using var viewerGet = await viewer.GetAsync($"/api/v1/inspections/{inspection}");
        using var viewerFollowUp = await viewer.PostJsonAsync($"/api/v1/recommendations/{recommendation}/follow-up", InspectionsClient.FollowUp(Today, true));
        using var viewerCreate = await viewer.PostJsonAsync("/api/v1/inspections", InspectionsClient.Inspection(Unique.Token(), agency, unit.Id));
        using var outsiderCreate = await outsider.PostJsonAsync("/api/v1/inspections", InspectionsClient.Inspection(Unique.Token(), agency, unit.Id));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (outsiderGet.StatusCode, outsiderFollowUp.StatusCode, outsiderDirective.StatusCode));
        Assert.Equal(0, outsiderList.Total);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (viewerGet.StatusCode, viewerFollowUp.StatusCode, viewerCreate.StatusCode));
        // The unit is not in the outsider's scope and the body agency is not its own.
        Assert.True(outsiderCreate.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"got {(int)outsiderCreate.StatusCode}");
        Assert.Empty((await admin.GetInspectionAsync(inspection)).Findings[0].Recommendations[0].FollowUps);
    }

    [Theory, DatabaseData]
    public async Task AgencyOfficer_OfTheBody_RecordsAndListsIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, agency, unit) = await SetUpAsync(app);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var token = Unique.Token();

        var created = await officer.CreateInspectionAsync(InspectionsClient.Inspection(token, agency, unit.Id).With("kind", "check"));
        var listed = await officer.ListInspectionsAsync($"q={token}&kind=check&year=2025&unitId={unit.Id}");
        var otherKind = await officer.ListInspectionsAsync($"q={token}&kind=planned");

        Assert.Equal([created.Id], listed.Items.Select(i => i.Id));
        Assert.Equal(("check", "Kiểm tra"), (listed.Items[0].Kind, listed.Items[0].KindName));
        Assert.Equal(0, otherKind.Total);
        Assert.Equal(created.Id, (await admin.GetInspectionAsync(created.Id)).Id);
    }

    [Theory, DatabaseData]
    public async Task BadInput_Returns400_OnTheField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, agency, unit) = await SetUpAsync(app);
        var token = Unique.Token();
        var valid = InspectionsClient.Inspection(token, agency, unit.Id);

        using var reversed = await admin.PostJsonAsync("/api/v1/inspections", valid.With("periodFrom", "2025-01-01").With("periodTo", "2024-01-01"));
        using var unknownUnit = await admin.PostJsonAsync("/api/v1/inspections", valid.With("unitIds", new JsonArray(int.MaxValue)));
        using var unknownAgency = await admin.PostJsonAsync("/api/v1/inspections", valid.With("bodyAgencyId", int.MaxValue));
        using var badKind = await admin.PostJsonAsync("/api/v1/inspections", valid.With("kind", "audit").With("decision", "x"));
        var created = await admin.CreateInspectionAsync(valid);
        var early = InspectionsClient.Conclusion(token, unit.Id, agency, new DateOnly(2025, 6, 9));
        using var deadlineBefore = await admin.PostJsonAsync($"/api/v1/inspections/{created.Id}/conclusion", early);
        var negative = InspectionsClient.Conclusion(token, unit.Id, agency, Today);
        negative["findings"]![0]!["amount"] = -1;
        negative["findings"]![0]!["recommendations"]![0]!["addresseeAgencyId"] = int.MaxValue;
        using var negativeAmount = await admin.PostJsonAsync($"/api/v1/inspections/{created.Id}/conclusion", negative);
        var (_, recommendation) = await admin.ConcludedAsync(Unique.Token(), agency, unit.Id, agency, Today.AddDays(5));
        using var future = await admin.PostJsonAsync($"/api/v1/recommendations/{recommendation}/follow-up", InspectionsClient.FollowUp(Today.AddDays(1), true, -5));
        using var noReason = await admin.PostJsonAsync($"/api/v1/recommendations/{recommendation}/dispute", new JsonObject { ["disputed"] = true });
        using var notJson = await admin.PostAsync("/api/v1/inspections", UnitsClient.Content("[1]"));

        Assert.Equal(["periodTo"], (await reversed.ValidationErrorsAsync()).Keys);
        Assert.Equal(["unitIds"], (await unknownUnit.ValidationErrorsAsync()).Keys);
        Assert.Equal(["bodyAgencyId"], (await unknownAgency.ValidationErrorsAsync()).Keys);
        Assert.Equal(["decision"], (await badKind.ValidationErrorsAsync()).Keys.Order());
        Assert.Equal(["findings[0].recommendations[0].deadline"], (await deadlineBefore.ValidationErrorsAsync()).Keys);
        Assert.Equal(["findings[0].amount", "findings[0].recommendations[0].addresseeAgencyId"], (await negativeAmount.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["amountRecovered", "date"], (await future.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["reason"], (await noReason.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Null((await admin.GetInspectionAsync(created.Id)).Conclusion);
    }

    [Theory, DatabaseData]
    public async Task Dispute_ThenSettled_StatusFollows(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, agency, unit) = await SetUpAsync(app);
        var (_, recommendation) = await admin.ConcludedAsync(Unique.Token(), agency, unit.Id, agency, Today.AddDays(-3));

        using var disputed = await admin.PostJsonAsync($"/api/v1/recommendations/{recommendation}/dispute", new JsonObject { ["disputed"] = true, ["reason"] = "Khiếu nại kết luận" });
        var whileDisputed = await admin.ListRecommendationsAsync($"unitId={unit.Id}");
        using var settled = await admin.PostJsonAsync($"/api/v1/recommendations/{recommendation}/dispute", new JsonObject { ["disputed"] = false, ["reason"] = "Giữ nguyên kết luận" });
        var after = await admin.ListRecommendationsAsync($"unitId={unit.Id}");

        Assert.Equal(("disputed", "overdue"), (whileDisputed.Items.Single().Status, after.Items.Single().Status));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (disputed.StatusCode, settled.StatusCode));
    }
}
