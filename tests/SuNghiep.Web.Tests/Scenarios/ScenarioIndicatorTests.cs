using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;
using static SuNghiep.Web.Tests.Scenarios.ScenarioClient;

namespace SuNghiep.Web.Tests.Scenarios;

/// <summary>A scenario's effect on an indicator is shown beside the actual, and becomes the actual once applied.</summary>
public sealed class ScenarioIndicatorTests(AppHosts hosts)
{
    private static readonly DateOnly Day = new(2020, 3, 1);

    [Theory, DatabaseData]
    public async Task UnitsCount_ScenarioDissolvingAUnit_ChangesTheScenariosCountNotTheActualUntilApplied(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, _, _) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("C"));
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, a)));
        var query = $"asOf={Iso(Day)}&areaCode={s.AreaCode}&baseline=2019-12-31";

        var before = await s.Client.IndicatorAsync(draft.Id, "units.count", query);

        // Exactly {"actual", "scenario", "coverage"}: each the indicator's own answer, and the communes the scenario takes
        // below the network's norm (none here: the units have no capacity).
        using var raw = JsonDocument.Parse(await s.Client.GetStringAsync($"/api/v1/scenarios/{draft.Id}/indicators/units.count?{query}"));
        Assert.Equal(["actual", "scenario", "coverage"], raw.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, raw.RootElement.GetProperty("coverage").GetArrayLength());
        Assert.Equal(("units.count", 3m, 3m), (before.Actual.Code, before.Actual.Value!.Value, before.Actual.BaselineValue!.Value));
        Assert.Equal(("units.count", 2m, 3m, -1m), (before.Scenario.Code, before.Scenario.Value!.Value, before.Scenario.BaselineValue!.Value, before.Scenario.Change!.Value));
        Assert.Equal(3, await s.CountAsync(Day));
        // The day before the event, the scenario changes nothing.
        var dayBefore = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(Day.AddDays(-1))}&areaCode={s.AreaCode}");
        Assert.Equal((3m, 3m), (dayBefore.Actual.Value!.Value, dayBefore.Scenario.Value!.Value));
        // As the indicator's own endpoint answers it.
        using var own = await s.Client.GetAsync($"/api/v1/indicators/units.count?{query}");
        Assert.Equal(JsonSerializer.Serialize(before.Actual, UnitsClient.Json), JsonSerializer.Serialize(await own.ReadBodyAsync<Core.Indicators.IndicatorResult>(), UnitsClient.Json));

        using var applied = await s.Client.ApplyAsync(draft.Id, new JsonObject { ["decision"] = Decision("9/QĐ-UBND", Day.AddDays(-20)) });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);

        var after = await s.Client.IndicatorAsync(draft.Id, "units.count", query);
        Assert.Equal((2m, 2m), (after.Actual.Value!.Value, after.Scenario.Value!.Value));
        Assert.Equal(2, await s.CountAsync(Day));
    }

    [Theory, DatabaseData]
    public async Task UnitsCount_ByBreakdown_TheScenariosNewUnitsCount(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var division = Proposed("division", Day, a).With("newUnits", Array(s.NewUnit("A1"), s.NewUnit("A2"), s.NewUnit("A3")));
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", division, Proposed("conversion", Day.AddDays(1), b)));

        var result = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(Day.AddDays(1))}&areaCode={s.AreaCode}&breakdown=commune");

        Assert.Equal((2m, 3m), (result.Actual.Value!.Value, result.Scenario.Value!.Value));
        Assert.Equal([(s.AreaCode, 3m)], result.Scenario.Breakdown.Select(r => (r.Key, r.Value!.Value)));
        Assert.Equal([a.Id, b.Id], await s.ActiveAsync(Day.AddDays(1)));
        Assert.Empty((await s.Client.ListUnitsAsync($"search={s.Token}-A1&status=all")).Items);
    }

    // A measure needs the events to pass as they would be recorded today: a unit ended meanwhile makes the scenario stale.
    [Theory, DatabaseData]
    public async Task Indicator_EventsNoLongerPass_Returns409WithTheRules(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, a)));
        await s.Client.RecordAsync(Event("conversion", Day.AddDays(-10)).With("sourceUnitIds", Ids(a)));

        using var response = await s.Client.GetAsync($"/api/v1/scenarios/{draft.Id}/indicators/units.count?asOf={Iso(Day)}&areaCode={s.AreaCode}");
        using var unknown = await s.Client.GetAsync($"/api/v1/scenarios/{draft.Id}/indicators/khong.co");
        using var bad = await s.Client.GetAsync($"/api/v1/scenarios/{draft.Id}/indicators/units.count?asOf=01/03/2020&baseline=20x");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ScenariosApi.StaleTitle, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(["events[0].sourceUnitIds"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["asOf", "baseline"], (await bad.ValidationErrorsAsync()).Keys.Order());
    }

    // A scenario of events still to come is measured on its last event's date unless another is asked.
    [Theory, DatabaseData]
    public async Task Indicator_FutureEvents_AreMeasuredOnTheLastEventsDateByDefault(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var future = VietnamToday().AddYears(1);
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", future, a)));

        var result = await s.Client.IndicatorAsync(draft.Id, "units.count", $"areaCode={s.AreaCode}");
        var onTheDay = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(future)}&areaCode={s.AreaCode}");
        var dayBefore = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(future.AddDays(-1))}&areaCode={s.AreaCode}");

        Assert.Equal((1m, 0m), (result.Actual.Value!.Value, result.Scenario.Value!.Value));
        Assert.Equal((1m, 0m), (onTheDay.Actual.Value!.Value, onTheDay.Scenario.Value!.Value));
        Assert.Equal((1m, 1m), (dayBefore.Actual.Value!.Value, dayBefore.Scenario.Value!.Value));
    }

    private static DateOnly VietnamToday() => Core.VietnamTime.Today(TimeProvider.System);
}
