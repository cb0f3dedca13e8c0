using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Units;

/// <summary>
/// Reads of the register as of a date. Each unit is read through the version that describes it on that date: the one in
/// force, or the last one if the unit had ended by then. Scope is applied by the context's query filters.
/// </summary>
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
            errors.Add(new("sort", "Chỉ sắp xếp được theo tên, mã hoặc ngày thành lập (thêm dấu - để sắp giảm dần)."));
        }

        if (q.AsOf is { } asOf && asOf < UnitRules.EarliestDate)
        {
            errors.Add(new("asOf", "Ngày xem không thể trước ngày 02/09/1945."));
        }

        if (q.Page < 1)
        {
            errors.Add(new("page", "Số trang phải từ 1 trở lên."));
        }
        else if (q.Page > InputLimits.MaxPage)
        {
            // Beyond it, (page - 1) x page size overflows and the list would silently start again at page 1.
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (q.PageSize < 1)
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải từ 1 trở lên."));
        }

        return errors;
    }

    /// <summary>A page of the register; an export passes a larger <paramref name="maxPageSize"/> to read every row in one page.</summary>
    public static Task<UnitPage> ListAsync(SuNghiepDbContext db, UnitQuery q, DateOnly today, CancellationToken ct = default) =>
        ListAsync(db, q, today, MaxPageSize, ct);

    public static async Task<UnitPage> ListAsync(SuNghiepDbContext db, UnitQuery q, DateOnly today, int maxPageSize, CancellationToken ct)
    {
        var query = await FilterAsync(db, q, q.AsOf ?? today, ct);
        var total = await query.CountAsync(ct);
        query = q.Sort switch
        {
            "-name" => query.OrderByDescending(v => v.SortKey).ThenByDescending(v => v.UnitId),
            "code" => query.OrderBy(v => v.Unit!.Code),
            "-code" => query.OrderByDescending(v => v.Unit!.Code),
            "establishedOn" => query.OrderBy(v => v.Unit!.EstablishedOn).ThenBy(v => v.SortKey),
            "-establishedOn" => query.OrderByDescending(v => v.Unit!.EstablishedOn).ThenBy(v => v.SortKey),
            _ => query.OrderBy(v => v.SortKey).ThenBy(v => v.UnitId),
        };
        var size = Math.Clamp(q.PageSize, 1, maxPageSize);
        var items = await Project(query.Skip((Math.Max(q.Page, 1) - 1) * size).Take(size)).ToListAsync(ct);
        return new UnitPage(items, total);
    }

    /// <summary>One unit as of a date; a unit not yet established then is shown as it will start.</summary>
    public static async Task<UnitView?> GetAsync(SuNghiepDbContext db, int id, DateOnly asOf, CancellationToken ct = default)
    {
        var versions = db.UnitVersions.AsNoTracking().Where(v => v.UnitId == id);
        return await Project(versions.Where(DescribesOn(asOf))).FirstOrDefaultAsync(ct)
            ?? await Project(versions.OrderBy(v => v.ValidFrom)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The version that describes its unit on a date: in force then, or the last one of a unit ended by then.</summary>
    public static Expression<Func<UnitVersion, bool>> DescribesOn(DateOnly date) =>
        v => v.ValidFrom <= date
             && (v.ValidTo == null || v.ValidTo > date || (v.ValidTo == v.Unit!.EndedOn && v.Unit.EndedOn <= date));

    /// <summary>The version in force on a date, of a unit active then.</summary>
    public static Expression<Func<UnitVersion, bool>> InForceOn(DateOnly date) =>
        v => v.ValidFrom <= date && (v.ValidTo == null || v.ValidTo > date);

    public static IQueryable<UnitView> Project(IQueryable<UnitVersion> versions) =>
        versions.Select(v => new UnitView(
            v.UnitId, v.Unit!.Code, v.Name, v.SectorCode, v.RoleClassCode, v.LevelCode, v.Area!.Code, v.ManagingAgencyId,
            v.AutonomyGroup, v.Unit.EstablishedOn, v.Unit.EndedOn, v.Unit.Address, v.Unit.Notes,
            v.Area.Type + " " + v.Area.Name, v.ManagingAgency!.Name, v.Unit.Revision, v.Unit.ConversionListedBy, v.Unit.ConversionListedOn));

    /// <summary>The lineage path prefixes an area code stands for: every area that ever had the code, with its lineage.</summary>
    public static Task<List<string>> AreaPrefixesAsync(SuNghiepDbContext db, string code, CancellationToken ct) =>
        db.Areas.AsNoTracking().Where(a => a.Code == code.Trim()).Select(a => a.LineagePath).ToListAsync(ct);

    private static async Task<IQueryable<UnitVersion>> FilterAsync(SuNghiepDbContext db, UnitQuery q, DateOnly asOf, CancellationToken ct)
    {
        var query = q.Status switch
        {
            "ended" => db.UnitVersions.AsNoTracking().Where(DescribesOn(asOf)).Where(v => v.Unit!.EndedOn != null && v.Unit.EndedOn <= asOf),
            "all" => db.UnitVersions.AsNoTracking().Where(DescribesOn(asOf)),
            _ => db.UnitVersions.AsNoTracking().Where(InForceOn(asOf)),
        };

        foreach (var word in VietnameseText.Fold(q.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            query = query.Where(v => v.SearchText.Contains(word));
        }

        if (Catalog.FindSector(q.Sector) is { } sector)
        {
            query = query.Where(v => v.SectorCode == sector.Code);
        }

        if (Catalog.FindRoleClass(q.RoleClass) is { } role)
        {
            query = query.Where(v => v.RoleClassCode == role.Code);
        }

        if (Catalog.FindLevel(q.Level) is { } level)
        {
            query = query.Where(v => v.LevelCode == level.Code);
        }

        if (!string.IsNullOrWhiteSpace(q.AreaCode))
        {
            query = WithinAreas(query, await AreaPrefixesAsync(db, q.AreaCode, ct));
        }

        if (q.ManagingAgencyId is { } agencyId)
        {
            var path = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.LineagePath).FirstOrDefaultAsync(ct);
            query = path is null ? query.Where(v => false) : query.Where(v => v.ManagingAgency!.LineagePath.StartsWith(path));
        }

        if (q.AutonomyGroup == "none")
        {
            query = query.Where(v => v.AutonomyGroup == null);
        }
        else if (int.TryParse(q.AutonomyGroup, out var group))
        {
            query = query.Where(v => v.AutonomyGroup == group);
        }

        return query;
    }

    /// <summary>Versions whose area lies under one of the lineage prefixes (a code reused after 2025 names two areas).</summary>
    public static IQueryable<UnitVersion> WithinAreas(IQueryable<UnitVersion> query, IReadOnlyList<string> prefixes) => prefixes.Count switch
    {
        0 => query.Where(v => false),
        1 => query.Where(v => v.Area!.LineagePath.StartsWith(prefixes[0])),
        _ => query.Where(v => v.Area!.LineagePath.StartsWith(prefixes[0]) || v.Area!.LineagePath.StartsWith(prefixes[1])),
    };
}
