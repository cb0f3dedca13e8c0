using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Indicators;

/// <summary>
/// What a figure is made of: the units it counts on the as-of date (with their autonomy group and where it came from, sector,
/// agency and area) and the reorganizations between the baseline and the as-of date that changed it, each with its decision.
/// </summary>
public sealed class DrilldownModel(SuNghiepDbContext db, IndicatorEngine engine, TimeProvider time) : PageModel
{
    public const int UnitsPageSize = 50;
    public const int EventsPageSize = 20;

    [BindProperty(SupportsGet = true, Name = "")]
    public IndicatorFilterModel Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "search")]
    public string? Search { get; set; }

    public IndicatorDefinition Definition { get; private set; } = null!;
    public IndicatorFilter View { get; private set; } = null!;
    public IndicatorResult? Result { get; private set; }
    public Paged<DrilldownUnit>? Units { get; private set; }
    public Paged<DrilldownEvent>? Events { get; private set; }

    /// <summary>The survey rounds, feedback or recommendations behind a quality and oversight figure, paged as the events are.</summary>
    public Paged<DrilldownRecord>? Records { get; private set; }

    public int RecordsPageCount => Math.Max(1, ((Records?.Total ?? 0) + EventsPageSize - 1) / EventsPageSize);
    public int UnitsPage { get; private set; } = 1;
    public int EventsPage { get; private set; } = 1;

    public string Path => $"/indicators/{Uri.EscapeDataString(Definition.Code)}/drilldown";

    public string ScopeText => View.ScopeText(db.Scope);

    /// <summary>The year whose autonomy group and figures the units are read for.</summary>
    public int Year => View.AsOf.Year;

    public Pager UnitsPager => Pager.For(Path, Request.Query, UnitsPage, Units?.Total ?? 0, UnitsPageSize);

    public int EventsPageCount => Math.Max(1, ((Events?.Total ?? 0) + EventsPageSize - 1) / EventsPageSize);

    public string EventsUrl(int page) => IndicatorFilter.Url(Path,
        Request.Query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => (string?)q.Value.ToString()),
        ("eventsPage", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    public string ExportUrl => IndicatorFilter.Url(Path, View.Query(), ("search", Search), ("handler", "Xlsx"));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (IndicatorPages.Find(code) is not { } definition)
        {
            return NotFound();
        }

        Definition = definition;
        var query = await ReadAsync(ct);
        if (query is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await engine.ComputeAsync(query, ct);
        Units = await UnitsAsync(query, UnitsPage, UnitsPageSize, ct);
        var drilldown = await engine.DrilldownAsync(query, EventsPage, EventsPageSize, ct);
        Events = drilldown.Events;
        Records = drilldown.Records;
        return Page();
    }

    /// <summary>The units and the events of the figure as .xlsx, every row, on two sheets.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string code, CancellationToken ct)
    {
        if (IndicatorPages.Find(code) is not { } definition)
        {
            return NotFound();
        }

        Definition = definition;
        var query = await ReadAsync(ct);
        if (query is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Every row of both lists in one read, as the API's export does.
        var file = IndicatorExport.Xlsx(await engine.DrilldownAsync(query, 1, int.MaxValue, Search?.Trim(), ct));
        return File(file, ReorganizationsApi.XlsxType, $"{definition.Code}-{Display.DateInput(View.AsOf)}.xlsx");
    }

    /// <summary>Reads the filter and the pages; null, with the errors in ModelState, when something is not valid.</summary>
    private async Task<IndicatorQuery?> ReadAsync(CancellationToken ct)
    {
        View = await IndicatorFilter.ReadAsync(db, time, Filter, withBaseline: true, ct);
        var errors = View.Errors.ToList();
        var values = new FormValues();
        UnitsPage = values.Whole(Request.Query["page"], "page", "Số trang phải là số nguyên dương.") ?? 1;
        EventsPage = values.Whole(Request.Query["eventsPage"], "eventsPage", "Số trang phải là số nguyên dương.") ?? 1;
        errors.AddRange(values.Errors);
        foreach (var (field, page) in new[] { ("page", UnitsPage), ("eventsPage", EventsPage) })
        {
            if (page < 1 || page > InputLimits.MaxPage)
            {
                errors.Add(new(field, "Số trang phải là số nguyên dương."));
            }
        }

        if (Search is { Length: > 200 })
        {
            errors.Add(new("search", "Từ khóa tìm kiếm quá dài (tối đa 200 ký tự)."));
        }

        var query = new IndicatorQuery(Definition.Code, View.AsOf, View.Baseline, View.Scope);
        if (errors.Count == 0)
        {
            errors.AddRange(await engine.ValidateAsync(query, ct));
        }

        IndicatorFilter.Report(ModelState, errors);

        if (errors.Count > 0)
        {
            UnitsPage = 1;
            EventsPage = 1;
            return null;
        }

        return query;
    }

    /// <summary>
    /// One page of the figure's units; with a search, those whose code, name or agency match it, accent-insensitive, as the
    /// engine filters them in SQL.
    /// </summary>
    private async Task<Paged<DrilldownUnit>> UnitsAsync(IndicatorQuery query, int page, int pageSize, CancellationToken ct) =>
        (await engine.DrilldownAsync(query, page, pageSize, Search?.Trim(), ct)).Units;
}
