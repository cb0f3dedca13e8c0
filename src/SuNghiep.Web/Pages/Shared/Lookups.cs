using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Pages.Shared;

public sealed record AgencyOption(int Id, string Code, string Name, int Depth)
{
    /// <summary>The name indented by its depth in the tree; non-breaking spaces survive inside an option.</summary>
    public string Indented => new string('\u00A0', Depth * 4) + Name;
}

public sealed record AreaOption(string Code, string Label);

/// <summary>The choices that filters and forms offer, read for the caller's scope.</summary>
public static class Lookups
{
    /// <summary>Agencies ordered as a tree; an agency-scoped caller sees only his subtree.</summary>
    public static async Task<List<AgencyOption>> AgenciesAsync(SuNghiepDbContext db, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking();
        if (db.Scope.AgencyPath is { } path)
        {
            query = query.Where(a => a.Path.StartsWith(path));
        }

        return Indent(await query.OrderBy(a => a.Path).Select(a => new AgencyRow(a.Id, a.Code, a.Name, a.Path)).ToListAsync(ct));
    }

    public sealed record AgencyRow(int Id, string Code, string Name, string Path);

    /// <summary>Agencies in path order, indented from the shallowest of them.</summary>
    public static List<AgencyOption> Indent(List<AgencyRow> rows)
    {
        var top = rows.Count == 0 ? 0 : rows.Min(r => Depth(r.Path));
        return rows.Select(r => new AgencyOption(r.Id, r.Code, r.Name, Depth(r.Path) - top)).ToList();
    }

    /// <summary>
    /// Today's areas that hold a unit the caller can see, with their provinces: a short list even for a national
    /// account, where all 3,300 communes would weigh down every page.
    /// </summary>
    public static async Task<List<AreaOption>> AreasInScopeAsync(SuNghiepDbContext db, CancellationToken ct)
    {
        var used = db.Units.Select(u => u.AreaId).Distinct();
        var rows = await db.Areas.AsNoTracking()
            .Where(a => a.ValidTo == null && (used.Contains(a.Id) || db.Areas.Any(c => c.ParentId == a.Id && used.Contains(c.Id))))
            .Select(a => new { a.Code, a.Type, a.Name, a.Level, ParentName = a.Parent != null ? a.Parent.Type + " " + a.Parent.Name : null })
            .ToListAsync(ct);
        return rows
            .OrderBy(a => a.Level).ThenBy(a => a.Name, StringComparer.Create(Display.Vi, false))
            .Select(a => new AreaOption(a.Code, Area.FullNameOf(a.Type, a.Name) + (a.ParentName is null ? "" : $" ({Display.Capitalized(a.ParentName)})")))
            .ToList();
    }

    /// <summary>Today's provinces, for choices that must cover the whole country.</summary>
    public static async Task<List<AreaOption>> ProvincesAsync(SuNghiepDbContext db, CancellationToken ct)
    {
        var rows = await db.Areas.AsNoTracking().Where(a => a.ValidTo == null && a.Level == AreaLevel.Province)
            .OrderBy(a => a.Code).Select(a => new { a.Code, a.Type, a.Name }).ToListAsync(ct);
        return rows.Select(a => new AreaOption(a.Code, Area.FullNameOf(a.Type, a.Name))).ToList();
    }

    private static int Depth(string path) => path.Count(c => c == '/') - 1;
}
