using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Services;

/// <summary>
/// What a write of a provider carries. On an edit, <see cref="ValidFrom"/> opens a new version from that date (the open one
/// ends the day before); without it the open version is corrected in place. <see cref="EndedOn"/> closes the provider.
/// </summary>
public sealed record ProviderInput(
    string? Code, string? Name, string? LegalForm, string? Ownership, string? Sector, string? ProviderType, string? Address,
    string? CommuneCode, int? Capacity, string? CapacityUnit, string? LicenceNumber, DateOnly? LicenceDate, string? LicenceIssuer,
    DateOnly? StartedOn, int? RecordedByAgencyId, string? Notes, DateOnly? ValidFrom = null, DateOnly? EndedOn = null);

public sealed record ProviderLicence(string? Number, DateOnly? Date, string? Issuer);

/// <summary>A provider as one of its versions describes it, with what the row keeps (code, dates, agency, revision).</summary>
public sealed record ProviderView(
    int Id, string Code, string Name, string LegalForm, string Ownership, string Sector, string ProviderType, string? Address,
    string CommuneCode, string CommuneName, int Capacity, string CapacityUnit, ProviderLicence Licence, DateOnly StartedOn,
    DateOnly? EndedOn, int? RecordedByAgencyId, string? RecordedByAgencyName, string? Notes, DateOnly ValidFrom, DateOnly? ValidTo,
    int Revision);

public sealed record ProviderVersionView(
    int Id, DateOnly ValidFrom, DateOnly? ValidTo, string Name, string LegalForm, string Ownership, string Sector, string ProviderType,
    string? Address, string CommuneCode, string CommuneName, int Capacity, string CapacityUnit, ProviderLicence Licence);

public sealed record ProviderListQuery(string? Q, string? Sector, string? AreaCode, int Page = 1, int PageSize = 20);

public sealed record ProviderWrite(ProviderView? Provider, IReadOnlyList<RuleViolation> Errors, bool NotFound = false, string? Forbidden = null, bool Conflict = false);

/// <summary>
/// Non-public providers (private schools, hospitals, clinics, centres), versioned as units are: the row keeps the latest
/// version; a change from a date closes the open version the day before. Licensed facilities are public information, so
/// every signed-in user reads them; writes follow the commune's area scope or the recording agency's (Permissions).
/// </summary>
public sealed class ProviderService(SuNghiepDbContext db, TimeProvider time)
{
    public const int MaxCapacity = 10_000_000;

    public static readonly IReadOnlyDictionary<CapacityUnit, string> UnitCodes = new Dictionary<CapacityUnit, string>
    {
        [Entities.CapacityUnit.Beds] = "beds",
        [Entities.CapacityUnit.Pupils] = "pupils",
        [Entities.CapacityUnit.Places] = "places",
        [Entities.CapacityUnit.Classes] = "classes",
    };

    public static readonly IReadOnlyDictionary<CapacityUnit, string> UnitNames = new Dictionary<CapacityUnit, string>
    {
        [Entities.CapacityUnit.Beds] = "giường bệnh",
        [Entities.CapacityUnit.Pupils] = "học sinh",
        [Entities.CapacityUnit.Places] = "chỗ",
        [Entities.CapacityUnit.Classes] = "lớp học",
    };

    public static string Code(CapacityUnit unit) => UnitCodes.TryGetValue(unit, out var c) ? c : unit.ToString().ToLowerInvariant();

