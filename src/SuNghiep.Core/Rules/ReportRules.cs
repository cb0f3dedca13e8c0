using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Rules;

/// <summary>What may be done to a report in each status, and how late it is (Decree 09/2019, Art. 12: the deadline is a date).</summary>
public static class ReportRules
{
    public static string StatusCode(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "draft",
        ReportStatus.Submitted => "submitted",
        ReportStatus.Returned => "returned",
        _ => "accepted",
    };

    public static string StatusName(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "Đang soạn",
        ReportStatus.Submitted => "Đã gửi",
        ReportStatus.Returned => "Bị trả lại",
        _ => "Đã tiếp nhận",
    };

    public static ReportStatus? ParseStatus(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "draft" => ReportStatus.Draft,
        "submitted" => ReportStatus.Submitted,
        "returned" => ReportStatus.Returned,
        "accepted" => ReportStatus.Accepted,
        _ => null,
    };

    /// <summary>The reporter writes while the report is with it: a draft, or a report returned to it.</summary>
    public static bool IsWithReporter(ReportStatus status) => status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>The upper level returns or accepts only what was submitted to it.</summary>
    public static bool IsWithRequester(ReportStatus status) => status == ReportStatus.Submitted;

    /// <summary>
    /// Days past the deadline: for a report still with its reporter, counted to today; for one submitted, to the day it
    /// was submitted (a late submission stays late). Zero when on time or not yet due.
    /// </summary>
    public static int DaysLate(ReportStatus status, DateOnly deadline, DateOnly? submittedOn, DateOnly today)
    {
        var end = IsWithReporter(status) && submittedOn is null ? today
            : status == ReportStatus.Returned ? today
            : submittedOn ?? today;
        return Math.Max(0, end.DayNumber - deadline.DayNumber);
    }
}
