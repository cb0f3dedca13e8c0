using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Quality;

/// <summary>The quality standards, and the assessments of the units in the caller's scope, latest first, with filters.</summary>
public sealed class IndexModel(QualityService quality, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public sealed record FilterModel
    {
        public string? Q { get; init; }
        public string? Sector { get; init; }
        public string? Level { get; init; }
        public string? Kind { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public IReadOnlyList<StandardSummary> Standards { get; private set; } = [];
    public IReadOnlyList<AssessmentRow> Items { get; private set; } = [];
    public IReadOnlyList<string> Levels { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public Pager Pager => Pager.For("/quality", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public static IEnumerable<AssessmentKind> Kinds => Enum.GetValues<AssessmentKind>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var page = values.Whole(Request.Query["page"].ToString(), "page", "Số trang phải là số từ 1 trở lên.") ?? 1;
        var errors = values.Errors;
        var kind = QualityNames.ParseKind(Filter.Kind);
        if (!string.IsNullOrWhiteSpace(Filter.Kind) && kind is null)
        {
            errors.Add(new("kind", $"Hình thức đánh giá \"{Filter.Kind}\" không tồn tại."));
        }

        if (!string.IsNullOrWhiteSpace(Filter.Sector) && Catalog.FindSector(Filter.Sector) is null)
        {
            errors.Add(new("sector", $"Lĩnh vực \"{Filter.Sector}\" không tồn tại."));
        }

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
        Standards = await quality.ListStandardsAsync(ct);
        Levels = await quality.LevelLabelsAsync(ct);
        if (errors.Count == 0)
        {
            var all = ListExport.WantsAll(Request);
            (Items, Total) = await quality.ListAsync(new AssessmentFilter(Filter.Q, Filter.Sector, Filter.Level, kind,
                all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize), ct);
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

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "danh-gia-chat-luong", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Mã đơn vị"), new("Đơn vị"), new("Cơ quan quản lý"), new("Lĩnh vực"), new("Tiêu chuẩn"), new("Hình thức"),
        new("Ngày đánh giá", ListExport.Kind.Date), new("Điểm", ListExport.Kind.Number), new("Mức"), new("Giá trị đến", ListExport.Kind.Date),
    ];

    public static byte[] Xlsx(IEnumerable<AssessmentRow> rows) => ListExport.Xlsx("Đánh giá chất lượng", Columns, rows.Select(r => (IReadOnlyList<object?>)
        [r.UnitCode, r.UnitName, r.AgencyName, r.SectorCode is null ? null : Display.Sector(r.SectorCode), r.StandardCode, QualityNames.KindName(r.Kind),
            r.AssessedOn, r.Score, r.LevelLabel, r.ValidUntil]));

    public string FilterSummary()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter.Q))
        {
            parts.Add($"từ khóa \"{Filter.Q.Trim()}\"");
        }

        if (Catalog.FindSector(Filter.Sector) is { } sector)
        {
            parts.Add("lĩnh vực " + sector.Name);
        }

        if (!string.IsNullOrWhiteSpace(Filter.Level))
        {
            parts.Add("mức " + Filter.Level.Trim());
        }

        if (QualityNames.ParseKind(Filter.Kind) is { } kind)
        {
            parts.Add(QualityNames.KindName(kind).ToLowerInvariant());
        }

        return parts.Count == 0 ? "tất cả đánh giá trong phạm vi" : string.Join("; ", parts);
    }
}
