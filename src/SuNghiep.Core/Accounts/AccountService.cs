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

/// <summary>A password given by an administrator, to be changed at the next sign-in.</summary>
public sealed record OneTimePassword(AppUser User, string Password);

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
        if ((input.Locked || (role is not null && role != Roles.SystemAdmin)) && !await AnotherActiveAdminAsync(id, ct))
        {
            errors.Add(new(input.Locked ? "locked" : "role",
                "Đây là tài khoản quản trị hệ thống cuối cùng còn hoạt động: không khóa hoặc đổi vai trò được, kẻo không còn ai quản trị."));
        }

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
        // A new security stamp signs the person out everywhere (cookies and bearer tokens, on their next request), so
        // that a new role, scope or lock applies at once. Set here, it is saved and audited with the change.
        user.SecurityStamp = NewSecurityStamp();
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

        await tx.CommitAsync(ct);
        return new AccountResult(user, []);
    }

    /// <summary>
    /// Whether a system administrator other than the account is not locked, or the account is no administrator: locking
    /// or demoting the last one would leave nobody to unlock anyone (short of the command line).
    /// </summary>
    private async Task<bool> AnotherActiveAdminAsync(string id, CancellationToken ct)
    {
        var admins = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.SystemAdmin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users, userId => userId, u => u.Id, (_, u) => new { u.Id, u.LockoutEnd })
            .ToListAsync(ct);
        // LockoutEnd is compared here: SQLite cannot compare DateTimeOffset values in a query.
        var now = time.GetUtcNow();
        return admins.All(a => a.Id != id) || admins.Any(a => a.Id != id && (a.LockoutEnd is null || a.LockoutEnd <= now));
    }

    /// <summary>The account's current role, scope and lock, as the admin page shows them, to change one of them.</summary>
    public async Task<AccountChange?> CurrentAsync(string id, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new
        {
            u.FullName, u.LockoutEnd,
            Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            AgencyCode = u.ScopeAgency != null ? u.ScopeAgency.Code : null,
            AreaCode = u.ScopeArea != null ? u.ScopeArea.Code : null,
            UnitCode = db.Units.IgnoreQueryFilters().Where(x => x.Id == u.ScopeUnitId).Select(x => x.Code).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        return user is null
            ? null
            : new AccountChange(user.Role, user.FullName, user.AgencyCode, user.AreaCode, user.UnitCode, user.LockoutEnd is { } end && end > now);
    }

    /// <summary>
    /// Changes the password after checking the current one. A wrong current password counts as a failed sign-in (so it
    /// cannot be guessed here either). Success renews the security stamp: every session of the account ends, and clears
    /// the one-time password flag.
    /// </summary>
    public async Task<AccountResult> ChangePasswordAsync(string id, string? currentPassword, string? newPassword, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new AccountResult(null, [new("id", "Không tìm thấy tài khoản.")]);
        }

        var errors = new List<RuleViolation>();
        if (string.IsNullOrEmpty(currentPassword))
        {
            errors.Add(new("currentPassword", "Vui lòng nhập mật khẩu hiện tại."));
        }
        else if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            await users.AccessFailedAsync(user);
            errors.Add(new("currentPassword", "Mật khẩu hiện tại không đúng."));
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            errors.Add(new("newPassword", "Vui lòng nhập mật khẩu mới."));
        }
        else if (currentPassword == newPassword)
        {
            errors.Add(new("newPassword", "Mật khẩu mới phải khác mật khẩu hiện tại."));
        }
        else
        {
            errors.AddRange(await PasswordErrorsAsync(user, newPassword, "newPassword"));
        }

        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        user.MustChangePassword = false;
        var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!changed.Succeeded)
        {
            return new AccountResult(null, changed.Errors.Select(e => new RuleViolation("newPassword", e.Description)).ToList());
        }

        await users.ResetAccessFailedCountAsync(user);
        return new AccountResult(user, []);
    }

    /// <summary>
    /// Gives the account a generated one-time password that must be changed at the next sign-in, and ends its sessions.
    /// The password is returned once, to be handed over; it is stored only hashed.
    /// </summary>
    public async Task<OneTimePassword?> ResetPasswordAsync(string id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var password = GeneratePassword();
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.AccessFailedCount = 0;
        // Renewing the stamp saves the account: the hash, the flag and the stamp are written and audited together.
        var updated = await users.UpdateSecurityStampAsync(user);
        return updated.Succeeded ? new OneTimePassword(user, password) : null;
    }

    /// <summary>Ends every session of the account (cookies and bearer tokens) by renewing its security stamp.</summary>
    public async Task SignOutEverywhereAsync(string id)
    {
        if (await users.FindByIdAsync(id) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }

    // UserManager's own check is not public: every validator runs here, so that the password's problems are reported
    // together with the current password's, before anything is saved.
    private async Task<List<RuleViolation>> PasswordErrorsAsync(AppUser user, string password, string field)
    {
        var errors = new List<RuleViolation>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => new RuleViolation(field, e.Description)));
        }

        return errors;
    }

    private static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    /// <summary>A random password of 20 characters (about 116 bits) from an alphabet without look-alike letters.</summary>
    public static string GeneratePassword() =>
        System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 20);

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

    /// <summary>
    /// The account behind a request, read in one query on every request: what proves the sign-in still holds (security
    /// stamp, lockout, one-time password), its roles, and its scope as the query filter uses it. Null when it is gone.
    /// </summary>
    public static async Task<AccountState?> StateOfAsync(SuNghiepDbContext db, string userId, CancellationToken ct = default)
    {
        var s = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new
        {
            u.SecurityStamp,
            u.LockoutEnd,
            u.MustChangePassword,
            Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            AgencyPath = u.ScopeAgency != null ? u.ScopeAgency.Path : null,
            AgencyName = u.ScopeAgency != null ? u.ScopeAgency.Name : null,
            AreaPath = u.ScopeArea != null ? u.ScopeArea.Path : null,
            AreaName = u.ScopeArea != null ? u.ScopeArea.Type + " " + u.ScopeArea.Name : null,
            u.ScopeUnitId,
        }).FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }

        var roles = s.Roles.OfType<string>().ToList();
        var scope = roles.Contains(Roles.SystemAdmin) ? CallerScope.Everything
            : s.AgencyPath is not null ? new CallerScope(false, s.AgencyPath, null, null, s.AgencyName!)
            : s.AreaPath is not null ? new CallerScope(false, null, s.AreaPath, null, s.AreaName!)
            : s.ScopeUnitId is not null ? new CallerScope(false, null, null, s.ScopeUnitId, "Một đơn vị")
            // Accounts without a scope read the whole country (the Ministry's analysts); officers always have one.
            : roles.Any(r => r is Roles.HomeAffairs or Roles.Viewer) ? CallerScope.Everything
            : CallerScope.Nothing;
        // The role that decides what the caller may write comes from the database too; an account has one role, and were
        // it given several, the first of Roles.All (the widest) decides.
        scope = scope with { Role = Roles.All.FirstOrDefault(roles.Contains) };
        return new AccountState(s.SecurityStamp, s.LockoutEnd, s.MustChangePassword, roles, scope);
    }
}

/// <summary>What the database says about a signed-in account at the time of a request.</summary>
public sealed record AccountState(
    string? SecurityStamp, DateTimeOffset? LockoutEnd, bool MustChangePassword, IReadOnlyList<string> Roles, CallerScope Scope)
{
    /// <summary>
    /// Whether a sign-in (cookie or bearer token) that carries this stamp still holds: the stamp is renewed by every
    /// change of password, role, scope or lock and by signing out, and a locked account holds no session.
    /// </summary>
    public bool Admits(string? stamp, DateTimeOffset now) =>
        stamp is not null && string.Equals(stamp, SecurityStamp, StringComparison.Ordinal) && !(LockoutEnd > now);
}
