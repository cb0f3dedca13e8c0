using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Services;
using SuNghiep.Web.Tests.Network;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Api.Services.OrdersClient;

namespace SuNghiep.Web.Tests.Api.Services;

/// <summary>
/// The import checks a file's provider units and non-public providers from what it reads once for the file: on the start
/// date, as the API does for one order, and with the API's own messages.
/// </summary>
public sealed class OrderImportProviderTests(AppHosts hosts)
{
    private static object?[] Row(string? unit, string? provider, string item, string decision) =>
        [2025, "Đặt hàng", Education, unit, provider, item, 10, null, "01/09/2025", "30/11/2025", decision, "20/08/2025", "Sở Giáo dục và Đào tạo", null, null];

    private static MultipartFormDataContent File(byte[] xlsx)
    {
        var content = new ByteArrayContent(xlsx);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return new MultipartFormDataContent { { content, "file", "dat-hang.xlsx" } };
    }

    [Theory, DatabaseData]
    public async Task Import_ProvidersNotWorkingOnTheStartDate_NamedAsTheApiNamesThem(DatabaseProvider provider)
    {
        var (app, admin, _, working, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var token = Unique.Token();
        // Outside the demo province, whose history other tests leave as the demo made it (DemoHistoryTests).
        var later = await admin.CreateUnitAsync(UnitsClient.Body(token, "L", agency).With("establishedOn", "2025-10-01").With("areaCode", "03646"));
        using var early = await admin.PostAsJsonAsync("/api/v1/providers", NetworkWorld.Provider($"{token}-W", "31120", 20, sector: "education", unit: "pupils", started: "2025-08-01"));
        using var late = await admin.PostAsJsonAsync("/api/v1/providers", NetworkWorld.Provider($"{token}-N", "31120", 20, sector: "education", unit: "pupils", started: "2025-10-01"));
        Assert.True(early.IsSuccessStatusCode, await early.Content.ReadAsStringAsync());
        Assert.True(late.IsSuccessStatusCode, await late.Content.ReadAsStringAsync());
        var lateId = (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var itemId = await ItemAsync(app, "education", ServiceMethods.Ordering, 12_000, new DateOnly(2025, 1, 1));
        var item = await app.WithDbAsync((db, _) => db.ServiceItems.Where(i => i.Id == itemId).Select(i => i.Code).SingleAsync());

        using var bad = await admin.PostAsync("/api/v1/service-orders/import", File(OrderImportTests.Sheet(
            Row(working, null, item, $"{token}/1"),
            Row(later.Code, null, item, $"{token}/2"),
            Row(null, $"{token}-N", item, $"{token}/3"),
            Row(null, $"{token}-W", item, $"{token}/4"))));
        var problems = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Message: p.GetProperty("message").GetString())).ToList();
        var countAfterBad = await app.WithDbAsync((db, _) => db.ServiceOrders.CountAsync(o => o.ItemId == itemId));
        var body = Order(await app.AgencyIdAsync(Education), later.Id, itemId).With("startOn", "2025-09-01");
        using var api = await admin.PostBodyAsync("/api/v1/service-orders", body);
        using var apiProvider = await admin.PostBodyAsync("/api/v1/service-orders", body.With("providerUnitId", null).With("providerId", lateId));
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var providerErrors = (await apiProvider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        using var good = await admin.PostAsync("/api/v1/service-orders/import", File(OrderImportTests.Sheet(
            Row(working, null, item, $"{token}/1"),
            Row(null, $"{token}-W", item, $"{token}/4"))));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal([(3, "D"), (4, "E")], problems.Select(p => (p.Row, p.Column)));
        Assert.Equal(0, countAfterBad);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(errors.GetProperty("providerUnitId")[0].GetString(), problems[0].Message);
        Assert.Contains("01/09/2025", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(providerErrors.GetProperty("providerId")[0].GetString(), problems[1].Message);
        Assert.Equal(2, (await OkAsync(good)).GetProperty("applied").GetInt32());
        var orders = await app.WithDbAsync((db, _) => db.ServiceOrders.Where(o => o.ItemId == itemId).OrderBy(o => o.Id)
            .Select(o => new { o.ProviderUnitId, o.ProviderId, o.Value }).ToListAsync());
        Assert.Equal(2, orders.Count);
        Assert.NotNull(orders[0].ProviderUnitId);
        Assert.NotNull(orders[1].ProviderId);
        Assert.All(orders, o => Assert.Equal(120_000m, o.Value));
    }
}
