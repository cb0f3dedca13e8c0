using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using static SuNghiep.Web.Tests.Network.NetworkWorld;

namespace SuNghiep.Web.Tests.Network;

/// <summary>GET /api/v1/network/coverage: providers and capacity of a sector against the population and the norm, commune by commune.</summary>
public sealed class CoverageApiTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Coverage_TenThousandPeople_ThirtyBedsBelowTheNormAndThirtyThreeNot(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await CreateAsync(app);
        var (a, b, c) = (w.Communes[0], w.Communes[1], w.Communes[2]);
        // a: one private hospital of 30 beds. b: a public hospital of 20 beds and a private one of 13. c: no population.
        await CreateProviderAsync(admin, Provider($"{w.Token}-a", a, 30));
        await w.PublicHospitalAsync(app, admin, b, 20);
        await CreateProviderAsync(admin, Provider($"{w.Token}-b", b, 13));
        await CreateProviderAsync(admin, Provider($"{w.Token}-c", c, 50));
        // Controls that must not count: a school's pupils in a, and a clinic that starts after the date asked.
        await CreateProviderAsync(admin, Provider($"{w.Token}-s", a, 900, sector: "education", unit: "pupils"));
        await CreateProviderAsync(admin, Provider($"{w.Token}-l", a, 10, started: "2026-06-01"));
        await w.PopulationAsync(app, a, 2025, 10_000);
        await w.PopulationAsync(app, b, 2024, 1);
        await w.PopulationAsync(app, b, 2025, 10_000);
        // A later year than the date's is not used.
        await w.PopulationAsync(app, b, 2027, 90_000);

        var coverage = await CoverageAsync(admin, $"sector=health&areaCode={w.Province}&asOf=2026-03-01");

        Assert.Equal(3, coverage.GetProperty("total").GetInt32());
        Assert.Equal(w.Communes, coverage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("communeCode").GetString()));
        var itemA = Item(coverage, a);
        Assert.Equal(1, itemA.GetProperty("providers").GetInt32());
        Assert.Equal(30, itemA.GetProperty("capacity").GetInt64());
        Assert.Equal(10_000, itemA.GetProperty("population").GetInt32());
        Assert.Equal(33m, itemA.GetProperty("norm").GetDecimal());
        Assert.Equal(33m, itemA.GetProperty("normRate").GetDecimal());
        Assert.Equal(10_000, itemA.GetProperty("normPer").GetInt32());
        Assert.Equal("201/QĐ-TTg", itemA.GetProperty("normDocument").GetString());
        Assert.True(itemA.GetProperty("belowNorm").GetBoolean());
        var itemB = Item(coverage, b);
        Assert.Equal(2, itemB.GetProperty("providers").GetInt32());
        Assert.Equal(1, itemB.GetProperty("publicUnits").GetInt32());
        Assert.Equal(33, itemB.GetProperty("capacity").GetInt64());
        Assert.Equal(10_000, itemB.GetProperty("population").GetInt32());
        Assert.False(itemB.GetProperty("belowNorm").GetBoolean());
        var itemC = Item(coverage, c);
        Assert.Equal(50, itemC.GetProperty("capacity").GetInt64());
        Assert.Equal(JsonValueKind.Null, itemC.GetProperty("population").ValueKind);
        Assert.Equal(JsonValueKind.Null, itemC.GetProperty("norm").ValueKind);
        Assert.False(itemC.GetProperty("belowNorm").GetBoolean());
        Assert.Equal(1, coverage.GetProperty("belowNorm").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task Coverage_SectorWithoutNorm_NoNormAndNeverBelow(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await CreateAsync(app, communes: 2);
        await CreateProviderAsync(admin, Provider($"{w.Token}-s", w.Communes[0], 400, sector: "education", unit: "pupils"));
        await w.PopulationAsync(app, w.Communes[0], 2025, 50_000);

        var coverage = await CoverageAsync(admin, $"sector=education&areaCode={w.Province}&asOf=2026-03-01");

        Assert.Equal(2, coverage.GetProperty("total").GetInt32());
        Assert.Equal("pupils", coverage.GetProperty("capacityUnit").GetString());
        var item = Item(coverage, w.Communes[0]);
        Assert.Equal(400, item.GetProperty("capacity").GetInt64());
        Assert.Equal(50_000, item.GetProperty("population").GetInt32());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("norm").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("normRate").ValueKind);
        Assert.All(coverage.GetProperty("items").EnumerateArray(), i => Assert.False(i.GetProperty("belowNorm").GetBoolean()));
    }

    [Theory, DatabaseData]
    public async Task Coverage_EndedProviderAndUnit_TakeTheirCapacityWithThem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await CreateAsync(app, communes: 1);
        var commune = w.Communes[0];
        var created = await CreateProviderAsync(admin, Provider($"{w.Token}-a", commune, 40));
        var id = created.GetProperty("id").GetInt32();
        await w.PublicHospitalAsync(app, admin, commune, 25);
        await w.PopulationAsync(app, commune, 2025, 10_000);
        using var end = await admin.PutAsJsonAsync($"/api/v1/providers/{id}", Provider($"{w.Token}-a", commune, 40).With("endedOn", "2026-01-01"));
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);

        var before = Item(await CoverageAsync(admin, $"sector=health&areaCode={w.Province}&asOf=2025-12-31"), commune);
        var after = Item(await CoverageAsync(admin, $"sector=health&areaCode={w.Province}&asOf=2026-01-01"), commune);

        Assert.Equal(65, before.GetProperty("capacity").GetInt64());
        Assert.False(before.GetProperty("belowNorm").GetBoolean());
        Assert.Equal(25, after.GetProperty("capacity").GetInt64());
        Assert.Equal(1, after.GetProperty("providers").GetInt32());
        Assert.True(after.GetProperty("belowNorm").GetBoolean());
    }

    [Theory, DatabaseData]
    public async Task Coverage_AreaOutsideTheScope_404AndOwnProvince200(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var w = await CreateAsync(app, communes: 1);
        var (homeAffairs, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        using var _h = homeAffairs;
        var (agency, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        using var _a = agency;

        using var outside = await homeAffairs.GetAsync($"/api/v1/network/coverage?sector=health&areaCode={w.Province}");
        using var country = await homeAffairs.GetAsync("/api/v1/network/coverage?sector=health");
        using var agencyOutside = await agency.GetAsync($"/api/v1/network/coverage?sector=health&areaCode={w.Province}");
        var own = await CoverageAsync(homeAffairs, "sector=health&areaCode=92");
        var agencyOwn = await CoverageAsync(agency, "sector=health&areaCode=92");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, country.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, agencyOutside.StatusCode);
        Assert.Contains(own.GetProperty("items").EnumerateArray(), i => i.GetProperty("communeCode").GetString() == "31120");
        Assert.Equal(own.GetProperty("total").GetInt32(), agencyOwn.GetProperty("total").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task Coverage_UnknownSectorOrArea_400OnTheField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var sector = await admin.GetAsync("/api/v1/network/coverage?sector=banking&areaCode=92");
        using var area = await admin.GetAsync("/api/v1/network/coverage?sector=health&areaCode=99x");
        using var date = await admin.GetAsync("/api/v1/network/coverage?sector=health&areaCode=92&asOf=2026-02-30");

        Assert.Equal(["sector"], (await sector.ValidationErrorsAsync()).Keys);
        Assert.Equal(["areaCode"], (await area.ValidationErrorsAsync()).Keys);
        Assert.Equal(["asOf"], (await date.ValidationErrorsAsync()).Keys);
    }

    [Theory, DatabaseData]
    public async Task UnitCapacity_PutTwice_TheFirstEndsTheDayTheSecondStarts(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await CreateAsync(app, communes: 1);
        var id = await w.PublicHospitalAsync(app, admin, w.Communes[0], 100);
        using var second = await admin.PutAsJsonAsync($"/api/v1/units/{id}/capacity",
            new JsonObject { ["capacityUnit"] = "beds", ["capacity"] = 80, ["validFrom"] = "2026-01-01" });
        using var bad = await admin.PutAsJsonAsync($"/api/v1/units/{id}/capacity",
            new JsonObject { ["capacityUnit"] = "rooms", ["capacity"] = -1, ["validFrom"] = "2020-01-01" });
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer);
        using var _v = viewer;
        using var refused = await viewer.PutAsJsonAsync($"/api/v1/units/{id}/capacity",
            new JsonObject { ["capacityUnit"] = "beds", ["capacity"] = 1, ["validFrom"] = "2026-02-01" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var rows = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/capacity");
        Assert.Equal([80, 100], rows.EnumerateArray().Select(r => r.GetProperty("capacity").GetInt32()));
        Assert.Equal("2026-01-01", rows[1].GetProperty("validTo").GetString());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("validTo").ValueKind);
        Assert.Equal(["capacity", "capacityUnit", "validFrom"], (await bad.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var coverage = await CoverageAsync(admin, $"sector=health&areaCode={w.Province}&asOf=2025-12-31");
        Assert.Equal(100, Item(coverage, w.Communes[0]).GetProperty("capacity").GetInt64());
    }
}
