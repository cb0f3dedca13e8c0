namespace SuNghiep.Core.Entities;

/// <summary>
/// A what-if: a set of proposed reorganizations, shaped as real ones but not decided, whose effect on the indicators and
/// the targets' statuses is shown beside the actual. It is seen only by its author until shared, then by everyone whose
/// scope covers the author's; once decided, its events become real reorganizations in one step.
/// </summary>
public sealed class Scenario
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The proposed events as a JSON array, each shaped as the body of POST /api/v1/reorganizations.</summary>
    public required string EventsJson { get; set; }
    public string? Notes { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>The author's scope when the scenario was made: who may see it once shared.</summary>
    public bool ScopeUnrestricted { get; set; }
    public string? ScopeAgencyPath { get; set; }
    public string? ScopeAreaPath { get; set; }
    public bool Shared { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? AppliedAt { get; set; }
    public string? AppliedBy { get; set; }
    /// <summary>Comma-separated ids of the reorganizations the scenario became when applied.</summary>
    public string? AppliedReorganizationIds { get; set; }
    public int Revision { get; set; }
}
