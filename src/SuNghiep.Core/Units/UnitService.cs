using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Units;

/// <summary>
/// The outcome of a write: the unit, the broken rules, not found (which includes out of scope), or a conflict (the unit
/// changed since the writer read it; nothing was written).
/// </summary>
public sealed record UnitWriteResult(UnitView? Unit, IReadOnlyList<RuleViolation> Errors, bool NotFound = false, bool Conflict = false)
{
    public bool Succeeded => Unit is not null;
    public static UnitWriteResult Missing { get; } = new(null, [], NotFound: true);
    public static UnitWriteResult Stale { get; } = new(null, [], Conflict: true);
}

/// <summary>
/// Creates and edits units for pages, API and command line alike; the context audits each change. A unit's name,
/// classification, agency and area live in versions: an edit with an effective date opens a new version with its
/// decision, an edit without one corrects the record as it stands.
/// </summary>
public sealed class UnitService(SuNghiepDbContext db, TimeProvider time)
{
    private DateOnly Today => VietnamTime.Today(time);

    /// <summary>The values a version holds, resolved and checked.</summary>
    internal sealed record Attributes(string Name, string SectorCode, string RoleClassCode, string LevelCode, Area Area, Agency Agency, int? AutonomyGroup);

    public async Task<UnitWriteResult> CreateAsync(UnitInput input, CancellationToken ct = default)
    {
        var unit = NewUnit();
        var (attributes, errors) = await CheckAsync(unit, input, ct);
        if (attributes is null)
        {
            return new UnitWriteResult(null, errors);
        }

        SetRecord(unit, input);
        var version = NewVersion(unit, attributes, unit.EstablishedOn, unit.EndedOn);
        unit.Versions.Add(version);
        Mirror(unit, version);
        db.Units.Add(unit);
        return await SaveAsync(unit, ct);
    }

    /// <summary>The rules a write would check, without writing; lets the API report every field at once.</summary>
    public async Task<IReadOnlyList<RuleViolation>> ValidateAsync(int? id, UnitInput input, CancellationToken ct = default)
    {
        var unit = id is { } existing
            ? await db.Units.AsNoTracking().Include(u => u.Versions).FirstOrDefaultAsync(u => u.Id == existing, ct)
            : null;
        return (await CheckAsync(unit ?? NewUnit(), input, ct)).Errors;
    }

    public async Task<UnitWriteResult> UpdateAsync(int id, UnitInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.Include(u => u.Versions).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return UnitWriteResult.Missing;
        }

        if (input.Revision is { } read && read != unit.Revision)
        {
            return UnitWriteResult.Stale;
        }

        var (attributes, errors) = await CheckAsync(unit, input, ct);
        if (attributes is null)
        {
            return new UnitWriteResult(null, errors);
        }

        var versions = unit.Versions.OrderBy(v => v.ValidFrom).ToList();
        SetRecord(unit, input);
        if (input.EffectiveFrom is { } from)
        {
            var current = versions[^1];
            current.ValidTo = from;
            var next = NewVersion(unit, attributes, from, unit.EndedOn);
            next.DecisionNumber = input.DecisionNumber!.Trim();
            next.DecisionDate = input.DecisionDate;
            next.DecisionIssuer = input.DecisionIssuer!.Trim();
            unit.Versions.Add(next);
        }
        else
        {
            Apply(versions[^1], attributes, unit.Code);
            versions[^1].ValidTo = unit.EndedOn;
        }

        versions[0].ValidFrom = unit.EstablishedOn;
        Mirror(unit, unit.Versions.OrderBy(v => v.ValidFrom).Last());
        if (db.ChangeTracker.HasChanges())
        {
            Touch(unit, time.GetUtcNow().UtcDateTime);
        }

