using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Web.Api;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Pages.Reorganizations;

/// <summary>Imports reorganization decisions from the .xlsx template: all or nothing, problems by row and column.</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
// The form's boundaries and fields come on top of the file; the file itself is held to 10 MB below, with a message.
[RequestSizeLimit(ReorganizationsApi.MaxUpload + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ReorganizationsApi.MaxUpload + 1024 * 1024)]
public sealed class ImportModel(ReorganizationImport import) : PageModel
{
    public const string TemplateName = "mau-nhap-sap-xep.xlsx";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() => File(ReorganizationImport.Template(), ReorganizationsApi.XlsxType, TemplateName);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        FileName = Upload?.FileName;
        if (Upload is null || Upload.Length == 0)
        {
            return Invalid("Vui lòng chọn tệp .xlsx cần nhập.");
        }

        if (!string.Equals(Path.GetExtension(Upload.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid($"Tệp \"{Upload.FileName}\" không phải tệp Excel .xlsx. Hãy lưu tệp theo mẫu dưới dạng .xlsx (Excel Workbook) rồi nhập lại.");
        }

        if (Upload.Length > ReorganizationsApi.MaxUpload)
        {
            return Invalid("Tệp lớn hơn 10 MB. Hãy chia thành nhiều tệp nhỏ hơn.");
        }

        await using var stream = new MemoryStream();
        await Upload.CopyToAsync(stream, ct);
        stream.Position = 0;
        Result = await import.ImportAsync(stream, null, ct);
        if (!Result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
