using System.Net;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>
/// Each form of Decree 120/2020 (as amended by Decree 283/2025) recorded over HTTP: who is active the day before, on the
/// effective date and after; the count of the commune; the unit's versions and events; its lineage (domain 3.1).
/// </summary>
public sealed class EventTypeTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Establishment_TwoNewUnits_StartOnTheDateAndCountTwoMore(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2016, 3, 1);
        var control = await s.UnitAsync("Z");
        var before = await CountsAsync(s, day);

        var created = await s.Client.RecordAsync(Event("establishment", day).With("newUnits", Array(s.NewUnit("N1"), s.NewUnit("N2"))));

        var newIds = CreatedIds(created);
        Assert.Equal(2, newIds.Length);
        Assert.Equal([control.Id], await s.ActiveAsync(day.AddDays(-1)));
        Assert.Equal(Sorted([control.Id, .. newIds]), await s.ActiveAsync(day));
        Assert.Equal(Sorted([control.Id, .. newIds]), await s.ActiveAsync(day.AddDays(1)));
        var n1 = await s.Client.GetUnitAsync(newIds[0], day.AddDays(-1));
        Assert.Equal((day, false), (n1.EstablishedOn, n1.Active));
        Assert.True((await s.Client.GetUnitAsync(newIds[0], day)).Active);
        await AssertCountChangeAsync(s, day, before, created.Id, expected: 2, started: 2, ended: 0);

        var history = await s.Client.HistoryAsync(newIds[0]);
        var version = Assert.Single(history.Versions);
        Assert.Equal((day, (DateOnly?)null, (int?)created.Id, "12/QĐ-UBND"), (version.ValidFrom, version.ValidTo, version.ReorganizationId, version.Decision?.Number));
        Assert.Equal([(created.Id, "establishment", "created")], history.Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
        var lineage = await s.Client.LineageAsync(newIds[0]);
        Assert.Empty(lineage.Predecessors);
        Assert.Empty(lineage.Successors);
    }

    [Theory, DatabaseData]
    public async Task Consolidation_ThreeUnitsIntoOne_EndThemStartOneAndCountTwoLess(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2017, 4, 1);
        var (a, b, c, control) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("C"), await s.UnitAsync("Z"));
        var before = await CountsAsync(s, day);

        var created = await s.Client.RecordAsync(Event("consolidation", day)
            .With("sourceUnitIds", Ids(a, b, c)).With("newUnits", Array(s.NewUnit("N"))));

        var n = Assert.Single(CreatedIds(created));
        Assert.Equal(Sorted(a.Id, b.Id, c.Id, control.Id), await s.ActiveAsync(day.AddDays(-1)));
        Assert.Equal(Sorted(n, control.Id), await s.ActiveAsync(day));
        Assert.Equal(Sorted(n, control.Id), await s.ActiveAsync(day.AddDays(1)));
        await AssertEndedOnAsync(s, a.Id, day);
        await AssertCountChangeAsync(s, day, before, created.Id, expected: -2, started: 1, ended: 3);

        var history = await s.Client.HistoryAsync(a.Id);
        Assert.Equal(day, Assert.Single(history.Versions).ValidTo);
        Assert.Equal([(created.Id, "consolidation", "ended")], history.Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
        Assert.Equal(Sorted(a.Id, b.Id, c.Id), Sorted([.. (await s.Client.LineageAsync(n)).Predecessors]));
        Assert.Equal([n], (await s.Client.LineageAsync(a.Id)).Successors);
    }

    [Theory, DatabaseData]
    public async Task Merger_TwoAbsorbedIntoOne_EndTheAbsorbedAndCountTwoLess(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2018, 5, 1);
        var (main, a, b, control) = (await s.UnitAsync("C"), await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("Z"));
        var before = await CountsAsync(s, day);

        // The continuing unit may be listed among the sources, as forms usually do.
        var created = await s.Client.RecordAsync(Event("merger", day)
            .With("sourceUnitIds", Ids(main, a, b)).With("continuingUnitId", main.Id));

        Assert.Empty(CreatedIds(created));
        Assert.Equal(Sorted(main.Id, a.Id, b.Id, control.Id), await s.ActiveAsync(day.AddDays(-1)));
        Assert.Equal(Sorted(main.Id, control.Id), await s.ActiveAsync(day));
        Assert.Equal(Sorted(main.Id, control.Id), await s.ActiveAsync(day.AddDays(1)));
        await AssertEndedOnAsync(s, b.Id, day);
        var continuing = await s.Client.GetUnitAsync(main.Id, day);
        Assert.Equal((null, true), (continuing.EndedOn, continuing.Active));
        await AssertCountChangeAsync(s, day, before, created.Id, expected: -2, started: 0, ended: 2);

        var history = await s.Client.HistoryAsync(main.Id);
        Assert.Null(Assert.Single(history.Versions).ValidTo);
        Assert.Equal([(created.Id, "merger", "continuing")], history.Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
        Assert.Equal(Sorted(a.Id, b.Id), Sorted([.. (await s.Client.LineageAsync(main.Id)).Predecessors]));
        Assert.Empty((await s.Client.LineageAsync(main.Id)).Successors);
        Assert.Equal([main.Id], (await s.Client.LineageAsync(a.Id)).Successors);
    }

    [Theory, DatabaseData]
    public async Task Division_OneIntoThree_EndsItStartsThreeAndCountsTwoMore(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2019, 6, 1);
        var (a, control) = (await s.UnitAsync("A"), await s.UnitAsync("Z"));
        var before = await CountsAsync(s, day);

        var created = await s.Client.RecordAsync(Event("division", day)
            .With("sourceUnitIds", Ids(a)).With("newUnits", Array(s.NewUnit("N1"), s.NewUnit("N2"), s.NewUnit("N3"))));

        var newIds = CreatedIds(created);
        Assert.Equal(3, newIds.Length);
        Assert.Equal(Sorted(a.Id, control.Id), await s.ActiveAsync(day.AddDays(-1)));
        Assert.Equal(Sorted([control.Id, .. newIds]), await s.ActiveAsync(day));
        Assert.Equal(Sorted([control.Id, .. newIds]), await s.ActiveAsync(day.AddDays(1)));
        await AssertEndedOnAsync(s, a.Id, day);
        await AssertCountChangeAsync(s, day, before, created.Id, expected: 2, started: 3, ended: 1);

        Assert.Equal(Sorted(newIds), Sorted([.. (await s.Client.LineageAsync(a.Id)).Successors]));
        Assert.Equal([a.Id], (await s.Client.LineageAsync(newIds[1])).Predecessors);
        Assert.Equal([(created.Id, "division", "ended")], (await s.Client.HistoryAsync(a.Id)).Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
    }

    [Theory, DatabaseData]
    public async Task Separation_TwoOutOfOne_ItGoesOnAndCountsTwoMore(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2020, 7, 1);
        var (main, control) = (await s.UnitAsync("C"), await s.UnitAsync("Z"));
        var before = await CountsAsync(s, day);

        var created = await s.Client.RecordAsync(Event("separation", day)
            .With("continuingUnitId", main.Id).With("newUnits", Array(s.NewUnit("N1"), s.NewUnit("N2"))));

        var newIds = CreatedIds(created);
        Assert.Equal(2, newIds.Length);
        Assert.Equal(Sorted(main.Id, control.Id), await s.ActiveAsync(day.AddDays(-1)));
        Assert.Equal(Sorted([main.Id, control.Id, .. newIds]), await s.ActiveAsync(day));
        Assert.Equal(Sorted([main.Id, control.Id, .. newIds]), await s.ActiveAsync(day.AddDays(1)));
        Assert.True((await s.Client.GetUnitAsync(main.Id, day)).Active);
        await AssertCountChangeAsync(s, day, before, created.Id, expected: 2, started: 2, ended: 0);

        Assert.Equal(Sorted(newIds), Sorted([.. (await s.Client.LineageAsync(main.Id)).Successors]));
        Assert.Equal([main.Id], (await s.Client.LineageAsync(newIds[0])).Predecessors);
        var history = await s.Client.HistoryAsync(main.Id);
        Assert.Single(history.Versions);
        Assert.Equal([(created.Id, "separation", "continuing")], history.Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
    }

    [Theory, DatabaseData]
    public async Task Dissolution_TwoUnits_EndBothAndCountTwoLess(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2021, 8, 1);
        var (a, b, control) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("Z"));
        var before = await CountsAsync(s, day);

        var created = await s.Client.RecordAsync(Event("dissolution", day).With("sourceUnitIds", Ids(a, b)));

        Assert.Equal(Sorted(a.Id, b.Id, control.Id), await s.ActiveAsync(day.AddDays(-1)));
        Assert.Equal([control.Id], await s.ActiveAsync(day));
        Assert.Equal([control.Id], await s.ActiveAsync(day.AddDays(1)));
        await AssertEndedOnAsync(s, a.Id, day);
        await AssertCountChangeAsync(s, day, before, created.Id, expected: -2, started: 0, ended: 2);

        Assert.Equal([(created.Id, "dissolution", "ended")], (await s.Client.HistoryAsync(b.Id)).Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
        var lineage = await s.Client.LineageAsync(a.Id);
        Assert.Empty(lineage.Predecessors);
        Assert.Empty(lineage.Successors);
    }

    [Theory, DatabaseData]
    public async Task Conversion_OneUnit_LeavesTheRegisterAndCountsOneLess(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2022, 9, 1);
        var (a, control) = (await s.UnitAsync("A"), await s.UnitAsync("Z"));
        var before = await CountsAsync(s, day);

        var created = await s.Client.RecordAsync(Event("conversion", day).With("sourceUnitIds", Ids(a)));

        Assert.Equal(Sorted(a.Id, control.Id), await s.ActiveAsync(day.AddDays(-1)));
        Assert.Equal([control.Id], await s.ActiveAsync(day));
        Assert.Equal([control.Id], await s.ActiveAsync(day.AddDays(1)));
        await AssertEndedOnAsync(s, a.Id, day);
        await AssertCountChangeAsync(s, day, before, created.Id, expected: -1, started: 0, ended: 1);
        Assert.Equal(("conversion", "Chuyển đổi thành công ty cổ phần (theo Nghị định 150/2020/NĐ-CP)"), (created.Reorganization!.Type, created.Reorganization.TypeName));
        // Still in the register as history: listed among the ended units.
        Assert.Contains(a.Id, (await s.Client.ListUnitsAsync($"search={s.Token}&status=ended")).Items.Select(u => u.Id));
    }

    [Theory, DatabaseData]
    public async Task Transfer_TwoUnitsToAnotherAgency_NewVersionFromTheDateAndNoCountChange(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2023, 10, 1);
        var health = await s.App.AgencyIdAsync("92.SYT");
        var (a, b, control) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("Z"));
        var before = await CountsAsync(s, day);

        var created = await s.Client.RecordAsync(Event("transfer", day).With("sourceUnitIds", Ids(a, b)).With("newManagingAgencyId", health));

        Assert.Equal(health, created.Reorganization!.NewManagingAgencyId);
        Assert.Equal(Sorted(a.Id, b.Id, control.Id), await s.ActiveAsync(day.AddDays(-1)));
        Assert.Equal(Sorted(a.Id, b.Id, control.Id), await s.ActiveAsync(day));
        Assert.Equal(s.AgencyId, (await s.Client.GetUnitAsync(a.Id, day.AddDays(-1))).ManagingAgencyId);
        Assert.Equal(health, (await s.Client.GetUnitAsync(a.Id, day)).ManagingAgencyId);
        Assert.Equal(health, (await s.Client.GetUnitAsync(b.Id)).ManagingAgencyId);
        Assert.Equal(s.AgencyId, (await s.Client.GetUnitAsync(control.Id)).ManagingAgencyId);
        await AssertCountChangeAsync(s, day, before, created.Id, expected: 0, started: 0, ended: 0);

        var history = await s.Client.HistoryAsync(a.Id);
        Assert.Equal(
            [(HistoryScenario.Established, day, s.AgencyId, null), (day, null, health, created.Id)],
            history.Versions.Select(v => (v.ValidFrom, v.ValidTo, v.ManagingAgencyId, v.ReorganizationId)));
        Assert.Equal("12/QĐ-UBND", history.Versions[1].Decision?.Number);
        Assert.Equal([(created.Id, "transfer", "transferred")], history.Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
        Assert.Empty((await s.Client.LineageAsync(a.Id)).Successors);
    }

    // A transfer with a new area moves the unit out of one commune's count and into another's (domain 3.1, 1/7/2025).
    [Theory, DatabaseData]
    public async Task Transfer_WithNewArea_MovesTheUnitBetweenTheCommunesCounts(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2023, 11, 1);
        var target = Communes.Next();
        var city = await s.App.AgencyIdAsync("92.UBND");
        var (a, control) = (await s.UnitAsync("A"), await s.UnitAsync("Z"));
        var (fromBefore, toBefore) = (await s.CountAsync(day), await s.Client.CountAsync(day, target));

        var created = await s.Client.RecordAsync(Event("transfer", day)
            .With("sourceUnitIds", Ids(a)).With("newManagingAgencyId", city).With("newAreaCode", target));

        Assert.Equal(s.AreaCode, (await s.Client.GetUnitAsync(a.Id, day.AddDays(-1))).AreaCode);
        Assert.Equal(target, (await s.Client.GetUnitAsync(a.Id, day)).AreaCode);
        Assert.Equal(Sorted(a.Id, control.Id), await s.ActiveAsync(day));
        Assert.Equal((fromBefore - 1, toBefore + 1), (await s.CountAsync(day), await s.Client.CountAsync(day, target)));
        Assert.Equal(fromBefore, await s.CountAsync(day.AddDays(-1)));
        var leaving = await s.Client.ChangesAsync(day.AddDays(-1), day, s.AreaCode);
        var arriving = await s.Client.ChangesAsync(day.AddDays(-1), day, target);
        Assert.Equal((0, 1, -1), (leaving.Started, leaving.Ended, Assert.Single(leaving.Events).CountChange));
        Assert.Equal((1, 0, 1), (arriving.Started, arriving.Ended, Assert.Single(arriving.Events).CountChange));
        Assert.Equal(created.Id, arriving.Events[0].Id);
        // Across the country nothing changed.
        Assert.Equal(0, (await s.Client.GetEventAsync(created.Id)).CountChange);
    }

    [Theory, DatabaseData]
    public async Task Rename_OneUnit_NewNameFromTheDateAndNoCountChange(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2024, 3, 1);
        var (a, control) = (await s.UnitAsync("A"), await s.UnitAsync("Z"));
        var newName = $"{Unique.Name(s.Token)} Trường Tiểu học Hòa Bình";
        var before = await CountsAsync(s, day);

        var created = await s.Client.RecordAsync(Event("rename", day).With("sourceUnitIds", Ids(a)).With("newName", newName));

        Assert.Equal(newName, created.Reorganization!.NewName);
        Assert.Equal(a.Name, (await s.Client.GetUnitAsync(a.Id, day.AddDays(-1))).Name);
        Assert.Equal(newName, (await s.Client.GetUnitAsync(a.Id, day)).Name);
        Assert.Equal(newName, (await s.Client.GetUnitAsync(a.Id)).Name);
        Assert.Equal(control.Name, (await s.Client.GetUnitAsync(control.Id)).Name);
        Assert.Equal(Sorted(a.Id, control.Id), await s.ActiveAsync(day.AddDays(-1)));
        Assert.Equal(Sorted(a.Id, control.Id), await s.ActiveAsync(day));
        await AssertCountChangeAsync(s, day, before, created.Id, expected: 0, started: 0, ended: 0);

        var history = await s.Client.HistoryAsync(a.Id);
        Assert.Equal(
            [(HistoryScenario.Established, day, a.Name, null), (day, null, newName, created.Id)],
            history.Versions.Select(v => (v.ValidFrom, v.ValidTo, v.Name, v.ReorganizationId)));
        Assert.Equal([(created.Id, "rename", "renamed")], history.Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
        // The old name is still found for the dates it was in force, the new one from the date.
        Assert.Equal([a.Id], (await s.Client.ListUnitsAsync($"search={Uri.EscapeDataString("Hòa Bình " + s.Token)}&asOf={Iso(day)}")).Items.Select(u => u.Id));
        Assert.Empty((await s.Client.ListUnitsAsync($"search={Uri.EscapeDataString("Hòa Bình " + s.Token)}&asOf={Iso(day.AddDays(-1))}")).Items);
    }

    [Theory, DatabaseData]
    public async Task Post_Valid_ReturnsTheStoredEventWithItsDecision(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2016, 9, 5);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));

        var created = await s.Client.RecordAsync(Event("merger", day, "45/QĐ-UBND")
            .With("sourceUnitIds", Ids(b)).With("continuingUnitId", a.Id).With("notes", "Sáp nhập trường B vào trường A"));

        var view = created.Reorganization!;
        Assert.Equal(view, await s.Client.GetEventAsync(created.Id) with { Units = view.Units });
        Assert.Equal(("merger", "Sáp nhập", day, -1), (view.Type, view.TypeName, view.EffectiveDate, view.CountChange));
        Assert.Equal(new DecisionView("45/QĐ-UBND", day.AddDays(-21), Issuer), view.Decision);
        Assert.Equal([(b.Id, "ended"), (a.Id, "continuing")], view.Units.Select(u => (u.UnitId, u.Role)));
        Assert.Equal(("Sáp nhập trường B vào trường A", SuNghiepApp.AdminEmail), (view.Notes, view.CreatedBy));
        Assert.Null(view.VoidedAt);
    }

    private static int[] Sorted(params int[] ids) => [.. ids.Order()];

    private static int[] CreatedIds(ReorganizationCreated created) =>
        [.. created.Reorganization!.Units.Where(u => u.Role == "created").Select(u => u.UnitId).Order()];

    private static async Task<(int DayBefore, int OnTheDay)> CountsAsync(HistoryScenario s, DateOnly day) =>
        (await s.CountAsync(day.AddDays(-1)), await s.CountAsync(day));

    /// <summary>A unit ended by an event: active the day before, with the date as its end; not active from the date.</summary>
    private static async Task AssertEndedOnAsync(HistoryScenario s, int id, DateOnly day)
    {
        var before = await s.Client.GetUnitAsync(id, day.AddDays(-1));
        var on = await s.Client.GetUnitAsync(id, day);
        Assert.Equal((day, true), (before.EndedOn, before.Active));
        Assert.Equal((day, false), (on.EndedOn, on.Active));
    }

    /// <summary>
    /// The commune's count moves by the expected change on the date and not before or after it, /counts/changes says the
    /// same (started and ended units), and lists the event with its change when it has one.
    /// </summary>
    private static async Task AssertCountChangeAsync(
        HistoryScenario s, DateOnly day, (int DayBefore, int OnTheDay) before, int eventId, int expected, int started, int ended)
    {
        var (dayBefore, onTheDay, dayAfter) = (await s.CountAsync(day.AddDays(-1)), await s.CountAsync(day), await s.CountAsync(day.AddDays(1)));
        Assert.Equal(before.DayBefore, dayBefore);
        Assert.Equal(before.OnTheDay + expected, onTheDay);
        Assert.Equal(expected, onTheDay - dayBefore);
        Assert.Equal(onTheDay, dayAfter);

        var changes = await s.Client.ChangesAsync(day.AddDays(-1), day, s.AreaCode);
        Assert.Equal((dayBefore, onTheDay, started, ended), (changes.FromTotal, changes.ToTotal, changes.Started, changes.Ended));
        (int, int)[] listed = expected == 0 ? [] : [(eventId, expected)];
        Assert.Equal(listed, changes.Events.Select(e => (e.Id, e.CountChange)));
        Assert.Equal(expected, (await s.Client.GetEventAsync(eventId)).CountChange);
    }
}
