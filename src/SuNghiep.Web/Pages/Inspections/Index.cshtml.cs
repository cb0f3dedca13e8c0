using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Inspections;

/// <summary>The inspections and checks in the caller's scope, searched by number or body, by kind and year.</summary>
public sealed class IndexModel(InspectionService service, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public sealed record FilterModel
    {
        public string? Q { get; init; }
        public string? Kind { get; init; }
        public string? Year { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public IReadOnlyList<InspectionRow> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public bool CanRecord => Roles.UnitCreators.Any(User.IsInRole);
    public Pager Pager => Pager.For("/inspections", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public static IEnumerable<InspectionKind> Kinds => Enum.GetValues<InspectionKind>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var year = values.Whole(Filter.Year, "year", "Năm phải là số, ví dụ 2025.");
        var page = values.Whole(Request.Query["page"].ToString(), "page", "Số trang phải là số từ 1 trở lên.") ?? 1;
        var errors = values.Errors;
        if (!string.IsNullOrWhiteSpace(Filter.Kind) && InspectionService.ParseKind(Filter.Kind) is null)
        {
            errors.Add(new("kind", $"Hình thức \"{Filter.Kind}\" không tồn tại."));
        }

        if (year is < 1900 or > 2199)
        {
            errors.Add(new("year", "Năm phải từ 1900 đến 2199."));
        }

        if (page < 1 || page > InputLimits.MaxPage)
        {
            errors.Add(new("page", page < 1 ? "Số trang phải là số từ 1 trở lên." : InputLimits.PageMessage));
        }

        PageNumber = Math.Max(1, page);
        Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var all = ListExport.WantsAll(Request);
        (Items, Total) = await service.ListAsync(new InspectionFilter(Filter.Q, Filter.Kind, year, null,
            all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize), ct);
    }

    /// <summary>An export replaces the page once the handler has read every row; the print view is the page itself.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0)
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "thanh-tra-kiem-tra", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Số quyết định"), new("Ngày quyết định", ListExport.Kind.Date), new("Cơ quan thanh tra, kiểm tra"), new("Hình thức"),
        new("Thời kỳ từ", ListExport.Kind.Date), new("Thời kỳ đến", ListExport.Kind.Date), new("Đơn vị được thanh tra"),
        new("Số kết luận"), new("Ngày kết luận", ListExport.Kind.Date), new("Số kiến nghị", ListExport.Kind.Number),
    ];

    public static byte[] Xlsx(IEnumerable<InspectionRow> rows) => ListExport.Xlsx("Thanh tra, kiểm tra", Columns, rows.Select(r => (IReadOnlyList<object?>)
        [r.Decision.Number, r.Decision.Date, r.Body, r.KindName, r.PeriodFrom, r.PeriodTo, string.Join("; ", r.Units), r.ConclusionNumber, r.ConclusionDate, r.Recommendations]));

    public string FilterSummary()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter.Q))
        {
            parts.Add($"từ khóa \"{Filter.Q.Trim()}\"");
        }

        if (InspectionService.ParseKind(Filter.Kind) is { } k)
        {
            parts.Add("hình thức " + InspectionService.KindName(k).ToLowerInvariant());
        }

        if (!string.IsNullOrWhiteSpace(Filter.Year))
        {
            parts.Add("năm " + Filter.Year.Trim());
        }

        return parts.Count == 0 ? "tất cả cuộc thanh tra, kiểm tra trong phạm vi" : string.Join("; ", parts);
    }
}
