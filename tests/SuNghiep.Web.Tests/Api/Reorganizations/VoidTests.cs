using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>
/// A wrong event is voided with a reason, never deleted: its effect on the register is undone, it stays listed as voided,
/// and the trail records both.
/// </summary>
public sealed class VoidTests(AppHosts hosts)
{
    private static readonly DateOnly Day = new(2019, 10, 1);

    [Theory, DatabaseData]
    public async Task Void_Dissolution_TheUnitGoesOn(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, control) = (await s.UnitAsync("A"), await s.UnitAsync("Z"));
        var countBefore = await s.CountAsync(Day);
        var dissolution = await s.Client.RecordAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(a)));
        Assert.Equal(countBefore - 1, await s.CountAsync(Day));

        using var response = await s.Client.VoidAsync(dissolution.Id, "Quyết định bị thu hồi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = JsonSerializer.Deserialize<Core.Reorganizations.ReorganizationView>(await response.Content.ReadAsStringAsync(), UnitsClient.Json)!;
        Assert.Equal(("Quyết định bị thu hồi", SuNghiepApp.AdminEmail, 0), (view.VoidReason, view.VoidedBy, view.CountChange));
        Assert.NotNull(view.VoidedAt);
        var unit = await s.Client.GetUnitAsync(a.Id, Day);
        Assert.Equal((null, true), (unit.EndedOn, unit.Active));
        Assert.Equal([a.Id, control.Id], await s.ActiveAsync(Day));
        Assert.Equal(countBefore, await s.CountAsync(Day));
        var history = await s.Client.HistoryAsync(a.Id);
        Assert.Null(Assert.Single(history.Versions).ValidTo);
        Assert.Equal([(dissolution.Id, true)], history.Events.Select(e => (e.ReorganizationId, e.Voided)));
        Assert.Empty((await s.Client.ChangesAsync(Day.AddDays(-1), Day, s.AreaCode)).Events);
    }

    [Theory, DatabaseData]
    public async Task Void_Consolidation_TheNewUnitDisappearsAndTheSourcesGoOn(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var countBefore = await s.CountAsync(Day);
        var consolidation = await s.Client.RecordAsync(Event("consolidation", Day)
            .With("sourceUnitIds", Ids(a, b)).With("newUnits", Array(s.NewUnit("N"))));
        var created = consolidation.Reorganization!.Units.Single(u => u.Role == "created").UnitId;

        using var response = await s.Client.VoidAsync(consolidation.Id, "Ghi nhầm hình thức sắp xếp");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var get = await s.Client.GetAsync($"/api/v1/units/{created}");
        using var getOnTheDay = await s.Client.GetAsync($"/api/v1/units/{created}?asOf={Iso(Day)}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, getOnTheDay.StatusCode);
        Assert.Equal([a.Id, b.Id], await s.AllAsync(new DateOnly(2030, 1, 1)));
        Assert.Equal([a.Id, b.Id], await s.ActiveAsync(Day));
        Assert.Equal(countBefore, await s.CountAsync(Day));
        Assert.Empty((await s.Client.LineageAsync(a.Id)).Successors);
        // The event stays readable; the created unit is no longer among its units.
        Assert.Equal([a.Id, b.Id], (await s.Client.GetEventAsync(consolidation.Id)).Units.Select(u => u.UnitId).Order());
    }

    public static TheoryData<string> Changes { get; } = ["transfer", "rename"];

    [Theory, DatabaseData(nameof(Changes))]
    public async Task Void_TransferOrRename_TheNewVersionFallsAway(DatabaseProvider provider, string type)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var body = Event(type, Day).With("sourceUnitIds", Ids(a));
        body = type == "transfer"
            ? body.With("newManagingAgencyId", await s.App.AgencyIdAsync("92.SYT"))
            : body.With("newName", $"{a.Name} đổi tên");
        var recorded = await s.Client.RecordAsync(body);
        Assert.Equal(2, (await s.Client.HistoryAsync(a.Id)).Versions.Count);

        using var response = await s.Client.VoidAsync(recorded.Id, "Quyết định chưa có hiệu lực");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(a, await s.Client.GetUnitAsync(a.Id));
        Assert.Equal((a.Name, a.ManagingAgencyId), ((await s.Client.GetUnitAsync(a.Id, Day)).Name, (await s.Client.GetUnitAsync(a.Id, Day)).ManagingAgencyId));
        var version = Assert.Single((await s.Client.HistoryAsync(a.Id)).Versions);
        Assert.Equal((HistoryScenario.Established, null, null), (version.ValidFrom, version.ValidTo, version.ReorganizationId));
    }

    [Theory, DatabaseData]
    public async Task Void_WithoutReason_Returns400AndTheEventStands(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var dissolution = await s.Client.RecordAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(a)));

        using var blank = await s.Client.VoidAsync(dissolution.Id, "   ");
        using var missing = await s.Client.VoidAsync(dissolution.Id, null);
        using var empty = await s.Client.PostAsync($"/api/v1/reorganizations/{dissolution.Id}/void", UnitsClient.Content("{}"));

        Assert.Equal(["reason"], (await blank.ValidationErrorsAsync()).Keys);
        Assert.Equal(["reason"], (await missing.ValidationErrorsAsync()).Keys);
        Assert.Equal(["reason"], (await empty.ValidationErrorsAsync()).Keys);
        Assert.Null((await s.Client.GetEventAsync(dissolution.Id)).VoidedAt);
        Assert.Equal(Day, (await s.Client.GetUnitAsync(a.Id)).EndedOn);
    }

    [Theory, DatabaseData]
    public async Task Void_Twice_Returns400(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var dissolution = await s.Client.RecordAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(a)));
        using var first = await s.Client.VoidAsync(dissolution.Id, "Ghi nhầm");

        using var second = await s.Client.VoidAsync(dissolution.Id, "Ghi nhầm lần nữa");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["id"], (await second.ValidationErrorsAsync()).Keys);
        Assert.Equal("Ghi nhầm", (await s.Client.GetEventAsync(dissolution.Id)).VoidReason);
    }

    // An event that a later one builds on cannot be voided until the later one is: the continuing unit of a merger
    // renamed afterwards; a unit created by a consolidation and dissolved afterwards.
    [Theory, DatabaseData]
    public async Task Void_LaterEventBuildsOnIt_Returns400UntilThatOneIsVoided(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (main, absorbed, a, b) = (await s.UnitAsync("C"), await s.UnitAsync("A"), await s.UnitAsync("B1"), await s.UnitAsync("B2"));
        var merger = await s.Client.RecordAsync(Event("merger", Day).With("sourceUnitIds", Ids(absorbed)).With("continuingUnitId", main.Id));
        var rename = await s.Client.RecordAsync(Event("rename", Day.AddMonths(6)).With("sourceUnitIds", Ids(main)).With("newName", $"{main.Name} mới"));
        var consolidation = await s.Client.RecordAsync(Event("consolidation", Day)
            .With("sourceUnitIds", Ids(a, b)).With("newUnits", Array(s.NewUnit("N"))));
        var created = consolidation.Reorganization!.Units.Single(u => u.Role == "created").UnitId;
        var dissolution = await s.Client.RecordAsync(Event("dissolution", Day.AddYears(1)).With("sourceUnitIds", new System.Text.Json.Nodes.JsonArray(created)));

        using var refusedMerger = await s.Client.VoidAsync(merger.Id, "Ghi nhầm");
        using var refusedConsolidation = await s.Client.VoidAsync(consolidation.Id, "Ghi nhầm");

        Assert.Equal(["id"], (await refusedMerger.ValidationErrorsAsync()).Keys);
        Assert.Equal(["id"], (await refusedConsolidation.ValidationErrorsAsync()).Keys);
        Assert.Equal(Day, (await s.Client.GetUnitAsync(absorbed.Id)).EndedOn);
        Assert.Equal(HttpStatusCode.OK, (await s.Client.GetAsync($"/api/v1/units/{created}")).StatusCode);

        using (var voidRename = await s.Client.VoidAsync(rename.Id, "Ghi nhầm"))
        using (var voidDissolution = await s.Client.VoidAsync(dissolution.Id, "Ghi nhầm"))
        using (var voidMerger = await s.Client.VoidAsync(merger.Id, "Ghi nhầm"))
        using (var voidConsolidation = await s.Client.VoidAsync(consolidation.Id, "Ghi nhầm"))
        {
            Assert.Equal(
                [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
                new[] { voidRename, voidDissolution, voidMerger, voidConsolidation }.Select(r => r.StatusCode));
        }

        Assert.Null((await s.Client.GetUnitAsync(absorbed.Id)).EndedOn);
        Assert.Equal([main.Id, absorbed.Id, a.Id, b.Id], await s.ActiveAsync(Day));
    }

    // A voided event that another event could not build on does not block it either: the unit may be dissolved again.
    [Theory, DatabaseData]
    public async Task Post_AfterVoid_UnitCanTakePartAgain(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var wrong = await s.Client.RecordAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(a)));
        using (var response = await s.Client.VoidAsync(wrong.Id, "Sai ngày hiệu lực"))
        {
            response.EnsureSuccessStatusCode();
        }

        var right = await s.Client.RecordAsync(Event("dissolution", Day.AddDays(-10)).With("sourceUnitIds", Ids(a)));

        Assert.Equal(Day.AddDays(-10), (await s.Client.GetUnitAsync(a.Id)).EndedOn);
        Assert.Equal([(wrong.Id, true), (right.Id, false)],
            (await s.Client.HistoryAsync(a.Id)).Events.Select(e => (e.ReorganizationId, e.Voided)).OrderBy(e => e.ReorganizationId));
    }

    [Theory, DatabaseData]
    public async Task Void_UnknownId_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.VoidAsync(2147480000, "Ghi nhầm");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task RecordAndVoid_WriteAuditRowsWithTheCallerAndTheReason(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (officer, email) = await s.App.SignInAsNewUserAsync(Roles.HomeAffairs, area: s.AreaCode);
        var a = await s.UnitAsync("A");
        var dissolution = await officer.RecordAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(a)));
        using (var response = await s.Client.VoidAsync(dissolution.Id, "Quyết định bị thu hồi"))
        {
            response.EnsureSuccessStatusCode();
        }

        var id = dissolution.Id.ToString(CultureInfo.InvariantCulture);
        var rows = await s.App.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Reorganization" && e.EntityId == id).OrderBy(e => e.Id).ToListAsync());

        Assert.Equal([("Create", email), ("Update", SuNghiepApp.AdminEmail)], rows.Select(r => (r.Action, r.ActorName)));
        using var created = JsonDocument.Parse(rows[0].After!);
        Assert.Equal("12/QĐ-UBND", created.RootElement.GetProperty("DecisionNumber").GetString());
        using var before = JsonDocument.Parse(rows[1].Before!);
        using var after = JsonDocument.Parse(rows[1].After!);
        Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("VoidReason").ValueKind);
        Assert.Equal("Quyết định bị thu hồi", after.RootElement.GetProperty("VoidReason").GetString());
        // The unit's own trail shows the end and its undoing.
        var unitId = a.Id.ToString(CultureInfo.InvariantCulture);
        var unitRows = await s.App.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Unit" && e.EntityId == unitId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Create", "Update", "Update"], unitRows);
    }
}
