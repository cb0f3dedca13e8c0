using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Seeding;
using SuNghiep.Core.Units;
using SuNghiep.Web.Cli;
using SuNghiep.Web.Tests.Cli;

namespace SuNghiep.Web.Tests.Seeding;

/// <summary>
/// `sunghiep seed national`, run through AdminVerbs.RunAsync on fresh databases of each provider at a small scale: the
/// published figures in proportion, the register's invariants, the same register from the same seed, and the refusal of a
/// register that has units. The verb builds its own host from the process's configuration, hence the collection that
/// runs alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class NationalSeederTests(AppHosts hosts)
{
    private const double Scale = 0.01;

    [Theory, DatabaseData]
    public async Task SeedNational_SmallScale_ReproducesThePublishedFiguresInProportion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var (code, output, error) = await RunAsync(database, ["seed", "national", "--scale", "0.01", "--seed", "7"]);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("National data set loaded", output, StringComparison.Ordinal);
        Assert.Contains("100%", error, StringComparison.Ordinal);
        await using var db = Context(database);
        var everywhere = new CountScope(null, null);
        var in2015 = (await HistoryQueries.CountAsync(db, new IndicatorEngine(db, TimeProvider.System), new DateOnly(2015, 12, 31), everywhere)).Total;
        var in2021 = (await HistoryQueries.CountAsync(db, new IndicatorEngine(db, TimeProvider.System), new DateOnly(2021, 12, 31), everywhere)).Total;
        var in2023 = (await HistoryQueries.CountAsync(db, new IndicatorEngine(db, TimeProvider.System), new DateOnly(2023, 12, 31), everywhere)).Total;
        // The counts are planned to the unit: only the rounding of the scaled figure may differ.
        Assert.InRange(in2015, Math.Floor(NationalSeeder.Units2015 * Scale), Math.Ceiling(NationalSeeder.Units2015 * Scale));
        Assert.InRange(in2021, Math.Floor(NationalSeeder.Units2021 * Scale), Math.Ceiling(NationalSeeder.Units2021 * Scale));
        var expected2023 = (NationalSeeder.Units2021 - NationalSeeder.Cut2022To2023) * Scale;
        Assert.InRange(in2023, Math.Floor(expected2023), Math.Ceiling(expected2023));

        var staff2021 = await db.StaffingYears.Where(s => s.Year == 2021).SumAsync(s => (long)s.BudgetPositions);
        var staff2015 = await db.StaffingYears.Where(s => s.Year == 2015).SumAsync(s => (long)s.BudgetPositions);
        Assert.InRange(staff2021, NationalSeeder.BudgetStaff2021 * Scale * 0.99, NationalSeeder.BudgetStaff2021 * Scale * 1.01);
        Assert.InRange(1 - (double)staff2021 / staff2015, NationalSeeder.BudgetStaffCut2015To2021 - 0.01, NationalSeeder.BudgetStaffCut2015To2021 + 0.01);

        // Old Bắc Giang by its own lineage (code 24 also means today's Bắc Ninh): a handful of units at this scale, so the
        // cut is right to one unit.
        var bacGiang = $"/p{NationalSeeder.BacGiangCode}/o{NationalSeeder.BacGiangCode}/";
        var bg2015 = await db.UnitVersions.Where(UnitQueries.InForceOn(new DateOnly(2015, 12, 31))).CountAsync(v => v.Area!.LineagePath.StartsWith(bacGiang));
        var bg2023 = await db.UnitVersions.Where(UnitQueries.InForceOn(new DateOnly(2023, 12, 31))).CountAsync(v => v.Area!.LineagePath.StartsWith(bacGiang));
        Assert.True(bg2015 > 0, "old Bắc Giang has no unit");
        Assert.InRange(bg2023, bg2015 * (1 - NationalSeeder.BacGiangCut2015To2023) - 1, bg2015 * (1 - NationalSeeder.BacGiangCut2015To2023) + 1);

        // Today's map: units under the 34 provinces' communes and departments, none left under a district.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var levels = (await HistoryQueries.CountAsync(db, new IndicatorEngine(db, TimeProvider.System), today, everywhere)).ByLevel;
        Assert.Equal(0, levels["district"]);
        Assert.True(levels["commune"] > 0 && levels["province"] > 0 && levels["central"] > 0, string.Join(", ", levels));
        Assert.True(await db.Documents.CountAsync() > 34 && await db.PlanTasks.CountAsync() > await db.Documents.CountAsync());
        Assert.True(await db.Units.CountAsync(u => u.ConversionListedBy == "26/2021/QĐ-TTg") > 0);
    }

    [Theory, DatabaseData]
    public async Task SeedNational_Register_KeepsTheInvariantsTheRegisterReliesOn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (code, _, error) = await RunAsync(database, ["seed", "national", "--scale", "0.01", "--seed", "11"]);
        Assert.True(code == 0, $"exit {code}: {error}");
        await using var db = Context(database);

        var units = await db.Units.AsNoTracking().Include(u => u.Versions).ToDictionaryAsync(u => u.Id);
        Assert.NotEmpty(units);
        Assert.All(units.Values, unit =>
        {
            var versions = unit.Versions.OrderBy(v => v.ValidFrom).ToList();
            Assert.Equal(unit.EstablishedOn, versions[0].ValidFrom);
            Assert.Equal(unit.EndedOn, versions[^1].ValidTo);
            Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.Equal(pair.First.ValidTo, pair.Second.ValidFrom));
            var latest = versions[^1];
            Assert.Equal(
                (latest.Name, latest.SearchText, latest.SortKey, latest.SectorCode, latest.RoleClassCode, latest.LevelCode, latest.AreaId, latest.ManagingAgencyId, latest.AutonomyGroup),
                (unit.Name, unit.SearchText, unit.SortKey, unit.SectorCode, unit.RoleClassCode, unit.LevelCode, unit.AreaId, unit.ManagingAgencyId, unit.AutonomyGroup));
            Assert.All(versions, v => Assert.Equal(Core.Text.VietnameseText.Fold(v.Name + " " + unit.Code), v.SearchText));
        });

        var events = await db.Reorganizations.AsNoTracking().Include(r => r.Participants).ToListAsync();
        Assert.Contains(events, e => e.Type == ReorganizationType.Transfer);
        Assert.Contains(events, e => e.Type == ReorganizationType.Merger);
        Assert.Contains(events, e => e.Type == ReorganizationType.Dissolution);
        Assert.All(events, e =>
        {
            int Count(ParticipantRole role) => e.Participants.Count(p => p.Role == role);
            var roles = (Ended: Count(ParticipantRole.Ended), Continuing: Count(ParticipantRole.Continuing), Created: Count(ParticipantRole.Created),
                Transferred: Count(ParticipantRole.Transferred), Renamed: Count(ParticipantRole.Renamed));
            var fits = e.Type switch
            {
                ReorganizationType.Establishment => roles is { Ended: 0, Continuing: 0, Created: 1, Transferred: 0, Renamed: 0 },
                ReorganizationType.Consolidation => roles is { Ended: >= 2, Continuing: 0, Created: 1, Transferred: 0, Renamed: 0 },
                ReorganizationType.Merger => roles is { Ended: >= 1, Continuing: 1, Created: 0, Transferred: 0, Renamed: 0 },
                ReorganizationType.Division => roles is { Ended: 1, Continuing: 0, Created: >= 2, Transferred: 0, Renamed: 0 },
                ReorganizationType.Separation => roles is { Ended: 0, Continuing: 1, Created: >= 1, Transferred: 0, Renamed: 0 },
                ReorganizationType.Dissolution => roles is { Ended: >= 1, Continuing: 0, Created: 0, Transferred: 0, Renamed: 0 },
                ReorganizationType.Conversion => roles is { Ended: 1, Continuing: 0, Created: 0, Transferred: 0, Renamed: 0 } && units[e.Participants[0].UnitId].SectorCode == "economic",
                ReorganizationType.Transfer => roles is { Ended: 0, Continuing: 0, Created: 0, Transferred: >= 1, Renamed: 0 } && e.NewManagingAgencyId is not null,
                ReorganizationType.Rename => roles is { Ended: 0, Continuing: 0, Created: 0, Transferred: 0, Renamed: 1 } && e.NewName is not null,
                _ => false,
            };
            Assert.True(fits, $"{e.Type} {e.DecisionNumber}: {roles}");
            foreach (var p in e.Participants)
            {
                var unit = units[p.UnitId];
                switch (p.Role)
                {
                    case ParticipantRole.Ended:
                        Assert.Equal(e.EffectiveDate, unit.EndedOn);
                        break;
                    case ParticipantRole.Created:
                        Assert.Equal(e.EffectiveDate, unit.EstablishedOn);
                        Assert.Equal(e.Id, unit.Versions.OrderBy(v => v.ValidFrom).First().ReorganizationId);
                        break;
                    case ParticipantRole.Transferred or ParticipantRole.Renamed:
                        var opened = Assert.Single(unit.Versions, v => v.ValidFrom == e.EffectiveDate);
                        Assert.Equal(e.Id, opened.ReorganizationId);
                        Assert.Equal(e.NewManagingAgencyId ?? opened.ManagingAgencyId, opened.ManagingAgencyId);
                        Assert.Equal(e.NewName ?? opened.Name, opened.Name);
                        break;
                }
            }
        });

        // Agencies' paths end with their own id, and an old agency sits under today's in the lineage.
        var agencies = await db.Agencies.AsNoTracking().ToListAsync();
        Assert.All(agencies, a => Assert.EndsWith($"/{a.Id}/", a.LineagePath, StringComparison.Ordinal));
        Assert.All(agencies, a => Assert.EndsWith($"/{a.Id}/", a.Path, StringComparison.Ordinal));
        var byId = agencies.ToDictionary(a => a.Id);
        Assert.All(agencies.Where(a => a.SuccessorId is not null), a => Assert.StartsWith(byId[a.SuccessorId!.Value].LineagePath, a.LineagePath, StringComparison.Ordinal));

        // One audit row per entity type, with the count of rows written.
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == "*" && e.Action == "Create" && e.After!.Contains(NationalSeeder.Operation))
            .Select(e => new { e.EntityType, e.After }).ToListAsync();
        var counts = audit.ToDictionary(a => a.EntityType, a => JsonDocument.Parse(a.After!).RootElement.GetProperty("count").GetInt32());
        Assert.Equal(units.Count, counts["Unit"]);
        Assert.Equal(units.Values.Sum(u => u.Versions.Count), counts["UnitVersion"]);
        Assert.Equal(events.Count, counts["Reorganization"]);
        Assert.Equal(await db.StaffingYears.CountAsync(), counts["StaffingYear"]);
        Assert.Equal(await db.PlanTasks.CountAsync(), counts["PlanTask"]);

        // Allocations flow down: a province's committee holds at least what its departments and districts were given.
        var allocations = await db.StaffingAllocations.AsNoTracking().Where(a => a.Year == 2021).ToDictionaryAsync(a => a.AgencyId, a => a.BudgetPositions);
        Assert.NotEmpty(allocations);
        Assert.All(agencies.Where(a => a.ParentId is { } p && allocations.ContainsKey(a.Id)),
            a => Assert.True(allocations.GetValueOrDefault(a.ParentId!.Value) >= allocations[a.Id], $"{a.Code} is given more than its parent"));

        // The keys were assigned by the load: the database's own come after them.
        db.Agencies.Add(new Agency { Code = $"T.{Unique.Token()}", Name = "Cơ quan thử", Kind = AgencyKind.Other, LevelCode = "province" });
        await db.SaveChangesAsync();
        Assert.True(db.Agencies.Local.Single().Id > agencies.Max(a => a.Id));
    }

    [Theory, DatabaseData]
    public async Task SeedNational_SameSeed_GivesTheSameRegister_AnotherSeedAnother(DatabaseProvider provider)
    {
        await using var first = await TestDatabase.CreateAsync(provider);
        await using var second = await TestDatabase.CreateAsync(provider);
        await using var other = await TestDatabase.CreateAsync(provider);

        var runs = new[] { (first, "5"), (second, "5"), (other, "6") };
        var prints = new List<string>();
        foreach (var (database, seed) in runs)
        {
            var (code, _, error) = await RunAsync(database, ["seed", "national", "--scale", "0.005", "--seed", seed]);
            Assert.True(code == 0, $"exit {code}: {error}");
            await using var db = Context(database);
            prints.Add(await FingerprintAsync(db));
        }

        Assert.Equal(prints[0], prints[1]);
        Assert.NotEqual(prints[0], prints[2]);
    }

    [Theory, DatabaseData]
    public async Task SeedNational_RegisterWithUnits_RefusesWithAMessageAndWritesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var before = await app.WithDbAsync((db, _) => db.Units.IgnoreQueryFilters().CountAsync());

        var (code, output, error) = await RunAsync(app.Database, ["seed", "national", "--scale", "0.01"]);

        Assert.Equal(1, code);
        Assert.Contains("Sổ đăng ký đã có đơn vị sự nghiệp công lập", error, StringComparison.Ordinal);
        Assert.Contains("Seed__Demo=false", error, StringComparison.Ordinal);
        Assert.DoesNotContain("loaded", output, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync((db, _) => db.Units.IgnoreQueryFilters().CountAsync()));
        Assert.False(await app.WithDbAsync((db, _) => db.Reorganizations.AnyAsync(r => r.CreatedBy == NationalSeeder.CreatedBy)));
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        // arguments after "seed national"   message names
        { ["--scale", "2"],                  "--scale" },
        { ["--scale", "0"],                  "--scale" },
        { ["--scale", "0,5"],                "--scale" },   // a comma is not read as a decimal point
        { ["--scale"],                       "--scale" },
        { ["--seed", "x"],                   "--seed"  },
        { ["--size", "1"],                   "seed national [--scale" },
    };

    [Theory, DatabaseData(nameof(BadArguments))]
    public async Task SeedNational_BadArguments_Returns2WithMessage(DatabaseProvider provider, string[] arguments, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var (code, _, error) = await RunAsync(database, ["seed", "national", .. arguments]);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    // What a register is made of, in a few numbers and names that any difference in the draws would change.
    private static async Task<string> FingerprintAsync(SuNghiepDbContext db)
    {
        var units = await db.Units.OrderBy(u => u.Id).Select(u => u.Code + u.Name + u.EndedOn + u.AreaId + u.ManagingAgencyId).ToListAsync();
        var events = await db.Reorganizations.OrderBy(r => r.Id).Select(r => r.Type + r.DecisionNumber + r.EffectiveDate).ToListAsync();
        var staff = await db.StaffingYears.SumAsync(s => (long)s.BudgetPositions);
        var finance = (await db.FinanceYears.Select(f => f.RecurrentExpenditure).ToListAsync()).Sum();
        var tasks = await db.PlanTasks.CountAsync();
        return $"{string.Join("|", units).GetHashCode(StringComparison.Ordinal)} {units.Count} {string.Join("|", events).GetHashCode(StringComparison.Ordinal)} {events.Count} {staff} {finance} {tasks}";
    }

    private static SuNghiepDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<SuNghiepDbContext>();
        _ = database.Provider == DatabaseProvider.Postgres ? options.UseNpgsql(database.ConnectionString) : options.UseSqlite(database.ConnectionString);
        var db = new SuNghiepDbContext(options.Options);
        db.UseScope(CallerScope.Everything);
        return db;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, string[] args)
    {
        var variables = new Dictionary<string, string?>
        {
            ["Database__Provider"] = database.ProviderSetting,
            ["ConnectionStrings__Default"] = database.ConnectionString,
        };
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        using var output = new StringWriter();
        using var error = new StringWriter();
        await AppHosts.BuildGate.WaitAsync();
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var code = await AdminVerbs.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            AppHosts.BuildGate.Release();
        }
    }
}
