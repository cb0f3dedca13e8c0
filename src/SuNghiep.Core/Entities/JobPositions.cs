namespace SuNghiep.Core.Entities;

/// <summary>The four groups of job positions of a public service unit (Decree 106/2020/NĐ-CP, Art. 4).</summary>
public enum JobPositionGroup
{
    Leadership = 1,
    Professional = 2,
    SharedProfessional = 3,
    Support = 4,
}

/// <summary>
/// A unit's list of job positions as one decision approved it (Decree 106/2020/NĐ-CP). It holds from the decision's date
/// until a later approval replaces it; replaced lists stay, as the unit's history.
/// </summary>
public sealed class JobPositionList
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    /// <summary>The body that signed the decision (cơ quan ban hành).</summary>
    public string DecisionIssuer { get; set; } = "";
    public string? Notes { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<JobPosition> Positions { get; set; } = [];
}

/// <summary>One approved job position: its name, group, professional title with its code, and the people it needs.</summary>
public sealed class JobPosition
{
    public int Id { get; set; }
    public int ListId { get; set; }
    public JobPositionList? List { get; set; }
    /// <summary>The list's unit, kept on each row so that the trail and the scope reach the unit directly.</summary>
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The row's place in the decision's table, from 1.</summary>
    public int Ordinal { get; set; }
    public string Name { get; set; } = "";
    public JobPositionGroup Group { get; set; }
    /// <summary>The professional title (chức danh nghề nghiệp) or civil-service rank the position is held in.</summary>
    public string? TitleName { get; set; }
    /// <summary>Its code, as the ministry's circular gives it (V.07.03.29, 06.031).</summary>
    public string? TitleCode { get; set; }
    /// <summary>The number of people the position needs (số lượng người làm việc); 0 for a position held concurrently.</summary>
    public int People { get; set; }
}