        return await SaveAsync(unit, ct);
    }

    /// <summary>
    /// Marks a write of the unit or of its versions. The raised revision is checked against the one read when the row is
    /// saved, in the same transaction as the versions, so of two writers that closed the same version only one succeeds.
    /// </summary>
    internal static void Touch(Unit unit, DateTime now)
    {
        unit.UpdatedAt = now;
        unit.Revision++;
    }

    private Unit NewUnit() => new()
    {
        Code = "", Name = "", SectorCode = "", RoleClassCode = "", LevelCode = "",
        CreatedAt = time.GetUtcNow().UtcDateTime, UpdatedAt = time.GetUtcNow().UtcDateTime,
    };

    private async Task<UnitWriteResult> SaveAsync(Unit unit, CancellationToken ct)
    {
        var read = unit.Id == 0 ? (int?)null : db.Entry(unit).Property(u => u.Revision).OriginalValue;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UnitWriteResult.Stale;
        }
        catch (DbUpdateException)
        {
            // Another request may have taken the code between our check and the insert, or opened a version of this unit
            // (the index on open versions refused ours) and so raised its revision.
            db.ChangeTracker.Clear();
            if (await CodeTakenAsync(unit.Code, unit.Id, ct))
            {
                return new UnitWriteResult(null, [CodeTaken(unit.Code)]);
            }

            if (read is { } before && await db.Units.IgnoreQueryFilters().AnyAsync(u => u.Id == unit.Id && u.Revision != before, ct))
            {
                return UnitWriteResult.Stale;
            }

            throw;
        }

        return new UnitWriteResult(await UnitQueries.GetAsync(db, unit.Id, Today, ct), []);
    }

    internal static UnitVersion NewVersion(Unit unit, Attributes a, DateOnly from, DateOnly? to)
    {
        var version = new UnitVersion
        {
            Unit = unit, ValidFrom = from, ValidTo = to, Name = "", SectorCode = "", RoleClassCode = "", LevelCode = "",
        };
        Apply(version, a, unit.Code);
        return version;
    }

    internal static void Apply(UnitVersion v, Attributes a, string code)
    {
        v.Name = a.Name;
        v.SearchText = VietnameseText.Fold(a.Name + " " + code);
        v.SortKey = VietnameseText.SortKey(a.Name);
        v.SectorCode = a.SectorCode;
        v.RoleClassCode = a.RoleClassCode;
        v.LevelCode = a.LevelCode;
        v.AreaId = a.Area.Id;
        v.ManagingAgencyId = a.Agency.Id;
        v.AutonomyGroup = a.AutonomyGroup;
    }

    /// <summary>The unit row mirrors its latest version, for today's lists and for scope.</summary>
    internal static void Mirror(Unit unit, UnitVersion v)
    {
        unit.Name = v.Name;
        unit.SearchText = v.SearchText;
        unit.SortKey = v.SortKey;
        unit.SectorCode = v.SectorCode;
        unit.RoleClassCode = v.RoleClassCode;
        unit.LevelCode = v.LevelCode;
        unit.AreaId = v.AreaId;
        unit.ManagingAgencyId = v.ManagingAgencyId;
        unit.AutonomyGroup = v.AutonomyGroup;
    }

    private static void SetRecord(Unit unit, UnitInput input)
    {
        unit.Code = input.Code!.Trim();
        unit.EstablishedOn = input.EstablishedOn!.Value;
        unit.EndedOn = input.EndedOn;
        unit.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        unit.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (input.ConversionListingGiven)
        {
            unit.ConversionListedBy = Blank(input.ConversionListedBy);
            unit.ConversionListedOn = input.ConversionListedOn;
        }
    }

    /// <summary>Checks a unit that a reorganization will create, without writing.</summary>
    internal Task<(Attributes? Attributes, List<RuleViolation> Errors)> CheckNewAsync(UnitInput input, CancellationToken ct) =>
        CheckAsync(NewUnit(), input, ct, areaOn: input.EstablishedOn);

    internal static Unit Create(UnitInput input, Attributes attributes, DateTime now)
    {
        var unit = new Unit
        {
            Code = "", Name = "", SectorCode = "", RoleClassCode = "", LevelCode = "", CreatedAt = now, UpdatedAt = now,
        };
        SetRecord(unit, input);
        var version = NewVersion(unit, attributes, unit.EstablishedOn, unit.EndedOn);
        unit.Versions.Add(version);
        Mirror(unit, version);
        return unit;
    }

    /// <summary>Checks the input against the rules and the database; the attributes are null when anything is wrong.</summary>
    /// <param name="areaOn">The date an area code is read on: a unit created by a past decision sits on that day's map.</param>
    private async Task<(Attributes? Attributes, List<RuleViolation> Errors)> CheckAsync(Unit unit, UnitInput input, CancellationToken ct, DateOnly? areaOn = null)
    {
        var today = Today;
        var code = input.Code?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        var errors = new List<RuleViolation>(UnitRules.Validate(
            new UnitFacts(code, name, input.EstablishedOn, input.EndedOn, input.AutonomyGroup), today));
        errors.AddRange(UnitRules.ValidateText(input.Address, input.Notes));
        errors.AddRange(UnitRules.ValidateLength("decisionNumber", input.DecisionNumber, 64));
        errors.AddRange(UnitRules.ValidateLength("decisionIssuer", input.DecisionIssuer, 250));
        TextChecks.Check(errors,
            ("name", "Tên đơn vị", input.Name, false), ("address", "Địa chỉ", input.Address, false), ("notes", "Ghi chú", input.Notes, true),
            ("decisionNumber", "Số, ký hiệu quyết định", input.DecisionNumber, false), ("decisionIssuer", "Cơ quan ban hành quyết định", input.DecisionIssuer, false));
        // The listing is the register's record, not the version's: checked when given, kept as stored otherwise.
        var listing = new List<string>();
        if (input.ConversionListingGiven)
        {
            errors.AddRange(UnitRules.ValidateConversionListing(input.ConversionListedBy, input.ConversionListedOn, today));
            TextChecks.Check(errors, ("conversionListedBy", "Quyết định đưa vào danh mục chuyển đổi", input.ConversionListedBy, false));
            if (Blank(unit.ConversionListedBy) != Blank(input.ConversionListedBy))
            {
                listing.Add("conversionListedBy");
            }

            if (unit.ConversionListedOn != input.ConversionListedOn)
            {
                listing.Add("conversionListedOn");
            }
        }

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
        var versionStart = input.EffectiveFrom ?? input.EstablishedOn;
        if (level is null)
        {
            errors.Add(new("level", string.IsNullOrWhiteSpace(input.Level) ? "Vui lòng chọn cấp quản lý." : "Cấp quản lý không hợp lệ."));
        }
        else if (level.ValidTo is { } levelEnd && versionStart > levelEnd && unit.LevelCode != level.Code)
        {
            errors.Add(new("level", $"Cấp huyện đã kết thúc từ ngày {levelEnd.AddDays(1):dd/MM/yyyy}; đơn vị không thể thuộc cấp huyện sau ngày đó."));
        }

        var area = await FindAreaAsync(db, input.AreaCode, input.EndedOn, areaOn ?? input.EffectiveFrom ?? today, ct);
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

        var versions = unit.Versions.OrderBy(v => v.ValidFrom).ToList();
        if (unit.Id != 0)
        {
            var changed = ChangedFields(unit, input, sector, role, level, area, code, name);
            errors.AddRange(UnitRules.ValidateChangeOfEndedUnit(unit.EndedOn, today, input.EndedOn, changed));
            errors.AddRange(VersionErrors(versions, input, changed));

            // Scope says which units the caller reaches; the role says which of their fields it may change.
            var touched = changed.ToList();
            if (unit.EndedOn != input.EndedOn)
            {
                touched.Add("endedOn");
            }

            if (Blank(unit.Address) != Blank(input.Address))
            {
                touched.Add("address");
            }

            if (Blank(unit.Notes) != Blank(input.Notes))
            {
                touched.Add("notes");
            }

            if (input.EffectiveFrom is not null)
            {
                touched.Add("effectiveFrom");
            }

            var refused = Permissions.UnitFieldRefusals(db.Scope.Role, touched.Concat(listing));
            errors.RemoveAll(e => refused.Any(r => r.Field == e.Field));
            errors.AddRange(refused);
        }
        else
        {
            if (input.EffectiveFrom is not null)
            {
                errors.Add(new("effectiveFrom", "Đơn vị mới chưa có phiên bản trước; để trống ngày áp dụng."));
            }

            // A new unit may be listed at once, by those who keep the list.
            var refused = Permissions.UnitFieldRefusals(db.Scope.Role, listing);
            errors.RemoveAll(e => refused.Any(r => r.Field == e.Field));
            errors.AddRange(refused);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Attributes(name, sector!.Code, role!.Code, level!.Code, area!, agency!, input.AutonomyGroup), errors);
    }

    /// <summary>
    /// A change from a date must come after the last one, fall inside the unit's life, cite its decision and change
    /// something a version holds; a correction must leave every version at least one day long.
    /// </summary>
    private static List<RuleViolation> VersionErrors(List<UnitVersion> versions, UnitInput input, List<string> changed)
    {
        var errors = new List<RuleViolation>();
        if (versions.Count == 0)
        {
            return errors;
        }

        var last = versions[^1];
        if (input.EffectiveFrom is { } from)
        {
            if (from <= last.ValidFrom)
            {
                errors.Add(new("effectiveFrom", $"Ngày áp dụng phải sau ngày {last.ValidFrom:dd/MM/yyyy} (lần thay đổi gần nhất)."));
            }
            else if (input.EndedOn is { } ended && from >= ended)
            {
                errors.Add(new("effectiveFrom", "Ngày áp dụng phải trước ngày chấm dứt hoạt động."));
            }

            if (string.IsNullOrWhiteSpace(input.DecisionNumber))
            {
                errors.Add(new("decisionNumber", "Vui lòng nhập số, ký hiệu quyết định của thay đổi."));
            }

            if (input.DecisionDate is null)
            {
                errors.Add(new("decisionDate", "Vui lòng nhập ngày ban hành quyết định."));
            }

            if (string.IsNullOrWhiteSpace(input.DecisionIssuer))
            {
                errors.Add(new("decisionIssuer", "Vui lòng nhập cơ quan ban hành quyết định."));
            }

            if (!changed.Any(f => f is "name" or "sector" or "roleClass" or "level" or "areaCode" or "managingAgencyId" or "autonomyGroup"))
            {
                errors.Add(new("effectiveFrom", "Không có thay đổi về tên, lĩnh vực, loại, cấp, địa bàn, cơ quan quản lý hoặc nhóm tự chủ để áp dụng từ ngày này."));
            }
        }
        else
        {
            if (versions.Count > 1 && input.EstablishedOn >= versions[1].ValidFrom)
            {
                errors.Add(new("establishedOn", $"Ngày thành lập phải trước ngày {versions[1].ValidFrom:dd/MM/yyyy} (lần thay đổi đầu tiên)."));
            }

            if (input.EndedOn is { } ended && ended <= last.ValidFrom && versions.Count > 1)
            {
                errors.Add(new("endedOn", $"Ngày chấm dứt hoạt động phải sau ngày {last.ValidFrom:dd/MM/yyyy} (lần thay đổi gần nhất)."));
            }
        }

        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
        || (scope.AgencyPath is { } ap && agency.LineagePath.StartsWith(ap, StringComparison.Ordinal))
        || (scope.AreaPath is { } rp && area.LineagePath.StartsWith(rp, StringComparison.Ordinal))
        || (scope.UnitId is { } u && u == unitId && unitId != 0);

    /// <summary>
    /// An area code names different areas over time (24 was Bắc Giang, then the new Bắc Ninh): take the one in force on
    /// the given day, or on the unit's last active day if it ended before, else the latest with that code.
    /// </summary>
    internal static async Task<Area?> FindAreaAsync(SuNghiepDbContext db, string? code, DateOnly? endedOn, DateOnly day, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var on = endedOn is { } e && e <= day ? e.AddDays(-1) : day;
        var candidates = await db.Areas.AsNoTracking().Where(a => a.Code == code.Trim()).ToListAsync(ct);
        return candidates.FirstOrDefault(a => (a.ValidFrom is null || a.ValidFrom <= on) && (a.ValidTo is null || a.ValidTo >= on))
            ?? candidates.OrderByDescending(a => a.ValidFrom ?? DateOnly.MinValue).FirstOrDefault();
    }

    private Task<bool> CodeTakenAsync(string code, int exceptId, CancellationToken ct) =>
        db.Units.IgnoreQueryFilters().AnyAsync(u => u.Code == code && u.Id != exceptId, ct);

    // The same words whether the unit that holds the code is in the caller's scope or not, so that the answer does not
    // reveal what exists elsewhere.
    private static RuleViolation CodeTaken(string code) => new("code", $"Không dùng được mã đơn vị \"{code}\"; hãy chọn mã khác.");
}
