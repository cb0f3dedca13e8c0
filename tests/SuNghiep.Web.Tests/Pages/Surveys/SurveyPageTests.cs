using System.Net;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Surveys.SurveysClient;

namespace SuNghiep.Web.Tests.Pages.Surveys;

/// <summary>The survey pages over HTTP: a round opened with the form, a response entered, its results and the comparison.</summary>
public sealed class SurveyPageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Round_ThroughTheForms_IsOpenedAnsweredAndCompared(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (unit, code) = await HospitalAsync(admin, app, token);
        var city = (await GetAsync(admin, "/api/v1/survey-instruments"))["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == CityForm)!["id"]!.ToString();
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (_, form) = await session.GetAsync("/surveys/new");
        using var bad = await session.PostFormAsync("/surveys/new", form.QuerySelector("[data-testid=survey-form]")!, new()
        {
            ["Input.InstrumentId"] = city, ["Input.UnitCode"] = code, ["Input.PeriodFrom"] = "30/06/2026", ["Input.PeriodTo"] = "01/04/2026", ["Input.Label"] = "",
        });
        using var created = await session.PostFormAsync("/surveys/new", form.QuerySelector("[data-testid=survey-form]")!, new()
        {
            ["Input.InstrumentId"] = city, ["Input.UnitCode"] = code, ["Input.PeriodFrom"] = "01/04/2026", ["Input.PeriodTo"] = "30/06/2026",
            ["Input.Label"] = $"Quý 2 {token}",
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await PageSession.ParseAsync(bad);
        Assert.NotNull(errors.QuerySelector("[data-testid='error-Input.PeriodTo']"));
        Assert.NotNull(errors.QuerySelector("[data-testid='error-Input.Label']"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;

        var (_, page) = await session.GetAsync(url);
        using (var saved = await session.PostFormAsync(url + "?handler=Response", page.QuerySelector("[data-testid=entry-form]")!, new()
        {
            ["RespondedOn"] = "02/05/2026", ["Answers[1.1]"] = "1", ["Answers[1.2]"] = "4", ["Answers[2.1]"] = "5",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        (_, page) = await session.GetAsync(url);
        var list = (await session.GetAsync($"/surveys?q={token}")).Page;
        var compare = (await session.GetAsync($"/surveys/compare?unitId={unit}")).Page;

        // 1 and 4 with an opinion on the city's form (5 is none): mean 2.5, score 50, one of two satisfied.
        Assert.Equal("50,0", page.QuerySelector("[data-testid=overall-score]")!.TextContent.Trim());
        Assert.Equal("50,0", page.QuerySelector("[data-testid=section][data-code='1'] [data-testid=section-score]")!.TextContent.Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=section][data-code='2'] [data-testid=section-score]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("canvas[data-survey-chart]"));
        Assert.Single(list.QuerySelectorAll("[data-testid=survey]"));
        Assert.Equal("50,0", list.QuerySelector("[data-testid=score]")!.TextContent.Trim());
        Assert.Equal("2026", compare.QuerySelector("[data-testid=comparison-row]")!.GetAttribute("data-key"));
    }
}
