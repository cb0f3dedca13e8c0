using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Resources;
using SuNghiep.Web.Api;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Resources;

/// <summary>Upload of staffing and finance years in .xlsx: the whole file is checked, then written all or nothing.</summary>
// The server reads a little more than the limit, so that a file just over it gets the Vietnamese message below
// rather than the generic refusal of an oversized request.
[Authorize(Policy = WebApp.UnitEditPolicy)]
[RequestSizeLimit(HardLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = HardLimit)]
public sealed class ImportModel(ResourceImport import) : PageModel
{
    private const int HardLimit = ReorganizationsApi.MaxUpload + 2 * 1024 * 1024;

    public const string TemplateName = "mau-nhap-bien-che-tai-chinh.xlsx";

    public ImportResult? Result { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    public static string MaxSize => Display.Number(ReorganizationsApi.MaxUpload / 1024 / 1024) + " MB";

    public void OnGet()
    {
    }

    public FileContentResult OnGetTemplate() => File(ResourceImport.Template(), ReorganizationsApi.XlsxType, TemplateName);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        FileName = file?.FileName;
        if (file is null || file.Length == 0)
        {
            Error = "Vui lòng chọn tệp .xlsx cần nhập.";
        }
        else if (file.Length > ReorganizationsApi.MaxUpload)
        {
            Error = $"Tệp lớn hơn {MaxSize}; hãy chia thành nhiều tệp.";
        }
        else if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            Error = "Chỉ nhận tệp Excel .xlsx; hãy dùng tệp mẫu.";
        }

        if (Error is not null)
        {
            ModelState.AddModelError("file", Error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = new MemoryStream();
        await file!.CopyToAsync(stream, ct);
        stream.Position = 0;
        Result = await import.ImportAsync(stream, null, ct);
        if (!Result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
