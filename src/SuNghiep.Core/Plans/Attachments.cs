using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Plans;

/// <summary>A file as received, before any check: its name as the client sent it, its length, and a way to read it.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open);

public sealed record AttachmentView(
    int Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAt, string Url);

/// <summary>The bytes of an attachment for download.</summary>
public sealed record AttachmentContent(string FileName, string ContentType, byte[] Content);

/// <summary>What an upload is checked against; the file checks are pure functions so that they are tested as a table.</summary>
public static class AttachmentChecks
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;
    public const long DefaultMaxRequestBytes = 50 * 1024 * 1024;
    public const long DefaultAgencyQuotaBytes = 2L * 1024 * 1024 * 1024;
    public const int MaxFiles = 10;
    public const int MaxNameLength = 255;
    public const string Field = "files";

    /// <summary>What pages accept in one request: the most files at the default size each, and the form around them.</summary>
    public const long PageRequestLimit = MaxFiles * DefaultMaxBytes + 1024 * 1024;

    public static long RequestLimit(long perFile) => MaxFiles * perFile + 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0];

    /// <summary>Allowed extensions with the content type served for them (the client's own type is not trusted).</summary>
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pdf"] = "application/pdf",
        ["doc"] = "application/msword",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xls"] = "application/vnd.ms-excel",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["odt"] = "application/vnd.oasis.opendocument.text",
        ["ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        ["txt"] = "text/plain; charset=utf-8",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["png"] = "image/png",
        ["zip"] = "application/zip",
    };

    public static string AllowedList => string.Join(", ", ContentTypes.Keys);

    /// <summary>
    /// The name without any folder, control or invisible formatting characters (a right-to-left override can make
    /// "gpj.exe" read as "exe.jpg"), in composed Unicode, at most 255 characters with its extension kept; null when
    /// nothing usable is left.
    /// </summary>
    public static string? SanitizeName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        var bare = lastSeparator >= 0 ? name[(lastSeparator + 1)..] : name;
        var kept = new StringBuilder(bare.Length);
        foreach (var c in bare.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category == UnicodeCategory.Format)
            {
                continue;
            }

            kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        // Windows drops trailing dots and spaces, so "a.pdf." and "a.pdf " would be saved as another name than shown.
        var clean = kept.ToString().Trim().TrimEnd('.', ' ');
        if (clean.Length == 0 || clean.All(c => c == '.'))
        {
            return null;
        }

        if (clean.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length is > 1 and <= 10 ? extension : "";
            var stem = clean[..(MaxNameLength - extension.Length)];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }

            clean = stem.TrimEnd() + extension;
        }

        return clean;
    }

    /// <summary>The extension in lower case without its dot ("" when there is none).</summary>
    public static string Extension(string name)
    {
        var extension = Path.GetExtension(name);
        return extension.Length > 1 ? extension[1..].ToLowerInvariant() : "";
    }

    public static bool IsAllowed(string extension) => ContentTypes.ContainsKey(extension);

    /// <summary>Whether the first bytes are those of the format the extension names; text must not be binary.</summary>
    public static bool MatchesSignature(string extension, ReadOnlySpan<byte> content) => extension switch
    {
        "pdf" => content.StartsWith(Pdf),
        "docx" or "xlsx" or "odt" or "ods" or "zip" => content.StartsWith(Zip),
        "png" => content.StartsWith(Png),
        "jpg" or "jpeg" => content.StartsWith(Jpeg),
        "doc" or "xls" => content.StartsWith(Ole),
        "txt" => IsText(content),
        _ => false,
    };

    // UTF-16 text carries a byte order mark; any other text file with a NUL byte is a binary under a .txt name.
    private static bool IsText(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || !content[..Math.Min(content.Length, 8192)].Contains((byte)0);

    /// <summary>"1,2 MB", "340 KB", "12 byte": sizes as Vietnamese write them.</summary>
    public static string Size(long bytes)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        return bytes switch
        {
            < 1024 => bytes.ToString("N0", vi) + " byte",
            < 1024 * 1024 => Math.Round(bytes / 1024m, 1).ToString("#,##0.#", vi) + " KB",
            _ => Math.Round(bytes / (1024m * 1024m), 1).ToString("#,##0.#", vi) + " MB",
        };
    }
}

