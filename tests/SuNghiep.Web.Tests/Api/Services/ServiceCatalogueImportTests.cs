using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SuNghiep.Core.Services;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Api.Services.ServiceCatalogueClient;

namespace SuNghiep.Web.Tests.Api.Services;

/// <summary>A catalogue's items and prices from .xlsx in the template's columns: all or nothing, problems by row and column.</summary>
public sealed class ServiceCatalogueImportTests(AppHosts hosts)
{
    private static MultipartFormDataContent Upload(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return new MultipartFormDataContent { { content, "file", "danh-muc.xlsx" } };
    }

    [Theory, DatabaseData]
    public async Task ImportItemsAndPrices_GoodFiles_AllRowsWritten(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2022-01-01"));
        var items = Workbook(CatalogueImport.ItemHeaders,
        [
            ["1", $"Dịch vụ giáo dục mầm non {token}", "education", null, "assignment, ordering", "có", "không", null],
            ["1.1", $"Chăm sóc, nuôi dưỡng trẻ {token}", "Giáo dục - đào tạo", "1", "Đặt hàng", "có", null, "trẻ/năm"],
            ["2", $"Khám bệnh tại trạm y tế {token}", "health", null, "giao nhiệm vụ", null, "có", "lượt khám"],
        ]);
        var prices = Workbook(CatalogueImport.PriceHeaders,
        [
            ["1.1", 1_250_000, "đồng/trẻ/tháng", "full-excl-depreciation", null, "12/2022/NQ-HĐND", "15/07/2022", "Hội đồng nhân dân thành phố Cần Thơ", "01/09/2022"],
            ["2", "45000", "đồng/lượt", "partial", "92", "13/2022/NQ-HĐND", "15/07/2022", "Hội đồng nhân dân thành phố Cần Thơ", "01/09/2022"],
        ]);

        using var itemAnswer = await admin.PostAsync($"/api/v1/service-catalogues/{catalogue}/items/import", Upload(items));
        using var priceAnswer = await admin.PostAsync($"/api/v1/service-catalogues/{catalogue}/prices/import", Upload(prices));

        Assert.Equal(HttpStatusCode.OK, itemAnswer.StatusCode);
        Assert.Equal(3, (await itemAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.OK, priceAnswer.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{catalogue}");
        var rows = view.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["1", "1.1", "2"], rows.Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(rows[0].GetProperty("id").GetInt32(), rows[1].GetProperty("parentId").GetInt32());
        Assert.Equal("education", rows[1].GetProperty("sector").GetString());
        Assert.Equal(["ordering"], rows[1].GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.True(rows[2].GetProperty("feeBased").GetBoolean());
        Assert.Equal(1_250_000m, rows[1].GetProperty("priceToday").GetProperty("price").GetDecimal());
        Assert.Equal(45_000m, rows[2].GetProperty("priceToday").GetProperty("price").GetDecimal());
    }

    [Theory, DatabaseData]
    public async Task ImportItems_TwoBadRows_NothingWrittenBothNamed(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2022-01-01"));
        var file = Workbook(CatalogueImport.ItemHeaders,
        [
            ["1", $"Giáo dục tiểu học {token}", "education", null, "assignment", "có", null, null],
            ["2", $"Giáo dục đấu thầu {token}", "education", null, "bidding", null, null, null],
            ["3", $"Nhóm con lạc {token}", "education", "9", "ordering", null, null, null],
            ["4", $"Biểu diễn nghệ thuật {token}", "culture", null, "bidding", null, null, null],
        ]);

        using var answer = await admin.PostAsync($"/api/v1/service-catalogues/{catalogue}/items/import", Upload(file));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problems = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Message: p.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([(3, "E"), (4, "D")], problems.Select(p => (p.Row, p.Column)));
        Assert.Contains("32/2019", problems[0].Message, StringComparison.Ordinal);
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-catalogues/{catalogue}");
        Assert.Equal(0, view.GetProperty("items").GetArrayLength());
    }

    [Theory, DatabaseData]
    public async Task ImportPrices_BadRows_NothingWrittenAndRefusedForViewer(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var catalogue = await admin.CatalogueAsync(Catalogue($"Danh mục {token}", "2022-01-01"));
        var item = await admin.ItemAsync(catalogue, Item("1", $"Giáo dục {token}"));
        var file = Workbook(CatalogueImport.PriceHeaders,
        [
            ["1", 900_000, "đồng/học sinh/tháng", "full", null, "1/NQ-HĐND", "01/06/2022", "HĐND", "01/09/2022"],
            ["1", 950_000, "đồng/học sinh/tháng", "full", null, "2/NQ-HĐND", "01/06/2021", "HĐND", "31/12/2021"],
            ["7", 950_000, "đồng/học sinh/tháng", "full", null, "3/NQ-HĐND", "01/06/2022", "HĐND", "01/10/2022"],
        ]);
        var (viewer, _) = await app.SignInAsNewUserAsync(Core.Entities.Roles.Viewer, agency: "92.SYT");
        using var _v = viewer;

        using var answer = await admin.PostAsync($"/api/v1/service-catalogues/{catalogue}/prices/import", Upload(file));
        using var refused = await viewer.PostAsync($"/api/v1/service-catalogues/{catalogue}/prices/import", Upload(file));
        using var template = await admin.GetAsync("/api/v1/service-catalogues/prices-template");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problems = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "I"), (4, "A")], problems);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/service-items/{item}");
        Assert.Equal(0, stored.GetProperty("prices").GetArrayLength());
        Assert.Equal(CatalogueImport.PriceHeaders, ReadRows(await template.Content.ReadAsByteArrayAsync())[0].Keys);
    }
}
