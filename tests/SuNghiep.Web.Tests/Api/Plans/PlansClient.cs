using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>Small helpers over /api/v1/documents and /api/v1/tasks so that each test reads as its scenario.</summary>
internal static class PlansClient
{
    public static DateOnly Today => VietnamTime.Today(TimeProvider.System);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A valid plan of the demo province, its number made of the token ("qbcd…/KH-UBND"), issued on 10/01/2024 unless told.</summary>
    public static JsonObject Document(string token, string issuedOn = "2024-01-10", params int[] parentIds) => new()
    {
        ["type"] = "plan",
        ["number"] = $"{token}/KH-UBND",
        ["issuer"] = "Ủy ban nhân dân thành phố Cần Thơ",
        ["issuedOn"] = issuedOn,
        ["title"] = $"Kế hoạch {Unique.Name(token)} thực hiện Kết luận số 62-KL/TW",
        ["signer"] = "Người ký thử",
        ["parentIds"] = new JsonArray(parentIds.Select(id => (JsonNode)id).ToArray()),
        ["notes"] = null,
    };

    /// <summary>A task led by the given agency, with a deadline, or with no deadline when null.</summary>
    public static JsonObject Task(string content, int leadAgencyId, DateOnly? deadline = null, params int[] coordinators) => new()
    {
        ["content"] = content,
        ["section"] = "II.1",
        ["leadAgencyId"] = leadAgencyId,
        ["coordinatingAgencyIds"] = new JsonArray(coordinators.Select(id => (JsonNode)id).ToArray()),
        ["deadline"] = deadline is { } d ? Iso(d) : null,
        ["expectedOutput"] = "Báo cáo kết quả",
    };

    public static JsonObject Yearly(string content, int leadAgencyId, int day, int month) => new()
    {
        ["content"] = content,
        ["leadAgencyId"] = leadAgencyId,
        ["recurrence"] = new JsonObject { ["kind"] = "yearly", ["day"] = day, ["month"] = month },
    };

    public static JsonObject Progress(DateOnly date, int percent, string text = "Đã triển khai") => new()
    {
        ["date"] = Iso(date), ["text"] = text, ["percent"] = percent,
    };

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostAsync(url, UnitsClient.Content(body.ToJsonString()));

    public static async Task<DocumentView> CreateDocumentAsync(this HttpClient client, JsonObject body) =>
        await CreatedAsync<DocumentView>(await client.PostJsonAsync("/api/v1/documents", body));

    public static async Task<TargetView> AddTargetAsync(this HttpClient client, int documentId, JsonObject body) =>
        await CreatedAsync<TargetView>(await client.PostJsonAsync($"/api/v1/documents/{documentId}/targets", body));

    public static async Task<TaskView> AddTaskAsync(this HttpClient client, int documentId, JsonObject body) =>
        await CreatedAsync<TaskView>(await client.PostJsonAsync($"/api/v1/documents/{documentId}/tasks", body));

    public static async Task<ProgressView> AddProgressAsync(this HttpClient client, int taskId, JsonObject body) =>
        await CreatedAsync<ProgressView>(await client.PostJsonAsync($"/api/v1/tasks/{taskId}/progress", body));

    public static async Task<DocumentView> GetDocumentAsync(this HttpClient client, int id) =>
        await OkAsync<DocumentView>(await client.GetAsync($"/api/v1/documents/{id}"));

    public static async Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(this HttpClient client, string query = "") =>
        await OkAsync<List<DocumentSummary>>(await client.GetAsync($"/api/v1/documents?{query}"));

    public static async Task<TaskListResponse> ListTasksAsync(this HttpClient client, string query) =>
        await OkAsync<TaskListResponse>(await client.GetAsync($"/api/v1/tasks?{query}"));

    /// <summary>The task of a list or document by id; fails when it is not there.</summary>
    public static TaskView Find(this IEnumerable<TaskView> tasks, int id) =>
        tasks.SingleOrDefault(t => t.Id == id) ?? throw new Xunit.Sdk.XunitException($"task {id} is not in the answer");

    public static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
            return JsonSerializer.Deserialize<T>(text, UnitsClient.Json)!;
        }
    }

    public static async Task<T> OkJsonAsync<T>(HttpClient client, string url) => await OkAsync<T>(await client.GetAsync(url));

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
