using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Surveys;

/// <summary>Opens a survey round: a form, a unit (by code or name), the period and a label.</summary>
[Authorize(Policy = WebApp.UnitEditPolicy)]
public sealed class NewModel(SuNghiepDbContext db, SurveyService service, TimeProvider time) : PageModel
{
    public sealed record InputModel
    {
        public string? InstrumentId { get; init; }
        public string? UnitCode { get; init; }
        public string? PeriodFrom { get; init; }
        public string? PeriodTo { get; init; }
        public string? Label { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SurveyInstrumentRow> Instruments { get; private set; } = [];
    public string? UnitLabel { get; private set; }

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["instrumentId"] = "Input.InstrumentId", ["instrumentCode"] = "Input.InstrumentId", ["unitId"] = "Input.UnitCode",
        ["periodFrom"] = "Input.PeriodFrom", ["periodTo"] = "Input.PeriodTo", ["label"] = "Input.Label",
    };

    public async Task OnGetAsync(string? unit, CancellationToken ct)
    {
        Input = new InputModel { UnitCode = unit };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var from = values.Date(Input.PeriodFrom, "periodFrom", "Ngày bắt đầu kỳ khảo sát");
        var to = values.Date(Input.PeriodTo, "periodTo", "Ngày kết thúc kỳ khảo sát");
        var instrument = values.Whole(Input.InstrumentId, "instrumentId", "Vui lòng chọn mẫu phiếu khảo sát.");
        int? unitId = null;
        var text = Input.UnitCode?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            unitId = await db.Units.AsNoTracking().Where(u => u.Code == text).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unitId is null)
            {
                // Without the picker a name is typed: the one unit of the scope it names.
                var resolved = await Pickers.ResolveUnitAsync(db, text, Display.Today(time), ct);
                if (resolved.Value is { } code)
                {
                    unitId = await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
                }
                else
                {
                    values.Errors.Add(new("unitId", resolved.Error ?? $"Không tìm thấy đơn vị \"{text}\" trong phạm vi của bạn."));
                }
            }
        }

        if (values.Errors.Count == 0)
        {
            var outcome = await service.CreateRoundAsync(new SurveyRoundInput(instrument, null, unitId, from, to, Input.Label), ct);
            if (outcome.Value is { } round)
            {
                return Redirect($"/surveys/{round.Id}");
            }

            if (outcome.Forbidden is { } refused)
            {
                values.Errors.Add(new("unitId", refused));
            }

            values.Errors.AddRange(outcome.Errors);
        }

        FormErrors.Add(ModelState, values.Errors.DistinctBy(e => (e.Field, e.Message)), Fields);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Instruments = await service.InstrumentsAsync(ct);
        if (!string.IsNullOrWhiteSpace(Input.UnitCode))
        {
            var code = Input.UnitCode.Trim();
            UnitLabel = await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => u.Name + " (" + u.Code + ")").FirstOrDefaultAsync(ct);
        }
    }
}
