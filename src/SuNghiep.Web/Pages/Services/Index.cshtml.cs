using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Services;

/// <summary>The catalogues of public services using the state budget: public acts, listed for every account.</summary>
public sealed class IndexModel(CatalogueQueries queries, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<CatalogueRow> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public string? Search { get; private set; }
    public string? Level { get; private set; }
    public DateOnly Today { get; private set; }
    public Pager Pager => Pager.For("/services", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);
    public bool CanRecord => Roles.UnitCreators.Any(User.IsInRole);

    public async Task OnGetAsync(string? q, string? level, CancellationToken ct)
    {
        Search = q;
        Level = level;
        Today = Display.Today(time);
        var errors = new List<RuleViolation>();
        if (!string.IsNullOrWhiteSpace(level) && CatalogueCodes.ParseLevel(level) is null)
        {
            errors.Add(new("level", $"Cấp ban hành \"{level}\" không có."));
        }

        var page = Request.Query["page"].ToString();
        if (page.Length > 0)
        {
            if (int.TryParse(page, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p >= 1 && p <= InputLimits.MaxPage)
            {
                PageNumber = p;
            }
            else
            {
                errors.Add(new("page", InputLimits.PageMessage));
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        Errors = errors;
        if (errors.Count == 0)
        {
            var all = ListExport.WantsAll(Request);
            (Items, Total) = await queries.CataloguesAsync(new(q, string.IsNullOrWhiteSpace(level) ? null : level,
                all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize), ct);
        }
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0)
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "danh-muc-dich-vu-su-nghiep-cong", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static string LevelName(string code) => CatalogueCodes.ParseLevel(code) is { } l ? CatalogueCodes.LevelName(l) : code;

    public static string Validity(DateOnly from, DateOnly? to) => to is { } end ? $"{Display.Date(from)} – {Display.Date(end)}" : $"Từ {Display.Date(from)}";

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Tên danh mục"), new("Cấp ban hành"), new("Tỉnh, thành phố"), new("Số quyết định"), new("Ngày quyết định", ListExport.Kind.Date),
        new("Cơ quan ban hành"), new("Hiệu lực từ", ListExport.Kind.Date), new("Hiệu lực đến", ListExport.Kind.Date), new("Số dịch vụ", ListExport.Kind.Number),
        new("Nguồn"),
    ];

    public static byte[] Xlsx(IEnumerable<CatalogueRow> rows) => ListExport.Xlsx("Danh mục", Columns, rows.Select(c => (IReadOnlyList<object?>)
    [
        c.Name, LevelName(c.Level), c.AreaName, c.Decision.Number, c.Decision.Date, c.Decision.Issuer, c.ValidFrom, c.ValidTo, c.Items, c.Source,
    ]));
}
