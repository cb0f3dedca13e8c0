using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Auditing;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Seeding;

/// <summary>
/// The demo's new Cần Thơ against the published figures of the real one (issue 11, item 16): the schools of school year
/// 2025-2026 by level, the commune health stations of 2025, the colleges and the university, and the people working in
/// the three old provinces' units in 2024, each within 5%. Read from the demo's own units only (those stamped with the
/// demo's instant), so that units other tests add in the province do not count.
/// </summary>
public sealed class DemoScaleTests(AppHosts hosts)
{
    private static readonly DateOnly End2025 = new(2025, 12, 31);

    private static readonly string[] SchoolKinds = ["Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở", "Trường Trung học phổ thông"];

    private sealed record Active(string Name, string Sector, AgencyKind AgencyKind);

    [Theory, DatabaseData]
    public async Task DemoCity_AtTheEndOf2025_MatchesThePublishedCountsWithin5Percent(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var active = await app.WithDbAsync(async (db, _) =>
        {
            var seededAt = await SeededAtAsync(db);
            return await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.CreatedAt == seededAt)
                .SelectMany(u => u.Versions.Where(v => v.ValidFrom <= End2025 && (v.ValidTo == null || v.ValidTo > End2025)))
                .Select(v => new Active(v.Name, v.SectorCode, v.ManagingAgency!.Kind)).ToListAsync();
        });
        int Named(string kind) => active.Count(a => a.Name.StartsWith(kind + " ", StringComparison.Ordinal));

        // Published: 329 kindergartens, 483 primary, 238 lower and 92 upper secondary schools (1,141), 1,184 education
        // units, 103 commune health stations, 8 colleges and a university.
        (string What, int Published, int Demo)[] figures =
        [
            ("kindergartens",          329,  Named("Trường Mầm non")),
            ("primary schools",        483,  Named("Trường Tiểu học")),
            ("lower secondary",        238,  Named("Trường Trung học cơ sở")),
            ("upper secondary",         92,  Named("Trường Trung học phổ thông")),
            ("schools",               1141,  SchoolKinds.Sum(Named)),
            ("education units",       1184,  active.Count(a => a.Sector is "education" or "vocational")),
            ("commune health stations", 103, active.Count(a => a.Name.StartsWith("Trạm Y tế ", StringComparison.Ordinal) && a.AgencyKind == AgencyKind.CommunePeoplesCommittee)),
            ("colleges",                 8,  Named("Trường Cao đẳng")),
            ("universities",             1,  Named("Trường Đại học")),
        ];

        Assert.All(figures, f => Assert.True(
            Math.Abs(f.Demo - f.Published) <= f.Published * 0.05,
            $"{f.What}: the demo has {f.Demo}, the published figure is {f.Published}"));
        // Every commune of the new city has its station, run by the commune.
        Assert.Equal(active.Count(a => a.Name.StartsWith("Trạm Y tế ", StringComparison.Ordinal)), figures.Single(f => f.What == "commune health stations").Demo);
    }

    [Theory, DatabaseData]
    public async Task DemoStaff_In2024_TotalMoreThanThePublished61100_AndFollowThePupils(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var people = await app.WithDbAsync(async (db, _) =>
        {
            var seededAt = await SeededAtAsync(db);
            return await db.StaffingYears.IgnoreQueryFilters().AsNoTracking().Where(s => (s.Year == 2015 || s.Year == 2024) && s.Unit!.CreatedAt == seededAt)
                .GroupBy(s => new { s.Year, Kind = s.Unit!.Name.StartsWith("Trường Mầm non") ? "kindergarten" : s.Unit.Name.StartsWith("Trường Trung học phổ thông") ? "upper" : "other" })
                .Select(g => new { g.Key.Year, g.Key.Kind, People = g.Sum(s => s.BudgetPositions + s.RevenuePositions) })
                .ToListAsync();
        });
        int Of(int year, string? kind = null) => people.Where(p => p.Year == year && (kind is null || p.Kind == kind)).Sum(p => p.People);

        // The three provinces had more than 61,100 people working in their public service units.
        Assert.InRange(Of(2024), 61_100, (int)(61_100 * 1.05));
        // Staff follow classes, not a flat yearly cut: fewer children in kindergartens as births fall, more pupils in
        // upper secondary schools as the larger cohorts reach them.
        Assert.True(Of(2024, "kindergarten") < Of(2015, "kindergarten"), $"kindergartens: {Of(2015, "kindergarten")} in 2015, {Of(2024, "kindergarten")} in 2024");
        Assert.True(Of(2024, "upper") > Of(2015, "upper"), $"upper secondary: {Of(2015, "upper")} in 2015, {Of(2024, "upper")} in 2024");
    }

    private static Task<DateTime> SeededAtAsync(SuNghiep.Core.Data.SuNghiepDbContext db) =>
        db.Reorganizations.AsNoTracking().Where(r => r.CreatedBy == SystemActors.Demo).Select(r => r.CreatedAt).FirstAsync();
}
