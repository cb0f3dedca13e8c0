using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>Adds a target to a plan (POST /api/v1/documents/{id}/targets).</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class TargetCreateModel(SuNghiepDbContext db, PlanService service) : PageModel
{
    public sealed record InputModel
    {
        public string? IndicatorCode { get; init; }
        public string? Text { get; init; }
        public string? AreaCode { get; init; }
        public string? AgencyId { get; init; }
        public string? BaselineFrom { get; init; }
        public string? BaselineTo { get; init; }
        public string? Direction { get; init; }
        public string? Value { get; init; }
        public string? ValueUnit { get; init; }
        public string? Deadline { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DocumentSummary Document { get; private set; } = null!;
    public PickerLabels Labels { get; private set; } = PickerLabels.None;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Input = new InputModel { ValueUnit = "percent" };
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await service.MayWriteDocumentAsync(id, ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var values = new FormValues();
        // The pickers send a code and an id; typed without JavaScript, a name is read as the counts filter reads it.
        var areaCode = await Pickers.AreaFieldAsync(db, Input.AreaCode, null, "areaCode", values.Errors, ct);
        var agencyId = await Pickers.AgencyFieldAsync(db, Input.AgencyId, "agencyId", values.Errors, ct);
        Input = Input with
        {
            AreaCode = values.Errors.Any(e => e.Field == "areaCode") ? Input.AreaCode : areaCode,
            AgencyId = values.Errors.Any(e => e.Field == "agencyId") ? Input.AgencyId : agencyId,
        };
        var input = new TargetInput(
            Input.IndicatorCode, Input.Text, values.Errors.Any(e => e.Field == "areaCode") ? null : Input.AreaCode, values.Whole(agencyId, "agencyId", "Cơ quan không hợp lệ."),
            values.Date(Input.BaselineFrom, "baselineFrom", "Kỳ gốc từ ngày"), values.Date(Input.BaselineTo, "baselineTo", "Kỳ gốc đến ngày"),
            string.IsNullOrWhiteSpace(Input.Direction) ? null : Input.Direction,
            values.Number(Input.Value, "value", "Giá trị phải là một số, ví dụ 10 hoặc 12,5."),
            string.IsNullOrWhiteSpace(Input.ValueUnit) ? null : Input.ValueUnit, values.Date(Input.Deadline, "deadline", "Thời hạn"));
        if (values.Errors.Count > 0)
        {
            values.Errors.AddRange((await service.ValidateTargetAsync(id, input, ct)).Where(e => values.Errors.All(x => x.Field != e.Field)));
        }
        else
        {
            var result = await service.AddTargetAsync(id, input, ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Forbidden is not null)
            {
                return Forbid();
            }

            if (result.Value is not null)
            {
                TempData["Success"] = "Đã thêm chỉ tiêu vào văn bản.";
                return Redirect($"/documents/{id}");
            }

            values.Errors.AddRange(result.Errors);
        }

        FormErrors.Add(ModelState, values.Errors);
        Labels = await Pickers.LabelsAsync(db, [Input.AgencyId], [Input.AreaCode], ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await PlanQueries.GetSummaryAsync(db, id, ct) is not { } document)
        {
            return false;
        }

        Document = document;
        return true;
    }
}
