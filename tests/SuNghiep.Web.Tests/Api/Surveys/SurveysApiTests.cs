using System.Net;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using static SuNghiep.Web.Tests.Api.Surveys.SurveysClient;

namespace SuNghiep.Web.Tests.Api.Surveys;

/// <summary>Satisfaction surveys over the API: forms, rounds, responses, results, scope and roles.</summary>
public sealed class SurveysApiTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Instruments_ListAndGet_ShipBothFormsWithTheirScale(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        var list = await GetAsync(admin, "/api/v1/survey-instruments");
        var codes = list["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList();
        var city = list["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == CityForm)!;
        var form = await GetAsync(admin, $"/api/v1/survey-instruments/{city["id"]}");
        using var missing = await admin.GetAsync("/api/v1/survey-instruments/999999");

        Assert.Contains(MinistryForm, codes);
        Assert.Equal("lowerIsBetter", form["scale"]!["direction"]!.GetValue<string>());
        Assert.Equal(5, form["scale"]!["noOpinionValue"]!.GetValue<int>());
        Assert.Equal(2, form["scale"]!["satisfiedThreshold"]!.GetValue<int>());
        Assert.Contains(form["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == "2.5");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Responses_OnTheReversedForm_GiveMeansScoresAndSharesPerSectionAndItem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (unit, _) = await HospitalAsync(admin, app, token);
        var round = await CreateRoundAsync(admin, Round(unit, $"Quý 2/2026 {token}"));

        using var posted = await PostResponsesAsync(admin, round, Responses(
            Answers(("1.1", 1), ("1.2", 2), ("2.1", 4)),
            Answers(("1.1", 5), ("1.2", 3), ("2.1", 1))));
        var view = await GetAsync(admin, $"/api/v1/surveys/{round}");
        var list = await GetAsync(admin, $"/api/v1/surveys?unitId={unit}");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var sections = view["sections"]!.AsArray();
        var first = sections.Single(s => s!["code"]!.GetValue<string>() == "1")!;
        var second = sections.Single(s => s!["code"]!.GetValue<string>() == "2")!;
        // Section 1: 1, 2, 3 with an opinion (the 5 is "không có ý kiến"): mean 2, score (4 − 2) ÷ 3 × 100, 2 of 3 satisfied (≤ 2).
        Assert.Equal(3, first["results"]!["n"]!.GetValue<long>());
        Assert.Equal(1, first["results"]!["noOpinion"]!.GetValue<long>());
        Assert.Equal(2m, first["results"]!["mean"]!.GetValue<decimal>());
        Assert.Equal(66.7m, first["results"]!["score"]!.GetValue<decimal>());
        Assert.Equal(66.7m, first["results"]!["satisfiedPercent"]!.GetValue<decimal>());
        var item = first["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "1.1")!;
        Assert.Equal(100m, item["results"]!["score"]!.GetValue<decimal>());
        Assert.Equal(1, item["results"]!["n"]!.GetValue<long>());
        // Section 2: 4 and 1: mean 2.5, score 50, half satisfied.
        Assert.Equal(50m, second["results"]!["score"]!.GetValue<decimal>());
        Assert.Equal(50m, second["results"]!["satisfiedPercent"]!.GetValue<decimal>());
        var row = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(1, list["total"]!.GetValue<int>());
        Assert.Equal(2, row["responses"]!.GetValue<int>());
        Assert.Equal(2.2m, row["results"]!["mean"]!.GetValue<decimal>());
        Assert.Equal(60m, row["results"]!["score"]!.GetValue<decimal>());
        Assert.Equal(60m, row["results"]!["satisfiedPercent"]!.GetValue<decimal>());
    }

    [Theory, DatabaseData]
    public async Task Responses_UnknownItemOrValueOutsideTheScale_Return400AndWriteNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (unit, _) = await HospitalAsync(admin, app, Unique.Token());
        var round = await CreateRoundAsync(admin, Round(unit, "Quý 1/2026"));

        using var outside = await PostResponsesAsync(admin, round, Responses(Answers(("1.1", 1)), Answers(("1.2", 7))));
        using var unknown = await PostResponsesAsync(admin, round, new JsonObject { ["answers"] = Answers(("1.1", 2), ("Z9", 3)) });
        using var text = await PostResponsesAsync(admin, round, new JsonObject { ["answers"] = new JsonObject { ["1.1"] = "tốt" } });
        using var none = await PostResponsesAsync(admin, round, new JsonObject { ["responses"] = new JsonArray() });

        Assert.Equal(["responses[1].answers.1.2"], (await outside.ValidationErrorsAsync()).Keys);
        Assert.Equal(["answers.Z9"], (await unknown.ValidationErrorsAsync()).Keys);
        Assert.Equal(["answers.1.1"], (await text.ValidationErrorsAsync()).Keys);
        Assert.Equal(["responses"], (await none.ValidationErrorsAsync()).Keys);
        var view = await GetAsync(admin, $"/api/v1/surveys/{round}");
        Assert.Equal(0, view["round"]!["responses"]!.GetValue<int>());
        Assert.Equal(0, view["overall"]!["n"]!.GetValue<long>());
    }

    [Theory, DatabaseData]
    public async Task Create_BadFields_Return400OnEachField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (unit, _) = await HospitalAsync(admin, app, token);

        using var response = await admin.PostAsync("/api/v1/surveys", UnitsClient.Content(new JsonObject
        {
            ["instrumentCode"] = "KHONG-CO", ["unitId"] = unit, ["periodFrom"] = "2026-06-30", ["periodTo"] = "2026-04-01", ["label"] = " ",
        }.ToJsonString()));
        using var badDate = await admin.PostAsync("/api/v1/surveys", UnitsClient.Content(Round(unit, "Quý 2").With("periodFrom", "30/04/2026").ToJsonString()));
        using var noUnit = await admin.PostAsync("/api/v1/surveys", UnitsClient.Content(Round(999_999, "Quý 2").ToJsonString()));

        Assert.Equal(["instrumentCode", "label", "periodTo"], (await response.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["periodFrom"], (await badDate.ValidationErrorsAsync()).Keys);
        Assert.Equal(["unitId"], (await noUnit.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, (await GetAsync(admin, $"/api/v1/surveys?unitId={unit}"))["total"]!.GetValue<int>());
    }

    [Theory, DatabaseData]
    public async Task Scope_AnotherAgencysOfficer_GetsNotFound_ViewerIsRefusedWrites(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (unit, _) = await HospitalAsync(admin, app, token);
        var round = await CreateRoundAsync(admin, Round(unit, $"Đợt {token}"));
        var (other, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Education);
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: Health);
        var body = Responses(Answers(("1.1", 1)));

        using var get = await other.GetAsync($"/api/v1/surveys/{round}");
        using var post = await PostResponsesAsync(other, round, body);
        using var template = await other.GetAsync($"/api/v1/surveys/{round}/responses/template");
        using var import = await other.PostAsync($"/api/v1/surveys/{round}/responses/import", Upload(Sheet(["1.1"], [1])));
        using var create = await other.PostAsync("/api/v1/surveys", UnitsClient.Content(Round(unit, "Chen").ToJsonString()));
        var listed = await GetAsync(other, $"/api/v1/surveys?q={token}");
        using var viewerPost = await PostResponsesAsync(viewer, round, body);
        using var viewerCreate = await viewer.PostAsync("/api/v1/surveys", UnitsClient.Content(Round(unit, "Xem").ToJsonString()));
        var viewerRead = await GetAsync(viewer, $"/api/v1/surveys/{round}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, template.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, import.StatusCode);
        Assert.Equal(["unitId"], (await create.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, listed["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, viewerPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerCreate.StatusCode);
        Assert.Equal(round, viewerRead["round"]!["id"]!.GetValue<int>());
        Assert.Equal(0, viewerRead["round"]!["responses"]!.GetValue<int>());
        Assert.Equal(1, (await GetAsync(admin, $"/api/v1/surveys?unitId={unit}"))["total"]!.GetValue<int>());
    }

    [Theory, DatabaseData]
    public async Task Writes_UnitOfficerOfThatUnitAndManagingAgency_Succeed_AnotherUnitsOfficerDoesNot(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (unit, code) = await HospitalAsync(admin, app, token);
        var (otherUnit, otherCode) = await HospitalAsync(admin, app, Unique.Token());
        var own = app.ClientWithToken(await app.TokenAsync(await app.CreateUserAsync(Roles.UnitOfficer, unit: code), SuNghiepApp.Password));
        var stranger = app.ClientWithToken(await app.TokenAsync(await app.CreateUserAsync(Roles.UnitOfficer, unit: otherCode), SuNghiepApp.Password));
        var (agency, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        var byAgency = await CreateRoundAsync(agency, Round(unit, $"Sở {token}"));
        var byUnit = await CreateRoundAsync(own, Round(unit, $"Đơn vị {token}", "2025-01-01", "2025-12-31"));
        using var ownPost = await PostResponsesAsync(own, byAgency, Responses(Answers(("1.1", 2), ("2.2", 3))));
        using var strangerPost = await PostResponsesAsync(stranger, byAgency, Responses(Answers(("1.1", 2))));
        using var strangerCreate = await stranger.PostAsync("/api/v1/surveys", UnitsClient.Content(Round(unit, "Chen").ToJsonString()));
        var year2025 = await GetAsync(admin, $"/api/v1/surveys?unitId={unit}&year=2025");
        var health = await GetAsync(admin, $"/api/v1/surveys?q={token}&sector=health");
        var education = await GetAsync(admin, $"/api/v1/surveys?q={token}&sector=education");

        Assert.Equal(HttpStatusCode.Created, ownPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerPost.StatusCode);
        Assert.Equal(["unitId"], (await strangerCreate.ValidationErrorsAsync()).Keys);
        Assert.Equal([byUnit], year2025["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
        Assert.Equal(2, health["total"]!.GetValue<int>());
        Assert.Equal(0, education["total"]!.GetValue<int>());
        Assert.NotEqual(unit, otherUnit);
    }

    [Theory, DatabaseData]
    public async Task Writes_AreAudited_TheRoundByRow_TheResponsesAsOneSummaryPerType(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, email) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        using var admin = await app.AdminAsync();
        var (unit, _) = await HospitalAsync(admin, app, Unique.Token());
        var round = await CreateRoundAsync(officer, Round(unit, "Quý 2/2026"));

        using var posted = await PostResponsesAsync(officer, round, Responses(Answers(("1.1", 1), ("1.2", 2)), Answers(("1.1", 3))));
        var trail = await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(a => a.ActorName == email || a.ActorId != null && db.Users.Any(u => u.Id == a.ActorId && u.Email == email))));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Contains(trail, a => a.EntityType == "SurveyRound" && a.EntityId == round.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "Create");
        var responses = Assert.Single(trail, a => a.EntityType == "SurveyResponse");
        var answers = Assert.Single(trail, a => a.EntityType == "SurveyAnswer");
        Assert.Equal("*", responses.EntityId);
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(responses.After!).RootElement.GetProperty("count").GetInt32());
        Assert.Equal(3, System.Text.Json.JsonDocument.Parse(answers.After!).RootElement.GetProperty("count").GetInt32());
    }

    internal static MultipartFormDataContent Upload(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", "phieu.xlsx" } };
    }
}
