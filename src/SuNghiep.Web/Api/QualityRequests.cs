namespace SuNghiep.Web.Api;

// The JSON bodies of the quality, merit and model-unit endpoints, described for the OpenAPI document (see RequestBodies.cs).

public sealed record QualityBandRequest(string Level, string Label, decimal Min);

public sealed record QualityCriterionRequest(string Code, string Group, string Name, decimal MaxScore);

public sealed record QualityStandardRequest(
    string Code, string Name, string Issuer, string DocumentNumber, DateOnly DocumentDate, string? SectorCode, string Version, DateOnly? ValidFrom,
    DateOnly? ValidTo, string ScoreBasis, QualityBandRequest[] Bands, int? ValidityMonths, string? Source, QualityCriterionRequest[] Criteria);

public sealed record AssessmentScoreRequest(string? CriterionCode, int? CriterionId, decimal Score);

public sealed record AssessmentRequest(
    int StandardId, string Kind, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly AssessedOn, AssessmentScoreRequest[] Scores, string? Team,
    PlanDecisionRequest? Decision, DateOnly? ValidUntil);

public sealed record MeritRequest(string Kind, int? UnitId, int? AgencyId, int? TaskId, string Form, string Reason, PlanDecisionRequest Decision);

public sealed record ModelUnitRequest(int UnitId, string? Note);
