using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Units;

/// <summary>The outcome of a write: the unit, the broken rules, or not found (which includes out of scope).</summary>
public sealed record UnitWriteResult(UnitView? Unit, IReadOnlyList<RuleViolation> Errors, bool NotFound = false)
{
    public bool Succeeded => Unit is not null;
    public static UnitWriteResult Missing { get; } = new(null, [], NotFound: true);
}

/// <summary>Creates and edits units for pages, API and command line alike; the context audits each change.</summary>
public sealed class UnitService(SuNghiepDbContext db, TimeProvider time)
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public async Task<UnitWriteResult> CreateAsync(UnitInput input, CancellationToken ct = default)
    {
        var unit = new Unit
        {
            Code = "", Name = "", SectorCode = "", RoleClassCode = "", LevelCode = "",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var errors = await ApplyAsync(unit, input, null, ct);
        if (errors.Count > 0)
        {
            return new UnitWriteResult(null, errors);
        }

        db.Units.Add(unit);
        return await SaveAsync(unit, ct);
    }

    /// <summary>The rules a create would check, without writing; lets the API report every field at once.</summary>
    public async Task<IReadOnlyList<RuleViolation>> ValidateAsync(int? id, UnitInput input, CancellationToken ct = default)
    {
        var unit = id is { } existing
            ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == existing, ct)
            : null;
        unit ??= new Unit { Code = "", Name = "", SectorCode = "", RoleClassCode = "", LevelCode = "" };
        return await ApplyAsync(unit, input, unit.EndedOn, ct);
    }

    public async Task<UnitWriteResult> UpdateAsync(int id, UnitInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return UnitWriteResult.Missing;
        }

        var errors = await ApplyAsync(unit, input, unit.EndedOn, ct);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new UnitWriteResult(null, errors);
        }

        if (db.ChangeTracker.HasChanges())
        {
            unit.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }

        return await SaveAsync(unit, ct);
    }

    private async Task<UnitWriteResult> SaveAsync(Unit unit, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request may have taken the code between our check and the insert.
            db.ChangeTracker.Clear();
            if (await CodeTakenAsync(unit.Code, unit.Id, ct))
            {
                return new UnitWriteResult(null, [CodeTaken(unit.Code)]);
            }

            throw;
        }

        return new UnitWriteResult(await UnitQueries.GetAsync(db, unit.Id, ct), []);
    }

    private async Task<List<RuleViolation>> ApplyAsync(Unit unit, UnitInput input, DateOnly? storedEndedOn, CancellationToken ct)
    {
        var today = Today;
        var code = input.Code?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        var errors = new List<RuleViolation>(UnitRules.Validate(
            new UnitFacts(code, name, input.EstablishedOn, input.EndedOn, input.AutonomyGroup), today));
        errors.AddRange(UnitRules.ValidateText(input.Address, input.Notes));

        var sector = Catalog.FindSector(input.Sector);
        if (sector is null)
        {
            errors.Add(new("sector", string.IsNullOrWhiteSpace(input.Sector) ? "Vui lòng chọn lĩnh vực." : "Lĩnh vực không hợp lệ."));
        }

        var role = Catalog.FindRoleClass(input.RoleClass);
        if (role is null)
        {
            errors.Add(new("roleClass", string.IsNullOrWhiteSpace(input.RoleClass) ? "Vui lòng chọn loại đơn vị theo vai trò." : "Loại đơn vị không hợp lệ."));
        }

        var level = Catalog.FindLevel(input.Level);
        if (level is null)
        {
            errors.Add(new("level", string.IsNullOrWhiteSpace(input.Level) ? "Vui lòng chọn cấp quản lý." : "Cấp quản lý không hợp lệ."));
        }
        else if (level.ValidTo is { } levelEnd && input.EstablishedOn > levelEnd)
        {
            errors.Add(new("level", $"Cấp huyện đã kết thúc từ ngày {levelEnd.AddDays(1):dd/MM/yyyy}; đơn vị thành lập sau ngày đó không thể thuộc cấp huyện."));
        }

        var area = await FindAreaAsync(input.AreaCode, input.EndedOn, today, ct);
        if (area is null)
        {
            errors.Add(new("areaCode", string.IsNullOrWhiteSpace(input.AreaCode) ? "Vui lòng chọn địa bàn." : $"Không có địa bàn mã \"{input.AreaCode}\"."));
        }

        Agency? agency = null;
        if (input.ManagingAgencyId is not { } agencyId)
        {
            errors.Add(new("managingAgencyId", "Vui lòng chọn cơ quan quản lý."));
        }
        else
        {
            agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
            if (agency is null)
            {
                errors.Add(new("managingAgencyId", "Cơ quan quản lý không tồn tại."));
            }
        }

        if (code.Length > 0 && await CodeTakenAsync(code, unit.Id, ct))
        {
            errors.Add(CodeTaken(code));
        }

        // The unit must stay inside the caller's scope, or the caller could move it where nobody in his scope sees it.
        if (agency is not null && area is not null && !InScope(db.Scope, agency, area, unit.Id))
        {
            errors.Add(new("managingAgencyId", "Cơ quan quản lý và địa bàn nằm ngoài phạm vi được giao của tài khoản."));
        }

        if (storedEndedOn is not null)
        {
            var changed = ChangedFields(unit, input, sector, role, level, area, code, name);
            errors.AddRange(UnitRules.ValidateChangeOfEndedUnit(storedEndedOn, today, input.EndedOn, changed));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        unit.Code = code;
        unit.Name = name;
        unit.SearchText = VietnameseText.Fold(name + " " + code);
        unit.SortKey = VietnameseText.SortKey(name);
        unit.SectorCode = sector!.Code;
        unit.RoleClassCode = role!.Code;
        unit.LevelCode = level!.Code;
        unit.AreaId = area!.Id;
        unit.ManagingAgencyId = agency!.Id;
        unit.AutonomyGroup = input.AutonomyGroup;
        unit.EstablishedOn = input.EstablishedOn!.Value;
        unit.EndedOn = input.EndedOn;
        unit.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        unit.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        return errors;
    }

    private static List<string> ChangedFields(
        Unit unit, UnitInput input, Sector? sector, RoleClass? role, AdministrativeLevel? level, Area? area, string code, string name)
    {
        var changed = new List<string>();
        void Check(bool differs, string field)
        {
            if (differs)
            {
                changed.Add(field);
            }
        }

        Check(unit.Code != code, "code");
        Check(unit.Name != name, "name");
        Check(sector is not null && unit.SectorCode != sector.Code, "sector");
        Check(role is not null && unit.RoleClassCode != role.Code, "roleClass");
        Check(level is not null && unit.LevelCode != level.Code, "level");
        Check(area is not null && unit.AreaId != area.Id, "areaCode");
        Check(unit.ManagingAgencyId != input.ManagingAgencyId, "managingAgencyId");
        Check(unit.AutonomyGroup != input.AutonomyGroup, "autonomyGroup");
        Check(unit.EstablishedOn != input.EstablishedOn, "establishedOn");
        return changed;
    }

    internal static bool InScope(CallerScope scope, Agency agency, Area area, int unitId) =>
        scope.Unrestricted
        || (scope.AgencyPath is { } ap && agency.Path.StartsWith(ap, StringComparison.Ordinal))
        || (scope.AreaPath is { } rp && area.Path.StartsWith(rp, StringComparison.Ordinal))
        || (scope.UnitId is { } u && u == unitId && unitId != 0);

    /// <summary>
    /// An area code names different areas over time (24 was Bắc Giang, then the new Bắc Ninh): take the one in force
    /// on the unit's last active day, else the latest with that code.
    /// </summary>
    private async Task<Area?> FindAreaAsync(string? code, DateOnly? endedOn, DateOnly today, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var on = endedOn is { } e && e <= today ? e.AddDays(-1) : today;
        var candidates = await db.Areas.AsNoTracking().Where(a => a.Code == code.Trim()).ToListAsync(ct);
        return candidates.FirstOrDefault(a => (a.ValidFrom is null || a.ValidFrom <= on) && (a.ValidTo is null || a.ValidTo >= on))
            ?? candidates.OrderByDescending(a => a.ValidFrom ?? DateOnly.MinValue).FirstOrDefault();
    }

    private Task<bool> CodeTakenAsync(string code, int exceptId, CancellationToken ct) =>
        db.Units.IgnoreQueryFilters().AnyAsync(u => u.Code == code && u.Id != exceptId, ct);

    private static RuleViolation CodeTaken(string code) => new("code", $"Mã đơn vị \"{code}\" đã được sử dụng.");
}
