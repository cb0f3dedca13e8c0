using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Services;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Api.Services.ServiceCatalogueClient;

namespace SuNghiep.Web.Tests.Pages.Services;

/// <summary>The catalogue page's item and price imports and the item page's norm form: the API's writes, from the pages.</summary>
public sealed class ServiceFormsPageTests(AppHosts hosts)
{
    private static MultipartFormDataContent Upload(string token, byte[] file, string name = "danh-muc.xlsx")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { content, "upload", name } };
    }

    private static string FormToken(AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelector($"{selector} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static List<string> Headers(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var first = (IDictionary<string, object?>)stream.Query(useHeaderRow: false).First();
        return first.Values.Select(v => v?.ToString() ?? "").ToList();
    }

    [Theory, DatabaseData]
    public async Task CatalogueImports_BadFileListedThenGoodFilesWritten(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2022-01-01"));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (_, page) = await session.GetAsync($"/services/catalogues/{catalogue}");
        var formToken = FormToken(page, "[data-testid=import-items]");

        using var itemsTemplate = await session.Client.GetAsync($"/services/catalogues/{catalogue}?handler=ItemsTemplate");
        using var pricesTemplate = await session.Client.GetAsync($"/services/catalogues/{catalogue}?handler=PricesTemplate");
        using var bad = await session.Client.PostAsync($"/services/catalogues/{catalogue}?handler=Items", Upload(formToken, Workbook(CatalogueImport.ItemHeaders,
        [
            ["1", $"Giáo dục tiểu học {token}", "education", null, "assignment", "có", null, null],
            ["2", $"Giáo dục đấu thầu {token}", "education", null, "bidding", null, null, null],
        ])));
        var badPage = await PageSession.ParseAsync(bad);
        var itemsAfterBad = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{catalogue}")).GetProperty("items").GetArrayLength();
        using var good = await session.Client.PostAsync($"/services/catalogues/{catalogue}?handler=Items", Upload(formToken, Workbook(CatalogueImport.ItemHeaders,
        [
            ["1", $"Dịch vụ giáo dục mầm non {token}", "education", null, "assignment, ordering", "có", "không", null],
            ["1.1", $"Chăm sóc, nuôi dưỡng trẻ {token}", "Giáo dục - đào tạo", "1", "Đặt hàng", "có", null, "trẻ/năm"],
        ])));
        var (_, afterItems) = await session.GetAsync($"/services/catalogues/{catalogue}");
        using var badPrices = await session.Client.PostAsync($"/services/catalogues/{catalogue}?handler=Prices", Upload(formToken, Workbook(CatalogueImport.PriceHeaders,
        [
            ["1.1", 1_250_000, "đồng/trẻ/tháng", "full-excl-depreciation", null, "12/2022/NQ-HĐND", "15/07/2022", "Hội đồng nhân dân thành phố Cần Thơ", "01/09/2022"],
            ["9", 45_000, "đồng/lượt", "partial", null, "13/2022/NQ-HĐND", "15/07/2022", "Hội đồng nhân dân thành phố Cần Thơ", "01/09/2022"],
        ])));
        var badPricesPage = await PageSession.ParseAsync(badPrices);
        using var goodPrices = await session.Client.PostAsync($"/services/catalogues/{catalogue}?handler=Prices", Upload(formToken, Workbook(CatalogueImport.PriceHeaders,
        [
            ["1.1", 1_250_000, "đồng/trẻ/tháng", "full-excl-depreciation", null, "12/2022/NQ-HĐND", "15/07/2022", "Hội đồng nhân dân thành phố Cần Thơ", "01/09/2022"],
        ])));
        var (_, afterPrices) = await session.GetAsync($"/services/catalogues/{catalogue}");

        Assert.Equal(HttpStatusCode.OK, itemsTemplate.StatusCode);
        Assert.Equal(XlsxType, itemsTemplate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(CatalogueImport.ItemHeaders, Headers(await itemsTemplate.Content.ReadAsByteArrayAsync()));
        Assert.Equal(CatalogueImport.PriceHeaders, Headers(await pricesTemplate.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = badPage.QuerySelector("[data-testid=import-items] [data-testid=import-problems]")!.TextContent;
        Assert.Contains("Dòng 3, cột E", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("Dòng 2", problems, StringComparison.Ordinal);
        Assert.NotNull(badPage.QuerySelector("[data-testid=import-items][open]"));
        Assert.Null(badPage.QuerySelector("[data-testid=import-prices] [data-testid=import-problems]"));
        Assert.Equal(0, itemsAfterBad);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Đã nhập 2 dịch vụ", afterItems.QuerySelector("[data-testid=success]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([$"Dịch vụ giáo dục mầm non {token}", $"Chăm sóc, nuôi dưỡng trẻ {token}"],
            afterItems.QuerySelectorAll("[data-testid=item-link]").Select(a => a.TextContent.Trim()));
        Assert.Equal(["0", "1"], afterItems.QuerySelectorAll("[data-testid=item]").Select(i => i.GetAttribute("data-depth")));
        Assert.Equal(HttpStatusCode.BadRequest, badPrices.StatusCode);
        Assert.Contains("Dòng 3, cột A", badPricesPage.QuerySelector("[data-testid=import-prices] [data-testid=import-problems]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, goodPrices.StatusCode);
        Assert.Contains("Đã nhập 1 đơn giá", afterPrices.QuerySelector("[data-testid=success]")!.TextContent, StringComparison.Ordinal);
        var prices = afterPrices.QuerySelectorAll("[data-testid=price-today]").Select(p => p.TextContent).ToList();
        Assert.Contains("Chưa có", prices[0], StringComparison.Ordinal);
        Assert.Contains("1.250.000", prices[1], StringComparison.Ordinal);
        // The first bad price file wrote nothing: the good one's price is the item's only one.
        var item = afterItems.QuerySelectorAll("[data-testid=item]")[1].GetAttribute("data-id");
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items/{item}");
        Assert.Equal(1, view.GetProperty("prices").GetArrayLength());
    }

    [Theory, DatabaseData]
    public async Task CatalogueImport_NoFileOrNotXlsx_400WithAMessage(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {Unique.Token()}", "2022-01-01"));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (_, page) = await session.GetAsync($"/services/catalogues/{catalogue}");
        var formToken = FormToken(page, "[data-testid=import-prices]");

        using var none = await session.Client.PostAsync($"/services/catalogues/{catalogue}?handler=Prices",
            new MultipartFormDataContent { { new StringContent(formToken), "__RequestVerificationToken" } });
        using var csv = await session.Client.PostAsync($"/services/catalogues/{catalogue}?handler=Prices", Upload(formToken, "a,b"u8.ToArray(), "gia.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Chọn tệp .xlsx", (await PageSession.ParseAsync(none)).QuerySelector("[data-testid=import-prices] [data-testid=import-problems]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains("gia.csv", (await PageSession.ParseAsync(csv)).QuerySelector("[data-testid=import-prices] [data-testid=import-problems]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task NormForm_BadLinesNamedByTheirRow_ThenAGoodNormListed(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2022-01-01"));
        var item = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục tiểu học {token}"));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (_, page) = await session.GetAsync($"/services/items/{item}");
        var form = page.QuerySelector("[data-testid=norm-form]")!;
        var fields = new Dictionary<string, string>
        {
            ["Input.OutputUnit"] = "học sinh/năm", ["Input.ValidFrom"] = "01/09/2022",
            ["Input.DecisionNumber"] = $"{token}/QĐ-UBND", ["Input.DecisionDate"] = "15/08/2022", ["Input.DecisionIssuer"] = "Ủy ban nhân dân thành phố Cần Thơ",
            ["Input.Lines[0].Kind"] = "labour", ["Input.Lines[0].Name"] = "Giáo viên hạng III", ["Input.Lines[0].Unit"] = "công", ["Input.Lines[0].Quantity"] = "0,05",
            // Row 2 is blank; row 3 is the second line the service gets, and its message names row 3.
            ["Input.Lines[2].Kind"] = "material", ["Input.Lines[2].Name"] = "Vở viết", ["Input.Lines[2].Unit"] = "quyển", ["Input.Lines[2].Quantity"] = "0",
        };

        using var bad = await session.PostFormAsync($"/services/items/{item}?handler=Norm", form, fields);
        var badPage = await PageSession.ParseAsync(bad);
        using var badDate = await session.PostFormAsync($"/services/items/{item}?handler=Norm", form, new(fields) { ["Input.Lines[2].Quantity"] = "12", ["Input.ValidFrom"] = "31/02/2022", ["Input.DecisionNumber"] = "" });
        var badDatePage = await PageSession.ParseAsync(badDate);
        var normsAfterBad = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items/{item}")).GetProperty("norms").GetArrayLength();
        using var good = await session.PostFormAsync($"/services/items/{item}?handler=Norm", form, new(fields) { ["Input.Lines[2].Quantity"] = "12" });
        var (_, after) = await session.GetAsync($"/services/items/{item}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Dòng 3: số lượng cho một đơn vị sản phẩm phải lớn hơn 0.", badPage.QuerySelector("[data-testid='error-Input.Lines[2].Quantity']")!.TextContent);
        Assert.Contains("Dòng 3", badPage.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(badPage.QuerySelector("[data-testid=norm-details][open]"));
        Assert.Equal("Vở viết", badPage.QuerySelector("[name='Input.Lines[2].Name']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        // A date that does not parse and a missing number show at once; the date's own message, not "required" beside it.
        Assert.DoesNotContain("Vui lòng nhập", badDatePage.QuerySelector("[data-testid='error-Input.ValidFrom']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(badDatePage.QuerySelector("[data-testid='error-Input.DecisionNumber']"));
        Assert.Equal(0, normsAfterBad);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var norm = Assert.Single(after.QuerySelectorAll("[data-testid=norm]"));
        Assert.Contains($"{token}/QĐ-UBND", norm.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Lao động", "Vật tư"], norm.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent));
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items/{item}");
        var lines = view.GetProperty("norms")[0].GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal([0.05m, 12m], lines.Select(l => l.GetProperty("quantity").GetDecimal()));
        Assert.Equal(new DateOnly(2022, 9, 1), DateOnly.Parse(view.GetProperty("norms")[0].GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, DatabaseData]
    public async Task NormForm_NoLine_AsksForOne(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {Unique.Token()}", "2022-01-01"));
        var item = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục {Unique.Token()}"));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (_, page) = await session.GetAsync($"/services/items/{item}");

        using var response = await session.PostFormAsync($"/services/items/{item}?handler=Norm", page.QuerySelector("[data-testid=norm-form]")!, new()
        {
            ["Input.ValidFrom"] = "01/09/2022", ["Input.DecisionNumber"] = "1/QĐ", ["Input.DecisionDate"] = "15/08/2022", ["Input.DecisionIssuer"] = "UBND",
        });
        var result = await PageSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ít nhất một yếu tố đầu vào", result.QuerySelector("[data-testid='error-Input.Lines']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("học sinh/năm", page.QuerySelector("[name='Input.OutputUnit']")!.GetAttribute("value"));
    }

    [Theory, DatabaseData]
    public async Task Forms_ForAViewer_HiddenAndForbidden(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {Unique.Token()}", "2022-01-01"));
        var item = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục {Unique.Token()}"));
        using var viewer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: "92.UBND"));
        var (_, cataloguePage) = await viewer.GetAsync($"/services/catalogues/{catalogue}");
        var (_, itemPage) = await viewer.GetAsync($"/services/items/{item}");
        var token = FormToken(cataloguePage, "form[action='/logout']");
        var file = Workbook(CatalogueImport.ItemHeaders, [["2", $"Dịch vụ {Unique.Token()}", "education", null, "assignment", null, null, null]]);

        Assert.Null(cataloguePage.QuerySelector("[data-testid=import-items]"));
        Assert.Null(cataloguePage.QuerySelector("[data-testid=import-prices]"));
        Assert.Null(itemPage.QuerySelector("[data-testid=norm-form]"));
        foreach (var handler in new[] { "Items", "Prices" })
        {
            using var post = await viewer.Client.PostAsync($"/services/catalogues/{catalogue}?handler={handler}", Upload(token, file));
            AssertRefused(post);
        }

        using var norm = await viewer.PostFormAsync($"/services/items/{item}?handler=Norm", cataloguePage.QuerySelector("form[action='/logout']")!, new()
        {
            ["Input.OutputUnit"] = "lượt", ["Input.ValidFrom"] = "01/09/2022", ["Input.DecisionNumber"] = "1/QĐ", ["Input.DecisionDate"] = "15/08/2022",
            ["Input.DecisionIssuer"] = "UBND", ["Input.Lines[0].Kind"] = "labour", ["Input.Lines[0].Name"] = "Công", ["Input.Lines[0].Unit"] = "công", ["Input.Lines[0].Quantity"] = "1",
        });
        AssertRefused(norm);
        using var template = await viewer.Client.GetAsync($"/services/catalogues/{catalogue}?handler=ItemsTemplate");
        AssertRefused(template);
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items/{item}");
        Assert.Equal(0, view.GetProperty("norms").GetArrayLength());
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{catalogue}")).GetProperty("items").GetArrayLength());
    }

    [Theory, DatabaseData]
    public async Task CatalogueExports_LoadIntoTheCatalogueThatSupersedesIt_AsTheyAre(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var old = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2022-01-01"));
        var group = await admin.ItemAsync(old, Item("1", $"Giáo dục mầm non {token}"));
        var child = await admin.ItemAsync(old, Item("1.1", $"Nuôi dưỡng trẻ {token}", "education", group, "ordering").With("essential", false).With("outputUnit", "trẻ/năm"));
        await admin.ItemAsync(old, Item("2", $"Khám bệnh {token}", "health", null, "assignment", "ordering").With("feeBased", true).With("outputUnit", null));
        await admin.CreatedAsync($"/api/v1/service-items/{child}/prices", Price(1_250_000.5m, "2022-09-01", costBasis: "partial"));
        await admin.CreatedAsync($"/api/v1/service-items/{child}/prices", Price(1_300_000m, "2023-09-01", areaCode: "92"));
        var successor = await admin.CatalogueAsync(Catalogue($"Danh mục thay thế {token}", "2022-06-01", supersedesId: old));
        using var viewer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: "92.UBND"));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        // A viewer exports; an editor loads the files into the successor through its import forms.
        using var items = await viewer.Client.GetAsync($"/services/catalogues/{old}?handler=ItemsXlsx");
        using var prices = await viewer.Client.GetAsync($"/services/catalogues/{old}?handler=PricesXlsx");
        var (_, page) = await session.GetAsync($"/services/catalogues/{successor}");
        var formToken = FormToken(page, "[data-testid=import-items]");
        using var loadedItems = await session.Client.PostAsync($"/services/catalogues/{successor}?handler=Items", Upload(formToken, await items.Content.ReadAsByteArrayAsync()));
        using var loadedPrices = await session.Client.PostAsync($"/services/catalogues/{successor}?handler=Prices", Upload(formToken, await prices.Content.ReadAsByteArrayAsync()));

        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        Assert.Equal(XlsxType, items.Content.Headers.ContentType?.MediaType);
        Assert.Equal(CatalogueImport.ItemHeaders, Headers(await items.Content.ReadAsByteArrayAsync()));
        Assert.Equal(CatalogueImport.PriceHeaders, Headers(await prices.Content.ReadAsByteArrayAsync()));
        Assert.True(loadedItems.StatusCode == HttpStatusCode.Redirect, await loadedItems.Content.ReadAsStringAsync());
        Assert.True(loadedPrices.StatusCode == HttpStatusCode.Redirect, await loadedPrices.Content.ReadAsStringAsync());
        Assert.Equal(await ItemsAsync(admin, old), await ItemsAsync(admin, successor));
        Assert.Equal(await PricesAsync(admin, old), await PricesAsync(admin, successor));
        Assert.Equal(2, (await PricesAsync(admin, old)).Count);
    }

    /// <summary>A catalogue's items as the API shows them, with the parent by code and without ids.</summary>
    private static async Task<List<string>> ItemsAsync(HttpClient admin, int catalogue)
    {
        var items = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{catalogue}")).GetProperty("items").EnumerateArray().ToList();
        var codes = items.ToDictionary(i => i.GetProperty("id").GetInt32(), i => i.GetProperty("code").GetString());
        return items.Select(i => string.Join("|", i.GetProperty("code").GetString(), i.GetProperty("name").GetString(), i.GetProperty("sector").GetString(),
            i.GetProperty("parentId").ValueKind == JsonValueKind.Null ? "" : codes[i.GetProperty("parentId").GetInt32()],
            string.Join(",", i.GetProperty("methods").EnumerateArray().Select(m => m.GetString())), i.GetProperty("essential").GetBoolean(),
            i.GetProperty("feeBased").GetBoolean(), i.GetProperty("outputUnit").ToString())).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every price of a catalogue's items, by item code, without ids.</summary>
    private static async Task<List<string>> PricesAsync(HttpClient admin, int catalogue)
    {
        var items = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{catalogue}")).GetProperty("items").EnumerateArray().ToList();
        var rows = new List<string>();
        foreach (var item in items)
        {
            var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items/{item.GetProperty("id").GetInt32()}");
            rows.AddRange(view.GetProperty("prices").EnumerateArray().Select(p => string.Join("|", item.GetProperty("code").GetString(),
                p.GetProperty("price").GetDecimal(), p.GetProperty("unit").GetString(), p.GetProperty("costBasis").GetString(), p.GetProperty("areaCode").ToString(),
                p.GetProperty("decision").GetRawText(), p.GetProperty("validFrom").GetString(), p.GetProperty("validTo").ToString())));
        }

        return rows.Order(StringComparer.Ordinal).ToList();
    }

    [Theory, DatabaseData]
    public async Task ItemPage_Group_LinksItsItemsInOrder_ALeafListsNone(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2022-01-01"));
        var group = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục mầm non {token}"));
        var second = await admin.ItemAsync(catalogue, Item("1.2", $"Giáo dục trẻ khuyết tật {token}", parentId: group));
        var first = await admin.ItemAsync(catalogue, Item("1.1", $"Nuôi dưỡng trẻ {token}", parentId: group));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (_, groupPage) = await session.GetAsync($"/services/items/{group}");
        var (_, leafPage) = await session.GetAsync($"/services/items/{first}");

        Assert.Equal([$"/services/items/{second}", $"/services/items/{first}"],
            groupPage.QuerySelectorAll("[data-testid=children] a").Select(a => a.GetAttribute("href")));
        Assert.Null(leafPage.QuerySelector("[data-testid=children]"));
    }

    [Theory, DatabaseData]
    public async Task Pages_RowWrittenOutsideTheApi_NoMethodAndNoCostBasis_ReadAsUnknown(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {Unique.Token()}", "2022-01-01"));
        var item = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục {Unique.Token()}"));
        // A price and an item as a direct database load may leave them: the cost basis and the methods unset.
        await app.WithDbAsync(async (db, _) =>
        {
            db.ServicePrices.Add(new ServicePrice
            {
                ItemId = item, Price = 10_000, Unit = "đồng/lượt", DecisionNumber = "1/QĐ", DecisionIssuer = "UBND", ValidFrom = new DateOnly(2022, 1, 1),
            });
            await db.ServiceItems.Where(i => i.Id == item).ExecuteUpdateAsync(s => s.SetProperty(i => i.Methods, (ServiceMethods)0));
            return await db.SaveChangesAsync();
        });
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (itemResponse, itemPage) = await session.GetAsync($"/services/items/{item}");
        var (catalogueResponse, _) = await session.GetAsync($"/services/catalogues/{catalogue}");

        Assert.Equal(HttpStatusCode.OK, itemResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, catalogueResponse.StatusCode);
        Assert.Contains("Không xác định", itemPage.QuerySelector("[data-testid=price]")!.TextContent, StringComparison.Ordinal);
    }

    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("denied", StringComparison.OrdinalIgnoreCase) == true,
            $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} {response.Headers.Location}");
}
