namespace SuNghiep.Core.Units;

/// <summary>A unit as the API and pages read it.</summary>
public sealed record UnitView(
    int Id,
    string Code,
    string Name,
    string Sector,
    string RoleClass,
    string Level,
    string AreaCode,
    int ManagingAgencyId,
    int? AutonomyGroup,
    DateOnly EstablishedOn,
    DateOnly? EndedOn,
    string? Address,
    string? Notes,
    string AreaName,
    string ManagingAgencyName,
    int Revision,
    string? ConversionListedBy = null,
    DateOnly? ConversionListedOn = null);

/// <summary>
/// A unit as a form or request gives it: every field raw, so that each bad value becomes a message on its own field
/// rather than a failure of the whole request.
/// </summary>
public sealed record UnitInput
{
    /// <summary>A scenario's name for a unit one of its events creates, by which a later event of it names the unit.</summary>
    public string? Ref { get; init; }
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Sector { get; init; }
    public string? RoleClass { get; init; }
    public string? Level { get; init; }
    public string? AreaCode { get; init; }
    public int? ManagingAgencyId { get; init; }
    public int? AutonomyGroup { get; init; }
    public DateOnly? EstablishedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string? Address { get; init; }
    public string? Notes { get; init; }

    /// <summary>
    /// When set, the change of name, classification, agency or area takes effect from this date as a new version,
    /// with the decision below; when null, the edit corrects the record as it stands.
    /// </summary>
    public DateOnly? EffectiveFrom { get; init; }
    public string? DecisionNumber { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public string? DecisionIssuer { get; init; }

    /// <summary>
    /// The decision that listed the unit as eligible for conversion into a joint-stock company, and its date. Applied
    /// only when ConversionListingGiven, so that a writer that does not know these fields keeps what is stored; given
    /// empty, they clear the listing.
    /// </summary>
    public bool ConversionListingGiven { get; init; }
    public string? ConversionListedBy { get; init; }
    public DateOnly? ConversionListedOn { get; init; }

    /// <summary>
    /// The revision of the unit the writer read (the API's If-Match, the edit page's hidden field): an update of a unit
    /// that has changed since is refused as a conflict. Null only for writers that read and write in one go.
    /// </summary>
    public int? Revision { get; init; }
}

/// <summary>Filters, sort and page of the register list; the same for the page and the API.</summary>
public sealed record UnitQuery
{
    /// <summary>The date the register is read as of; today when null.</summary>
    public DateOnly? AsOf { get; init; }
    public string? Search { get; init; }
    public string? Sector { get; init; }
    public string? RoleClass { get; init; }
    public string? Level { get; init; }
    public string? AreaCode { get; init; }
    public int? ManagingAgencyId { get; init; }
    /// <summary>1-4, or "none" for units without a group.</summary>
    public string? AutonomyGroup { get; init; }
    /// <summary>active (default: active on the as-of date), ended (by then) or all (established by then).</summary>
    public string? Status { get; init; }
    /// <summary>name, code, establishedOn; a leading '-' sorts descending.</summary>
    public string? Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record UnitPage(IReadOnlyList<UnitView> Items, int Total);
