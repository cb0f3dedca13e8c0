using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Services;

/// <summary>An order to issue, as the API, the page and the import give it; each field is checked and named by its API field.</summary>
public sealed record OrderInput(
    int? Year, string? Method, int? OrdererAgencyId, int? ProviderUnitId, int? ProviderId, int? ItemId, decimal? Quantity,
    decimal? UnitPrice, DateOnly? StartOn, DateOnly? EndOn, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer,
    string? EstimateReference = null, string? QualityRequirement = null, string? Notes = null);

public sealed record BidInput(string? BidderName, int? ProviderUnitId, int? ProviderId, decimal? Price, string? Notes);

public sealed record AcceptanceInput(
    DateOnly? Date, decimal? QuantityAccepted, string? QualityLevel, decimal? QualityScore, decimal? Deduction, string? Minutes);

public sealed record SettlementInput(string? Kind, DateOnly? Date, decimal? Amount, string? DocumentNumber, string? Notes);

/// <summary>A write's outcome: the order's id, or the errors by field; Forbidden when the order is seen but is not the caller's to change.</summary>
public sealed record OrderResult(int? Id, IReadOnlyList<RuleViolation> Errors, bool NotFound = false, bool Forbidden = false, bool Conflict = false)
{
    public bool Succeeded => Id is not null && Errors.Count == 0 && !Forbidden && !Conflict && !NotFound;
}

public sealed record OrderFilter(
    int? Year, ServiceMethod? Method, int? OrdererAgencyId, int? ProviderUnitId, int? ProviderId, int? ItemId,
    ServiceOrderStatus? Status, string? Q, int Page = 1, int PageSize = 50);

public sealed record OrderRow(
    int Id, int Year, string Method, string MethodName, int OrdererAgencyId, string OrdererName, int? ProviderUnitId, int? ProviderId,
    string? ProviderName, int ItemId, string ItemCode, string ItemName, decimal Quantity, decimal UnitPrice, decimal Value,
    decimal QuantityAccepted, decimal AcceptedValue, string Status, string StatusName, string DecisionNumber, DateOnly StartOn, DateOnly EndOn);


public sealed record BidView(int Id, string BidderName, int? ProviderUnitId, int? ProviderId, decimal Price, bool Awarded, string? Notes);

public sealed record AcceptanceView(
    int Id, DateOnly Date, decimal QuantityAccepted, string? QualityLevel, decimal? QualityScore, decimal Deduction, decimal AcceptedValue,
    string? Minutes, string? CreatedBy, DateTime CreatedAt);

public sealed record SettlementView(
    int Id, string Kind, string KindName, DateOnly Date, decimal Amount, string? DocumentNumber, string? Notes, string? CreatedBy, DateTime CreatedAt);

/// <summary>One order with its bids, acceptances and settlements, and the sums that limit what may follow.</summary>
public sealed record OrderView(
    int Id, int Year, string Method, string MethodName, int OrdererAgencyId, string OrdererName, int? ProviderUnitId, int? ProviderId,
    string? ProviderName, int ItemId, string ItemCode, string ItemName, string SectorCode, string? OutputUnit, int? PriceId,
    decimal Quantity, decimal UnitPrice, decimal Value, string FundingClass, string FundingName, string? QualityRequirement,
    string? EstimateReference, DateOnly StartOn, DateOnly EndOn, DecisionView Decision, string Status, string StatusName, string? Notes,
    decimal QuantityAccepted, decimal AcceptedValue, decimal Paid, int Revision, string? CreatedBy, DateTime CreatedAt,
    IReadOnlyList<BidView> Bids, IReadOnlyList<AcceptanceView> Acceptances, IReadOnlyList<SettlementView> Settlements);

/// <summary>Codes and Vietnamese names of an order's statuses and of settlement kinds, as the API and pages show them.</summary>
public static class OrderCodes
{
    public static string Status(ServiceOrderStatus s) => s switch
    {
        ServiceOrderStatus.Issued => "issued",
        ServiceOrderStatus.PartlyAccepted => "partly-accepted",
        ServiceOrderStatus.Accepted => "accepted",
        ServiceOrderStatus.Settled => "settled",
        ServiceOrderStatus.Cancelled => "cancelled",
        _ => s.ToString().ToLowerInvariant(),
    };

    public static ServiceOrderStatus? ParseStatus(string? code) =>
        Enum.GetValues<ServiceOrderStatus>().Cast<ServiceOrderStatus?>().FirstOrDefault(s => Status(s!.Value) == code?.Trim().ToLowerInvariant());

    public static string StatusName(ServiceOrderStatus s) => s switch
    {
        ServiceOrderStatus.Issued => "Đã giao, đặt hàng",
        ServiceOrderStatus.PartlyAccepted => "Đã nghiệm thu một phần",
        ServiceOrderStatus.Accepted => "Đã nghiệm thu",
        ServiceOrderStatus.Settled => "Đã quyết toán",
        ServiceOrderStatus.Cancelled => "Đã hủy",
        _ => s.ToString(),
    };

    public static string Kind(SettlementKind k) => k switch
    {
        SettlementKind.Advance => "advance",
        SettlementKind.Payment => "payment",
        SettlementKind.Final => "final",
        SettlementKind.Liquidation => "liquidation",
        _ => k.ToString().ToLowerInvariant(),
    };

    public static SettlementKind? ParseKind(string? code) =>
        Enum.GetValues<SettlementKind>().Cast<SettlementKind?>().FirstOrDefault(k => Kind(k!.Value) == code?.Trim().ToLowerInvariant());

    public static string KindName(SettlementKind k) => k switch
    {
        SettlementKind.Advance => "Tạm ứng",
        SettlementKind.Payment => "Thanh toán",
        SettlementKind.Final => "Quyết toán",
        SettlementKind.Liquidation => "Thanh lý",
        _ => k.ToString(),
    };

    public static string Funding(FundingClass f) => f == FundingClass.AutonomyAssigned ? "autonomy-assigned" : "non-autonomy";
}
