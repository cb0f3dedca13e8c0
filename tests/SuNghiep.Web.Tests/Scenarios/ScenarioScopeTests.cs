using System.Net;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;
using static SuNghiep.Web.Tests.Scenarios.ScenarioClient;

namespace SuNghiep.Web.Tests.Scenarios;

/// <summary>
/// A scenario is its author's until shared, then seen by every account whose scope covers the author's; its events are
/// held to the caller's scope as real reorganizations are.
/// </summary>
public sealed class ScenarioScopeTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private static readonly DateOnly Day = new(2020, 3, 1);

    [Theory, DatabaseData]
    public async Task Privacy_BeforeAndAfterSharing_OnlyScopesCoveringTheAuthorsSeeIt(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var own = await s.UnitAsync("A", Health);
        var (author, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var (colleague, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var (province, _) = await s.App.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        var (analyst, _) = await s.App.SignInAsNewUserAsync(Roles.Viewer);
        var (otherAgency, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SGDDT");
        var draft = await author.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, own)));
        HttpClient[] covering = [colleague, province, analyst, s.Client];

        foreach (var reader in covering.Append(otherAgency))
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(reader.GetAsync($"/api/v1/scenarios/{draft.Id}")));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(reader.GetAsync($"/api/v1/scenarios/{draft.Id}/indicators/units.count")));
            Assert.DoesNotContain(draft.Id, await reader.ListedAsync());
        }

        // Sharing is the author's: another account, even one that will see it, cannot.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(colleague.ShareAsync(draft.Id)));
        using var shared = await author.ShareAsync(draft.Id);
        Assert.Equal(("shared", "Đã chia sẻ"), ((await shared.ReadBodyAsync<Web.Api.ScenarioResponse>()).Status, (await author.GetScenarioAsync(draft.Id)).StatusName));

        foreach (var reader in covering)
        {
            var seen = await reader.GetScenarioAsync(draft.Id);
            Assert.Equal(("shared", false), (seen.Status, seen.IsAuthor));
            Assert.Contains(draft.Id, await reader.ListedAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(otherAgency.GetAsync($"/api/v1/scenarios/{draft.Id}")));
        Assert.DoesNotContain(draft.Id, await otherAgency.ListedAsync());
        // Seeing is not owning: only the author edits, shares or deletes.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(colleague.DeleteAsync($"/api/v1/scenarios/{draft.Id}")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(s.Client.PutAsync($"/api/v1/scenarios/{draft.Id}",
            UnitsClient.Content(Body("Sửa hộ", Proposed("dissolution", Day, own)).ToJsonString()))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(otherAgency.DeleteAsync($"/api/v1/scenarios/{draft.Id}")));
        Assert.Equal($"Kịch bản {s.Token}", (await author.GetScenarioAsync(draft.Id)).Name);
    }

    [Theory, DatabaseData]
    public async Task Create_EventOnAUnitOutsideTheCallersScope_IsRefusedAsTheRealEndpointRefusesIt(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var own = await s.UnitAsync("A", Health);
        var other = await s.UnitAsync("B");                      // Sở Giáo dục và Đào tạo
        var (officer, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        using var real = await officer.PostEventAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(other)));
        using var scenario = await officer.PostScenarioAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, own), Proposed("dissolution", Day, other)));
        using var transfer = await officer.PostScenarioAsync(Body($"Kịch bản {s.Token}",
            Proposed("transfer", Day, own).With("newManagingAgencyId", s.AgencyId)));

        var realErrors = await real.ValidationErrorsAsync();
        var errors = await scenario.ValidationErrorsAsync();
        Assert.Equal(["events[1].sourceUnitIds"], errors.Keys);
        Assert.Equal(realErrors["sourceUnitIds"], errors["events[1].sourceUnitIds"]);
        Assert.Equal(["events[0].newManagingAgencyId"], (await transfer.ValidationErrorsAsync()).Keys);
        Assert.DoesNotContain($"Kịch bản {s.Token}", (await officer.ReadAsync<Web.Api.ScenarioListResponse>("/api/v1/scenarios")).Items.Select(i => i.Name));
    }

    // A shared scenario is applied in the applier's scope: a unit it names that has left that scope is not found.
    [Theory, DatabaseData]
    public async Task Apply_UnitMovedOutOfTheAppliersScope_IsRefusedAndNothingRecorded(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A", Health), await s.UnitAsync("B", Health));
        var (author, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var draft = await author.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day.AddDays(40), a), Proposed("dissolution", Day.AddDays(40), b)));
        await s.Client.RecordAsync(Event("transfer", Day).With("sourceUnitIds", Ids(b)).With("newManagingAgencyId", s.AgencyId));

        using var response = await author.ApplyAsync(draft.Id, new JsonObject { ["decision"] = Decision("9/QĐ-UBND", Day) });

        Assert.Equal(["events[1].sourceUnitIds"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal([a.Id, b.Id], await s.ActiveAsync(Day.AddDays(40)));
        Assert.Equal("draft", (await author.GetScenarioAsync(draft.Id)).Status);
    }

    [Theory, DatabaseData]
    public async Task ReadOnlyRoles_DraftOrApply_Return403(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, a)));
        await s.Client.ShareAsync(draft.Id);
        var (analyst, _) = await s.App.SignInAsNewUserAsync(Roles.Viewer);

        Assert.Equal("shared", (await analyst.GetScenarioAsync(draft.Id)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(analyst.PostScenarioAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, a)))));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(analyst.ApplyAsync(draft.Id, new JsonObject { ["decision"] = Decision("9/QĐ-UBND", Day) })));
        Assert.Equal("shared", (await s.Client.GetScenarioAsync(draft.Id)).Status);
        Assert.Equal([a.Id], await s.ActiveAsync(Day));
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return response.StatusCode;
    }
}
