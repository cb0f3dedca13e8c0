using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Oversight;

/// <summary>Settings of citizens' feedback (section "Feedback").</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>
    /// Days the unit or its managing agency has to answer. No rule found sets a term for feedback on a public unit's
    /// services; 15 days is the default, as the Law on Complaints gives for accepting a complaint and answering it in the simplest case.
    /// </summary>
    public int AnswerDays { get; set; } = 15;
    /// <summary>Days a consented contact is kept after the feedback was received; then the sweep erases it.</summary>
    public int ContactRetentionDays { get; set; } = 90;
    /// <summary>Feedback accepted per client address and hour with a valid proof of work (the form with JavaScript, or an API client).</summary>
    public int PerAddressPerHour { get; set; } = 5;
    /// <summary>Feedback accepted per client address and hour without a proof (the form without JavaScript).</summary>
    public int WithoutProofPerAddressPerHour { get; set; } = 2;
    /// <summary>
    /// Leading zero bits of SHA-256(challenge ":" nonce) a proof needs: 13 takes about 8,000 hashes, some 40 ms on a
    /// desktop and 100-200 ms on a phone with the page's script.
    /// </summary>
    public int ProofBits { get; set; } = 13;
    public int ChallengeMinutes { get; set; } = 30;
}

public sealed record FeedbackInput(string? Topic, string? Text, string? Contact, bool Consent);

/// <summary>What a citizen gets back: the number, and the withdrawal secret when a contact was kept (shown once, never stored).</summary>
public sealed record FeedbackReceipt(int Id, string? WithdrawToken);

public sealed record FeedbackView(
    int Id, int UnitId, string UnitCode, string UnitName, string ManagingAgency, string Topic, string Text, string Status, DateTime ReceivedAt,
    DateOnly DueOn, bool Overdue, bool HasContact, string? Contact, string? ContactErasedReason, string? ReplyText, DateTime? RepliedAt,
    string? RepliedBy, string? PublicText, DateTime? PublishedAt, string? RejectedReason, bool MayReply, bool MayModerate);

public sealed record FeedbackResult(FeedbackView? Value, IReadOnlyList<RuleViolation> Errors, bool NotFound = false, string? Forbidden = null);

/// <summary>
/// Citizens' feedback on a unit: received from its public page, answered by the unit or its managing agency, published
/// (without personal data) or rejected by the agency. The contact is kept only with consent and erased on withdrawal or
/// after the retention days; the question stays.
/// </summary>
public sealed partial class FeedbackService(SuNghiepDbContext db, IOptions<FeedbackOptions> options, TimeProvider time)
{
    public const int TopicMax = 100;
    public const int TextMin = 10;
    public const int TextMax = 4000;
    public const int ContactMax = 256;

    public static readonly IReadOnlyList<string> Topics =
    [
        "Chất lượng dịch vụ",
        "Thái độ phục vụ",
        "Giá, phí dịch vụ",
        "Cơ sở vật chất",
        "Thủ tục, thời gian chờ",
        "Khác",
    ];

    public static readonly IReadOnlyList<string> Statuses = ["new", "answered", "published", "rejected"];

