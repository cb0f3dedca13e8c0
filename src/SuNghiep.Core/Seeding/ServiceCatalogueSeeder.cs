using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Loads the catalogues of public services read from published decisions (embedded ReferenceData/service-catalogues.json),
/// each with its source. A catalogue already present (same decision number and date) is left as it is, so every start
/// may run it and a second run adds nothing.
/// </summary>
public static class ServiceCatalogueSeeder
{
    public const string Operation = "service-catalogues";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the catalogues not yet there; returns how many catalogues and items it added.</summary>
    public static async Task<(int Catalogues, int Items)> SeedAsync(SuNghiepDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        var file = Read();
        var existing = (await db.ServiceCatalogues.AsNoTracking().Select(c => new { c.DecisionNumber, c.DecisionDate }).ToListAsync(ct))
            .Select(c => (c.DecisionNumber, c.DecisionDate)).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        var added = new List<ServiceCatalogue>();
        foreach (var data in file.Catalogues.Where(c => !existing.Contains((c.Decision.Number, c.Decision.Date))))
        {
            var catalogue = new ServiceCatalogue
            {
                Name = data.Name, Level = CatalogueCodes.ParseLevel(data.Level) ?? throw new InvalidOperationException($"Level of {data.Key}."),
                AreaCode = data.AreaCode, DecisionNumber = data.Decision.Number, DecisionDate = data.Decision.Date, DecisionIssuer = data.Decision.Issuer,
                ValidFrom = data.ValidFrom, Source = data.Source, Notes = data.Notes, CreatedBy = db.Actor.Name, CreatedAt = now, UpdatedAt = now,
            };
            var byCode = new Dictionary<string, ServiceItem>(StringComparer.Ordinal);
            foreach (var (item, i) in data.Items.Select((x, i) => (x, i)))
            {
                var errors = new List<RuleViolation>();
                var methods = CatalogueService.Methods(errors, item.Methods, item.Sector);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException($"{data.Key} {item.Code}: {string.Join("; ", errors.Select(e => e.Message))}");
                }

                var row = CatalogueService.NewItem(0, new ItemInput(item.Code, item.Name, item.Sector, null, item.Methods, item.Essential, item.FeeBased, item.OutputUnit), methods, i + 1);
                row.Catalogue = catalogue;
                row.Parent = item.Parent is { } parent ? byCode[parent] : null;
                byCode[item.Code] = row;
                catalogue.Items.Add(row);
            }

            added.Add(catalogue);
        }

        if (added.Count == 0)
        {
            return (0, 0);
        }

        var previous = db.BulkOperation;
        db.BulkOperation = Operation;
        try
        {
            db.ServiceCatalogues.AddRange(added);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.BulkOperation = previous;
        }

        return (added.Count, added.Sum(c => c.Items.Count));
    }

    internal static CatalogueFile Read()
    {
        using var stream = typeof(ServiceCatalogueSeeder).Assembly.GetManifestResourceStream("ReferenceData.service-catalogues.json")
            ?? throw new InvalidOperationException("ReferenceData/service-catalogues.json is not embedded.");
        return JsonSerializer.Deserialize<CatalogueFile>(stream, Json) ?? throw new InvalidOperationException("ReferenceData/service-catalogues.json is empty.");
    }

    internal sealed record CatalogueFile(List<string> About, List<CatalogueData> Catalogues);

    internal sealed record DecisionData(string Number, DateOnly Date, string Issuer);

    internal sealed record CatalogueData(
        string Key, string Name, string Level, string? AreaCode, DecisionData Decision, DateOnly ValidFrom, string Source, string? Notes, List<ItemData> Items);

    internal sealed record ItemData(
        string Code, string Name, string Sector, List<string> Methods, bool Essential, bool FeeBased = false, string? OutputUnit = null, string? Parent = null);
}
