using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Network;

/// <summary>
/// A province of its own with a few communes from 1/7/2025, so that a test's coverage counts only its own providers and
/// people whatever the other tests add to the shared database.
/// </summary>
internal sealed record NetworkWorld(string Token, string Province, string[] Communes)
{
    public static readonly DateOnly MapStart = new(2025, 7, 1);

    public static async Task<NetworkWorld> CreateAsync(SuNghiepApp app, int communes = 3)
    {
        var token = Unique.Token();
        var province = "x" + token[1..];
        var codes = Enumerable.Range(1, communes).Select(i => $"{province}{i}").ToArray();
        await app.WithDbAsync(async (db, _) =>
        {
            var p = new Area
            {
                Code = province, Name = "Thử " + Unique.Name(token), Type = "tỉnh", Level = AreaLevel.Province, ValidFrom = MapStart,
                Path = $"/p{province}/", LineagePath = $"/p{province}/",
            };
            db.Areas.Add(p);
            await db.SaveChangesAsync();
            db.Areas.AddRange(codes.Select((c, i) => new Area
            {
                Code = c, Name = $"{Unique.Name(token)} {i + 1}", Type = "xã", Level = AreaLevel.Commune, ParentId = p.Id, ValidFrom = MapStart,
                Path = $"/p{province}/c{c}/", LineagePath = $"/p{province}/c{c}/",
            }));
            await db.SaveChangesAsync();
        });
        return new NetworkWorld(token, province, codes);
    }

    public Task PopulationAsync(SuNghiepApp app, string commune, int year, int population) =>
        app.WithDbAsync(async (db, _) =>
        {
            var area = db.Areas.Single(a => a.Code == commune);
            db.AreaPopulations.Add(new AreaPopulation { AreaId = area.Id, Year = year, Population = population, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

    public static JsonObject Provider(string code, string commune, int capacity, string sector = "health", string unit = "beds", string started = "2025-08-01") => new()
    {
        ["code"] = code,
        ["name"] = $"Bệnh viện tư nhân Đức Thành {code}",
        ["legalForm"] = "Công ty TNHH",
        ["ownership"] = "Tư nhân",
        ["sector"] = sector,
        ["providerType"] = "Bệnh viện đa khoa",
        ["address"] = "Số 5 đường 30/4",
        ["communeCode"] = commune,
        ["capacity"] = capacity,
        ["capacityUnit"] = unit,
        ["licence"] = new JsonObject { ["number"] = "123/BYT-GPHĐ", ["date"] = "2025-07-15", ["issuer"] = "Sở Y tế" },
        ["startedOn"] = started,
        ["recordedByAgencyId"] = null,
        ["notes"] = null,
    };

    public static async Task<JsonElement> CreateProviderAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/providers", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/providers answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A public hospital of Sở Y tế Cần Thơ in a commune of the world, with its beds from 1/7/2025.</summary>
    public async Task<int> PublicHospitalAsync(SuNghiepApp app, HttpClient admin, string commune, int beds, string suffix = "BV")
    {
        var body = UnitsClient.Body(Token, suffix, await app.AgencyIdAsync("92.SYT"))
            .With("sector", "health").With("areaCode", commune).With("establishedOn", "2025-07-01").With("level", "province");
        var unit = await admin.CreateUnitAsync(body);
        using var put = await admin.PutAsJsonAsync($"/api/v1/units/{unit.Id}/capacity",
            new JsonObject { ["capacityUnit"] = "beds", ["capacity"] = beds, ["validFrom"] = "2025-07-01", ["source"] = "Báo cáo của bệnh viện" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return unit.Id;
    }

    public static async Task<JsonElement> CoverageAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/network/coverage?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"coverage answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static JsonElement Item(JsonElement coverage, string commune) =>
        coverage.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("communeCode").GetString() == commune);
}
