using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Recommendations;

/// <summary>The recommendations of inspection conclusions in the caller's scope, by status today and addressee agency.</summary>
public sealed class IndexModel(SuNghiepDbContext db, InspectionService service, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public sealed record FilterModel
    {
        public string? Status { get; init; }
        public string? AddresseeAgencyId { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public IReadOnlyList<RecommendationView> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public List<AgencyOption> Agencies { get; private set; } = [];
    public Pager Pager => Pager.For("/recommendations", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public static IEnumerable<RecommendationStatus> Statuses => Enum.GetValues<RecommendationStatus>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var agency = values.Whole(Filter.AddresseeAgencyId, "addresseeAgencyId", "Cơ quan thực hiện không hợp lệ.");
        var page = values.Whole(Request.Query["page"].ToString(), "page", "Số trang phải là số từ 1 trở lên.") ?? 1;
        var errors = values.Errors;
        var status = InspectionRules.ParseStatus(Filter.Status);
        if (!string.IsNullOrWhiteSpace(Filter.Status) && status is null)
        {
            errors.Add(new("status", $"Tình trạng \"{Filter.Status}\" không tồn tại."));
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
        }
        else
        {
            var all = ListExport.WantsAll(Request);
            (Items, Total) = await service.ListRecommendationsAsync(new RecommendationFilter(status, agency, null, null, null,
                all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize), ct);
        }

        if (Request.Headers["HX-Request"] != "true" || Request.Headers["HX-History-Restore-Request"] == "true")
        {
            Agencies = await Lookups.AgenciesAsync(db, ct);
        }
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0)
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "kien-nghi-thanh-tra", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Quyết định thanh tra"), new("Kết luận"), new("Nội dung"), new("Đơn vị"), new("Loại kiến nghị"), new("Nội dung kiến nghị"),
        new("Cơ quan thực hiện"), new("Hạn", ListExport.Kind.Date), new("Số tiền (đồng)", ListExport.Kind.Number),
        new("Đã thu hồi (đồng)", ListExport.Kind.Number), new("Tình trạng"),
    ];

    public static byte[] Xlsx(IEnumerable<RecommendationView> rows) => ListExport.Xlsx("Kiến nghị", Columns, rows.Select(r => (IReadOnlyList<object?>)
        [r.InspectionNumber, r.ConclusionNumber, r.FindingCategory, r.UnitName, r.TypeName, r.Content, r.AddresseeAgencyName, r.Deadline, r.Amount, r.Recovered, r.StatusName]));

    public string FilterSummary()
    {
        var parts = new List<string>();
        if (InspectionRules.ParseStatus(Filter.Status) is { } s)
        {
            parts.Add("tình trạng " + InspectionRules.Name(s).ToLowerInvariant());
        }

        if (int.TryParse(Filter.AddresseeAgencyId, out var a) && Agencies.FirstOrDefault(x => x.Id == a) is { } agency)
        {
            parts.Add("cơ quan " + agency.Name);
        }

        return parts.Count == 0 ? "tất cả kiến nghị trong phạm vi" : string.Join("; ", parts);
    }
}
