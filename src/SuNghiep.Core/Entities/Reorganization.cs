namespace SuNghiep.Core.Entities;

/// <summary>
/// The forms of reorganization of Decree 120/2020 as amended by Decree 283/2025, plus transfer and renaming, the conversion
/// into a joint-stock company (Decree 150/2020, not Decree 120), and the events that move a unit into or out of the public
/// register of a province: units received from a ministry, a unit merged into an administrative body, a unit converted into
/// a non-public one.
/// </summary>
public enum ReorganizationType
{
    Establishment = 1,
    Consolidation = 2,
    Merger = 3,
    Division = 4,
    Separation = 5,
    Dissolution = 6,
    Transfer = 7,
    Conversion = 8,
    Rename = 9,
    /// <summary>Units handed over by a ministry to a province (tiếp nhận): they go on under the province's agency.</summary>
    ReceiveFromMinistry = 10,
    /// <summary>The unit ends and its functions go to an administrative body (sáp nhập vào cơ quan hành chính).</summary>
    MergeIntoAgency = 11,
    /// <summary>The unit leaves the public register as a non-public unit (chuyển thành đơn vị sự nghiệp ngoài công lập).</summary>
    ConversionToNonPublic = 12,
}

/// <summary>How a unit takes part in a reorganization.</summary>
public enum ParticipantRole
{
    /// <summary>The unit ends on the effective date (consolidated, absorbed, divided, dissolved, converted, merged into an agency).</summary>
    Ended = 1,
    /// <summary>The unit goes on (the absorbing unit of a merger, the unit a separation splits from).</summary>
    Continuing = 2,
    /// <summary>The unit starts on the effective date.</summary>
    Created = 3,
    /// <summary>The unit goes on under another managing agency (a transfer, or units received from a ministry).</summary>
    Transferred = 4,
    /// <summary>The unit goes on under a new name.</summary>
    Renamed = 5,
}

/// <summary>
/// A reorganization event with its decision. Events are never deleted: a wrong one is voided by an audited entry
/// with a reason, which undoes its effect on the register.
/// </summary>
public sealed class Reorganization
{
    public int Id { get; set; }
    public ReorganizationType Type { get; set; }
    public required string DecisionNumber { get; set; }
    public DateOnly DecisionDate { get; set; }
    public required string DecisionIssuer { get; set; }
    public DateOnly EffectiveDate { get; set; }
    /// <summary>The agency units move to (transfer, receipt from a ministry) or that takes over the functions of a unit merged into it.</summary>
    public int? NewManagingAgencyId { get; set; }
    public Agency? NewManagingAgency { get; set; }
    public string? NewName { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }
    public List<ReorganizationParticipant> Participants { get; set; } = [];
}

public sealed class ReorganizationParticipant
{
    public int Id { get; set; }
    public int ReorganizationId { get; set; }
    public Reorganization? Reorganization { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public ParticipantRole Role { get; set; }
}

/// <summary>
/// A unit's name, classification, agency and area for a date interval [ValidFrom, ValidTo). The versions of a unit
/// tile its life: the first starts on its establishment, the last ends on its end (or stays open).
/// </summary>
public sealed class UnitVersion
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public required string Name { get; set; }
    public string SearchText { get; set; } = "";
    public string SortKey { get; set; } = "";
    public required string SectorCode { get; set; }
    public required string RoleClassCode { get; set; }
    public required string LevelCode { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public int ManagingAgencyId { get; set; }
    public Agency? ManagingAgency { get; set; }
    public int? AutonomyGroup { get; set; }
    /// <summary>The event that opened this version, if any.</summary>
    public int? ReorganizationId { get; set; }
    public Reorganization? Reorganization { get; set; }
    /// <summary>The decision behind a version opened by an edit from a date rather than by an event.</summary>
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? DecisionIssuer { get; set; }
}
