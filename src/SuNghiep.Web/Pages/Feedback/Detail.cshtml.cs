using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Feedback;

/// <summary>One feedback: read it, answer it (the unit or its managing agency), publish it with its public text or refuse to (the agency).</summary>
public sealed class DetailModel(FeedbackService service, TimeProvider time) : PageModel
{
    public FeedbackView Item { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    [BindProperty]
    public FeedbackInputs Input { get; set; } = new();

    public sealed class FeedbackInputs
    {
        public string? Reply { get; set; }
        public string? PublicText { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new() { Reply = Item.ReplyText, PublicText = Item.PublicText ?? Item.Text };
        return Page();
    }

    public Task<IActionResult> OnPostReplyAsync(int id, CancellationToken ct) =>
        WriteAsync(id, service.ReplyAsync(id, Input.Reply, ct), new Dictionary<string, string> { ["text"] = "Input.Reply" }, "Đã lưu câu trả lời.", ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        WriteAsync(id, service.PublishAsync(id, Input.PublicText, ct), new Dictionary<string, string> { ["publicText"] = "Input.PublicText", ["status"] = "" },
            "Đã công khai phản ánh và câu trả lời trên trang của đơn vị.", ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        WriteAsync(id, service.RejectAsync(id, Input.Reason, ct), new Dictionary<string, string> { ["reason"] = "Input.Reason" }, "Đã ghi không công khai phản ánh.", ct);

    private async Task<IActionResult> WriteAsync(int id, Task<FeedbackResult> write, Dictionary<string, string> keys, string done, CancellationToken ct)
    {
        var result = await write;
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden is not null)
        {
            return Forbid();
        }

        if (result.Value is null)
        {
            FormErrors.Add(ModelState, result.Errors, keys);
            await LoadAsync(id, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = done;
        return Redirect($"/feedback/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = VietnamTime.Today(time);
        if (await service.GetAsync(id, ct) is not { } item)
        {
            return false;
        }

        Item = item;
        return true;
    }
}
