using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SuNghiep.Web.Tests.Pages.Exports;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Services.ServiceCatalogueClient;

namespace SuNghiep.Web.Tests.Pages.Services;

/// <summary>The catalogue pages: the list with its search and export, the tree of items with today's prices, the item form's refusal.</summary>
public sealed class ServiceCataloguePageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task ListTreeAndForm_ShowWhatTheApiRecorded(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var name = $"Danh mục giáo dục {token}";
        var catalogue = await admin.CatalogueAsync(Catalogue(name, "2021-01-01"));
        var group = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục mầm non {token}"));
        var child = await admin.ItemAsync(catalogue, Item("1.1", $"Nuôi dưỡng trẻ {token}", parentId: group));
        await admin.CreatedAsync($"/api/v1/service-items/{child}/prices", Price(1_250_000m, "2021-09-01"));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (_, list) = await session.GetAsync($"/services?q=giao duc {token}");
        var rows = ExportSession.XlsxAsync(session.Client, $"/services?q={token}&format=xlsx");
        var (_, tree) = await session.GetAsync($"/services/catalogues/{catalogue}");
        var (_, form) = await session.GetAsync($"/services/catalogues/{catalogue}/items/new");
        using var refused = await session.PostFormAsync($"/services/catalogues/{catalogue}/items/new", form.QuerySelector("[data-testid=item-form]")!,
            new() { ["Input.Code"] = "2", ["Input.Name"] = $"Đấu thầu {token}", ["Input.Sector"] = "education", ["Input.Methods"] = "bidding" });
        var refusedPage = await PageSession.ParseAsync(refused);

        Assert.Equal([name], list.QuerySelectorAll("[data-testid=catalogue-link]").Select(a => a.TextContent));
        Assert.Equal("2", list.QuerySelector("[data-testid=item-count]")!.TextContent);
        var sheet = Assert.Single(await rows);
        Assert.Equal(name, sheet["Tên danh mục"]);
        Assert.Equal("Thành phố Cần Thơ", sheet["Tỉnh, thành phố"]);
        var items = tree.QuerySelectorAll("[data-testid=item]").ToList();
        Assert.Equal(["0", "1"], items.Select(i => i.GetAttribute("data-depth")));
        Assert.Contains("1.250.000", items[1].QuerySelector("[data-testid=price-today]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chưa có", items[0].QuerySelector("[data-testid=price-today]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Nghị định 32/2019/NĐ-CP", refusedPage.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{catalogue}");
        Assert.Equal(2, view.GetProperty("items").GetArrayLength());
    }
}
