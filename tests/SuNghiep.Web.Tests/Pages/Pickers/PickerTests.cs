using System.Net;
using System.Text.Json;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Pickers;

/// <summary>
/// The area and agency pickers: GET /api/v1/lookup/areas and /agencies (and the pages' session twins) find by folded
/// name within the caller's scope, and the counts filter takes a code, an id or a name typed without the picker.
/// </summary>
public sealed class PickerTests(AppHosts hosts)
{
    private const string Health = "92.SYT";

    private static async Task<List<(string Value, string Name, string Detail)>> LookupAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.TryGetProperty("code", out var code) ? code.GetString()! : i.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                i.GetProperty("name").GetString()!, i.GetProperty("detail").GetString()!))
            .ToList();
    }

    [Theory, DatabaseData]
    public async Task LookupAreas_WithoutAccents_FindsTheCommuneWithItsCode(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        var found = await LookupAsync(admin, "/api/v1/lookup/areas?q=cai%20khe");
        var byCode = await LookupAsync(admin, "/api/v1/lookup/areas?q=31120");
        var broad = await LookupAsync(admin, "/api/v1/lookup/areas?q=xa");
        var none = await LookupAsync(admin, $"/api/v1/lookup/areas?q={Unique.Token()}");

        var cai = Assert.Single(found);
        Assert.Equal(("31120", "Phường Cái Khế"), (cai.Value, cai.Name));
        Assert.StartsWith("31120", cai.Detail, StringComparison.Ordinal);
        Assert.Contains("Cần Thơ", cai.Detail, StringComparison.Ordinal);
        Assert.Equal("31120", byCode[0].Value);
        Assert.Equal(20, broad.Count);
        Assert.Empty(none);
    }

    [Theory, DatabaseData]
    public async Task LookupAgencies_WithoutAccents_FindsTheAgency(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var health = await app.AgencyIdAsync(Health);

        var found = await LookupAsync(admin, "/api/v1/lookup/agencies?q=so%20y%20te%20thanh%20pho%20can%20tho");
        var byCode = await LookupAsync(admin, "/api/v1/lookup/agencies?q=92.syt");

        Assert.Equal(health.ToString(System.Globalization.CultureInfo.InvariantCulture), found[0].Value);
        Assert.Equal("Sở Y tế thành phố Cần Thơ", found[0].Name, ignoreCase: true);
        Assert.StartsWith(Health, found[0].Detail, StringComparison.Ordinal);
        Assert.Equal(health.ToString(System.Globalization.CultureInfo.InvariantCulture), byCode[0].Value);
    }

    [Theory, DatabaseData]
    public async Task Lookup_ScopedCallers_SeeOnlyTheirScope(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (province, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var health = await app.AgencyIdAsync(Health);

        var own = await LookupAsync(province, "/api/v1/lookup/areas?q=cai%20khe");
        var elsewhere = await LookupAsync(province, "/api/v1/lookup/areas?q=ba%20dinh");
        var ownAgency = await LookupAsync(officer, "/api/v1/lookup/agencies?q=so%20y%20te");
        var otherAgency = await LookupAsync(officer, "/api/v1/lookup/agencies?q=so%20giao%20duc");

        Assert.Equal(["31120"], own.Select(a => a.Value));
        Assert.Empty(elsewhere);
        Assert.Contains(ownAgency, a => a.Value == health.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(otherAgency);
    }

    [Theory, DatabaseData]
    public async Task Lookup_BadQuery_Returns400InVietnamese(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var missing = await admin.GetAsync("/api/v1/lookup/areas");
        using var shortOne = await admin.GetAsync("/api/v1/lookup/agencies?q=%C4%91");
        using var longOne = await admin.GetAsync($"/api/v1/lookup/agencies?q={new string('a', 101)}");
        using var badDate = await admin.GetAsync("/api/v1/lookup/areas?q=cai%20khe&on=31/02/2020");
        using var anonymous = await app.Client().GetAsync("/api/v1/lookup/areas?q=cai%20khe");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("ít nhất 2 ký tự", Assert.Single((await missing.ValidationErrorsAsync())["q"]), StringComparison.Ordinal);
        Assert.Contains("ít nhất 2 ký tự", Assert.Single((await shortOne.ValidationErrorsAsync())["q"]), StringComparison.Ordinal);
        Assert.Contains("dài quá 100", Assert.Single((await longOne.ValidationErrorsAsync())["q"]), StringComparison.Ordinal);
        Assert.Equal(["on"], (await badDate.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task LookupAreas_OnAnOldDate_FindsTheAreasOfThatMap(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        var today = await LookupAsync(admin, "/api/v1/lookup/areas?q=hau%20giang");
        var before = await LookupAsync(admin, "/api/v1/lookup/areas?q=hau%20giang&on=01/01/2024");

        Assert.DoesNotContain(today, a => a.Name == "Tỉnh Hậu Giang");
        Assert.Contains(before, a => a.Name == "Tỉnh Hậu Giang");
    }

    [Theory, DatabaseData]
    public async Task SessionLookup_ForThePagesScript_AnswersTheSignedInPage(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, area: "92"));

        using var response = await session.Client.GetAsync("/lookup/areas?q=cai%20khe");
        using var anonymous = await app.Client().GetAsync("/lookup/areas?q=cai%20khe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("31120", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task CountsPage_AreaTypedAsAName_IsReadAsItsCode(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, area: "92"));
        var health = await app.AgencyIdAsync(Health);

        var (response, page) = await session.GetAsync("/counts?areaCode=" + Uri.EscapeDataString("Phường Cái Khế"));
        var (folded, foldedPage) = await session.GetAsync("/counts?areaCode=cai%20khe&agencyId=" + Uri.EscapeDataString("Sở Y tế thành phố Cần Thơ"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var area = page.QuerySelector("#areaCode")!;
        Assert.Equal("31120", area.GetAttribute("value"));
        Assert.Equal("Phường Cái Khế (31120)", area.GetAttribute("data-picker-label"));
        // An ended agency of the same name (CT.SYT) stands beside 92.SYT: the one still existing is meant.
        Assert.Equal(HttpStatusCode.OK, folded.StatusCode);
        Assert.Equal("31120", foldedPage.QuerySelector("#areaCode")!.GetAttribute("value"));
        Assert.Equal(health.ToString(System.Globalization.CultureInfo.InvariantCulture), foldedPage.QuerySelector("#agencyId")!.GetAttribute("value"));
        response.Dispose();
        folded.Dispose();
    }

    [Theory, DatabaseData]
    public async Task CountsPage_AmbiguousOrUnknownName_GivesAFieldMessage(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer));

        var (ambiguous, page) = await session.GetAsync("/counts?areaCode=" + Uri.EscapeDataString("xã Tân Tiến"));
        var (typed, typedPage) = await session.GetAsync("/counts?areaCode=" + Uri.EscapeDataString("Phường Tân Phú"));
        var (unknown, unknownPage) = await session.GetAsync("/counts?areaCode=&agencyId=" + Unique.Token());

        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        var message = page.QuerySelector("#areaCode-error")!.TextContent;
        Assert.Contains("khớp với 7 địa bàn", message, StringComparison.Ordinal);
        Assert.Contains("Xã Tân Tiến (mã ", message, StringComparison.Ordinal);
        Assert.Contains("và 2 địa bàn khác", message, StringComparison.Ordinal);
        Assert.Equal("xã Tân Tiến", page.QuerySelector("#areaCode")!.GetAttribute("value"));
        // "Tân Phú" alone names five communes; with its type word only the ward of Hồ Chí Minh City.
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Equal("27031", typedPage.QuerySelector("#areaCode")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Cơ quan quản lý không hợp lệ: không tìm thấy", unknownPage.QuerySelector("#agencyId-error")!.TextContent, StringComparison.Ordinal);
        ambiguous.Dispose();
        typed.Dispose();
        unknown.Dispose();
    }

    [Theory, DatabaseData]
    public async Task CountsPage_NationalAccount_ListsNoAreasOrAgencies(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer));

        var (response, page) = await session.GetAsync("/counts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("datalist"));
        Assert.Empty(page.QuerySelectorAll("#filters option"));
        Assert.Equal("/lookup/areas", page.QuerySelector("#areaCode")!.GetAttribute("data-picker"));
        Assert.Equal("/lookup/agencies", page.QuerySelector("#agencyId")!.GetAttribute("data-picker"));
        response.Dispose();
    }

    [Theory, DatabaseData]
    public async Task IndicatorFilter_NamesTyped_AreRead_AndNoChoiceListsOfAreasOrAgencies(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer));
        var health = await app.AgencyIdAsync(Health);

        var (response, page) = await session.GetAsync("/dashboard?areaCode=cai%20khe&agencyId=92.SYT");
        var (ambiguous, ambiguousPage) = await session.GetAsync("/indicators/units.count/drilldown?areaCode=" + Uri.EscapeDataString("Tân Phú"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("31120", page.QuerySelector("#areaCode")!.GetAttribute("value"));
        Assert.Equal(health.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#agencyId")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("datalist"));
        Assert.Null(page.QuerySelector("#filters select#agencyId"));
        Assert.True(page.QuerySelectorAll("#filters option").Length < 40, "the filter still lists areas or agencies");
        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        Assert.Contains("khớp với 6 địa bàn", ambiguousPage.QuerySelector("#areaCode-error")!.TextContent, StringComparison.Ordinal);
        response.Dispose();
        ambiguous.Dispose();
    }
}
