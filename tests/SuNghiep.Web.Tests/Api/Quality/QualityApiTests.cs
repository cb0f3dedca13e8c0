using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Api.Quality;

/// <summary>Quality standards and assessments over HTTP: the computed level, validation, and who may record what.</summary>
public sealed class QualityApiTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private const string Education = "92.SGDDT";

    private static async Task<StandardView> StandardAsync(HttpClient client, string code)
    {
        var list = JsonSerializer.Deserialize<List<StandardSummary>>(await client.GetStringAsync("/api/v1/quality-standards"), UnitsClient.Json)!;
        var id = list.Single(s => s.Code == code).Id;
        return JsonSerializer.Deserialize<StandardView>(await client.GetStringAsync($"/api/v1/quality-standards/{id}"), UnitsClient.Json)!;
    }

    private static JsonObject Assessment(StandardView standard, string kind, Func<CriterionView, int, decimal> score) => new()
    {
        ["standardId"] = standard.Id,
        ["kind"] = kind,
        ["periodFrom"] = "2025-01-01",
        ["periodTo"] = "2025-12-31",
        ["assessedOn"] = "2026-01-15",
        ["team"] = "Đoàn đánh giá của Sở",
        ["decision"] = new JsonObject { ["number"] = "15/QĐ-SYT", ["date"] = "2026-01-20", ["issuer"] = "Sở Y tế" },
        ["scores"] = new JsonArray(standard.Criteria.Select((c, i) => (JsonNode)new JsonObject { ["criterionCode"] = c.Code, ["score"] = score(c, i) }).ToArray()),
    };

    private static async Task<(SuNghiepApp App, HttpClient Admin, UnitResponse Unit)> HealthUnitAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "BV", await app.AgencyIdAsync(Health)).With("sector", "health"));
        return (app, admin, unit);
    }

    [Theory, DatabaseData]
    public async Task Post_HospitalCriteria_ScoreIsTheMeanAndLevelItsBand(DatabaseProvider provider)
    {
        var (_, admin, unit) = await HealthUnitAsync(hosts, provider);
        using var _ = admin;
        var hospital = await StandardAsync(admin, "QD-6858-BYT");
        // 19 criteria: 10 at level 4 and 9 at level 3 → mean 3.526… → 3.53, level 3.
        var body = Assessment(hospital, "self", (_, i) => i < 10 ? 4 : 3);

        using var post = await admin.PostJsonAsync($"/api/v1/units/{unit.Id}/assessments", body);
        var text = await post.Content.ReadAsStringAsync();
        Assert.True(post.StatusCode == HttpStatusCode.Created, text);
        var created = JsonSerializer.Deserialize<AssessmentView>(text, UnitsClient.Json)!;
        var list = JsonSerializer.Deserialize<List<AssessmentView>>(await admin.GetStringAsync($"/api/v1/units/{unit.Id}/assessments"), UnitsClient.Json)!;

        Assert.Equal(3.53m, created.Score);
        Assert.Equal("muc-3", created.Level);
        Assert.Equal("Mức 3", created.LevelLabel);
        Assert.Equal([created.Id], list.Select(a => a.Id));
        Assert.Equal(hospital.Criteria.Count, list[0].Scores.Count);
        Assert.Equal("15/QĐ-SYT", list[0].Decision.Number);
    }

    [Theory, DatabaseData]
    public async Task Post_Circular07_SumOfPointsOnEachSideOf70(DatabaseProvider provider)
    {
        var (_, admin, unit) = await HealthUnitAsync(hosts, provider);
        using var _ = admin;
        var circular = await StandardAsync(admin, "TT-07-2023-BNV");

        // 6 groups: 5 × 12 + 10 = 70 → Khá; 5 × 12 + 9.99 = 69.99 → Đạt.
        using var kha = await admin.PostJsonAsync($"/api/v1/units/{unit.Id}/assessments", Assessment(circular, "external", (_, i) => i == 5 ? 10 : 12));
        using var dat = await admin.PostJsonAsync($"/api/v1/units/{unit.Id}/assessments", Assessment(circular, "external", (_, i) => i == 5 ? 9.99m : 12));

        var k = JsonSerializer.Deserialize<AssessmentView>(await kha.Content.ReadAsStringAsync(), UnitsClient.Json)!;
        var d = JsonSerializer.Deserialize<AssessmentView>(await dat.Content.ReadAsStringAsync(), UnitsClient.Json)!;
        Assert.Equal((70m, "Khá", "external"), (k.Score, k.LevelLabel, k.Kind));
        Assert.Equal((69.99m, "Đạt"), (d.Score, d.LevelLabel));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        // case                 field
        { "unknown criterion",  "scores[0].criterionCode" },
        { "above max",          "scores[0].score" },
        { "period reversed",    "periodTo" },
        { "missing scores",     "scores" },
        { "unknown kind",       "kind" },
        { "unknown standard",   "standardId" },
        { "score as text",      "scores[0].score" },
    };

    [Theory, DatabaseData(nameof(BadBodies))]
    public async Task Post_BadInput_Returns400OnTheFieldAndWritesNothing(DatabaseProvider provider, string scenario, string field)
    {
        var (_, admin, unit) = await HealthUnitAsync(hosts, provider);
        using var _ = admin;
        var hospital = await StandardAsync(admin, "QD-6858-BYT");
        var body = Assessment(hospital, "self", (_, _) => 3);
        var first = body["scores"]![0]!.AsObject();
        switch (scenario)
        {
            case "unknown criterion": first["criterionCode"] = "Z9.9"; break;
            case "above max": first["score"] = 5.5; break;
            case "period reversed": body["periodTo"] = "2024-12-31"; break;
            case "missing scores": body["scores"]!.AsArray().RemoveAt(3); break;
            case "unknown kind": body["kind"] = "peer"; break;
            case "unknown standard": body["standardId"] = int.MaxValue; break;
            default: first["score"] = "tốt"; break;
        }

        using var post = await admin.PostJsonAsync($"/api/v1/units/{unit.Id}/assessments", body);
        var list = JsonSerializer.Deserialize<List<AssessmentView>>(await admin.GetStringAsync($"/api/v1/units/{unit.Id}/assessments"), UnitsClient.Json)!;

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains(field, (await post.ValidationErrorsAsync()).Keys);
        Assert.Empty(list);
    }

    [Theory, DatabaseData]
    public async Task Post_ByRole_OnlyWhoMayRecordTheKind(DatabaseProvider provider)
    {
        var (app, admin, unit) = await HealthUnitAsync(hosts, provider);
        using var _ = admin;
        var hospital = await StandardAsync(admin, "QD-6858-BYT");
        using var unitOfficer = app.ClientWithToken(await app.TokenAsync(await app.CreateUserAsync(Roles.UnitOfficer, unit: unit.Code), SuNghiepApp.Password));
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: Health);
        var (otherAgency, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Education);
        var (ownAgency, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var url = $"/api/v1/units/{unit.Id}/assessments";

        using var selfByUnit = await unitOfficer.PostJsonAsync(url, Assessment(hospital, "self", (_, _) => 4));
        using var externalByUnit = await unitOfficer.PostJsonAsync(url, Assessment(hospital, "external", (_, _) => 4));
        using var accreditationByUnit = await unitOfficer.PostJsonAsync(url, Assessment(hospital, "accreditation", (_, _) => 4));
        using var byViewer = await viewer.PostJsonAsync(url, Assessment(hospital, "self", (_, _) => 4));
        using var readByViewer = await viewer.GetAsync(url);
        using var byOtherAgency = await otherAgency.PostJsonAsync(url, Assessment(hospital, "external", (_, _) => 4));
        using var readByOtherAgency = await otherAgency.GetAsync(url);
        using var externalByAgency = await ownAgency.PostJsonAsync(url, Assessment(hospital, "external", (_, _) => 5));

        Assert.Equal(HttpStatusCode.Created, selfByUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, externalByUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, accreditationByUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readByViewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherAgency.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readByOtherAgency.StatusCode);
        Assert.Equal(HttpStatusCode.Created, externalByAgency.StatusCode);
        var list = JsonSerializer.Deserialize<List<AssessmentView>>(await admin.GetStringAsync(url), UnitsClient.Json)!;
        Assert.Equal(["external", "self"], list.Select(a => a.Kind).Order());
    }

    [Theory, DatabaseData]
    public async Task PostStandard_HomeAffairsAddsWithCriteriaAndBands_AgencyOfficerRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (homeAffairs, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var code = "TC-" + Unique.Token();
        JsonObject Body() => new()
        {
            ["code"] = code, ["name"] = "Tiêu chuẩn thử " + code, ["issuer"] = "Sở Nội vụ", ["documentNumber"] = "1/QĐ-SNV", ["documentDate"] = "2025-01-02",
            ["sectorCode"] = "culture", ["version"] = "2025", ["scoreBasis"] = "totalPoints", ["validityMonths"] = 24,
            ["bands"] = new JsonArray(new JsonObject { ["level"] = "chua-dat", ["label"] = "Chưa đạt", ["min"] = 0 }, new JsonObject { ["level"] = "dat", ["label"] = "Đạt", ["min"] = 15 }),
            ["criteria"] = new JsonArray(new JsonObject { ["code"] = "1.1", ["group"] = "Nhóm 1", ["name"] = "Tiêu chí một", ["maxScore"] = 10 },
                new JsonObject { ["code"] = "1.2", ["group"] = "Nhóm 1", ["name"] = "Tiêu chí hai", ["maxScore"] = 20 }),
        };

        using var refused = await officer.PostJsonAsync("/api/v1/quality-standards", Body());
        using var created = await homeAffairs.PostJsonAsync("/api/v1/quality-standards", Body());
        using var again = await homeAffairs.PostJsonAsync("/api/v1/quality-standards", Body());
        var badBands = Body();
        badBands["bands"]![0]!["min"] = 5;
        using var bad = await homeAffairs.PostJsonAsync("/api/v1/quality-standards", badBands.With("code", code + "-B"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var view = JsonSerializer.Deserialize<StandardView>(text, UnitsClient.Json)!;
        var read = await StandardAsync(homeAffairs, code);
        Assert.Equal(["1.1", "1.2"], read.Criteria.Select(c => c.Code));
        Assert.Equal([0m, 15m], read.Bands.Select(b => b.Min));
        Assert.Equal(view.Id, read.Id);
        Assert.Contains("code", (await again.ValidationErrorsAsync()).Keys);
        Assert.Contains("bands[0].min", (await bad.ValidationErrorsAsync()).Keys);

        // An assessment under it takes the standard's term: 24 months from the decision.
        using var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "VH", await app.AgencyIdAsync(Health)));
        var body = Assessment(read, "external", (c, _) => c.MaxScore - 5);
        using var post = await admin.PostJsonAsync($"/api/v1/units/{unit.Id}/assessments", body);
        var assessment = JsonSerializer.Deserialize<AssessmentView>(await post.Content.ReadAsStringAsync(), UnitsClient.Json)!;
        Assert.Equal((20m, "dat", new DateOnly(2028, 1, 19)), (assessment.Score, assessment.Level, assessment.ValidUntil));
    }

    [Theory, DatabaseData]
    public async Task GetStandard_Unknown_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync($"/api/v1/quality-standards/{int.MaxValue}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
