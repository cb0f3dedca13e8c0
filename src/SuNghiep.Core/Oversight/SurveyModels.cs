using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Oversight;

public sealed record SurveyRoundInput(int? InstrumentId, string? InstrumentCode, int? UnitId, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Label);

/// <summary>One respondent's form: the item codes and values as sent, with the name of the request field that holds them ("answers", "responses[2].answers").</summary>
public sealed record SurveyResponseInput(DateOnly? RespondedOn, IReadOnlyList<KeyValuePair<string, int>> Answers, string Field = "answers");

public sealed record SurveyFilter(int? UnitId = null, string? Sector = null, int? Year = null, int? InstrumentId = null, string? Search = null, string? InstrumentCode = null);

/// <summary>Mean and shares of a set of answers, rounded for display; n counts the answers with an opinion.</summary>
public sealed record SurveyFigures(long N, long NoOpinion, decimal? Mean, decimal? Score, decimal? SatisfiedPercent)
{
    public static SurveyFigures Of(SurveySummary s) => new(s.Answers, s.NoOpinion, Round(s.Mean, 2), Round(s.Score, 1),
        s.SatisfiedShare is { } share ? Round(share * 100, 1) : null);

    private static decimal? Round(decimal? v, int digits) => v is { } x ? Math.Round(x, digits, MidpointRounding.AwayFromZero) : null;
}

public sealed record SurveyRoundRow(
    int Id, string Label, int InstrumentId, string InstrumentCode, string InstrumentName, int UnitId, string UnitCode, string UnitName,
    string Sector, DateOnly PeriodFrom, DateOnly PeriodTo, int Responses, SurveyFigures Results);

public sealed record SurveyRoundList(IReadOnlyList<SurveyRoundRow> Items, int Total);

public sealed record SurveyItemResult(string Code, string Text, SurveyFigures Results);

public sealed record SurveySectionResult(string Code, string Name, SurveyFigures Results, IReadOnlyList<SurveyItemResult> Items);

public sealed record SurveyScaleView(string Direction, int SatisfiedThreshold, int? NoOpinionValue, IReadOnlyList<ScalePoint> Points);

public sealed record SurveyRoundView(
    SurveyRoundRow Round, SurveyScaleView Scale, SurveyFigures Overall, IReadOnlyList<SurveySectionResult> Sections,
    string ScoreFormula, string ShareFormula, bool MayRecord);

public sealed record SurveyInstrumentRow(
    int Id, string Code, string Name, string DocumentNumber, DateOnly DocumentDate, string DocumentIssuer, string Sector,
    string RespondentType, DateOnly ValidFrom, DateOnly? ValidTo, int Items);

public sealed record SurveyInstrumentItem(string SectionCode, string SectionName, string Code, string Text, int Ordinal);

public sealed record SurveyInstrumentView(SurveyInstrumentRow Instrument, SurveyScaleView Scale, string? Source, IReadOnlyList<SurveyInstrumentItem> Items);

/// <summary>A unit's (or a year's) answers pooled over its rounds: the score and share compare across forms.</summary>
public sealed record SurveyComparisonRow(string Key, string Label, int Rounds, int Responses, SurveyFigures Results);

public sealed record SurveyOutcome<T>(T? Value, IReadOnlyList<RuleViolation> Errors, bool NotFound = false, string? Forbidden = null);

public static class SurveyOutcome
{
    public static SurveyOutcome<T> Missing<T>() => new(default, [], NotFound: true);

    public static SurveyOutcome<T> Refused<T>(string why) => new(default, [], Forbidden: why);

    public static SurveyOutcome<T> Invalid<T>(IReadOnlyList<RuleViolation> errors) => new(default, errors);
}

public sealed record SurveyResponsesAdded(int Responses, int Answers);
