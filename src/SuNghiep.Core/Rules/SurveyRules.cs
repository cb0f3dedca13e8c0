using System.Text.Json;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Rules;

/// <summary>A value of a form's scale with its label; a "no opinion" value counts in no mean and no share.</summary>
public sealed record ScalePoint(int Value, string Label, bool NoOpinion = false);

/// <summary>A form's scale as the rules read it: its values, which end is best, the worst value still satisfied.</summary>
public sealed record SurveyScale(IReadOnlyList<ScalePoint> Points, ScaleDirection Direction, int SatisfiedThreshold, int? NoOpinionValue)
{
    /// <summary>The values that carry an opinion, lowest first.</summary>
    public IReadOnlyList<int> OpinionValues { get; } = Points.Where(p => !p.NoOpinion && p.Value != NoOpinionValue).Select(p => p.Value).Order().ToList();

    public int Best => Direction == ScaleDirection.HigherIsBetter ? OpinionValues[^1] : OpinionValues[0];

    public int Worst => Direction == ScaleDirection.HigherIsBetter ? OpinionValues[0] : OpinionValues[^1];
}

public enum AnswerClass
{
    /// <summary>Not a value of the scale: refused.</summary>
    Invalid,
    NoOpinion,
    Satisfied,
    NotSatisfied,
}

/// <summary>Means and shares of a set of answers: n counts the answers with an opinion only.</summary>
public sealed record SurveySummary(long Answers, long NoOpinion, long Satisfied, decimal? Mean, decimal? Score, decimal? SatisfiedShare);

/// <summary>
/// The rules of satisfaction surveys (Decision 3869/QĐ-BYT and the forms that reverse its scale): whether an answer is
/// valid and satisfied given the scale's direction and threshold, and the mean, the normalised score and the share
/// satisfied of a set of answers. The indicator engine and the survey pages read answers with these same rules.
/// </summary>
public static class SurveyRules
{
    /// <summary>
    /// The normalised score formula, as the pages state it: 100 is the best value of the form and 0 its worst, whichever
    /// end of the scale is best, so that forms running 1 = best and 5 = best compare.
    /// </summary>
    public const string ScoreFormula = "Điểm quy đổi = 100 × |điểm trung bình − mức kém nhất| ÷ |mức tốt nhất − mức kém nhất| "
        + "(mức tốt nhất được 100, mức kém nhất được 0, dù thang đo lấy 1 hay 5 là tốt nhất; câu \"không ý kiến\" không tính).";

    public const string ShareFormula = "Tỷ lệ hài lòng = số câu trả lời đạt mức hài lòng ÷ số câu trả lời có ý kiến.";

    /// <summary>Reads a form's ScaleJson ([{"value":1,"label":"…","noOpinion":true}]); an unreadable scale has no points.</summary>
    public static SurveyScale Scale(string scaleJson, ScaleDirection direction, int satisfiedThreshold, int? noOpinionValue)
    {
        var points = new List<ScalePoint>();
        try
        {
            using var doc = JsonDocument.Parse(scaleJson);
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var p in doc.RootElement.EnumerateArray())
                {
                    if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("value", out var v) && v.TryGetInt32(out var value))
                    {
                        var label = p.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() ?? "" : "";
                        var noOpinion = p.TryGetProperty("noOpinion", out var n) && n.ValueKind == JsonValueKind.True;
                        points.Add(new ScalePoint(value, label, noOpinion || value == noOpinionValue));
                    }
                }
            }
        }
        catch (JsonException)
        {
            points.Clear();
        }

        return new SurveyScale(points.OrderBy(p => p.Value).ToList(), direction, satisfiedThreshold, noOpinionValue);
    }

    public static SurveyScale Scale(SurveyInstrument instrument) =>
        Scale(instrument.ScaleJson, instrument.Direction, instrument.SatisfiedThreshold, instrument.NoOpinionValue);

    /// <summary>
    /// What an answer counts as: a value outside the scale is invalid; the no-opinion value counts nowhere; otherwise it is
    /// satisfied when it is at least as good as the threshold (HigherIsBetter: value ≥ threshold; LowerIsBetter: value ≤ threshold).
    /// </summary>
    public static AnswerClass Classify(SurveyScale scale, int value)
    {
        var point = scale.Points.FirstOrDefault(p => p.Value == value);
        if (point is null)
        {
            return AnswerClass.Invalid;
        }

        if (point.NoOpinion || value == scale.NoOpinionValue)
        {
            return AnswerClass.NoOpinion;
        }

        var satisfied = scale.Direction == ScaleDirection.HigherIsBetter ? value >= scale.SatisfiedThreshold : value <= scale.SatisfiedThreshold;
        return satisfied ? AnswerClass.Satisfied : AnswerClass.NotSatisfied;
    }

    public static bool IsValid(SurveyScale scale, int value) => Classify(scale, value) != AnswerClass.Invalid;

    /// <summary>The score 0–100 of a mean: 100 at the best value of the scale, 0 at the worst (see ScoreFormula).</summary>
    public static decimal? Score(SurveyScale scale, decimal? mean)
    {
        if (mean is not { } m || scale.OpinionValues.Count < 2)
        {
            return null;
        }

        return 100m * Math.Abs(m - scale.Worst) / Math.Abs(scale.Best - scale.Worst);
    }

    /// <summary>Summarises answers given as (value, how many): invalid values and no-opinion answers count in no mean and no share.</summary>
    public static SurveySummary Summarize(SurveyScale scale, IEnumerable<(int Value, long Count)> answers)
    {
        long n = 0, noOpinion = 0, satisfied = 0;
        decimal sum = 0;
        foreach (var (value, count) in answers)
        {
            switch (Classify(scale, value))
            {
                case AnswerClass.Invalid:
                    continue;
                case AnswerClass.NoOpinion:
                    noOpinion += count;
                    continue;
                case AnswerClass.Satisfied:
                    satisfied += count;
                    break;
            }

            n += count;
            sum += (decimal)value * count;
        }

        decimal? mean = n > 0 ? sum / n : null;
        return new SurveySummary(n, noOpinion, satisfied, mean, Score(scale, mean), n > 0 ? (decimal)satisfied / n : null);
    }

    public static SurveySummary Summarize(SurveyScale scale, IEnumerable<int> values) =>
        Summarize(scale, values.Select(v => (v, 1L)));

    /// <summary>
    /// Who records a round and its answers: the unit's own officer, or an officer whose scope may act for the unit's managing
    /// agency (the agency, Home Affairs, the administrator). A Viewer never does.
    /// </summary>
    public static bool MayRecord(CallerScope scope, int unitId, AgencyPlace? managingAgency) =>
        (scope.Role == Roles.UnitOfficer && scope.UnitId == unitId) || Permissions.MayActFor(scope, managingAgency);
}