    public static CapacityUnit? ParseUnit(string? value) =>
        UnitCodes.Where(p => string.Equals(p.Value, value?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(p => (CapacityUnit?)p.Key).FirstOrDefault();

    public async Task<(IReadOnlyList<ProviderView> Items, int Total)> ListAsync(ProviderListQuery q, CancellationToken ct = default)
    {
        var query = db.Providers.AsNoTracking();
        foreach (var word in VietnameseText.Fold(q.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            query = query.Where(p => p.SearchText.Contains(word));
        }

        if (Catalog.FindSector(q.Sector) is { } sector)
        {
            query = query.Where(p => p.SectorCode == sector.Code);
        }

        if (!string.IsNullOrWhiteSpace(q.AreaCode))
        {
            var prefixes = await db.Areas.AsNoTracking().Where(a => a.Code == q.AreaCode.Trim()).Select(a => a.LineagePath).ToListAsync(ct);
            query = prefixes.Count switch
            {
                0 => query.Where(p => false),
                1 => query.Where(p => p.Area!.LineagePath.StartsWith(prefixes[0])),
                _ => query.Where(p => p.Area!.LineagePath.StartsWith(prefixes[0]) || p.Area!.LineagePath.StartsWith(prefixes[1])),
            };
        }

        var total = await query.CountAsync(ct);
        var pageSize = Math.Clamp(q.PageSize, 1, 100_000);
        var rows = await query.OrderBy(p => p.SortKey).ThenBy(p => p.Id)
            .Skip((Math.Max(q.Page, 1) - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.LegalForm, p.Ownership, p.SectorCode, p.ProviderType, p.Address, AreaCode = p.Area!.Code,
                AreaName = p.Area.Type + " " + p.Area.Name, p.Capacity, p.CapacityUnit, p.LicenceNumber, p.LicenceDate, p.LicenceIssuer,
                p.StartedOn, p.EndedOn, p.RecordedByAgencyId, AgencyName = p.RecordedByAgency!.Name, p.Notes, p.Revision,
                ValidFrom = p.Versions.Max(v => (DateOnly?)v.ValidFrom),
            })
            .ToListAsync(ct);
        return (rows.Select(p => new ProviderView(p.Id, p.Code, p.Name, p.LegalForm, p.Ownership, p.SectorCode, p.ProviderType, p.Address,
            p.AreaCode, p.AreaName, p.Capacity, Code(p.CapacityUnit), new ProviderLicence(p.LicenceNumber, p.LicenceDate, p.LicenceIssuer),
            p.StartedOn, p.EndedOn, p.RecordedByAgencyId, p.AgencyName, p.Notes, p.ValidFrom ?? p.StartedOn, p.EndedOn, p.Revision)).ToList(), total);
    }

    /// <summary>The provider as the version in force on a date describes it (the last one once it has ended); null before it started.</summary>
    public async Task<ProviderView?> GetAsync(int id, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var head = await db.Providers.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Code, p.StartedOn, p.EndedOn, p.RecordedByAgencyId, AgencyName = p.RecordedByAgency!.Name, p.Notes, p.Revision })
            .FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var versions = await HistoryAsync(id, ct) ?? [];
        var version = asOf is { } d
            ? versions.FirstOrDefault(v => v.ValidFrom <= d && (v.ValidTo is null || v.ValidTo > d || (v.ValidTo == head.EndedOn && head.EndedOn <= d)))
            : versions.Count > 0 ? versions[0] : null;
        return version is null ? null : new ProviderView(head.Id, head.Code, version.Name, version.LegalForm, version.Ownership, version.Sector,
            version.ProviderType, version.Address, version.CommuneCode, version.CommuneName, version.Capacity, version.CapacityUnit, version.Licence,
            head.StartedOn, head.EndedOn, head.RecordedByAgencyId, head.AgencyName, head.Notes, version.ValidFrom, version.ValidTo, head.Revision);
    }

    /// <summary>Every version, latest first; null for an unknown provider.</summary>
    public async Task<IReadOnlyList<ProviderVersionView>?> HistoryAsync(int id, CancellationToken ct = default)
    {
        if (!await db.Providers.AnyAsync(p => p.Id == id, ct))
        {
            return null;
        }

        var rows = await db.ProviderVersions.AsNoTracking().Where(v => v.ProviderId == id).OrderByDescending(v => v.ValidFrom)
            .Select(v => new
            {
                v.Id, v.ValidFrom, v.ValidTo, v.Name, v.LegalForm, v.Ownership, v.SectorCode, v.ProviderType, v.Address,
                AreaCode = v.Area!.Code, AreaName = v.Area.Type + " " + v.Area.Name, v.Capacity, v.CapacityUnit, v.LicenceNumber, v.LicenceDate, v.LicenceIssuer,
            })
            .ToListAsync(ct);
        return rows.Select(v => new ProviderVersionView(v.Id, v.ValidFrom, v.ValidTo, v.Name, v.LegalForm, v.Ownership, v.SectorCode, v.ProviderType,
            v.Address, v.AreaCode, v.AreaName, v.Capacity, Code(v.CapacityUnit), new ProviderLicence(v.LicenceNumber, v.LicenceDate, v.LicenceIssuer))).ToList();
    }

    public async Task<ProviderWrite> CreateAsync(ProviderInput input, CancellationToken ct = default)
    {
        if (!MayWriteAtAll(db.Scope.Role))
        {
            return new(null, [], Forbidden: RoleRefusal);
        }

        var errors = new List<RuleViolation>();
        var code = input.Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(new("code", "Vui lòng nhập mã cơ sở."));
        }
        else if (code.Length > 32)
        {
            errors.Add(new("code", "Mã cơ sở có tối đa 32 ký tự."));
        }
        else if (await db.Providers.AnyAsync(p => p.Code == code, ct))
        {
            errors.Add(new("code", $"Mã cơ sở \"{code}\" đã được dùng cho một cơ sở khác."));
        }

        if (input.StartedOn is null)
        {
            errors.Add(new("startedOn", "Vui lòng nhập ngày bắt đầu hoạt động."));
        }
        else if (!InputLimits.IsPlausible(input.StartedOn.Value))
        {
            errors.Add(new("startedOn", InputLimits.DateMessage));
        }

        var (values, commune, agency) = await CheckAsync(input, input.StartedOn, errors, ct);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        if (Refusal(commune!, agency) is { } refusal)
        {
            return new(null, [], Forbidden: refusal);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var provider = new Provider
        {
            Code = code!, StartedOn = input.StartedOn!.Value, RecordedByAgencyId = input.RecordedByAgencyId, Notes = Clean(input.Notes),
            CreatedAt = now, UpdatedAt = now, Revision = 1,
        };
        var version = new ProviderVersion { ValidFrom = provider.StartedOn };
        values!.ApplyTo(version);
        provider.Versions.Add(version);
        CopyLatest(provider, version);
        db.Providers.Add(provider);
        await db.SaveChangesAsync(ct);
        return new(await GetAsync(provider.Id, null, ct), []);
    }

    /// <summary>
    /// Changes a provider: from <see cref="ProviderInput.ValidFrom"/> as a new version, else the open version in place; the
    /// code never changes. <paramref name="revision"/>, when given, must be the one the caller read.
    /// </summary>
    public async Task<ProviderWrite> UpdateAsync(int id, ProviderInput input, int? revision, CancellationToken ct = default)
    {
        var provider = await db.Providers.Include(p => p.Versions).Include(p => p.Area).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null)
        {
            return new(null, [], NotFound: true);
        }

        if (!MayWriteAtAll(db.Scope.Role))
        {
            return new(null, [], Forbidden: RoleRefusal);
        }

        var current = await AgencyPlaceAsync(provider.RecordedByAgencyId, ct);
        if (Refusal(provider.Area!, current) is { } own)
        {
            return new(null, [], Forbidden: own);
        }

        if (revision is { } r && r != provider.Revision)
        {
            return new(null, [], Conflict: true);
        }

        var errors = new List<RuleViolation>();
        if (input.Code is { } code && !string.Equals(code.Trim(), provider.Code, StringComparison.Ordinal))
        {
            errors.Add(new("code", "Mã cơ sở không thay đổi được."));
        }

        if (input.StartedOn is { } started && started != provider.StartedOn)
        {
            errors.Add(new("startedOn", "Ngày bắt đầu hoạt động không thay đổi được khi sửa; ghi đúng ngày đã ghi nhận."));
        }

        var open = provider.Versions.OrderByDescending(v => v.ValidFrom).First();
        if (provider.EndedOn is not null)
        {
            errors.Add(new("endedOn", $"Cơ sở đã chấm dứt hoạt động từ ngày {provider.EndedOn:dd/MM/yyyy}; không sửa được."));
            return new(null, errors);
        }

        if (input.ValidFrom is { } from)
        {
            if (!InputLimits.IsPlausible(from))
            {
                errors.Add(new("validFrom", InputLimits.DateMessage));
            }
            else if (from < open.ValidFrom)
            {
                errors.Add(new("validFrom", $"Phiên bản mới phải áp dụng từ ngày {open.ValidFrom:dd/MM/yyyy} (ngày của phiên bản đang có hiệu lực) trở về sau."));
            }
        }

        if (input.EndedOn is { } ended)
        {
            if (!InputLimits.IsPlausible(ended))
            {
                errors.Add(new("endedOn", InputLimits.DateMessage));
            }
            else if (ended <= (input.ValidFrom ?? open.ValidFrom))
            {
                errors.Add(new("endedOn", "Ngày chấm dứt hoạt động phải sau ngày áp dụng của phiên bản cuối cùng."));
            }
        }

        var on = input.ValidFrom ?? open.ValidFrom;
        var (values, commune, agency) = await CheckAsync(input, on, errors, ct);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        if (Refusal(commune!, agency) is { } refusal)
        {
            return new(null, [], Forbidden: refusal);
        }

        var target = open;
        if (input.ValidFrom is { } validFrom && validFrom > open.ValidFrom && !values!.Same(open))
        {
            open.ValidTo = validFrom;
            target = new ProviderVersion { ValidFrom = validFrom };
            provider.Versions.Add(target);
        }

        values!.ApplyTo(target);
        if (input.EndedOn is { } end)
        {
            provider.EndedOn = end;
            target.ValidTo = end;
        }

        provider.RecordedByAgencyId = input.RecordedByAgencyId;
        provider.Notes = Clean(input.Notes);
        CopyLatest(provider, target);
        if (db.ChangeTracker.HasChanges())
        {
            provider.Revision++;
            provider.UpdatedAt = time.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return new(null, [], Conflict: true);
            }
        }

