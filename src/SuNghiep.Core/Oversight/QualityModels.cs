using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Oversight;

public sealed record StandardSummary(
    int Id, string Code, string Name, string Issuer, string DocumentNumber, DateOnly DocumentDate, string? SectorCode, string Version,
    DateOnly ValidFrom, DateOnly? ValidTo, string ScoreBasis, int Criteria);

public sealed record CriterionView(int Id, string Code, string Group, string Name, decimal MaxScore);

public sealed record StandardView(
    int Id, string Code, string Name, string Issuer, string DocumentNumber, DateOnly DocumentDate, string? SectorCode, string Version,
    DateOnly ValidFrom, DateOnly? ValidTo, string ScoreBasis, IReadOnlyList<QualityBand> Bands, int? ValidityMonths, string? Source,
    IReadOnlyList<CriterionView> Criteria);

public sealed record CriterionInput(string Field, string? Code, string? Group, string? Name, decimal? MaxScore);

public sealed record StandardInput(
    string? Code, string? Name, string? Issuer, string? DocumentNumber, DateOnly? DocumentDate, string? SectorCode, string? Version,
    DateOnly? ValidFrom, DateOnly? ValidTo, string? ScoreBasis, IReadOnlyList<QualityBand>? Bands, int? ValidityMonths, string? Source,
    IReadOnlyList<CriterionInput> Criteria);

public sealed record AssessmentDecision(string? Number, DateOnly? Date, string? Issuer);

public sealed record ScoreView(int CriterionId, string Code, decimal Score);

public sealed record AssessmentView(
    int Id, int UnitId, string UnitName, int StandardId, string StandardCode, string StandardName, string Kind, DateOnly PeriodFrom,
    DateOnly PeriodTo, DateOnly AssessedOn, DateOnly? ValidUntil, decimal Score, string Level, string LevelLabel, string? Team,
    AssessmentDecision Decision, IReadOnlyList<ScoreView> Scores);

public sealed record AssessmentInput(
    int? StandardId, string? Kind, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly? AssessedOn, IReadOnlyList<EnteredScore> Scores,
    string? Team, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer, DateOnly? ValidUntil);

/// <summary>A line of the quality list: an assessment with its unit, agency and sector.</summary>
public sealed record AssessmentRow(
    int Id, int UnitId, string UnitCode, string UnitName, string? AgencyName, string? SectorCode, string StandardCode, string StandardName,
    AssessmentKind Kind, DateOnly AssessedOn, DateOnly? ValidUntil, decimal Score, string LevelLabel);

public sealed record AssessmentFilter(string? Search, string? SectorCode, string? LevelLabel, AssessmentKind? Kind, int Page, int PageSize);

/// <summary>A unit's latest assessment, for a line on the unit's page.</summary>
public sealed record LatestAssessment(int Id, string StandardCode, DateOnly AssessedOn, string LevelLabel, decimal Score);

public static class QualityNames
{
    public static string KindCode(AssessmentKind kind) => kind switch
    {
        AssessmentKind.Self => "self",
        AssessmentKind.External => "external",
        _ => "accreditation",
    };

    public static string KindName(AssessmentKind kind) => kind switch
    {
        AssessmentKind.Self => "Tự đánh giá",
        AssessmentKind.External => "Đánh giá ngoài",
        _ => "Kiểm định, công nhận",
    };

    public static AssessmentKind? ParseKind(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "self" or "1" => AssessmentKind.Self,
        "external" or "2" => AssessmentKind.External,
        "accreditation" or "3" => AssessmentKind.Accreditation,
        _ => null,
    };

    public static string BasisCode(ScoreBasis basis) => basis == ScoreBasis.MeanScore ? "meanScore" : "totalPoints";

    public static string BasisName(ScoreBasis basis) => basis == ScoreBasis.MeanScore ? "Điểm trung bình các tiêu chí" : "Tổng điểm các tiêu chí";

    public static ScoreBasis? ParseBasis(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "totalpoints" or "total" => ScoreBasis.TotalPoints,
        "meanscore" or "mean" => ScoreBasis.MeanScore,
        _ => null,
    };
}
