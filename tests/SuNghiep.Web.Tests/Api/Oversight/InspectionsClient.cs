using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Api.Oversight;

/// <summary>Small helpers over /api/v1/inspections and /api/v1/recommendations so that each test reads as its scenario.</summary>
internal static class InspectionsClient
{
    /// <summary>A valid planned inspection of the units by the agency, decided on 01/03/2025, its number made of the token.</summary>
    public static JsonObject Inspection(string token, int? bodyAgencyId, params int[] unitIds) => new()
    {
        ["decision"] = new JsonObject { ["number"] = $"{token}/QĐ-TTr", ["date"] = "2025-03-01", ["issuer"] = "Chánh Thanh tra" },
        ["body"] = $"Đoàn {token}",
        ["kind"] = "planned",
        ["unitIds"] = new JsonArray(unitIds.Select(id => (JsonNode)id).ToArray()),
        ["periodFrom"] = "2023-01-01",
        ["periodTo"] = "2024-12-31",
        ["bodyAgencyId"] = bodyAgencyId,
        ["resultsReportOn"] = "2025-05-05",
    };

    /// <summary>A conclusion of 10/06/2025 with one finding on the unit and one recommendation to the addressee by the deadline.</summary>
    public static JsonObject Conclusion(string token, int? unitId, int addresseeAgencyId, DateOnly deadline, string type = "recover") => new()
    {
        ["number"] = $"{token}/KL-TTr",
        ["date"] = "2025-06-10",
        ["publishedOn"] = "2025-06-12",
        ["draftAssignedOn"] = "2025-05-09",
        ["draftReceivedOn"] = "2025-05-30",
        ["findings"] = new JsonArray(new JsonObject
        {
            ["category"] = "Quản lý tài chính",
            ["amount"] = 119_000_000,
            ["responsibility"] = "Giám đốc, kế toán trưởng",
            ["unitId"] = unitId,
            ["description"] = $"Chi sai chế độ {token}",
            ["recommendations"] = new JsonArray(Recommendation(token, addresseeAgencyId, deadline, type)),
        }),
    };

    public static JsonObject Recommendation(string token, int addresseeAgencyId, DateOnly deadline, string type = "recover") => new()
    {
        ["type"] = type,
        ["amount"] = 119_000_000,
        ["addresseeAgencyId"] = addresseeAgencyId,
        ["deadline"] = PlansClient.Iso(deadline),
        ["content"] = $"Kiến nghị {token}",
    };

    public static JsonObject FollowUp(DateOnly date, bool done, decimal? recovered = null) => new()
    {
        ["date"] = PlansClient.Iso(date), ["text"] = "Đã nộp trả ngân sách", ["done"] = done, ["amountRecovered"] = recovered,
    };

    public static async Task<InspectionView> CreateInspectionAsync(this HttpClient client, JsonObject body) =>
        await PlansClient.CreatedAsync<InspectionView>(await client.PostJsonAsync("/api/v1/inspections", body));

    public static async Task<InspectionView> ConcludeAsync(this HttpClient client, int id, JsonObject body) =>
        await OkAsync<InspectionView>(await client.PostJsonAsync($"/api/v1/inspections/{id}/conclusion", body));

    public static async Task<RecommendationView> FollowUpAsync(this HttpClient client, int id, JsonObject body) =>
        await OkAsync<RecommendationView>(await client.PostJsonAsync($"/api/v1/recommendations/{id}/follow-up", body));

    public static Task<InspectionView> GetInspectionAsync(this HttpClient client, int id) =>
        PlansClient.OkJsonAsync<InspectionView>(client, $"/api/v1/inspections/{id}");

    public static Task<RecommendationListResponse> ListRecommendationsAsync(this HttpClient client, string query) =>
        PlansClient.OkJsonAsync<RecommendationListResponse>(client, $"/api/v1/recommendations?{query}");

    public static Task<InspectionListResponse> ListInspectionsAsync(this HttpClient client, string query) =>
        PlansClient.OkJsonAsync<InspectionListResponse>(client, $"/api/v1/inspections?{query}");

    /// <summary>An inspection of the unit by the agency, concluded with one recommendation to the addressee; returns both ids.</summary>
    public static async Task<(int Inspection, int Recommendation)> ConcludedAsync(
        this HttpClient client, string token, int agencyId, int unitId, int addresseeAgencyId, DateOnly deadline)
    {
        var inspection = await client.CreateInspectionAsync(Inspection(token, agencyId, unitId));
        var concluded = await client.ConcludeAsync(inspection.Id, Conclusion(token, unitId, addresseeAgencyId, deadline));
        return (inspection.Id, concluded.Findings[0].Recommendations[0].Id);
    }

    private static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
            return JsonSerializer.Deserialize<T>(text, UnitsClient.Json)!;
        }
    }
}
