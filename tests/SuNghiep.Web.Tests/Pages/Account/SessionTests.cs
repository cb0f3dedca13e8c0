using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Accounts;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Account;

/// <summary>A page session (cookie) holds only while its account does: sign-out, password, lock and role end it at once.</summary>
public sealed class SessionTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Logout_TheOldCookieIsRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        var (session, jar) = await SignInAsync(app, email);
        var cookie = AuthCookie(jar);
        using var before = await GetWithCookieAsync(app, cookie, "/units");

        var (_, page) = await session.GetAsync("/units");
        using var logout = await session.PostFormAsync("/logout", page.QuerySelector("form[action='/logout']")!, []);
        using var after = await GetWithCookieAsync(app, cookie, "/units");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/login", after.Headers.Location!.AbsolutePath);
        session.Dispose();
    }

    [Theory, DatabaseData]
    public async Task Cookie_AccountLockedOnTheAdminPage_RefusedOnTheNextRequest(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        var control = await app.CreateUserAsync(Roles.Viewer);
        using var user = (await SignInAsync(app, email)).Session;
        using var controlSession = (await SignInAsync(app, control)).Session;
        using var admin = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        using var saved = await EditAsync(app, admin, email, new() { ["Input.Locked"] = "true" });
        var (after, _) = await user.GetAsync("/units");
        var (controlAfter, _) = await controlSession.GetAsync("/units");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/login", after.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, controlAfter.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Cookie_AdministratorDemotedOnTheAdminPage_LosesTheAdminPagesAtOnce(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var user = (await SignInAsync(app, email)).Session;
        using var admin = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (before, _) = await user.GetAsync("/admin/users");

        using var saved = await EditAsync(app, admin, email, new() { ["Input.Role"] = Roles.Viewer });
        var (after, _) = await user.GetAsync("/admin/users");
        using var again = (await SignInAsync(app, email)).Session;
        var (denied, _) = await again.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/login", after.Headers.Location!.AbsolutePath);
        Assert.Equal("/access-denied", denied.Headers.Location!.AbsolutePath);
    }

    [Theory, DatabaseData]
    public async Task EditPage_LockValueNoCheckboxSends_400OnTheFieldAndTheAccountStaysLocked(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var admin = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        using var locked = await EditAsync(app, admin, email, new() { ["Input.Locked"] = "true" });

        using var tampered = await EditAsync(app, admin, email, new() { ["Input.Locked"] = "khong", ["Input.FullName"] = "Tên mới" });
        var page = await PageSession.ParseAsync(tampered);
        var user = await app.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal("Giá trị \"Khóa tài khoản\" không hợp lệ.", page.QuerySelector("#Input_Locked-error")?.TextContent.Trim());
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow, "the account was unlocked");
        Assert.Equal("Người kiểm thử", user.FullName);
    }

    [Theory, DatabaseData]
    public async Task Cookie_PasswordChangedThroughTheApi_Refused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var session = (await SignInAsync(app, email)).Session;
        using var api = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));

        using var changed = await api.ChangePasswordAsync(SuNghiepApp.Password, AccountsClient.NewPassword);
        var (after, _) = await session.GetAsync("/units");

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal("/login", after.Headers.Location!.AbsolutePath);
    }

    [Theory, DatabaseData]
    public async Task PasswordPage_RightCurrent_ChangesKeepsThisSessionAndEndsTheOthers(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var other = (await SignInAsync(app, email)).Session;
        using var session = (await SignInAsync(app, email)).Session;
        var (menu, units) = await session.GetAsync("/units");

        using var response = await SubmitPasswordAsync(session, SuNghiepApp.Password, AccountsClient.NewPassword, AccountsClient.NewPassword);
        var (still, _) = await session.GetAsync("/units");
        var (ended, _) = await other.GetAsync("/units");

        Assert.NotNull(units.QuerySelector("a[href='/account/password']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.Equal("/login", ended.Headers.Location!.AbsolutePath);
        Assert.True(await app.PasswordOpensAsync(email, AccountsClient.NewPassword));
        Assert.False(await app.PasswordOpensAsync(email, SuNghiepApp.Password));
        menu.Dispose();
    }

    public static TheoryData<string, string, string, string, string> BadChanges => new()
    {
        // current                  new                          confirmation                 field                      message
        { "Sai-mat-khau-hien-tai",  AccountsClient.NewPassword,  AccountsClient.NewPassword,  "Input.CurrentPassword",   "Mật khẩu hiện tại không đúng." },
        { SuNghiepApp.Password,     "Ngan-qua-1",                "Ngan-qua-1",                "Input.NewPassword",       "Mật khẩu phải có ít nhất 12 ký tự." },
        { SuNghiepApp.Password,     "password1234",              "password1234",              "Input.NewPassword",       CommonPasswordValidator.Message },
        { SuNghiepApp.Password,     AccountsClient.NewPassword,  "Mot-cau-khac-han",          "Input.ConfirmPassword",   "Nhập lại mật khẩu mới không khớp." },
    };

    [Theory, DatabaseData(nameof(BadChanges))]
    public async Task PasswordPage_Bad_Returns400WithTheMessageOnItsFieldAndChangesNothing(
        DatabaseProvider provider, string current, string next, string confirmation, string field, string message)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var session = (await SignInAsync(app, email)).Session;

        using var response = await SubmitPasswordAsync(session, current, next, confirmation);
        var page = await PageSession.ParseAsync(response);
        var (still, _) = await session.GetAsync("/units");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"[data-testid='error-{field}']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.True(await app.PasswordOpensAsync(email, SuNghiepApp.Password));
    }

    [Theory, DatabaseData]
    public async Task OneTimePassword_FromTheAdminPage_LeadsToThePasswordPageUntilChanged(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var before = (await SignInAsync(app, email)).Session;
        using var admin = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var id = await app.IdOfAsync(email);

        var (_, edit) = await admin.GetAsync($"/admin/users/{id}/edit");
        using var reset = await admin.PostFormAsync($"/admin/users/{id}/edit?handler=ResetPassword", edit.QuerySelector("form[action*='handler=ResetPassword']")!, []);
        var oneTime = (await PageSession.ParseAsync(reset)).QuerySelector("[data-testid='one-time-password'] code")!.TextContent.Trim();
        var (ended, _) = await before.GetAsync("/units");
        var (_, list) = await admin.GetAsync($"/admin/users?search={Uri.EscapeDataString(email)}");
        using var session = (await SignInAsync(app, email, oneTime)).Session;
        var (led, _) = await session.GetAsync("/units");
        var (form, formPage) = await session.GetAsync("/account/password");
        using var changed = await SubmitPasswordAsync(session, oneTime, AccountsClient.NewPassword, AccountsClient.NewPassword);
        var (open, _) = await session.GetAsync("/units");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True(oneTime.Length >= PasswordPolicy.MinimumLength);
        Assert.Equal("/login", ended.Headers.Location!.AbsolutePath);
        Assert.Contains("Chờ đổi mật khẩu", list.QuerySelector("[data-testid='users'] tbody")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("/account/password", led.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.NotNull(formPage.QuerySelector("[data-testid='must-change']"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    private static async Task<(PageSession Session, CookieContainer Jar)> SignInAsync(SuNghiepApp app, string email, string password = SuNghiepApp.Password)
    {
        var jar = new CookieContainer();
        var session = new PageSession(app.CreateDefaultClient(new CookieContainerHandler(jar)));
        var (_, login) = await session.GetAsync("/login");
        using var response = await session.PostFormAsync("/login", login.QuerySelector("main form")!, new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (session, jar);
    }

    private static string AuthCookie(CookieContainer jar) => jar.GetCookies(new Uri("http://localhost"))["sunghiep"]!.Value;

    private static async Task<HttpResponseMessage> GetWithCookieAsync(SuNghiepApp app, string cookie, string url)
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"sunghiep={cookie}");
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> EditAsync(SuNghiepApp app, PageSession admin, string email, Dictionary<string, string> values)
    {
        var id = await app.IdOfAsync(email);
        var (_, page) = await admin.GetAsync($"/admin/users/{id}/edit");
        return await admin.PostFormAsync($"/admin/users/{id}/edit", page.QuerySelector("main form")!, values);
    }

    private static async Task<HttpResponseMessage> SubmitPasswordAsync(PageSession session, string current, string next, string confirmation)
    {
        var (_, page) = await session.GetAsync("/account/password");
        return await session.PostFormAsync("/account/password", page.QuerySelector("main form")!, new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirmation,
        });
    }
}
