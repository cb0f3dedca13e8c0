using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Orders;

/// <summary>Issue an order: the item from the catalogues, the provider (a unit of the register or a non-public provider), the price in force.</summary>
public sealed class NewModel(SuNghiepDbContext db, OrderService service, TimeProvider time) : PageModel
{
    public sealed record OrderForm
    {
        public string? Year { get; init; }
        public string? Method { get; init; }
        public string? OrdererAgencyId { get; init; }
        public string? ProviderUnit { get; init; }
        public string? ProviderId { get; init; }
        public string? ItemId { get; init; }
        public string? Quantity { get; init; }
        public string? UnitPrice { get; init; }
        public string? StartOn { get; init; }
        public string? EndOn { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public string? EstimateReference { get; init; }
        public string? QualityRequirement { get; init; }
    }

    public sealed record ItemOption(int Id, string Code, string Name, string Catalogue, string Methods);

    public sealed record ProviderOption(int Id, string Name, string Code);

    [BindProperty]
    public OrderForm Input { get; set; } = new();

    public IReadOnlyList<ItemOption> Items { get; private set; } = [];
    public IReadOnlyList<ProviderOption> Providers { get; private set; } = [];
    public PickerLabels Labels { get; private set; } = PickerLabels.None;
    /// <summary>What the price lookup found, shown beside the unit price.</summary>
    public string? PriceNote { get; private set; }

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["year"] = "Input.Year", ["method"] = "Input.Method", ["ordererAgencyId"] = "Input.OrdererAgencyId", ["providerUnitId"] = "Input.ProviderUnit",
        ["providerUnit"] = "Input.ProviderUnit", ["providerId"] = "Input.ProviderId", ["itemId"] = "Input.ItemId", ["quantity"] = "Input.Quantity",
        ["unitPrice"] = "Input.UnitPrice", ["startOn"] = "Input.StartOn", ["endOn"] = "Input.EndOn", ["decision.number"] = "Input.DecisionNumber",
        ["decision.date"] = "Input.DecisionDate", ["decision.issuer"] = "Input.DecisionIssuer", ["estimateReference"] = "Input.EstimateReference",
        ["qualityRequirement"] = "Input.QualityRequirement",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Roles.UnitCreators.Any(User.IsInRole))
        {
            return Forbid();
        }

        var year = Display.Today(time).Year;
        Input = new OrderForm
        {
            Year = year.ToString(CultureInfo.InvariantCulture), Method = "ordering", StartOn = $"{year}-01-01", EndOn = $"{year}-12-31",
        };
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A GET, as it writes nothing: fills the unit price with the price in force on the start date in the orderer's province, and shows the form again.</summary>
    public async Task<IActionResult> OnGetPriceAsync([Bind(Prefix = "Input")] OrderForm form, CancellationToken ct)
    {
        if (!Roles.UnitCreators.Any(User.IsInRole))
        {
            return Forbid();
        }

        Input = form;
        var (input, _) = await ReadAsync(ct);
        ModelState.Clear();
        if (input.ItemId is { } item && input.OrdererAgencyId is { } agency && input.StartOn is { } on)
        {
            var price = await service.PriceInForceAsync(item, agency, on, ct);
            PriceNote = price is null
                ? $"Chưa có đơn giá có hiệu lực ngày {Display.Date(on)}; nhập đơn giá theo quyết định."
                : $"Đơn giá có hiệu lực ngày {Display.Date(on)}: {Display.Number(price.Price, 0)} {price.Unit} (quyết định {price.DecisionNumber}).";
            if (price is not null)
            {
                Input = Input with { UnitPrice = price.Price.ToString("0.##", CultureInfo.InvariantCulture) };
            }
        }
        else
        {
            PriceNote = "Chọn dịch vụ, cơ quan đặt hàng và ngày bắt đầu để tra đơn giá.";
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Roles.UnitCreators.Any(User.IsInRole))
        {
            return Forbid();
        }

        var (input, errors) = await ReadAsync(ct);
        if (errors.Count == 0)
        {
            var result = await service.CreateAsync(input, ct);
            if (result.Forbidden)
            {
                return Forbid();
            }

            if (result.Succeeded)
            {
                TempData["Success"] = "Đã ghi quyết định giao nhiệm vụ, đặt hàng.";
                return Redirect($"/orders/{result.Id}");
            }

            errors.AddRange(result.Errors);
        }

        FormErrors.Add(ModelState, errors, Fields);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<(OrderInput Input, List<RuleViolation> Errors)> ReadAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var year = values.Whole(Input.Year, "year", "Năm ngân sách phải là số, ví dụ 2026.");
        var item = values.Whole(Input.ItemId, "itemId", "Dịch vụ không hợp lệ.");
        var providerId = values.Whole(Input.ProviderId, "providerId", "Cơ sở ngoài công lập không hợp lệ.");
        var quantity = values.Number(Input.Quantity, "quantity", "Số lượng phải là số, ví dụ 1.200 hoặc 12,5.");
        var price = values.Number(Input.UnitPrice, "unitPrice", "Đơn giá phải là số đồng, ví dụ 1.250.000.");
        var start = values.Date(Input.StartOn, "startOn", "Ngày bắt đầu");
        var end = values.Date(Input.EndOn, "endOn", "Thời hạn hoàn thành");
        var decisionDate = values.Date(Input.DecisionDate, "decision.date", "Ngày quyết định");
        var errors = values.Errors;
        var agency = await Pickers.AgencyFieldAsync(db, Input.OrdererAgencyId, "ordererAgencyId", errors, ct);
        int? agencyId = int.TryParse(agency, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
        if (!string.IsNullOrWhiteSpace(Input.OrdererAgencyId) && agencyId is null && !errors.Any(e => e.Field == "ordererAgencyId"))
        {
            errors.Add(new("ordererAgencyId", "Không tìm thấy cơ quan."));
        }

        int? unitId = null;
        if (!string.IsNullOrWhiteSpace(Input.ProviderUnit))
        {
            unitId = await IndexModel.UnitIdAsync(db, Input.ProviderUnit, start ?? Display.Today(time), errors, ct);
        }

        return (new OrderInput(year, Input.Method, agencyId, unitId, providerId, item, quantity, price, start, end, Input.DecisionNumber, decisionDate,
            Input.DecisionIssuer, Input.EstimateReference, Input.QualityRequirement), errors);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var items = await db.ServiceItems.AsNoTracking().OrderBy(i => i.Catalogue!.Name).ThenBy(i => i.SortKey).Take(2000)
            .Select(i => new { i.Id, i.Code, i.Name, Catalogue = i.Catalogue!.Name, i.Methods, i.SectorCode }).ToListAsync(ct);
        Items = items.Select(i => new ItemOption(i.Id, i.Code, i.Name, i.Catalogue,
            string.Join(", ", Enum.GetValues<ServiceMethod>().Where(m => ServiceRules.MethodAllowed(i.Methods, i.SectorCode, m)).Select(ServiceRules.MethodName)))).ToList();
        Providers = await db.Providers.AsNoTracking().Where(p => p.EndedOn == null).OrderBy(p => p.SortKey).Take(2000)
            .Select(p => new ProviderOption(p.Id, p.Name, p.Code)).ToListAsync(ct);
        Labels = await Pickers.LabelsAsync(db, [Input.OrdererAgencyId], [], ct);
    }
}
