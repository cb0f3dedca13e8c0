namespace SuNghiep.Core.Entities;

/// <summary>How a standard turns criterion scores into the score its bands read.</summary>
public enum ScoreBasis
{
    /// <summary>The sum of the criteria's points (Circular 07/2023/TT-BNV: 100 points).</summary>
    TotalPoints = 1,
    /// <summary>The mean of the criteria's levels (the hospital criteria of Decision 6858/QĐ-BYT: 1 to 5).</summary>
    MeanScore = 2,
}

/// <summary>
/// A quality standard or set of criteria issued by a document, for a sector or a catalogue item, in a version; its levels
/// are score bands.
/// </summary>
public sealed class QualityStandard
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Issuer { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public DateOnly DocumentDate { get; set; }
    public string? SectorCode { get; set; }
    public int? ItemId { get; set; }
    public ServiceItem? Item { get; set; }
    public string Version { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public ScoreBasis ScoreBasis { get; set; }
    /// <summary>
    /// The levels as JSON, lowest first: [{"level":"dat","label":"Đạt","min":50}]; a score falls in the highest band whose
    /// minimum it reaches (minimum inclusive, next band's minimum exclusive).
    /// </summary>
    public string BandsJson { get; set; } = "[]";
    /// <summary>How many months an assessment stays valid; null when the document sets no term.</summary>
    public int? ValidityMonths { get; set; }
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<QualityCriterion> Criteria { get; set; } = [];
}

/// <summary>A criterion of a standard: its code (A1.1), group and maximum score.</summary>
public sealed class QualityCriterion
{
    public int Id { get; set; }
    public int StandardId { get; set; }
    public QualityStandard? Standard { get; set; }
    public string Code { get; set; } = "";
    public string Group { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal MaxScore { get; set; }
    public int Ordinal { get; set; }
}

public enum AssessmentKind
{
    /// <summary>Tự đánh giá.</summary>
    Self = 1,
    /// <summary>Đánh giá ngoài (đoàn đánh giá của cơ quan quản lý).</summary>
    External = 2,
    /// <summary>Kiểm định, công nhận.</summary>
    Accreditation = 3,
}

/// <summary>An assessment of a unit against a standard for a period: scores by criterion, the level its bands give, the team and decision.</summary>
public sealed class QualityAssessment
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int StandardId { get; set; }
    public QualityStandard? Standard { get; set; }
    public AssessmentKind Kind { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public DateOnly AssessedOn { get; set; }
    /// <summary>Until when the result holds (the standard's term from the assessment or the decision), if it has one.</summary>
    public DateOnly? ValidUntil { get; set; }
    public decimal Score { get; set; }
    /// <summary>The band's code and label, computed from the score by the standard's bands when recorded.</summary>
    public string Level { get; set; } = "";
    public string LevelLabel { get; set; } = "";
    public string? Team { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? DecisionIssuer { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<QualityScore> Scores { get; set; } = [];
}

public sealed class QualityScore
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public QualityAssessment? Assessment { get; set; }
    public int CriterionId { get; set; }
    public QualityCriterion? Criterion { get; set; }
    public decimal Score { get; set; }
}

/// <summary>Which end of a survey's scale is best: forms differ (the Ho Chi Minh City form runs 1 = very good).</summary>
public enum ScaleDirection
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// <summary>
/// A satisfaction survey form as its document issued it (Decision 3869/QĐ-BYT form 1 for inpatients): respondent type,
/// sections and items, and the scale with its values, labels and direction.
/// </summary>
public sealed class SurveyInstrument
{
    public int Id { get; set; }
    /// <summary>The form's code as the document numbers it (BYT-3869-M1).</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public DateOnly DocumentDate { get; set; }
    public string DocumentIssuer { get; set; } = "";
    public string SectorCode { get; set; } = "";
    /// <summary>Người bệnh nội trú, cha mẹ học sinh, nhân viên y tế.</summary>
    public string RespondentType { get; set; } = "";
    /// <summary>The scale as JSON: [{"value":1,"label":"Rất không hài lòng"}, …]; a value with "noOpinion":true counts in no mean.</summary>
    public string ScaleJson { get; set; } = "[]";
    public ScaleDirection Direction { get; set; }
    /// <summary>The worst value that still counts as satisfied (4 on a 1-5 scale where 5 is best; 2 where 1 is best).</summary>
    public int SatisfiedThreshold { get; set; }
    /// <summary>The value meaning "no opinion" (5 on the Ho Chi Minh City form), counted in no mean and no share; mirrors ScaleJson.</summary>
    public int? NoOpinionValue { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<SurveyItem> Items { get; set; } = [];
}

/// <summary>A question of a form, in its section.</summary>
public sealed class SurveyItem
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public SurveyInstrument? Instrument { get; set; }
    /// <summary>Section letter or number as the form prints it (A, B…) and its title.</summary>
    public string SectionCode { get; set; } = "";
    public string SectionName { get; set; } = "";
    public string Code { get; set; } = "";
    public string Text { get; set; } = "";
    public int Ordinal { get; set; }
}

public enum SurveyRoundStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>A survey of one unit for a period with one form; its responses are entered or imported.</summary>
public sealed class SurveyRound
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public SurveyInstrument? Instrument { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>As people name it: Quý 2/2026.</summary>
    public string Label { get; set; } = "";
    public SurveyRoundStatus Status { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One respondent's form in a round.</summary>
public sealed class SurveyResponse
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public SurveyRound? Round { get; set; }
    public DateOnly? RespondedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>A respondent's value for one item; the round is kept on the row so that means are one grouped query.</summary>
public sealed class SurveyAnswer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public SurveyResponse? Response { get; set; }
    public int RoundId { get; set; }
    public int ItemId { get; set; }
    public SurveyItem? Item { get; set; }
    public int Value { get; set; }
}

public enum FeedbackStatus
{
    New = 1,
    Answered = 2,
    Published = 3,
    /// <summary>Not published (abuse, not about the unit); kept with its reason.</summary>
    Rejected = 4,
}

/// <summary>
/// A citizen's question or comment on a unit, sent from its public page. The contact is kept only with consent, only as
/// long as the retention setting says, and erased when consent is withdrawn; the question stays.
/// </summary>
public sealed class Feedback
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string Topic { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>E-mail or phone, only when the citizen consented to its processing (Law on Personal Data Protection 2025).</summary>
    public string? Contact { get; set; }
    public bool Consent { get; set; }
    public DateTime? ConsentAt { get; set; }
    /// <summary>SHA-256 of the secret in the withdrawal link; the secret itself is never stored.</summary>
    public string? WithdrawTokenHash { get; set; }
    public DateTime? ContactErasedAt { get; set; }
    /// <summary>Why the contact was erased: withdrawn, retention.</summary>
    public string? ErasedReason { get; set; }
    public FeedbackStatus Status { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>The day by which the unit or its managing agency answers.</summary>
    public DateOnly DueOn { get; set; }
    public string? ReplyText { get; set; }
    public DateTime? RepliedAt { get; set; }
    public string? RepliedBy { get; set; }
    /// <summary>The question as published, without personal data, as the moderator wrote it.</summary>
    public string? PublicText { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public string? RejectedReason { get; set; }
}

public enum InspectionKind
{
    /// <summary>Thanh tra theo kế hoạch.</summary>
    Planned = 1,
    /// <summary>Thanh tra đột xuất.</summary>
    Unscheduled = 2,
    /// <summary>Kiểm tra.</summary>
    Check = 3,
}

/// <summary>
/// An inspection or check (Law on Inspection 84/2025/QH15) of units over a period, by its deciding document; its conclusion,
/// the managing head's directive and the dates the law counts from are on the same row.
/// </summary>
public sealed class Inspection
{
    public int Id { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public string DecisionIssuer { get; set; } = "";
    /// <summary>The inspecting body as named (Thanh tra tỉnh, Sở Y tế).</summary>
    public string Body { get; set; } = "";
    /// <summary>The agency that decided it, in the register; what scope its writes follow.</summary>
    public int? BodyAgencyId { get; set; }
    public Agency? BodyAgency { get; set; }
    public InspectionKind Kind { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>The team's results report (báo cáo kết quả), from which Art. 34's five working days run.</summary>
    public DateOnly? ResultsReportOn { get; set; }
    /// <summary>When drafting the conclusion was assigned (Art. 34).</summary>
    public DateOnly? DraftAssignedOn { get; set; }
    /// <summary>When the decider received the draft conclusion, from which Art. 36's fifteen days to sign run.</summary>
    public DateOnly? DraftReceivedOn { get; set; }
    public string? ConclusionNumber { get; set; }
    public DateOnly? ConclusionDate { get; set; }
    public DateOnly? PublishedOn { get; set; }
    /// <summary>The managing head's directive on the conclusion (Art. 52-53: within 15 days).</summary>
    public string? DirectiveNumber { get; set; }
    public DateOnly? DirectiveDate { get; set; }
    public string? DirectiveText { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<InspectionUnit> Units { get; set; } = [];
    public List<InspectionFinding> Findings { get; set; } = [];
}

public sealed class InspectionUnit
{
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

/// <summary>A finding of a conclusion: category, amount, who is responsible, and the unit it concerns.</summary>
public sealed class InspectionFinding
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string Category { get; set; } = "";
    public string? Description { get; set; }
    public decimal? Amount { get; set; }
    public string? Responsibility { get; set; }
    public int Ordinal { get; set; }
    public List<InspectionRecommendation> Recommendations { get; set; } = [];
}

public enum RecommendationType
{
    /// <summary>Thu hồi.</summary>
    Recover = 1,
    /// <summary>Xử lý kỷ luật.</summary>
    Discipline = 2,
    /// <summary>Khắc phục, chấn chỉnh.</summary>
    Fix = 3,
    /// <summary>Chuyển cơ quan điều tra, cơ quan có thẩm quyền.</summary>
    Refer = 4,
}

/// <summary>A recommendation of a finding, addressed to an agency with a deadline; its status is derived from the deadline and follow-up reports.</summary>
public sealed class InspectionRecommendation
{
    public int Id { get; set; }
    public int FindingId { get; set; }
    public InspectionFinding? Finding { get; set; }
    /// <summary>Kept on the row so that the board and the scope need no join through the finding.</summary>
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public RecommendationType Type { get; set; }
    public string? Content { get; set; }
    public decimal? Amount { get; set; }
    public int AddresseeAgencyId { get; set; }
    public Agency? AddresseeAgency { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>The addressee disputes it (khiếu nại, kiến nghị xem xét lại) until the dispute is settled.</summary>
    public bool Disputed { get; set; }
    /// <summary>Why the addressee disputes it, or why the dispute was settled.</summary>
    public string? DisputeReason { get; set; }
    public List<RecommendationFollowUp> FollowUps { get; set; } = [];
}

/// <summary>A report on what was done about a recommendation; the last one marked done closes it.</summary>
public sealed class RecommendationFollowUp
{
    public int Id { get; set; }
    public int RecommendationId { get; set; }
    public InspectionRecommendation? Recommendation { get; set; }
    public DateOnly Date { get; set; }
    public string Text { get; set; } = "";
    public bool Done { get; set; }
    /// <summary>Money recovered by this report, for a recovery.</summary>
    public decimal? AmountRecovered { get; set; }
    public string? ReportedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum MeritKind
{
    /// <summary>Khen thưởng.</summary>
    Commendation = 1,
    /// <summary>Kỷ luật.</summary>
    Discipline = 2,
}

/// <summary>An award or a disciplinary measure of a unit or an agency, by its decision, possibly for a reform task.</summary>
public sealed class MeritRecord
{
    public int Id { get; set; }
    public MeritKind Kind { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int? TaskId { get; set; }
    public PlanTask? Task { get; set; }
    /// <summary>The form of award (Bằng khen, Cờ thi đua) or the disciplinary measure (khiển trách, cảnh cáo).</summary>
    public string Form { get; set; } = "";
    public string Reason { get; set; } = "";
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public string DecisionIssuer { get; set; } = "";
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A model unit (đơn vị điểm, mô hình điển hình) a plan names, so that reports can cite it.</summary>
public sealed class ModelUnit
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public PlanDocument? Document { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string? Note { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
