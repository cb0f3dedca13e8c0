namespace SuNghiep.Core.Entities;

/// <summary>One change to an audited entity. Rows are append-only: the context and database triggers refuse updates and deletes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>Create, Update or Delete.</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>JSON object of the audited properties before the change; null on create.</summary>
    public string? Before { get; set; }
    /// <summary>JSON object of the audited properties after the change; null on delete.</summary>
    public string? After { get; set; }
}
