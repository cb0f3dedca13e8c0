using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Accounts;

/// <summary>
/// The last system administrator still active can be neither locked nor demoted, on the page and the command line
/// alike (both go through <see cref="AccountService"/>); with another one active, either is allowed.
/// </summary>
public sealed class LastAdminTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task LockOrDemote_TheLastActiveAdmin_RefusedOnTheField_WithAnotherActive_Allowed(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        var id = await app.IdOfAsync(email);

        // The other administrators are locked in a transaction that is rolled back, so that the tests beside this one
        // keep theirs; the refusals come before the service opens a transaction of its own.
        var (locked, demoted) = await app.WithDbAsync(async (db, services) =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var admins = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.SystemAdmin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
            await db.Users.Where(u => u.Id != id && admins.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.MaxValue));
            var accounts = services.GetRequiredService<AccountService>();
            var results = (await accounts.UpdateAsync(id, new AccountChange(Roles.SystemAdmin, null, null, null, null, Locked: true)),
                await accounts.UpdateAsync(id, new AccountChange(Roles.Viewer, null, null, null, null, Locked: false)));
            await tx.RollbackAsync();
            return results;
        });
        var allowed = await app.WithDbAsync((_, services) => services.GetRequiredService<AccountService>()
            .UpdateAsync(id, new AccountChange(Roles.SystemAdmin, null, null, null, null, Locked: true)));
        var stored = await app.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

        Assert.Equal(["locked"], locked.Errors.Select(e => e.Field));
        Assert.Contains("quản trị hệ thống cuối cùng", locked.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(["role"], demoted.Errors.Select(e => e.Field));
        Assert.True(allowed.Succeeded, string.Join("; ", allowed.Errors.Select(e => e.Message)));
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow, "the lock with another administrator active was not saved");
    }
}
