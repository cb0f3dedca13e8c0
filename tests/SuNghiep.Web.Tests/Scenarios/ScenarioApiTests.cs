using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;
using static SuNghiep.Web.Tests.Scenarios.ScenarioClient;

namespace SuNghiep.Web.Tests.Scenarios;

/// <summary>
/// A scenario's events are checked by the rules of real reorganizations but change nothing until it is applied; applying
/// records them all with their decisions, or none.
/// </summary>
public sealed class ScenarioApiTests(AppHosts hosts)
{
    private static readonly DateOnly Day = new(2020, 3, 1);

    [Theory, DatabaseData]
    public async Task Create_ValidEvents_StoresTheDraftAndRecordsNothing(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b, c) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("C"));

        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}",
            Proposed("dissolution", Day, a),
            Proposed("merger", Day.AddDays(10), b).With("continuingUnitId", c.Id)));

        Assert.Equal(("draft", "Nháp", false, true), (draft.Status, draft.StatusName, draft.Shared, draft.IsAuthor));
        Assert.Equal(["dissolution", "merger"], draft.Events.Select(e => e.Type));
        Assert.Equal([a.Id], draft.Events[0].SourceUnitIds);
        Assert.Equal(c.Id, draft.Events[1].ContinuingUnitId);
        Assert.Null(draft.Events[0].Decision);
        Assert.Equal([a.Id, b.Id, c.Id], await s.ActiveAsync(Day.AddDays(20)));
        Assert.Empty((await s.Client.ListEventsAsync($"areaCode={s.AreaCode}&includeVoided=true")).Items);
        // The checks ran through the reorganization service and were rolled back, their audit rows with them.
        var trail = await s.App.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.EntityType == "Reorganization" || e.EntityType == "Scenario")
            .Where(e => e.EntityType == "Scenario" ? e.EntityId == draft.Id.ToString() : e.After!.Contains(s.Token))
            .Select(e => e.EntityType + " " + e.Action).ToListAsync());
        Assert.Equal(["Scenario Create"], trail);
        Assert.Equal(draft.Id, (await s.Client.GetScenarioAsync(draft.Id)).Id);
        Assert.Contains(draft.Id, await s.Client.ListedAsync());
    }

    [Theory, DatabaseData]
    public async Task Create_EventBreakingARule_Returns400KeyedByEventAndSavesNothing(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var name = $"Kịch bản {s.Token}";

        // The second event dissolves B before it was established; the third names A again after the first ended it.
        using var response = await s.Client.PostScenarioAsync(Body(name,
            Proposed("dissolution", Day, a),
            Proposed("dissolution", HistoryScenario.Established.AddDays(-1), b),
            Proposed("rename", Day.AddDays(5), a).With("newName", "Tên mới")));

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["events[1].sourceUnitIds", "events[2].sourceUnitIds"], errors.Keys.Order());
        Assert.Contains(a.Code, errors["events[2].sourceUnitIds"][0], StringComparison.Ordinal);
        var saved = await s.App.WithDbAsync((db, _) => db.Scenarios.CountAsync(x => x.Name == name));
        Assert.Equal(0, saved);
        Assert.Equal([a.Id, b.Id], await s.ActiveAsync(Day));
    }

    [Theory, DatabaseData]
    public async Task Apply_WithADecisionForAll_RecordsTheEventsAndFreezesTheScenario(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b, control) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("Z"));
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}",
            Proposed("dissolution", Day, a),
            Proposed("rename", Day, b).With("newName", $"{Unique.Name(s.Token)} B mới")
                .With("decision", Decision("5/QĐ-UBND", Day.AddDays(-30)))));

        using var applied = await s.Client.ApplyAsync(draft.Id, new JsonObject { ["decision"] = Decision("9/QĐ-UBND", Day.AddDays(-20)) });

        var view = await applied.ReadBodyAsync<ScenarioResponse>();
        Assert.Equal(("applied", "Đã áp dụng", SuNghiepApp.AdminEmail), (view.Status, view.StatusName, view.AppliedBy));
        Assert.NotNull(view.AppliedAt);
        Assert.Equal(2, view.AppliedReorganizationIds.Count);
        var events = await Task.WhenAll(view.AppliedReorganizationIds.Select(id => s.Client.GetEventAsync(id)));
        // The decision for all takes the place of the one the draft proposed.
        Assert.Equal([("dissolution", "9/QĐ-UBND", Day), ("rename", "9/QĐ-UBND", Day)],
            events.Select(e => (e.Type, e.Decision.Number, e.EffectiveDate)));
        Assert.Equal([b.Id, control.Id], await s.ActiveAsync(Day));
        Assert.Equal($"{Unique.Name(s.Token)} B mới", (await s.Client.GetUnitAsync(b.Id, Day)).Name);

        using var again = await s.Client.ApplyAsync(draft.Id, new JsonObject { ["decision"] = Decision("9/QĐ-UBND", Day.AddDays(-20)) });
        using var edit = await s.Client.PutAsync($"/api/v1/scenarios/{draft.Id}", UnitsClient.Content(Body("Sửa", Proposed("dissolution", Day, control)).ToJsonString()));
        using var delete = await s.Client.DeleteAsync($"/api/v1/scenarios/{draft.Id}");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (again.StatusCode, edit.StatusCode, delete.StatusCode));
        Assert.Equal(2, (await s.Client.ListEventsAsync($"areaCode={s.AreaCode}")).Total);
        Assert.Equal([b.Id, control.Id], await s.ActiveAsync(Day));
        var trail = await s.App.WithDbAsync((db, _) => db.AuditEntries
            .Where(e => e.EntityType == "Scenario" && e.EntityId == draft.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Create", "Update"], trail.Order());
    }

    [Theory, DatabaseData]
    public async Task Apply_ByEvent_EachEventTakesItsOwnDecisionOrTheDraftsOwn(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}",
            Proposed("dissolution", Day, a),
            Proposed("dissolution", Day, b).With("decision", Decision("7/QĐ-UBND", Day.AddDays(-7)))));

        using var missing = await s.Client.ApplyAsync(draft.Id);
        Assert.Equal(["events[0].decision.date", "events[0].decision.issuer", "events[0].decision.number"], (await missing.ValidationErrorsAsync()).Keys.Order());
        Assert.Equal("draft", (await s.Client.GetScenarioAsync(draft.Id)).Status);

        using var applied = await s.Client.ApplyAsync(draft.Id, new JsonObject { ["decisions"] = new JsonArray(Decision("6/QĐ-UBND", Day.AddDays(-6)), null) });

        var view = await applied.ReadBodyAsync<ScenarioResponse>();
        var numbers = (await Task.WhenAll(view.AppliedReorganizationIds.Select(id => s.Client.GetEventAsync(id)))).Select(e => e.Decision.Number);
        Assert.Equal(["6/QĐ-UBND", "7/QĐ-UBND"], numbers);
        Assert.Equal(["6/QĐ-UBND", "7/QĐ-UBND"], view.Events.Select(e => e.Decision!.Number));
    }

    // All or nothing: the second event no longer passes (its unit was dissolved meanwhile by a real decision).
    [Theory, DatabaseData]
    public async Task Apply_SecondEventBreaksARule_RecordsNothingAndStaysADraft(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, a), Proposed("dissolution", Day.AddDays(30), b)));
        var real = await s.Client.RecordAsync(Event("dissolution", Day.AddDays(10)).With("sourceUnitIds", Ids(b)));

        using var response = await s.Client.ApplyAsync(draft.Id, new JsonObject { ["decision"] = Decision("9/QĐ-UBND", Day.AddDays(-20)) });

        Assert.Equal(["events[1].sourceUnitIds"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal([a.Id], await s.ActiveAsync(Day.AddDays(30)));
        Assert.Equal([real.Id], (await s.Client.ListEventsAsync($"areaCode={s.AreaCode}&includeVoided=true")).Items.Select(e => e.Id));
        var after = await s.Client.GetScenarioAsync(draft.Id);
        Assert.Equal(("draft", (DateTime?)null), (after.Status, after.AppliedAt));
        Assert.Empty(after.AppliedReorganizationIds);
    }

    [Theory, DatabaseData]
    public async Task Update_AuthorsDraft_ReplacesItsEventsCheckedAsAtCreation(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, a)));

        using var bad = await s.Client.PutAsync($"/api/v1/scenarios/{draft.Id}",
            UnitsClient.Content(Body("", Proposed("dissolution", Day, b), Proposed("conversion", Day, b)).ToJsonString()));
        using var good = await s.Client.PutAsync($"/api/v1/scenarios/{draft.Id}",
            UnitsClient.Content(Body($"Kịch bản {s.Token} sửa", Proposed("dissolution", Day, b)).With("revision", draft.Revision).ToJsonString()));
        using var stale = await s.Client.PutAsync($"/api/v1/scenarios/{draft.Id}",
            UnitsClient.Content(Body($"Kịch bản {s.Token} cũ", Proposed("dissolution", Day, a)).With("revision", draft.Revision).ToJsonString()));

        Assert.Equal(["events[1].sourceUnitIds", "name"], (await bad.ValidationErrorsAsync()).Keys.Order());
        var updated = await good.ReadBodyAsync<ScenarioResponse>();
        Assert.Equal(($"Kịch bản {s.Token} sửa", draft.Revision + 1), (updated.Name, updated.Revision));
        Assert.Equal([b.Id], updated.Events.Single().SourceUnitIds);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal($"Kịch bản {s.Token} sửa", (await s.Client.GetScenarioAsync(draft.Id)).Name);
    }

    [Theory, DatabaseData]
    public async Task Delete_AuthorsDraft_IsGone(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, a)));

        using var deleted = await s.Client.DeleteAsync($"/api/v1/scenarios/{draft.Id}");
        using var get = await s.Client.GetAsync($"/api/v1/scenarios/{draft.Id}");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted.StatusCode, get.StatusCode));
        Assert.DoesNotContain(draft.Id, await s.Client.ListedAsync());
        var trail = await s.App.WithDbAsync((db, _) => db.AuditEntries
            .Where(e => e.EntityType == "Scenario" && e.EntityId == draft.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Create", "Delete"], trail.Order());
    }

    [Theory, DatabaseData]
    public async Task Create_BadBodies_Return400OnTheirFields(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);

        using var notObject = await s.Client.PostAsync("/api/v1/scenarios", UnitsClient.Content("[]"));
        using var badEvents = await s.Client.PostScenarioAsync(new JsonObject { ["name"] = "X", ["events"] = "dissolution" });
        using var badItem = await s.Client.PostScenarioAsync(new JsonObject { ["name"] = "X", ["events"] = new JsonArray(1, new JsonObject { ["sourceUnitIds"] = "a" }) });
        using var tooLong = await s.Client.PostScenarioAsync(Body(new string('K', 251)));

        Assert.Equal(["body"], (await notObject.ValidationErrorsAsync()).Keys);
        Assert.Equal(["events"], (await badEvents.ValidationErrorsAsync()).Keys);
        Assert.Equal(["events[0]", "events[1].sourceUnitIds"], (await badItem.ValidationErrorsAsync()).Keys.Order());
        Assert.Equal(["name"], (await tooLong.ValidationErrorsAsync()).Keys);
    }

    // Two officers apply the same scenario at once: one records its events, the other is told it was applied.
    [Theory, DatabaseData]
    public async Task Apply_TwiceAtOnce_RecordsTheEventsOnce(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, a), Proposed("dissolution", Day, b)));
        var decision = new JsonObject { ["decision"] = Decision("9/QĐ-UBND", Day.AddDays(-20)) };
        using var other = await s.App.AdminAsync();

        var answers = await Task.WhenAll(s.Client.ApplyAsync(draft.Id, decision), other.ApplyAsync(draft.Id, decision));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        Assert.Equal(2, (await s.Client.ListEventsAsync($"areaCode={s.AreaCode}&includeVoided=true")).Total);
        Assert.Equal(2, (await s.Client.GetScenarioAsync(draft.Id)).AppliedReorganizationIds.Count);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
