using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Web.Tests.Indicators;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>
/// The events that move a unit into or out of a province's public register: units received from a ministry, a unit merged
/// into an administrative body, a unit converted into a non-public one; each through the event machinery, with the count,
/// the history and the indicator facts kept right.
/// </summary>
public sealed class NewEventKindTests(AppHosts hosts)
{
    /// <summary>A ministry of the test's own, at the central level.</summary>
    private static Task<int> MinistryAsync(SuNghiepApp app, string token) => app.WithDbAsync(async (db, _) =>
    {
        var agency = new Agency { Code = $"B.{token}", Name = $"Bộ thử nghiệm {Unique.Name(token)}", Kind = AgencyKind.Ministry, LevelCode = "central" };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        agency.Path = agency.LineagePath = $"/{agency.Id}/";
        await db.SaveChangesAsync();
        return agency.Id;
    });

    [Theory, DatabaseData]
    public async Task ReceiveFromMinistry_UnitGoesOnUnderTheProvincesAgencyFromTheDate(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2025, 7, 1);
        var ministry = await MinistryAsync(s.App, s.Token);
        var province = await IndicatorsClient.AgencyAsync(s.App, s.Token);
        var received = await s.Client.CreateUnitAsync(s.UnitBody("A").With("managingAgencyId", ministry).With("level", "central"));
        var control = await s.Client.CreateUnitAsync(s.UnitBody("Z").With("managingAgencyId", ministry).With("level", "central"));
        var countBefore = await s.CountAsync(day);

        var created = await s.Client.RecordAsync(Event("receivefromministry", day).With("sourceUnitIds", Ids(received)).With("newManagingAgencyId", province));

        Assert.Equal(province, created.Reorganization!.NewManagingAgencyId);
        Assert.Equal("Tiếp nhận từ bộ, ngành trung ương", created.Reorganization.TypeName);
        Assert.Equal(ministry, (await s.Client.GetUnitAsync(received.Id, day.AddDays(-1))).ManagingAgencyId);
        var after = await s.Client.GetUnitAsync(received.Id, day);
        Assert.Equal((province, "province", true), (after.ManagingAgencyId, after.Level, after.Active));
        Assert.Equal(ministry, (await s.Client.GetUnitAsync(control.Id, day)).ManagingAgencyId);
        // The area's count is unchanged; the province's agency counts the unit from the day.
        Assert.Equal(countBefore, await s.CountAsync(day));
        var byAgency = await s.Client.IndicatorAsync("units.count", $"asOf={Iso(day)}&agencyId={province}");
        var dayBefore = await s.Client.IndicatorAsync("units.count", $"asOf={Iso(day.AddDays(-1))}&agencyId={province}");
        Assert.Equal((0m, 1m), (dayBefore.Value, byAgency.Value));
        var history = await s.Client.HistoryAsync(received.Id);
        Assert.Equal([(created.Id, "receivefromministry", "transferred")], history.Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
        Assert.Equal([ministry, province], history.Versions.Select(v => v.ManagingAgencyId));
    }