    public static string StatusCode(FeedbackStatus status) => status switch
    {
        FeedbackStatus.New => "new",
        FeedbackStatus.Answered => "answered",
        FeedbackStatus.Published => "published",
        FeedbackStatus.Rejected => "rejected",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static FeedbackStatus? ParseStatus(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "new" => FeedbackStatus.New,
        "answered" => FeedbackStatus.Answered,
        "published" => FeedbackStatus.Published,
        "rejected" => FeedbackStatus.Rejected,
        _ => null,
    };

    public static string StatusName(string code) => code switch
    {
        "new" => "Chưa trả lời",
        "answered" => "Đã trả lời",
        "published" => "Đã công khai",
        "rejected" => "Không công khai",
        _ => code,
    };

    /// <summary>Checks a citizen's feedback; each problem is keyed by its API field.</summary>
    public static IReadOnlyList<RuleViolation> Validate(FeedbackInput input)
    {
        var errors = new List<RuleViolation>();
        var topic = input.Topic?.Trim() ?? "";
        if (topic.Length == 0)
        {
            errors.Add(new("topic", "Vui lòng chọn hoặc nhập chủ đề."));
        }
        else if (topic.Length > TopicMax)
        {
            errors.Add(new("topic", $"Chủ đề tối đa {TopicMax} ký tự."));
        }

        var text = input.Text?.Trim() ?? "";
        if (text.Length < TextMin)
        {
            errors.Add(new("text", $"Nội dung phản ánh cần ít nhất {TextMin} ký tự."));
        }
        else if (text.Length > TextMax)
        {
            errors.Add(new("text", $"Nội dung phản ánh tối đa {TextMax} ký tự."));
        }

        if (input.Contact?.Trim() is { Length: > 0 } contact)
        {
            if (!input.Consent)
            {
                errors.Add(new("consent", "Chỉ lưu thông tin liên hệ khi bạn đồng ý cho xử lý dữ liệu cá nhân; đánh dấu ô đồng ý hoặc để trống thông tin liên hệ."));
            }

            if (contact.Length > ContactMax || !(Email().IsMatch(contact) || Phone().IsMatch(contact)))
            {
                errors.Add(new("contact", "Thông tin liên hệ phải là một địa chỉ email hoặc một số điện thoại."));
            }
        }

        TextChecks.Check(errors, ("topic", "Chủ đề", input.Topic, false), ("text", "Nội dung phản ánh", input.Text, true),
            ("contact", "Thông tin liên hệ", input.Contact, false));
        return errors.DistinctBy(e => e.Field).ToList();
    }

    /// <summary>Stores a citizen's feedback for a unit; null when the code names no unit (or a voided one).</summary>
    public async Task<(FeedbackReceipt? Receipt, IReadOnlyList<RuleViolation> Errors, bool NotFound)> SubmitAsync(
        string code, FeedbackInput input, CancellationToken ct = default)
    {
        var unitId = await UnitIdAsync(code, ct);
        if (unitId is null)
        {
            return (null, [], true);
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return (null, errors, false);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var contact = input.Contact?.Trim() is { Length: > 0 } c ? c : null;
        string? token = null;
        var feedback = new Feedback
        {
            UnitId = unitId.Value,
            Topic = input.Topic!.Trim(),
            Text = input.Text!.Trim(),
            Status = FeedbackStatus.New,
            ReceivedAt = now,
            DueOn = VietnamTime.Today(time).AddDays(Math.Max(1, options.Value.AnswerDays)),
        };
        if (contact is not null)
        {
            token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            feedback.Contact = contact;
            feedback.Consent = true;
            feedback.ConsentAt = now;
            feedback.WithdrawTokenHash = Hash(token);
        }

        db.Feedback.Add(feedback);
        await db.SaveChangesAsync(ct);
        return (new FeedbackReceipt(feedback.Id, token), [], false);
    }

    /// <summary>A unit that takes feedback: known by its code and not voided (an ended unit's page still takes it, for its successor to answer).</summary>
    public Task<int?> UnitIdAsync(string code, CancellationToken ct) =>
        db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Code == code.Trim() && !u.Voided).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// <summary>The feedback a withdrawal link names, if it still holds a contact: the unit's name and when it was sent.</summary>
    public async Task<(string UnitName, DateTime ReceivedAt)?> FindByTokenAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var row = await db.Feedback.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.WithdrawTokenHash == hash && f.Contact != null)
            .Select(f => new { f.Unit!.Name, f.ReceivedAt })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Name, row.ReceivedAt);
    }

    /// <summary>Erases the contact that a withdrawal link names, at once; the question stays. False when nothing was left to erase.</summary>
    public async Task<bool> WithdrawAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        var hash = Hash(token);
        var feedback = await db.Feedback.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.WithdrawTokenHash == hash && f.Contact != null, ct);
        if (feedback is null)
        {
            return false;
        }

        Erase(feedback, "withdrawn", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Erases every contact kept longer than the retention days; returns how many. Runs as the system in the reminder sweep.</summary>
    public async Task<int> EraseExpiredContactsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var before = now.AddDays(-Math.Max(0, options.Value.ContactRetentionDays));
        var expired = await db.Feedback.IgnoreQueryFilters().Where(f => f.Contact != null && f.ReceivedAt < before).ToListAsync(ct);
        foreach (var feedback in expired)
        {
            Erase(feedback, "retention", now);
        }

        if (expired.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return expired.Count;
    }

    private static void Erase(Feedback feedback, string reason, DateTime now)
    {
        feedback.Contact = null;
        feedback.Consent = false;
        feedback.WithdrawTokenHash = null;
        feedback.ContactErasedAt = now;
        feedback.ErasedReason = reason;
    }

    /// <summary>
    /// Feedback in the caller's scope (the query filter), newest first, by status and search; the contact only on the
    /// rows the caller may answer.
    /// </summary>
    public async Task<(IReadOnlyList<FeedbackView> Items, int Total)> ListAsync(
        FeedbackStatus? status, string? search, bool overdueOnly, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Feedback.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(f => f.Status == s);
        }

        var today = VietnamTime.Today(time);
        if (overdueOnly)
        {
            query = query.Where(f => f.Status == FeedbackStatus.New && f.DueOn < today);
        }

        foreach (var word in VietnameseText.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            query = query.Where(f => f.Unit!.SearchText.Contains(word));
        }

        var total = await query.CountAsync(ct);
        var rows = await Project(query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return (rows.Select(r => View(r, today)).ToList(), total);
    }

    public async Task<FeedbackView?> GetAsync(int id, CancellationToken ct) =>
        await Project(db.Feedback.AsNoTracking().Where(f => f.Id == id)).FirstOrDefaultAsync(ct) is { } row ? View(row, VietnamTime.Today(time)) : null;

    /// <summary>The answer, by the unit's officers or an agency role that acts for its managing agency; it can be corrected until published.</summary>
    public Task<FeedbackResult> ReplyAsync(int id, string? text, CancellationToken ct) =>
        WriteAsync(id, moderate: false, f =>
        {
            var reply = text?.Trim() ?? "";
            if (reply.Length < 2 || reply.Length > TextMax)
            {
                return [new("text", $"Nội dung trả lời từ 2 đến {TextMax} ký tự.")];
            }

            if (f.Status is FeedbackStatus.Published or FeedbackStatus.Rejected)
            {
                return [new("text", "Phản ánh đã được công khai hoặc đã từ chối công khai; không sửa câu trả lời được nữa.")];
            }

            f.ReplyText = reply;
            f.RepliedAt = time.GetUtcNow().UtcDateTime;
            f.RepliedBy = db.Actor.Name;
            f.Status = FeedbackStatus.Answered;
            return [];
        }, ct);

    /// <summary>Publishes an answered feedback on the unit's public page, with the question as the moderator wrote it (no personal data).</summary>
    public Task<FeedbackResult> PublishAsync(int id, string? publicText, CancellationToken ct) =>
        WriteAsync(id, moderate: true, f =>
        {
            if (f.Status != FeedbackStatus.Answered)
            {
                return [new("status", f.Status == FeedbackStatus.New
                    ? "Chỉ công khai được phản ánh đã có câu trả lời."
                    : "Phản ánh đã được công khai hoặc đã từ chối công khai.")];
            }

            var text = string.IsNullOrWhiteSpace(publicText) ? f.Text : publicText.Trim();
            if (text.Length < TextMin || text.Length > TextMax)
            {
                return [new("publicText", $"Nội dung công khai từ {TextMin} đến {TextMax} ký tự.")];
            }

            f.PublicText = text;
            f.PublishedAt = time.GetUtcNow().UtcDateTime;
            f.PublishedBy = db.Actor.Name;
            f.Status = FeedbackStatus.Published;
            return [];
        }, ct);

    /// <summary>Refuses to publish (abuse, not about the unit), with the reason; kept, never shown to the public.</summary>
    public Task<FeedbackResult> RejectAsync(int id, string? reason, CancellationToken ct) =>
        WriteAsync(id, moderate: true, f =>
        {
            var why = reason?.Trim() ?? "";
            if (why.Length < 2 || why.Length > 1000)
            {
                return [new("reason", "Lý do không công khai từ 2 đến 1.000 ký tự.")];
            }

            if (f.Status is FeedbackStatus.Published or FeedbackStatus.Rejected)
            {
                return [new("reason", "Phản ánh đã được công khai hoặc đã từ chối công khai.")];
            }

            f.RejectedReason = why;
            f.Status = FeedbackStatus.Rejected;
            return [];
        }, ct);

    private async Task<FeedbackResult> WriteAsync(int id, bool moderate, Func<Feedback, List<RuleViolation>> apply, CancellationToken ct)
    {
        // The query filter decides what exists for the caller: out of scope is not found.
        var feedback = await db.Feedback.Include(f => f.Unit).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feedback is null)
        {
            return new(null, [], NotFound: true);
        }

        var place = await PlaceAsync(feedback.Unit!.ManagingAgencyId, ct);
        var allowed = moderate ? MayModerate(db.Scope, place) : MayReply(db.Scope, feedback.UnitId, place);
        if (!allowed)
        {
            return new(null, [], Forbidden: moderate
                ? "Chỉ cơ quan quản lý đơn vị, Sở Nội vụ hoặc quản trị hệ thống mới công khai hoặc từ chối công khai phản ánh."
                : "Chỉ cán bộ của đơn vị hoặc cơ quan quản lý đơn vị mới trả lời phản ánh.");
        }

        var errors = apply(feedback);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        await db.SaveChangesAsync(ct);
        return new(await GetAsync(id, ct), []);
    }

    /// <summary>Who answers: the unit's own officers, or an agency role that acts for its managing agency. Viewers never.</summary>
    public static bool MayReply(CallerScope scope, int unitId, AgencyPlace? managingAgency) =>
        (scope.Role == Roles.UnitOfficer && scope.UnitId == unitId) || Permissions.MayActFor(scope, managingAgency);

    /// <summary>Who publishes or rejects: agency roles (Home Affairs, the agency's officers, the administrator) whose scope reaches the managing agency.</summary>
    public static bool MayModerate(CallerScope scope, AgencyPlace? managingAgency) => Permissions.MayActFor(scope, managingAgency);

    private Task<AgencyPlace?> PlaceAsync(int agencyId, CancellationToken ct) =>
        db.Agencies.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new AgencyPlace(a.LineagePath, a.Area != null ? a.Area.LineagePath : null)).FirstOrDefaultAsync(ct);

    private sealed record Row(
        int Id, int UnitId, string UnitCode, string UnitName, string ManagingAgency, string AgencyPath, string? AgencyAreaPath, string Topic,
        string Text, FeedbackStatus Status, DateTime ReceivedAt, DateOnly DueOn, string? Contact, string? ErasedReason, string? ReplyText,
        DateTime? RepliedAt, string? RepliedBy, string? PublicText, DateTime? PublishedAt, string? RejectedReason);

    private static IQueryable<Row> Project(IQueryable<Feedback> query) =>
        query.Select(f => new Row(
            f.Id, f.UnitId, f.Unit!.Code, f.Unit.Name, f.Unit.ManagingAgency!.Name, f.Unit.ManagingAgency.LineagePath,
            f.Unit.ManagingAgency.Area != null ? f.Unit.ManagingAgency.Area.LineagePath : null, f.Topic, f.Text, f.Status, f.ReceivedAt,
            f.DueOn, f.Contact, f.ErasedReason, f.ReplyText, f.RepliedAt, f.RepliedBy, f.PublicText, f.PublishedAt, f.RejectedReason));

    private FeedbackView View(Row r, DateOnly today)
    {
        var place = new AgencyPlace(r.AgencyPath, r.AgencyAreaPath);
        var mayReply = MayReply(db.Scope, r.UnitId, place);
        return new FeedbackView(
            r.Id, r.UnitId, r.UnitCode, r.UnitName, r.ManagingAgency, r.Topic, r.Text, StatusCode(r.Status), r.ReceivedAt, r.DueOn,
            r.Status == FeedbackStatus.New && r.DueOn < today, r.Contact is not null,
            // The contact is for whoever answers, and for nobody else (a viewer, an auditor, another unit).
            mayReply ? r.Contact : null, r.ErasedReason, r.ReplyText, r.RepliedAt, r.RepliedBy, r.PublicText, r.PublishedAt, r.RejectedReason,
            mayReply, MayModerate(db.Scope, place));
    }

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9][0-9 .\-]{7,18}[0-9]$")]
    private static partial Regex Phone();
}
