using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Orders;

/// <summary>One order: its decision, bids and award, acceptances and settlements as a timeline, and the forms of the next steps.</summary>
public sealed class DetailsModel(SuNghiepDbContext db, OrderService service, TimeProvider time) : PageModel
{
    public sealed record StepInput
    {
        public string? Date { get; init; }
        public string? QuantityAccepted { get; init; }
        public string? QualityLevel { get; init; }
        public string? QualityScore { get; init; }
        public string? Deduction { get; init; }
        public string? Minutes { get; init; }
        public string? Kind { get; init; }
        public string? Amount { get; init; }
        public string? DocumentNumber { get; init; }
        public string? BidderName { get; init; }
        public string? BidUnit { get; init; }
        public string? BidPrice { get; init; }
        public string? BidId { get; init; }
        public string? Reason { get; init; }
    }

    public sealed record TimelineEntry(DateOnly Date, string What, string Detail);

    [BindProperty]
    public StepInput Input { get; set; } = new();

    public OrderView Order { get; private set; } = null!;
    public bool CanAct => Roles.UnitCreators.Any(User.IsInRole);
    public string? FailedStep { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline =>
    [
        .. new[] { new TimelineEntry(Order.Decision.Date, "Quyết định", $"{Order.MethodName} số {Order.Decision.Number} của {Order.Decision.Issuer}") }
            .Concat(Order.Acceptances.Select(a => new TimelineEntry(a.Date, "Nghiệm thu",
                $"{a.QuantityAccepted.ToString("#,##0.##", Display.Vi)} {Order.OutputUnit}, giá trị {Display.Number(a.AcceptedValue, 0)} đồng{(a.Minutes is null ? "" : $" ({a.Minutes})")}")))
            .Concat(Order.Settlements.Select(s => new TimelineEntry(s.Date, s.KindName, $"{Display.Number(s.Amount, 0)} đồng{(s.DocumentNumber is null ? "" : $", chứng từ {s.DocumentNumber}")}")))
            .OrderBy(e => e.Date),
    ];

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["date"] = "Input.Date", ["quantityAccepted"] = "Input.QuantityAccepted", ["qualityLevel"] = "Input.QualityLevel",
        ["qualityScore"] = "Input.QualityScore", ["deduction"] = "Input.Deduction", ["minutes"] = "Input.Minutes", ["kind"] = "Input.Kind",
        ["amount"] = "Input.Amount", ["documentNumber"] = "Input.DocumentNumber", ["bidderName"] = "Input.BidderName",
        ["providerUnitId"] = "Input.BidUnit", ["providerUnit"] = "Input.BidUnit", ["providerId"] = "Input.BidUnit", ["price"] = "Input.BidPrice",
        ["bidId"] = "Input.BidId", ["reason"] = "Input.Reason",
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } view ? Show(view) : NotFound();

    private PageResult Show(OrderView view)
    {
        Order = view;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        var values = new FormValues();
        var date = values.Date(Input.Date, "date", "Ngày nghiệm thu");
        var quantity = values.Number(Input.QuantityAccepted, "quantityAccepted", "Số lượng nghiệm thu phải là số.");
        var score = values.Number(Input.QualityScore, "qualityScore", "Điểm chất lượng phải là số.");
        var deduction = values.Number(Input.Deduction, "deduction", "Khoản giảm trừ phải là số đồng.");
        return StepAsync(id, "accept", "Đã ghi nghiệm thu.", values, () => service.AcceptAsync(id,
            new AcceptanceInput(date, quantity, Input.QualityLevel, score, deduction, Input.Minutes), ct), ct);
    }

    public Task<IActionResult> OnPostSettleAsync(int id, CancellationToken ct)
    {
        var values = new FormValues();
        var date = values.Date(Input.Date, "date", "Ngày");
        var amount = values.Number(Input.Amount, "amount", "Số tiền phải là số đồng.");
        return StepAsync(id, "settle", "Đã ghi thanh toán.", values, () => service.SettleAsync(id,
            new SettlementInput(Input.Kind, date, amount, Input.DocumentNumber, null), ct), ct);
    }

    public async Task<IActionResult> OnPostBidAsync(int id, CancellationToken ct)
    {
        var values = new FormValues();
        var price = values.Number(Input.BidPrice, "price", "Giá dự thầu phải là số đồng.");
        int? unit = null;
        if (!string.IsNullOrWhiteSpace(Input.BidUnit))
        {
            unit = await IndexModel.UnitIdAsync(db, Input.BidUnit, Display.Today(time), values.Errors, ct, "providerUnitId");
        }

        return await StepAsync(id, "bid", "Đã ghi nhà thầu.", values, () => service.AddBidAsync(id,
            new BidInput(Input.BidderName, unit, null, price, null), ct), ct);
    }

    public Task<IActionResult> OnPostAwardAsync(int id, CancellationToken ct)
    {
        var values = new FormValues();
        var bid = values.Whole(Input.BidId, "bidId", "Nhà thầu không hợp lệ.");
        return StepAsync(id, "award", "Đã ghi kết quả lựa chọn nhà thầu.", values, () => service.AwardAsync(id, bid, ct), ct);
    }

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        StepAsync(id, "cancel", "Đã hủy đặt hàng.", new FormValues(), () => service.CancelAsync(id, Input.Reason, ct), ct);

    private async Task<IActionResult> StepAsync(int id, string step, string done, FormValues values, Func<Task<OrderResult>> act, CancellationToken ct)
    {
        // Handlers carry no policy of their own: the roles that write are checked here, the scope by the service.
        if (!CanAct)
        {
            return Forbid();
        }

        var result = values.Errors.Count > 0 ? new OrderResult(null, values.Errors) : await act();
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden)
        {
            return Forbid();
        }

        if (result.Succeeded)
        {
            TempData["Success"] = done;
            return Redirect($"/orders/{id}");
        }

        if (await service.GetAsync(id, ct) is not { } view)
        {
            return NotFound();
        }

        Order = view;
        FailedStep = step;
        FormErrors.Add(ModelState, result.Errors.Select(e => Fields.ContainsKey(e.Field) ? e : e with { Field = "" }), Fields);
        Response.StatusCode = result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    public bool Open => Order.Status is not ("cancelled" or "settled");
    public bool Tendering => Order.Method == "bidding" && Order.Status == "issued" && !Order.Bids.Any(b => b.Awarded);
    public static IEnumerable<SettlementKind> Kinds => Enum.GetValues<SettlementKind>();
}
