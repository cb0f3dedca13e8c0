using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Accounts;

public sealed record NewAccount(
    string? Email, string? Password, string? Role, string? FullName = null,
    string? AgencyCode = null, string? AreaCode = null, string? UnitCode = null);

public sealed record AccountChange(string? Role, string? FullName, string? AgencyCode, string? AreaCode, string? UnitCode, bool Locked);

public sealed record AccountResult(AppUser? User, IReadOnlyList<RuleViolation> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>Creates and changes accounts for the admin page and the `user` verb.</summary>
public sealed class AccountService(SuNghiepDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    public async Task<AccountResult> CreateAsync(NewAccount input, CancellationToken ct = default)
    {
        var errors = new List<RuleViolation>();
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new("email", "Vui lòng nhập địa chỉ email hợp lệ."));
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(new("email", $"Email \"{email}\" đã có tài khoản."));
        }

        else if (email.Length > 256)
        {
            errors.Add(new("email", "Email dài tối đa 256 ký tự."));
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add(new("password", "Vui lòng nhập mật khẩu."));
        }

        errors.AddRange(FullNameErrors(input.FullName));

        var role = Roles.All.FirstOrDefault(r => string.Equals(r, input.Role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            errors.Add(new("role", $"Vai trò phải là một trong: {string.Join(", ", Roles.All)}."));
        }

        var scope = await ResolveScopeAsync(input.AgencyCode, input.AreaCode, input.UnitCode, role, errors, ct);
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = string.IsNullOrWhiteSpace(input.FullName) ? null : input.FullName.Trim(),
            ScopeAgencyId = scope.AgencyId,
            ScopeAreaId = scope.AreaId,
            ScopeUnitId = scope.UnitId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return new AccountResult(null, created.Errors.Select(e => new RuleViolation(FieldOf(e.Code), e.Description)).ToList());
        }

        var added = await users.AddToRoleAsync(user, role!);
        if (!added.Succeeded)
        {
            return new AccountResult(null, added.Errors.Select(e => new RuleViolation("role", e.Description)).ToList());
        }

        await tx.CommitAsync(ct);
        return new AccountResult(user, []);
    }

    public async Task<AccountResult> UpdateAsync(string id, AccountChange input, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new AccountResult(null, [new("id", "Không tìm thấy tài khoản.")]);
        }

        var errors = new List<RuleViolation>();
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, input.Role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            errors.Add(new("role", $"Vai trò phải là một trong: {string.Join(", ", Roles.All)}."));
        }

        errors.AddRange(FullNameErrors(input.FullName));
        var scope = await ResolveScopeAsync(input.AgencyCode, input.AreaCode, input.UnitCode, role, errors, ct);
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.FullName = string.IsNullOrWhiteSpace(input.FullName) ? null : input.FullName.Trim();
        user.ScopeAgencyId = scope.AgencyId;
        user.ScopeAreaId = scope.AreaId;
        user.ScopeUnitId = scope.UnitId;
        user.LockoutEnd = input.Locked ? DateTimeOffset.MaxValue : null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return new AccountResult(null, updated.Errors.Select(e => new RuleViolation(FieldOf(e.Code), e.Description)).ToList());
        }

        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([role!]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role!);
        }

        // Changing role or scope signs the person out everywhere, so the new rights apply at once.
        await users.UpdateSecurityStampAsync(user);
        await tx.CommitAsync(ct);
        return new AccountResult(user, []);
    }

    private async Task<(int? AgencyId, int? AreaId, int? UnitId)> ResolveScopeAsync(
        string? agencyCode, string? areaCode, string? unitCode, string? role, List<RuleViolation> errors, CancellationToken ct)
    {
        var given = new[] { agencyCode, areaCode, unitCode }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given > 1)
        {
            errors.Add(new("scope", "Chỉ chọn một phạm vi: cơ quan, địa bàn hoặc đơn vị."));
            return default;
        }

        int? agencyId = null, areaId = null, unitId = null;
        if (!string.IsNullOrWhiteSpace(agencyCode))
        {
            agencyId = await db.Agencies.Where(a => a.Code == agencyCode.Trim()).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (agencyId is null)
            {
                errors.Add(new("agency", $"Không có cơ quan mã \"{agencyCode}\"."));
            }
        }

        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            // Scopes are given on today's map: the current area with that code.
            areaId = await db.Areas.Where(a => a.Code == areaCode.Trim() && a.ValidTo == null).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (areaId is null)
            {
                errors.Add(new("area", $"Không có địa bàn mã \"{areaCode}\"."));
            }
        }

        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            unitId = await db.Units.IgnoreQueryFilters().Where(u => u.Code == unitCode.Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unitId is null)
            {
                errors.Add(new("unit", $"Không có đơn vị mã \"{unitCode}\"."));
            }
        }

        if (role is Roles.AgencyOfficer && given == 0)
        {
            errors.Add(new("scope", "Cán bộ cơ quan chủ quản cần phạm vi là một cơ quan hoặc địa bàn."));
        }

        if (role is Roles.UnitOfficer && unitId is null && !errors.Any(e => e.Field == "unit"))
        {
            errors.Add(new("unit", "Cán bộ đơn vị cần phạm vi là một đơn vị."));
        }

        return (agencyId, areaId, unitId);
    }

    private static IEnumerable<RuleViolation> FullNameErrors(string? fullName) =>
        fullName?.Trim().Length > 200 ? [new("fullName", "Họ tên dài tối đa 200 ký tự.")]
        : Text.TextChecks.Problem("fullName", "Họ tên", fullName) is { } problem ? [problem] : [];

    private static string FieldOf(string identityCode) =>
        identityCode.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email";

    /// <summary>The scope of a signed-in account, as the query filter uses it.</summary>
    public static async Task<CallerScope> ScopeOfAsync(SuNghiepDbContext db, string userId, bool isAdmin, CancellationToken ct = default)
    {
        if (isAdmin)
        {
            return CallerScope.Everything;
        }

        var s = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new
        {
            AgencyPath = u.ScopeAgency != null ? u.ScopeAgency.Path : null,
            AgencyName = u.ScopeAgency != null ? u.ScopeAgency.Name : null,
            AreaPath = u.ScopeArea != null ? u.ScopeArea.Path : null,
            AreaName = u.ScopeArea != null ? u.ScopeArea.Type + " " + u.ScopeArea.Name : null,
            u.ScopeUnitId,
        }).FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return CallerScope.Nothing;
        }

        if (s.AgencyPath is not null)
        {
            return new CallerScope(false, s.AgencyPath, null, null, s.AgencyName!);
        }

        if (s.AreaPath is not null)
        {
            return new CallerScope(false, null, s.AreaPath, null, s.AreaName!);
        }

        if (s.ScopeUnitId is not null)
        {
            return new CallerScope(false, null, null, s.ScopeUnitId, "Một đơn vị");
        }

        // Accounts without a scope read the whole country (the Ministry's analysts); officers always have one.
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        return roles.Any(r => r is Roles.HomeAffairs or Roles.Viewer) ? CallerScope.Everything : CallerScope.Nothing;
    }
}
