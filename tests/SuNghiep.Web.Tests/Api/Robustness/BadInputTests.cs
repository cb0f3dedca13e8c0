using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Api.Robustness;

/// <summary>Input at the edges of what the parsers accept is a 400 naming the parameter, never a 500 nor a silent page 1.</summary>
public sealed class BadInputTests(AppHosts hosts)
{
    public static TheoryData<string, string> ApiDates => new()
    {
        // address,                                                          parameter named in the problem
        { "/api/v1/counts/changes?from=9999-12-31&to=9999-12-31",            "from" },
        { "/api/v1/counts/changes?from=0001-01-01&to=0001-01-01",            "from" },
        { "/api/v1/counts/changes?from=2020-01-01&to=9999-12-31",            "to" },
        { "/api/v1/counts?asOf=9999-12-31",                                  "asOf" },
        { "/api/v1/counts?asOf=0001-01-01",                                  "asOf" },
        { "/api/v1/units?asOf=9999-12-31",                                   "asOf" },
        { "/api/v1/units?asOf=0001-01-01",                                   "asOf" },
        { "/api/v1/reorganizations?from=0001-01-01",                         "from" },
        { "/api/v1/reorganizations?to=9999-12-31",                           "to" },
        { "/api/v1/tasks?dueBefore=9999-12-31",                              "dueBefore" },
        { "/api/v1/tasks?dueBefore=0001-01-01",                              "dueBefore" },
    };

    [Theory, DatabaseData(nameof(ApiDates))]
    public async Task Get_DateAtTheEndsOfTheCalendar_Returns400NamingTheParameter(DatabaseProvider provider, string url, string parameter)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("01/01/1900", problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Get_UnitAsOfTheLastDay_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT")));

        using var response = await admin.GetAsync($"/api/v1/units/{unit.Id}?asOf=9999-12-31");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public static TheoryData<string> PageDates => new()
    {
        "/counts?date=9999-12-31",
        "/counts?date=0001-01-01&baseline=0001-01-01",
        "/counts?baseline=9999-12-31",
        "/units?asOf=9999-12-31",
        "/reorganizations?from=0001-01-01&to=9999-12-31",
        "/tasks?dueBefore=9999-12-31",
        "/admin/audit?from=0001-01-01&to=9999-12-31",
    };

    [Theory, DatabaseData(nameof(PageDates))]
    public async Task GetPage_DateAtTheEndsOfTheCalendar_AnswersWithoutAServerError(DatabaseProvider provider, string url)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        // The client fails the test on any 5xx; a page either refuses the date with its message or ignores it.
        var (response, _) = await session.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
    }

    public static TheoryData<string, string> LoneSurrogates => new()
    {
        // address,                         body with an escaped lone surrogate
        { "/api/v1/units",                  """{"code":"X1","name":"\ud800","sector":"education"}""" },
        { "/api/v1/units",                  """{"\udc00":"x"}""" },
        { "/api/v1/auth/login",             """{"email":"\ud800@test.vn","password":"x"}""" },
        { "/api/v1/reorganizations/1/void", """{"reason":"\ud800"}""" },
        { "/api/v1/documents",              """{"type":"plan","number":"1/KH","issuer":"\udfff","issuedOn":"2024-01-01","title":"x","parentIds":[]}""" },
    };

    [Theory, DatabaseData(nameof(LoneSurrogates))]
    public async Task Post_JsonWithALoneSurrogate_Returns400Problem(DatabaseProvider provider, string url, string json)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.ToString().Contains("Unicode", StringComparison.Ordinal), problem.ToString());
    }

    public static TheoryData<string> ApiPages => new()
    {
        "/api/v1/units?page=2147483647",
        "/api/v1/units?page=100001",
        "/api/v1/reorganizations?page=2147483647",
        "/api/v1/tasks?page=2147483647",
        "/api/v1/tasks?page=2147483647&pageSize=500",
        "/api/v1/notifications?page=2147483647",
    };

    [Theory, DatabaseData(nameof(ApiPages))]
    public async Task Get_PageBeyondTheLimit_Returns400NamingPage(DatabaseProvider provider, string url)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100.000", problem.GetProperty("errors").GetProperty("page")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Get_LastAllowedPage_Returns200Empty(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        var units = await admin.GetFromJsonAsync<JsonElement>("/api/v1/units?page=100000&pageSize=500");

        Assert.Empty(units.GetProperty("items").EnumerateArray());
        Assert.True(units.GetProperty("total").GetInt32() > 0);
    }

    public static TheoryData<string> PagedPages => new()
    {
        "/units?page=2147483647",
        "/reorganizations?page=2147483647",
        "/tasks?page=2147483647",
        "/notifications?page=2147483647",
        "/admin/users?page=2147483647",
        "/admin/audit?page=2147483647",
    };

    [Theory, DatabaseData(nameof(PagedPages))]
    public async Task GetPage_PageBeyondTheLimit_Returns400WithTheMessage(DatabaseProvider provider, string url)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (response, page) = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Số trang phải từ 1 đến 100.000", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task GetNotifications_PageBeyondTheLimitAsAViewer_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer));

        var (response, _) = await session.GetAsync("/notifications?page=100001");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
