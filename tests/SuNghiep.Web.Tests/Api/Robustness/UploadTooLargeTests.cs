using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Api.Robustness;

/// <summary>An upload over the request limit is told so, with the limit: a Vietnamese problem on the API, a page otherwise.</summary>
public sealed class UploadTooLargeTests(AppHosts hosts)
{
    public static TheoryData<string> ApiImports => new() { "/api/v1/staffing/import", "/api/v1/reorganizations/import" };

    [Theory, DatabaseData(nameof(ApiImports))]
    public async Task PostApi_OverTheRequestLimit_Returns413VietnameseProblemWithTheLimit(DatabaseProvider provider, string url)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        using var content = Upload(new byte[11 * 1024 * 1024]);

        using var response = await admin.PostAsync(url, content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Tệp quá lớn", problem.GetProperty("title").GetString());
        Assert.Contains("giới hạn 10 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> PageImports => new()
    {
        // page,                     form's file field,  limit named
        { "/reorganizations/import", "Upload",          "giới hạn 11 MB" },
        { "/staffing/import",        "file",            "giới hạn 12 MB" },
    };

    [Theory, DatabaseData(nameof(PageImports))]
    public async Task PostPage_OverTheRequestLimit_SaysTheFileIsTooLargeNotThatTheFormExpired(DatabaseProvider provider, string url, string field, string limit)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (_, form) = await session.GetAsync(url);
        var token = form.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(new byte[13 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, field, "lon.xlsx" } };

        using var response = await session.Client.PostAsync(url, content);
        var page = await PageSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp quá lớn", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(limit, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("hết hạn", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
