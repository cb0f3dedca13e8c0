using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Rules;

/// <summary>
/// The rules of paying for public services: the methods Decree 32/2019/NĐ-CP (Appendix I, Table 01) allows by sector, the
/// price in force on a date, an order's value and its funding class. Pure functions of their arguments.
/// </summary>
public static class ServiceRules
{
    /// <summary>
    /// The methods Decree 32/2019 Appendix I allows for a sector: education (preschool, general and higher), vocational
    /// training, and preventive health and primary care are assigned or ordered; every other service may also be tendered.
    /// </summary>
    public static ServiceMethods AllowedBySector(string sectorCode) => sectorCode switch
    {
        "education" or "vocational" or "health" => ServiceMethods.Assignment | ServiceMethods.Ordering,
        _ => ServiceMethods.Assignment | ServiceMethods.Ordering | ServiceMethods.Bidding,
    };

    public static ServiceMethods Flag(ServiceMethod method) => method switch
    {
        ServiceMethod.Assignment => ServiceMethods.Assignment,
        ServiceMethod.Ordering => ServiceMethods.Ordering,
        ServiceMethod.Bidding => ServiceMethods.Bidding,
        _ => ServiceMethods.None,
    };

    /// <summary>Whether an order by this method is allowed for the item: the catalogue must name it and the sector allow it.</summary>
    public static bool MethodAllowed(ServiceMethods itemMethods, string sectorCode, ServiceMethod method) =>
        (itemMethods & AllowedBySector(sectorCode) & Flag(method)) != ServiceMethods.None;

    /// <summary>
    /// The price in force on a date in an area: among the prices valid that day, the one for the area itself over one for
    /// everywhere (a null area), and of those the latest valid-from; null when none is in force.
    /// </summary>
    public static ServicePrice? PriceInForce(IEnumerable<ServicePrice> prices, string? areaCode, DateOnly on) =>
        prices
            .Where(p => p.ValidFrom <= on && (p.ValidTo is null || p.ValidTo >= on))
            .Where(p => p.AreaCode is null || (areaCode is not null && p.AreaCode == areaCode))
            .OrderByDescending(p => p.AreaCode is not null)
            .ThenByDescending(p => p.ValidFrom)
            .ThenByDescending(p => p.Id)
            .FirstOrDefault();

    /// <summary>Quantity × unit price, rounded to the đồng (away from zero, as accounts round).</summary>
    public static decimal Value(decimal quantity, decimal unitPrice) =>
        Math.Round(quantity * unitPrice, 0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The Ministry of Finance's reading of Decree 60/2021 Art. 11: ordering and bidding money, and assignment with a price
    /// from norms, is autonomy-assigned recurrent funding (Art. 11.1a); assignment without a price is not (Art. 11.1c).
    /// </summary>
    public static FundingClass Funding(ServiceMethod method, bool hasPrice) =>
        method == ServiceMethod.Assignment && !hasPrice ? FundingClass.NonAutonomy : FundingClass.AutonomyAssigned;

    /// <summary>The accepted value: quantity accepted × unit price − deduction, rounded to the đồng, never below zero.</summary>
    public static decimal AcceptedValue(decimal quantityAccepted, decimal unitPrice, decimal deduction) =>
        Math.Max(0, Value(quantityAccepted, unitPrice) - deduction);

    public static string MethodName(ServiceMethod method) => method switch
    {
        ServiceMethod.Assignment => "Giao nhiệm vụ",
        ServiceMethod.Ordering => "Đặt hàng",
        ServiceMethod.Bidding => "Đấu thầu",
        _ => method.ToString(),
    };

    /// <summary>A stored method code's name; a code no method has (a row written outside the API) reads as unknown, never fails.</summary>
    public static string MethodName(string? code) => ParseMethod(code) is { } method ? MethodName(method) : "Không xác định";

    public static string MethodCode(ServiceMethod method) => method switch
    {
        ServiceMethod.Assignment => "assignment",
        ServiceMethod.Ordering => "ordering",
        ServiceMethod.Bidding => "bidding",
        _ => method.ToString().ToLowerInvariant(),
    };

    public static ServiceMethod? ParseMethod(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "assignment" => ServiceMethod.Assignment,
        "ordering" => ServiceMethod.Ordering,
        "bidding" => ServiceMethod.Bidding,
        _ => null,
    };

    public static string FundingName(FundingClass funding) => funding switch
    {
        FundingClass.AutonomyAssigned => "Kinh phí giao tự chủ (Điều 11.1a Nghị định 60/2021/NĐ-CP)",
        FundingClass.NonAutonomy => "Kinh phí không giao tự chủ (Điều 11.1c Nghị định 60/2021/NĐ-CP)",
        _ => funding.ToString(),
    };

    public static string CostBasisCode(CostBasis basis) => basis switch
    {
        CostBasis.Full => "full",
        CostBasis.FullExcludingDepreciation => "full-excl-depreciation",
        CostBasis.Partial => "partial",
        _ => basis.ToString().ToLowerInvariant(),
    };

    public static CostBasis? ParseCostBasis(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "full" => CostBasis.Full,
        "full-excl-depreciation" => CostBasis.FullExcludingDepreciation,
        "partial" => CostBasis.Partial,
        _ => null,
    };

    /// <summary>A price's cost-basis code's name; a code no basis has reads as unknown, never fails.</summary>
    public static string CostBasisName(string? code) => ParseCostBasis(code) is { } basis ? CostBasisName(basis) : "Không xác định";

    public static string CostBasisName(CostBasis basis) => basis switch
    {
        CostBasis.Full => "Tính đủ chi phí (gồm khấu hao tài sản cố định)",
        CostBasis.FullExcludingDepreciation => "Tính đủ chi phí thường xuyên, chưa gồm khấu hao",
        CostBasis.Partial => "Chưa tính đủ chi phí (ngân sách hỗ trợ phần còn lại)",
        _ => basis.ToString(),
    };
}
