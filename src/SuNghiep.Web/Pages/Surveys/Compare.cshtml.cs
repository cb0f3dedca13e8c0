using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Surveys;

/// <summary>
/// Units of a sector compared over a year, or one unit across years: each unit's (or year's) answers pooled over its
/// rounds, by the normalised score and the share satisfied, which compare across forms.
/// </summary>
public sealed class CompareModel(SuNghiepDbContext db, SurveyService service, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UnitId { get; set; }

    public int YearValue { get; private set; }
    public string? UnitName { get; private set; }
    public IReadOnlyList<SurveyComparisonRow> Rows { get; private set; } = [];
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public bool ByYear => UnitName is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var year = values.Whole(Year, "year", "Năm phải là số, ví dụ 2026.") ?? Display.Today(time).Year;
        var unit = values.Whole(UnitId, "unitId", "Đơn vị không hợp lệ.");
        if (year is < 1900 or > 2200)
        {
            values.Errors.Add(new("year", "Năm phải từ 1900 đến 2200."));
        }

        YearValue = year;
        if (unit is { } unitId)
        {
            UnitName = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
            if (UnitName is null)
            {
                values.Errors.Add(new("unitId", "Không tìm thấy đơn vị trong phạm vi của bạn."));
            }
        }

        Errors = values.Errors;
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Rows = unit is { } id
            ? await service.CompareYearsAsync(id, ct)
            : await service.CompareUnitsAsync(string.IsNullOrWhiteSpace(Sector) ? null : Sector.Trim(), year, ct);
    }

    public string ChartJson() => Resources.ResourceDisplay.ChartJson(new
    {
        labels = Rows.Select(r => r.Label).ToList(),
        scores = Rows.Select(r => r.Results.Score).ToList(),
        shares = Rows.Select(r => r.Results.SatisfiedPercent).ToList(),
    });
}
