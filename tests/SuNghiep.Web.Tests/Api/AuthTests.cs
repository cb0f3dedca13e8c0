using System.Net;
using System.Net.Http.Headers;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Api;

public sealed class AuthTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Units_NoToken_Returns401(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var anonymous = app.Client();
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT"));

        using var list = await anonymous.GetAsync("/api/v1/units");
        using var post = await anonymous.PostUnitAsync(body);
        using var reference = await anonymous.GetAsync("/api/v1/reference");

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reference.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Units_ForgedToken_Returns401(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-token");

        using var response = await client.GetAsync("/api/v1/units");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Login_RightPassword_ReturnsTokenThatOpensTheApi(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);

        using var client = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        using var response = await client.GetAsync("/api/v1/units?pageSize=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Login_WrongPasswordOrUnknownEmail_Returns401(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var client = app.Client();

        using var wrong = await client.LoginAsync(email, "Sai-mat-khau-123");
        using var unknown = await client.LoginAsync($"nobody.{Unique.Token()}@test.sunghiep.vn", SuNghiepApp.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("Email hoặc mật khẩu không đúng.", await wrong.ProblemTitleAsync());
        Assert.Equal(await wrong.ProblemTitleAsync(), await unknown.ProblemTitleAsync());
    }

    [Theory, DatabaseData]
    public async Task Login_MissingFields_Returns400NamingThem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client();

        using var response = await client.LoginAsync("", "");

        Assert.Equal(["email", "password"], (await response.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task Login_AfterFiveFailures_RefusesEvenTheRightPassword(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        var other = await app.CreateUserAsync(Roles.Viewer);
        using var client = app.Client();
        await app.TokenAsync(email, SuNghiepApp.Password);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await client.LoginAsync(email, $"Sai-mat-khau-{attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var sixth = await client.LoginAsync(email, SuNghiepApp.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        Assert.Contains("tạm khóa", await sixth.ProblemTitleAsync(), StringComparison.Ordinal);
        // The lock is on that account only.
        using var control = await client.LoginAsync(other, SuNghiepApp.Password);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Post_Viewer_Returns403(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer);
        var token = Unique.Token();
        var body = UnitsClient.Body(token, "A", await app.AgencyIdAsync("92.SGDDT"));

        using var post = await viewer.PostUnitAsync(body);
        using var list = await viewer.GetAsync($"/api/v1/units?search={token}");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var admin = await app.AdminAsync();
        Assert.Equal(0, (await admin.ListUnitsAsync($"search={token}&status=all")).Total);
    }

    [Theory, DatabaseData]
    public async Task Put_Viewer_Returns403(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT"));
        var unit = await admin.CreateUnitAsync(body);
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer);

        using var put = await viewer.PutUnitAsync(unit.Id, body.With("name", "Tên do người xem sửa"));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(unit.Name, (await admin.GetUnitAsync(unit.Id)).Name);
    }
}