    [Theory, DatabaseData]
    public async Task ReceiveFromMinistry_UnitNotUnderAMinistryOrAgencyAtTheCentre_IsRefused(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var ministry = await MinistryAsync(s.App, s.Token);
        var provincial = await s.UnitAsync("A");
        var central = await s.Client.CreateUnitAsync(s.UnitBody("B").With("managingAgencyId", ministry).With("level", "central"));
        var otherMinistry = await MinistryAsync(s.App, s.Token + "X");

        using var notCentral = await s.Client.PostEventAsync(Event("receivefromministry", new(2025, 7, 1))
            .With("sourceUnitIds", Ids(provincial)).With("newManagingAgencyId", await s.App.AgencyIdAsync("92.SYT")));
        using var toTheCentre = await s.Client.PostEventAsync(Event("receivefromministry", new(2025, 7, 1))
            .With("sourceUnitIds", Ids(central)).With("newManagingAgencyId", otherMinistry));
        using var noAgency = await s.Client.PostEventAsync(Event("receivefromministry", new(2025, 7, 1)).With("sourceUnitIds", Ids(central)));

        Assert.Equal(HttpStatusCode.BadRequest, notCentral.StatusCode);
        Assert.Contains("không thuộc bộ, ngành trung ương", await notCentral.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, toTheCentre.StatusCode);
        Assert.Contains("không phải cơ quan trung ương", await toTheCentre.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noAgency.StatusCode);
        Assert.Contains("newManagingAgencyId", await noAgency.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await s.Client.GetUnitAsync(central.Id, new(2025, 7, 2))).Active);
    }

    [Theory, DatabaseData]
    public async Task MergeIntoAgency_UnitEndsItsFunctionsGoToTheAgencyAndCountsOneLess(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2025, 3, 1);
        var homeAffairs = await s.App.AgencyIdAsync("92.SNV");
        var (a, control) = (await s.UnitAsync("A"), await s.UnitAsync("Z"));
        var before = await s.CountAsync(day);

        var created = await s.Client.RecordAsync(Event("mergeintoagency", day).With("sourceUnitIds", Ids(a)).With("newManagingAgencyId", homeAffairs));

        Assert.Equal((homeAffairs, -1), (created.Reorganization!.NewManagingAgencyId, created.Reorganization.CountChange));
        Assert.Equal((day, false), ((await s.Client.GetUnitAsync(a.Id, day)).EndedOn, (await s.Client.GetUnitAsync(a.Id, day)).Active));
        Assert.True((await s.Client.GetUnitAsync(a.Id, day.AddDays(-1))).Active);
        Assert.True((await s.Client.GetUnitAsync(control.Id, day)).Active);
        Assert.Equal(before - 1, await s.CountAsync(day));
        Assert.Equal([(created.Id, "mergeintoagency", "ended")], (await s.Client.HistoryAsync(a.Id)).Events.Select(e => (e.ReorganizationId, e.Type, e.Role)));
        Assert.Empty((await s.Client.LineageAsync(a.Id)).Successors);

        using var noAgency = await s.Client.PostEventAsync(Event("mergeintoagency", day).With("sourceUnitIds", Ids(control)));
        Assert.Equal(HttpStatusCode.BadRequest, noAgency.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task ConversionToNonPublic_UnitLeavesThePublicRegisterAndIsNotAJointStockConversion(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2024, 6, 1);
        var (a, control) = (await s.UnitAsync("A"), await s.UnitAsync("Z"));
        var before = await s.CountAsync(day);

        var created = await s.Client.RecordAsync(Event("conversiontononpublic", day).With("sourceUnitIds", Ids(a)));

        Assert.Equal(("Chuyển thành đơn vị sự nghiệp ngoài công lập", -1), (created.Reorganization!.TypeName, created.Reorganization.CountChange));
        Assert.False((await s.Client.GetUnitAsync(a.Id, day)).Active);
        Assert.True((await s.Client.GetUnitAsync(control.Id, day)).Active);
        Assert.Equal(before - 1, await s.CountAsync(day));
    }

    [Theory, DatabaseData]
    public async Task Conversion_IsNamedAsDecree150s(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");

        var created = await s.Client.RecordAsync(Event("conversion", new(2022, 9, 1)).With("sourceUnitIds", Ids(a)));

        Assert.Equal("Chuyển đổi thành công ty cổ phần (theo Nghị định 150/2020/NĐ-CP)", created.Reorganization!.TypeName);
        using var page = await s.Client.GetAsync($"/reorganizations/{created.Id}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Nghị định 150/2020/NĐ-CP", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Nghị định 120/2020/NĐ-CP", html, StringComparison.Ordinal);
    }

    /// <summary>The facts the context maintains after the three kinds equal a rebuild (the IndicatorFactsTests pattern), on a host of its own.</summary>
    [Theory, DatabaseData]
    public async Task Facts_AfterTheNewKinds_EqualAFullRebuild(DatabaseProvider provider)
    {
        await using var app = await AppHosts.StartOwnAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var ministry = await MinistryAsync(app, token);
        var province = await IndicatorsClient.AgencyAsync(app, token);
        var area = Communes.Next();
        JsonObject Body(string suffix, int agency, string level) => UnitsClient.Body(token, suffix, agency)
            .With("areaCode", area).With("establishedOn", "2012-01-01").With("level", level);
        var received = await admin.CreateUnitAsync(Body("R", ministry, "central"));
        var merged = await admin.CreateUnitAsync(Body("M", province, "province"));
        var converted = await admin.CreateUnitAsync(Body("C", province, "province"));

        await admin.RecordAsync(Event("receivefromministry", new(2020, 1, 1), "1/QĐ-TTg").With("sourceUnitIds", Ids(received)).With("newManagingAgencyId", province));
        await admin.RecordAsync(Event("mergeintoagency", new(2021, 3, 1), "2/QĐ-UBND").With("sourceUnitIds", Ids(merged)).With("newManagingAgencyId", province));
        await admin.RecordAsync(Event("conversiontononpublic", new(2022, 4, 1), "3/QĐ-UBND").With("sourceUnitIds", Ids(converted)));

        var (maintained, rebuilt) = await app.WithDbAsync(async (db, _) =>
        {
            var ids = new[] { received.Id, merged.Id, converted.Id };
            var now = await Rows(db, ids);
            await using var tx = await db.Database.BeginTransactionAsync();
            await IndicatorFacts.RebuildAsync(db);
            var again = await Rows(db, ids);
            await tx.RollbackAsync();
            return (now, again);
        });
        Assert.Equal(rebuilt, maintained);
        // A control that empty tables could not pass: the received unit counts under the ministry in 2019 and the province in 2021.
        Assert.Contains(maintained, r => r.StartsWith($"2019|{received.Id}|", StringComparison.Ordinal) && r.Contains($"|{ministry}|", StringComparison.Ordinal));
        Assert.Contains(maintained, r => r.StartsWith($"2021|{received.Id}|", StringComparison.Ordinal) && r.Contains($"|{province}|", StringComparison.Ordinal));
        Assert.DoesNotContain(maintained, r => r.StartsWith($"2022|{merged.Id}|", StringComparison.Ordinal));
        Assert.DoesNotContain(maintained, r => r.StartsWith($"2023|{converted.Id}|", StringComparison.Ordinal));
    }

    private static async Task<List<string>> Rows(Core.Data.SuNghiepDbContext db, int[] ids) =>
        (await db.UnitYearFacts.IgnoreQueryFilters().AsNoTracking().Where(f => ids.Contains(f.UnitId)).ToListAsync())
            .Select(f => string.Join("|", f.Year, f.UnitId, f.From, f.To, f.AreaId, f.ManagingAgencyId, f.SectorCode, f.LevelCode, f.Other, f.YearEnd))
            .Order(StringComparer.Ordinal).ToList();
}
