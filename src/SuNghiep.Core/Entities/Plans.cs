using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Entities;

/// <summary>Kinds of documents that carry targets and tasks (Decree 30/2020 type names).</summary>
public enum DocumentType
{
    Resolution = 1,
    Conclusion = 2,
    ActionProgramme = 3,
    Plan = 4,
    Decision = 5,
    OfficialLetter = 6,
    Report = 7,
}

/// <summary>A document of the cascade: 62-KL/TW, 38/NQ-CP, a provincial plan, a department's or commune's plan.</summary>
public sealed class PlanDocument
{
    public int Id { get; set; }
    public DocumentType Type { get; set; }
    /// <summary>Number and symbol as Vietnamese documents write them: 62-KL/TW, 38/NQ-CP, 103-KH/TU.</summary>
    public required string Number { get; set; }
    public required string Issuer { get; set; }
    public DateOnly IssuedOn { get; set; }
    public required string Title { get; set; }
    public string? Signer { get; set; }
    /// <summary>The agency of the register that issued it, when it is one (a province's committee, a department).</summary>
    public int? IssuerAgencyId { get; set; }
    public Agency? IssuerAgency { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<DocumentLink> Parents { get; set; } = [];
    public List<PlanTarget> Targets { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
}

/// <summary>A document implements one or several documents above it.</summary>
public sealed class DocumentLink
{
    public int ChildId { get; set; }
    public PlanDocument? Child { get; set; }
    public int ParentId { get; set; }
    public PlanDocument? Parent { get; set; }
}

/// <summary>
/// A target of a plan: the indicator (domain 11), its scope, a baseline (a date, a year or a period), the direction and
/// value, the deadline; or free text where no indicator measures it yet.
/// </summary>
public sealed class PlanTarget
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public PlanDocument? Document { get; set; }
    public string? IndicatorCode { get; set; }
    public required string Text { get; set; }
    public string? AreaCode { get; set; }
    public int? AgencyId { get; set; }
    public DateOnly? BaselineFrom { get; set; }
    public DateOnly? BaselineTo { get; set; }
    /// <summary>decrease, increase, at-least or at-most.</summary>
    public string? Direction { get; set; }
    public decimal? Value { get; set; }
    /// <summary>percent or count.</summary>
    public string? ValueUnit { get; set; }
    public DateOnly? Deadline { get; set; }
}

/// <summary>A task assigned by a plan to a lead agency with coordinating agencies.</summary>
public sealed class PlanTask
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public PlanDocument? Document { get; set; }
    public string? Section { get; set; }
    public required string Content { get; set; }
    public int LeadAgencyId { get; set; }
    public Agency? LeadAgency { get; set; }
    public List<PlanTaskCoordinator> Coordinators { get; set; } = [];
    public DateOnly? Deadline { get; set; }
    public RecurrenceKind? RecurrenceKind { get; set; }
    public int? RecurrenceDay { get; set; }
    public int? RecurrenceMonth { get; set; }
    public string? ExpectedOutput { get; set; }
    public TaskState State { get; set; }
    public DateOnly AssignedOn { get; set; }
    public DateOnly? LastProgressOn { get; set; }
    public int? LastPercent { get; set; }
    /// <summary>The day the task was finished: the date of the report that reached 100%, or the day it was set done.</summary>
    public DateOnly? CompletedOn { get; set; }
    /// <summary>The task of the level above that this one carries out.</summary>
    public int? ParentTaskId { get; set; }
    public PlanTask? ParentTask { get; set; }
    public List<TaskProgress> Progress { get; set; } = [];
    public DateTime CreatedAt { get; set; }

    public Recurrence? Recurrence => Rules.Recurrence.Of(RecurrenceKind, RecurrenceDay, RecurrenceMonth);
}

public sealed class PlanTaskCoordinator
{
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
}

/// <summary>A progress report on a task: its date, text and percentage.</summary>
public sealed class TaskProgress
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public DateOnly Date { get; set; }
    public required string Text { get; set; }
    public int Percent { get; set; }
    public required string ReportedBy { get; set; }
    /// <summary>Why the report lowers a progress already reported at 100%; required then, optional otherwise.</summary>
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// Yêu cầu giải trình: the assigning level asks the lead agency to explain a late task by a deadline; the lead agency
/// answers. Both stay with the task.
/// </summary>
public sealed class TaskExplanationRequest
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    /// <summary>The assigning agency that asks, when the register has it (the document's issuer or the parent task's lead).</summary>
    public int? RequestedByAgencyId { get; set; }
    public Agency? RequestedByAgency { get; set; }
    public required string Message { get; set; }
    public DateOnly Deadline { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>
/// A file attached to a document (its signed scan, an annex) or to a progress report (the report itself, minutes). The
/// bytes are kept in the database so that a backup of the database is a backup of everything.
/// </summary>
public sealed class Attachment
{
    public int Id { get; set; }
    public int? DocumentId { get; set; }
    public PlanDocument? Document { get; set; }
    public int? ProgressId { get; set; }
    public TaskProgress? Progress { get; set; }
    public int? ReportId { get; set; }
    public Report? Report { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the content, hex, so that a copy can be checked against the original.</summary>
    public required string Sha256 { get; set; }
    public byte[] Content { get; set; } = [];
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>Why a user is told about a task.</summary>
public enum NotificationKind
{
    /// <summary>The lead agency's task falls due within the configured number of days.</summary>
    DueSoon = 1,
    /// <summary>The lead agency's task is late.</summary>
    Late = 2,
    /// <summary>A task the user's level assigned has become late.</summary>
    AssignedLate = 3,
    /// <summary>A report the user's agency owes falls due within the configured number of days.</summary>
    ReportDueSoon = 4,
    /// <summary>A report the user's agency owes is past its deadline.</summary>
    ReportLate = 5,
    /// <summary>The requesting level asked for a late report in one click on its board.</summary>
    ReportReminder = 6,
    /// <summary>The assigning level asks the lead agency to explain a late task; shown until answered.</summary>
    ExplanationRequested = 7,
    /// <summary>The lead agency answered an explanation request the user's level made.</summary>
    ExplanationAnswered = 8,
    /// <summary>A citizen's feedback to a unit the user answers for falls due within the configured number of days.</summary>
    FeedbackDueSoon = 9,
    /// <summary>A citizen's feedback to a unit the user answers for is past its deadline.</summary>
    FeedbackLate = 10,
    /// <summary>An inspection's recommendation addressed to the user's agency falls due or is late.</summary>
    RecommendationDue = 11,
}

/// <summary>
/// An in-app notice to one user about one task or one report; at most one per user, task (or report), kind and due date,
/// so that a daily sweep does not repeat itself.
/// </summary>
public sealed class Notification
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public int? TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int? ReportId { get; set; }
    public Report? Report { get; set; }
    public int? FeedbackId { get; set; }
    public Feedback? Feedback { get; set; }
    public int? RecommendationId { get; set; }
    public InspectionRecommendation? Recommendation { get; set; }
    public NotificationKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When the e-mail went out; null when SMTP is not configured, the user has no address, or sending failed.</summary>
    public DateTime? EmailedAt { get; set; }
}
