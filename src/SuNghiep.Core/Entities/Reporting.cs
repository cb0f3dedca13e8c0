using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Entities;

/// <summary>
/// A reporting regime (chế độ báo cáo, Decree 09/2019 Art. 7): what is reported, on which legal basis, by which levels,
/// to whom, how often and by when, with the outline the narrative follows and the annex tables it carries. Shipped as
/// data so that a new regime is a row, not a release.
/// </summary>
public sealed class ReportingRegime
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string LegalBasis { get; set; }
    /// <summary>Null for an ad-hoc report (đột xuất): its request sets its own deadline.</summary>
    public ReportFrequency? Frequency { get; set; }
    public required string Recipient { get; set; }
    /// <summary>Reporter levels, comma-separated ("province,department,commune").</summary>
    public required string ReporterLevels { get; set; }
    /// <summary>Annex numbers it carries, comma-separated ("I,II,III"); empty for none.</summary>
    public required string Annexes { get; set; }
    /// <summary>The outline as a JSON array of sections (number, title, guidance, children).</summary>
    public required string OutlineJson { get; set; }
    /// <summary>Deadline day of the period's last month by reporter level, as a JSON object ({"province":25}).</summary>
    public required string DeadlineDaysJson { get; set; }
}

/// <summary>A statistical form of the Ministry of Home Affairs (biểu mẫu thống kê), kept as a catalogue under the Statistics Law.</summary>
public sealed class StatisticalForm
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>"Năm", "Nhiệm kỳ"...</summary>
    public required string Period { get; set; }
    public required string LegalBasis { get; set; }
    public string? Reporter { get; set; }
    public string? Receiver { get; set; }
    public string? DueDate { get; set; }
    /// <summary>Indicator codes the form needs, comma-separated.</summary>
    public required string IndicatorCodes { get; set; }
}

/// <summary>An upper level's request for reports from agencies of its subtree, for a period (or ad hoc with its own deadline).</summary>
public sealed class ReportRequest
{
    public int Id { get; set; }
    public int RegimeId { get; set; }
    public ReportingRegime? Regime { get; set; }
    /// <summary>"2025", "2025-H1"...; null for an ad-hoc request.</summary>
    public string? PeriodCode { get; set; }
    public required string Title { get; set; }
    /// <summary>The period's first day and its cut-off (the "to" of Decree 09): the day the register's figures are read on.</summary>
    public DateOnly PeriodFrom { get; set; }
    public DateOnly CutOff { get; set; }
    public DateOnly Deadline { get; set; }
    public int RequesterAgencyId { get; set; }
    public Agency? RequesterAgency { get; set; }
    public string? Notes { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Report> Reports { get; set; } = [];
}

public enum ReportStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Accepted = 4,
}

/// <summary>
/// One reporter's report on a request. Its annex tables are read live from the register until it is submitted, then
/// frozen into <see cref="FrozenTablesJson"/>; corrections by the reporter, each with its reason, sit over the figures.
/// </summary>
public sealed class Report
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public ReportRequest? Request { get; set; }
    public int ReporterAgencyId { get; set; }
    public Agency? ReporterAgency { get; set; }
    public ReportStatus Status { get; set; }
    /// <summary>Narrative by outline section number ("II.2"), as a JSON object.</summary>
    public string SectionsJson { get; set; } = "{}";
    /// <summary>Figures corrected by the reporter, as a JSON array of {annex, row, column, value, reason}.</summary>
    public string CorrectionsJson { get; set; } = "[]";
    /// <summary>The annex tables as submitted (corrections applied), as JSON; null until the first submission.</summary>
    public string? FrozenTablesJson { get; set; }
    /// <summary>The upper level's last return: the general comment and comments by section, as JSON.</summary>
    public string? ReturnCommentsJson { get; set; }
    public int? Number { get; set; }
    public string? SignerAuthority { get; set; }
    public string? SignerCapacity { get; set; }
    public string? SignerName { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public int Submissions { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public string? ReturnedBy { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Revision { get; set; }
    public List<ReportStep> Steps { get; set; } = [];
}

/// <summary>A step of a report's workflow (saved, submitted, returned, accepted, reminded): who and when, with the comment.</summary>
public sealed class ReportStep
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public required string Action { get; set; }
    public string? Comment { get; set; }
    public required string ActorName { get; set; }
    public DateTime At { get; set; }
}
