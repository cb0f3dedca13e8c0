using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Accounts;

/// <summary>A bearer token holds only while its account does: every request checks the account in the database.</summary>
public sealed class TokenRevocationTests(AppHosts hosts)
{
    private const string Units = "/api/v1/units?pageSize=1";

    [Theory, DatabaseData]
    public async Task Token_AccountLocked_Returns401OnTheNextRequest(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.Viewer);
        var (control, _) = await app.SignInAsNewUserAsync(Roles.Viewer);
        using var before = await client.GetAsync(Units);

        await app.UpdateAsync(email, c => c with { Locked = true });
        using var after = await client.GetAsync(Units);
        using var controlAfter = await control.GetAsync(Units);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Phiên đăng nhập đã hết hiệu lực", await after.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.OK, controlAfter.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Token_LockoutInForceWithTheSameStamp_Returns401(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.Viewer);

        // A lockout as failed sign-ins set it: the stamp is not renewed, the lockout alone refuses the token.
        await app.WithDbAsync(async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });
        using var after = await client.GetAsync(Units);

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Token_RoleChanged_Returns401AndTheNewTokenHasOnlyTheNewRole(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.HomeAffairs);
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT"));

        await app.UpdateAsync(email, c => c with { Role = Roles.Viewer });
        using var old = await client.GetAsync(Units);
        using var viewer = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        using var post = await viewer.PostUnitAsync(body);
        using var read = await viewer.GetAsync(Units);

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Token_RoleRemovedInTheDatabase_RolesComeFromTheDatabaseNotTheToken(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.HomeAffairs);
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        using var allowed = await client.PostUnitAsync(UnitsClient.Body(token, "A", agency));

        // The membership goes, the security stamp stays: the token still holds, its role claim does not count.
        var id = await app.IdOfAsync(email);
        await app.WithDbAsync(async (db, _) => await db.UserRoles.Where(r => r.UserId == id).ExecuteDeleteAsync());
        using var refused = await client.PostUnitAsync(UnitsClient.Body(token, "B", agency));

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task ChangePassword_RightCurrent_Returns204AndEndsTheOldToken(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.Viewer);

        using var changed = await client.ChangePasswordAsync(SuNghiepApp.Password, AccountsClient.NewPassword);
        using var old = await client.GetAsync(Units);
        using var anonymous = app.Client();
        using var oldPassword = await anonymous.LoginAsync(email, SuNghiepApp.Password);
        using var fresh = app.ClientWithToken(await app.TokenAsync(email, AccountsClient.NewPassword));
        using var read = await fresh.GetAsync(Units);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    public static TheoryData<string?, string?, string, string> BadChanges => new()
    {
        // current password          new password                   field              message
        { "Sai-mat-khau-hien-tai",   AccountsClient.NewPassword,    "currentPassword", "Mật khẩu hiện tại không đúng." },
        { SuNghiepApp.Password,      "Ngan-qua-1",                  "newPassword",     "Mật khẩu phải có ít nhất 12 ký tự." },
        { SuNghiepApp.Password,      "Password1234",                "newPassword",     CommonPasswordValidator.Message },   // in the shipped list
        { SuNghiepApp.Password,      "qwertyuiop123",               "newPassword",     CommonPasswordValidator.Message },
        { SuNghiepApp.Password,      SuNghiepApp.Password,          "newPassword",     "Mật khẩu mới phải khác mật khẩu hiện tại." },
        { null,                      AccountsClient.NewPassword,    "currentPassword", "Vui lòng nhập mật khẩu hiện tại." },
        { SuNghiepApp.Password,      null,                          "newPassword",     "Vui lòng nhập mật khẩu mới." },
    };

    [Theory, DatabaseData(nameof(BadChanges))]
    public async Task ChangePassword_Bad_Returns400NamingTheFieldAndChangesNothing(
        DatabaseProvider provider, string? current, string? next, string field, string message)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.Viewer);

        using var response = await client.ChangePasswordAsync(current, next);
        var errors = await response.ValidationErrorsAsync();
        using var still = await client.GetAsync(Units);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, errors[field]);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.True(await app.PasswordOpensAsync(email, SuNghiepApp.Password));
        if (next is not null && next != SuNghiepApp.Password)
        {
            Assert.False(await app.PasswordOpensAsync(email, next));
        }
    }

    [Theory, DatabaseData]
    public async Task ChangePassword_NoToken_Returns401(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var anonymous = app.Client();

        using var response = await anonymous.ChangePasswordAsync(SuNghiepApp.Password, AccountsClient.NewPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task SignOut_Api_EndsTheTokenAndTheAccountsOtherTokens(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.Viewer);
        using var other = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var (control, _) = await app.SignInAsNewUserAsync(Roles.Viewer);

        using var signOut = await client.PostAsync("/api/v1/account/logout", null);
        using var same = await client.GetAsync(Units);
        using var second = await other.GetAsync(Units);
        using var controlAfter = await control.GetAsync(Units);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, same.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, controlAfter.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task OneTimePassword_ApiAnswers403UntilChanged(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (before, email) = await app.SignInAsNewUserAsync(Roles.Viewer);

        var oneTime = await app.ResetPasswordAsync(email);
        using var old = await before.GetAsync(Units);
        using var client = app.ClientWithToken(await app.TokenAsync(email, oneTime));
        using var refused = await client.GetAsync(Units);
        using var changed = await client.ChangePasswordAsync(oneTime, AccountsClient.NewPassword);
        using var after = app.ClientWithToken(await app.TokenAsync(email, AccountsClient.NewPassword));
        using var read = await after.GetAsync(Units);

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Cần đổi mật khẩu", await refused.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False(await app.PasswordOpensAsync(email, SuNghiepApp.Password));
    }
}