/// <summary>
/// Files attached to documents (the signed scan, annexes) and to progress reports. A progress attachment is seen only
/// by those who see its task (the task's query filter); document attachments are public acts like their documents.
/// </summary>
public sealed class AttachmentService(SuNghiepDbContext db, PlanService plans, TimeProvider time, IConfiguration config)
{
    public long MaxBytes => config.GetValue("Attachments:MaxBytes", AttachmentChecks.DefaultMaxBytes);

    /// <summary>All the files of one upload together.</summary>
    public long MaxRequestBytes => config.GetValue("Attachments:MaxRequestBytes", AttachmentChecks.DefaultMaxRequestBytes);

    /// <summary>All the files an agency keeps: its documents', its tasks' progress reports' and its periodic reports'.</summary>
    public long AgencyQuotaBytes => config.GetValue("Attachments:AgencyQuotaBytes", AttachmentChecks.DefaultAgencyQuotaBytes);

    public static string Url(int id) => $"/api/v1/attachments/{id}";

    /// <summary>The attachments of a document, or null when there is no such document.</summary>
    public async Task<IReadOnlyList<AttachmentView>?> ForDocumentAsync(int documentId, CancellationToken ct = default) =>
        await db.Documents.AnyAsync(d => d.Id == documentId, ct)
            ? await ViewsAsync(db.Attachments.Where(a => a.DocumentId == documentId), ct)
            : null;

    /// <summary>The attachments of a progress report, or null when the report is unknown or its task out of scope.</summary>
    public async Task<IReadOnlyList<AttachmentView>?> ForProgressAsync(int taskId, int progressId, CancellationToken ct = default) =>
        await VisibleProgressAsync(taskId, progressId, ct)
            ? await ViewsAsync(db.Attachments.Where(a => a.ProgressId == progressId), ct)
            : null;

