using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Units;

/// <summary>Reads of the register. Scope is applied by the context's query filter on units.</summary>
public static class UnitQueries
{
    public const int MaxPageSize = 500;

    public static readonly IReadOnlyList<string> Statuses = ["active", "ended", "all"];
    public static readonly IReadOnlyList<string> Sorts = ["name", "-name", "code", "-code", "establishedOn", "-establishedOn"];

    /// <summary>Checks the filters; each problem is keyed by the query parameter it concerns.</summary>
    public static IReadOnlyList<RuleViolation> Validate(UnitQuery q)
    {
        var errors = new List<RuleViolation>();
        if (q.Sector is { Length: > 0 } s && Catalog.FindSector(s) is null)
        {
            errors.Add(new("sector", $"Lĩnh vực \"{s}\" không tồn tại."));
        }

        if (q.RoleClass is { Length: > 0 } r && Catalog.FindRoleClass(r) is null)
        {
            errors.Add(new("roleClass", $"Loại đơn vị \"{r}\" không tồn tại."));
        }

        if (q.Level is { Length: > 0 } l && Catalog.FindLevel(l) is null)
        {
            errors.Add(new("level", $"Cấp \"{l}\" không tồn tại."));
        }

        if (q.AutonomyGroup is { Length: > 0 } g && g != "none" && g is not ("1" or "2" or "3" or "4"))
        {
            errors.Add(new("autonomyGroup", "Nhóm tự chủ phải là 1, 2, 3, 4 hoặc none."));
        }

        if (q.Status is { Length: > 0 } st && !Statuses.Contains(st))
        {
            errors.Add(new("status", "Trạng thái phải là active, ended hoặc all."));
        }

        if (q.Sort is { Length: > 0 } so && !Sorts.Contains(so))
        {
            errors.Add(new("sort", "Sắp xếp theo name, code hoặc establishedOn (thêm dấu - để sắp giảm dần)."));
        }

        if (q.Page < 1)
        {
            errors.Add(new("page", "Số trang phải từ 1 trở lên."));
        }

        if (q.PageSize < 1)
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải từ 1 trở lên."));
        }

        return errors;
    }

    public static async Task<UnitPage> ListAsync(SuNghiepDbContext db, UnitQuery q, DateOnly today, CancellationToken ct = default)
    {
        var query = await FilterAsync(db, q, today, ct);
        var total = await query.CountAsync(ct);
        query = q.Sort switch
        {
            "-name" => query.OrderByDescending(u => u.SortKey).ThenByDescending(u => u.Id),
            "code" => query.OrderBy(u => u.Code),
            "-code" => query.OrderByDescending(u => u.Code),
            "establishedOn" => query.OrderBy(u => u.EstablishedOn).ThenBy(u => u.SortKey),
            "-establishedOn" => query.OrderByDescending(u => u.EstablishedOn).ThenBy(u => u.SortKey),
            _ => query.OrderBy(u => u.SortKey).ThenBy(u => u.Id),
        };
        var size = Math.Clamp(q.PageSize, 1, MaxPageSize);
        var items = await Project(query.Skip((Math.Max(q.Page, 1) - 1) * size).Take(size)).ToListAsync(ct);
        return new UnitPage(items, total);
    }

    public static Task<UnitView?> GetAsync(SuNghiepDbContext db, int id, CancellationToken ct = default) =>
        Project(db.Units.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(ct);

    public static IQueryable<UnitView> Project(IQueryable<Unit> units) =>
        units.Select(u => new UnitView(
            u.Id, u.Code, u.Name, u.SectorCode, u.RoleClassCode, u.LevelCode, u.Area!.Code, u.ManagingAgencyId,
            u.AutonomyGroup, u.EstablishedOn, u.EndedOn, u.Address, u.Notes,
            u.Area.Type + " " + u.Area.Name, u.ManagingAgency!.Name));

    private static async Task<IQueryable<Unit>> FilterAsync(SuNghiepDbContext db, UnitQuery q, DateOnly today, CancellationToken ct)
    {
        var query = db.Units.AsNoTracking();
        foreach (var word in VietnameseText.Fold(q.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            query = query.Where(u => u.SearchText.Contains(word));
        }

        if (Catalog.FindSector(q.Sector) is { } sector)
        {
            query = query.Where(u => u.SectorCode == sector.Code);
        }

        if (Catalog.FindRoleClass(q.RoleClass) is { } role)
        {
            query = query.Where(u => u.RoleClassCode == role.Code);
        }

        if (Catalog.FindLevel(q.Level) is { } level)
        {
            query = query.Where(u => u.LevelCode == level.Code);
        }

        if (!string.IsNullOrWhiteSpace(q.AreaCode))
        {
            var paths = await db.Areas.AsNoTracking().Where(a => a.Code == q.AreaCode.Trim()).Select(a => a.Path).ToListAsync(ct);
            query = paths.Count switch
            {
                0 => query.Where(u => false),
                1 => query.Where(u => u.Area!.Path.StartsWith(paths[0])),
                // A code reused after 2025 names two areas; the filter covers both.
                _ => query.Where(u => u.Area!.Path.StartsWith(paths[0]) || u.Area!.Path.StartsWith(paths[1])),
            };
        }

        if (q.ManagingAgencyId is { } agencyId)
        {
            var path = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Path).FirstOrDefaultAsync(ct);
            query = path is null ? query.Where(u => false) : query.Where(u => u.ManagingAgency!.Path.StartsWith(path));
        }

        if (q.AutonomyGroup == "none")
        {
            query = query.Where(u => u.AutonomyGroup == null);
        }
        else if (int.TryParse(q.AutonomyGroup, out var group))
        {
            query = query.Where(u => u.AutonomyGroup == group);
        }

        query = q.Status switch
        {
            "active" => query.Where(u => u.EstablishedOn <= today && (u.EndedOn == null || u.EndedOn > today)),
            "ended" => query.Where(u => u.EndedOn != null && u.EndedOn <= today),
            _ => query,
        };
        return query;
    }
}
