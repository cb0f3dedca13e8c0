using System.Net;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace SuNghiep.Web.Tests.Api.Surveys;

/// <summary>Rounds, responses and results over the API, for the survey tests.</summary>
internal static class SurveysClient
{
    public const string Health = "92.SYT";
    public const string Education = "92.SGDDT";

    /// <summary>The Ho Chi Minh City form: 1 = rất tốt … 4 = cần cải thiện, 5 = không ý kiến; items 1.1–1.4 and 2.1–2.5.</summary>
    public const string CityForm = "SYT-HCM-NB";

    public const string MinistryForm = "BYT-3869-M1";

    /// <summary>A new health unit of the demo's Department of Health; returns its id and code.</summary>
    public static async Task<(int Id, string Code)> HospitalAsync(HttpClient admin, SuNghiepApp app, string token)
    {
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "BV", await app.AgencyIdAsync(Health)).With("sector", "health"));
        return (unit.Id, unit.Code);
    }

    public static JsonObject Round(int unitId, string label, string from = "2026-04-01", string to = "2026-06-30", string form = CityForm) => new()
    {
        ["instrumentCode"] = form,
        ["unitId"] = unitId,
        ["periodFrom"] = from,
        ["periodTo"] = to,
        ["label"] = label,
    };

    public static async Task<int> CreateRoundAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsync("/api/v1/surveys", UnitsClient.Content(body.ToJsonString()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/surveys answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<int>();
    }

    public static JsonObject Answers(params (string Code, int Value)[] answers)
    {
        var o = new JsonObject();
        foreach (var (code, value) in answers)
        {
            o[code] = value;
        }

        return o;
    }

    public static JsonObject Responses(params JsonObject[] answers) =>
        new() { ["responses"] = new JsonArray(answers.Select(a => (JsonNode)new JsonObject { ["respondedOn"] = "2026-05-02", ["answers"] = a }).ToArray()) };

    public static Task<HttpResponseMessage> PostResponsesAsync(HttpClient client, int round, JsonObject body) =>
        client.PostAsync($"/api/v1/surveys/{round}/responses", UnitsClient.Content(body.ToJsonString()));

    public static async Task<JsonNode> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A sheet with the given header row and rows, as a respondent file is typed.</summary>
    public static byte[] Sheet(string[] headers, params object?[][] rows)
    {
        var data = new List<Dictionary<string, object?>>();
        foreach (var row in rows)
        {
            data.Add(headers.Select((h, i) => (h, i < row.Length ? row[i] : null)).ToDictionary(x => x.h, x => x.Item2));
        }

        if (data.Count == 0)
        {
            data.Add(headers.ToDictionary(h => h, _ => (object?)null));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(data);
        return stream.ToArray();
    }
}
