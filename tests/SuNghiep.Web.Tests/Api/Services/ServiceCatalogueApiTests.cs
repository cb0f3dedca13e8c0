using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using static SuNghiep.Web.Tests.Api.Services.ServiceCatalogueClient;

namespace SuNghiep.Web.Tests.Api.Services;

/// <summary>Catalogues of public services (Decree 60/2021 Art. 4), their items (Decree 32/2019 Appendix I), norms and prices.</summary>
public sealed class ServiceCatalogueApiTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Create_Superseding_EndsTheOldOneTheDayBefore(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var old = await admin.CatalogueAsync(Catalogue($"Danh mục giáo dục {token}", "2020-01-01"));
        var control = await admin.CatalogueAsync(Catalogue($"Danh mục y tế {token}", "2020-03-01"));

        var created = await admin.CreatedAsync("/api/v1/service-catalogues", Catalogue($"Danh mục giáo dục sửa đổi {token}", "2024-07-01", supersedesId: old));
        using var again = await admin.PostAsJsonAsync("/api/v1/service-catalogues", Catalogue($"Lần hai {token}", "2025-01-01", supersedesId: old));

        Assert.Equal(old, created.GetProperty("supersedesId").GetInt32());
        Assert.Equal("province", created.GetProperty("level").GetString());
        Assert.Equal("2024-07-01", created.GetProperty("validFrom").GetString());
        var oldView = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{old}");
        Assert.Equal("2024-06-30", oldView.GetProperty("validTo").GetString());
        Assert.Equal(created.GetProperty("id").GetInt32(), oldView.GetProperty("supersededById").GetInt32());
        var controlView = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{control}");
        Assert.Equal(JsonValueKind.Null, controlView.GetProperty("validTo").ValueKind);
        Assert.Equal(["supersedesId"], (await again.ValidationErrorsAsync()).Keys);
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues?q={token}");
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("areaName").GetString() == "Thành phố Cần Thơ");
    }

    [Theory, DatabaseData]
    public async Task Create_MinistryLevel_ReadAsCentralWithoutProvince(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        var central = await admin.CreatedAsync("/api/v1/service-catalogues", Catalogue($"Danh mục {Unique.Token()}", "2017-02-10", "ministry", null));
        using var withArea = await admin.PostAsJsonAsync("/api/v1/service-catalogues", Catalogue($"Danh mục {Unique.Token()}", "2017-02-10", "central", "92"));
        using var unknown = await admin.PostAsJsonAsync("/api/v1/service-catalogues", Catalogue($"Danh mục {Unique.Token()}", "2017-02-10", "district", "92"));
        using var noProvince = await admin.PostAsJsonAsync("/api/v1/service-catalogues", Catalogue($"Danh mục {Unique.Token()}", "2017-02-10", "province", "999"));

        Assert.Equal("central", central.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, central.GetProperty("areaCode").ValueKind);
        Assert.Equal(["areaCode"], (await withArea.ValidationErrorsAsync()).Keys);
        Assert.Equal(["level"], (await unknown.ValidationErrorsAsync()).Keys);
        Assert.Equal(["areaCode"], (await noProvince.ValidationErrorsAsync()).Keys);
    }

    [Theory, DatabaseData]
    public async Task Items_TreeSearchAndSectorFilter(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2021-01-01"));
        var group = await admin.ItemAsync(catalogue, Item("1", $"Dịch vụ giáo dục mầm non {token}"));
        var child = await admin.ItemAsync(catalogue, Item("1.1", $"Nuôi dưỡng, chăm sóc trẻ em {token}", parentId: group));
        var health = await admin.ItemAsync(catalogue, Item("2", $"Tiêm chủng mở rộng {token}", "health"));
        var culture = await admin.ItemAsync(catalogue, Item("3", $"Biểu diễn nghệ thuật {token}", "culture", null, "bidding"));

        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{catalogue}");
        var items = view.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["1", "1.1", "2", "3"], items.Select(i => i.GetProperty("code").GetString()));
        Assert.Equal(group, items[1].GetProperty("parentId").GetInt32());
        Assert.Equal(["assignment", "ordering"], items[0].GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["bidding"], items[3].GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        // Folded: no accents in the query, and a word from the middle of the name.
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items?q=cham soc tre {token}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(child, found.GetProperty("items")[0].GetProperty("id").GetInt32());
        var bySector = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items?catalogueId={catalogue}&sector=health");
        Assert.Equal([health], bySector.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items?catalogueId={catalogue}&pageSize=2&page=2");
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal([health, culture], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
    }

    [Theory, DatabaseData]
    public async Task BadInput_Each400OnItsFieldAndNothingChanged(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2022-01-01"));
        var other = await admin.CatalogueAsync(Catalogue($"Danh mục khác {token}", "2022-01-01"));
        var foreignParent = await admin.ItemAsync(other, Item("1", $"Nhóm của danh mục khác {token}"));
        var item = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục tiểu học {token}"));

        using var bidding = await admin.PostAsJsonAsync($"/api/v1/service-catalogues/{catalogue}/items", Item("2", $"Đấu thầu giáo dục {token}", "education", null, "ordering", "bidding"));
        using var parent = await admin.PostAsJsonAsync($"/api/v1/service-catalogues/{catalogue}/items", Item("3", $"Con lạc {token}", parentId: foreignParent));
        using var duplicate = await admin.PostAsJsonAsync($"/api/v1/service-catalogues/{catalogue}/items", Item("1", $"Trùng mã {token}"));
        using var noMethod = await admin.PostAsJsonAsync($"/api/v1/service-catalogues/{catalogue}/items", Item("4", $"Không phương thức {token}").With("methods", new JsonArray()));
        using var early = await admin.PostAsJsonAsync($"/api/v1/service-items/{item}/prices", Price(1_500_000m, "2021-12-31"));
        using var free = await admin.PostAsJsonAsync($"/api/v1/service-items/{item}/prices", Price(0m, "2022-02-01").With("costBasis", "cheap"));
        using var elsewhere = await admin.PostAsJsonAsync($"/api/v1/service-items/{item}/prices", Price(100m, "2022-02-01", "01"));

        var methods = (await bidding.ValidationErrorsAsync())["methods"];
        Assert.Contains("Nghị định 32/2019/NĐ-CP", methods[0], StringComparison.Ordinal);
        Assert.Contains("đấu thầu", methods[0], StringComparison.Ordinal);
        Assert.Equal(["parentId"], (await parent.ValidationErrorsAsync()).Keys);
        Assert.Equal(["code"], (await duplicate.ValidationErrorsAsync()).Keys);
        Assert.Equal(["methods"], (await noMethod.ValidationErrorsAsync()).Keys);
        Assert.Equal(["validFrom"], (await early.ValidationErrorsAsync()).Keys);
        Assert.Equal(["costBasis", "price"], (await free.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["areaCode"], (await elsewhere.ValidationErrorsAsync()).Keys);
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{catalogue}");
        Assert.Equal(1, view.GetProperty("items").GetArrayLength());
        var stored = await app.WithDbAsync((db, _) => db.ServicePrices.CountAsync(p => p.ItemId == item));
        Assert.Equal(0, stored);
    }

    [Theory, DatabaseData]
    public async Task Prices_InForceByDateAndArea_NewOneEndsThePrevious(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2020-01-01", "central", null));
        var item = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục trung học cơ sở {token}"));

        var first = await admin.CreatedAsync($"/api/v1/service-items/{item}/prices", Price(1_000_000m, "2021-01-01"));
        await admin.CreatedAsync($"/api/v1/service-items/{item}/prices", Price(1_100_000m, "2023-09-01"));
        await admin.CreatedAsync($"/api/v1/service-items/{item}/prices", Price(1_250_000m, "2022-01-01", "92", "full"));
        using var backdated = await admin.PostAsJsonAsync($"/api/v1/service-items/{item}/prices", Price(900_000m, "2022-06-01"));

        Assert.Equal(1_000_000m, first.GetProperty("price").GetDecimal());
        Assert.Equal(["validFrom"], (await backdated.ValidationErrorsAsync()).Keys);
        async Task<decimal?> PriceOn(string on, string? area = null)
        {
            using var response = await admin.GetAsync($"/api/v1/service-items/{item}/price?on={on}{(area is null ? "" : $"&areaCode={area}")}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                return null;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("price").GetDecimal();
        }

        Assert.Null(await PriceOn("2020-12-31"));
        Assert.Equal(1_000_000m, await PriceOn("2021-01-01"));
        Assert.Equal(1_000_000m, await PriceOn("2023-08-31"));
        Assert.Equal(1_100_000m, await PriceOn("2023-09-01"));
        Assert.Equal(1_250_000m, await PriceOn("2023-09-01", "92"));
        Assert.Equal(1_100_000m, await PriceOn("2023-09-01", "01"));
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items/{item}?on=2022-05-01&areaCode=92");
        Assert.Equal(1_250_000m, detail.GetProperty("priceInForce").GetProperty("price").GetDecimal());
        var national = detail.GetProperty("prices").EnumerateArray().Where(p => p.GetProperty("areaCode").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal(["2023-09-01", "2021-01-01"], national.Select(p => p.GetProperty("validFrom").GetString()));
        Assert.Equal("2023-08-31", national[1].GetProperty("validTo").GetString());
        using var unknown = await admin.GetAsync("/api/v1/service-items/987654321/price");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Norms_StoredWithInputs_NewOneEndsThePrevious(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {Unique.Token()}", "2020-01-01"));
        var item = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục tiểu học {Unique.Token()}"));
        JsonObject Norm(string validFrom, decimal teachers) => new()
        {
            ["outputUnit"] = "học sinh/năm",
            ["inputs"] = new JsonArray(
                new JsonObject { ["kind"] = "labour", ["name"] = "Giáo viên tiểu học", ["unit"] = "người", ["quantity"] = teachers },
                new JsonObject { ["kind"] = "material", ["name"] = "Vở, bút", ["unit"] = "bộ", ["quantity"] = 1 }),
            ["decision"] = Decision($"{Unique.Token()}/QĐ-UBND", validFrom), ["validFrom"] = validFrom,
        };

        await admin.CreatedAsync($"/api/v1/service-items/{item}/norms", Norm("2021-01-01", 0.05m));
        await admin.CreatedAsync($"/api/v1/service-items/{item}/norms", Norm("2024-01-01", 0.0625m));
        using var bad = await admin.PostAsJsonAsync($"/api/v1/service-items/{item}/norms", Norm("2025-01-01", 0m).With("inputs",
            new JsonArray(new JsonObject { ["kind"] = "money", ["name"] = "Tiền", ["unit"] = "đồng", ["quantity"] = 0 })));

        Assert.Equal(["inputs[0].kind", "inputs[0].quantity"], (await bad.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items/{item}");
        var norms = view.GetProperty("norms").EnumerateArray().ToList();
        Assert.Equal(2, norms.Count);
        Assert.Equal(0.0625m, norms[0].GetProperty("inputs")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal("2023-12-31", norms[1].GetProperty("validTo").GetString());
    }

    [Theory, DatabaseData]
    public async Task Writes_ByRoleAndProvince_ReadsByAnyAccount(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var health = await app.AgencyIdAsync("92.SYT");
        var province = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2021-01-01"));
        var issued = await admin.CatalogueAsync(Catalogue($"Danh mục của Sở Y tế {token}", "2021-01-01", issuerAgencyId: health));
        var central = await admin.CatalogueAsync(Catalogue($"Danh mục trung ương {token}", "2021-01-01", "central", null));
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: "92.SYT");
        var (homeAffairs, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        var (elsewhere, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "01");
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        using var _v = viewer;
        using var _h = homeAffairs;
        using var _e = elsewhere;
        using var _o = officer;

        using var viewerRead = await viewer.GetAsync($"/api/v1/service-catalogues/{province}");
        using var viewerItem = await viewer.PostAsJsonAsync($"/api/v1/service-catalogues/{province}/items", Item("1", $"Của người xem {token}"));
        using var viewerCatalogue = await viewer.PostAsJsonAsync("/api/v1/service-catalogues", Catalogue($"Của người xem {token}", "2021-01-01"));
        using var otherProvince = await elsewhere.PostAsJsonAsync($"/api/v1/service-catalogues/{province}/items", Item("1", $"Tỉnh khác {token}"));
        using var otherProvinceRead = await elsewhere.GetAsync($"/api/v1/service-catalogues/{province}");
        using var own = await homeAffairs.PostAsJsonAsync($"/api/v1/service-catalogues/{province}/items", Item("1", $"Sở Nội vụ {token}"));
        using var officerProvince = await officer.PostAsJsonAsync($"/api/v1/service-catalogues/{province}/items", Item("1", $"Sở Y tế {token}", "health"));
        using var officerIssued = await officer.PostAsJsonAsync($"/api/v1/service-catalogues/{issued}/items", Item("1", $"Sở Y tế {token}", "health"));
        using var officerCentral = await officer.PostAsJsonAsync($"/api/v1/service-catalogues/{central}/items", Item("1", $"Trung ương {token}", "health"));
        using var homeCentral = await homeAffairs.PostAsJsonAsync("/api/v1/service-catalogues", Catalogue($"Trung ương {token}", "2021-01-01", "central", null));

        Assert.Equal(HttpStatusCode.OK, viewerRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherProvinceRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerItem.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerCatalogue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherProvince.StatusCode);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerProvince.StatusCode);
        Assert.Equal(HttpStatusCode.Created, officerIssued.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerCentral.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, homeCentral.StatusCode);
        var codes = await app.WithDbAsync((db, _) => db.ServiceItems.Where(i => i.CatalogueId == province || i.CatalogueId == central).Select(i => i.Name).ToListAsync());
        Assert.Equal([$"Sở Nội vụ {token}"], codes);
    }

    [Theory, DatabaseData]
    public async Task Writes_Audited(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {Unique.Token()}", "2021-01-01"));
        var item = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục {Unique.Token()}"));
        var price = (await admin.CreatedAsync($"/api/v1/service-items/{item}/prices", Price(500_000m, "2021-09-01"))).GetProperty("id").GetInt32();

        var trail = await app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(ServiceCatalogue) && a.EntityId == catalogue.ToString())
                || (a.EntityType == nameof(ServiceItem) && a.EntityId == item.ToString())
                || (a.EntityType == nameof(ServicePrice) && a.EntityId == price.ToString()))
            .Select(a => a.EntityType).ToListAsync());
        Assert.Equal([nameof(ServiceCatalogue), nameof(ServiceItem), nameof(ServicePrice)], trail.Order(StringComparer.Ordinal));
    }
}
