using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Resources;

namespace SuNghiep.Web.Tests.Seeding;

/// <summary>
/// What the first start loads in bulk (the reference areas, the demo's yearly staffing and finance) against its sources:
/// the embedded CSV files, the seeded units, the figures' own computed group, and the audit rows of the load.
/// </summary>
public sealed class SeedDataTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task ReferenceAreas_EveryCsvRowLoadedWithItsParentSuccessorAndAudit(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (areas, audit) = await app.WithDbAsync(async (db, _) => (
            await db.Areas.AsNoTracking()
                .Select(a => new SeededArea(a.Code, a.Name, a.Type, a.Level, a.ValidFrom, a.ValidTo, a.Parent!.Code, a.Successor!.Code, a.Path, a.LineagePath))
                .ToListAsync(),
            await BulkCountsAsync(db, "reference data")));
        var restructuring = new DateOnly(2025, 7, 1);
        var lastDayBefore = new DateOnly(2025, 6, 30);
        var expected = new List<SeededArea>();
        expected.AddRange(Csv("provinces-2025.csv").Select(r => new SeededArea(
            r["code"], r["name"], r["type"], AreaLevel.Province, restructuring, null, null, null, $"/p{r["code"]}/", $"/p{r["code"]}/")));
        expected.AddRange(Csv("provinces-pre2025.csv").Select(r => new SeededArea(
            r["code"], r["name"], r["type"], AreaLevel.Province, null, lastDayBefore, null, r["successor_code"], $"/o{r["code"]}/", $"/p{r["successor_code"]}/o{r["code"]}/")));
        var successorOf = Csv("provinces-pre2025.csv").ToDictionary(r => r["code"], r => r["successor_code"]);
        expected.AddRange(Csv("communes-2025.csv").Select(r => new SeededArea(
            r["code"], r["name"], r["type"], AreaLevel.Commune, restructuring, null, r["province_code"], null,
            $"/p{r["province_code"]}/c{r["code"]}/", $"/p{r["province_code"]}/c{r["code"]}/")));
        expected.AddRange(Csv("districts-pre2025.csv").Select(r => new SeededArea(
            r["code"], r["name"], r["type"], AreaLevel.District, null, lastDayBefore, r["province_code"], null,
            $"/o{r["province_code"]}/d{r["code"]}/", $"/p{successorOf[r["province_code"]]}/o{r["province_code"]}/d{r["code"]}/")));

        Assert.True(expected.Count > 4000, $"only {expected.Count} reference rows read");
        var byKey = areas.ToLookup(a => (a.Code, a.Level, a.ValidTo));
        Assert.All(expected, e => Assert.Equal(e, Assert.Single(byKey[(e.Code, e.Level, e.ValidTo)])));
        Assert.Equal(expected.Count, audit.GetValueOrDefault("Area"));
    }

    [Theory, DatabaseData]
    public async Task DemoYears_OnePerUnitAndYear_FiguresRoundTripAndAudited(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (units, staffing, finance, audit) = await app.WithDbAsync(async (db, _) =>
        {
            var seededAt = await db.Reorganizations.Where(r => r.CreatedBy == SuNghiep.Core.Auditing.SystemActors.Demo).Select(r => r.CreatedAt).FirstAsync();
            // The demo stamps its units and figures with one instant; tests add theirs later.
            var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.CreatedAt, u.EstablishedOn, u.EndedOn }).ToListAsync())
                .Where(u => u.CreatedAt == seededAt).ToDictionary(u => u.Id);
            var staffing = (await db.StaffingYears.AsNoTracking().ToListAsync()).Where(s => s.UpdatedAt == seededAt).ToList();
            var finance = (await db.FinanceYears.AsNoTracking().ToListAsync()).Where(f => f.UpdatedAt == seededAt).ToList();
            return (units, staffing, finance, await BulkCountsAsync(db, "demo province"));
        });

        Assert.True(units.Count > 500, $"only {units.Count} demo units");
        Assert.True(staffing.Count > units.Count * 5, $"only {staffing.Count} staffing years");
        Assert.Equal(staffing.Count, audit.GetValueOrDefault("StaffingYear"));
        Assert.Equal(finance.Count, audit.GetValueOrDefault("FinanceYear"));
        Assert.Equal(units.Count, audit.GetValueOrDefault("Unit"));
        Assert.Equal(staffing.Select(s => (s.UnitId, s.Year)).Order(), finance.Select(f => (f.UnitId, f.Year)).Order());
        Assert.Equal(staffing.Count, staffing.Select(s => (s.UnitId, s.Year)).Distinct().Count());
        Assert.All(staffing, s =>
        {
            var unit = units[s.UnitId];
            Assert.InRange(s.Year, Math.Max(2015, unit.EstablishedOn.Year), unit.EndedOn?.Year ?? 9999);
            Assert.True(s.BudgetPositions + s.RevenuePositions >= 3, $"{s.UnitId}/{s.Year} has no positions");
        });
        // The stored level and group were computed before the insert; recomputed from the stored figures they agree.
        Assert.All(finance, f =>
        {
            var assessment = ResourceService.Assess(f);
            Assert.Equal(assessment.Level is { } level ? Math.Round(level, 4, MidpointRounding.ToZero) : null, f.SelfFinancingLevel);
            Assert.Equal(assessment.Group, f.ComputedGroup);
        });
        Assert.Contains(finance, f => f.SelfFinancingLevel is { } level && level != Math.Round(level));
    }

    private sealed record SeededArea(string Code, string Name, string Type, AreaLevel Level, DateOnly? ValidFrom, DateOnly? ValidTo,
        string? ParentCode, string? SuccessorCode, string Path, string LineagePath);

    // The bulk operation's audit rows: entity type to count of created rows.
    private static async Task<Dictionary<string, int>> BulkCountsAsync(SuNghiepDbContext db, string operation)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == "*" && e.Action == "Create" && e.After!.Contains(operation))
            .Select(e => new { e.EntityType, e.After }).ToListAsync();
        return rows
            .Select(r => (r.EntityType, After: JsonDocument.Parse(r.After!).RootElement))
            .Where(r => r.After.GetProperty("operation").GetString() == operation)
            .GroupBy(r => r.EntityType)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.After.GetProperty("count").GetInt32()));
    }

    private static List<Dictionary<string, string>> Csv(string file)
    {
        using var stream = typeof(SuNghiepDbContext).Assembly.GetManifestResourceStream("ReferenceData." + file)!;
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            rows.Add(header.Select((h, i) => (h, cells[i])).ToDictionary(x => x.h, x => x.Item2, StringComparer.Ordinal));
        }

        return rows;
    }
}
