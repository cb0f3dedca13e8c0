using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;

namespace SuNghiep.Core.Reporting;

/// <summary>
/// Files attached to a periodic report (signed scans, annexes the tables do not hold). They follow the report: seen by whoever
/// sees it, added and removed by its reporter only while it is a draft or returned, so that what the upper level received
/// stays as it was. The checks, limits and quota are those of every attachment.
/// </summary>
public sealed class ReportAttachmentService(SuNghiepDbContext db, ReportService reports, AttachmentService attachments)
{
    public const string FileMissing = "Không tìm thấy tệp.";

    public static string Url(int reportId, int fileId) => $"/api/v1/reports/{reportId}/attachments/{fileId}";

    /// <summary>The report's files, or null when the report is unknown or out of scope.</summary>
    public async Task<IReadOnlyList<AttachmentView>?> ListAsync(int reportId, CancellationToken ct = default) =>
        await reports.VisibleReports().AnyAsync(r => r.Id == reportId, ct) ? await ViewsAsync(reportId, ct) : null;

    /// <summary>The file, or null when it is not this report's or the report is out of scope.</summary>
    public async Task<AttachmentContent?> GetAsync(int reportId, int fileId, CancellationToken ct = default)
    {
        var visible = reports.VisibleReports().Where(r => r.Id == reportId).Select(r => r.Id);
        return await db.Attachments.AsNoTracking()
            .Where(a => a.Id == fileId && a.ReportId == reportId && visible.Contains(a.ReportId!.Value))
            .Select(a => new AttachmentContent(a.FileName, a.ContentType, a.Content))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Adds files to a report with its reporter; the files count against the reporting agency's quota.</summary>
    public async Task<(ReportOutcome Outcome, IReadOnlyList<AttachmentView>? Added)> AddAsync(
        int reportId, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        var (report, refusal) = await reports.ForReporterAsync(reportId, ct);
        if (refusal is not null)
        {
            return (refusal, null);
        }

        var (checkedFiles, errors) = await attachments.CheckAsync(files, report!.ReporterAgencyId, ct);
        if (errors.Count > 0)
        {
            return (ReportOutcome.Bad(errors), null);
        }

        var added = await attachments.SaveAsync(checkedFiles, a => a.ReportId = reportId, ct);
        return (ReportOutcome.Ok(reportId), added.Select(v => v with { Url = Url(reportId, v.Id) }).ToList());
    }

    /// <summary>Removes a file from a report with its reporter; the audit row keeps its name, size and SHA-256.</summary>
    public async Task<ReportOutcome> RemoveAsync(int reportId, int fileId, CancellationToken ct = default)
    {
        var (_, refusal) = await reports.ForReporterAsync(reportId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var file = await db.Attachments.FirstOrDefaultAsync(a => a.Id == fileId && a.ReportId == reportId, ct);
        if (file is null)
        {
            return new ReportOutcome(Outcome.NotFound, reportId, Detail: FileMissing);
        }

        db.Attachments.Remove(file);
        await db.SaveChangesAsync(ct);
        return ReportOutcome.Ok(reportId);
    }

    private async Task<IReadOnlyList<AttachmentView>> ViewsAsync(int reportId, CancellationToken ct) =>
        (await AttachmentService.ViewsAsync(db.Attachments.Where(a => a.ReportId == reportId), ct))
            .Select(v => v with { Url = Url(reportId, v.Id) }).ToList();
}
