using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Accounts;

public enum SignInStatus
{
    Succeeded,
    Invalid,
    /// <summary>Too many failures from this address on this e-mail: the pair is locked for a while.</summary>
    Locked,
    /// <summary>Too many failures from this address on any e-mail: it must wait before trying again.</summary>
    Delayed,
    /// <summary>An administrator locked the account (Identity's LockoutEnd); told only to whom knows the password.</summary>
    Disabled,
}

public sealed record SignInOutcome(SignInStatus Status, AppUser? User = null, TimeSpan RetryAfter = default);

/// <summary>
/// Checks an e-mail and password for the sign-in page and the API alike, so that a stranger learns nothing and locks no
/// one out. Failures are counted per client address and typed e-mail (5 lock that pair, not the account: its owner signs in
/// from elsewhere) and per address (beyond a free allowance, each failure makes the address wait twice as long). The
/// counters are keyed by the e-mail's text, not by the account, and an unknown e-mail costs the same password-hash work
/// as a known one: both answer alike, in the same time. Identity's own lockout counter is not used.
/// </summary>
public sealed class SignInGuard(
    SuNghiepDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    TimeProvider time,
    IConfiguration config)
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? _dummyHash;

    private int MaxFailures => config.GetValue("Security:MaxFailedSignIns", 5);
    private TimeSpan LockoutTime => TimeSpan.FromMinutes(config.GetValue("Security:LockoutMinutes", 15));
    private int AddressFreeFailures => config.GetValue("Security:AddressFreeFailures", 20);
    private TimeSpan AddressMaxDelay => TimeSpan.FromSeconds(config.GetValue("Security:AddressMaxDelaySeconds", 300));

    public async Task<SignInOutcome> CheckAsync(string email, string password, string address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var typed = email.Trim();
        var pairKey = Key("pair", address, users.NormalizeEmail(typed));
        var addressKey = Key("address", address, "");

        var blocks = await db.SignInThrottles.AsNoTracking()
            .Where(t => (t.Key == pairKey || t.Key == addressKey) && t.BlockedUntil > now)
            .Select(t => new { t.Key, BlockedUntil = t.BlockedUntil!.Value })
            .ToListAsync(cancellationToken);
        if (blocks.FirstOrDefault(b => b.Key == pairKey) is { } pair)
        {
            return new(SignInStatus.Locked, RetryAfter: pair.BlockedUntil - now);
        }

        if (blocks.FirstOrDefault(b => b.Key == addressKey) is { } waiting)
        {
            return new(SignInStatus.Delayed, RetryAfter: waiting.BlockedUntil - now);
        }

        var user = await users.FindByEmailAsync(typed);
        SignInStatus status;
        if (user is null)
        {
            // The same hashing work as a real account, so that the answer's time does not tell whether the e-mail exists.
            hasher.VerifyHashedPassword(Nobody, _dummyHash ??= hasher.HashPassword(Nobody, "không-phải-mật-khẩu-thật"), password);
            status = SignInStatus.Invalid;
        }
        else if (await users.IsLockedOutAsync(user))
        {
            var right = hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password) != PasswordVerificationResult.Failed;
            status = right ? SignInStatus.Disabled : SignInStatus.Invalid;
        }
        else
        {
            status = (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded
                ? SignInStatus.Succeeded
                : SignInStatus.Invalid;
        }

        if (status == SignInStatus.Succeeded)
        {
            await db.SignInThrottles.Where(t => t.Key == pairKey).ExecuteDeleteAsync(cancellationToken);
            return new(status, user);
        }

        if (status == SignInStatus.Disabled)
        {
            return new(status);
        }

        return await CountFailureAsync(pairKey, addressKey, now, cancellationToken);
    }

    private async Task<SignInOutcome> CountFailureAsync(string pairKey, string addressKey, DateTime now, CancellationToken cancellationToken)
    {
        // Rows of old failures go, so that the table holds only what still counts.
        var stale = now - TimeSpan.FromDays(1);
        await db.SignInThrottles.Where(t => t.LastFailureAt < stale && (t.BlockedUntil == null || t.BlockedUntil < now))
            .ExecuteDeleteAsync(cancellationToken);

        var outcome = new SignInOutcome(SignInStatus.Invalid);
        var pairFailures = await IncrementAsync(pairKey, now, cancellationToken);
        if (pairFailures >= MaxFailures)
        {
            await BlockAsync(pairKey, now + LockoutTime, cancellationToken);
            outcome = new(SignInStatus.Locked, RetryAfter: LockoutTime);
        }

        var addressFailures = await IncrementAsync(addressKey, now, cancellationToken);
        if (AddressDelay(addressFailures - AddressFreeFailures, AddressMaxDelay) is { } delay)
        {
            await BlockAsync(addressKey, now + delay, cancellationToken);
        }

        return outcome;
    }

    /// <summary>1 s after the first failure beyond the allowance, then 2, 4, 8... up to the maximum.</summary>
    public static TimeSpan? AddressDelay(int beyondAllowance, TimeSpan maximum) =>
        beyondAllowance <= 0 ? null : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(beyondAllowance - 1, 30)), maximum.TotalSeconds));

    // One statement per step, so that instances counting at once do not lose a failure; a quiet window starts over.
    private async Task<int> IncrementAsync(string key, DateTime now, CancellationToken cancellationToken)
    {
        var windowStart = now - LockoutTime;
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.SignInThrottles.Where(t => t.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Failures, t => t.LastFailureAt < windowStart ? 1 : t.Failures + 1)
                .SetProperty(t => t.LastFailureAt, now), cancellationToken);
            if (updated == 0)
            {
                var row = new SignInThrottle { Key = key, Failures = 1, LastFailureAt = now };
                db.SignInThrottles.Add(row);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.Entry(row).State = EntityState.Detached;
                    return 1;
                }
                catch (DbUpdateException) when (attempt < 2)
                {
                    // Another instance inserted the row first: count on it.
                    db.Entry(row).State = EntityState.Detached;
                    continue;
                }
            }

            return await db.SignInThrottles.Where(t => t.Key == key).Select(t => t.Failures).SingleAsync(cancellationToken);
        }
    }

    private Task<int> BlockAsync(string key, DateTime until, CancellationToken cancellationToken) =>
        db.SignInThrottles.Where(t => t.Key == key).ExecuteUpdateAsync(s => s.SetProperty(t => t.BlockedUntil, until), cancellationToken);

    private static string Key(string kind, string address, string account) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{address}\n{account}")));
}
