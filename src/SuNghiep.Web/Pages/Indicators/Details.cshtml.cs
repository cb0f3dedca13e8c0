using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Indicators;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Indicators;

/// <summary>One indicator: its definition, its value in the caller's scope for any date, baseline, area, agency, sector and level, and its breakdown.</summary>
public sealed class DetailsModel(SuNghiepDbContext db, IndicatorEngine engine, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public IndicatorFilterModel Filter { get; set; } = new();

    public IndicatorDefinition Definition { get; private set; } = null!;
    public IndicatorFilter View { get; private set; } = null!;
    public IndicatorResult? Result { get; private set; }
    public IReadOnlyList<IndicatorBreakdownRow> Rows { get; private set; } = [];

    public string Path => $"/indicators/{Uri.EscapeDataString(Definition.Code)}";

    public string ScopeText => View.ScopeText(db.Scope);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (IndicatorPages.Find(code) is not { } definition)
        {
            return NotFound();
        }

        Definition = definition;
        View = await IndicatorFilter.ReadAsync(db, time, Filter, withBaseline: true, ct);
        var errors = View.Errors.ToList();
        var query = new IndicatorQuery(definition.Code, View.AsOf, View.Baseline, View.Scope, View.Breakdown);
        if (errors.Count == 0)
        {
            errors.AddRange(await engine.ValidateAsync(query, ct));
        }

        IndicatorFilter.Report(ModelState, errors);

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await engine.ComputeAsync(query, ct);
        Rows = View.Sorted(Result.Breakdown, r => r.Name, (r, column) => column switch
        {
            "baseline" => r.BaselineValue,
            "change" => r.ChangePercent,
            _ => r.Value,
        });
        return Page();
    }
}
