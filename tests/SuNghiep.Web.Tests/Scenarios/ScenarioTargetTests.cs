using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Indicators;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;
using static SuNghiep.Web.Tests.Scenarios.ScenarioClient;

namespace SuNghiep.Web.Tests.Scenarios;

/// <summary>
/// A target's status on the register and on the scenario: three units of the test's own agency and commune, a target of
/// "không quá 2 đơn vị" within two years set a year ago. Today the count has not moved from 3 (at risk); the scenario
/// dissolves one unit ten days ago, so on its side the target is already met.
/// </summary>
public sealed class ScenarioTargetTests(AppHosts hosts)
{
    private static DateOnly Today => PlansClient.Today;

    private static async Task<(HistoryScenario S, string AgencyCode, int TargetId, UnitResponse Unit)> ArrangeAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var agency = await IndicatorsClient.AgencyAsync(s.App, s.Token);
        var code = $"T.{s.Token}";
        var units = new[] { await s.UnitAsync("A", code), await s.UnitAsync("B", code), await s.UnitAsync("C", code) };
        var document = await s.Client.CreateDocumentAsync(PlansClient.Document(s.Token, Iso(Today.AddYears(-1))).With("issuerAgencyId", agency));
        var target = await s.Client.AddTargetAsync(document.Id, new JsonObject
        {
            ["indicatorCode"] = "units.count", ["text"] = $"Không quá 2 đơn vị {s.Token}", ["areaCode"] = s.AreaCode,
            ["direction"] = "at-most", ["value"] = 2, ["valueUnit"] = "count", ["deadline"] = Iso(Today.AddYears(1)),
        });
        return (s, code, target.Id, units[0]);
    }

    [Theory, DatabaseData]
    public async Task Targets_ScenarioDissolvingAUnit_MeetsTheTargetOnItsSideOnly(DatabaseProvider provider)
    {
        var (s, agencyCode, targetId, unit) = await ArrangeAsync(hosts, provider);
        var (officer, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: agencyCode);
        var draft = await officer.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Today.AddDays(-10), unit)));

        var result = await officer.ReadAsync<ScenarioTargetsResponse>($"/api/v1/scenarios/{draft.Id}/targets");

        Assert.Equal(Today, result.AsOf);
        var actual = Assert.Single(result.Actual, t => t.TargetId == targetId);
        var scenario = Assert.Single(result.Scenario, t => t.TargetId == targetId);
        Assert.Equal((3m, "at_risk"), (actual.Actual!.Value, actual.Status));
        Assert.Equal((2m, "achieved"), (scenario.Actual!.Value, scenario.Status));
        Assert.Equal(3, await s.CountAsync(Today));
    }

    [Theory, DatabaseData]
    public async Task DetailsPage_ShowsTheTargetsStatusOnBothSides(DatabaseProvider provider)
    {
        var (s, agencyCode, targetId, unit) = await ArrangeAsync(hosts, provider);
        var email = await s.App.CreateUserAsync(Roles.AgencyOfficer, agency: agencyCode);
        using var officer = s.App.ClientWithToken(await s.App.TokenAsync(email, SuNghiepApp.Password));
        var draft = await officer.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Today.AddDays(-10), unit)));
        using var session = await PageSession.SignInAsync(s.App, email);

        var (_, page) = await session.GetAsync($"/scenarios/{draft.Id}");

        var row = page.QuerySelector($"[data-testid=target-row][data-target='{targetId}']")!;
        Assert.Equal("at_risk", row.QuerySelector("[data-testid=target-actual] [data-testid=target-status]")!.GetAttribute("data-status"));
        Assert.Equal("achieved", row.QuerySelector("[data-testid=target-scenario] [data-testid=target-status]")!.GetAttribute("data-status"));
    }
}
