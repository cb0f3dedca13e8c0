using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Entities;

/// <summary>The document a proposal is made in: a submission (tờ trình) or a scheme (đề án).</summary>
public enum ProposalKind
{
    Submission = 1,
    Scheme = 2,
}

/// <summary>Where a proposal stands. Only forward: draft, submitted, appraised, decided; or withdrawn before it is decided.</summary>
public enum ProposalStatus
{
    Draft = 1,
    Submitted = 2,
    Appraised = 3,
    Decided = 4,
    Withdrawn = 5,
}

/// <summary>The result of the Department of Home Affairs' appraisal (thẩm định).</summary>
public enum AppraisalResult
{
    Agreed = 1,
    AgreedWithConditions = 2,
    NotAgreed = 3,
}

/// <summary>
/// The dossier before a reorganization is decided: a proposal drafted by an agency with the event it plans, appraised by
/// the Department of Home Affairs, then decided, when it links to the reorganization recorded from it. The checks of
/// Decree 120 are computed on the proposal as it stands; the appraisal and the decision keep those of their time.
/// </summary>
public sealed class ReorganizationProposal
{
    public int Id { get; set; }
    public ProposalKind Kind { get; set; }
    public required string Number { get; set; }
    public DateOnly ProposedOn { get; set; }
    public required string Summary { get; set; }
    /// <summary>The agency that drafted the proposal; its scope decides who sees it.</summary>
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    /// <summary>The body that has the power to decide (Decree 120, Art. 24), for the competence check.</summary>
    public int? CompetentAgencyId { get; set; }
    public Agency? CompetentAgency { get; set; }
    /// <summary>The planned event, shaped as the body of POST /api/v1/reorganizations without its decision.</summary>
    public required string EventJson { get; set; }
    /// <summary>The people who will work in the unit the event creates (the smallest of them when it creates several).</summary>
    public int? PlannedStaff { get; set; }
    /// <summary>The staff paid from the state budget of the units after the event, all together.</summary>
    public int? PlannedBudgetPositions { get; set; }
    public DissolutionGround? DissolutionGround { get; set; }
    public ProposalStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public string? AppraisalOpinion { get; set; }
    public AppraisalResult? AppraisalResult { get; set; }
    public DateOnly? AppraisedOn { get; set; }
    public string? Appraiser { get; set; }
    /// <summary>The warnings the appraisal listed, as a JSON array of {field, message}.</summary>
    public string? AppraisalWarningsJson { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public int? ReorganizationId { get; set; }
    public Reorganization? Reorganization { get; set; }
    /// <summary>The warnings at the time of deciding, kept with the decision.</summary>
    public string? DecisionWarningsJson { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawReason { get; set; }
    public int Revision { get; set; }
}
