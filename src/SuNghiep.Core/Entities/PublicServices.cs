namespace SuNghiep.Core.Entities;

/// <summary>Who issued a catalogue of public services that use the state budget (Decree 60/2021, Art. 4, as Decree 111/2025 amended it).</summary>
public enum CatalogueLevel
{
    /// <summary>The Prime Minister, on a ministry's proposal, or a ministry for its sector.</summary>
    Central = 1,
    /// <summary>A province's People's Committee, for the services its budget pays.</summary>
    Province = 2,
}

/// <summary>How the state pays for a service (Decree 32/2019/NĐ-CP): a flag set, as the catalogue may allow several.</summary>
[Flags]
public enum ServiceMethods
{
    None = 0,
    /// <summary>Giao nhiệm vụ (Art. 10).</summary>
    Assignment = 1,
    /// <summary>Đặt hàng.</summary>
    Ordering = 2,
    /// <summary>Đấu thầu (Law on Bidding 22/2023/QH15).</summary>
    Bidding = 4,
}

/// <summary>One method, as an order records it.</summary>
public enum ServiceMethod
{
    Assignment = 1,
    Ordering = 2,
    Bidding = 3,
}

/// <summary>
/// A catalogue of public services using the state budget, issued by its decision and valid from a date; a new version
/// supersedes the one it names, which then ends the day before.
/// </summary>
public sealed class ServiceCatalogue
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public CatalogueLevel Level { get; set; }
    /// <summary>The province whose catalogue it is (code of today's map or of the map on the decision's date); null for a central one.</summary>
    public string? AreaCode { get; set; }
    /// <summary>The issuing body in the register, when it is there; what scope the catalogue's writes follow.</summary>
    public int? IssuerAgencyId { get; set; }
    public Agency? IssuerAgency { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public string DecisionIssuer { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int? SupersedesId { get; set; }
    public ServiceCatalogue? Supersedes { get; set; }
    /// <summary>Where shipped data was read (the published decision), so that nobody takes it for the app's own.</summary>
    public string? Source { get; set; }
    public string? Notes { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ServiceItem> Items { get; set; } = [];
}

/// <summary>An item of a catalogue: a service or a group of services, with the methods Decree 32/2019 allows for it.</summary>
public sealed class ServiceItem
{
    public int Id { get; set; }
    public int CatalogueId { get; set; }
    public ServiceCatalogue? Catalogue { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Folded code and name for accent-insensitive search.</summary>
    public string SearchText { get; set; } = "";
    public string SortKey { get; set; } = "";
    public string SectorCode { get; set; } = "";
    public int? ParentId { get; set; }
    public ServiceItem? Parent { get; set; }
    public ServiceMethods Methods { get; set; }
    /// <summary>A basic, essential service (dịch vụ sự nghiệp công cơ bản, thiết yếu).</summary>
    public bool Essential { get; set; }
    /// <summary>A service for which a fee is charged under the Law on Fees and Charges.</summary>
    public bool FeeBased { get; set; }
    /// <summary>The unit of output its norms and prices count (học sinh/năm, lượt khám, giường bệnh/ngày).</summary>
    public string? OutputUnit { get; set; }
    /// <summary>The item's place in the decision's table, from 1.</summary>
    public int Ordinal { get; set; }
}

/// <summary>Economic-technical norm of an item (định mức kinh tế - kỹ thuật): the inputs one unit of output takes, by the deciding document.</summary>
public sealed class ServiceNorm
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public ServiceItem? Item { get; set; }
    public string OutputUnit { get; set; } = "";
    /// <summary>The inputs as JSON: [{"kind":"labour|material|equipment","name","unit","quantity"}].</summary>
    public string InputsJson { get; set; } = "[]";
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public string DecisionIssuer { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What a unit price covers (Decree 60/2021, Art. 4 and the roadmap to full-cost prices).</summary>
public enum CostBasis
{
    /// <summary>Full cost, depreciation of fixed assets included.</summary>
    Full = 1,
    /// <summary>Full recurrent cost without depreciation.</summary>
    FullExcludingDepreciation = 2,
    /// <summary>Part of the cost; the state budget pays the rest.</summary>
    Partial = 3,
}

/// <summary>A unit price of an item in an area, decided by a document and valid from a date; the one in force on a date is what an order uses.</summary>
public sealed class ServicePrice
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public ServiceItem? Item { get; set; }
    /// <summary>Province code; null for a price that holds everywhere the catalogue does.</summary>
    public string? AreaCode { get; set; }
    public decimal Price { get; set; }
    /// <summary>What the price is for: đồng/học sinh/tháng, đồng/lượt.</summary>
    public string Unit { get; set; } = "";
    public CostBasis CostBasis { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public string DecisionIssuer { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What a provider's capacity counts.</summary>
public enum CapacityUnit
{
    /// <summary>Giường bệnh.</summary>
    Beds = 1,
    /// <summary>Học sinh, học viên.</summary>
    Pupils = 2,
    /// <summary>Chỗ (places in a centre).</summary>
    Places = 3,
    /// <summary>Lớp học.</summary>
    Classes = 4,
}

/// <summary>
/// A non-public provider (private school, hospital, clinic, centre, enterprise, cooperative) that may receive orders and
/// bids. Its name, form, address, commune and capacity live in <see cref="Versions"/>; the row keeps the latest, as units do.
/// </summary>
public sealed class Provider
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string SearchText { get; set; } = "";
    public string SortKey { get; set; } = "";
    /// <summary>Legal form: công ty TNHH, công ty cổ phần, hợp tác xã, hộ kinh doanh, tổ chức.</summary>
    public string LegalForm { get; set; } = "";
    /// <summary>Private (tư thục), community (dân lập), foreign-invested; free text as licences write it.</summary>
    public string Ownership { get; set; } = "";
    public string SectorCode { get; set; } = "";
    /// <summary>School, hospital, clinic, centre; free text.</summary>
    public string ProviderType { get; set; } = "";
    public string? Address { get; set; }
    /// <summary>The commune (or, before 1/7/2025, the district) where it works.</summary>
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public int Capacity { get; set; }
    public CapacityUnit CapacityUnit { get; set; }
    public string? LicenceNumber { get; set; }
    public DateOnly? LicenceDate { get; set; }
    public string? LicenceIssuer { get; set; }
    /// <summary>The agency that licensed or recorded it; its writes follow that agency's scope.</summary>
    public int? RecordedByAgencyId { get; set; }
    public Agency? RecordedByAgency { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? Notes { get; set; }
    public List<ProviderVersion> Versions { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>A provider as it stood for [ValidFrom, ValidTo).</summary>
public sealed class ProviderVersion
{
    public int Id { get; set; }
    public int ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string Name { get; set; } = "";
    public string LegalForm { get; set; } = "";
    public string Ownership { get; set; } = "";
    public string SectorCode { get; set; } = "";
    public string ProviderType { get; set; } = "";
    public string? Address { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public int Capacity { get; set; }
    public CapacityUnit CapacityUnit { get; set; }
    public string? LicenceNumber { get; set; }
    public DateOnly? LicenceDate { get; set; }
    public string? LicenceIssuer { get; set; }
}

/// <summary>
/// How the Ministry of Finance reads Decree 60/2021 Art. 11 for the money of an order: ordering and bidding, and assignment
/// with norms and prices, are autonomy-assigned recurrent funding (Art. 11.1a); assignment where norms or prices are
/// missing is not (Art. 11.1c).
/// </summary>
public enum FundingClass
{
    AutonomyAssigned = 1,
    NonAutonomy = 2,
}

public enum ServiceOrderStatus
{
    Issued = 1,
    /// <summary>Some of the quantity accepted.</summary>
    PartlyAccepted = 2,
    Accepted = 3,
    /// <summary>Final settlement (quyết toán) recorded.</summary>
    Settled = 4,
    Cancelled = 5,
}

/// <summary>
/// A decision assigning, ordering or awarding by bidding a quantity of a catalogue item to a provider (a public unit of the
/// register or a non-public provider) for a budget year, at the unit price in force unless the decision sets another.
/// </summary>
public sealed class ServiceOrder
{
    public int Id { get; set; }
    public int Year { get; set; }
    public ServiceMethod Method { get; set; }
    public int OrdererAgencyId { get; set; }
    public Agency? OrdererAgency { get; set; }
    /// <summary>Exactly one of the two providers is set.</summary>
    public int? ProviderUnitId { get; set; }
    public Unit? ProviderUnit { get; set; }
    public int? ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public int ItemId { get; set; }
    public ServiceItem? Item { get; set; }
    /// <summary>The price row the unit price came from; null when the decision set its own.</summary>
    public int? PriceId { get; set; }
    public ServicePrice? PriceRow { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    /// <summary>Quantity × unit price, rounded to the đồng.</summary>
    public decimal Value { get; set; }
    public FundingClass FundingClass { get; set; }
    public string? QualityRequirement { get; set; }
    /// <summary>The grounds: the approved budget estimate (dự toán) it relies on.</summary>
    public string? EstimateReference { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public string DecisionIssuer { get; set; } = "";
    public ServiceOrderStatus Status { get; set; }
    public string? Notes { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
    public List<ServiceBid> Bids { get; set; } = [];
    public List<ServiceAcceptance> Acceptances { get; set; } = [];
    public List<ServiceSettlement> Settlements { get; set; } = [];
}

/// <summary>A bidder of a tendered order, with its price and whether it won the award.</summary>
public sealed class ServiceBid
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public ServiceOrder? Order { get; set; }
    public string BidderName { get; set; } = "";
    public int? ProviderUnitId { get; set; }
    public Unit? ProviderUnit { get; set; }
    public int? ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public decimal BidPrice { get; set; }
    public bool Awarded { get; set; }
    public string? Notes { get; set; }
}

/// <summary>An acceptance (nghiệm thu) of an order: the quantity and quality delivered, deductions and the minutes.</summary>
public sealed class ServiceAcceptance
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public ServiceOrder? Order { get; set; }
    public DateOnly Date { get; set; }
    public decimal QuantityAccepted { get; set; }
    public decimal? QualityScore { get; set; }
    public string? QualityLevel { get; set; }
    public decimal Deduction { get; set; }
    /// <summary>Quantity accepted × the order's unit price − deduction.</summary>
    public decimal AcceptedValue { get; set; }
    /// <summary>The minutes' number and date as written on them.</summary>
    public string? Minutes { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum SettlementKind
{
    /// <summary>Tạm ứng.</summary>
    Advance = 1,
    /// <summary>Thanh toán.</summary>
    Payment = 2,
    /// <summary>Quyết toán.</summary>
    Final = 3,
    /// <summary>Thanh lý hợp đồng, đặt hàng.</summary>
    Liquidation = 4,
}

/// <summary>Money paid or settled on an order.</summary>
public sealed class ServiceSettlement
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public ServiceOrder? Order { get; set; }
    public SettlementKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Notes { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A public unit's capacity as a provider (beds, pupils, places) from a date, so that the network's coverage counts public
/// and non-public providers alike; a unit that ends takes its capacity with it.
/// </summary>
public sealed class UnitCapacity
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public CapacityUnit CapacityUnit { get; set; }
    public int Capacity { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Source { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A commune's population in a year, as imported from the statistics office's figures.</summary>
public sealed class AreaPopulation
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public int Year { get; set; }
    public int Population { get; set; }
    public string? Source { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A national norm of a provider network per population (the health network plan: hospital beds per 10,000 people), valid
/// from a date, with its document.
/// </summary>
public sealed class NetworkNorm
{
    public int Id { get; set; }
    public string SectorCode { get; set; } = "";
    public CapacityUnit CapacityUnit { get; set; }
    /// <summary>Capacity required per <see cref="PerPopulation"/> people.</summary>
    public decimal Value { get; set; }
    public int PerPopulation { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string? Source { get; set; }
}
