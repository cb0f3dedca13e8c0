using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Pages.Account;

public sealed class LoginTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Get_Anonymous_RendersTheFormInVietnamese(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client(cookies: true);

        using var response = await client.GetAsync("/login");
        var page = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Đăng nhập", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input[name='Input.Email']"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Password'][type='password']"));
        Assert.NotNull(page.QuerySelector("input[name='__RequestVerificationToken']"));
    }

    [Theory, DatabaseData]
    public async Task Post_WrongPassword_Returns400WithVietnameseError(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var client = app.Client(cookies: true);

        var (response, page) = await SubmitAsync(client, email, "Sai-mat-khau-123");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Email hoặc mật khẩu không đúng.", page.QuerySelector(".alert-danger")?.TextContent.Trim());
        Assert.Equal(email, ((IHtmlInputElement)page.QuerySelector("input[name='Input.Email']")!).Value);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sunghiep=", StringComparison.Ordinal)));
        response.Dispose();
    }

    [Theory, DatabaseData]
    public async Task Post_EmptyFields_ShowsAMessageOnEachField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client(cookies: true);

        var (response, page) = await SubmitAsync(client, "", "");

        Assert.Equal("Vui lòng nhập email.", page.QuerySelector("[data-valmsg-for='Input.Email']")?.TextContent.Trim());
        Assert.Equal("Vui lòng nhập mật khẩu.", page.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent.Trim());
        response.Dispose();
    }

    [Theory, DatabaseData]
    public async Task Post_RightPassword_SignsInAndRedirectsToTheRegister(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var client = app.Client(cookies: true);

        var (response, _) = await SubmitAsync(client, email, SuNghiepApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sunghiep=", StringComparison.Ordinal));
        response.Dispose();
    }

    [Theory, DatabaseData]
    public async Task Post_ExternalReturnUrl_RedirectsToTheRegisterInstead(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var client = app.Client(cookies: true);

        var (response, _) = await SubmitAsync(client, email, SuNghiepApp.Password, "https://evil.example/phish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
        response.Dispose();
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> SubmitAsync(
        HttpClient client, string email, string password, string? returnUrl = null)
    {
        using var form = await client.GetAsync(returnUrl is null ? "/login" : $"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var page = await ParseAsync(form);
        var token = ((IHtmlInputElement)page.QuerySelector("input[name='__RequestVerificationToken']")!).Value;
        var returnField = ((IHtmlInputElement)page.QuerySelector("input[name='returnUrl']")!).Value;
        var response = await client.PostAsync($"/login?returnUrl={Uri.EscapeDataString(returnField)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["returnUrl"] = returnField,
            ["__RequestVerificationToken"] = token,
        }));
        return (response, await ParseAsync(response));
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }
}
