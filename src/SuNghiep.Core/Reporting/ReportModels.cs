using SuNghiep.Core.Reporting.Documents;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Reporting;

public sealed record RegimeView(
    string Code, string Name, string LegalBasis, string? Frequency, string FrequencyName, string Recipient,
    IReadOnlyList<string> ReporterLevels, IReadOnlyList<string> Annexes, IReadOnlyList<OutlineSection> Outline, IReadOnlyDictionary<string, int> DeadlineDays);

public sealed record FormView(string Code, string Name, string Period, string LegalBasis, string? Reporter, string? Receiver, string? DueDate, IReadOnlyList<string> IndicatorCodes);

/// <summary>A request as the caller may see it; <see cref="MayManage"/> when the caller acts for the requesting agency.</summary>
public sealed record RequestView(
    int Id, string RegimeCode, string RegimeName, string? PeriodCode, string? PeriodName, string Title, DateOnly PeriodFrom, DateOnly CutOff,
    DateOnly Deadline, int RequesterAgencyId, string RequesterAgencyName, IReadOnlyList<int> ReporterAgencyIds, string? Notes,
    string CreatedBy, DateTime CreatedAt, bool MayManage);

/// <summary>A request in a list, with the caller's own report on it when the caller's agency reports.</summary>
public sealed record RequestListItem(
    int Id, string RegimeCode, string? PeriodCode, string Title, DateOnly CutOff, DateOnly Deadline, string RequesterAgencyName,
    int Reporters, int Submitted, int Accepted, bool MayManage);

public sealed record ReportListItem(
    int Id, int RequestId, string Title, string? PeriodCode, int ReporterAgencyId, string ReporterAgencyName, string Status, string StatusName,
    DateOnly Deadline, DateTime? SubmittedAt, int DaysLate);

/// <summary>A figure corrected by the reporter: annex number, row and column (from 0) of its table, the value and why.</summary>
public sealed record ReportCorrection(string Annex, int Row, int Column, decimal? Value, string Reason);

/// <summary>A cell where the report's figure differs from the register's, as of the cut-off read today.</summary>
public sealed record FigureDifference(string Annex, int Row, int Column, string RowLabel, string ColumnHeader, decimal? Report, decimal? Register);

/// <summary>A section of the outline with the reporter's text and the upper level's comment on it.</summary>
public sealed record SectionView(string Key, int Depth, string Number, string Title, string Guidance, string? Text, string? Comment);

public sealed record StepView(string Action, string ActionName, string? Comment, string ActorName, DateTime At);

/// <summary>The upper level's comments when it returned the report: a general one and some by section key.</summary>
public sealed record ReturnComments(string Comment, IReadOnlyDictionary<string, string> Sections);

public sealed record ReportView(
    int Id, int RequestId, string Title, string RegimeCode, string RegimeName, string? PeriodCode, string? PeriodName, DateOnly CutOff, DateOnly Deadline,
    int RequesterAgencyId, string RequesterAgencyName, int ReporterAgencyId, string ReporterAgencyName, string Status, string StatusName,
    bool Frozen, IReadOnlyList<DocumentAnnex> Tables, IReadOnlyList<DocumentAnnex> Register, IReadOnlyList<FigureDifference> Differences,
    IReadOnlyList<ReportCorrection> Corrections, IReadOnlyList<SectionView> Sections, ReturnComments? Returned,
    int? Number, string? SignerAuthority, string? SignerCapacity, string? SignerName, DateOnly? SignedOn,
    DateTime? SubmittedAt, string? SubmittedBy, DateTime? ReturnedAt, string? ReturnedBy, DateTime? AcceptedAt, string? AcceptedBy,
    int DaysLate, IReadOnlyList<StepView> Steps, int Revision, bool MayEdit, bool MayReview);

/// <summary>What a reporter writes: the narrative by section key, corrections, and the signing block. Null leaves a part as it was.</summary>
public sealed record ReportInput(
    IReadOnlyDictionary<string, string?>? Sections, IReadOnlyList<ReportCorrection>? Corrections,
    int? Number, string? SignerAuthority, string? SignerCapacity, string? SignerName, DateOnly? SignedOn);

public sealed record RequestInput(
    string? RegimeCode, string? PeriodCode, DateOnly? Deadline, DateOnly? CutOff, IReadOnlyList<int>? ReporterAgencyIds, int? RequesterAgencyId,
    string? Title, string? Notes);

public sealed record BoardRow(
    int ReportId, int AgencyId, string AgencyCode, string AgencyName, string Status, string StatusName, DateTime? SubmittedAt, int DaysLate,
    DateTime? ReturnedAt, DateTime? AcceptedAt, int Submissions);

public sealed record BoardView(RequestView Request, DateOnly Today, IReadOnlyList<BoardRow> Rows)
{
    public int Late => Rows.Count(r => r.DaysLate > 0 && r.Status is "draft" or "returned");
}

/// <summary>A narrative point of one reporter under one outline section.</summary>
public sealed record NarrativePoint(string Reporter, string Text);

public sealed record ConsolidatedSection(string Key, int Depth, string Number, string Title, IReadOnlyList<NarrativePoint> Points);

public sealed record ConsolidatedView(
    RequestView Request, decimal TolerancePercent, IReadOnlyList<string> Reporters, int NotAccepted, IReadOnlyList<ConsolidatedAnnex> Annexes,
    IReadOnlyList<ConsolidatedSection> Sections);

public enum Outcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    /// <summary>The report changed since the caller read it.</summary>
    Stale,
    /// <summary>The step does not apply in the report's status.</summary>
    WrongStatus,
}

public sealed record ReportOutcome(Outcome Kind, int? Id = null, IReadOnlyList<RuleViolation>? Errors = null, string? Detail = null)
{
    public static ReportOutcome Ok(int id) => new(Outcome.Done, id);
    public static readonly ReportOutcome Missing = new(Outcome.NotFound);
    public static ReportOutcome Refused(string detail) => new(Outcome.Forbidden, Detail: detail);
    public static ReportOutcome Bad(params RuleViolation[] errors) => new(Outcome.Invalid, Errors: errors);
    public static ReportOutcome Bad(IReadOnlyList<RuleViolation> errors) => new(Outcome.Invalid, Errors: errors);
}
