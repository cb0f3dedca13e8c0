using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Loads Vietnam's administrative units from the embedded reference files: the 34 provinces and 3,321 communes since
/// 1/7/2025, and the 63 provinces and 696 districts until 30/6/2025 with each old province's successor.
/// </summary>
public static class ReferenceDataSeeder
{
    public static readonly DateOnly Restructuring = new(2025, 7, 1);
    public static readonly DateOnly LastDayBefore = new(2025, 6, 30);

    public static async Task SeedAsync(SuNghiepDbContext db, RoleManager<IdentityRole> roles, CancellationToken ct = default)
    {
        // One query and one save for the roles, as RoleManager would store them (normalized names).
        var present = await db.Roles.AsNoTracking().Select(r => r.Name).ToListAsync(ct);
        var missing = Roles.All.Except(present.OfType<string>(), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            db.Roles.AddRange(missing.Select(role => new IdentityRole(role) { NormalizedName = roles.NormalizeKey(role) }));
            await db.SaveChangesAsync(ct);
        }

        if (await db.Areas.AnyAsync(ct))
        {
            return;
        }

        // Paths are made of codes with a letter for the map they belong to (p: since 1/7/2025, o: the old provinces,
        // c: communes, d: districts), so they are known before the rows get their ids.
        var provinces = ReadCsv("provinces-2025.csv").Select(r => new Area
        {
            Code = r["code"], Name = r["name"], Type = r["type"], Level = AreaLevel.Province, ValidFrom = Restructuring,
            Path = $"/p{r["code"]}/", LineagePath = $"/p{r["code"]}/",
        }).ToList();
        var oldProvinces = ReadCsv("provinces-pre2025.csv").Select(r => (Successor: r["successor_code"], Area: new Area
        {
            Code = r["code"], Name = r["name"], Type = r["type"], Level = AreaLevel.Province, ValidTo = LastDayBefore,
            // An old province sits under its successor in today's map, and its districts under it.
            Path = $"/o{r["code"]}/", LineagePath = $"/p{r["successor_code"]}/o{r["code"]}/",
        })).ToList();
        var oldLineage = oldProvinces.ToDictionary(p => p.Area.Code, p => p.Area.LineagePath);
        var communes = ReadCsv("communes-2025.csv").Select(r => (Parent: r["province_code"], Area: new Area
        {
            Code = r["code"], Name = r["name"], Type = r["type"], Level = AreaLevel.Commune, ValidFrom = Restructuring,
            Path = $"/p{r["province_code"]}/c{r["code"]}/", LineagePath = $"/p{r["province_code"]}/c{r["code"]}/",
        })).ToList();
        var districts = ReadCsv("districts-pre2025.csv").Select(r => (Parent: r["province_code"], Area: new Area
        {
            Code = r["code"], Name = r["name"], Type = r["type"], Level = AreaLevel.District, ValidTo = LastDayBefore,
            Path = $"/o{r["province_code"]}/d{r["code"]}/",
            LineagePath = $"{oldLineage[r["province_code"]]}d{r["code"]}/",
        })).ToList();

        // Bulk inserts, a level at a time: each level's rows point at the ids the level before got from the database.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.InsertAsync(db, provinces, ct);
        var provinceIds = await IdsAsync(db, current: true, ct);
        oldProvinces.ForEach(p => p.Area.SuccessorId = provinceIds[p.Successor]);
        await BulkInsert.InsertAsync(db, oldProvinces.Select(p => p.Area).ToList(), ct);
        var oldProvinceIds = await IdsAsync(db, current: false, ct);
        communes.ForEach(c => c.Area.ParentId = provinceIds[c.Parent]);
        districts.ForEach(d => d.Area.ParentId = oldProvinceIds[d.Parent]);
        await BulkInsert.InsertAsync(db, communes.Select(c => c.Area).ToList(), ct);
        await BulkInsert.InsertAsync(db, districts.Select(d => d.Area).ToList(), ct);
        db.AuditBulkCreate(typeof(Area), provinces.Count + oldProvinces.Count + communes.Count + districts.Count);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static async Task<Dictionary<string, int>> IdsAsync(SuNghiepDbContext db, bool current, CancellationToken ct) =>
        await db.Areas.AsNoTracking()
            .Where(a => a.Level == AreaLevel.Province && (current ? a.ValidTo == null : a.ValidTo != null))
            .ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.Ordinal, ct);

    internal static IEnumerable<Dictionary<string, string>> ReadCsv(string file)
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream("ReferenceData." + file)
            ?? throw new InvalidOperationException($"Reference file {file} is not embedded.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            rows.Add(header.Select((h, i) => (h, v: cells[i])).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal));
        }

        return rows;
    }
}
