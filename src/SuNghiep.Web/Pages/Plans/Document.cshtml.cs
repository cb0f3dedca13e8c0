using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>A document with its parents and children, its targets, and its tasks as a provincial assignment table.</summary>
[RequestSizeLimit(AttachmentChecks.PageRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentChecks.PageRequestLimit)]
public sealed class DocumentModel(
    SuNghiepDbContext db, TimeProvider time, AttachmentService attachments, PlanService plans, TargetStatuses targetStatuses, MeritService merits) : PageModel
{
    public sealed record ModelUnitForm
    {
        public string? Unit { get; init; }
        public string? Note { get; init; }
    }

    /// <summary>The model unit form as posted, shown again with its messages.</summary>
    public ModelUnitForm ModelUnitInput { get; private set; } = new();
    public IReadOnlyList<ModelUnitView> ModelUnits { get; private set; } = [];

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
        ModelUnits = await merits.ModelUnitsAsync(id, ct) ?? [];
        CanWrite = Roles.UnitCreators.Any(User.IsInRole) && await plans.MayWriteDocumentAsync(id, ct);
        var all = (await PlanQueries.ListDocumentsAsync(db, null, ct)).ToDictionary(d => d.Id);
        Parents = document.ParentIds.Where(all.ContainsKey).Select(p => all[p]).ToList();
        Children = document.ChildIds.Where(all.ContainsKey).Select(c => all[c]).OrderBy(c => c.IssuedOn).ThenBy(c => c.Id).ToList();
        var agencyIds = document.Tasks.SelectMany(t => t.CoordinatingAgencyIds)
            .Concat(document.Targets.Where(t => t.AgencyId is not null).Select(t => t.AgencyId!.Value)).Distinct().ToList();
        var successors = await PlanQueries.SuccessorNamesAsync(db, agencyIds, Today, ct);
        AgencyNames = (await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => PlanDisplay.Agency(a.Name, successors.GetValueOrDefault(a.Id)));
        // A target's area code is read on the document's date (24 was Bắc Giang in 2024), then followed to today's area.
        var areaCodes = document.Targets.Select(t => t.AreaCode).OfType<string>().Distinct().ToList();
        var on = document.IssuedOn;
        AreaNames = (await db.Areas.AsNoTracking().Where(a => areaCodes.Contains(a.Code)
                    && (a.ValidFrom == null || a.ValidFrom <= on) && (a.ValidTo == null || a.ValidTo >= on))
                .Select(a => new { a.Code, a.Type, a.Name, a.ValidTo, SuccessorType = a.Successor!.Type, SuccessorName = a.Successor.Name }).ToListAsync(ct))
            .GroupBy(a => a.Code).Select(g => g.First())
            .ToDictionary(a => a.Code, a => PlanDisplay.Agency(Area.FullNameOf(a.Type, a.Name),
                a.ValidTo < Today && a.SuccessorName is not null ? Area.FullNameOf(a.SuccessorType, a.SuccessorName) : null));
        return Page();
    }

    public IReadOnlyDictionary<string, string> AreaNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>Where a target is measured: its area and agency, or the reader's own scope for a national target.</summary>
    public string Scope(TargetView t)
    {
        var parts = new List<string>();
        if (t.AreaCode is { } code)
        {
            parts.Add(AreaNames.TryGetValue(code, out var area) ? area : "Địa bàn " + code);
        }

        if (t.AgencyId is { } agency)
        {
            parts.Add(AgencyNames.TryGetValue(agency, out var name) ? name : "#" + agency);
        }

        return parts.Count == 0 ? "Cả nước (số liệu tính trong phạm vi của người xem)" : string.Join("; ", parts);
    }

    public string Coordinators(TaskView t) =>
        string.Join("; ", t.CoordinatingAgencyIds.Select(id => AgencyNames.TryGetValue(id, out var name) ? name : "#" + id));

    /// <summary>Whether the caller writes in the name of the document's issuing agency: its targets, tasks and files.</summary>
    public bool CanWrite { get; private set; }

    /// <summary>Names a unit (picked by name or code) as a model unit of the document: the API's POST model-units.</summary>
    public async Task<IActionResult> OnPostModelUnitAsync(int id, [Bind(Prefix = "ModelUnitInput")] ModelUnitForm form, CancellationToken ct)
    {
        if (!Roles.UnitCreators.Any(User.IsInRole))
        {
            return Forbid();
        }

        ModelUnitInput = form;
        int? unitId = null;
        string? unitError = null;
        if (string.IsNullOrWhiteSpace(form.Unit))
        {
            unitError = "Vui lòng chọn đơn vị: gõ tên hoặc mã đơn vị.";
        }
        else
        {
            var text = form.Unit.Trim();
            var resolved = await db.Units.AsNoTracking().AnyAsync(u => u.Code == text, ct)
                ? new PickerResolution(text, null, null)
                : await Pickers.ResolveUnitAsync(db, text, Display.Today(time), ct);
            unitId = resolved.Value is { } code ? await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct) : null;
            if (unitId is null)
            {
                unitError = resolved.Error ?? "Không tìm thấy đơn vị này trong phạm vi của bạn; gõ tên hoặc mã đơn vị.";
            }
        }

        IReadOnlyList<RuleViolation> errors;
        if (unitError is not null)
        {
            errors = [new("unitId", unitError)];
        }
        else
        {
            var result = await merits.AddModelUnitAsync(id, unitId, form.Note, ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Forbidden is not null)
            {
                return Forbid();
            }

            if (result.Value is { } added)
            {
                TempData["Success"] = $"Đã thêm \"{added.UnitName}\" vào danh sách đơn vị điển hình.";
                return Redirect($"/documents/{id}#model-units");
            }

            errors = result.Errors;
        }

        ModelState.Clear();
        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field == "note" ? "ModelUnitInput.Note" : "ModelUnitInput.Unit", e.Message);
        }

        var page = await OnGetAsync(id, ct);
        // A document of another agency refuses the form, whatever was typed in it.
        if (page is PageResult && !CanWrite)
        {
            return Forbid();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>Takes a model unit off the document's list, by who may add one.</summary>
    public async Task<IActionResult> OnPostRemoveModelUnitAsync(int id, int modelUnitId, CancellationToken ct)
    {
        if (!Roles.UnitCreators.Any(User.IsInRole))
        {
            return Forbid();
        }

        var result = await merits.RemoveModelUnitAsync(id, modelUnitId, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden is not null)
        {
            return Forbid();
        }

        TempData["Success"] = $"Đã bỏ \"{result.Value!.UnitName}\" khỏi danh sách đơn vị điển hình.";
        return Redirect($"/documents/{id}#model-units");
    }

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
