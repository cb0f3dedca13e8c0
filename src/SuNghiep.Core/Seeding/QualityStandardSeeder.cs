using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Loads the quality standards of ReferenceData/quality-standards.json that the register does not hold yet (by code and
/// version); a standard already there is left as it is, so that a correction made in the register is kept.
/// </summary>
public static class QualityStandardSeeder
{
    public static async Task<int> SeedAsync(SuNghiepDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        var file = Read();
        var present = (await db.QualityStandards.AsNoTracking().Select(s => new { s.Code, s.Version }).ToListAsync(ct))
            .Select(s => (s.Code, s.Version)).ToHashSet();
        var added = 0;
        foreach (var s in file.Standards.Where(s => !present.Contains((s.Code, s.Version))))
        {
            db.QualityStandards.Add(new QualityStandard
            {
                Code = s.Code, Name = s.Name, Issuer = s.Issuer, DocumentNumber = s.DocumentNumber, DocumentDate = s.DocumentDate,
                SectorCode = s.SectorCode, Version = s.Version, ValidFrom = s.ValidFrom, ValidTo = s.ValidTo, ScoreBasis = s.ScoreBasis,
                BandsJson = QualityRules.BandsJson(s.Bands.Select(b => new QualityBand(b.Level, b.Label, b.Min))), ValidityMonths = s.ValidityMonths,
                Source = s.Source, CreatedAt = time.GetUtcNow().UtcDateTime,
                Criteria = s.Criteria.Select((c, i) => new QualityCriterion { Code = c.Code, Group = c.Group, Name = c.Name, MaxScore = c.MaxScore, Ordinal = i + 1 }).ToList(),
            });
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return added;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The embedded file, parsed; a field the model does not know is an error, so that a typo cannot be lost.</summary>
    internal static StandardFile Read()
    {
        using var stream = typeof(QualityStandardSeeder).Assembly.GetManifestResourceStream("ReferenceData.quality-standards.json")
            ?? throw new InvalidOperationException("ReferenceData/quality-standards.json is not embedded.");
        return JsonSerializer.Deserialize<StandardFile>(stream, Json) ?? throw new InvalidOperationException("ReferenceData/quality-standards.json is empty.");
    }

    internal sealed class StandardFile
    {
        public List<string> About { get; init; } = [];
        public List<StandardData> Standards { get; init; } = [];
    }

    internal sealed class StandardData
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string Issuer { get; init; }
        public required string DocumentNumber { get; init; }
        public DateOnly DocumentDate { get; init; }
        public string? SectorCode { get; init; }
        public required string Version { get; init; }
        public DateOnly ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
        public ScoreBasis ScoreBasis { get; init; }
        public List<BandData> Bands { get; init; } = [];
        public int? ValidityMonths { get; init; }
        public string? Source { get; init; }
        public List<CriterionData> Criteria { get; init; } = [];
    }

    internal sealed class BandData
    {
        public required string Level { get; init; }
        public required string Label { get; init; }
        public decimal Min { get; init; }
    }

    internal sealed class CriterionData
    {
        public required string Code { get; init; }
        public required string Group { get; init; }
        public required string Name { get; init; }
        public decimal MaxScore { get; init; }
    }
}
