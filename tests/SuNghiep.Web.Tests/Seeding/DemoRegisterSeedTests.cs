using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Seeding;

/// <summary>
/// The demo's register (units, versions, events and their participants) is written past the change tracker, with the
/// keys the later rows need read back: every link between those rows must still hold, as must the audit counts.
/// </summary>
public sealed class DemoRegisterSeedTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task DemoRegister_VersionsEventsAndParticipantsLinkToTheirUnits_AndAreAudited(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var seed = await app.WithDbAsync(async (db, _) =>
        {
            var events = await db.Reorganizations.AsNoTracking().Where(r => r.CreatedBy == SuNghiep.Core.Auditing.SystemActors.Demo).Include(r => r.Participants).ToListAsync();
            var seededAt = events[0].CreatedAt;
            // The demo stamps its units and plans with one instant; tests add theirs later.
            var units = (await db.Units.IgnoreQueryFilters().AsNoTracking().Include(u => u.Versions).ToListAsync())
                .Where(u => u.CreatedAt == seededAt).ToDictionary(u => u.Id);
            var plans = (await db.AutonomyPlans.IgnoreQueryFilters().AsNoTracking().Select(p => new { p.UnitId, p.UpdatedAt }).ToListAsync())
                .Count(p => p.UpdatedAt == seededAt && units.ContainsKey(p.UnitId));
            var allocations = (await db.StaffingAllocations.AsNoTracking().Select(a => a.UpdatedAt).ToListAsync()).Count(at => at == seededAt);
            var audit = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityId == "*" && e.Action == "Create" && e.After!.Contains("demo province"))
                .Select(e => new { e.EntityType, e.After }).ToListAsync();
            var counts = audit.GroupBy(a => a.EntityType)
                .ToDictionary(g => g.Key, g => g.Sum(a => JsonDocument.Parse(a.After!).RootElement.GetProperty("count").GetInt32()));
            return (events, units, plans, allocations, counts);
        });
        var (events, units, plans, allocations, audit) = seed;
        var eventsById = events.ToDictionary(e => e.Id);

        Assert.True(units.Count > 500, $"only {units.Count} demo units");
        Assert.True(events.Count > 100, $"only {events.Count} demo events");
        Assert.Equal(units.Count, audit.GetValueOrDefault("Unit"));
        Assert.Equal(events.Count, audit.GetValueOrDefault("Reorganization"));
        Assert.Equal(events.Sum(e => e.Participants.Count), audit.GetValueOrDefault("ReorganizationParticipant"));
        Assert.Equal(plans, audit.GetValueOrDefault("AutonomyPlan"));
        Assert.Equal(allocations, audit.GetValueOrDefault("StaffingAllocation"));
        Assert.True(plans > 100 && allocations > 100, $"{plans} plans, {allocations} allocations");
        // The demo's versions: each unit's first, and those its events opened (tests open theirs by other events or edits).
        var seededVersions = units.Values.SelectMany(u => u.Versions)
            .Where(v => v.ValidFrom == units[v.UnitId].EstablishedOn || (v.ReorganizationId is { } id && eventsById.ContainsKey(id)));
        Assert.Equal(seededVersions.Count(), audit.GetValueOrDefault("UnitVersion"));

        Assert.All(units.Values, unit =>
        {
            // The versions tile the unit's life, and the unit mirrors its latest one.
            var versions = unit.Versions.OrderBy(v => v.ValidFrom).ToList();
            Assert.Equal(unit.EstablishedOn, versions[0].ValidFrom);
            Assert.Equal(unit.EndedOn, versions[^1].ValidTo);
            Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.Equal(pair.First.ValidTo, pair.Second.ValidFrom));
            var latest = versions[^1];
            Assert.Equal((latest.Name, latest.SectorCode, latest.LevelCode, latest.AreaId, latest.ManagingAgencyId, latest.AutonomyGroup),
                (unit.Name, unit.SectorCode, unit.LevelCode, unit.AreaId, unit.ManagingAgencyId, unit.AutonomyGroup));
            // A version opened by an event starts on its effective date, and the unit takes part in it.
            Assert.All(versions.Where(v => v.ReorganizationId is { } id && eventsById.ContainsKey(id)), v =>
            {
                var e = eventsById[v.ReorganizationId!.Value];
                Assert.Equal(e.EffectiveDate, v.ValidFrom);
                Assert.Contains(e.Participants, p => p.UnitId == unit.Id);
            });
        });

        Assert.All(events, e =>
        {
            Assert.NotEmpty(e.Participants);
            Assert.All(e.Participants, p =>
            {
                var unit = units[p.UnitId];
                var opened = unit.Versions.SingleOrDefault(v => v.ValidFrom == e.EffectiveDate);
                switch (p.Role)
                {
                    case ParticipantRole.Created:
                        Assert.Equal(e.EffectiveDate, unit.EstablishedOn);
                        Assert.Equal(e.Id, opened?.ReorganizationId);
                        break;
                    case ParticipantRole.Ended:
                        Assert.Contains(unit.Versions, v => v.ValidTo == e.EffectiveDate);
                        break;
                    case ParticipantRole.Transferred:
                        Assert.Equal(e.Id, opened?.ReorganizationId);
                        Assert.Equal(e.NewManagingAgencyId, opened?.ManagingAgencyId);
                        break;
                    case ParticipantRole.Renamed:
                        Assert.Equal(e.Id, opened?.ReorganizationId);
                        Assert.Equal(e.NewName, opened?.Name);
                        break;
                }
            });
        });
    }
}
