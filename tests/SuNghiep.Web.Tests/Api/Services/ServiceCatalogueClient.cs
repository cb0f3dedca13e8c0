using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuNghiep.Web.Tests.Api.Services;

/// <summary>Bodies and calls of the catalogue API, shared by its tests.</summary>
internal static class ServiceCatalogueClient
{
    public static JsonObject Decision(string number, string date, string issuer = "Ủy ban nhân dân thành phố Cần Thơ") =>
        new() { ["number"] = number, ["date"] = date, ["issuer"] = issuer };

    public static JsonObject Catalogue(string name, string validFrom, string level = "province", string? areaCode = "92", int? supersedesId = null, int? issuerAgencyId = null) => new()
    {
        ["name"] = name, ["level"] = level, ["areaCode"] = areaCode, ["decision"] = Decision($"{Unique.Token()}/QĐ-UBND", validFrom),
        ["validFrom"] = validFrom, ["supersedesId"] = supersedesId, ["issuerAgencyId"] = issuerAgencyId,
    };

    public static JsonObject Item(string code, string name, string sector = "education", int? parentId = null, params string[] methods) => new()
    {
        ["code"] = code, ["name"] = name, ["sector"] = sector, ["parentId"] = parentId,
        ["methods"] = new JsonArray((methods.Length == 0 ? ["assignment", "ordering"] : methods).Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
        ["essential"] = true, ["outputUnit"] = "học sinh/năm",
    };

    public static JsonObject Price(decimal price, string validFrom, string? areaCode = null, string costBasis = "full-excl-depreciation") => new()
    {
        ["areaCode"] = areaCode, ["price"] = price, ["unit"] = "đồng/học sinh/tháng", ["costBasis"] = costBasis,
        ["decision"] = Decision($"{Unique.Token()}/NQ-HĐND", validFrom, "Hội đồng nhân dân thành phố Cần Thơ"), ["validFrom"] = validFrom,
    };

    public static async Task<JsonElement> CreatedAsync(this HttpClient client, string url, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<int> CatalogueAsync(this HttpClient client, JsonObject body) =>
        (await client.CreatedAsync("/api/v1/service-catalogues", body)).GetProperty("id").GetInt32();

    public static async Task<int> ItemAsync(this HttpClient client, int catalogueId, JsonObject body) =>
        (await client.CreatedAsync($"/api/v1/service-catalogues/{catalogueId}/items", body)).GetProperty("id").GetInt32();
}
