using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Pages.Network;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Providers;

/// <summary>Non-public providers, searched by name or code (accent-insensitive), by sector and area.</summary>
public sealed class IndexModel(SuNghiepDbContext db, ProviderService service, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AreaCode { get; set; }

    public IReadOnlyList<ProviderView> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public List<RuleViolation> Errors { get; private set; } = [];
    public PickerLabels Labels { get; private set; } = PickerLabels.None;
    public bool CanRecord => Roles.UnitCreators.Any(User.IsInRole);
    public Pager Pager => Pager.For("/providers", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var page = values.Whole(Request.Query["page"].ToString(), "page", "Số trang phải là số từ 1 trở lên.") ?? 1;
        Errors = values.Errors;
        if (page < 1 || page > InputLimits.MaxPage)
        {
            Errors.Add(new("page", page < 1 ? "Số trang phải là số từ 1 trở lên." : InputLimits.PageMessage));
        }

        if (!string.IsNullOrWhiteSpace(Sector) && Catalog.FindSector(Sector) is null)
        {
            Errors.Add(new("sector", "Lĩnh vực không hợp lệ."));
        }

        var area = await Pickers.AreaFieldAsync(db, AreaCode, null, "areaCode", Errors, ct);
        Labels = await Pickers.LabelsAsync(db, [], [AreaCode], ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        PageNumber = page;
        var all = ListExport.WantsAll(Request);
        (Items, Total) = await service.ListAsync(new ProviderListQuery(Q, Sector, area, all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize), ct);
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0)
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "co-so-ngoai-cong-lap", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Mã cơ sở"), new("Tên cơ sở"), new("Lĩnh vực"), new("Loại cơ sở"), new("Loại hình pháp lý"), new("Hình thức sở hữu"),
        new("Xã, phường"), new("Địa chỉ"), new("Quy mô", ListExport.Kind.Number), new("Đơn vị quy mô"), new("Số giấy phép"),
        new("Ngày cấp phép", ListExport.Kind.Date), new("Ngày bắt đầu hoạt động", ListExport.Kind.Date), new("Ngày chấm dứt", ListExport.Kind.Date),
    ];

    public static byte[] Xlsx(IEnumerable<ProviderView> rows) => ListExport.Xlsx("Cơ sở ngoài công lập", Columns, rows.Select(p => (IReadOnlyList<object?>)
        [p.Code, p.Name, Catalog.SectorName(p.Sector), p.ProviderType, p.LegalForm, p.Ownership, p.CommuneName, p.Address, p.Capacity,
         NetworkDisplay.UnitName(p.CapacityUnit), p.Licence.Number, p.Licence.Date, p.StartedOn, p.EndedOn]));
}
