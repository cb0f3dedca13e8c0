using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Plans;

public sealed record DocumentInput(
    string? Type, string? Number, string? Issuer, DateOnly? IssuedOn, string? Title, string? Signer, IReadOnlyList<int> ParentIds, string? Notes,
    int? IssuerAgencyId = null);

public sealed record TargetInput(
    string? IndicatorCode, string? Text, string? AreaCode, int? AgencyId, DateOnly? BaselineFrom, DateOnly? BaselineTo,
    string? Direction, decimal? Value, string? ValueUnit, DateOnly? Deadline);

public sealed record RecurrenceInput(string? Kind, int? Day, int? Month);

public sealed record TaskInput(
    string? Content, string? Section, int? LeadAgencyId, IReadOnlyList<int> CoordinatingAgencyIds, DateOnly? Deadline,
    RecurrenceInput? Recurrence, string? ExpectedOutput, string? Status, int? ParentTaskId, DateOnly? AssignedOn);

public sealed record ProgressInput(DateOnly? Date, string? Text, int? Percent, string? Reason = null);

public sealed record ExplanationRequestInput(DateOnly? Deadline, string? Message);

public sealed record DocumentSummary(int Id, string Type, string TypeName, string Number, string Issuer, DateOnly IssuedOn, string Title, IReadOnlyList<int> ParentIds);

public sealed record TargetView(
    int Id, string? IndicatorCode, string Text, string? AreaCode, int? AgencyId, DateOnly? BaselineFrom, DateOnly? BaselineTo,
    string? Direction, decimal? Value, string? ValueUnit, DateOnly? Deadline);

public sealed record RecurrenceView(string Kind, int Day, int Month);

public sealed record TaskView(
    int Id, int DocumentId, string DocumentNumber, string? Section, string Content, int LeadAgencyId, string LeadAgencyName,
    IReadOnlyList<int> CoordinatingAgencyIds, DateOnly? Deadline, RecurrenceView? Recurrence, DateOnly? NextDue,
    string? ExpectedOutput, string Status, bool Late, bool DueSoon, int? Percent, DateOnly? LastProgressOn, int? ParentTaskId, DateOnly AssignedOn,
    string? LeadAgencyNow = null, DateOnly? CompletedOn = null, Elapsed? CompletedLateBy = null, IReadOnlyList<DateOnly>? MissedPeriods = null,
    IReadOnlyList<ExplanationRequestView>? ExplanationRequests = null);

/// <summary>A request to explain a late task, and its answer once given; Open until answered.</summary>
public sealed record ExplanationRequestView(
    int Id, int TaskId, int? RequestedByAgencyId, string? RequestedByAgencyName, string Message, DateOnly Deadline, string RequestedBy,
    DateTime RequestedAt, string? Answer, string? AnsweredBy, DateTime? AnsweredAt)
{
    public bool Open => Answer is null;
}

public sealed record DocumentView(
    int Id, string Type, string TypeName, string Number, string Issuer, int? IssuerAgencyId, DateOnly IssuedOn, string Title, string? Signer, string? Notes,
    IReadOnlyList<int> ParentIds, IReadOnlyList<int> ChildIds, IReadOnlyList<TargetView> Targets, IReadOnlyList<TaskView> Tasks,
    IReadOnlyList<AttachmentView> Attachments);

public sealed record ProgressView(int Id, int TaskId, DateOnly Date, string Text, int Percent, string ReportedBy, string? Reason = null);

/// <summary>A write's outcome; Forbidden, with the reason, when the row is visible but the write is not the caller's.</summary>
public sealed record PlanResult<T>(T? Value, IReadOnlyList<RuleViolation> Errors, bool NotFound = false, string? Forbidden = null) where T : class;

/// <summary>Names and codes of the plan catalogues.</summary>
public static class PlanCatalog
{
    public static readonly IReadOnlyList<(DocumentType Type, string Code, string Name)> DocumentTypes =
    [
        (DocumentType.Resolution, "resolution", "Nghị quyết"),
        (DocumentType.Conclusion, "conclusion", "Kết luận"),
        (DocumentType.ActionProgramme, "action-programme", "Chương trình hành động"),
        (DocumentType.Plan, "plan", "Kế hoạch"),
        (DocumentType.Decision, "decision", "Quyết định"),
        (DocumentType.OfficialLetter, "official-letter", "Công văn"),
        (DocumentType.Report, "report", "Báo cáo"),
    ];

    /// <summary>The indicators of domain 11 that a target may name.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Indicators =
    [
        ("units.count", "Số đơn vị sự nghiệp công lập"),
        ("staff.budget", "Biên chế hưởng lương từ ngân sách nhà nước"),
        ("autonomy.selffinancing.share", "Tỷ lệ đơn vị tự bảo đảm chi thường xuyên"),
        ("autonomy.any.share", "Tỷ lệ đơn vị tự chủ tài chính"),
        ("conversion.share", "Tỷ lệ đơn vị đủ điều kiện đã chuyển thành công ty cổ phần"),
        ("budget.direct.avg", "Chi trực tiếp từ ngân sách nhà nước cho đơn vị (bình quân năm)"),
        ("roles.other.share", "Tỷ lệ đơn vị ngoài ba loại phải giữ lại"),
        ("autonomy.plan.share", "Tỷ lệ đơn vị có phương án tự chủ được phê duyệt"),
    ];

    public static readonly IReadOnlyList<string> Directions = ["decrease", "increase", "at-least", "at-most"];

    public static DocumentType? ParseType(string? value) =>
        DocumentTypes.Where(t => string.Equals(t.Code, value?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(Text.VietnameseText.Fold(t.Name), Text.VietnameseText.Fold(value), StringComparison.Ordinal))
            .Select(t => (DocumentType?)t.Type).FirstOrDefault();

    public static string TypeCode(DocumentType type) => DocumentTypes.First(t => t.Type == type).Code;

    public static string TypeName(DocumentType type) => DocumentTypes.First(t => t.Type == type).Name;

    public static RecurrenceKind? ParseRecurrence(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "monthly" => RecurrenceKind.Monthly,
        "quarterly" => RecurrenceKind.Quarterly,
        "half-yearly" or "halfyearly" => RecurrenceKind.HalfYearly,
        "yearly" => RecurrenceKind.Yearly,
        _ => null,
    };

    public static string RecurrenceCode(RecurrenceKind kind) => kind switch
    {
        RecurrenceKind.Monthly => "monthly",
        RecurrenceKind.Quarterly => "quarterly",
        RecurrenceKind.HalfYearly => "half-yearly",
        _ => "yearly",
    };

    public static TaskState? ParseState(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "not_started" => TaskState.NotStarted,
        "in_progress" => TaskState.InProgress,
        "done" => TaskState.Done,
        "cancelled" => TaskState.Cancelled,
        _ => null,
    };
}
