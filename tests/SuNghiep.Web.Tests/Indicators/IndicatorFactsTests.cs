using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Seeding;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Scenarios;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Indicators;

/// <summary>
/// The indicator facts (UnitYearFacts) that every write keeps in its own transaction equal, row for row, the facts rebuilt
/// from the register, after writes of every kind through the API; on a host of its own, so that the whole table compares.
/// </summary>
public sealed class IndicatorFactsTests
{
    private const string Area = "03646";

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static JsonObject UnitBody(string token, string suffix, int agency) =>
        UnitsClient.Body(token, suffix, agency).With("areaCode", Area).With("level", "province");

    private static JsonObject NewUnit(string token, string suffix, int agency) =>
        UnitBody(token, suffix, agency).Without("establishedOn").Without("endedOn");

    /// <summary>Every fact row as text, in order; the ids (a sequence) left out.</summary>
    private static async Task<List<string>> RowsAsync(IQueryable<Core.Entities.UnitYearFact> facts) =>
        (await facts.AsNoTracking().ToListAsync())
            .Select(f => string.Join("|", f.Year, f.UnitId, f.From, f.To, f.AreaId, f.ManagingAgencyId, f.SectorCode, f.LevelCode, f.Other,
                f.PlanGroup, f.FinanceGroup, f.ListedOn, f.Staffed, f.Financed, f.YearEnd, f.BudgetPositions, f.DirectBudgetSpending))
            .Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> TotalsAsync(IQueryable<Core.Entities.IndicatorYearTotal> totals) =>
        (await totals.AsNoTracking().ToListAsync())
            .Select(t => string.Join("|", "total", t.Year, t.AreaId, t.ManagingAgencyId, t.SectorCode, t.LevelCode, t.Active, t.Other, t.Group12,
                t.Group13, t.Plan, t.FinanceOnly, t.NoGroup, t.Listed, t.Staffed, t.Financed, t.BudgetPositions, t.StaffRows,
                t.DirectBudgetSpending, t.FinanceRows))
            .Order(StringComparer.Ordinal).ToList();

    private static Task<List<string>> MaintainedAsync(SuNghiepApp app) =>
        app.WithDbAsync(async (db, _) => (List<string>)[.. await RowsAsync(db.UnitYearFacts.IgnoreQueryFilters()), .. await TotalsAsync(db.IndicatorYearTotals)]);

