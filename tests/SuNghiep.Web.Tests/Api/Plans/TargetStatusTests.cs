using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Plans.PlansClient;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// A plan's targets measured from a hand-made register: a commune and an agency of the test's own, which no other test
/// counts, with ten units since 2000, two of which ended two years ago. Dates are counted from today (T), so that the
/// statuses hold whatever day the suite runs:
/// <list type="bullet">
/// <item>T − 4 years (the baseline): 10 units; T − 3 years (the document): 10; today: 8, a change of −20%.</item>
/// <item>"giảm 20%" by T + 4 years: −20% reached exactly: achieved.</item>
/// <item>"giảm 30%" by T + 4 years: the line from the baseline through today doubles −20% by then, −40%: on_track.</item>
/// <item>"giảm 50%" by T + 4 years: −40% at the deadline: at_risk.</item>
/// <item>"giảm 30%" by T − 1 year: the deadline has passed at −20%: missed.</item>
/// <item>"không quá 7 đơn vị" by T + 2 years, no baseline: from the document's 10 to today's 8 in three years, the line
/// reaches 8 − 2 × 2/3 ≈ 6,67 by then: on_track; "không quá 6 đơn vị": at_risk.</item>
/// <item>"giảm 10%" from 31/12/1990, when the commune had no unit: a zero baseline: not_measurable; and a target in words
/// only: not_measurable, its text in the sentence.</item>
/// </list>
/// </summary>
public sealed class TargetStatusTests(AppHosts hosts)
{
    private sealed record Register(SuNghiepApp App, HttpClient Admin, string AreaCode, int AgencyId, DocumentView Document, IReadOnlyList<int> UnitIds) : IDisposable
    {
        public void Dispose() => Admin.Dispose();
    }

    private sealed record Measured(
        int TargetId, string? IndicatorCode, decimal? BaselineValue, decimal? Actual, decimal? TargetValue, DateOnly? Deadline, string Status, string Explanation);

    private static DateOnly Years(int years) => Today.AddYears(years);

    private async Task<Register> ArrangeAsync(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var (areaCode, agencyId) = await app.WithDbAsync(async (db, _) =>
        {
            var province = await db.Areas.SingleAsync(a => a.Code == "14" && a.ValidTo == null);
            var area = new Area
            {
                Code = token, Name = Unique.Name(token), Type = "xã", Level = AreaLevel.Commune, ParentId = province.Id,
                Path = $"{province.Path}c{token}/", LineagePath = $"{province.LineagePath}c{token}/",
            };
            db.Areas.Add(area);
            await db.SaveChangesAsync();
            var agency = new Agency { Code = token, Name = $"Ủy ban nhân dân xã {Unique.Name(token)}", Kind = AgencyKind.CommunePeoplesCommittee, LevelCode = "commune", AreaId = area.Id };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            agency.Path = agency.LineagePath = $"/{agency.Id}/";
            agency.SearchText = token;
            await db.SaveChangesAsync();
            return (area.Code, agency.Id);
        });

        var admin = await app.AdminAsync();
        var ids = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var body = UnitsClient.Body(token, $"u{i}", agencyId).With("areaCode", areaCode);
            ids.Add((await admin.CreateUnitAsync(i < 2 ? body.With("endedOn", Iso(Years(-2))) : body)).Id);
        }

