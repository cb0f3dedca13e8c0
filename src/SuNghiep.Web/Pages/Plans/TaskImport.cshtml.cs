using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Api;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>Loads a task assignment table from .xlsx into a document: all rows or none, problems by row and column.</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
// The form's boundaries come on top of the file; the file itself is held to 10 MB below, with a message.
[RequestSizeLimit(ReorganizationsApi.MaxUpload + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ReorganizationsApi.MaxUpload + 1024 * 1024)]
public sealed class TaskImportModel(SuNghiepDbContext db, PlanService service, TimeProvider time, Core.Reorganizations.SheetLimits limits) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public DocumentView Document { get; private set; } = null!;
    public IReadOnlyList<Core.Reorganizations.ImportProblem> Problems { get; private set; } = [];
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        !await LoadAsync(id, ct) ? NotFound() : await service.MayWriteDocumentAsync(id, ct) ? Page() : Forbid();

    public IActionResult OnGetTemplate() => File(TaskImport.Template(), ReorganizationsApi.XlsxType, TaskImportApi.TemplateName);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        FileName = Upload?.FileName;
        if (Upload is null || Upload.Length == 0)
        {
            return Invalid("Vui lòng chọn tệp .xlsx cần nhập.");
        }

        if (!string.Equals(Path.GetExtension(Upload.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid($"Tệp \"{Upload.FileName}\" không phải tệp Excel .xlsx. Hãy lưu biểu theo mẫu dưới dạng .xlsx (Excel Workbook) rồi nhập lại.");
        }

        if (Upload.Length > ReorganizationsApi.MaxUpload)
        {
            return Invalid("Tệp lớn hơn 10 MB. Hãy chia thành nhiều tệp nhỏ hơn.");
        }

        await using var stream = new MemoryStream();
        await Upload.CopyToAsync(stream, ct);
        stream.Position = 0;
        var result = await new TaskImport(db, service, time, limits).ImportAsync(id, stream, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden is not null)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            Problems = result.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = $"Đã thêm {Display.Number(result.TaskIds.Count)} nhiệm vụ từ tệp \"{Upload.FileName}\" vào biểu phân công nhiệm vụ.";
        return Redirect($"/documents/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await PlanQueries.GetDocumentAsync(db, id, Display.Today(time), ct) is not { } document)
        {
            return false;
        }

        Document = document;
        return true;
    }

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
