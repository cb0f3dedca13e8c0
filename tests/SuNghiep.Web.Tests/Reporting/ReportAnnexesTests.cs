using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reporting;
using SuNghiep.Core.Reporting.Documents;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Indicators.IndicatorsClient;

namespace SuNghiep.Web.Tests.Reporting;

/// <summary>The annexes of the report on Conclusion 62-KL/TW, from the indicator engine, and their consolidation.</summary>
public sealed class ReportAnnexesTests(AppHosts hosts)
{
    private static readonly DateOnly CutOff = new(2026, 11, 14);

    private sealed record Register(int Parent, int Schools, int Others, Dictionary<string, UnitResponse> Units);

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Under a parent agency of the test's own, two child agencies. Schools: E1, E2 (education, 2010), V1 (vocational,
    /// 2018, dissolved 1/6/2025), E2 merged into E1 on 1/3/2026. Others: H1 (health, 2010), C1 and C2 (economic, 2010,
    /// listed for conversion on 1/5/2021), C1 converted on 1/4/2026.
    /// Staff paid from the budget: 2015 E1 10, E2 5, H1 20; 2021 E1 9, E2 5, H1 18; 2026 E1 12, H1 16 (each with 2 paid
    /// from revenue, one more actually working, one contract worker). Direct spending: 2016 E1 2 bn; 2021 E1 1 bn, H1
    /// 0.5 bn; 2026 E1 1 bn, H1 1 bn. In 2026 E1's finance computes group 1, H1 has an approved plan in group 2.
    /// </summary>
    private static async Task<(HttpClient Admin, Register Register)> RegisterAsync(SuNghiepApp app)
    {
        var admin = await app.AdminAsync();
        var token = Unique.Token();
        var parent = await AgencyAsync(app, token);
        var schools = await ChildAsync(app, parent, token, "GD");
        var others = await ChildAsync(app, parent, token, "YT");
        var units = new Dictionary<string, UnitResponse>
        {
            ["E1"] = await admin.UnitAsync(token, "E1", schools, "03646", new DateOnly(2010, 1, 1)),
            ["E2"] = await admin.UnitAsync(token, "E2", schools, "03646", new DateOnly(2010, 1, 1)),
            ["V1"] = await admin.UnitAsync(token, "V1", schools, "03646", new DateOnly(2018, 1, 1), sector: "vocational"),
            ["H1"] = await admin.UnitAsync(token, "H1", others, "03646", new DateOnly(2010, 1, 1), sector: "health"),
            ["C1"] = await admin.UnitAsync(token, "C1", others, "03646", new DateOnly(2010, 1, 1), sector: "economic", roleClass: "other"),
            ["C2"] = await admin.UnitAsync(token, "C2", others, "03646", new DateOnly(2010, 1, 1), sector: "economic", roleClass: "other"),
        };
        var listed = new[] { units["C1"].Id, units["C2"].Id };
        await app.WithDbAsync(async (db, _) =>
        {
            foreach (var unit in await db.Units.Where(u => listed.Contains(u.Id)).ToListAsync())
            {
                unit.ConversionListedBy = "Quyết định 26/2021/QĐ-TTg";
                unit.ConversionListedOn = new DateOnly(2021, 5, 1);
            }

            await db.SaveChangesAsync();
        });

        foreach (var (name, year, budget) in new[] { ("E1", 2015, 10), ("E2", 2015, 5), ("H1", 2015, 20), ("E1", 2021, 9), ("E2", 2021, 5), ("H1", 2021, 18), ("E1", 2026, 12), ("H1", 2026, 16) })
        {
            await Ok(admin.PutAsync($"/api/v1/units/{units[name].Id}/staffing/{year}", UnitsClient.Content(Staffing(budget).With("overAllocation", true).ToJsonString())));
        }

        foreach (var (name, year, direct, self) in new[] { ("E1", 2016, 2_000_000_000m, false), ("E1", 2021, 1_000_000_000m, false), ("H1", 2021, 500_000_000m, false), ("E1", 2026, 1_000_000_000m, true), ("H1", 2026, 1_000_000_000m, false) })
        {
            var body = self ? Finance(12_000_000_000, 12_000_000_000, 1_000_000_000, 1_000_000_000) : Finance(1_000_000_000, 12_000_000_000);
            await Ok(admin.PutAsync($"/api/v1/units/{units[name].Id}/finance/{year}", UnitsClient.Content(body.With("directBudgetSpending", JsonValue.Create(direct)).ToJsonString())));
        }

        var plan = new JsonObject
        {
            ["periodStart"] = 2026, ["periodEnd"] = 2030, ["proposedGroup"] = 2, ["submittedOn"] = "2026-01-10", ["status"] = "approved", ["approvedGroup"] = 2,
            ["decision"] = new JsonObject { ["number"] = "45/QĐ-UBND", ["date"] = "2026-02-01", ["issuer"] = "Ủy ban nhân dân thành phố Cần Thơ" },
        };
        await Ok(admin.PostAsync($"/api/v1/units/{units["H1"].Id}/autonomy-plans", UnitsClient.Content(plan.ToJsonString())));

        await admin.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2025, 6, 1), "9/QĐ-UBND").With("sourceUnitIds", HistoryClient.Ids(units["V1"])));
        await admin.RecordAsync(HistoryClient.Event("merger", new DateOnly(2026, 3, 1), "31/QĐ-UBND")
            .With("continuingUnitId", units["E1"].Id).With("sourceUnitIds", HistoryClient.Ids(units["E2"])));
        await admin.RecordAsync(HistoryClient.Event("conversion", new DateOnly(2026, 4, 1), "77/QĐ-UBND").With("sourceUnitIds", HistoryClient.Ids(units["C1"])));
        return (admin, new Register(parent, schools, others, units));
    }

    private static Task<int> ChildAsync(SuNghiepApp app, int parent, string token, string suffix) => app.WithDbAsync(async (db, _) =>
    {
        var agency = new Agency
        {
            Code = $"T.{token}.{suffix}", Name = $"Cơ quan thử nghiệm {Unique.Name(token)} {suffix}", Kind = AgencyKind.Department, LevelCode = "province",
            ParentId = parent,
        };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        agency.Path = agency.LineagePath = $"/{parent}/{agency.Id}/";
        await db.SaveChangesAsync();
        return agency.Id;
    });

    private static Task<T> WithAnnexesAsync<T>(SuNghiepApp app, Func<ReportAnnexes, IndicatorEngine, Task<T>> action) =>
        app.WithDbAsync((_, services) => action(services.GetRequiredService<ReportAnnexes>(), services.GetRequiredService<IndicatorEngine>()));

    private static DocumentRow Row(DocumentAnnex annex, string label) => annex.Table.Rows.Single(r => r.Cells[1].Text == label);

    private static List<decimal?> Figures(DocumentAnnex annex, string label) => Row(annex, label).Cells.Skip(2).Select(c => c.Value).ToList();

    private static JsonObject Merit(string kind, int? unitId, int? agencyId, string number, string date) => new()
    {
        ["kind"] = kind, ["unitId"] = unitId, ["agencyId"] = agencyId,
        ["form"] = kind == "commendation" ? "Bằng khen" : "Khiển trách", ["reason"] = $"Sắp xếp đơn vị {number}",
        ["decision"] = new JsonObject { ["number"] = number, ["date"] = date, ["issuer"] = "Ủy ban nhân dân thành phố Cần Thơ" },
    };

    [Theory, DatabaseData]
    public async Task BuildAsync_AnnexEight_CitesTheScopesModelUnitsAndTheMeritsOfThePeriod(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, register) = await RegisterAsync(app);
        using var _admin = admin;
        var token = Unique.Token();
        var document = await Api.Plans.PlansClient.CreateDocumentAsync(admin, Api.Plans.PlansClient.Document(token, "2026-02-01").With("issuerAgencyId", register.Parent));
        var late = await Api.Plans.PlansClient.CreateDocumentAsync(admin, Api.Plans.PlansClient.Document(Unique.Token(), "2026-12-01").With("issuerAgencyId", register.Parent));
        await Ok(admin.PostAsync($"/api/v1/documents/{document.Id}/model-units", UnitsClient.Content(new JsonObject { ["unitId"] = register.Units["E1"].Id, ["note"] = "Mô hình tự chủ điểm" }.ToJsonString())));
        // Named by a plan issued after the cut-off: not yet citable.
        await Ok(admin.PostAsync($"/api/v1/documents/{late.Id}/model-units", UnitsClient.Content(new JsonObject { ["unitId"] = register.Units["H1"].Id }.ToJsonString())));
        foreach (var merit in new[]
                 {
                     Merit("commendation", register.Units["H1"].Id, null, $"{token}-1/QĐ-UBND", "2026-06-01"),
                     Merit("discipline", null, register.Schools, $"{token}-2/QĐ-UBND", "2026-03-01"),
                     // Before the period (the year up to the cut-off of 14/11/2026), and after the cut-off.
                     Merit("commendation", register.Units["E1"].Id, null, $"{token}-3/QĐ-UBND", "2025-11-14"),
                     Merit("commendation", register.Units["E1"].Id, null, $"{token}-4/QĐ-UBND", "2026-11-15"),
                 })
        {
            await Ok(admin.PostAsync("/api/v1/merits", UnitsClient.Content(merit.ToJsonString())));
        }

        var (parent, others, schools) = await WithAnnexesAsync(app, async (annexes, _) => (
            (await annexes.BuildAsync(new IndicatorScope(AgencyId: register.Parent), CutOff)).Single(a => a.Number == "VIII"),
            (await annexes.BuildAsync(new IndicatorScope(AgencyId: register.Others), CutOff)).Single(a => a.Number == "VIII"),
            (await annexes.BuildAsync(new IndicatorScope(AgencyId: register.Schools), CutOff)).Single(a => a.Number == "VIII")));

        static List<string> Lines(DocumentAnnex annex) => annex.Table.Rows.Select(r => string.Join(" | ", r.Cells.Select(c => c.Text))).ToList();
        var e1 = register.Units["E1"];
        var h1 = register.Units["H1"];
        var schoolsName = await app.WithDbAsync((db, _) => db.Agencies.Where(a => a.Id == register.Schools).Select(a => a.Name).SingleAsync());
        Assert.Equal(
        [
            $"1 | Đơn vị điển hình | {e1.Name} ({e1.Code}) | Mô hình tự chủ điểm | {token}/KH-UBND ngày 01/02/2026 của Ủy ban nhân dân thành phố Cần Thơ | ",
            $"2 | Khen thưởng | {h1.Name} ({h1.Code}) | Bằng khen: Sắp xếp đơn vị {token}-1/QĐ-UBND | {token}-1/QĐ-UBND ngày 01/06/2026 của Ủy ban nhân dân thành phố Cần Thơ | ",
            $"3 | Kỷ luật | {schoolsName} | Khiển trách: Sắp xếp đơn vị {token}-2/QĐ-UBND | {token}-2/QĐ-UBND ngày 01/03/2026 của Ủy ban nhân dân thành phố Cần Thơ | ",
        ], Lines(parent));
        Assert.Equal([$"Khen thưởng | {h1.Name} ({h1.Code})"], others.Table.Rows.Select(r => $"{r.Cells[1].Text} | {r.Cells[2].Text}"));
        Assert.Equal(["Đơn vị điển hình", "Kỷ luật"], schools.Table.Rows.Select(r => r.Cells[1].Text));
        // The parent's list is the two agencies' lists together: consolidation finds no difference.
        var consolidated = ReportConsolidation.Consolidate([new("Sở GD", [schools]), new("Sở YT", [others])], [parent], 1m).Single();
        Assert.Empty(consolidated.Differences);
        Assert.Equal(3, consolidated.Summed.Rows.Count);
    }

    [Theory, DatabaseData]
    public async Task BuildAsync_SevenAnnexesByTheSevenSectors_WithTheRegistersFigures(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, register) = await RegisterAsync(app);
        using var _admin = admin;
        var scope = new IndicatorScope(AgencyId: register.Parent);

        var annexes = await WithAnnexesAsync(app, (annexes, _) => annexes.BuildAsync(scope, CutOff));

        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"], annexes.Select(a => a.Number).ToList());
        foreach (var annex in annexes.Take(5))
        {
            // "Tổng số" first and bold, then the seven sectors numbered 1-7.
            Assert.Equal(["Tổng số", .. Catalog.Sectors.OrderBy(s => s.Number).Select(s => s.Name)], annex.Table.Rows.Select(r => r.Cells[1].Text).ToList());
            Assert.Equal([true, false, false, false, false, false, false, false], annex.Table.Rows.Select(r => r.IsTotal).ToList());
            Assert.Equal(["", "1", "2", "3", "4", "5", "6", "7"], annex.Table.Rows.Select(r => r.Cells[0].Text).ToList());
            Assert.All(annex.Table.Rows, r => Assert.Equal(annex.Table.Columns.Count, r.Cells.Count));
            Assert.Equal(["A", "B"], annex.Table.Columns.Take(2).Select(c => c.NumberLabel).ToList());
        }

        var (units, staff, autonomy, conversion, spending) = (annexes[0], annexes[1], annexes[2], annexes[3], annexes[4]);
        // Units on 31/12/2015 (E1, E2, H1, C1, C2), 31/12/2021 (and V1), the cut-off (E1, H1, C2); the change and the rate.
        Assert.Equal([5m, 6m, 3m, -2m, -40m, -3m, -50m], Figures(units, "Tổng số"));
        Assert.Equal([2m, 2m, 1m, -1m, -50m, -1m, -50m], Figures(units, "Giáo dục - đào tạo"));
        Assert.Equal([0m, 1m, 0m, 0m, null, -1m, -100m], Figures(units, "Giáo dục nghề nghiệp"));
        Assert.Equal([0m, 0m, 0m, 0m, null, 0m, null], Figures(units, "Khoa học và công nghệ"));
        Assert.Equal("-40,00", Row(units, "Tổng số").Cells[6].Text);
        Assert.Equal(["1", "2", "3", "4=(3-1)", "5=(3-1)/1×100", "6=(3-2)", "7=(3-2)/2×100"], units.Table.Columns.Skip(2).Select(c => c.NumberLabel).ToList());
        Assert.True(units.Landscape);

        // Budget-paid 2015 35, 2021 32; 2026: allocated 28 + 4 = 32, budget 28, revenue 4, actual 30, contract 2; -20% and -12.5%.
        Assert.Equal([35m, 32m, 32m, 28m, 4m, 30m, 2m, -20m, -12.5m], Figures(staff, "Tổng số"));
        Assert.Equal([20m, 18m, 18m, 16m, 2m, 17m, 1m, -20m, -11.1111m], Figures(staff, "Y tế - dân số").Select(Round).ToList());

        // 3 active: E1 group 1 (finance), H1 group 2 (plan), C2 none; 2/3 in groups 1-2 and 1-3; H1 alone has a plan.
        Assert.Equal([3m, 1m, 1m, 0m, 0m, 1m, 66.6667m, 66.6667m, 1m, 33.3333m], Figures(autonomy, "Tổng số").Select(Round).ToList());
        Assert.Equal([1m, 0m, 0m, 0m, 0m, 1m, 0m, 0m, 0m, 0m], Figures(autonomy, "Sự nghiệp kinh tế và sự nghiệp khác"));

        // C1 converted since its listing, C2 listed and public: 2 eligible, 50%.
        Assert.Equal([2m, 1m, 1m, 50m], Figures(conversion, "Tổng số"));
        Assert.Equal([2m, 1m, 1m, 50m], Figures(conversion, "Sự nghiệp kinh tế và sự nghiệp khác"));
        Assert.Equal([0m, 0m, 0m, null], Figures(conversion, "Y tế - dân số"));

        // In millions: 2016-2020 average 2,000; 2021 1,500, no figures 2022-2025; 2021-2025 average 1,500, -25%; 2026 2,000,
        // its period's average 2,000, +33.33% against 2021-2025.
        Assert.Equal([2000m, 1500m, null, null, null, null, 1500m, -25m, 2000m, 2000m, 33.3333m], Figures(spending, "Tổng số").Select(Round).ToList());
        Assert.Equal("Đơn vị tính: triệu đồng", spending.Table.UnitLine);
        Assert.Equal("11=(10-7)/7×100", spending.Table.Columns[^1].NumberLabel);

        // Annex VI: the merger and the conversion of the year to the cut-off, oldest first; V1's dissolution of 2025 was before.
        var events = annexes[5];
        Assert.Equal(["Tổng số", "Sáp nhập", "Chuyển đổi thành công ty cổ phần"], events.Table.Rows.Select(r => r.Cells[1].Text).ToList());
        Assert.Equal([-2m, -1m, -1m], events.Table.Rows.Select(r => r.Cells[^1].Value).ToList());
        var merger = events.Table.Rows[1];
        Assert.Contains(register.Units["E2"].Code, merger.Cells[2].Text, StringComparison.Ordinal);
        Assert.Contains(register.Units["E1"].Code, merger.Cells[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(register.Units["E2"].Code, merger.Cells[3].Text, StringComparison.Ordinal);
        Assert.Contains(register.Units["E1"].Code, merger.Cells[3].Text, StringComparison.Ordinal);
        Assert.StartsWith("Quyết định số 31/QĐ-UBND ngày 08/02/2026 của ", merger.Cells[4].Text, StringComparison.Ordinal);
        Assert.Equal("01/03/2026", merger.Cells[5].Text);
    }

    [Theory, DatabaseData]
    public async Task BuildAsync_EveryFigureEqualsTheIndicatorEngines(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, register) = await RegisterAsync(app);
        using var _admin = admin;
        var scope = new IndicatorScope(AgencyId: register.Parent);

        var (annexes, results) = await WithAnnexesAsync(app, async (annexes, engine) =>
        {
            var built = await annexes.BuildAsync(scope, CutOff);
            async Task<IndicatorResult> Compute(string code, DateOnly asOf, Baseline baseline) =>
                await engine.ComputeAsync(new IndicatorQuery(code, asOf, baseline, scope, Breakdowns.Sector));
            var results = new Dictionary<string, IndicatorResult>
            {
                ["units2015"] = await Compute(IndicatorCatalog.UnitsCount, CutOff, Baseline.OnDate(new DateOnly(2015, 12, 31))),
                ["units2021"] = await Compute(IndicatorCatalog.UnitsCount, CutOff, Baseline.OnDate(new DateOnly(2021, 12, 31))),
                ["staff2015"] = await Compute(IndicatorCatalog.StaffBudget, CutOff, Baseline.OfYear(2015)),
                ["staff2021"] = await Compute(IndicatorCatalog.StaffBudget, CutOff, Baseline.OfYear(2021)),
                ["self"] = await Compute(IndicatorCatalog.SelfFinancingShare, CutOff, Baseline.OnDate(CutOff)),
                ["any"] = await Compute(IndicatorCatalog.AnyAutonomyShare, CutOff, Baseline.OnDate(CutOff)),
                ["plan"] = await Compute(IndicatorCatalog.PlanShare, CutOff, Baseline.OnDate(CutOff)),
                ["conversion"] = await Compute(IndicatorCatalog.ConversionShare, CutOff, Baseline.OnDate(CutOff)),
                ["spending"] = await Compute(IndicatorCatalog.BudgetDirectAverage, new DateOnly(2025, 12, 31), Baseline.OfYears(2016, 2020)),
                ["spending2026"] = await Compute(IndicatorCatalog.BudgetDirectAverage, CutOff, Baseline.OfYears(2021, 2025)),
            };
            return (built, results);
        });

        // Each sector row the engine's breakdown has, and the total, cell by cell: the as-of value (v), the baseline (b) or
        // the change in per cent (p) of the result, in millions for spending.
        var checks = new (int Annex, int Column, string Result, char Field, decimal Scale)[]
        {
            (0, 2, "units2015", 'b', 1), (0, 3, "units2021", 'b', 1), (0, 4, "units2015", 'v', 1), (0, 6, "units2015", 'p', 1), (0, 8, "units2021", 'p', 1),
            (1, 2, "staff2015", 'b', 1), (1, 3, "staff2021", 'b', 1), (1, 5, "staff2015", 'v', 1), (1, 9, "staff2015", 'p', 1), (1, 10, "staff2021", 'p', 1),
            (2, 2, "units2015", 'v', 1), (2, 8, "self", 'v', 1), (2, 9, "any", 'v', 1), (2, 11, "plan", 'v', 1),
            (3, 5, "conversion", 'v', 1),
            (4, 2, "spending", 'b', 1_000_000), (4, 8, "spending", 'v', 1_000_000), (4, 9, "spending", 'p', 1),
            (4, 11, "spending2026", 'v', 1_000_000), (4, 12, "spending2026", 'p', 1),
        };
        var compared = 0;
        foreach (var (annexIndex, column, name, field, scale) in checks)
        {
            var annex = annexes[annexIndex];
            var result = results[name];
            decimal? Pick(decimal? v, decimal? b, decimal? p) => (field switch { 'v' => v, 'b' => b, _ => p }) / scale;
            Assert.Equal(Round(Pick(result.Value, result.BaselineValue, result.ChangePercent)), Round(annex.Table.Rows[0].Cells[column].Value));
            compared++;
            foreach (var row in result.Breakdown)
            {
                Assert.Equal(Round(Pick(row.Value, row.BaselineValue, row.ChangePercent)), Round(Row(annex, Catalog.SectorName(row.Key)).Cells[column].Value));
                compared++;
            }
        }

        // The engine's breakdown had rows for the sectors with units: more than the totals were compared.
        Assert.True(compared > checks.Length * 3, $"compared {compared}");
    }

    [Theory, DatabaseData]
    public async Task BuildAsync_PeriodStart_ListsTheEventsFromIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, register) = await RegisterAsync(app);
        using var _admin = admin;

        var annexes = await WithAnnexesAsync(app, (annexes, _) => annexes.BuildAsync(new IndicatorScope(AgencyId: register.Schools), CutOff, new DateOnly(2025, 1, 1)));

        // The schools' agency: V1's dissolution and the merger; the conversion was the other agency's.
        var events = annexes[5].Table;
        Assert.Equal(["Tổng số", "Giải thể", "Sáp nhập"], events.Rows.Select(r => r.Cells[1].Text).ToList());
        Assert.Equal([-2m, -1m, -1m], events.Rows.Select(r => r.Cells[^1].Value).ToList());
        Assert.Contains("01/01/2025", events.Title, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Consolidate_LowerAgenciesAnnexes_AddUpToTheParentsAndAWrongOneIsFlagged(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, register) = await RegisterAsync(app);
        using var _admin = admin;

        var (schools, others, direct) = await WithAnnexesAsync(app, async (annexes, _) => (
            await annexes.BuildAsync(new IndicatorScope(AgencyId: register.Schools), CutOff),
            await annexes.BuildAsync(new IndicatorScope(AgencyId: register.Others), CutOff),
            await annexes.BuildAsync(new IndicatorScope(AgencyId: register.Parent), CutOff)));

        var right = ReportConsolidation.Consolidate([new("Sở GD", schools), new("Sở YT", others)], direct, 1m);

        // The two agencies' figures add up to the parent's, computed columns included: no difference anywhere.
        Assert.Equal(8, right.Count);
        Assert.All(right, a => Assert.Empty(a.Differences));
        Assert.Equal(Figures(direct[0], "Tổng số"), right[0].Summed.Rows[0].Cells.Skip(2).Select(c => c.Value).ToList());
        Assert.Equal(Round(Figures(direct[2], "Tổng số")[6]), Round(right[2].Summed.Rows[0].Cells[8].Value));

        // The schools report one unit too many in education at the cut-off.
        var wrongUnits = schools[0] with
        {
            Table = schools[0].Table with
            {
                Rows = schools[0].Table.Rows.Select(r => r.Cells[1].Text is "Tổng số" or "Giáo dục - đào tạo"
                    ? r with { Cells = [.. r.Cells.Take(4), DocumentCell.Of(r.Cells[4].Value + 1, CellKind.Count), .. r.Cells.Skip(5)] }
                    : r).ToList(),
            },
        };
        var wrong = ReportConsolidation.Consolidate([new("Sở GD", [wrongUnits, .. schools.Skip(1)]), new("Sở YT", others)], direct, 1m);

        var flagged = wrong[0].Differences.Where(d => d.OverTolerance).Select(d => (d.RowLabel, d.Column)).ToList();
        // The cut-off count and the changes computed from it, in the total and in education.
        Assert.Equal([("Tổng số", 4), ("Tổng số", 5), ("Tổng số", 6), ("Tổng số", 7), ("Tổng số", 8),
            ("Giáo dục - đào tạo", 4), ("Giáo dục - đào tạo", 5), ("Giáo dục - đào tạo", 6), ("Giáo dục - đào tạo", 7), ("Giáo dục - đào tạo", 8)], flagged);
        Assert.All(wrong.Skip(1), a => Assert.Empty(a.Differences));
        var by = wrong[0].ByReporter.Rows;
        Assert.Equal(["Tổng số", "Sở GD", "Sở YT"], by.Take(3).Select(r => r.Cells[1].Text).ToList());
        Assert.Equal([4m, 2m, 2m], by.Take(3).Select(r => r.Cells[4].Value).ToList());
    }

    [Theory, DatabaseData]
    public async Task BuildAsync_RestrictedCaller_CountsOnlyTheUnitsItMaySee(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, register) = await RegisterAsync(app);
        using var _admin = admin;

        // An officer of the schools' agency asks for the parent's whole scope: the other agency's units stay out.
        var annexes = await app.WithDbAsync(async (db, services) =>
        {
            db.UseScope(new CallerScope(false, $"/{register.Parent}/{register.Schools}/", null, null, "Cơ quan thử nghiệm"));
            return await services.GetRequiredService<ReportAnnexes>().BuildAsync(new IndicatorScope(AgencyId: register.Parent), CutOff, new DateOnly(2025, 1, 1));
        });

        // E1, E2 at 31/12/2015; and V1 at 31/12/2021; E1 at the cut-off.
        Assert.Equal([2m, 3m, 1m, -1m, -50m, -2m, -66.6667m], Figures(annexes[0], "Tổng số").Select(Round).ToList());
        // Staff 2026: E1's 12 only; no conversion in sight.
        Assert.Equal(12m, Figures(annexes[1], "Tổng số")[3]);
        Assert.Equal([0m, 0m, 0m, null], Figures(annexes[3], "Tổng số"));
        // The dissolution and the merger; the conversion of the other agency's unit is not listed.
        Assert.Equal(["Tổng số", "Giải thể", "Sáp nhập"], annexes[5].Table.Rows.Select(r => r.Cells[1].Text).ToList());
    }

    [Theory, DatabaseData]
    public async Task ChartAsync_UnitsByYear_WithBudgetPaidStaffWhenTheYearsHaveFigures(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (admin, register) = await RegisterAsync(app);
        using var _admin = admin;
        var scope = new IndicatorScope(AgencyId: register.Parent);

        var (chart, noStaff) = await WithAnnexesAsync(app, async (annexes, _) => (await annexes.ChartAsync(scope, 2015, 2021), await annexes.ChartAsync(scope, 2016, 2018)));

        Assert.Equal(["2015", "2016", "2017", "2018", "2019", "2020", "2021"], chart.Categories);
        Assert.Equal([5m, 5m, 5m, 6m, 6m, 6m, 6m], chart.Series[0].Values);
        Assert.Equal([35m, null, null, null, null, null, 32m], chart.Series[1].Values);
        // 2016-2018 have no staffing figures: the units alone.
        Assert.Equal([5m, 5m, 6m], Assert.Single(noStaff.Series).Values);
    }
}
