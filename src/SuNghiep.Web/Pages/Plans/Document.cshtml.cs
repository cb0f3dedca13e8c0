using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>A document with its parents and children, its targets, and its tasks as a provincial assignment table.</summary>
[RequestSizeLimit(AttachmentChecks.PageRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentChecks.PageRequestLimit)]
public sealed class DocumentModel(
    SuNghiepDbContext db, TimeProvider time, AttachmentService attachments, PlanService plans, TargetStatuses targetStatuses) : PageModel
{
    public DocumentView Document { get; private set; } = null!;
    public IReadOnlyList<DocumentSummary> Parents { get; private set; } = [];
    public IReadOnlyList<DocumentSummary> Children { get; private set; } = [];
    public IReadOnlyDictionary<int, string> AgencyNames { get; private set; } = new Dictionary<int, string>();
    public DateOnly Today { get; private set; }

    /// <summary>Each target measured today in the caller's scope, by target id.</summary>
    public IReadOnlyDictionary<int, MeasuredTarget> Measured { get; private set; } = new Dictionary<int, MeasuredTarget>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Today = Display.Today(time);
        if (await PlanQueries.GetDocumentAsync(db, id, Today, ct) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        Measured = (await targetStatuses.ForDocumentAsync(id, ct) ?? []).ToDictionary(m => m.TargetId);
        CanWrite = Roles.UnitCreators.Any(User.IsInRole) && await plans.MayWriteDocumentAsync(id, ct);
        var all = (await PlanQueries.ListDocumentsAsync(db, null, ct)).ToDictionary(d => d.Id);
        Parents = document.ParentIds.Where(all.ContainsKey).Select(p => all[p]).ToList();
        Children = document.ChildIds.Where(all.ContainsKey).Select(c => all[c]).OrderBy(c => c.IssuedOn).ThenBy(c => c.Id).ToList();
        var agencyIds = document.Tasks.SelectMany(t => t.CoordinatingAgencyIds)
            .Concat(document.Targets.Where(t => t.AgencyId is not null).Select(t => t.AgencyId!.Value)).Distinct().ToList();
        AgencyNames = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return Page();
    }

    public string Coordinators(TaskView t) =>
        string.Join("; ", t.CoordinatingAgencyIds.Select(id => AgencyNames.TryGetValue(id, out var name) ? name : "#" + id));

    /// <summary>Whether the caller writes in the name of the document's issuing agency: its targets, tasks and files.</summary>
    public bool CanWrite { get; private set; }

    // Attachments: the files of the document and their upload, by the issuing agency (as the API).
    public bool CanAttach => CanWrite;

    public async Task<IActionResult> OnPostAttachmentsAsync(int id, CancellationToken ct)
    {
        if (!Roles.UnitCreators.Any(User.IsInRole))
        {
            return Forbid();
        }

        var (files, tooLarge) = await AttachmentsApi.FilesAsync(Request, AttachmentChecks.Field, ct);
        var result = tooLarge is null ? await attachments.AddToDocumentAsync(id, files, ct) : null;
        if (result is { NotFound: true })
        {
            return NotFound();
        }

        if (result is { Forbidden: not null })
        {
            return Forbid();
        }

        if (result is { Value: { } added })
        {
            TempData["Success"] = added.Count == 1 ? $"Đã đính kèm tệp \"{added[0].FileName}\"." : $"Đã đính kèm {added.Count} tệp.";
            return Redirect($"/documents/{id}#attachments");
        }

        ModelState.Clear();
        IEnumerable<string> messages = tooLarge is not null ? [tooLarge] : result!.Errors.Select(e => e.Message);
        foreach (var message in messages)
        {
            ModelState.AddModelError(AttachmentChecks.Field, message);
        }

        var page = await OnGetAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
