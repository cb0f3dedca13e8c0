using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using static SuNghiep.Web.Tests.Network.NetworkWorld;

namespace SuNghiep.Web.Tests.Network;

/// <summary>/api/v1/providers: non-public providers, versioned as units are, written within the commune's or the recording agency's scope.</summary>
public sealed class ProviderApiTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Post_ThenList_FoundByFoldedNameSectorAndArea(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await CreateAsync(app, communes: 2);
        var created = await CreateProviderAsync(admin, Provider($"{w.Token}-a", w.Communes[0], 120)
            .With("name", $"Phòng khám Đa khoa Hòa Hảo {w.Token}"));
        await CreateProviderAsync(admin, Provider($"{w.Token}-b", w.Communes[1], 300, sector: "education", unit: "pupils")
            .With("name", $"Trường tiểu học tư thục Ánh Dương {w.Token}"));

        Assert.Equal(w.Communes[0], created.GetProperty("communeCode").GetString());
        Assert.Equal("beds", created.GetProperty("capacityUnit").GetString());
        Assert.Equal("123/BYT-GPHĐ", created.GetProperty("licence").GetProperty("number").GetString());
        Assert.Equal("2025-08-01", created.GetProperty("validFrom").GetString());
        var folded = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/providers?q=hoa+hao+{w.Token}");
        Assert.Equal(1, folded.GetProperty("total").GetInt32());
        Assert.Equal(created.GetProperty("id").GetInt32(), folded.GetProperty("items")[0].GetProperty("id").GetInt32());
        var byArea = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/providers?areaCode={w.Province}&pageSize=10");
        Assert.Equal(2, byArea.GetProperty("total").GetInt32());
        var bySector = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/providers?areaCode={w.Province}&sector=education");
        Assert.Equal([$"{w.Token}-b"], bySector.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, area: "92");
        using var _v = viewer;
        var read = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{created.GetProperty("id").GetInt32()}");
        Assert.Equal($"{w.Token}-a", read.GetProperty("code").GetString());
    }

    [Theory, DatabaseData]
    public async Task Put_WithValidFrom_ClosesTheOpenVersionTheDayBeforeAndAsOfReadsEach(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await CreateAsync(app, communes: 2);
        var created = await CreateProviderAsync(admin, Provider($"{w.Token}-a", w.Communes[0], 120));
        var id = created.GetProperty("id").GetInt32();
        using var get = await admin.GetAsync($"/api/v1/providers/{id}");
        var etag = get.Headers.ETag!.ToString();

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/providers/{id}")
        {
            Content = JsonContent.Create(Provider($"{w.Token}-a", w.Communes[1], 150).With("name", "Bệnh viện Quốc tế Phương Nam").With("validFrom", "2026-02-01"),
                options: UnitsClient.Json),
        };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        using var changed = await admin.SendAsync(put);
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/providers/{id}")
        {
            Content = JsonContent.Create(Provider($"{w.Token}-a", w.Communes[1], 170), options: UnitsClient.Json),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        using var refused = await admin.SendAsync(stale);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{id}/history");
        Assert.Equal(["2026-02-01", "2025-08-01"], history.EnumerateArray().Select(v => v.GetProperty("validFrom").GetString()));
        Assert.Equal("2026-02-01", history[1].GetProperty("validTo").GetString());
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{id}?asOf=2026-01-31");
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{id}?asOf=2026-02-01");
        Assert.Equal(120, before.GetProperty("capacity").GetInt32());
        Assert.Equal(w.Communes[0], before.GetProperty("communeCode").GetString());
        Assert.Equal(150, after.GetProperty("capacity").GetInt32());
        Assert.Equal("Bệnh viện Quốc tế Phương Nam", after.GetProperty("name").GetString());
        using var notYet = await admin.GetAsync($"/api/v1/providers/{id}?asOf=2025-07-31");
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        // The coverage follows the version in force: the beds move from one commune to the other on the date.
        var coverage = await CoverageAsync(admin, $"sector=health&areaCode={w.Province}&asOf=2026-02-01");
        Assert.Equal(0, Item(coverage, w.Communes[0]).GetProperty("capacity").GetInt64());
        Assert.Equal(150, Item(coverage, w.Communes[1]).GetProperty("capacity").GetInt64());
    }

    [Theory, DatabaseData]
    public async Task Post_BadFields_400OnEachAndNothingStored(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await CreateAsync(app, communes: 1);
        await CreateProviderAsync(admin, Provider($"{w.Token}-a", w.Communes[0], 10));

        using var bad = await admin.PostAsJsonAsync("/api/v1/providers", Provider($"{w.Token}-a", "00000x", -3, sector: "banking", unit: "rooms").With("name", ""));
        // The commune exists from 1/7/2025 only.
        using var early = await admin.PostAsJsonAsync("/api/v1/providers", Provider($"{w.Token}-e", w.Communes[0], 10, started: "2020-01-01"));

        Assert.Equal(["capacity", "capacityUnit", "code", "communeCode", "name", "sector"], (await bad.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        var errors = await early.ValidationErrorsAsync();
        Assert.Equal(["communeCode"], errors.Keys);
        Assert.Contains("01/01/2020", errors["communeCode"][0], StringComparison.Ordinal);
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/providers?q={w.Token}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task Writes_ByRoleAndScope(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var w = await CreateAsync(app, communes: 1);
        var token = w.Token;
        var (homeAffairs, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        var (agency, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer);
        using var _h = homeAffairs;
        using var _a = agency;
        using var _v = viewer;
        using var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "U", await app.AgencyIdAsync("92.SYT")));
        var unitOfficerEmail = await app.CreateUserAsync(Roles.UnitOfficer, unit: unit.Code);
        using var unitOfficer = app.ClientWithToken(await app.TokenAsync(unitOfficerEmail, SuNghiepApp.Password));
        var syt = await app.AgencyIdAsync("92.SYT");

        using var inArea = await homeAffairs.PostAsJsonAsync("/api/v1/providers", Provider($"{token}-h", "31120", 20));
        using var outsideArea = await homeAffairs.PostAsJsonAsync("/api/v1/providers", Provider($"{token}-o", w.Communes[0], 20));
        using var ownAgency = await agency.PostAsJsonAsync("/api/v1/providers", Provider($"{token}-g", w.Communes[0], 20).With("recordedByAgencyId", syt));
        using var noAgency = await agency.PostAsJsonAsync("/api/v1/providers", Provider($"{token}-n", w.Communes[0], 20));
        using var byViewer = await viewer.PostAsJsonAsync("/api/v1/providers", Provider($"{token}-v", "31120", 20));
        using var byUnit = await unitOfficer.PostAsJsonAsync("/api/v1/providers", Provider($"{token}-u", "31120", 20));

        Assert.Equal(HttpStatusCode.Created, inArea.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsideArea.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownAgency.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noAgency.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        // An edit follows the same rule: the recording agency's officer may; Home Affairs of another province may not.
        var created = await ownAgency.Content.ReadFromJsonAsync<JsonElement>();
        using var editOwn = await agency.PutAsJsonAsync($"/api/v1/providers/{created.GetProperty("id").GetInt32()}",
            Provider($"{token}-g", w.Communes[0], 20).With("recordedByAgencyId", syt).With("notes", "Đã kiểm tra"));
        var unrecorded = await CreateProviderAsync(admin, Provider($"{token}-x", w.Communes[0], 20));
        using var editOutside = await homeAffairs.PutAsJsonAsync($"/api/v1/providers/{unrecorded.GetProperty("id").GetInt32()}",
            Provider($"{token}-x", w.Communes[0], 99));
        Assert.Equal(HttpStatusCode.OK, editOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editOutside.StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/providers?q={token}");
        Assert.Equal([$"{token}-g", $"{token}-h", $"{token}-x"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(20, i.GetProperty("capacity").GetInt32()));
    }
}