        return new(await GetAsync(id, null, ct), []);
    }

    /// <summary>Why the caller may not change the provider, or null when it may (or when there is no such provider).</summary>
    public async Task<string?> RefusalAsync(int id, CancellationToken ct = default)
    {
        if (!MayWriteAtAll(db.Scope.Role))
        {
            return RoleRefusal;
        }

        var provider = await db.Providers.AsNoTracking().Include(p => p.Area).FirstOrDefaultAsync(p => p.Id == id, ct);
        return provider is null ? null : Refusal(provider.Area!, await AgencyPlaceAsync(provider.RecordedByAgencyId, ct));
    }

    private const string RoleRefusal = "Chỉ quản trị hệ thống, Sở Nội vụ và cán bộ cơ quan quản lý ghi nhận cơ sở cung ứng ngoài công lập.";

    private static bool MayWriteAtAll(string? role) => role is Roles.SystemAdmin or Roles.HomeAffairs or Roles.AgencyOfficer;

    /// <summary>
    /// A write belongs to the administrator, to an area scope that reaches the provider's commune, or to whoever may act
    /// for the recording agency.
    /// </summary>
    private string? Refusal(Area commune, AgencyPlace? agency)
    {
        var scope = db.Scope;
        if (scope.Role == Roles.SystemAdmin || scope.Unrestricted
            || (scope.AreaPath is { } path && commune.LineagePath.StartsWith(path, StringComparison.Ordinal))
            || (agency is not null && Permissions.MayActFor(scope, agency)))
        {
            return null;
        }

        return $"Cơ sở ở {commune.FullName} không thuộc địa bàn trong phạm vi của bạn, và cơ quan ghi nhận không thuộc phạm vi của bạn.";
    }

    private async Task<AgencyPlace?> AgencyPlaceAsync(int? agencyId, CancellationToken ct) =>
        agencyId is { } id
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => new AgencyPlace(a.LineagePath, a.Area != null ? a.Area.LineagePath : null)).FirstOrDefaultAsync(ct)
            : null;

    private sealed record Values(string Name, string LegalForm, string Ownership, string Sector, string Type, string? Address, int AreaId,
        int Capacity, CapacityUnit Unit, string? LicenceNumber, DateOnly? LicenceDate, string? LicenceIssuer)
    {
        public void ApplyTo(ProviderVersion v)
        {
            v.Name = Name;
            v.LegalForm = LegalForm;
            v.Ownership = Ownership;
            v.SectorCode = Sector;
            v.ProviderType = Type;
            v.Address = Address;
            v.AreaId = AreaId;
            v.Capacity = Capacity;
            v.CapacityUnit = Unit;
            v.LicenceNumber = LicenceNumber;
            v.LicenceDate = LicenceDate;
            v.LicenceIssuer = LicenceIssuer;
        }

        public bool Same(ProviderVersion v) =>
            v.Name == Name && v.LegalForm == LegalForm && v.Ownership == Ownership && v.SectorCode == Sector && v.ProviderType == Type
            && v.Address == Address && v.AreaId == AreaId && v.Capacity == Capacity && v.CapacityUnit == Unit
            && v.LicenceNumber == LicenceNumber && v.LicenceDate == LicenceDate && v.LicenceIssuer == LicenceIssuer;
    }

    /// <summary>Checks the described fields; the commune must be a commune in force on the date the values take effect.</summary>
    private async Task<(Values? Values, Area? Commune, AgencyPlace? Agency)> CheckAsync(ProviderInput input, DateOnly? on, List<RuleViolation> errors, CancellationToken ct)
    {
        Required(errors, "name", "tên cơ sở", input.Name, 250);
        Required(errors, "legalForm", "loại hình pháp lý", input.LegalForm, 100);
        Required(errors, "ownership", "hình thức sở hữu", input.Ownership, 100);
        Required(errors, "providerType", "loại cơ sở", input.ProviderType, 100);
        TextChecks.Check(errors, ("name", "Tên cơ sở", input.Name, false), ("address", "Địa chỉ", input.Address, false),
            ("notes", "Ghi chú", input.Notes, true), ("licence.number", "Số giấy phép", input.LicenceNumber, false),
            ("licence.issuer", "Cơ quan cấp phép", input.LicenceIssuer, false));
        TextChecks.Lengths(errors, ("address", "Địa chỉ", input.Address, 500), ("notes", "Ghi chú", input.Notes, 2000),
            ("licence.number", "Số giấy phép", input.LicenceNumber, 64), ("licence.issuer", "Cơ quan cấp phép", input.LicenceIssuer, 250));
        var sector = Catalog.FindSector(input.Sector);
        if (sector is null)
        {
            errors.Add(new("sector", string.IsNullOrWhiteSpace(input.Sector)
                ? "Vui lòng chọn lĩnh vực."
                : $"Lĩnh vực \"{input.Sector}\" không có; chọn một trong: {string.Join(", ", Catalog.Sectors.Select(s => s.Code))}."));
        }

        if (input.Capacity is null)
        {
            errors.Add(new("capacity", "Vui lòng nhập quy mô (số giường, học sinh, chỗ hoặc lớp)."));
        }
        else if (input.Capacity < 0 || input.Capacity > MaxCapacity)
        {
            errors.Add(new("capacity", $"Quy mô phải từ 0 đến {InputLimits.Number(MaxCapacity)}."));
        }

        var unit = ParseUnit(input.CapacityUnit);
        if (unit is null)
        {
            errors.Add(new("capacityUnit", "Đơn vị quy mô phải là một trong: beds (giường bệnh), pupils (học sinh), places (chỗ), classes (lớp học)."));
        }

        if (input.LicenceDate is { } ld && !InputLimits.IsPlausible(ld))
        {
            errors.Add(new("licence.date", InputLimits.DateMessage));
        }

        Area? commune = null;
        var communeCode = input.CommuneCode?.Trim();
        if (string.IsNullOrEmpty(communeCode))
        {
            errors.Add(new("communeCode", "Vui lòng chọn xã, phường nơi cơ sở hoạt động."));
        }
        else if (on is { } date)
        {
            var candidates = await db.Areas.AsNoTracking().Where(a => a.Code == communeCode && a.Level == AreaLevel.Commune).ToListAsync(ct);
            commune = candidates.FirstOrDefault(a => (a.ValidFrom is null || a.ValidFrom <= date) && (a.ValidTo is null || a.ValidTo >= date));
            if (commune is null)
            {
                errors.Add(new("communeCode", candidates.Count == 0
                    ? $"Không có xã, phường mã \"{communeCode}\"."
                    : $"Xã, phường mã \"{communeCode}\" không còn hoặc chưa có vào ngày {date:dd/MM/yyyy}."));
            }
        }

        AgencyPlace? agency = null;
        if (input.RecordedByAgencyId is { } agencyId)
        {
            agency = await AgencyPlaceAsync(agencyId, ct);
            if (agency is null)
            {
                errors.Add(new("recordedByAgencyId", $"Không có cơ quan mã số {agencyId}."));
            }
        }

        if (errors.Count > 0 || commune is null || sector is null || unit is null)
        {
            return (null, commune, agency);
        }

        return (new Values(input.Name!.Trim(), input.LegalForm!.Trim(), input.Ownership!.Trim(), sector.Code, input.ProviderType!.Trim(),
            Clean(input.Address), commune.Id, input.Capacity!.Value, unit.Value, Clean(input.LicenceNumber), input.LicenceDate,
            Clean(input.LicenceIssuer)), commune, agency);
    }

    private static void Required(List<RuleViolation> errors, string field, string label, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"Vui lòng nhập {label}."));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} có tối đa {max} ký tự."));
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The row keeps a copy of the latest version, for today's lists and search.</summary>
    private static void CopyLatest(Provider p, ProviderVersion v)
    {
        p.Name = v.Name;
        p.LegalForm = v.LegalForm;
        p.Ownership = v.Ownership;
        p.SectorCode = v.SectorCode;
        p.ProviderType = v.ProviderType;
        p.Address = v.Address;
        p.AreaId = v.AreaId;
        p.Capacity = v.Capacity;
        p.CapacityUnit = v.CapacityUnit;
        p.LicenceNumber = v.LicenceNumber;
        p.LicenceDate = v.LicenceDate;
        p.LicenceIssuer = v.LicenceIssuer;
        p.SearchText = VietnameseText.Fold(p.Code + " " + v.Name);
        p.SortKey = VietnameseText.SortKey(v.Name);
    }
}
