using System.Net;
using System.Text.Json.Nodes;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;
using static SuNghiep.Web.Tests.Scenarios.ScenarioClient;

namespace SuNghiep.Web.Tests.Scenarios;

/// <summary>
/// An event of a scenario names a unit that an earlier event of the same scenario creates by the reference the new unit
/// carries ("ref"), resolved to the unit's id in the check, the measure and the application alike.
/// </summary>
public sealed class ScenarioRefTests(AppHosts hosts)
{
    private static readonly DateOnly Day = new(2020, 3, 1);

    /// <summary>A and B consolidated into a new C (ref "c1") on Day; C transferred to the Department of Health ten days later.</summary>
    private static async Task<(HistoryScenario S, UnitResponse A, UnitResponse B, int Health, JsonObject Body)> ArrangeAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var health = await s.App.AgencyIdAsync("92.SYT");
        var body = Body($"Kịch bản {s.Token}",
            Proposed("consolidation", Day, a, b).With("newUnits", Array(s.NewUnit("C").With("ref", "c1"))),
            Proposed("transfer", Day.AddDays(10)).With("sourceUnitRefs", new JsonArray("c1")).With("newManagingAgencyId", health));
        return (s, a, b, health, body);
    }

    [Theory, DatabaseData]
    public async Task Refs_ConsolidateIntoANewUnitThenTransferIt_MeasuredOnTheScenarioAndRecordedOnApply(DatabaseProvider provider)
    {
        var (s, a, b, health, body) = await ArrangeAsync(hosts, provider);

        var draft = await s.Client.DraftAsync(body);
        Assert.Equal("c1", draft.Events[0].NewUnits.Single().Ref);
        Assert.Equal(["c1"], draft.Events[1].SourceUnitRefs!);
        Assert.Empty(draft.Events[1].SourceUnitIds);

        // In the commune: A and B now; C alone on the scenario's side. Under the Department of Health: none now; C on the
        // scenario's side after the transfer, not before it.
        var inArea = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(Day.AddDays(10))}&areaCode={s.AreaCode}");
        var underHealth = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(Day.AddDays(10))}&areaCode={s.AreaCode}&agencyId={health}");
        var beforeTransfer = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(Day.AddDays(9))}&areaCode={s.AreaCode}&agencyId={health}");
        Assert.Equal((2m, 1m), (inArea.Actual.Value!.Value, inArea.Scenario.Value!.Value));
        Assert.Equal((0m, 1m), (underHealth.Actual.Value!.Value, underHealth.Scenario.Value!.Value));
        Assert.Equal((0m, 0m), (beforeTransfer.Actual.Value!.Value, beforeTransfer.Scenario.Value!.Value));
        Assert.Equal([a.Id, b.Id], await s.ActiveAsync(Day.AddDays(10)));

        using var applied = await s.Client.ApplyAsync(draft.Id, new JsonObject { ["decision"] = Decision("11/QĐ-UBND", Day.AddDays(-5)) });

        var view = await applied.ReadBodyAsync<ScenarioResponse>();
        var events = await Task.WhenAll(view.AppliedReorganizationIds.Select(id => s.Client.GetEventAsync(id)));
        Assert.Equal(["consolidation", "transfer"], events.Select(e => e.Type));
        var c = Assert.Single(await s.ActiveAsync(Day.AddDays(10)));
        Assert.DoesNotContain(c, new[] { a.Id, b.Id });
        Assert.Equal(c, Assert.Single(events[1].Units).UnitId);
        Assert.Equal(health, (await s.Client.GetUnitAsync(c, Day.AddDays(10))).ManagingAgencyId);
        Assert.Equal(s.AgencyId, (await s.Client.GetUnitAsync(c, Day)).ManagingAgencyId);
        // The applied scenario reads as the events it became: the reference is now the unit's id.
        Assert.Equal([c], view.Events[1].SourceUnitIds);
        Assert.Empty(view.Events[1].SourceUnitRefs!);
    }

    [Theory, DatabaseData]
    public async Task Refs_UnknownGivenTwiceOrNotYetCreated_Return400OnTheirFieldsAndSaveNothing(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var health = await s.App.AgencyIdAsync("92.SYT");
        var name = $"Kịch bản {s.Token}";
        JsonObject Transfer(DateOnly day, string reference) =>
            Proposed("transfer", day).With("sourceUnitRefs", new JsonArray(reference)).With("newManagingAgencyId", health);

        // A reference no new unit carries.
        using var unknown = await s.Client.PostScenarioAsync(Body(name, Transfer(Day, "khong-co")));
        // One reference on two new units.
        using var twice = await s.Client.PostScenarioAsync(Body(name,
            Proposed("division", Day, a).With("newUnits", Array(s.NewUnit("A1").With("ref", "x"), s.NewUnit("A2").With("ref", "x")))));
        // The transfer takes effect before the consolidation that creates its unit.
        using var early = await s.Client.PostScenarioAsync(Body(name,
            Proposed("consolidation", Day.AddDays(10), a, b).With("newUnits", Array(s.NewUnit("C").With("ref", "c1"))),
            Transfer(Day, "c1")));

        Assert.Equal(["events[0].sourceUnitRefs"], (await unknown.ValidationErrorsAsync()).Keys);
        Assert.Equal(["events[0].newUnits[1].ref"], (await twice.ValidationErrorsAsync()).Keys);
        var earlyErrors = await early.ValidationErrorsAsync();
        Assert.Equal(["events[1].sourceUnitRefs"], earlyErrors.Keys);
        Assert.Contains("\"c1\"", earlyErrors["events[1].sourceUnitRefs"][0], StringComparison.Ordinal);
        Assert.DoesNotContain((await s.Client.ReadAsync<ScenarioListResponse>("/api/v1/scenarios")).Items, i => i.Name == name);
        Assert.Equal([a.Id, b.Id], await s.ActiveAsync(Day.AddDays(10)));
    }

    [Theory, DatabaseData]
    public async Task DetailsPage_CodeOfAUnitTheScenarioCreates_NamesItByReference(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var code = $"{s.Token}-C";
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}",
            Proposed("consolidation", Day, a, b).With("newUnits", Array(s.NewUnit("C").With("ref", code)))));
        using var admin = await Pages.Resources.PageSession.SignInAsync(s.App, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var url = $"/scenarios/{draft.Id}";
        var (_, page) = await admin.GetAsync(url);

        using var added = await admin.PostFormAsync(page.QuerySelector("form#reorganization-form")!.GetAttribute("action")!,
            page.QuerySelector("form#reorganization-form")!, new()
            {
                ["command"] = "add-event", ["Input.Type"] = "dissolution", ["Input.EffectiveDate"] = Iso(Day.AddDays(10)), ["Input.SourceUnitCodes"] = code,
            });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var view = await s.Client.GetScenarioAsync(draft.Id);
        Assert.Equal([code], view.Events[1].SourceUnitRefs!);
        Assert.Empty(view.Events[1].SourceUnitIds);
        var count = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(Day.AddDays(10))}&areaCode={s.AreaCode}");
        Assert.Equal((2m, 0m), (count.Actual.Value!.Value, count.Scenario.Value!.Value));
        var (_, after) = await admin.GetAsync(url);
        Assert.Contains(code, after.QuerySelectorAll("[data-testid=event-row]")[1].TextContent, StringComparison.Ordinal);
    }
}
