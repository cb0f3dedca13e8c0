using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Services;

/// <summary>A deciding document as people write it: số, ngày, cơ quan ban hành.</summary>
public sealed record DecisionInput(string? Number, DateOnly? Date, string? Issuer);

public sealed record CatalogueInput(
    string? Name, string? Level, string? AreaCode, DecisionInput Decision, DateOnly? ValidFrom, int? SupersedesId,
    int? IssuerAgencyId = null, string? Notes = null, string? Source = null);

/// <summary>An item to add; methods by API code (assignment, ordering, bidding).</summary>
public sealed record ItemInput(
    string? Code, string? Name, string? Sector, int? ParentId, IReadOnlyList<string> Methods, bool Essential, bool FeeBased, string? OutputUnit);

public sealed record PriceInput(string? AreaCode, decimal? Price, string? Unit, string? CostBasis, DecisionInput Decision, DateOnly? ValidFrom);

/// <summary>One input of a norm per unit of output: labour (công), material, equipment (ca máy).</summary>
public sealed record NormLine(string? Kind, string? Name, string? Unit, decimal? Quantity);

public sealed record NormInput(string? OutputUnit, IReadOnlyList<NormLine> Inputs, DecisionInput Decision, DateOnly? ValidFrom);

public sealed record DecisionView(string Number, DateOnly Date, string Issuer);

public sealed record CatalogueRow(
    int Id, string Name, string Level, string? AreaCode, string? AreaName, DecisionView Decision, DateOnly ValidFrom, DateOnly? ValidTo,
    int? SupersedesId, int Items, string? Source);

public sealed record PriceView(
    int Id, int ItemId, string? AreaCode, decimal Price, string Unit, string CostBasis, DecisionView Decision, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record NormView(int Id, int ItemId, string OutputUnit, IReadOnlyList<NormLine> Inputs, DecisionView Decision, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record ItemRow(
    int Id, int CatalogueId, string Code, string Name, string Sector, int? ParentId, IReadOnlyList<string> Methods, bool Essential, bool FeeBased,
    string? OutputUnit, int Ordinal, PriceView? PriceToday);

public sealed record CatalogueView(
    int Id, string Name, string Level, string? AreaCode, string? AreaName, int? IssuerAgencyId, string? IssuerAgencyName, DecisionView Decision,
    DateOnly ValidFrom, DateOnly? ValidTo, int? SupersedesId, int? SupersededById, string? Source, string? Notes, IReadOnlyList<ItemRow> Items);

public sealed record ItemListRow(
    int Id, int CatalogueId, string CatalogueName, string Code, string Name, string Sector, int? ParentId, IReadOnlyList<string> Methods,
    bool Essential, bool FeeBased, string? OutputUnit);

public sealed record ItemList(IReadOnlyList<ItemListRow> Items, int Total);

public sealed record ItemView(
    int Id, int CatalogueId, string CatalogueName, string? CatalogueAreaCode, string Code, string Name, string Sector, int? ParentId,
    string? ParentName, IReadOnlyList<string> Methods, bool Essential, bool FeeBased, string? OutputUnit, int Ordinal,
    IReadOnlyList<PriceView> Prices, IReadOnlyList<NormView> Norms, PriceView? PriceInForce);

public sealed record CatalogueFilter(string? Search, string? Level, int Page = 1, int PageSize = 20);

public sealed record ItemFilter(int? CatalogueId, string? Sector, string? Search, int Page = 1, int PageSize = 20);

/// <summary>The codes and names the API and pages use for catalogues and items.</summary>
public static class CatalogueCodes
{
    public static string LevelCode(CatalogueLevel level) => level == CatalogueLevel.Central ? "central" : "province";

    public static string LevelName(CatalogueLevel level) => level == CatalogueLevel.Central ? "Trung ương" : "Tỉnh, thành phố";

    /// <summary>Ministry catalogues are central ones (issued by the Prime Minister on a ministry's proposal, or by the ministry).</summary>
    public static CatalogueLevel? ParseLevel(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "central" or "ministry" => CatalogueLevel.Central,
        "province" => CatalogueLevel.Province,
        _ => null,
    };

    public static readonly IReadOnlyList<ServiceMethod> AllMethods = [ServiceMethod.Assignment, ServiceMethod.Ordering, ServiceMethod.Bidding];

    public static IReadOnlyList<string> MethodCodes(ServiceMethods methods) =>
        AllMethods.Where(m => (methods & Rules.ServiceRules.Flag(m)) != ServiceMethods.None).Select(Rules.ServiceRules.MethodCode).ToList();

    public static string MethodNames(ServiceMethods methods) =>
        string.Join(", ", AllMethods.Where(m => (methods & Rules.ServiceRules.Flag(m)) != ServiceMethods.None).Select(Rules.ServiceRules.MethodName));

    public static readonly IReadOnlyList<string> NormKinds = ["labour", "material", "equipment"];

    public static string NormKindName(string? kind) => kind switch
    {
        "labour" => "Lao động",
        "material" => "Vật tư",
        "equipment" => "Thiết bị",
        _ => kind ?? "",
    };
}
