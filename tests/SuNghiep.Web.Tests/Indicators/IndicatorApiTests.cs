using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Indicators.IndicatorsClient;

namespace SuNghiep.Web.Tests.Indicators;

/// <summary>The catalogue, breakdowns, the caller's scope, validation and the .xlsx export.</summary>
public sealed class IndicatorApiTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Catalogue_ListsTheTwelveIndicatorsWithTheirDefinitions(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        var list = await admin.ReadAsync<List<IndicatorInfo>>("/api/v1/indicators");

        Assert.Equal(
            ["units.count", "staff.budget", "autonomy.selffinancing.share", "autonomy.any.share", "conversion.share", "budget.direct.avg", "roles.other.share", "autonomy.plan.share",
                "quality.assessed.share", "survey.satisfaction", "feedback.answered.ontime.share", "inspection.recommendations.done.share"],
            list.Select(i => i.Code).ToList());
        Assert.All(list, i => Assert.False(string.IsNullOrWhiteSpace(i.Name) || string.IsNullOrWhiteSpace(i.Definition) || string.IsNullOrWhiteSpace(i.Source)));
        Assert.Equal(["đơn vị", "người", "%", "%", "%", "đồng", "%", "%", "%", "%", "%", "%"], list.Select(i => i.Unit).ToList());
        Assert.Equal("2025-12-31", list.Single(i => i.Code == "survey.satisfaction").DefaultBaseline);
        Assert.Equal("2016-2020", list.Single(i => i.Code == "budget.direct.avg").DefaultBaseline);
    }

    [Theory, DatabaseData]
    public async Task Breakdowns_ProvinceCommuneAndSector_AddUpToTheTotal(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        // A in thành phố Bắc Giang (213), B in thành phố Bắc Ninh (256, health), both from 2010; C in phường Bắc Giang
        // (07210, new map) from 1/8/2025; E in phường Cái Khế of Cần Thơ (31120) from 2010; P at the level of the new
        // province 24 itself from 1/8/2025.
        await admin.UnitAsync(token, "A", agency, "213", new DateOnly(2010, 1, 1));
        await admin.UnitAsync(token, "B", agency, "256", new DateOnly(2010, 1, 1), sector: "health");
        await admin.UnitAsync(token, "C", agency, "07210", new DateOnly(2025, 8, 1));
        await admin.UnitAsync(token, "E", agency, "31120", new DateOnly(2010, 1, 1));
        await admin.UnitAsync(token, "P", agency, "24", new DateOnly(2025, 8, 1));
        var query = $"asOf=2025-12-31&baseline=2023-12-31&agencyId={agency}";

        var byProvince = await admin.IndicatorAsync("units.count", query + "&breakdown=province");
        var byCommune = await admin.IndicatorAsync("units.count", query + "&areaCode=24&breakdown=commune");
        var bySector = await admin.IndicatorAsync("units.count", query + "&breakdown=sector");

        // Today's provinces: 24 (Bắc Ninh) has A, B, C, P = 4 now, A, B = 2 then; 92 (Cần Thơ) has E, 1 and 1.
        Assert.Equal(5m, byProvince.Value);
        Assert.Equal(
            [("24", "Tỉnh Bắc Ninh", 4m, 2m, 100m), ("92", "Thành phố Cần Thơ", 1m, 1m, 0m)],
            byProvince.Breakdown.Select(r => (r.Key, r.Name, r.Value ?? -1, r.BaselineValue ?? -1, r.ChangePercent ?? -1)).ToList());
        // Within 24: the province's own units in one row, the old districts with their end date, today's communes.
        Assert.Equal(4m, byCommune.Value);
        Assert.Equal(
            [("province", 1m), ("213", 1m), ("256", 1m), ("07210", 1m)],
            byCommune.Breakdown.Select(r => (r.Key, r.Value ?? -1)).ToList());
        Assert.Equal("Cấp tỉnh", byCommune.Breakdown[0].Name);
        Assert.Contains("(đến 30/06/2025)", byCommune.Breakdown[1].Name);
        Assert.Equal(
            [("education", 4m), ("health", 1m)],
            bySector.Breakdown.Select(r => (r.Key, r.Value ?? -1)).ToList());
        Assert.Equal(bySector.Value, bySector.Breakdown.Sum(r => r.Value));
    }

    [Theory, DatabaseData]
    public async Task Breakdown_ByAgency_And_AnAgencyOfficer_GetsOnlyItsOwnUnits(DatabaseProvider provider)
    {
        var scenario = await HistoryScenario.StartAsync(hosts, provider);
        var app = scenario.App;
        var admin = scenario.Client;
        // In the scenario's own commune: 3 units of Sở Giáo dục và Đào tạo, 2 of Sở Y tế, all from 2010.
        foreach (var suffix in new[] { "G1", "G2", "G3" })
        {
            await scenario.UnitAsync(suffix);
        }

        await scenario.UnitAsync("Y1", "92.SYT");
        await scenario.UnitAsync("Y2", "92.SYT");
        var education = scenario.AgencyId;
        var health = await app.AgencyIdAsync("92.SYT");
        var query = $"asOf=2022-12-31&areaCode={scenario.AreaCode}";
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        using var _officer = officer;

        var byAgency = await admin.IndicatorAsync("units.count", query + "&breakdown=agency");
        var seenByOfficer = await officer.IndicatorAsync("units.count", query);
        var (officerUnits, _) = await officer.DrilldownAsync("units.count", query);

        Assert.Equal(5m, byAgency.Value);
        Assert.Equal(
            [(education.ToString(), 3m), (health.ToString(), 2m)],
            byAgency.Breakdown.Select(r => (r.Key, r.Value ?? -1)).OrderBy(r => r.Item2 == 3m ? 0 : 1).ToList());
        Assert.All(byAgency.Breakdown, r => Assert.StartsWith("Sở ", r.Name));
        // The health department's officer sees its two units, not the three of education.
        Assert.Equal(2m, seenByOfficer.Value);
        Assert.Equal(2, officerUnits.Total);
        Assert.All(officerUnits.Items, u => Assert.Equal(health, u.ManagingAgencyId));
    }

    [Theory, DatabaseData]
    public async Task BadParameters_Answer400OnTheParameter_UnknownCode404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        async Task<string> Field(string url)
        {
            using var response = await admin.GetAsync(url);
            return Assert.Single((await response.ValidationErrorsAsync()).Keys);
        }

        Assert.Equal("baseline", await Field("/api/v1/indicators/units.count?baseline=hai-nghin"));
        Assert.Equal("baseline", await Field("/api/v1/indicators/units.count?baseline=2020-2016"));
        Assert.Equal("baseline", await Field("/api/v1/indicators/units.count?baseline=2015-02-30"));
        Assert.Equal("asOf", await Field("/api/v1/indicators/units.count?asOf=2025-13-01"));
        Assert.Equal("breakdown", await Field("/api/v1/indicators/units.count?breakdown=district"));
        Assert.Equal("sector", await Field("/api/v1/indicators/units.count?sector=mining"));
        Assert.Equal("level", await Field("/api/v1/indicators/units.count?level=village"));
        Assert.Equal("agencyId", await Field("/api/v1/indicators/units.count?agencyId=abc"));
        Assert.Equal("agencyId", await Field("/api/v1/indicators/units.count?agencyId=987654321"));
        Assert.Equal("areaCode", await Field("/api/v1/indicators/units.count?areaCode=99999"));
        // Code 27 (the old Bắc Ninh) named nothing after 30/6/2025.
        Assert.Equal("areaCode", await Field("/api/v1/indicators/units.count?areaCode=27&areaOn=2025-12-31"));
        Assert.Equal("areaOn", await Field("/api/v1/indicators/units.count?areaOn=2025-12-31"));
        Assert.Equal("pageSize", await Field("/api/v1/indicators/units.count/drilldown?pageSize=0"));
        Assert.Equal("page", await Field("/api/v1/indicators/units.count/drilldown?page=0"));
        using var unknown = await admin.GetAsync("/api/v1/indicators/units.total");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        using var unknownExport = await admin.GetAsync("/api/v1/indicators/units.total/drilldown.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, unknownExport.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task DrilldownXlsx_HasTheUnitsAndTheReorganizationsSheets(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var a = await admin.UnitAsync(token, "A", agency, "31120", new DateOnly(2010, 1, 1));
        var b = await admin.UnitAsync(token, "B", agency, "31120", new DateOnly(2010, 1, 1));
        await admin.RecordAsync(HistoryClient.Event("merger", new DateOnly(2020, 3, 1), "31/QĐ-UBND")
            .With("continuingUnitId", a.Id).With("sourceUnitIds", HistoryClient.Ids(b)));

        using var response = await admin.GetAsync($"/api/v1/indicators/units.count/drilldown.xlsx?asOf=2021-12-31&agencyId={agency}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(bytes);
        Assert.Equal([IndicatorExport.UnitsSheet, IndicatorExport.EventsSheet], stream.GetSheetNames());
        var units = stream.Query(useHeaderRow: true, sheetName: IndicatorExport.UnitsSheet).Cast<IDictionary<string, object?>>().ToList();
        var events = stream.Query(useHeaderRow: true, sheetName: IndicatorExport.EventsSheet).Cast<IDictionary<string, object?>>().ToList();
        // A alone is active; the merger that absorbed B (-1) is listed with its decision and date.
        Assert.Equal(a.Code, Assert.Single(units)["Mã đơn vị"]);
        var merger = Assert.Single(events);
        Assert.Equal("31/QĐ-UBND", merger["Số quyết định"]);
        Assert.Equal("01/03/2020", merger["Ngày hiệu lực"]);
        Assert.Equal(-1, Convert.ToInt32(merger["Thay đổi số đơn vị"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, DatabaseData]
    public async Task Indicator_AnswersTheDocumentedShape(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        var body = await admin.ReadAsync<JsonElement>("/api/v1/indicators/units.count?asOf=2024-12-31&areaCode=92&breakdown=commune");

        Assert.Equal(
            ["code", "value", "baselineValue", "change", "changePercent", "unit", "notes", "breakdown"],
            body.EnumerateObject().Select(p => p.Name).ToList());
        var row = body.GetProperty("breakdown")[0];
        Assert.Equal(["key", "name", "value", "baselineValue", "changePercent"], row.EnumerateObject().Select(p => p.Name).ToList());
        // The demo province has its units on both dates.
        Assert.True(body.GetProperty("value").GetDecimal() > 100);
        Assert.Equal(body.GetProperty("value").GetDecimal(), body.GetProperty("breakdown").EnumerateArray().Sum(r => r.GetProperty("value").GetDecimal()));
    }
}
