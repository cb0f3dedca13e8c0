using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Surveys;

/// <summary>
/// A round's results by section and item with a chart of the normalised score per section (its table beside it), the
/// entry of one response and the import of many from .xlsx. Writes need the unit's officer or its managing agency.
/// </summary>
public sealed class DetailsModel(SurveyService service, SurveyImport import) : PageModel
{
    public SurveyRoundView Round { get; private set; } = null!;
    public SurveyInstrumentView Form { get; private set; } = null!;

    /// <summary>The value chosen for each item code on the entry form.</summary>
    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    [BindProperty]
    public string? RespondedOn { get; set; }

    public string? Saved { get; private set; }
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string? ImportError { get; private set; }

    public bool MayRecord => Round.MayRecord && !User.IsInRole(Core.Entities.Roles.Viewer);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetTemplateAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct)
            ? File(SurveyImport.Template(Form), ReorganizationsApi.XlsxType, $"mau-phieu-{Form.Instrument.Code.ToLowerInvariant()}.xlsx")
            : NotFound();

    public async Task<IActionResult> OnPostResponseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!MayRecord)
        {
            return Forbid();
        }

        var values = new FormValues();
        var on = values.Date(RespondedOn, "respondedOn", "Ngày trả lời");
        var answers = new List<KeyValuePair<string, int>>();
        foreach (var item in Form.Items)
        {
            if (Answers.TryGetValue(item.Code, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                {
                    answers.Add(new(item.Code, v));
                }
                else
                {
                    values.Errors.Add(new($"answers.{item.Code}", $"Câu {item.Code}: giá trị không hợp lệ."));
                }
            }
        }

        var errors = values.Errors;
        if (errors.Count == 0)
        {
            var outcome = await service.AddResponsesAsync(id, [new SurveyResponseInput(on, answers)], ct);
            if (outcome.Value is not null)
            {
                return Redirect($"/surveys/{id}?saved=1#entry");
            }

            errors.AddRange(outcome.Errors);
        }

        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field == "respondedOn" ? nameof(RespondedOn) : e.Field == "answers" ? "" : "Answers[" + e.Field["answers.".Length..] + "]", e.Message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!MayRecord)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            ImportError = "Vui lòng chọn tệp .xlsx cần nhập.";
        }
        else if (file.Length > ReorganizationsApi.MaxUpload)
        {
            ImportError = "Tệp quá lớn; hãy chia thành nhiều tệp.";
        }
        else if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            ImportError = "Chỉ nhận tệp Excel .xlsx; hãy dùng tệp mẫu.";
        }

        if (ImportError is not null)
        {
            ModelState.AddModelError("file", ImportError);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = new MemoryStream();
        await file!.CopyToAsync(stream, ct);
        stream.Position = 0;
        var result = await import.ImportAsync(id, stream, ct);
        if (result.Succeeded)
        {
            return Redirect($"/surveys/{id}?imported={result.Responses}#import");
        }

        Problems = result.Problems;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await service.GetAsync(id, ct) is not { } round || await service.InstrumentAsync(round.Round.InstrumentId, ct) is not { } form)
        {
            return false;
        }

        (Round, Form) = (round, form);
        if (Request.Query["saved"] == "1")
        {
            Saved = "Đã lưu phiếu trả lời.";
        }
        else if (int.TryParse(Request.Query["imported"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            Saved = $"Đã nhập {Display.Number(n)} phiếu trả lời từ tệp.";
        }

        return true;
    }

    public string ChartJson() => Resources.ResourceDisplay.ChartJson(new
    {
        labels = Round.Sections.Select(s => $"{s.Code}. {s.Name}").ToList(),
        scores = Round.Sections.Select(s => s.Results.Score).ToList(),
        shares = Round.Sections.Select(s => s.Results.SatisfiedPercent).ToList(),
    });

    public static string Figure(decimal? value, int decimals = 1) => IndexModel.Figure(value, decimals);

    public static string Percent(decimal? value) => value is { } v ? Display.Number(v) + "%" : "—";
}
