using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Auditing;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Seeding;

/// <summary>
/// The demo's 2025 reorganization as it happened (issue 11, item 15): the departments merged on 1/3/2025 end then with
/// their successors, social protection goes to Health that day, every unit is run by a body that exists while it runs
/// it, and every decision is issued by a body that existed on its date.
/// </summary>
public sealed class DemoRestructuringTests(AppHosts hosts)
{
    private static readonly DateOnly March2025 = new(2025, 3, 1);

    [Theory, DatabaseData]
    public async Task MergedDepartments_EndOnThe28thOfFebruary2025_WithTheDepartmentThatAbsorbedThem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var agencies = await app.WithDbAsync((db, _) => db.Agencies.AsNoTracking()
            .Where(a => a.Code.StartsWith("CT.") || a.Code.StartsWith("HG.") || a.Code.StartsWith("ST."))
            .Select(a => new { a.Code, a.ValidFrom, a.ValidTo, Successor = a.Successor!.Code, a.LineagePath, SuccessorPath = a.Successor.LineagePath })
            .ToDictionaryAsync(a => a.Code, StringComparer.Ordinal));

        // Resolution 176/2025/QH15 and the provinces' decisions of 1/3/2025, in each old province.
        (string Merged, string Into)[] merged =
        [
            ("SLDTBXH", "SNV"), ("SKHDT", "STC"), ("STTTT", "SKHCN"), ("SNNPTNT", "SNNMT"), ("STNMT", "SNNMT"), ("SGTVT", "SXD"), ("BDT", "SDTTG"),
        ];
        foreach (var prefix in new[] { "CT", "HG", "ST" })
        {
            foreach (var (key, into) in merged)
            {
                var old = agencies[$"{prefix}.{key}"];
                Assert.Equal((March2025.AddDays(-1), $"{prefix}.{into}"), (old.ValidTo, old.Successor));
                // In today's map it lies under the department that absorbed it, so that a scope on that one covers it.
                Assert.StartsWith(old.SuccessorPath, old.LineagePath, StringComparison.Ordinal);
            }

            // The departments made on 1/3/2025 ran until the city's took over on 1/7/2025.
            Assert.Equal((March2025, new DateOnly(2025, 6, 30), "92.SNNMT"), (agencies[$"{prefix}.SNNMT"].ValidFrom, agencies[$"{prefix}.SNNMT"].ValidTo, agencies[$"{prefix}.SNNMT"].Successor));
            Assert.Equal((new DateOnly(2025, 6, 30), "92.SNV"), (agencies[$"{prefix}.SNV"].ValidTo, agencies[$"{prefix}.SNV"].Successor));
        }
    }

    [Theory, DatabaseData]
    public async Task SocialProtectionCentres_GoToHealthOnThe1stOfMarch2025_ByTheOldProvincesDecisions(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var versions = await app.WithDbAsync(async (db, _) =>
        {
            var seededAt = await db.Reorganizations.AsNoTracking().Where(r => r.CreatedBy == SystemActors.Demo).Select(r => r.CreatedAt).FirstAsync();
            return await db.UnitVersions.IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.Unit!.CreatedAt == seededAt && v.Unit.Name.StartsWith("Trung tâm Bảo trợ xã hội"))
            .Select(v => new
            {
                v.UnitId, v.ValidFrom, Agency = v.ManagingAgency!.Code, Type = (ReorganizationType?)v.Reorganization!.Type,
                Issuer = v.Reorganization.DecisionIssuer, Decided = (DateOnly?)v.Reorganization.DecisionDate,
            })
            .ToListAsync();
        });

        var units = versions.GroupBy(v => v.UnitId).ToList();
        Assert.Equal(3, units.Count);
        Assert.All(units, unit =>
        {
            var history = unit.OrderBy(v => v.ValidFrom).ToList();
            var prefix = history[0].Agency[..2];
            Assert.Equal([$"{prefix}.SLDTBXH", $"{prefix}.SYT", "92.SYT"], history.Select(v => v.Agency));
            Assert.Equal((March2025, ReorganizationType.Transfer), (history[1].ValidFrom, history[1].Type));
            Assert.StartsWith("Ủy ban nhân dân t", history[1].Issuer, StringComparison.Ordinal);
            Assert.True(history[1].Decided < March2025);
        });
    }

    [Theory, DatabaseData]
    public async Task DemoRegister_EveryUnitIsRunAndEveryDecisionIssuedByABodyOfItsTime(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (versions, events, plans, agencies) = await app.WithDbAsync(async (db, _) =>
        {
            var seededAt = await db.Reorganizations.AsNoTracking().Where(r => r.CreatedBy == SystemActors.Demo).Select(r => r.CreatedAt).FirstAsync();
            var versions = await db.UnitVersions.IgnoreQueryFilters().AsNoTracking().Where(v => v.Unit!.CreatedAt == seededAt)
                .Select(v => new { v.Name, v.ValidFrom, v.ValidTo, v.ManagingAgencyId }).ToListAsync();
            var events = await db.Reorganizations.AsNoTracking().Where(r => r.CreatedBy == SystemActors.Demo)
                .Select(r => new { r.DecisionNumber, r.DecisionDate, r.DecisionIssuer, r.EffectiveDate }).ToListAsync();
            var plans = await db.AutonomyPlans.IgnoreQueryFilters().AsNoTracking().Where(p => p.Unit!.CreatedAt == seededAt && p.DecisionDate != null)
                .Select(p => new { p.DecisionDate, p.DecisionIssuer }).ToListAsync();
            var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name, a.ValidFrom, a.ValidTo }).ToListAsync();
            return (versions, events, plans, agencies);
        });
        var byId = agencies.ToDictionary(a => a.Id);
        bool Exists(string name, DateOnly on) =>
            agencies.Any(a => a.Name == name && (a.ValidFrom is null || a.ValidFrom <= on) && (a.ValidTo is null || a.ValidTo >= on));

        Assert.True(versions.Count > 2000, $"only {versions.Count} demo versions");
        Assert.All(versions, v =>
        {
            var agency = byId[v.ManagingAgencyId];
            // A version holds from ValidFrom to the day before ValidTo; an agency's ValidTo is its last day.
            Assert.True(
                (agency.ValidFrom is null || agency.ValidFrom <= v.ValidFrom) && (agency.ValidTo is null || v.ValidTo is { } to && agency.ValidTo >= to.AddDays(-1)),
                $"{v.Name} from {v.ValidFrom} to {v.ValidTo} under {agency.Code} ({agency.ValidFrom} to {agency.ValidTo})");
        });
        Assert.All(events, e =>
        {
            Assert.True(e.DecisionDate <= e.EffectiveDate, $"{e.DecisionNumber} decided {e.DecisionDate}, effective {e.EffectiveDate}");
            Assert.True(Exists(e.DecisionIssuer, e.DecisionDate), $"{e.DecisionNumber} of {e.DecisionDate} by {e.DecisionIssuer}, who did not exist then");
        });
        Assert.NotEmpty(plans);
        Assert.All(plans, p => Assert.True(Exists(p.DecisionIssuer!, p.DecisionDate!.Value), $"autonomy plan approved {p.DecisionDate} by {p.DecisionIssuer}"));
    }
}
