using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Tests.Api.Public;

/// <summary>Helpers over the public register and the feedback endpoints.</summary>
public static class PublicClient
{
    /// <summary>A commune outside the demo province (phường Ba Đình, Hà Nội), so that the demo's figures are left alone.</summary>
    public const string OutsideCommune = "00004";
    public const string OutsideProvince = "01";

    /// <summary>A unit of Sở Y tế's in Ba Đình with secrets in its notes; returns its id and code.</summary>
    public static async Task<(int Id, string Code, string Name)> CreateUnitAsync(SuNghiepApp app, string token, string suffix = "A")
    {
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(token, suffix, await app.AgencyIdAsync("92.SYT"))
            .With("sector", "health")
            .With("name", $"Trạm Y tế Đồng Tháp {Unique.Name(token)} {suffix}")
            .With("areaCode", OutsideCommune)
            .With("notes", $"Ghi chú nội bộ {token} không công khai");
        var unit = await admin.CreateUnitAsync(body);
        return (unit.Id, unit.Code, unit.Name);
    }

    public static JsonObject Feedback(string text, string? contact = null, bool consent = false) => new()
    {
        ["topic"] = "Thái độ phục vụ",
        ["text"] = text,
        ["contact"] = contact,
        ["consent"] = consent,
    };

    public static Task<HttpResponseMessage> SendFeedbackAsync(this HttpClient client, string code, JsonNode body) =>
        client.PostAsync($"/api/v1/public/units/{Uri.EscapeDataString(code)}/feedback",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Sends feedback and asserts 202; returns the id and the withdrawal link.</summary>
    public static async Task<(int Id, string? WithdrawUrl)> SubmitAsync(this HttpClient client, string code, JsonNode body)
    {
        using var response = await client.SendFeedbackAsync(code, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"feedback answered {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return (json.RootElement.GetProperty("id").GetInt32(),
            json.RootElement.TryGetProperty("withdrawUrl", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostAsync(url, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Asks for a challenge and finds a nonce, as feedback-pow.js does.</summary>
    public static async Task<(string Challenge, string Nonce)> SolveAsync(HttpClient client)
    {
        var challenge = await client.GetFromJsonAsync<JsonObject>("/api/v1/public/feedback-challenge");
        var text = (string)challenge!["challenge"]!;
        var bits = (int)challenge["bits"]!;
        for (var n = 0; ; n++)
        {
            var nonce = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (FeedbackGuard.LeadingZeroBits(SHA256.HashData(Encoding.UTF8.GetBytes(text + ":" + nonce)), bits))
            {
                return (text, nonce);
            }
        }
    }

    public static Task<Feedback?> FeedbackRowAsync(SuNghiepApp app, int id) =>
        app.WithDbAsync((db, _) => db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id));
}
