using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Services;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Api.Services.OrdersClient;

namespace SuNghiep.Web.Tests.Api.Services;

public sealed class OrderImportTests(AppHosts hosts)
{
    /// <summary>A workbook of the template's headers with the given rows, in the template's column order.</summary>
    public static byte[] Sheet(params object?[][] rows) => Workbook(OrderImport.Headers, rows);

    private static object?[] Row(int year, string method, string agency, string? unit, string item, object quantity, string decision,
        string start = "01/02/2025", string end = "30/11/2025") =>
        [year, method, agency, unit, null, item, quantity, null, start, end, decision, "20/01/2025", "Sở Giáo dục và Đào tạo", "Dự toán 2025", null];

    private static MultipartFormDataContent File(byte[] xlsx)
    {
        var content = new ByteArrayContent(xlsx);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return new MultipartFormDataContent { { content, "file", "dat-hang.xlsx" } };
    }

    private static Task<string> ItemCodeAsync(SuNghiepApp app, int item) =>
        app.WithDbAsync((db, _) => db.ServiceItems.Where(i => i.Id == item).Select(i => i.Code).SingleAsync());

    [Theory, DatabaseData]
    public async Task Import_ValidRows_WritesEveryOrderAtThePriceInForce(DatabaseProvider provider)
    {
        var (app, admin, unit, code, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", ServiceMethods.Assignment | ServiceMethods.Ordering, 12_000, new DateOnly(2025, 1, 1));
        var itemCode = await ItemCodeAsync(app, item);
        var token = Unique.Token();

        using var response = await admin.PostAsync("/api/v1/service-orders/import", File(Sheet(
            Row(2025, "Đặt hàng", Education, code, itemCode, 10, $"{token}/1"),
            Row(2025, "giao nhiem vu", Education, code, itemCode, 2.5, $"{token}/2"),
            Row(2025, "ordering", Education, code, itemCode, 7, $"{token}/3"))));
        var list = await admin.GetJsonAsync($"/api/v1/service-orders?itemId={item}&pageSize=10");

        Assert.Equal(3, (await OkAsync(response)).GetProperty("applied").GetInt32());
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal([84_000m, 30_000m, 120_000m], list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("value").GetDecimal()));
        Assert.All(list.GetProperty("items").EnumerateArray(), o => Assert.Equal(unit, o.GetProperty("providerUnitId").GetInt32()));
    }

    [Theory, DatabaseData]
    public async Task Import_BadRows_WritesNothingAndNamesEachRowAndColumn(DatabaseProvider provider)
    {
        var (app, admin, _, code, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", ServiceMethods.Assignment | ServiceMethods.Ordering, 12_000, new DateOnly(2025, 6, 1));
        var itemCode = await ItemCodeAsync(app, item);
        var token = Unique.Token();

        using var response = await admin.PostAsync("/api/v1/service-orders/import", File(Sheet(
            Row(2025, "Đặt hàng", Education, code, itemCode, 10, $"{token}/1", start: "01/07/2025"),
            Row(2025, "Đấu thầu", Education, code, itemCode, 10, $"{token}/2", start: "01/07/2025"),
            Row(2025, "Đặt hàng", Education, code, itemCode, 10, $"{token}/3", start: "01/02/2025"),
            Row(2025, "Đặt hàng", "KHONG.CO", code, itemCode, "mười", $"{token}/4", start: "01/07/2025"))));
        var text = await response.Content.ReadAsStringAsync();
        var count = await app.WithDbAsync((db, _) => db.ServiceOrders.CountAsync(o => o.ItemId == item));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var problems = JsonDocument.Parse(text).RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.DoesNotContain(problems, p => p.Item1 == 2);
        Assert.Contains((3, "B"), problems);   // bidding is not allowed for education (Decree 32/2019)
        Assert.Contains((4, "H"), problems);   // before the price's validity and no price typed
        Assert.Contains((5, "C"), problems);
        Assert.Contains((5, "G"), problems);
        Assert.Equal(0, count);
    }

    [Theory, DatabaseData]
    public async Task Import_AsAnOfficerOfAnotherAgency_IsRefusedOnTheOrdererColumn(DatabaseProvider provider)
    {
        var (app, admin, _, code, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", ServiceMethods.Ordering, 12_000, new DateOnly(2025, 1, 1));
        var itemCode = await ItemCodeAsync(app, item);
        var (health, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        using var _health = health;
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: Education);
        using var _viewer = viewer;
        var sheet = Sheet(Row(2025, "Đặt hàng", Education, code, itemCode, 10, $"{Unique.Token()}/1"));

        using var refused = await health.PostAsync("/api/v1/service-orders/import", File(sheet));
        using var forbidden = await viewer.PostAsync("/api/v1/service-orders/import", File(sheet));
        using var template = await admin.GetAsync("/api/v1/service-orders/import-template");

        var problems = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("problems");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("C", problems[0].GetProperty("column").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(XlsxType, template.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.ServiceOrders.CountAsync(o => o.ItemId == item)));
    }
}
