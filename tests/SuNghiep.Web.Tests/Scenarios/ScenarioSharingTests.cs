using System.Net;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Indicators;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Scenarios.ScenarioClient;

namespace SuNghiep.Web.Tests.Scenarios;

/// <summary>The author shares a scenario and withdraws the sharing; only the author does either, and both are audited.</summary>
public sealed class ScenarioSharingTests(AppHosts hosts)
{
    private static readonly DateOnly Day = new(2020, 3, 1);

    [Theory, DatabaseData]
    public async Task Unshare_ByTheAuthor_HidesTheScenarioFromReadersAgain(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var agency = await IndicatorsClient.AgencyAsync(s.App, s.Token);
        var code = await s.App.WithDbAsync((db, _) => Task.FromResult(db.Agencies.Single(a => a.Id == agency).Code));
        var unit = await s.UnitAsync("A", code);
        var (author, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: code);
        var (colleague, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: code);
        var draft = await author.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, unit)));
        using var shared = await author.ShareAsync(draft.Id);
        Assert.Equal(draft.Id, (await colleague.GetScenarioAsync(draft.Id)).Id);

        // A reader who sees it cannot withdraw it.
        using var byColleague = await colleague.DeleteAsync($"/api/v1/scenarios/{draft.Id}/share");
        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.Contains(draft.Id, await colleague.ListedAsync());

        using var withdrawn = await author.DeleteAsync($"/api/v1/scenarios/{draft.Id}/share");
        using var again = await author.DeleteAsync($"/api/v1/scenarios/{draft.Id}/share");

        Assert.Equal(("draft", false), ((await withdrawn.ReadBodyAsync<ScenarioResponse>()).Status, (await author.GetScenarioAsync(draft.Id)).Shared));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var hidden = await colleague.GetAsync($"/api/v1/scenarios/{draft.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(draft.Id, await colleague.ListedAsync());
        using var nowUnseen = await colleague.DeleteAsync($"/api/v1/scenarios/{draft.Id}/share");
        Assert.Equal(HttpStatusCode.NotFound, nowUnseen.StatusCode);
        // Created, shared, withdrawn: the repeated withdrawal changed nothing and wrote nothing.
        var trail = await s.App.WithDbAsync((db, _) => db.AuditEntries
            .Where(e => e.EntityType == "Scenario" && e.EntityId == draft.Id.ToString()).OrderBy(e => e.Id).Select(e => new { e.Action, e.After }).ToListAsync());
        Assert.Equal(["Create", "Update", "Update"], trail.Select(e => e.Action));
        Assert.Contains("\"Shared\":false", trail[^1].After, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task DetailsPage_SharedScenario_OffersTheAuthorToWithdrawIt(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var agency = await IndicatorsClient.AgencyAsync(s.App, s.Token);
        var code = await s.App.WithDbAsync((db, _) => Task.FromResult(db.Agencies.Single(a => a.Id == agency).Code));
        using var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.AgencyOfficer, agency: code));
        var (_, createPage) = await officer.GetAsync("/scenarios/create");
        using var created = await officer.PostFormAsync("/scenarios/create", createPage.QuerySelector("main form[method=post]")!, new() { ["Input.Name"] = $"Kịch bản {s.Token}" });
        var details = created.Headers.Location!.OriginalString;

        var (_, draftPage) = await officer.GetAsync(details);
        using var share = await PostButtonAsync(officer, draftPage, "share");
        var (_, sharedPage) = await officer.GetAsync(details);
        using var unshare = await PostButtonAsync(officer, sharedPage, "unshare");
        var (_, after) = await officer.GetAsync(details);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (share.StatusCode, unshare.StatusCode));
        Assert.Null(sharedPage.QuerySelector("[data-testid=share]"));
        Assert.Equal("Đã chia sẻ", sharedPage.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.NotNull(after.QuerySelector("[data-testid=share]"));
        Assert.Null(after.QuerySelector("[data-testid=unshare]"));
        Assert.Equal("Nháp", after.QuerySelector("[data-testid=status]")!.TextContent.Trim());
    }

    private static Task<HttpResponseMessage> PostButtonAsync(PageSession session, AngleSharp.Dom.IDocument page, string testId)
    {
        var form = page.QuerySelector($"[data-testid={testId}]")?.Closest("form") ?? throw new InvalidOperationException($"No {testId} button: {page.Body?.TextContent}");
        return session.PostFormAsync(form.GetAttribute("action")!, form, new());
    }
}
