using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>
/// Download of an attachment for the signed-in pages (GET /api/v1/attachments/{id} takes a bearer token): a document's
/// file for anyone signed in, a progress report's file only for those who see its task.
/// </summary>
public sealed class AttachmentModel(AttachmentService attachments) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await attachments.GetAsync(id, ct) is not { } file)
        {
            return NotFound();
        }

        AttachmentsApi.Protect(Response);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
