using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SuNghiep.Web.Tests.Api.Public;

/// <summary>
/// The feedback limits, in a host of its own with low limits: 2 an hour per address without a proof of work, 4 with one.
/// Each test sends from its own client address (set by a test-only header), so the tests do not share a window.
/// </summary>
public sealed class FeedbackLimitTests(FeedbackLimitTests.Hosts hosts) : IClassFixture<FeedbackLimitTests.Hosts>
{
    private const string AddressHeader = "X-Test-Client-Address";

    public sealed class Hosts() : OwnHosts(b =>
    {
        b.UseSetting("Feedback:PerAddressPerHour", "4");
        b.UseSetting("Feedback:WithoutProofPerAddressPerHour", "2");
        b.UseSetting("Feedback:ProofBits", "8");
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFilter>());
    });

    /// <summary>The in-memory test server has no client address: this gives each request the one its test names.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static HttpClient ClientFrom(SuNghiepApp app, string address)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    private static string NewAddress() => $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}";

    private static JsonObject Body(string token, int i) => PublicClient.Feedback($"Phản ánh thử giới hạn {token} số {i}");

    [Theory, DatabaseData]
    public async Task Submit_WithoutProofPastTheStricterLimit_Returns429WithRetryAfter(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var client = ClientFrom(app, NewAddress());
        var other = ClientFrom(app, NewAddress());

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendFeedbackAsync(unit.Code, Body(token, i));
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 3600 }, "429 without a Retry-After in the hour");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        using var fromElsewhere = await other.SendFeedbackAsync(unit.Code, Body(token, 9));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.Accepted, fromElsewhere.StatusCode);
        Assert.Equal(3, await app.WithDbAsync((db, _) => db.Feedback.CountAsync(f => f.UnitId == unit.Id)));
    }

    [Theory, DatabaseData]
    public async Task Submit_WithValidProofs_GetsTheNormalLimitAndAForgedProofCountsAsNone(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var proven = ClientFrom(app, NewAddress());
        var forger = ClientFrom(app, NewAddress());

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var (challenge, nonce) = await PublicClient.SolveAsync(proven);
            // As headers for some requests, as fields for the others: the API takes both.
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/units/{unit.Code}/feedback")
            {
                Content = new StringContent(
                    (i % 2 == 0 ? Body(token, i).With("challenge", challenge).With("nonce", nonce) : Body(token, i)).ToJsonString(),
                    System.Text.Encoding.UTF8, "application/json"),
            };
            if (i % 2 == 1)
            {
                request.Headers.Add("X-Feedback-Challenge", challenge);
                request.Headers.Add("X-Feedback-Nonce", nonce);
            }

            using var response = await proven.SendAsync(request);
            codes.Add(response.StatusCode);
        }

        var forged = new List<HttpStatusCode>();
        var (valid, validNonce) = await PublicClient.SolveAsync(forger);
        var tampered = valid[..^2] + (valid[^2] == 'A' ? "B" : "A") + valid[^1];
        for (var i = 0; i < 4; i++)
        {
            // A tampered challenge, then a replay of one solved proof: neither lifts the stricter limit.
            var body = i == 0 ? Body(token, i).With("challenge", tampered).With("nonce", validNonce) : Body(token, i).With("challenge", valid).With("nonce", validNonce);
            using var response = await forger.SendFeedbackAsync(unit.Code, body);
            forged.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 4), HttpStatusCode.TooManyRequests], codes);
        // The tampered proof counts as none (1 of 2 without proof), the valid one is accepted once (normal limit), its
        // replays count as none (2 of 2, then refused): were either taken for a proof, the fourth would pass too.
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], forged);
    }

    [Theory, DatabaseData]
    public async Task Submit_HoneypotFilled_AnswersAcceptedAndStoresNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var bot = ClientFrom(app, NewAddress());

        using var api = await bot.SendFeedbackAsync(unit.Code, Body(token, 1).With("website", "http://spam.example"));
        using var form = await bot.PostAsync($"/cong-khai/{unit.Code}/phan-anh", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["topic"] = "Khác", ["text"] = $"Quảng cáo rác {token}", ["website"] = "http://spam.example",
        }));
        var html = await form.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Accepted, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("data-testid=\"feedback-sent\"", html);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Feedback.CountAsync(f => f.UnitId == unit.Id)));
    }

    [Theory, DatabaseData]
    public async Task FormWithoutJavaScript_PastTheStricterLimit_Answers429PageWithRetryAfter(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var person = ClientFrom(app, NewAddress());

        var codes = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await person.PostAsync($"/cong-khai/{unit.Code}/phan-anh", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["topic"] = "Thái độ phục vụ", ["text"] = $"Gửi từ biểu mẫu không có JavaScript {token} {i}", ["contact"] = "", ["website"] = "",
            }));
            codes.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Contains("data-testid=\"feedback-limit\"", await last.Content.ReadAsStringAsync());
        last.Dispose();
    }
}
