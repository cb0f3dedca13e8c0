using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Reporting;
using SuNghiep.Core.Reporting.Documents;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Reports;

/// <summary>
/// One report: the reporter fills its sections, corrects a figure with a reason, signs and submits; the requester returns it
/// with comments or accepts it. The tables show the report's figures beside the register's; the files download here too.
/// </summary>
[RequestSizeLimit(AttachmentChecks.PageRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentChecks.PageRequestLimit)]
public sealed class ReportModel(ReportService reports, ReportAttachmentService attachments) : PageModel
{
    public sealed record InputModel
    {
        public int Revision { get; init; }
        public List<string> Keys { get; init; } = [];
        public List<string?> Texts { get; init; } = [];
        public List<int> RemoveCorrections { get; init; } = [];
        public string? CorrectionCell { get; init; }
        public string? CorrectionValue { get; init; }
        public string? CorrectionReason { get; init; }
        public string? Number { get; init; }
        public string? SignerAuthority { get; init; }
        public string? SignerCapacity { get; init; }
        public string? SignerName { get; init; }
        public string? SignedOn { get; init; }
    }

    public sealed record ReviewModel
    {
        public string? Comment { get; init; }
        public List<string> Keys { get; init; } = [];
        public List<string?> Texts { get; init; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public ReviewModel Review { get; set; } = new();

    public ReportView Report { get; private set; } = null!;

    public IReadOnlyList<AttachmentView> Files { get; private set; } = [];

    public string? Stale { get; private set; }

    private bool IsCreator => Roles.UnitCreators.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reports.GetReportAsync(id, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        Files = await attachments.ListAsync(id, ct) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnGetAttachmentAsync(int id, int fileId, CancellationToken ct)
    {
        if (await attachments.GetAsync(id, fileId, ct) is not { } file)
        {
            return NotFound();
        }

        AttachmentsApi.Protect(Response);
        return File(file.Content, file.ContentType, file.FileName);
    }

    // Files: added and removed by the reporter while the report is with them, as the API.
    public async Task<IActionResult> OnPostAttachmentsAsync(int id, CancellationToken ct)
    {
        if (!IsCreator)
        {
            return Forbid();
        }

        var (files, tooLarge) = await AttachmentsApi.FilesAsync(Request, AttachmentChecks.Field, ct);
        var (outcome, added) = tooLarge is null
            ? await attachments.AddAsync(id, files, ct)
            : (ReportOutcome.Bad(new RuleViolation(AttachmentChecks.Field, tooLarge)), null);
        var success = added is { Count: 1 } ? $"Đã đính kèm tệp \"{added[0].FileName}\"." : $"Đã đính kèm {added?.Count} tệp.";
        return await AnswerAsync(id, outcome, success, ct);
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(int id, int fileId, CancellationToken ct) =>
        IsCreator ? await AnswerAsync(id, await attachments.RemoveAsync(id, fileId, ct), "Đã gỡ tệp đính kèm.", ct) : Forbid();

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct) =>
        await reports.DocumentAsync(id, ct) is { } d ? File(OfficialDocx.Write(d), ReportsApi.DocxType, $"bao-cao-{id}.docx") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct) =>
        await reports.DocumentAsync(id, ct) is { } d ? File(AnnexWorkbook.Write(d), ReorganizationsApi.XlsxType, $"bao-cao-{id}-phu-luc.xlsx") : NotFound();

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken ct)
    {
        if (!IsCreator)
        {
            return Forbid();
        }

        if (await reports.GetReportAsync(id, ct) is not { } current)
        {
            return NotFound();
        }

        var values = new FormValues();
        var sections = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < Input.Keys.Count; i++)
        {
            sections[Input.Keys[i]] = i < Input.Texts.Count ? Input.Texts[i] : null;
        }