    /// <summary>The facts a full rebuild writes, read inside a transaction that is rolled back.</summary>
    private static Task<List<string>> RebuiltAsync(SuNghiepApp app) => app.WithDbAsync(async (db, _) =>
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await IndicatorFacts.RebuildAsync(db);
        List<string> rows = [.. await RowsAsync(db.UnitYearFacts.IgnoreQueryFilters()), .. await TotalsAsync(db.IndicatorYearTotals)];
        await tx.RollbackAsync();
        return rows;
    });

    private static void AssertSame(List<string> expected, List<string> actual, string when)
    {
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"{when}: {expected.Count} rebuilt, {actual.Count} maintained; missing {string.Join("; ", missing)}; extra {string.Join("; ", extra)}");
    }

    [Theory, DatabaseData]
    public async Task Facts_AfterWritesOfEveryKind_EqualAFullRebuild(DatabaseProvider provider)
    {
        await using var app = await AppHosts.StartOwnAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await IndicatorsClient.AgencyAsync(app, token);
        var otherAgency = await IndicatorsClient.AgencyAsync(app, token + "X");
        var units = new Dictionary<string, UnitResponse>();
        foreach (var name in new[] { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M" })
        {
            units[name] = await admin.CreateUnitAsync(UnitBody(token, name, agency).With("establishedOn", "2012-01-01"));
        }

        // The demo's facts come from its bulk load's rebuild: they already equal a rebuild.
        AssertSame(await RebuiltAsync(app), await MaintainedAsync(app), "after the demo and the new units");

        // A version from a date (role "other" from 1/7/2020), and a correction of today's version (listed for conversion).
        await Ok(admin.PutUnitAsync(units["M"].Id, UnitBody(token, "M", agency).With("establishedOn", "2012-01-01").With("roleClass", "other")
            .With("effectiveFrom", "2020-07-01").With("decisionNumber", "15/QĐ-UBND").With("decisionDate", "2020-06-10").With("decisionIssuer", Issuer)));
        await Ok(admin.PutUnitAsync(units["I"].Id, UnitBody(token, "I", agency).With("establishedOn", "2012-01-01")
            .With("conversionListedOn", "2021-05-01").With("conversionListedBy", "26/2021/QĐ-TTg")));

        // Reorganizations of each kind.
        await admin.RecordAsync(Event("consolidation", new DateOnly(2017, 4, 1), "1/QĐ-UBND")
            .With("sourceUnitIds", Ids(units["B"], units["C"])).With("newUnits", Array(NewUnit(token, "N", agency))));
        await admin.RecordAsync(Event("merger", new DateOnly(2018, 5, 1), "2/QĐ-UBND")
            .With("sourceUnitIds", Ids(units["A"], units["D"])).With("continuingUnitId", units["A"].Id));
        await admin.RecordAsync(Event("division", new DateOnly(2019, 6, 1), "3/QĐ-UBND")
            .With("sourceUnitIds", Ids(units["E"])).With("newUnits", Array(NewUnit(token, "N1", agency), NewUnit(token, "N2", agency))));
        await admin.RecordAsync(Event("separation", new DateOnly(2020, 7, 1), "4/QĐ-UBND")
            .With("continuingUnitId", units["F"].Id).With("newUnits", Array(NewUnit(token, "N3", agency))));
        await admin.RecordAsync(Event("dissolution", new DateOnly(2021, 3, 1), "5/QĐ-UBND").With("sourceUnitIds", Ids(units["G"])));
        await admin.RecordAsync(Event("transfer", new DateOnly(2022, 2, 1), "6/QĐ-UBND")
            .With("sourceUnitIds", Ids(units["H"])).With("newManagingAgencyId", otherAgency));
        await admin.RecordAsync(Event("conversion", new DateOnly(2023, 1, 1), "7/QĐ-UBND").With("sourceUnitIds", Ids(units["I"])));
        await admin.RecordAsync(Event("rename", new DateOnly(2021, 9, 1), "8/QĐ-UBND").With("sourceUnitIds", Ids(units["F"])).With("newName", $"{Unique.Name(token)} F mới"));
        var voided = await admin.RecordAsync(Event("dissolution", new DateOnly(2022, 5, 1), "9/QĐ-UBND").With("sourceUnitIds", Ids(units["J"])));
        var established = await admin.RecordAsync(Event("establishment", new DateOnly(2019, 1, 1), "10/QĐ-UBND").With("newUnits", Array(NewUnit(token, "V", agency))));
        await Ok(admin.VoidAsync(voided.Id, "Nhập nhầm quyết định"));
        await Ok(admin.VoidAsync(established.Id, "Nhập nhầm quyết định"));
        AssertSame(await RebuiltAsync(app), await MaintainedAsync(app), "after the reorganizations");

        // Figures of several years, an approved autonomy plan, and a staffing import.
        foreach (var (name, year) in new[] { ("A", 2016), ("A", 2021), ("F", 2021), ("H", 2022), ("G", 2020), ("K", 2024) })
        {
            await Ok(admin.PutAsync($"/api/v1/units/{units[name].Id}/staffing/{year}", UnitsClient.Content(Staffing(20 + year % 10).With("overAllocation", true).ToJsonString())));
            await Ok(admin.PutAsync($"/api/v1/units/{units[name].Id}/finance/{year}",
                UnitsClient.Content(Finance(6_000_000_000 + year, 12_000_000_000).With("directBudgetSpending", JsonValue.Create(1_000_000_000m + year)).ToJsonString())));
        }

        await Ok(admin.PostAsync($"/api/v1/units/{units["F"].Id}/autonomy-plans", UnitsClient.Content(new JsonObject
        {
            ["periodStart"] = 2021, ["periodEnd"] = 2025, ["proposedGroup"] = 2, ["submittedOn"] = "2021-03-01", ["status"] = "approved",
            ["approvedGroup"] = 2, ["decision"] = new JsonObject { ["number"] = "45/QĐ-UBND", ["date"] = "2021-05-01", ["issuer"] = Issuer },
        }.ToJsonString())));
        using (var template = await admin.GetAsync("/api/v1/staffing/import-template"))
        {
            var headers = ReadHeaders(await template.Content.ReadAsByteArrayAsync());
            object?[] row = [units["L"].Code, 2023, 31, 3, 33, 1, 2, 14, 4, 3, null, "Nhập từ tệp",
                6_000_000_000m, 0m, 0m, 0m, 0m, 0m, 12_000_000_000m, 0m, 100_000_000m, 500_000_000m];
            await Ok(admin.PostAsync("/api/v1/staffing/import", Upload(Workbook(headers, [row]))));
        }

        // A reorganization import: K dissolved on 1/6/2024.
        await Ok(ImportAsync(admin, units["K"].Code));
        AssertSame(await RebuiltAsync(app), await MaintainedAsync(app), "after the figures, the plan and the imports");

        // A scenario measured (a dry run, rolled back) leaves no fact behind; applied, its events write theirs.
        var draft = await admin.DraftAsync(ScenarioClient.Body($"Kịch bản {token}", ScenarioClient.Proposed("dissolution", new DateOnly(2024, 9, 1), units["L"])));
        var measured = await admin.IndicatorAsync(draft.Id, "units.count", $"asOf=2024-12-31&agencyId={agency}");
        Assert.Equal(measured.Actual.Value - 1, measured.Scenario.Value);
        AssertSame(await RebuiltAsync(app), await MaintainedAsync(app), "after a scenario's dry run");
        await Ok(admin.ApplyAsync(draft.Id, new JsonObject { ["decision"] = ScenarioClient.Decision("11/QĐ-UBND", new DateOnly(2024, 8, 1)) }));
        var maintained = await MaintainedAsync(app);
        AssertSame(await RebuiltAsync(app), maintained, "after a scenario applied");

        // A control that empty tables could not pass: G's 2021 row ends on its dissolution, and it has none in 2022.
        var g = units["G"].Id;
        Assert.Contains(maintained, r => r.StartsWith($"2021|{g}|{new DateOnly(2021, 1, 1)}|{new DateOnly(2021, 3, 1)}|", StringComparison.Ordinal));
        Assert.DoesNotContain(maintained, r => r.StartsWith($"2022|{g}|", StringComparison.Ordinal));
        Assert.True(maintained.Count > 1000, $"{maintained.Count} rows");
        Assert.Contains(maintained, r => r.StartsWith($"total|2021|", StringComparison.Ordinal) && r.Contains($"|{agency}|", StringComparison.Ordinal));

        // A register migrated from before the facts gets them at the next start.
        await app.WithDbAsync(async (db, _) =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"IndicatorYearTotals\"");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"UnitYearFacts\"");
        });
        await DatabaseSetup.MigrateAsync(app.Services);
        AssertSame(maintained, await MaintainedAsync(app), "after a migration found the table empty");
    }

    private static readonly string[] ImportHeaders =
    [
        "Loại sắp xếp", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Ngày hiệu lực", "Mã đơn vị nguồn",
        "Mã đơn vị tiếp tục", "Mã cơ quan quản lý mới", "Tên mới", "Mã địa bàn mới", "Mã đơn vị mới", "Tên đơn vị mới",
        "Lĩnh vực", "Loại đơn vị", "Cấp", "Mã địa bàn", "Mã cơ quan quản lý", "Nhóm tự chủ", "Ghi chú",
    ];

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string unitCode)
    {
        var row = ImportHeaders.ToDictionary(h => h, _ => (object?)null);
        row["Loại sắp xếp"] = "dissolution";
        row["Số quyết định"] = "12/QĐ-UBND";
        row["Ngày quyết định"] = "01/05/2024";
        row["Cơ quan ban hành"] = Issuer;
        row["Ngày hiệu lực"] = "01/06/2024";
        row["Mã đơn vị nguồn"] = unitCode;
        using var stream = new MemoryStream();
        stream.SaveAs(new List<Dictionary<string, object?>> { row });
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(ReorganizationsApi.XlsxType);
        form.Add(content, "file", "sap-xep.xlsx");
        return await client.PostAsync("/api/v1/reorganizations/import", form);
    }
}
