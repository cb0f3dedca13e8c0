namespace SuNghiep.Core.Entities;

public enum AgencyKind
{
    Ministry = 1,
    ProvincialPeoplesCommittee = 2,
    Department = 3,
    DistrictPeoplesCommittee = 4,
    CommunePeoplesCommittee = 5,
    Other = 9,
}

/// <summary>A managing agency (cơ quan chủ quản): ministry, department, People's Committee.</summary>
public sealed class Agency
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
    public required string LevelCode { get; set; }
    public int? ParentId { get; set; }
    public Agency? Parent { get; set; }
    public int? AreaId { get; set; }
    public Area? Area { get; set; }
    /// <summary>Materialised path of ids, "/1/7/", so that a subtree is a prefix match in SQL.</summary>
    public string Path { get; set; } = "";
    public string SearchText { get; set; } = "";
    /// <summary>
    /// The path in today's map: its own path if it still exists, else under its successor's, so that a scope on today's
    /// province also covers the units of the provinces, districts and agencies it replaced.
    /// </summary>
    public string LineagePath { get; set; } = "";
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>The agency that took over this one's units when it ended.</summary>
    public int? SuccessorId { get; set; }
    public Agency? Successor { get; set; }
}
