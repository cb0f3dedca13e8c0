namespace SuNghiep.Core.Entities;

/// <summary>
/// A public service unit (đơn vị sự nghiệp công lập) in the register. Its name, classification, agency and area as they
/// are now are kept here for today's lists and for scope; their history is in <see cref="Versions"/>.
/// </summary>
public sealed class Unit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Folded name and code (no diacritics, lower case) for accent-insensitive search.</summary>
    public string SearchText { get; set; } = "";
    /// <summary>Key whose ordinal order is the Vietnamese alphabetical order of the name.</summary>
    public string SortKey { get; set; } = "";
    public required string SectorCode { get; set; }
    public required string RoleClassCode { get; set; }
    public required string LevelCode { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public int ManagingAgencyId { get; set; }
    public Agency? ManagingAgency { get; set; }
    public int? AutonomyGroup { get; set; }
    public DateOnly EstablishedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? Address { get; set; }
    public string? Notes { get; set; }
    /// <summary>
    /// The decision that listed the unit as eligible for conversion into a joint-stock company (Decree 150/2020; the list of
    /// Decision 26/2021/QĐ-TTg as amended), with its date: the denominator of the conversion indicator.
    /// </summary>
    public string? ConversionListedBy { get; set; }
    public DateOnly? ConversionListedOn { get; set; }
    /// <summary>Set when the event that created the unit was voided: the unit never existed and is hidden everywhere.</summary>
    public bool Voided { get; set; }
    public List<UnitVersion> Versions { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>
    /// Raised by every write of the unit or its versions, and checked by the database on each one (a concurrency token):
    /// of two writers that read the same revision, the second fails instead of overwriting the first.
    /// </summary>
    public int Revision { get; set; }
}
