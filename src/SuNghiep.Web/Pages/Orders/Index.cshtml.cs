using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Orders;

/// <summary>The orders the caller's scope reaches (as orderer or as provider unit), filtered, searched and paged in SQL.</summary>
public sealed class IndexModel(SuNghiepDbContext db, OrderService service, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public sealed record FilterModel
    {
        public string? Q { get; init; }
        public string? Year { get; init; }
        public string? Method { get; init; }
        public string? Status { get; init; }
        public string? OrdererAgencyId { get; init; }
        /// <summary>The provider unit's code (the unit picker's value), or its name typed without JavaScript.</summary>
        public string? ProviderUnit { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public IReadOnlyList<OrderRow> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public PickerLabels Labels { get; private set; } = PickerLabels.None;
    public bool CanOrder => Roles.UnitCreators.Any(User.IsInRole);
    public Pager Pager => Pager.For("/orders", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var page = values.Whole(Request.Query["page"].ToString(), "page", "Số trang phải là số từ 1 trở lên.") ?? 1;
        var year = values.Whole(Filter.Year, "year", "Năm không hợp lệ.");
        var errors = values.Errors;
        var agency = await Pickers.AgencyFieldAsync(db, Filter.OrdererAgencyId, "ordererAgencyId", errors, ct);
        int? agencyId = int.TryParse(agency, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
        int? unitId = null;
        if (!string.IsNullOrWhiteSpace(Filter.ProviderUnit))
        {
            unitId = await UnitIdAsync(db, Filter.ProviderUnit, Display.Today(time), errors, ct);
        }

        var method = ServiceRules.ParseMethod(Filter.Method);
        if (!string.IsNullOrWhiteSpace(Filter.Method) && method is null)
        {
            errors.Add(new("method", $"Phương thức \"{Filter.Method}\" không tồn tại."));
        }

        var status = OrderCodes.ParseStatus(Filter.Status);
        if (!string.IsNullOrWhiteSpace(Filter.Status) && status is null)
        {
            errors.Add(new("status", $"Trạng thái \"{Filter.Status}\" không tồn tại."));
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
            (Items, Total) = await service.ListAsync(new OrderFilter(year, method, agencyId, unitId, null, null, status, Filter.Q,
                all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize), ct);
        }

        Labels = await Pickers.LabelsAsync(db, [Filter.OrdererAgencyId], [], ct);
    }

    /// <summary>The problems of an import that wrote nothing, by row and column.</summary>
    public IReadOnlyList<Core.Reorganizations.ImportProblem> ImportProblems { get; private set; } = [];

    public IActionResult OnGetTemplate() =>
        CanOrder ? File(OrderImport.Template(), ListExport.XlsxType, "mau-nhap-dat-hang.xlsx") : Forbid();

    /// <summary>Imports a year's orders from the template: all or nothing; the problems are listed by row and column.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, [FromServices] OrderImport import, CancellationToken ct)
    {
        if (!CanOrder)
        {
            return Forbid();
        }

        if (upload is null || upload.Length == 0)
        {
            ImportProblems = [new(0, "", "", "Chọn tệp .xlsx theo mẫu để nhập.")];
        }
        else
        {
            await using var stream = new MemoryStream();
            await upload.CopyToAsync(stream, ct);
            stream.Position = 0;
            var result = await import.ImportAsync(stream, ct);
            if (result.Succeeded)
            {
                TempData["Success"] = $"Đã nhập {Display.Number(result.Applied)} đặt hàng.";
                return Redirect("/orders");
            }

            ImportProblems = result.Problems;
        }

        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A unit field as a form sends it: a code of the register (any unit may provide a service), else a name the caller's scope resolves.</summary>
    public static async Task<int?> UnitIdAsync(SuNghiepDbContext db, string text, DateOnly on, List<RuleViolation> errors, CancellationToken ct, string field = "providerUnit")
    {
        var trimmed = text.Trim();
        var byCode = await db.Units.IgnoreQueryFilters().Where(u => u.Code == trimmed && !u.Voided).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (byCode is not null)
        {
            return byCode;
        }

        var resolved = await Pickers.ResolveUnitAsync(db, trimmed, on, ct);
        if (resolved.Value is { } code)
        {
            return await db.Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        }

        errors.Add(new(field, resolved.Error ?? $"Không tìm thấy đơn vị sự nghiệp công lập \"{trimmed}\"."));
        return null;
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0)
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "dat-hang-dich-vu", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Năm", ListExport.Kind.Number), new("Phương thức"), new("Số quyết định"), new("Cơ quan đặt hàng"), new("Bên cung cấp"), new("Mã dịch vụ"),
        new("Dịch vụ"), new("Số lượng", ListExport.Kind.Number), new("Đơn giá (đồng)", ListExport.Kind.Number), new("Giá trị (đồng)", ListExport.Kind.Number),
        new("Số lượng nghiệm thu", ListExport.Kind.Number), new("Giá trị nghiệm thu (đồng)", ListExport.Kind.Number), new("Trạng thái"),
    ];

    public static byte[] Xlsx(IEnumerable<OrderRow> rows) => ListExport.Xlsx("Đặt hàng dịch vụ", Columns, rows.Select(r => (IReadOnlyList<object?>)
        [r.Year, r.MethodName, r.DecisionNumber, r.OrdererName, r.ProviderName, r.ItemCode, r.ItemName, r.Quantity, r.UnitPrice, r.Value,
            r.QuantityAccepted, r.AcceptedValue, r.StatusName]));

    public string FilterSummary()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter.Q))
        {
            parts.Add($"từ khóa \"{Filter.Q.Trim()}\"");
        }

        if (!string.IsNullOrWhiteSpace(Filter.Year))
        {
            parts.Add($"năm {Filter.Year.Trim()}");
        }

        if (ServiceRules.ParseMethod(Filter.Method) is { } m)
        {
            parts.Add("phương thức " + ServiceRules.MethodName(m).ToLowerInvariant());
        }

        if (OrderCodes.ParseStatus(Filter.Status) is { } s)
        {
            parts.Add("trạng thái " + OrderCodes.StatusName(s).ToLowerInvariant());
        }

        if (!string.IsNullOrWhiteSpace(Filter.OrdererAgencyId))
        {
            parts.Add("cơ quan " + (Labels.Agency(Filter.OrdererAgencyId) ?? Filter.OrdererAgencyId.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(Filter.ProviderUnit))
        {
            parts.Add("đơn vị " + Filter.ProviderUnit.Trim());
        }

        return parts.Count == 0 ? "tất cả đặt hàng trong phạm vi" : string.Join("; ", parts);
    }
}