    /// <summary>The attachments of the reports of one task, by report; empty when the task is out of scope.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<AttachmentView>>> ForTaskAsync(int taskId, CancellationToken ct = default)
    {
        var views = await RowsAsync(
            db.Attachments.Where(a => db.TaskProgress.Any(p => p.Id == a.ProgressId && p.TaskId == taskId && db.PlanTasks.Any(t => t.Id == p.TaskId))),
            ct);
        return views.GroupBy(v => v.ProgressId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<AttachmentView>)g.Select(v => v.View).ToList());
    }

    /// <summary>The file, or null when it does not exist or belongs to a progress report whose task the caller cannot see.</summary>
    public async Task<AttachmentContent?> GetAsync(int id, CancellationToken ct = default) =>
        await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id && (a.DocumentId != null
                || db.TaskProgress.Any(p => p.Id == a.ProgressId && db.PlanTasks.Any(t => t.Id == p.TaskId))))
            .Select(a => new AttachmentContent(a.FileName, a.ContentType, a.Content))
            .FirstOrDefaultAsync(ct);

    public async Task<PlanResult<IReadOnlyList<AttachmentView>>> AddToDocumentAsync(int documentId, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        var document = await db.Documents.Where(d => d.Id == documentId).Select(d => new { d.IssuerAgencyId }).FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return new(null, [], NotFound: true);
        }

        // A document's files are the issuing agency's, as the document is.
        if (!await plans.MayWriteDocumentAsync(documentId, ct))
        {
            return new(null, [], Forbidden: PlanService.DocumentOwned);
        }

        var (checkedFiles, errors) = await CheckAsync(files, document.IssuerAgencyId, ct);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        return new(await SaveAsync(checkedFiles, a => a.DocumentId = documentId, ct), []);
    }

    public async Task<PlanResult<IReadOnlyList<AttachmentView>>> AddToProgressAsync(
        int taskId, int progressId, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        if (!await VisibleProgressAsync(taskId, progressId, ct))
        {
            return new(null, [], NotFound: true);
        }

        var (checkedFiles, errors) = await CheckAsync(files, await LeadAgencyAsync(taskId, ct), ct);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        return new(await SaveAsync(checkedFiles, a => a.ProgressId = progressId, ct), []);
    }

    /// <summary>
    /// A progress report and its files in one transaction: a bad file leaves no report behind, a bad report no file.
    /// Without files it is PlanService.AddProgressAsync.
    /// </summary>
    public async Task<PlanResult<ProgressView>> AddProgressWithFilesAsync(
        int taskId, ProgressInput input, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        if (files.Count == 0)
        {
            return await plans.AddProgressAsync(taskId, input, ct);
        }

        var (checkedFiles, fileErrors) = await CheckAsync(files, await LeadAgencyAsync(taskId, ct), ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var progress = await plans.AddProgressAsync(taskId, input, ct);
        if (progress.NotFound || progress.Value is null || fileErrors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            // The report may be tracked as saved; forget it so that nothing of this request is written later.
            db.ChangeTracker.Clear();
            return progress.NotFound ? progress : new(null, [.. progress.Errors, .. fileErrors]);
        }

        await SaveAsync(checkedFiles, a => a.ProgressId = progress.Value.Id, ct);
        await tx.CommitAsync(ct);
        return progress;
    }

    internal sealed record CheckedFile(string Name, string ContentType, byte[] Content);

    // The agency whose quota a task's progress files count against: the task's lead agency.
    private Task<int?> LeadAgencyAsync(int taskId, CancellationToken ct) =>
        db.PlanTasks.Where(t => t.Id == taskId).Select(t => (int?)t.LeadAgencyId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The files checked one by one, then together: the whole upload within Attachments:MaxRequestBytes, and the agency's
    /// files with these within Attachments:AgencyQuotaBytes (a central body's documents, without an agency, have no quota).
    /// </summary>
    internal async Task<(List<CheckedFile> Files, List<RuleViolation> Errors)> CheckAsync(IReadOnlyList<UploadedFile> files, int? agencyId, CancellationToken ct)
    {
        var (result, errors) = await CheckEachAsync(files, ct);
        if (errors.Count > 0)
        {
            return (result, errors);
        }

        var total = result.Sum(f => f.Content.LongLength);
        if (total > MaxRequestBytes)
        {
            return (result, [new(AttachmentChecks.Field,
                $"Tổng dung lượng các tệp gửi lên là {AttachmentChecks.Size(total)}, vượt giới hạn {AttachmentChecks.Size(MaxRequestBytes)} mỗi lần tải lên; hãy gửi làm nhiều lần.")]);
        }

        if (agencyId is { } agency)
        {
            var quota = AgencyQuotaBytes;
            var used = await db.Attachments.IgnoreQueryFilters()
                .Where(a => (a.Document != null && a.Document.IssuerAgencyId == agency) || (a.Progress != null && a.Progress.Task!.LeadAgencyId == agency)
                    || (a.Report != null && a.Report.ReporterAgencyId == agency))
                .SumAsync(a => (long?)a.Size, ct) ?? 0;
            if (used + total > quota)
            {
                return (result, [new(AttachmentChecks.Field,
                    $"Tệp đính kèm của cơ quan đã dùng {AttachmentChecks.Size(used)}; thêm {AttachmentChecks.Size(total)} sẽ vượt hạn mức {AttachmentChecks.Size(quota)} của mỗi cơ quan. Liên hệ quản trị hệ thống để được nâng hạn mức.")]);
            }
        }

        return (result, errors);
    }

    private async Task<(List<CheckedFile> Files, List<RuleViolation> Errors)> CheckEachAsync(IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var result = new List<CheckedFile>();
        if (files.Count == 0)
        {
            errors.Add(new(AttachmentChecks.Field, "Vui lòng chọn ít nhất một tệp."));
            return (result, errors);
        }

        if (files.Count > AttachmentChecks.MaxFiles)
        {
            errors.Add(new(AttachmentChecks.Field, $"Mỗi lần tải lên tối đa {AttachmentChecks.MaxFiles} tệp; đã chọn {files.Count} tệp."));
            return (result, errors);
        }

        var max = MaxBytes;
        // What the client says the files weigh is enough to refuse an upload that is too large before reading it.
        if (files.Sum(f => Math.Max(f.Length, 0)) is var declared && declared > MaxRequestBytes)
        {
            errors.Add(new(AttachmentChecks.Field,
                $"Tổng dung lượng các tệp gửi lên là {AttachmentChecks.Size(declared)}, vượt giới hạn {AttachmentChecks.Size(MaxRequestBytes)} mỗi lần tải lên; hãy gửi làm nhiều lần."));
            return (result, errors);
        }

        foreach (var file in files)
        {
            var name = AttachmentChecks.SanitizeName(file.FileName);
            if (name is null)
            {
                errors.Add(new(AttachmentChecks.Field, "Một tệp không có tên hợp lệ; hãy đặt lại tên tệp."));
                continue;
            }

            var extension = AttachmentChecks.Extension(name);
            if (!AttachmentChecks.IsAllowed(extension))
            {
                errors.Add(new(AttachmentChecks.Field, $"Tệp \"{name}\": không nhận loại tệp này; chỉ nhận {AttachmentChecks.AllowedList}."));
                continue;
            }

            if (file.Length == 0)
            {
                errors.Add(new(AttachmentChecks.Field, $"Tệp \"{name}\" rỗng (0 byte)."));
                continue;
            }

            if (file.Length > max)
            {
                errors.Add(new(AttachmentChecks.Field, $"Tệp \"{name}\" có dung lượng {AttachmentChecks.Size(file.Length)}, vượt giới hạn {AttachmentChecks.Size(max)} mỗi tệp."));
                continue;
            }

            var content = await ReadAsync(file, max, ct);
            if (content.Length == 0)
            {
                errors.Add(new(AttachmentChecks.Field, $"Tệp \"{name}\" rỗng (0 byte)."));
            }
            else if (content.Length > max)
            {
                errors.Add(new(AttachmentChecks.Field, $"Tệp \"{name}\" vượt giới hạn {AttachmentChecks.Size(max)} mỗi tệp."));
            }
            else if (!AttachmentChecks.MatchesSignature(extension, content))
            {
                errors.Add(new(AttachmentChecks.Field, $"Tệp \"{name}\": nội dung không phải tệp .{extension} (có thể tệp bị đổi phần mở rộng)."));
            }
            else
            {
                result.Add(new CheckedFile(name, AttachmentChecks.ContentTypes[extension], content));
            }
        }

        return (result, errors);
    }

    // Reads at most one byte past the limit, so that a length the client understated cannot make the server read more.
    private static async Task<byte[]> ReadAsync(UploadedFile file, long max, CancellationToken ct)
    {
        await using var stream = file.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    internal async Task<IReadOnlyList<AttachmentView>> SaveAsync(List<CheckedFile> files, Action<Attachment> owner, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = files.Select(f =>
        {
            var row = new Attachment
            {
                FileName = f.Name, ContentType = f.ContentType, Size = f.Content.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)), Content = f.Content,
                UploadedBy = db.Actor.Name, UploadedAt = now,
            };
            owner(row);
            return row;
        }).ToList();
        db.Attachments.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return rows.Select(r => new AttachmentView(r.Id, r.FileName, r.ContentType, r.Size, r.Sha256, r.UploadedBy, r.UploadedAt, Url(r.Id))).ToList();
    }

    private Task<bool> VisibleProgressAsync(int taskId, int progressId, CancellationToken ct) =>
        db.TaskProgress.AnyAsync(p => p.Id == progressId && p.TaskId == taskId && db.PlanTasks.Any(t => t.Id == taskId), ct);

    internal static async Task<IReadOnlyList<AttachmentView>> ViewsAsync(IQueryable<Attachment> query, CancellationToken ct) =>
        (await RowsAsync(query, ct)).Select(r => r.View).ToList();

    // The projection leaves the bytes in the database.
    private static async Task<List<(int? ProgressId, AttachmentView View)>> RowsAsync(IQueryable<Attachment> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ProgressId, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt })
            .ToListAsync(ct);
        return rows.Select(a => (a.ProgressId, new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt, Url(a.Id)))).ToList();
    }
}
