using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Api;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Surveys;

/// <summary>The survey rounds of the units in the caller's scope, by sector, year, unit and form, with their results.</summary>
public sealed class IndexModel(SurveyService service, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public sealed record FilterModel
    {
        public string? Q { get; init; }
        public string? Sector { get; init; }
        public string? Year { get; init; }
        public string? UnitId { get; init; }
        public string? Instrument { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public IReadOnlyList<SurveyRoundRow> Items { get; private set; } = [];
    public IReadOnlyList<SurveyInstrumentRow> Instruments { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public bool CanCreate => Roles.UnitEditors.Any(User.IsInRole);
    public Pager Pager => Pager.For("/surveys", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var filter = SurveysApi.Filter(Filter.UnitId, Filter.Sector, Filter.Year, Filter.Instrument, Filter.Q, errors);
        var values = new FormValues();
        var page = values.Whole(Request.Query["page"].ToString(), "page", "Số trang phải là số từ 1 trở lên.") ?? 1;
        errors.AddRange(values.Errors);
        if (page < 1 || page > InputLimits.MaxPage)
        {
            errors.Add(new("page", page < 1 ? "Số trang phải là số từ 1 trở lên." : InputLimits.PageMessage));
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        PageNumber = Math.Max(1, page);
        Errors = errors;
        Instruments = await service.InstrumentsAsync(ct);
        if (errors.Count == 0)
        {
            var all = ListExport.WantsAll(Request);
            (Items, Total) = await service.ListAsync(filter, all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize, ct);
        }
    }

    /// <summary>An export replaces the page once the handler has read every row; the print view is the page itself.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0)
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "khao-sat-hai-long", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Đơn vị"), new("Mã đơn vị"), new("Lĩnh vực"), new("Đợt"), new("Kỳ từ", ListExport.Kind.Date), new("Kỳ đến", ListExport.Kind.Date),
        new("Mẫu phiếu"), new("Số phiếu", ListExport.Kind.Number), new("Số câu trả lời có ý kiến", ListExport.Kind.Number),
        new("Điểm trung bình"), new("Điểm quy đổi (0-100)"), new("Tỷ lệ hài lòng (%)"),
    ];

    public static byte[] Xlsx(IEnumerable<SurveyRoundRow> rows) => ListExport.Xlsx("Khảo sát sự hài lòng", Columns, rows.Select(r => (IReadOnlyList<object?>)
        [r.UnitName, r.UnitCode, Display.Sector(r.Sector), r.Label, r.PeriodFrom, r.PeriodTo, r.InstrumentCode, r.Responses, r.Results.N,
            r.Results.Mean, r.Results.Score, r.Results.SatisfiedPercent]));

    public static string Figure(decimal? value, int decimals = 1) => value is { } v ? Display.Number(v, decimals) : "—";

    public string FilterSummary()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter.Q))
        {
            parts.Add($"từ khóa \"{Filter.Q.Trim()}\"");
        }

        if (!string.IsNullOrWhiteSpace(Filter.Sector))
        {
            parts.Add("lĩnh vực " + Display.Sector(Filter.Sector));
        }

        if (!string.IsNullOrWhiteSpace(Filter.Year))
        {
            parts.Add("năm " + Filter.Year.Trim());
        }

        return parts.Count == 0 ? "tất cả đợt khảo sát trong phạm vi" : string.Join("; ", parts);
    }
}
