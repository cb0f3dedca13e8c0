using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Oversight;

/// <summary>An inspection as a form or request gives it.</summary>
public sealed record InspectionInput
{
    public string? DecisionNumber { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public string? DecisionIssuer { get; init; }
    public string? Body { get; init; }
    public int? BodyAgencyId { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<int> UnitIds { get; init; } = [];
    public DateOnly? PeriodFrom { get; init; }
    public DateOnly? PeriodTo { get; init; }
    public DateOnly? ResultsReportOn { get; init; }
    public DateOnly? DraftAssignedOn { get; init; }
    public DateOnly? DraftReceivedOn { get; init; }
}

public sealed record RecommendationInput(string? Type, decimal? Amount, int? AddresseeAgencyId, DateOnly? Deadline, string? Content);

public sealed record FindingInput(
    string? Category, decimal? Amount, string? Responsibility, int? UnitId, string? Description, IReadOnlyList<RecommendationInput> Recommendations);

/// <summary>The conclusion with its findings; the dates of Art. 34 and 36 may come with it when not recorded before.</summary>
public sealed record ConclusionInput(
    string? Number, DateOnly? Date, DateOnly? PublishedOn, IReadOnlyList<FindingInput> Findings,
    DateOnly? ResultsReportOn = null, DateOnly? DraftAssignedOn = null, DateOnly? DraftReceivedOn = null);

public sealed record DirectiveInput(string? Number, DateOnly? Date, string? Text);

public sealed record FollowUpInput(DateOnly? Date, string? Text, bool? Done, decimal? AmountRecovered);

public sealed record DisputeInput(bool? Disputed, string? Reason);

/// <summary>The outcome of a write: the id written, or errors by field; not found, forbidden and conflict as flags.</summary>
public sealed record OversightResult(int? Id, IReadOnlyList<RuleViolation> Errors, bool NotFound = false, bool Forbidden = false, bool Conflict = false)
{
    public bool Succeeded => Id is not null;

    public static OversightResult Ok(int id) => new(id, []);

    public static OversightResult Invalid(IReadOnlyList<RuleViolation> errors) => new(null, errors);

    public static OversightResult Missing(string message) => new(null, [new("id", message)], NotFound: true);

    public static OversightResult Refused(string field, string message) => new(null, [new(field, message)], Forbidden: true);

    public static OversightResult Clash(string field, string message) => new(null, [new(field, message)], Conflict: true);
}

public sealed record InspectionFilter(string? Query, string? Kind, int? Year, int? UnitId, int Page = 1, int PageSize = 50);

public sealed record RecommendationFilter(
    RecommendationStatus? Status, int? AddresseeAgencyId, int? UnitId, int? InspectionId, string? Query = null, int Page = 1, int PageSize = 50);

public sealed record DecisionView(string Number, DateOnly Date, string Issuer);

public sealed record InspectionRow(
    int Id, DecisionView Decision, string Body, string Kind, string KindName, DateOnly PeriodFrom, DateOnly PeriodTo,
    IReadOnlyList<string> Units, string? ConclusionNumber, DateOnly? ConclusionDate, int Recommendations);

public sealed record InspectedUnit(int Id, string Code, string Name);

/// <summary>One of the law's deadlines: the last day, when it was done, met or late, and the same in words.</summary>
public sealed record DeadlineView(DateOnly? By, DateOnly? DoneOn, bool? Met, bool Late, string Text);

public sealed record DeadlinesView(DeadlineView DraftAssignBy, DeadlineView SignBy, DeadlineView DirectiveBy);

public sealed record ConclusionView(string Number, DateOnly Date, DateOnly? PublishedOn, DateOnly? PublishedUntil);

public sealed record DirectiveView(string Number, DateOnly Date, string? Text);

public sealed record FollowUpView(int Id, DateOnly Date, string Text, bool Done, decimal? AmountRecovered, string? ReportedBy);

public sealed record RecommendationView(
    int Id, int InspectionId, string InspectionNumber, string? ConclusionNumber, int FindingId, string FindingCategory,
    int? UnitId, string? UnitName, string Type, string TypeName, string? Content, decimal? Amount, int AddresseeAgencyId, string AddresseeAgencyName,
    DateOnly Deadline, decimal Recovered, bool Disputed, string? DisputeReason, string Status, string StatusName, IReadOnlyList<FollowUpView> FollowUps);

public sealed record FindingView(
    int Id, string Category, decimal? Amount, string? Responsibility, int? UnitId, string? UnitName, string? Description,
    IReadOnlyList<RecommendationView> Recommendations);

public sealed record InspectionView(
    int Id, DecisionView Decision, string Body, int? BodyAgencyId, string? BodyAgencyName, string Kind, string KindName,
    DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly? ResultsReportOn, DateOnly? DraftAssignedOn, DateOnly? DraftReceivedOn,
    IReadOnlyList<InspectedUnit> Units, ConclusionView? Conclusion, DirectiveView? Directive, IReadOnlyList<FindingView> Findings,
    DeadlinesView Deadlines, string? CreatedBy, DateTime CreatedAt, bool MayWrite);

/// <summary>An addressee agency's recommendations by status, for the board.</summary>
public sealed record BoardRow(int AgencyId, string AgencyName, int Open, int Partial, int Overdue, int Done, int Disputed)
{
    public int Total => Open + Partial + Overdue + Done + Disputed;
}

/// <summary>A finding of a conclusion as the unit's page lists it.</summary>
public sealed record UnitFinding(int InspectionId, string DecisionNumber, string? ConclusionNumber, DateOnly? ConclusionDate, string Body, string Category, decimal? Amount);
