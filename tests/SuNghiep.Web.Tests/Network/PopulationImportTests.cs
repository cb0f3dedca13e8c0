using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Resources;

namespace SuNghiep.Web.Tests.Network;

/// <summary>POST /api/v1/network/population/import: communes' populations by year from .xlsx, all or nothing.</summary>
public sealed class PopulationImportTests(AppHosts hosts)
{
    private static readonly string[] Headers = ["Mã xã, phường", "Tên xã, phường", "Năm", "Dân số", "Nguồn"];

    private static byte[] Sheet(params object?[][] rows) => ResourceRequests.Workbook(Headers, rows);

    [Theory, DatabaseData]
    public async Task Import_GoodFile_WritesEveryRowAndReplacesAYearAlreadyThere(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await NetworkWorld.CreateAsync(app, communes: 2);
        await w.PopulationAsync(app, w.Communes[0], 2025, 1);

        using var response = await admin.PostAsync("/api/v1/network/population/import", ResourceRequests.Upload(Sheet(
            [w.Communes[0], "Xã 1", 2025, 12_500, "Niên giám thống kê 2025"],
            [w.Communes[1], "Xã 2", 2025, 8_000, null],
            [w.Communes[1], "Xã 2", 2026, 8_100, null])));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(3, JsonDocument.Parse(text).RootElement.GetProperty("written").GetInt32());
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/network/population?areaCode={w.Province}");
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal([(w.Communes[0], 2025, 12_500), (w.Communes[1], 2025, 8_000), (w.Communes[1], 2026, 8_100)],
            list.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("communeCode").GetString(), i.GetProperty("year").GetInt32(), i.GetProperty("population").GetInt32())));
        var year = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/network/population?areaCode={w.Province}&year=2026");
        Assert.Equal(1, year.GetProperty("total").GetInt32());
        Assert.Equal("Niên giám thống kê 2025", list.GetProperty("items")[0].GetProperty("source").GetString());
    }

    [Theory, DatabaseData]
    public async Task Import_BadRows_EachNamedByRowAndColumnAndNothingWritten(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var w = await NetworkWorld.CreateAsync(app, communes: 2);

        using var response = await admin.PostAsync("/api/v1/network/population/import", ResourceRequests.Upload(Sheet(
            [w.Communes[0], "Xã 1", 2025, 12_500, null],
            ["zz" + w.Token, "Không có", 2025, 100, null],
            [w.Communes[1], "Xã 2", 2024, 8_000, null],
            [w.Communes[1], "Xã 2", 2025, -5, null],
            [w.Communes[1], "Xã 2", 2026, null, null])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "A"), (4, "A"), (5, "D"), (6, "D")], problems);
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/network/population?areaCode={w.Province}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task Import_ByScope_OtherProvinceRefusedAndViewerForbidden(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var w = await NetworkWorld.CreateAsync(app, communes: 1);
        var (homeAffairs, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer);
        using var _h = homeAffairs;
        using var _v = viewer;
        var file = Sheet([w.Communes[0], "Xã 1", 2025, 12_500, null]);

        using var outside = await homeAffairs.PostAsync("/api/v1/network/population/import", ResourceRequests.Upload(file));
        using var refused = await viewer.PostAsync("/api/v1/network/population/import", ResourceRequests.Upload(file));
        using var template = await homeAffairs.GetAsync("/api/v1/network/population/import-template");

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("phạm vi", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(ResourceRequests.XlsxType, template.Content.Headers.ContentType?.MediaType);
    }
}
