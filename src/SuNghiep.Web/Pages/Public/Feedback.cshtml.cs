using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SuNghiep.Core;
using SuNghiep.Core.Data;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Api;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Public;

/// <summary>
/// Where the public feedback form posts. No anti-forgery token: the form acts for nobody (no account, no cookie), so a
/// forged post gains nothing a direct one would not; the limits, the honeypot and the proof of work guard it instead.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class FeedbackModel(
    SuNghiepDbContext db, FeedbackService service, FeedbackGuard guard, IOptions<FeedbackOptions> options, TimeProvider time) : PageModel
{
    public PublicUnit Unit { get; private set; } = null!;
    public PublicFeedbackForm Form { get; private set; } = null!;
    /// <summary>Set once sent: the withdrawal link, shown this once when a contact was kept.</summary>
    public bool Sent { get; private set; }
    public string? WithdrawUrl { get; private set; }
    public string? LimitMessage { get; private set; }

    public IActionResult OnGet(string code) => Redirect("/cong-khai/" + Uri.EscapeDataString(code) + "#phan-anh");

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await PublicRegister.GetAsync(db, code, VietnamTime.Today(time), ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        var form = Request.HasFormContentType ? await Request.ReadFormAsync(ct) : null;
        string? Field(string name) => form?[name].ToString() is { Length: > 0 } v ? v : null;
        var input = new FeedbackInput(Field("topic"), Field("text"), Field("contact"), Field("consent") == "true");
        Form = UnitModel.NewForm(unit, guard, options.Value) with { Topic = input.Topic, Text = input.Text, Contact = input.Contact, Consent = input.Consent };
        var errors = FeedbackService.Validate(input);
        if (errors.Count > 0)
        {
            FormErrors.Add(ModelState, errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var admission = guard.Admit(HttpContext, new FeedbackProof(Field("challenge"), Field("nonce")));
        if (!admission.Admitted)
        {
            Response.Headers.RetryAfter = FeedbackGuard.Seconds(admission.RetryAfterSeconds);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            var minutes = Math.Max(1, (admission.RetryAfterSeconds + 59) / 60);
            LimitMessage = $"Từ địa chỉ mạng này đã có nhiều phản ánh được gửi trong một giờ qua. Vui lòng thử lại sau khoảng {minutes} phút.";
            return Page();
        }

        Sent = true;
        Form = Form with { Topic = null, Text = null, Contact = null, Consent = false };
        if (Field("website") is not null)
        {
            // The honeypot: answered as a person is, nothing stored.
            return Page();
        }

        var (receipt, invalid, notFound) = await service.SubmitAsync(code, input, ct);
        if (notFound)
        {
            return NotFound();
        }

        if (receipt is null)
        {
            Sent = false;
            FormErrors.Add(ModelState, invalid);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        WithdrawUrl = PublicApi.WithdrawUrl(receipt.WithdrawToken);
        // The withdrawal secret is on this page only: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
