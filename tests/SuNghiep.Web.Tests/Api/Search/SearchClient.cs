using System.Net;
using System.Text.Json;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Api.Search;

/// <summary>GET /api/v1/search as a test reads it.</summary>
internal static class SearchClient
{
    public static async Task<SearchResponse> SearchAsync(this HttpClient client, string q, string extra = "")
    {
        using var response = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}{extra}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search for \"{q}\" answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<SearchResponse>(text, UnitsClient.Json)!;
    }

    public static IEnumerable<(string Kind, int Id)> Keys(this SearchResponse response) => response.Items.Select(i => (i.Kind, i.Id));
}
