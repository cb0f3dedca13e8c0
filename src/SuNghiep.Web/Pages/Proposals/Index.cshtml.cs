using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Proposals;

/// <summary>The reorganization dossiers in the caller's scope, searched by number, summary or agency, by status and agency.</summary>
public sealed class IndexModel(SuNghiepDbContext db, ProposalService service, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public sealed record FilterModel
    {
        public string? Q { get; init; }
        public string? Status { get; init; }
        public string? AgencyId { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public IReadOnlyList<ProposalRow> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public List<AgencyOption> Agencies { get; private set; } = [];
    public bool CanDraft => Roles.UnitCreators.Any(User.IsInRole);
    public Pager Pager => Pager.For("/reorganization-proposals", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var agency = values.Whole(Filter.AgencyId, "agencyId", "Cơ quan lập hồ sơ không hợp lệ.");
        // Read from the query itself: bound by name, "page" would be the route value Razor Pages gives it (the page's path).
        var page = values.Whole(Request.Query["page"].ToString(), "page", "Số trang phải là số từ 1 trở lên.") ?? 1;
        var errors = values.Errors;
        var status = ProposalService.ParseStatus(Filter.Status);
        if (!string.IsNullOrWhiteSpace(Filter.Status) && status is null)
        {
            errors.Add(new("status", $"Trạng thái \"{Filter.Status}\" không tồn tại."));
        }

        if (page < 1 || page > InputLimits.MaxPage)
        {
            errors.Add(new("page", page < 1 ? "Số trang phải là số từ 1 trở lên." : InputLimits.PageMessage));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        PageNumber = Math.Max(1, page);
        Errors = errors;
        if (errors.Count == 0)
        {
            var all = ListExport.WantsAll(Request);
            (Items, Total) = await service.ListAsync(new ProposalFilter(Filter.Q, status, agency,
                all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize), ct);
        }

        if (Request.Headers["HX-Request"] != "true" || Request.Headers["HX-History-Restore-Request"] == "true")
        {
            Agencies = await Lookups.AgenciesAsync(db, ct);
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

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "ho-so-sap-xep", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Loại văn bản"), new("Số, ký hiệu"), new("Ngày", ListExport.Kind.Date), new("Trích yếu"), new("Cơ quan lập hồ sơ"),
        new("Hình thức sắp xếp"), new("Trạng thái"),
    ];

    public static byte[] Xlsx(IEnumerable<ProposalRow> rows) => ListExport.Xlsx("Hồ sơ sắp xếp", Columns, rows.Select(r => (IReadOnlyList<object?>)
        [r.KindName, r.Number, r.ProposedOn, r.Summary, r.AgencyName, r.EventTypeName, r.StatusName]));

    public static IEnumerable<ProposalStatus> Statuses => Enum.GetValues<ProposalStatus>();

    public string FilterSummary()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter.Q))
        {
            parts.Add($"từ khóa \"{Filter.Q.Trim()}\"");
        }

        if (ProposalService.ParseStatus(Filter.Status) is { } s)
        {
            parts.Add("trạng thái " + ProposalService.StatusName(s).ToLowerInvariant());
        }

        if (int.TryParse(Filter.AgencyId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) && Agencies.FirstOrDefault(x => x.Id == a) is { } agency)
        {
            parts.Add("cơ quan " + agency.Name);
        }

        return parts.Count == 0 ? "tất cả hồ sơ trong phạm vi" : string.Join("; ", parts);
    }
}
