using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Auditing;

/// <summary>Turns tracked changes into audit rows: who, when, what entity, the audited properties before and after.</summary>
internal static class AuditTrail
{
    // Secrets are never copied into the trail; a change to one is recorded as "(đã thay đổi)". A citizen's contact is one:
    // the trail cannot be erased, and the contact must be, when consent is withdrawn or its retention ends.
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(Feedback.Contact), nameof(Feedback.WithdrawTokenHash),
    };

    // Derived columns are noise in a trail that people read.
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        nameof(Unit.SearchText), nameof(Unit.SortKey), nameof(Agency.Path), nameof(Unit.CreatedAt), nameof(Unit.UpdatedAt), nameof(Unit.Revision),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName),
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static bool IsAudited(EntityEntry entry) => AuditLabels.IsAudited(entry.Metadata.ClrType);

    /// <summary>The changes to audit; in a bulk load only their kind is needed, so no snapshot is taken.</summary>
    public static List<PendingAudit> Capture(ChangeTracker tracker, bool countOnly = false)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit entries cannot be changed or deleted.");
            }

            if (!IsAudited(entry) || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (countOnly)
            {
                pending.Add(new PendingAudit(entry, entry.State == EntityState.Added ? "Create" : entry.State == EntityState.Deleted ? "Delete" : "Update", null, null));
                continue;
            }

            var before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true);
            var after = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false);
            if (entry.State == EntityState.Modified && before!.SequenceEqual(after!))
            {
                continue;
            }

            pending.Add(new PendingAudit(entry, entry.State switch
            {
                EntityState.Added => "Create",
                EntityState.Deleted => "Delete",
                _ => "Update",
            }, before, after));
        }

        return pending;
    }

    public static IEnumerable<AuditEntry> Summarize(List<PendingAudit> pending, string operation, Actor actor, DateTime at) =>
        pending.GroupBy(p => (Type: AuditLabels.TrailName(p.Entry.Metadata.ClrType), p.Action))
            .Select(g => Summary(g.Key.Type, g.Key.Action, g.Count(), operation, actor, at));

    /// <summary>The one row of a bulk load for an entity type and action: the operation's name and the count.</summary>
    public static AuditEntry Summary(string entityType, string action, int count, string operation, Actor actor, DateTime at) => new()
    {
        At = at,
        ActorId = actor.Id,
        ActorName = actor.Name,
        IpAddress = actor.IpAddress,
        Action = action,
        EntityType = entityType,
        EntityId = "*",
        After = JsonSerializer.Serialize(new SortedDictionary<string, object?> { ["operation"] = operation, ["count"] = count }, Json),
    };

    private static SortedDictionary<string, object?> Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            // File contents are identified by the attachment's size and SHA-256, not copied into the trail.
            if (Skipped.Contains(name) || property.Metadata.ClrType == typeof(byte[]))
            {
                continue;
            }

            if (Secret.Contains(name))
            {
                values[name] = property.IsModified ? "(đã thay đổi)" : "";
                continue;
            }

            values[name] = original ? property.OriginalValue : property.CurrentValue;
        }

        return values;
    }

    internal sealed record PendingAudit(
        EntityEntry Entry, string Action,
        SortedDictionary<string, object?>? Before, SortedDictionary<string, object?>? After)
    {
        public AuditEntry ToEntry(Actor actor, DateTime at)
        {
            var key = Entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => Entry.Property(p.Name).CurrentValue?.ToString() ?? "");
            var after = After;
            if (after is not null)
            {
                // Keys generated by the database are known now, and so are the foreign keys to a parent added in the same save.
                foreach (var p in Entry.Metadata.GetProperties().Where(p => p.IsPrimaryKey() || (p.IsForeignKey() && after.ContainsKey(p.Name))))
                {
                    after[p.Name] = Entry.Property(p.Name).CurrentValue;
                }
            }

            return new AuditEntry
            {
                At = at,
                ActorId = actor.Id,
                ActorName = actor.Name,
                IpAddress = actor.IpAddress,
                Action = Action,
                EntityType = AuditLabels.TrailName(Entry.Metadata.ClrType),
                EntityId = string.Join("/", key),
                Before = Before is null ? null : JsonSerializer.Serialize(Before, Json),
                After = after is null ? null : JsonSerializer.Serialize(after, Json),
            };
        }
    }
}
