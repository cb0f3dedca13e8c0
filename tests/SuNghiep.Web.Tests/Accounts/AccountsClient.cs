using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Accounts;

/// <summary>Account changes made as the admin page and the verbs make them (through AccountService), and their checks.</summary>
public static class AccountsClient
{
    public const string NewPassword = "Mot-cau-mat-khau-moi";

    public static Task<HttpResponseMessage> ChangePasswordAsync(this HttpClient client, string? current, string? next) =>
        client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = current, newPassword = next });

    public static Task<string> IdOfAsync(this SuNghiepApp app, string email) =>
        app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Changes lock or role through AccountService.UpdateAsync, keeping the rest of the account as it is.</summary>
    public static Task UpdateAsync(this SuNghiepApp app, string email, Func<AccountChange, AccountChange> change) =>
        app.WithDbAsync(async (db, services) =>
        {
            var accounts = services.GetRequiredService<AccountService>();
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var result = await accounts.UpdateAsync(id, change((await accounts.CurrentAsync(id))!));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        });

    public static Task<string> ResetPasswordAsync(this SuNghiepApp app, string email) =>
        app.WithDbAsync(async (db, services) =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return (await services.GetRequiredService<AccountService>().ResetPasswordAsync(id))!.Password;
        });

    /// <summary>Whether the password opens the account (checked on the hash, without counting a failure).</summary>
    public static Task<bool> PasswordOpensAsync(this SuNghiepApp app, string email, string password) =>
        app.WithDbAsync(async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
        });
}
