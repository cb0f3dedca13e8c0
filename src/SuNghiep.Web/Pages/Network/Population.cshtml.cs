using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Services;
using SuNghiep.Web.Api;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Network;

/// <summary>Loads communes' populations by year from .xlsx: all rows or none, problems by row and column.</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
[RequestSizeLimit(ReorganizationsApi.MaxUpload + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ReorganizationsApi.MaxUpload + 1024 * 1024)]
public sealed class PopulationModel(NetworkData data) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() => File(NetworkData.Template(), ReorganizationsApi.XlsxType, "mau-nhap-dan-so.xlsx");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        FileName = Upload?.FileName;
        if (Upload is null || Upload.Length == 0)
        {
            return Invalid("Vui lòng chọn tệp .xlsx cần nhập.");
        }

        if (!string.Equals(Path.GetExtension(Upload.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid($"Tệp \"{Upload.FileName}\" không phải tệp Excel .xlsx. Hãy lưu theo mẫu dưới dạng .xlsx rồi nhập lại.");
        }

        if (Upload.Length > ReorganizationsApi.MaxUpload)
        {
            return Invalid("Tệp lớn hơn 10 MB. Hãy chia thành nhiều tệp nhỏ hơn.");
        }

        await using var stream = new MemoryStream();
        await Upload.CopyToAsync(stream, ct);
        stream.Position = 0;
        var outcome = await data.ImportPopulationAsync(stream, ct);
        if (outcome.Forbidden is not null)
        {
            return Forbid();
        }

        if (outcome.Problems.Count > 0)
        {
            Problems = outcome.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = $"Đã ghi dân số {Display.Number(outcome.Written)} dòng (xã, phường theo năm) từ tệp \"{Upload.FileName}\".";
        return Redirect("/network");
    }

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
