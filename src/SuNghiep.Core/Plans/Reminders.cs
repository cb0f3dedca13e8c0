using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Plans;

/// <summary>Settings of the reminder sweep (section "Reminders"; BaseUrl comes from App:BaseUrl).</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 60;
    public int DueSoonDays { get; set; } = PlanQueries.DueSoonDays;
    /// <summary>E-mails that failed are retried by later sweeps for this many days after the notice was made.</summary>
    public int EmailRetryDays { get; set; } = 3;
    /// <summary>The app's public address, for the link in e-mails; without it the link is a path.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>Outgoing mail (section "Smtp"); no Host, no e-mail.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>What a sweep did: the open tasks it read, the notices it added by kind, the e-mails it sent or failed to send.</summary>
public sealed record SweepResult(
    DateOnly Date, int OpenTasks, int DueSoon, int Late, int AssignedLate, int Emailed, int EmailFailed, int Reports = 0, int Explanations = 0,
    int Feedback = 0, int ContactsErased = 0)
{
    /// <summary>Notices added about inspection recommendations due soon or overdue.</summary>
    public int Recommendations { get; init; }

    public int Added => DueSoon + Late + AssignedLate + Explanations;
}

/// <summary>
/// Tells the lead agency's users that a task falls due soon or is late, and the assigning level that a task it gave has
/// become late; by e-mail too when SMTP is configured. Runs as the system over every open task, whatever the caller.
/// </summary>
public sealed class ReminderService(
    SuNghiepDbContext db, IOptions<RemindersOptions> options, IOptions<SmtpOptions> smtp, TimeProvider time, ILogger<ReminderService> logger,
    IOptions<Oversight.FeedbackOptions> feedbackOptions)
{
    private const int ContentLength = 120;
    // After this many failures in a row the server is taken to be down; the rest wait for the next sweep.
    private const int FailuresBeforeGivingUp = 3;

    private sealed record OpenTask(
        int Id, string Content, string DocumentNumber, int? IssuerAgencyId, int LeadAgencyId, string LeadAgencyName, int? ParentLeadAgencyId,
        DateOnly? Deadline, RecurrenceKind? RecurrenceKind, int? RecurrenceDay, int? RecurrenceMonth, TaskState State, DateOnly AssignedOn,
        DateOnly? LastProgressOn);

    private sealed record Notice(int AgencyId, int TaskId, NotificationKind Kind, DateOnly DueOn, string Message);

    private sealed record Key(string UserId, int TaskId, NotificationKind Kind, DateOnly DueOn);

    public async Task<SweepResult> SweepAsync(DateOnly today, CancellationToken ct = default)
    {
        // A sweep may be run for a past date (`sunghiep remind --date`): a task not yet assigned then is left out.
        var tasks = await db.PlanTasks.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.State != TaskState.Done && t.State != TaskState.Cancelled && t.AssignedOn <= today)
            .Select(t => new OpenTask(
                t.Id, t.Content, t.Document!.Number, t.Document.IssuerAgencyId, t.LeadAgencyId, t.LeadAgency!.Name,
                t.ParentTaskId == null ? null : (int?)t.ParentTask!.LeadAgencyId,
                t.Deadline, t.RecurrenceKind, t.RecurrenceDay, t.RecurrenceMonth, t.State, t.AssignedOn, t.LastProgressOn))
            .ToListAsync(ct);

        var notices = tasks.SelectMany(t => NoticesFor(t, today, options.Value.DueSoonDays)).ToList();
        // An explanation request stays in the lead agency's reminders until answered, whatever became of the task; a
        // user who joined the agency since the request was made is told too.
        var requests = await db.ExplanationRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Answer == null)
            .Select(r => new { r.TaskId, r.Deadline, r.Task!.LeadAgencyId, r.Task.Content, r.Task.Document!.Number })
            .ToListAsync(ct);
        notices.AddRange(requests.Select(r => new Notice(r.LeadAgencyId, r.TaskId, NotificationKind.ExplanationRequested, r.Deadline,
            ExplanationRequestedMessage(r.Content, r.Number, r.Deadline))));
        var usersByAgency = (await db.Users.AsNoTracking()
                .Where(u => u.ScopeAgencyId != null)
                .Select(u => new { u.Id, AgencyId = u.ScopeAgencyId!.Value })
                .ToListAsync(ct))
            .ToLookup(u => u.AgencyId, u => u.Id);
        var existing = (await db.Notifications.IgnoreQueryFilters().AsNoTracking()
                .Where(n => n.TaskId != null && ((n.Task!.State != TaskState.Done && n.Task.State != TaskState.Cancelled) || n.Kind == NotificationKind.ExplanationRequested))
                .Select(n => new Key(n.UserId, n.TaskId!.Value, n.Kind, n.DueOn))
                .ToListAsync(ct))
            .ToHashSet();

        var added = new Dictionary<NotificationKind, int>();
        var now = time.GetUtcNow().UtcDateTime;
        var missing = notices
            .SelectMany(n => usersByAgency[n.AgencyId].Select(userId => (Key: new Key(userId, n.TaskId, n.Kind, n.DueOn), n.Message)))
            .Where(x => !existing.Contains(x.Key))
            .DistinctBy(x => x.Key)
            .ToList();
        if (missing.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var (key, message) in missing)
            {
                var rows = await Notices.AddAsync(db, NoticeSubject.Task, key.TaskId, [key.UserId], key.Kind, key.DueOn, message, now, ct);
                added[key.Kind] = added.GetValueOrDefault(key.Kind) + rows;
            }

            await transaction.CommitAsync(ct);
        }

        var reports = await Reporting.ReportReminders.SweepAsync(db, today, options.Value.DueSoonDays, now, ct);
        var recommendations = await Oversight.RecommendationReminders.SweepAsync(db, today, options.Value.DueSoonDays, now, ct);
        var feedback = await Oversight.FeedbackReminders.SweepAsync(db, today, options.Value.DueSoonDays, now, ct);
        // Contacts kept past the retention days are erased by the same hourly sweep (Decree 13/2023, Law 91/2025/QH15).
        var erased = await new Oversight.FeedbackService(db, feedbackOptions, time).EraseExpiredContactsAsync(ct);
        var (emailed, failed) = await SendEmailsAsync(now, ct);
        return new SweepResult(today, tasks.Count, added.GetValueOrDefault(NotificationKind.DueSoon), added.GetValueOrDefault(NotificationKind.Late),
            added.GetValueOrDefault(NotificationKind.AssignedLate), emailed, failed, reports, added.GetValueOrDefault(NotificationKind.ExplanationRequested),
            feedback, erased)
        {
            Recommendations = recommendations,
        };
    }

    public static string ExplanationRequestedMessage(string content, string documentNumber, DateOnly deadline) =>
        $"Cấp giao nhiệm vụ yêu cầu giải trình nhiệm vụ \"{Short(content)}\" (văn bản {documentNumber}), hạn giải trình ngày {Date(deadline)}.";

    public static string ExplanationAnsweredMessage(string content, string documentNumber) =>
        $"Cơ quan chủ trì đã giải trình nhiệm vụ \"{Short(content)}\" (văn bản {documentNumber}).";

    // A notice names the task; the task page holds its whole text. Cut at a word, not inside one.
    private static string Short(string content) => content.Length <= ContentLength ? content
        : content[..(content.LastIndexOf(' ', ContentLength) is > 0 and var space ? space : ContentLength)].TrimEnd(',', ';', '.') + "…";

    private static IEnumerable<Notice> NoticesFor(OpenTask t, DateOnly today, int days)
    {
        var recurrence = Recurrence.Of(t.RecurrenceKind, t.RecurrenceDay, t.RecurrenceMonth);
        var content = Short(t.Content);

        // A recurring task can be late for the last period and due soon for the next: both are worth saying.
        var next = TaskRules.NextDue(t.Deadline, recurrence, today);
        if (TaskRules.IsDueSoon(t.State, next, today, days))
        {
            yield return new Notice(t.LeadAgencyId, t.Id, NotificationKind.DueSoon, next!.Value,
                $"Nhiệm vụ \"{content}\" (văn bản {t.DocumentNumber}) đến hạn ngày {Date(next.Value)}.");
        }

        if (TaskRules.MissedDue(t.State, t.Deadline, recurrence, t.AssignedOn, t.LastProgressOn, today) is not { } missed)
        {
            yield break;
        }

        yield return new Notice(t.LeadAgencyId, t.Id, NotificationKind.Late, missed,
            $"Nhiệm vụ \"{content}\" (văn bản {t.DocumentNumber}) đã quá hạn (hạn ngày {Date(missed)}).");

        // The assigning level is the document's issuing agency; a sub-task of a document with no issuer in the register
        // was assigned by the parent task's lead agency; with neither, nobody in the register assigned it and no one is
        // told. An agency that assigned a task to itself already has the Late notice.
        if ((t.IssuerAgencyId ?? t.ParentLeadAgencyId) is { } assigner && assigner != t.LeadAgencyId)
        {
            yield return new Notice(assigner, t.Id, NotificationKind.AssignedLate, missed,
                $"Nhiệm vụ do cơ quan anh/chị giao cho {t.LeadAgencyName}: \"{content}\" (văn bản {t.DocumentNumber}) đã quá hạn (hạn ngày {Date(missed)}).");
        }
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Sends the notices of the last days that have no e-mail yet. Each is claimed (EmailedAt set) before it is sent and
    /// released if sending fails, so that two sweeps never send the same notice twice.
    /// </summary>
    private async Task<(int Sent, int Failed)> SendEmailsAsync(DateTime now, CancellationToken ct)
    {
        var s = smtp.Value;
        if (string.IsNullOrWhiteSpace(s.Host))
        {
            return (0, 0);
        }

        var since = now.AddDays(-options.Value.EmailRetryDays);
        var pending = await db.Notifications.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.EmailedAt == null && n.CreatedAt >= since && n.User!.Email != null)
            .OrderBy(n => n.Id)
            .Select(n => new { n.Id, n.TaskId, n.ReportId, n.FeedbackId, n.Kind, n.Message, n.User!.Email, Number = n.Task != null ? n.Task.Document!.Number : n.Report!.Request!.Title })
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return (0, 0);
        }

        using var client = new SmtpClient(s.Host, s.Port)
        {
            EnableSsl = s.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = s.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(s.UserName))
        {
            client.Credentials = new NetworkCredential(s.UserName, s.Password);
        }

        var from = string.IsNullOrWhiteSpace(s.From) ? $"sunghiep@{s.Host}" : s.From;
        var (sent, failed, inARow) = (0, 0, 0);
        foreach (var n in pending)
        {
            var claimed = await db.Notifications.Where(x => x.Id == n.Id && x.EmailedAt == null)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.EmailedAt, now), ct);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                using var mail = Mail(from, n.Email!, n.Kind, n.Number, n.Message, Notifications.Path(n.TaskId, n.ReportId, n.FeedbackId));
                await client.SendMailAsync(mail, ct);
                (sent, inARow) = (sent + 1, 0);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reminder e-mail {NotificationId} to {Email} failed; it will be retried by a later sweep.", n.Id, n.Email);
                await db.Notifications.Where(x => x.Id == n.Id).ExecuteUpdateAsync(x => x.SetProperty(p => p.EmailedAt, (DateTime?)null), CancellationToken.None);
                (failed, inARow) = (failed + 1, inARow + 1);
                if (inARow >= FailuresBeforeGivingUp)
                {
                    failed += pending.Count - pending.IndexOf(n) - 1;
                    logger.LogWarning("SMTP server {Host}:{Port} failed {Count} times in a row; the other e-mails wait for the next sweep.", s.Host, s.Port, inARow);
                    break;
                }
            }
        }

        return (sent, failed);
    }

    private MailMessage Mail(string from, string to, NotificationKind kind, string documentNumber, string message, string path)
    {
        var subject = kind switch
        {
            NotificationKind.DueSoon => $"[SuNghiep] Nhiệm vụ sắp đến hạn ({documentNumber})",
            NotificationKind.Late => $"[SuNghiep] Nhiệm vụ quá hạn ({documentNumber})",
            NotificationKind.ReportDueSoon => "[SuNghiep] Báo cáo sắp đến hạn",
            NotificationKind.ReportLate or NotificationKind.ReportReminder => "[SuNghiep] Báo cáo quá hạn",
            NotificationKind.ExplanationRequested => $"[SuNghiep] Yêu cầu giải trình nhiệm vụ ({documentNumber})",
            NotificationKind.ExplanationAnswered => $"[SuNghiep] Cơ quan chủ trì đã giải trình ({documentNumber})",
            NotificationKind.RecommendationDue => "[SuNghiep] Kiến nghị thanh tra, kiểm tra đến hạn",
            NotificationKind.FeedbackDueSoon => "[SuNghiep] Phản ánh của người dân sắp đến hạn trả lời",
            NotificationKind.FeedbackLate => "[SuNghiep] Phản ánh của người dân quá hạn trả lời",
            _ => $"[SuNghiep] Nhiệm vụ do cơ quan anh/chị giao đã quá hạn ({documentNumber})",
        };
        var link = $"{options.Value.BaseUrl?.TrimEnd('/')}{path}";
        var body = $"""
            Kính gửi anh/chị,

            {message}

            Xem chi tiết: {link}

            Thư này được gửi tự động từ SuNghiep; xin không trả lời thư này.
            """;
        return new MailMessage(new MailAddress(from), new MailAddress(to))
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
    }
}
