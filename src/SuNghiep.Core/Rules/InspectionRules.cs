namespace SuNghiep.Core.Rules;

/// <summary>Where a recommendation stands on a date; the order of the words is the order in which they win.</summary>
public enum RecommendationStatus
{
    Open = 1,
    Partial = 2,
    Done = 3,
    Overdue = 4,
    Disputed = 5,
}

/// <summary>A follow-up report as the status reads it.</summary>
public sealed record FollowUpFact(DateOnly Date, bool Done, decimal? AmountRecovered, int Order = 0);

/// <summary>One of the law's deadlines: the last day, the day it was done (if it was), and whether that was in time.</summary>
public sealed record LawDeadline(DateOnly? By, DateOnly? DoneOn, bool? Met, bool Late);

/// <summary>The law's three deadlines of an inspection's end: draft assigned, conclusion signed, directive issued.</summary>
public sealed record InspectionDeadlines(LawDeadline DraftAssign, LawDeadline Sign, LawDeadline Directive);

/// <summary>
/// Deadlines of the Law on Inspection 84/2025/QH15 (in force 1/7/2025) and the status of a conclusion's recommendations.
/// Days are counted as the Civil Code 2015 counts them (Art. 147-148): the day of the event is not counted, and a term in
/// calendar days that ends on a weekend or public holiday ends on the next working day.
/// </summary>
public static class InspectionRules
{
    /// <summary>Art. 34(1): drafting the conclusion is assigned within 5 working days of receiving the results report.</summary>
    public const int DraftAssignWorkingDays = 5;

    /// <summary>Art. 36(1): the conclusion is signed within 15 days (calendar days: the law says "ngày", not "ngày làm việc")
    /// of receiving the draft; up to 30 for a draft of the Government Inspectorate.</summary>
    public const int SignDays = 15;
    public const int SignDaysGovernmentInspectorate = 30;

    /// <summary>Art. 53(1)(a)-(b): the managing head's directive within 15 days of receiving the conclusion, 30 for the
    /// Government Inspectorate's. Art. 52(1) sends the recommendation letter with the conclusion, so the conclusion's date
    /// stands for its receipt.</summary>
    public const int DirectiveDays = 15;
    public const int DirectiveDaysGovernmentInspectorate = 30;

    /// <summary>Decree 43/2023/NĐ-CP Art. 3: a conclusion stays on the portal for at least 15 days.</summary>
    public const int PublicationDays = 15;

    /// <summary>The last day to assign the draft: the fifth working day after the results report.</summary>
    public static DateOnly DraftAssignBy(DateOnly resultsReportOn) => ReportingPeriods.AddWorkingDays(resultsReportOn, DraftAssignWorkingDays);

    /// <summary>The last day to sign the conclusion, counted from the day the decider received the draft.</summary>
    public static DateOnly SignBy(DateOnly draftOn, bool governmentInspectorate) =>
        CalendarTerm(draftOn, governmentInspectorate ? SignDaysGovernmentInspectorate : SignDays);

    /// <summary>The last day for the managing head's directive, counted from the conclusion.</summary>
    public static DateOnly DirectiveBy(DateOnly conclusionOn, bool governmentInspectorate) =>
        CalendarTerm(conclusionOn, governmentInspectorate ? DirectiveDaysGovernmentInspectorate : DirectiveDays);

    /// <summary>Civil Code Art. 147-148: the term ends at the end of its last day, or of the next working day when that is a day off.</summary>
    public static DateOnly CalendarTerm(DateOnly from, int days) => ReportingPeriods.NextWorkingDay(from.AddDays(days));

    /// <summary>Whether a body named so is the Government Inspectorate (Thanh tra Chính phủ), whose terms are longer.</summary>
    public static bool IsGovernmentInspectorate(string? body) =>
        body is not null && Text.VietnameseText.Fold(body).Trim() is "thanh tra chinh phu" or "ttcp";

    /// <summary>
    /// The three deadlines as they stand on a date: met when done by the last day, late when done after it or not done
    /// and the date is past it; a deadline whose starting event is not recorded has no day.
    /// </summary>
    public static InspectionDeadlines Deadlines(
        DateOnly? resultsReportOn, DateOnly? draftAssignedOn, DateOnly? draftReceivedOn, DateOnly? conclusionOn, DateOnly? directiveOn,
        bool governmentInspectorate, DateOnly today)
    {
        var draftBy = resultsReportOn is { } report ? DraftAssignBy(report) : (DateOnly?)null;
        var signBy = draftReceivedOn is { } received ? SignBy(received, governmentInspectorate) : (DateOnly?)null;
        var directiveBy = conclusionOn is { } concluded ? DirectiveBy(concluded, governmentInspectorate) : (DateOnly?)null;
        return new InspectionDeadlines(Judge(draftBy, draftAssignedOn, today), Judge(signBy, conclusionOn, today), Judge(directiveBy, directiveOn, today));
    }

    private static LawDeadline Judge(DateOnly? by, DateOnly? doneOn, DateOnly today) => by is not { } last
        ? new LawDeadline(null, doneOn, null, false)
        : doneOn is { } done
            ? new LawDeadline(last, done, done <= last, done > last)
            : new LawDeadline(last, null, null, today > last);

    /// <summary>
    /// A recommendation's status on a date, from the follow-ups reported by then. In this order: done when the last
    /// follow-up says done; disputed while the addressee disputes it; overdue when the date is after the deadline (the
    /// deadline itself is still in time); partial when something was reported or recovered; else open.
    /// </summary>
    public static RecommendationStatus StatusOn(DateOnly deadline, bool disputed, IEnumerable<FollowUpFact> followUps, DateOnly date)
    {
        var known = followUps.Where(f => f.Date <= date).OrderBy(f => f.Date).ThenBy(f => f.Order).ToList();
        return StatusOf(deadline, disputed, known.Count > 0 && known[^1].Done, known.Count > 0, date);
    }

    /// <summary>
    /// The same from what a query reads: whether the last report by the date says done, and whether any report exists by
    /// then (money recovered is reported by a follow-up, so it counts as a report).
    /// </summary>
    public static RecommendationStatus StatusOf(DateOnly deadline, bool disputed, bool lastDone, bool reported, DateOnly date) =>
        lastDone ? RecommendationStatus.Done
        : disputed ? RecommendationStatus.Disputed
        : date > deadline ? RecommendationStatus.Overdue
        : reported ? RecommendationStatus.Partial
        : RecommendationStatus.Open;

    public static string Code(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Open => "open",
        RecommendationStatus.Partial => "partial",
        RecommendationStatus.Done => "done",
        RecommendationStatus.Overdue => "overdue",
        _ => "disputed",
    };

    public static string Name(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Open => "Chưa thực hiện",
        RecommendationStatus.Partial => "Đang thực hiện",
        RecommendationStatus.Done => "Đã hoàn thành",
        RecommendationStatus.Overdue => "Quá hạn",
        _ => "Đang khiếu nại, kiến nghị",
    };

    public static RecommendationStatus? ParseStatus(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "open" => RecommendationStatus.Open,
        "partial" => RecommendationStatus.Partial,
        "done" => RecommendationStatus.Done,
        "overdue" => RecommendationStatus.Overdue,
        "disputed" => RecommendationStatus.Disputed,
        _ => null,
    };
}
