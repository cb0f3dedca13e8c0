using System.Net;
using System.Text.Json;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Quality;

/// <summary>The unit's quality page: the criteria table, the level after saving, field messages; the list and the unit's line.</summary>
public sealed class QualityPageTests(AppHosts hosts)
{
    private const string Health = "92.SYT";

    private static async Task<(SuNghiepApp App, HttpClient Admin, int Id, string Code, string Token)> HospitalAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var admin = await app.AdminAsync();
        var token = Unique.Token();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "BV", await app.AgencyIdAsync(Health)).With("sector", "health"));
        return (app, admin, unit.Id, unit.Code, token);
    }

    private static Dictionary<string, string> Values(int criteria, Func<int, string> score, string from = "01/01/2025", string to = "31/12/2025")
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Kind"] = "external", ["Input.PeriodFrom"] = from, ["Input.PeriodTo"] = to, ["Input.AssessedOn"] = "15/01/2026",
            ["Input.DecisionNumber"] = "7/QĐ-SYT", ["Input.DecisionDate"] = "20/01/2026", ["Input.DecisionIssuer"] = "Sở Y tế",
        };
        for (var i = 0; i < criteria; i++)
        {
            values[$"Input.Scores[{i}]"] = score(i);
        }

        return values;
    }

    [Theory, DatabaseData]
    public async Task Form_EveryCriterionScored_SavesAndShowsTheLevel(DatabaseProvider provider)
    {
        var (app, admin, id, _, token) = await HospitalAsync(hosts, provider);
        using var _admin = admin;
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var (_, page) = await session.GetAsync($"/units/{id}/quality");
        var form = page.QuerySelector("[data-testid=assessment-form]")!;
        var rows = page.QuerySelectorAll("[data-testid=criterion]");

        // A unit of the health sector gets the hospital criteria; 3,5 is read the Vietnamese way. Mean (3.5 + 18 × 4) / 19 = 3.97.
        using var post = await session.PostFormAsync($"/units/{id}/quality", form, Values(rows.Length, i => i == 0 ? "3,5" : "4"));
        var (_, saved) = await session.GetAsync(post.Headers.Location!.OriginalString);
        var (_, unitPage) = await session.GetAsync($"/units/{id}");
        var (_, list) = await session.GetAsync($"/quality?q={token}");
        using var xlsx = await session.Client.GetAsync($"/quality?q={token}&format=xlsx");

        Assert.Equal(19, rows.Length);
        Assert.Equal("A1.1", rows[0].GetAttribute("data-code"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("Mức 3", saved.QuerySelector("[data-testid=saved-level]")?.TextContent.Trim());
        Assert.Contains("3,97", saved.QuerySelector("[data-testid=assessment-saved]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Mức 3"], saved.QuerySelectorAll("[data-testid=assessment] [data-testid=level]").Select(e => e.TextContent.Trim()));
        Assert.Contains("Mức 3 (QD-6858-BYT, 15/01/2026)", unitPage.QuerySelector("[data-testid=unit-quality]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Mức 3"], list.QuerySelectorAll("[data-testid=assessments] [data-testid=level]").Select(e => e.TextContent.Trim()));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var api = JsonSerializer.Deserialize<List<AssessmentView>>(await admin.GetStringAsync($"/api/v1/units/{id}/assessments"), UnitsClient.Json)!;
        Assert.Equal([(3.97m, "external", "7/QĐ-SYT")], api.Select(a => (a.Score, a.Kind, a.Decision.Number!)));
    }

    [Theory, DatabaseData]
    public async Task Form_BadScoresAndReversedPeriod_Returns400WithFieldMessagesAndKeepsWhatWasTyped(DatabaseProvider provider)
    {
        var (app, admin, id, _, _) = await HospitalAsync(hosts, provider);
        using var _admin = admin;
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var (_, page) = await session.GetAsync($"/units/{id}/quality");
        var form = page.QuerySelector("[data-testid=assessment-form]")!;
        var count = page.QuerySelectorAll("[data-testid=criterion]").Length;

        using var text = await session.PostFormAsync($"/units/{id}/quality", form, Values(count, i => i == 1 ? "tốt" : "4"));
        var textPage = await PageSession.ParseAsync(text);
        using var rules = await session.PostFormAsync($"/units/{id}/quality", form, Values(count, i => i == 0 ? "6" : "4", to: "31/12/2024"));
        var rulesPage = await PageSession.ParseAsync(rules);
        var api = JsonSerializer.Deserialize<List<AssessmentView>>(await admin.GetStringAsync($"/api/v1/units/{id}/assessments"), UnitsClient.Json)!;

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal("Điểm tiêu chí A1.2 phải là một số, ví dụ 4 hoặc 12,5.", textPage.QuerySelector("[data-testid='error-Input.Scores[1]']")?.TextContent.Trim());
        Assert.Equal("tốt", textPage.QuerySelector("#Input_Scores_1_")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, rules.StatusCode);
        Assert.Equal("Điểm của tiêu chí A1.1 phải từ 0 đến 5.", rulesPage.QuerySelector("[data-testid='error-Input.Scores[0]']")?.TextContent.Trim());
        Assert.Contains("is-invalid", rulesPage.QuerySelector("#Input_Scores_0_")!.ClassName, StringComparison.Ordinal);
        Assert.NotNull(rulesPage.QuerySelector("[data-testid='error-Input.PeriodTo']"));
        Assert.NotNull(rulesPage.QuerySelector("[data-testid=error-summary]"));
        Assert.Empty(api);
    }

    [Theory, DatabaseData]
    public async Task Form_UnitOfficer_OffersOnlyTheSelfAssessment(DatabaseProvider provider)
    {
        var (app, admin, id, code, _) = await HospitalAsync(hosts, provider);
        using var _admin = admin;
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.UnitOfficer, unit: code));
        var (_, page) = await session.GetAsync($"/units/{id}/quality");
        var form = page.QuerySelector("[data-testid=assessment-form]")!;
        var count = page.QuerySelectorAll("[data-testid=criterion]").Length;

        using var external = await session.PostFormAsync($"/units/{id}/quality", form, Values(count, _ => "4"));

        Assert.Equal(["self"], page.QuerySelectorAll("#Input_Kind option").Select(o => o.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.Forbidden, external.StatusCode);
        Assert.Empty(JsonSerializer.Deserialize<List<AssessmentView>>(await admin.GetStringAsync($"/api/v1/units/{id}/assessments"), UnitsClient.Json)!);
    }
}
