using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Seeding;
using SuNghiep.Core.Units;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Counts;

/// <summary>
/// The number of active units on a date against a baseline (domain 3.1: (units on the date − units on the baseline) /
/// units on the baseline), with its breakdowns, a yearly series, and the events that changed it.
/// </summary>
public sealed class IndexModel(SuNghiepDbContext db, IndicatorEngine engine, TimeProvider time) : PageModel
{
    public static readonly DateOnly DefaultBaseline = new(2015, 12, 31);

    /// <summary>At most this many events are listed; the API's changes endpoint reads the same page.</summary>
    public const int MaxEvents = 500;

    public sealed record FilterModel
    {
        public string? AreaCode { get; init; }
        public string? AgencyId { get; init; }
        public string? Date { get; init; }
        public string? Baseline { get; init; }
    }

    public sealed record Row(string Label, int Baseline, int Value);

    public sealed record Breakdown(string Title, IReadOnlyList<Row> Rows);

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public string? AreaCode { get; private set; }
    public string? AreaName { get; private set; }
    public int? AgencyId { get; private set; }
    public string? AgencyName { get; private set; }
    public DateOnly Date { get; private set; }
    public DateOnly Baseline { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public CountBreakdown? Current { get; private set; }
    public CountBreakdown? Base { get; private set; }
    public IReadOnlyList<Breakdown> Breakdowns { get; private set; } = [];
    public IReadOnlyList<(int Year, int Total)> Years { get; private set; } = [];
    public IReadOnlyList<ReorganizationView> Changes { get; private set; } = [];
    public bool ChangesCut { get; private set; }
    public (int Started, int Ended) Flow { get; private set; }
    /// <summary>The agency text the caller typed when it named no agency, shown back in the field.</summary>
    public string? AgencyText { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = Display.Today(time);
        var errors = new List<RuleViolation>();
        DateOnly Read(string? text, DateOnly fallback, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (Display.TryParseDate(text, out var d) && d >= UnitRules.EarliestDate)
            {
                return d;
            }

            errors.Add(new(field, $"{label} không hợp lệ: chọn một ngày có thật từ 02/09/1945."));
            return fallback;
        }

        Date = Read(Filter.Date, Today, "date", "Ngày xem");
        Baseline = Read(Filter.Baseline, DefaultBaseline, "baseline", "Ngày so sánh");
        if (Baseline >= Date && errors.Count == 0)
        {
            errors.Add(new("baseline", "Ngày so sánh phải trước ngày xem."));
        }

        // An area code left out means the caller's own province; one cleared on purpose means all the caller sees.
        AreaCode = Request.Query.ContainsKey("areaCode") ? Blank(Filter.AreaCode) : await DefaultAreaAsync(ct);
        if (AreaCode is not null)
        {
            // The field takes a code or, typed without the picker, a name.
            var area = await Pickers.ResolveAreaAsync(db, AreaCode, null, ct);
            if (area.Error is not null)
            {
                errors.Add(new("areaCode", area.Error));
            }

            AreaCode = area.Value ?? AreaCode;
        }

        if (AreaCode is not null && !errors.Any(e => e.Field == "areaCode"))
        {
            // The message and the reading of the code are the engine's, as /api/v1/counts and the indicators give them.
            errors.AddRange(await engine.ValidateScopeAsync(new IndicatorScope(AreaCode), ct));
            var areas = await db.Areas.AsNoTracking().Where(a => a.Code == AreaCode)
                .OrderByDescending(a => a.ValidTo == null).ThenByDescending(a => a.ValidFrom)
                .Select(a => new { a.Type, a.Name }).ToListAsync(ct);
            if (areas.Count > 0)
            {
                AreaName = Area.FullNameOf(areas[0].Type, areas[0].Name);
            }
        }

        if (Blank(Filter.AgencyId) is { } agencyText)
        {
            var agency = await Pickers.ResolveAgencyAsync(db, agencyText, ct);
            if (agency.Value is { } value)
            {
                AgencyId = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                AgencyName = agency.Name;
            }
            else
            {
                AgencyText = agencyText;
                errors.Add(new("agencyId", agency.Error!));
            }
        }

        // A page past the last shows the last; a page that is no number is the user's mistake to see.
        if (Blank(Request.Query["page"]) is { } pageText)
        {
            if (int.TryParse(pageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) && page >= 1 && page <= InputLimits.MaxPage)
            {
                EventsPage = page;
            }
            else
            {
                errors.Add(new("page", InputLimits.PageMessage));
            }
        }

        Errors = errors;
        foreach (var error in errors.DistinctBy(e => e.Field))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var scope = new CountScope(AreaCode, AgencyId);
        Current = await HistoryQueries.CountAsync(db, engine, Date, scope, ct);
        Base = await HistoryQueries.CountAsync(db, engine, Baseline, scope, ct);
        Breakdowns =
        [
            new("Theo lĩnh vực", Catalog.Sectors.Select(s => new Row(s.Name, Base.BySector[s.Code], Current.BySector[s.Code])).ToList()),
            new("Theo loại đơn vị", Catalog.RoleClasses.Select(r => new Row(r.Name, Base.ByRoleClass[r.Code], Current.ByRoleClass[r.Code])).ToList()),
            new("Theo cấp quản lý", Catalog.Levels.Select(l => new Row(l.Name, Base.ByLevel[l.Code], Current.ByLevel[l.Code])).ToList()),
            new("Theo nhóm tự chủ tài chính", Base.ByAutonomyGroup.Keys.Select(k =>
                new Row(Display.AutonomyGroup(k == "none" ? null : int.Parse(k, CultureInfo.InvariantCulture)), Base.ByAutonomyGroup[k], Current.ByAutonomyGroup[k])).ToList()),
        ];

        // The engine's series: each year's end, today for the current year.
        Years = (await engine.SeriesAsync("units.count", Baseline.Year, Today.Year, new IndicatorScope(AreaCode, null, AgencyId), ct))
            .Select(y => (y.Year, (int)(y.Value ?? 0))).ToList();
        // An export or a print view lists every event of the period, up to the export's cap.
        var limit = ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : MaxEvents;
        var (events, total) = await HistoryQueries.ListAsync(db, new HistoryQueries.ReorganizationFilter(
            null, Baseline.AddDays(1), Date, scope, false, 1, limit), limit, ct);
        Changes = events.Where(e => e.CountChange != 0).OrderBy(e => e.EffectiveDate).ThenBy(e => e.Id).ToList();
        EventsPage = Math.Min(EventsPage, Math.Max(1, (Changes.Count + EventsPageSize - 1) / EventsPageSize));
        ChangesCut = total > limit;
        EventsTotal = total;
        Flow = await HistoryQueries.StartsAndEndsAsync(db, Baseline, Date, scope, ct);
        return Page();
    }

    public int EventsTotal { get; private set; }

    /// <summary>Events a page lists; an export and a print view list them all.</summary>
    public const int EventsPageSize = 25;

    public int EventsPage { get; private set; } = 1;

    /// <summary>The events of the page shown: all of them for an export or a print view.</summary>
    public IReadOnlyList<ReorganizationView> ChangesShown =>
        ListExport.WantsAll(Request) ? Changes : Changes.Skip((EventsPage - 1) * EventsPageSize).Take(EventsPageSize).ToList();

    public Pager EventsPager => Pager.For("/counts", Request.Query, EventsPage, Changes.Count, EventsPageSize);

    /// <summary>The events table opens by itself when it fits on one page, when printed, or once the reader has paged.</summary>
    public bool EventsOpen => Changes.Count <= EventsPageSize || EventsPage > 1 || ListExport.WantsAll(Request);

    /// <summary>An export replaces the page once the handler has read every event; the print view is the page itself.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0 || Current is null || !ListExport.WantsAll(Request))
        {
            return;
        }

        ViewData["AsOf"] = Date;
        if (await ListExport.ReplacementAsync(Request, EventsTotal, () => Task.FromResult(Xlsx()), "so-luong-don-vi", Date) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> CountColumns =
    [
        new("Phạm vi"), new("Cơ cấu"), new("Nhóm"), new("Ngày so sánh", ListExport.Kind.Date), new("Số đơn vị tại ngày so sánh", ListExport.Kind.Number),
        new("Ngày xem", ListExport.Kind.Date), new("Số đơn vị tại ngày xem", ListExport.Kind.Number), new("Thay đổi", ListExport.Kind.Number),
    ];

    public static readonly IReadOnlyList<ListExport.Column> YearColumns = [new("Năm", ListExport.Kind.Number), new("Số đơn vị", ListExport.Kind.Number)];

    /// <summary>The counts with their breakdowns, the yearly series, and every event that changed the count, one sheet each.</summary>
    public byte[] Xlsx()
    {
        var totals = new[] { new Breakdown("Tổng số", [new Row("Tất cả đơn vị", Base!.Total, Current!.Total)]) }.Concat(Breakdowns);
        return ListExport.Xlsx(
            new ListExport.Sheet("Số đơn vị", CountColumns, totals.SelectMany(b => b.Rows.Select(r => (IReadOnlyList<object?>)
                [Scope, b.Title, r.Label, Baseline, r.Baseline, Date, r.Value, r.Value - r.Baseline]))),
            new ListExport.Sheet("Theo năm", YearColumns, Years.Select(y => (IReadOnlyList<object?>)[y.Year, y.Total])),
            new ListExport.Sheet("Sự kiện", Reorganizations.IndexModel.Columns, Reorganizations.IndexModel.Rows(Changes)));
    }

    /// <summary>The province of an account scoped to an area; otherwise the demo province, which every install has.</summary>
    private async Task<string> DefaultAreaAsync(CancellationToken ct)
    {
        if (db.Scope.AreaPath is { } path
            && int.TryParse(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rootId)
            && await db.Areas.AsNoTracking().Where(a => a.Id == rootId).Select(a => a.Code).FirstOrDefaultAsync(ct) is { } code)
        {
            return code;
        }

        return DemoSeeder.ProvinceCode;
    }

    public string Scope =>
        string.Join(", ", new[] { AreaName is null ? null : $"{AreaName} (mã {AreaCode})", AgencyName }.Where(s => s is not null)) is { Length: > 0 } s
            ? s : "toàn bộ phạm vi của tài khoản";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
