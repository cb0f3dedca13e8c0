using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Api.Services;

/// <summary>Catalogue rows written straight to the database, and order bodies, for the order tests.</summary>
internal static class OrdersClient
{
    public const string Education = "92.SGDDT";

    /// <summary>A catalogue item of a sector with the methods given, and its price from a date in province 92 (none when price is null).</summary>
    public static Task<int> ItemAsync(SuNghiepApp app, string sector, ServiceMethods methods, decimal? price, DateOnly validFrom, string? area = "92") =>
        app.WithDbAsync(async (db, _) =>
        {
            var token = Unique.Token();
            var catalogue = new ServiceCatalogue
            {
                Name = $"Danh mục {Unique.Name(token)}", Level = CatalogueLevel.Province, AreaCode = "92", DecisionNumber = $"{token}/QĐ-UBND",
                DecisionDate = new DateOnly(2024, 12, 1), DecisionIssuer = "UBND thành phố Cần Thơ", ValidFrom = new DateOnly(2025, 1, 1),
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            var item = new ServiceItem
            {
                Catalogue = catalogue, Code = token.ToUpperInvariant(), Name = $"Dịch vụ {Unique.Name(token)}", SearchText = $"{token} dich vu {token}",
                SortKey = token, SectorCode = sector, Methods = methods, OutputUnit = "học sinh/năm", Ordinal = 1,
            };
            db.ServiceItems.Add(item);
            if (price is { } p)
            {
                db.ServicePrices.Add(new ServicePrice
                {
                    Item = item, AreaCode = area, Price = p, Unit = "đồng/học sinh/năm", CostBasis = CostBasis.Full, DecisionNumber = $"{token}/QĐ-GIA",
                    DecisionDate = validFrom, DecisionIssuer = "UBND thành phố Cần Thơ", ValidFrom = validFrom, CreatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
            return item.Id;
        });

    public static JsonObject Order(int agency, int unit, int item, string method = "ordering", decimal quantity = 100, int year = 2025) => new()
    {
        ["year"] = year, ["method"] = method, ["ordererAgencyId"] = agency, ["providerUnitId"] = unit, ["itemId"] = item,
        ["quantity"] = quantity, ["startOn"] = $"{year}-02-01", ["endOn"] = $"{year}-11-30",
        ["decision"] = new JsonObject { ["number"] = $"{Unique.Token()}/QĐ-SGDĐT", ["date"] = $"{year}-01-20", ["issuer"] = "Sở Giáo dục và Đào tạo" },
        ["estimateReference"] = "Dự toán ngân sách năm được giao",
    };

    public static JsonObject Acceptance(decimal quantity, string date = "2025-12-15", decimal deduction = 0) => new()
    {
        ["date"] = date, ["quantityAccepted"] = quantity, ["qualityLevel"] = "Đạt", ["qualityScore"] = 82, ["deduction"] = deduction,
        ["minutes"] = "Biên bản nghiệm thu số 12/BB-NT",
    };

    public static Task<HttpResponseMessage> PostBodyAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostAsync(url, UnitsClient.Content(body.ToJsonString()));

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    public static async Task<JsonElement> CreateAsync(this HttpClient client, JsonObject body) =>
        await OkAsync(await client.PostBodyAsync("/api/v1/service-orders", body), HttpStatusCode.Created);

    /// <summary>What the database holds of an order, to show that a refused write changed nothing.</summary>
    public static Task<string> StateAsync(SuNghiepApp app, int order) => app.WithDbAsync(async (db, _) =>
        JsonSerializer.Serialize(new
        {
            order = await db.ServiceOrders.Where(o => o.Id == order).Select(o => new { o.Status, o.Revision, o.UnitPrice, o.ProviderUnitId, o.ProviderId }).SingleAsync(),
            acceptances = await db.ServiceAcceptances.CountAsync(a => a.OrderId == order),
            settlements = await db.ServiceSettlements.CountAsync(s => s.OrderId == order),
            bids = await db.ServiceBids.CountAsync(b => b.OrderId == order),
        }));

    public static Task<JsonElement> GetJsonAsync(this HttpClient client, string url) => client.GetFromJsonAsync<JsonElement>(url);
}