        var corrections = current.Corrections.Where((_, i) => !Input.RemoveCorrections.Contains(i)).ToList();
        if (!string.IsNullOrWhiteSpace(Input.CorrectionCell))
        {
            var parts = Input.CorrectionCell.Split('|');
            var value = values.Number(Input.CorrectionValue, "correctionValue", "Số liệu điều chỉnh không hợp lệ.");
            if (parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var row) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var column))
            {
                corrections.RemoveAll(c => c.Annex == parts[0] && c.Row == row && c.Column == column);
                corrections.Add(new ReportCorrection(parts[0], row, column, value, Input.CorrectionReason ?? ""));
            }
            else
            {
                values.Errors.Add(new("correctionCell", "Chọn ô số liệu cần điều chỉnh."));
            }
        }

        var input = new ReportInput(sections, corrections, values.Whole(Input.Number, "number", "Số báo cáo là số nguyên."),
            Input.SignerAuthority, Input.SignerCapacity, Input.SignerName, values.Date(Input.SignedOn, "signedOn", "Ngày ký"));
        var outcome = values.Errors.Count > 0 ? ReportOutcome.Bad(values.Errors) : await reports.SaveAsync(id, input, Input.Revision, ct);
        if (outcome.Kind == Outcome.Done && submit)
        {
            outcome = await reports.SubmitAsync(id, null, ct);
        }

        return await AnswerAsync(id, outcome, submit ? "Đã gửi báo cáo." : "Đã lưu bản nháp.", ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct)
    {
        if (!IsCreator)
        {
            return Forbid();
        }

        var bySection = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Review.Keys.Count && i < Review.Texts.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(Review.Texts[i]))
            {
                bySection[Review.Keys[i]] = Review.Texts[i]!;
            }
        }

        return await AnswerAsync(id, await reports.ReturnAsync(id, Review.Comment, bySection, ct), "Đã trả lại báo cáo để hoàn thiện.", ct, review: true);
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        IsCreator ? await AnswerAsync(id, await reports.AcceptAsync(id, ct), "Đã tiếp nhận báo cáo.", ct) : Forbid();

    private async Task<IActionResult> AnswerAsync(int id, ReportOutcome outcome, string success, CancellationToken ct, bool review = false)
    {
        switch (outcome.Kind)
        {
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            case Outcome.Done:
                TempData["Success"] = success;
                return Redirect($"/reports/{id}");
        }

        Report = (await reports.GetReportAsync(id, ct))!;
        Files = await attachments.ListAsync(id, ct) ?? [];
        if (outcome.Kind == Outcome.Stale)
        {
            Stale = ReportsApi.StaleMessage;
            Response.StatusCode = StatusCodes.Status412PreconditionFailed;
            return Page();
        }

        if (outcome.Kind == Outcome.WrongStatus)
        {
            Stale = outcome.Detail;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var renamed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["comment"] = "Review.Comment", ["correctionCell"] = "Input.CorrectionCell", ["correctionValue"] = "Input.CorrectionValue",
            [AttachmentChecks.Field] = AttachmentChecks.Field,
        };
        foreach (var e in outcome.Errors ?? [])
        {
            if (e.Field.StartsWith("corrections", StringComparison.Ordinal))
            {
                renamed[e.Field] = "Input.CorrectionReason";
            }
            else if (e.Field.StartsWith("sections.", StringComparison.Ordinal))
            {
                renamed[e.Field] = (review ? "Review.Sections." : "Input.Sections.") + e.Field["sections.".Length..];
            }
        }

        FormErrors.Add(ModelState, outcome.Errors ?? [], renamed);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The figure cells a correction may name, as "annex|row|column" with a label.</summary>
    public IEnumerable<(string Value, string Label)> FigureCells() =>
        from a in Report.Tables
        from r in a.Table.Rows.Select((row, i) => (row, i))
        from c in a.Table.Columns.Select((col, j) => (col, j))
        where c.col.Kind != CellKind.Text
        select ($"{a.Number}|{r.i}|{c.j}", $"Phụ lục {a.Number} - {r.row.Cells.ElementAtOrDefault(1)?.Text} - {c.col.Header}");

    /// <summary>A section's text: as typed when the form comes back with an error, else as saved.</summary>
    public string? TextOf(SectionView s) => Input.Keys.IndexOf(s.Key) is >= 0 and var i ? Input.Texts.ElementAtOrDefault(i) : s.Text;
}
