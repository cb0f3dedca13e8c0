using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Indicators;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Dashboard;

/// <summary>
/// The landing page: every indicator of the catalogue in the caller's scope on a date, against its default baseline, with
/// the statuses of the targets on it, its yearly series since 2015, and one breakdown (by province nationally, by commune
/// or agency in a province) as a sortable table and a bar chart. The same view downloads as .xlsx.
/// </summary>
public sealed class IndexModel(SuNghiepDbContext db, IndicatorEngine engine, TargetStatuses targets, TimeProvider time) : PageModel
{
    public const string Path = "/dashboard";

    public sealed record Card(
        IndicatorDefinition Definition, IndicatorResult Result, IReadOnlyList<(int Year, decimal? Value)> Series, IReadOnlyList<TargetLine> Targets);

    /// <summary>A target on an indicator, with its status as a word and a colour, and the sentence that explains it.</summary>
    public sealed record TargetLine(int DocumentId, string DocumentNumber, string Text, string Status, string Explanation, string? DrilldownUrl);

    /// <summary>One row of the breakdown: an area, agency or sector with each indicator's figures there.</summary>
    public sealed record BreakdownRow(string Key, string Name, IReadOnlyDictionary<string, IndicatorBreakdownRow> Cells);

    [BindProperty(SupportsGet = true, Name = "")]
    public IndicatorFilterModel Filter { get; set; } = new();

    public IndicatorFilter View { get; private set; } = null!;

    /// <summary>False when the caller's scope holds no unit at all: the page says so instead of showing zeros.</summary>
    public bool HasUnits { get; private set; }

    public IReadOnlyList<Card> Cards { get; private set; } = [];
    public IReadOnlyList<BreakdownRow> Rows { get; private set; } = [];

    /// <summary>Rows of the breakdown left out because every figure in them is nil on the date.</summary>
    public int HiddenRows { get; private set; }

    /// <summary>The bar chart draws at most this many rows, in the table's order, so that every label stays legible.</summary>
    public const int ChartRows = 40;

    /// <summary>The indicator the breakdown's bar chart draws: the one the table is sorted by, else the number of units.</summary>
    public IndicatorDefinition ChartIndicator => IndicatorPages.Find(View.Sort) ?? Cards.Select(c => c.Definition).FirstOrDefault() ?? IndicatorPages.Definitions[0];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(withSeries: true, ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The view on the page as .xlsx: a sheet of the indicators, then one sheet per indicator's breakdown.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(withSeries: false, ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var file = DashboardExport.Xlsx(View, Cards.Select(c => (c.Definition, c.Result)).ToList(), ScopeText);
        return File(file, ReorganizationsApi.XlsxType, $"chi-so-{Display.DateInput(View.AsOf)}.xlsx");
    }

    /// <summary>Reads the filter and computes the view; false with the errors in ModelState when the filter is not valid.</summary>
    private async Task<bool> LoadAsync(bool withSeries, CancellationToken ct)
    {
        View = await IndicatorFilter.ReadAsync(db, time, Filter, withBaseline: false, ct);
        IndicatorFilter.Report(ModelState, View.Errors);

        if (View.Errors.Count > 0)
        {
            return false;
        }

        HasUnits = await db.Units.AnyAsync(ct);
        if (!HasUnits)
        {
            return true;
        }

        var results = await engine.ComputeAllAsync(View.AsOf, View.Scope, View.Breakdown, ct);
        // Targets are measured today, whatever date the dashboard reads: a target's status is about now.
        var measured = withSeries ? await targets.ForScopeAsync(View.Scope, ct) : [];
        // The charts' yearly series of every indicator in one read: a year's pass serves all of them.
        var allSeries = withSeries
            ? await engine.SeriesAllAsync(IndicatorPages.FirstChartYear, Math.Max(View.AsOf.Year, IndicatorPages.FirstChartYear), View.Scope, ct)
            : null;
        var cards = new List<Card>();
        foreach (var result in results)
        {
            if (IndicatorPages.Find(result.Code) is not { } definition)
            {
                continue;
            }

            var series = allSeries?.GetValueOrDefault(result.Code) ?? [];
            var lines = measured.Where(t => string.Equals(t.IndicatorCode, result.Code, StringComparison.OrdinalIgnoreCase))
                .Select(t => new TargetLine(t.DocumentId, t.DocumentNumber, t.Text, t.Status, t.Explanation, Plans.PlanDisplay.DrilldownUrl(t))).ToList();
            cards.Add(new Card(definition, result, series, lines));
        }

        Cards = cards;
        Rows = cards.SelectMany(c => c.Result.Breakdown.Select(r => (c.Definition.Code, Row: r)))
            .GroupBy(x => x.Row.Key)
            .Select(g => new BreakdownRow(g.Key, g.First().Row.Name, g.GroupBy(x => x.Code).ToDictionary(x => x.Key, x => x.First().Row)))
            .ToList();
        // Areas and agencies that no longer hold anything (the districts before 2025) carry only their baselines, which this
        // table does not show: the indicator's own page lists them with their change.
        var empty = Rows.Where(r => r.Cells.Values.All(c => c.Value is null or 0)).ToList();
        HiddenRows = empty.Count;
        Rows = View.Sorted(Rows.Except(empty), r => r.Name, (r, code) => r.Cells.TryGetValue(code, out var cell) ? cell.Value : null);
        return true;
    }

    public string ScopeText => View.ScopeText(db.Scope);

    public string ExportUrl => IndicatorFilter.Url(Path, View.Query(withBaseline: false, withBreakdown: true), ("handler", "Xlsx"));

    public string IndicatorUrl(string code) =>
        IndicatorFilter.Url($"/indicators/{Uri.EscapeDataString(code)}", View.Query(withBaseline: false, withBreakdown: true));
}