        var document = await admin.CreateDocumentAsync(Document(token, Iso(Years(-3))));
        return new Register(app, admin, areaCode, agencyId, document, ids);
    }

    private static JsonObject Target(string areaCode, string text, string direction, decimal value, string unit, DateOnly deadline, DateOnly? baseline) => new()
    {
        ["indicatorCode"] = "units.count",
        ["text"] = text,
        ["areaCode"] = areaCode,
        ["baseline"] = baseline is { } b ? new JsonObject { ["from"] = Iso(b), ["to"] = Iso(b) } : null,
        ["direction"] = direction,
        ["value"] = value,
        ["valueUnit"] = unit,
        ["deadline"] = Iso(deadline),
    };

    private static async Task<IReadOnlyList<Measured>> StatusesAsync(HttpClient client, int documentId) =>
        await OkJsonAsync<List<Measured>>(client, $"/api/v1/documents/{documentId}/targets/status");

    [Theory, DatabaseData]
    public async Task Status_HandMadeRegister_EachStatusAsWorkedOut(DatabaseProvider provider)
    {
        using var r = await ArrangeAsync(provider);
        var (admin, area, id) = (r.Admin, r.AreaCode, r.Document.Id);
        var achieved = await admin.AddTargetAsync(id, Target(area, "Giảm 20% số đơn vị", "decrease", 20, "percent", Years(4), Years(-4)));
        var onTrack = await admin.AddTargetAsync(id, Target(area, "Giảm 30% số đơn vị", "decrease", 30, "percent", Years(4), Years(-4)));
        var atRisk = await admin.AddTargetAsync(id, Target(area, "Giảm 50% số đơn vị", "decrease", 50, "percent", Years(4), Years(-4)));
        var missed = await admin.AddTargetAsync(id, Target(area, "Giảm 30% số đơn vị, sớm", "decrease", 30, "percent", Years(-1), Years(-4)));
        var levelOnTrack = await admin.AddTargetAsync(id, Target(area, "Không quá 7 đơn vị", "at-most", 7, "count", Years(2), null));
        var levelAtRisk = await admin.AddTargetAsync(id, Target(area, "Không quá 6 đơn vị", "at-most", 6, "count", Years(2), null));
        var zero = await admin.AddTargetAsync(id, Target(area, "Giảm 10% so với năm 1990", "decrease", 10, "percent", Years(4), new DateOnly(1990, 12, 31)));
        var words = await admin.AddTargetAsync(id, new JsonObject { ["text"] = "Nâng cao chất lượng dịch vụ sự nghiệp công." });

        var statuses = (await StatusesAsync(admin, id)).ToDictionary(s => s.TargetId);

        Assert.Equal(8, statuses.Count);
        Assert.Equal(
            [
                TargetStatus(achieved.Id, "achieved"), TargetStatus(onTrack.Id, "on_track"), TargetStatus(atRisk.Id, "at_risk"),
                TargetStatus(missed.Id, "missed"), TargetStatus(levelOnTrack.Id, "on_track"), TargetStatus(levelAtRisk.Id, "at_risk"),
                TargetStatus(zero.Id, "not_measurable"), TargetStatus(words.Id, "not_measurable"),
            ],
            new[] { achieved, onTrack, atRisk, missed, levelOnTrack, levelAtRisk, zero, words }.Select(t => TargetStatus(t.Id, statuses[t.Id].Status)));
        Assert.Equal((10m, 8m, 20m, Years(4)), (statuses[achieved.Id].BaselineValue, statuses[achieved.Id].Actual, statuses[achieved.Id].TargetValue, statuses[achieved.Id].Deadline!.Value));
        Assert.Equal("units.count", statuses[achieved.Id].IndicatorCode);
        // Without a baseline the target is measured from the document's date: 10 units then.
        Assert.Equal((10m, 8m), (statuses[levelOnTrack.Id].BaselineValue, statuses[levelOnTrack.Id].Actual));
        Assert.Equal((0m, 8m), (statuses[zero.Id].BaselineValue, statuses[zero.Id].Actual));
        Assert.StartsWith($"Giảm 20% so với {Years(-4):dd/MM/yyyy}; cần giảm 20% trước {Years(4):dd/MM/yyyy}", statuses[achieved.Id].Explanation, StringComparison.Ordinal);
        Assert.EndsWith("đã đạt.", statuses[achieved.Id].Explanation, StringComparison.Ordinal);
        Assert.Contains("theo xu hướng hiện nay sẽ giảm", statuses[onTrack.Id].Explanation, StringComparison.Ordinal);
        Assert.Contains("bằng 0", statuses[zero.Id].Explanation, StringComparison.Ordinal);
        Assert.Null(statuses[words.Id].IndicatorCode);
        Assert.Contains("Nâng cao chất lượng dịch vụ sự nghiệp công.", statuses[words.Id].Explanation, StringComparison.Ordinal);
    }

    private static string TargetStatus(int id, string status) => $"{id}:{status}";

    // The document is public; its figures are read in the caller's scope. An officer of another commune sees none of the
    // test commune's units, so its count is not the admin's 10 and 8.
    [Theory, DatabaseData]
    public async Task Status_OfficerOutsideTheArea_GetsNotTheAreasNumbers(DatabaseProvider provider)
    {
        using var r = await ArrangeAsync(provider);
        var target = await r.Admin.AddTargetAsync(r.Document.Id, Target(r.AreaCode, "Giảm 20% số đơn vị", "decrease", 20, "percent", Years(4), Years(-4)));
        var (officer, _) = await r.App.SignInAsNewUserAsync(Roles.HomeAffairs, area: "31120");
        using var _officer = officer;

        var admin = Assert.Single(await StatusesAsync(r.Admin, r.Document.Id));
        var outside = Assert.Single(await StatusesAsync(officer, r.Document.Id));

        Assert.Equal((target.Id, 10m, 8m, "achieved"), (admin.TargetId, admin.BaselineValue, admin.Actual, admin.Status));
        Assert.Equal(target.Id, outside.TargetId);
        Assert.NotEqual(8m, outside.Actual);
        Assert.NotEqual(10m, outside.BaselineValue);
        Assert.Equal("not_measurable", outside.Status);
    }

    [Theory, DatabaseData]
    public async Task Status_UnknownDocument_Returns404Problem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync("/api/v1/documents/987654321/targets/status");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // One definition: /counts and the engine's units.count answer the same number for the same scope and date, and
    // the register's change (two units ended two years ago) shows in both.
    [Theory, DatabaseData]
    public async Task Counts_AndEngine_SameNumberForTheSameScopeAndDate(DatabaseProvider provider)
    {
        using var r = await ArrangeAsync(provider);
        foreach (var date in new[] { Years(-4), Today })
        {
            var counts = await r.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/counts?asOf={Iso(date)}&areaCode={r.AreaCode}");
            var engine = await r.App.WithDbAsync((db, services) =>
                services.GetRequiredService<IndicatorEngine>().ComputeAsync(new IndicatorQuery("units.count", date, null, new IndicatorScope(r.AreaCode))));
            var byAgency = await r.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/counts?asOf={Iso(date)}&agencyId={r.AgencyId}");

            Assert.Equal(date == Today ? 8 : 10, counts.GetProperty("total").GetInt32());
            Assert.Equal(counts.GetProperty("total").GetInt32(), engine.Value);
            Assert.Equal(counts.GetProperty("total").GetInt32(), byAgency.GetProperty("total").GetInt32());
        }
    }

    // One definition for staffing and autonomy, in 2023 (all ten units active at its end): budget-paid staff 10 + 20 + 30
    // = 60; the third unit's approved plan (group 2 for 2021-2025) wins over its 2023 finance (group 4), the fourth unit's
    // finance gives group 2: 2 of 10 units in groups 1-2, 20%, the same in /api/v1/autonomy, /api/v1/staffing and the engine.
    [Theory, DatabaseData]
    public async Task StaffingAndAutonomy_SameNumbersAsTheEngine_PlanBeforeFinance(DatabaseProvider provider)
    {
        using var r = await ArrangeAsync(provider);
        const int year = 2023;
        var admin = r.Admin;
        foreach (var (id, budget) in r.UnitIds.Take(3).Zip([10, 20, 30]))
        {
            using var staffing = await admin.PutAsync($"/api/v1/units/{id}/staffing/{year}", UnitsClient.Content(Resources.ResourceRequests.Staffing(budget).ToJsonString()));
            Assert.Equal(HttpStatusCode.OK, staffing.StatusCode);
        }

        using var group4 = await admin.PutAsync($"/api/v1/units/{r.UnitIds[2]}/finance/{year}",
            UnitsClient.Content(Resources.ResourceRequests.Finance(1_100_000_000, 12_000_000_000).ToJsonString()));
        using var group2 = await admin.PutAsync($"/api/v1/units/{r.UnitIds[3]}/finance/{year}",
            UnitsClient.Content(Resources.ResourceRequests.Finance(12_000_000_000, 12_000_000_000).ToJsonString()));
        var plan = new JsonObject
        {
            ["periodStart"] = 2021, ["periodEnd"] = 2025, ["proposedGroup"] = 2, ["submittedOn"] = "2021-03-01", ["status"] = "approved", ["approvedGroup"] = 2,
            ["decision"] = new JsonObject { ["number"] = "12/QĐ-UBND", ["date"] = "2021-04-15", ["issuer"] = "UBND thành phố Cần Thơ" },
        };
        using var approved = await admin.PostAsync($"/api/v1/units/{r.UnitIds[2]}/autonomy-plans", UnitsClient.Content(plan.ToJsonString()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created), (group4.StatusCode, group2.StatusCode, approved.StatusCode));

        var autonomy = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/autonomy?year={year}&areaCode={r.AreaCode}");
        var staffingTable = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/staffing?year={year}&areaCode={r.AreaCode}");
        var yearEnd = new DateOnly(year, 12, 31);
        var (units, share, budgetPaid) = await r.App.WithDbAsync(async (db, services) =>
        {
            var engine = services.GetRequiredService<IndicatorEngine>();
            var scope = new IndicatorScope(r.AreaCode);
            return (
                (await engine.ComputeAsync(new IndicatorQuery("units.count", yearEnd, null, scope))).Value,
                (await engine.ComputeAsync(new IndicatorQuery("autonomy.selffinancing.share", yearEnd, null, scope))).Value,
                (await engine.ComputeAsync(new IndicatorQuery("staff.budget", yearEnd, null, scope))).Value);
        });

        Assert.Equal((10, 0, 2, 0, 0, 8), (autonomy.GetProperty("units").GetInt32(), autonomy.GetProperty("group1").GetInt32(),
            autonomy.GetProperty("group2").GetInt32(), autonomy.GetProperty("group3").GetInt32(), autonomy.GetProperty("group4").GetInt32(),
            autonomy.GetProperty("unknown").GetInt32()));
        Assert.Equal((10m, 20m, 60m), (units, share, budgetPaid));
        Assert.Equal(20m, autonomy.GetProperty("selfFinancingShare").GetDecimal());
        Assert.Equal(60, staffingTable.GetProperty("budgetPositions").GetInt64());
        Assert.Equal(60, staffingTable.GetProperty("byAgency").EnumerateArray().Sum(a => a.GetProperty("budgetPositions").GetInt64()));

        // The staffing page's series shows the same year with the same numbers.
        using var session = await PageSession.SignInAsync(r.App, await r.App.CreateUserAsync(Roles.HomeAffairs, area: "14"));
        var (_, page) = await session.GetAsync($"/staffing?Year={year}&AreaCode={r.AreaCode}");
        var row = page.QuerySelector($"tr[data-year='{year}']")!;
        Assert.Equal("60", row.QuerySelector("[data-field=budgetPositions]")!.TextContent.Trim());
        Assert.Equal("10", row.QuerySelector("[data-field=units]")!.TextContent.Trim());
        Assert.Equal("20,00%", row.QuerySelector("[data-field=selfFinancingShare]")!.TextContent.Trim());
    }

    // The dashboard's list for an officer of the test commune's agency: its own agency's plan, measured in the target's
    // area, and a national target (no issuing agency, no area), measured in what the officer sees; not a plan of another
    // agency, even one whose target names the commune.
    [Theory, DatabaseData]
    public async Task ForScope_AgencyOfficer_OwnAgencysAndNationalTargets(DatabaseProvider provider)
    {
        using var r = await ArrangeAsync(provider);
        var token = Unique.Token();
        var own = await r.Admin.CreateDocumentAsync(Document(token + "a", Iso(Years(-3))).With("issuerAgencyId", r.AgencyId));
        var national = await r.Admin.CreateDocumentAsync(Document(token + "b", Iso(Years(-3))).With("issuer", "Chính phủ"));
        var other = await r.Admin.CreateDocumentAsync(Document(token + "c", Iso(Years(-3))).With("issuerAgencyId", await r.App.AgencyIdAsync("92.SYT")));
        var ownTarget = await r.Admin.AddTargetAsync(own.Id, Target(r.AreaCode, "Giảm 20% số đơn vị", "decrease", 20, "percent", Years(4), Years(-4)));
        var nationalTarget = await r.Admin.AddTargetAsync(national.Id, Target(r.AreaCode, "Giảm 20% số đơn vị", "decrease", 20, "percent", Years(4), Years(-4)).With("areaCode", null));
        var otherTarget = await r.Admin.AddTargetAsync(other.Id, Target(r.AreaCode, "Giảm 20% số đơn vị", "decrease", 20, "percent", Years(4), Years(-4)));

        var listed = await r.App.WithDbAsync(async (db, services) =>
        {
            db.UseScope(new Core.Data.CallerScope(false, $"/{r.AgencyId}/", null, null, "Ủy ban nhân dân xã thử") { Role = Roles.AgencyOfficer });
            return (await services.GetRequiredService<TargetStatuses>().ForScopeAsync(IndicatorScope.Visible)).ToDictionary(m => m.TargetId);
        });

        Assert.Equal((10m, 8m, "achieved"), (listed[ownTarget.Id].BaselineValue, listed[ownTarget.Id].Actual, listed[ownTarget.Id].Status));
        Assert.Equal(r.AreaCode, listed[ownTarget.Id].Scope.AreaCode);
        Assert.Equal((10m, 8m, "achieved"), (listed[nationalTarget.Id].BaselineValue, listed[nationalTarget.Id].Actual, listed[nationalTarget.Id].Status));
        Assert.DoesNotContain(otherTarget.Id, listed.Keys);
    }

    [Theory, DatabaseData]
    public async Task DocumentPage_Targets_ShowBadgeWithItsWordSentenceAndDrilldown(DatabaseProvider provider)
    {
        using var r = await ArrangeAsync(provider);
        var target = await r.Admin.AddTargetAsync(r.Document.Id, Target(r.AreaCode, "Giảm 20% số đơn vị", "decrease", 20, "percent", Years(4), Years(-4)));
        using var session = await PageSession.SignInAsync(r.App, await r.App.CreateUserAsync(Roles.HomeAffairs, area: "14"));

        var (response, page) = await session.GetAsync($"/documents/{r.Document.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelector($"[data-testid=targets] tr[data-target-id='{target.Id}']")!;
        Assert.NotNull(row);
        var badge = row.QuerySelector("[data-testid=target-status]")!;
        Assert.Equal("achieved", badge.GetAttribute("data-status"));
        Assert.Equal("Đã đạt", badge.TextContent.Trim());
        Assert.Equal("10 đơn vị", row.QuerySelector("[data-field=baseline-value]")!.TextContent.Trim());
        Assert.Equal("8 đơn vị", row.QuerySelector("[data-field=actual]")!.TextContent.Trim());
        Assert.StartsWith("Giảm 20% so với", row.QuerySelector("[data-testid=target-explanation]")!.TextContent.Trim(), StringComparison.Ordinal);
        var link = row.QuerySelector("[data-testid=target-drilldown]")!.GetAttribute("href")!;
        Assert.Equal(
            $"/indicators/units.count/drilldown?asOf={Iso(Today)}&baseline={Iso(Years(-4))}&areaCode={r.AreaCode}&areaOn={Iso(Years(-3))}", link);
    }
}
