using System.Globalization;
using System.Text.Json;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Rules;

/// <summary>A level of a standard: its code, its label, and the lowest score that reaches it.</summary>
public sealed record QualityBand(string Level, string Label, decimal Min);

/// <summary>A criterion as the rules see it: its id, code and maximum score.</summary>
public sealed record CriterionLimit(int Id, string Code, decimal MaxScore);

/// <summary>A score as entered: the criterion by id or by code, and the score; Field names it in messages ("scores[2]").</summary>
public sealed record EnteredScore(string Field, int? CriterionId, string? CriterionCode, decimal? Score);

/// <summary>
/// Quality standards' arithmetic: the score of an assessment from its criterion scores by the standard's basis, and the
/// level its bands give. Circular 07/2023/TT-BNV scores on 100 points (Không đạt under 50, Đạt 50 to under 70, Khá 70
/// to under 80, Tốt from 80); the hospital criteria of Decision 6858/QĐ-BYT score each criterion at a level from 1 to 5
/// and take the mean.
/// </summary>
public static class QualityRules
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The score the bands read: the sum of the points, or the mean of the levels rounded to two decimals.</summary>
    public static decimal Score(ScoreBasis basis, IReadOnlyCollection<decimal> scores) => basis switch
    {
        ScoreBasis.MeanScore => scores.Count == 0 ? 0 : Math.Round(scores.Sum() / scores.Count, 2, MidpointRounding.AwayFromZero),
        _ => scores.Sum(),
    };

    /// <summary>The highest band whose minimum the score reaches (minimum inclusive); null when the score is under the first.</summary>
    public static QualityBand? Band(IReadOnlyList<QualityBand> bands, decimal score)
    {
        QualityBand? found = null;
        foreach (var band in bands.OrderBy(b => b.Min))
        {
            if (score >= band.Min)
            {
                found = band;
            }
        }

        return found;
    }

    /// <summary>The bands stored on a standard (lowest first); an empty list when the JSON is not a list of bands.</summary>
    public static IReadOnlyList<QualityBand> ParseBands(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var bands = new List<QualityBand>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind == JsonValueKind.Object
                    && e.TryGetProperty("level", out var level) && level.ValueKind == JsonValueKind.String
                    && e.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String
                    && e.TryGetProperty("min", out var min) && min.ValueKind == JsonValueKind.Number && min.TryGetDecimal(out var m))
                {
                    bands.Add(new(level.GetString()!, label.GetString()!, m));
                }
            }

            return bands;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The bands as stored: [{"level":"dat","label":"Đạt","min":50}], lowest first.</summary>
    public static string BandsJson(IEnumerable<QualityBand> bands) =>
        JsonSerializer.Serialize(bands.OrderBy(b => b.Min).Select(b => new { level = b.Level, label = b.Label, min = b.Min }));

    /// <summary>
    /// What is wrong with a standard's bands: at least one, the first starting at 0, minimums strictly rising, codes and
    /// labels present and distinct. Field is the API field ("bands").
    /// </summary>
    public static IReadOnlyList<RuleViolation> CheckBands(string field, IReadOnlyList<QualityBand> bands)
    {
        var errors = new List<RuleViolation>();
        if (bands.Count == 0)
        {
            errors.Add(new(field, "Vui lòng nhập ít nhất một mức xếp loại (bands), mức thấp nhất trước."));
            return errors;
        }

        if (bands[0].Min != 0)
        {
            errors.Add(new($"{field}[0].min", "Mức thấp nhất phải bắt đầu từ 0 điểm, để mọi điểm số đều có mức."));
        }

        for (var i = 0; i < bands.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(bands[i].Level))
            {
                errors.Add(new($"{field}[{i}].level", "Vui lòng nhập mã của mức."));
            }

            if (string.IsNullOrWhiteSpace(bands[i].Label))
            {
                errors.Add(new($"{field}[{i}].label", "Vui lòng nhập tên của mức."));
            }

            if (i > 0 && bands[i].Min <= bands[i - 1].Min)
            {
                errors.Add(new($"{field}[{i}].min", $"Điểm tối thiểu của mức phải lớn hơn của mức trước ({Number(bands[i - 1].Min)}): các mức xếp từ thấp đến cao."));
            }
        }

        if (bands.Select(b => b.Level.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != bands.Count)
        {
            errors.Add(new(field, "Mã các mức không được trùng nhau."));
        }

        return errors;
    }

    /// <summary>
    /// The scores of an assessment against the standard's criteria: each names a criterion of the standard (by id or
    /// code), no criterion twice, each within 0 and its maximum, and every criterion scored. Returns the problems and,
    /// when there are none, the score per criterion id.
    /// </summary>
    public static (IReadOnlyList<RuleViolation> Errors, IReadOnlyDictionary<int, decimal> Scores) CheckScores(
        IReadOnlyList<CriterionLimit> criteria, IReadOnlyList<EnteredScore> entered, string field = "scores")
    {
        var errors = new List<RuleViolation>();
        var scores = new Dictionary<int, decimal>();
        if (entered.Count == 0)
        {
            errors.Add(new(field, "Vui lòng nhập điểm của các tiêu chí (scores)."));
            return (errors, scores);
        }

        var seen = new HashSet<int>();
        var byId = criteria.ToDictionary(c => c.Id);
        var byCode = criteria.GroupBy(c => c.Code.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var e in entered)
        {
            CriterionLimit? criterion = null;
            if (e.CriterionId is { } id)
            {
                if (!byId.TryGetValue(id, out criterion))
                {
                    errors.Add(new($"{e.Field}.criterionId", $"Tiêu chí số {id} không thuộc tiêu chuẩn đã chọn."));
                    continue;
                }
            }
            else if (!string.IsNullOrWhiteSpace(e.CriterionCode))
            {
                if (!byCode.TryGetValue(e.CriterionCode.Trim(), out criterion))
                {
                    errors.Add(new($"{e.Field}.criterionCode", $"Tiêu chí mã {e.CriterionCode.Trim()} không thuộc tiêu chuẩn đã chọn."));
                    continue;
                }
            }
            else
            {
                errors.Add(new($"{e.Field}.criterionCode", "Vui lòng cho biết tiêu chí (criterionCode hoặc criterionId)."));
                continue;
            }

            if (e.Score is not { } score)
            {
                errors.Add(new($"{e.Field}.score", $"Vui lòng nhập điểm của tiêu chí {criterion.Code}."));
            }
            else if (score < 0 || score > criterion.MaxScore)
            {
                errors.Add(new($"{e.Field}.score", $"Điểm của tiêu chí {criterion.Code} phải từ 0 đến {Number(criterion.MaxScore)}."));
            }

            if (!seen.Add(criterion.Id))
            {
                errors.Add(new(e.Field, $"Tiêu chí {criterion.Code} được chấm hai lần; mỗi tiêu chí chỉ chấm một lần."));
            }
            else if (e.Score is { } s)
            {
                scores[criterion.Id] = s;
            }
        }

        var missing = criteria.Where(c => !seen.Contains(c.Id)).Select(c => c.Code).ToList();
        if (errors.Count == 0 && missing.Count > 0)
        {
            errors.Add(new(field, $"Còn {missing.Count} tiêu chí chưa chấm: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? "…" : "")}."));
        }

        return (errors, errors.Count == 0 ? scores : new Dictionary<int, decimal>());
    }

    /// <summary>Whether an assessment holds on a date: recorded on or before it, and not expired (the indicator's meaning).</summary>
    public static bool ValidOn(DateOnly assessedOn, DateOnly? validUntil, DateOnly date) =>
        assessedOn <= date && (validUntil is null || validUntil >= date);

    public static string Number(decimal value) => value.ToString("#,##0.##", Vi);
}
