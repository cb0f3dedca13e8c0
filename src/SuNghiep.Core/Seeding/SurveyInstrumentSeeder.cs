using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Loads the satisfaction survey forms of the embedded ReferenceData/survey-instruments.json that the register does not
/// hold yet (by code), with their items and scale; a form already present is left as it is.
/// </summary>
public static class SurveyInstrumentSeeder
{
    public static async Task<int> SeedAsync(SuNghiepDbContext db, DateTime now, CancellationToken ct = default)
    {
        var present = (await db.SurveyInstruments.AsNoTracking().Select(i => i.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = Read(now).Where(i => !present.Contains(i.Code)).ToList();
        if (added.Count == 0)
        {
            return 0;
        }

        db.SurveyInstruments.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    /// <summary>The forms of the file, as entities not yet saved.</summary>
    public static IReadOnlyList<SurveyInstrument> Read(DateTime now)
    {
        using var stream = typeof(SurveyInstrumentSeeder).Assembly.GetManifestResourceStream("ReferenceData.survey-instruments.json")
            ?? throw new InvalidOperationException("The embedded survey-instruments.json is missing.");
        var root = JsonNode.Parse(stream)!;
        return root["instruments"]!.AsArray().Select(n => Instrument(n!, now)).ToList();
    }

    private static SurveyInstrument Instrument(JsonNode n, DateTime now)
    {
        var missing = (string?)n["missing"];
        var instrument = new SurveyInstrument
        {
            Code = (string)n["code"]!,
            Name = (string)n["name"]!,
            DocumentNumber = (string)n["documentNumber"]!,
            DocumentDate = Date((string)n["documentDate"]!),
            DocumentIssuer = (string)n["documentIssuer"]!,
            SectorCode = (string)n["sector"]!,
            RespondentType = (string)n["respondentType"]!,
            Direction = (string)n["direction"]! == "lowerIsBetter" ? ScaleDirection.LowerIsBetter : ScaleDirection.HigherIsBetter,
            SatisfiedThreshold = (int)n["satisfiedThreshold"]!,
            NoOpinionValue = (int?)n["noOpinionValue"],
            ScaleJson = n["scale"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            ValidFrom = Date((string)n["validFrom"]!),
            Source = (string?)n["source"] + (missing is null ? "" : " Chưa tìm thấy: " + missing),
            CreatedAt = now,
        };
        instrument.Items = n["items"]!.AsArray().Select((item, i) => new SurveyItem
        {
            SectionCode = (string)item!["section"]!,
            SectionName = (string)item["sectionName"]!,
            Code = (string)item["code"]!,
            Text = (string)item["text"]!,
            Ordinal = i + 1,
        }).ToList();
        return instrument;
    }

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
