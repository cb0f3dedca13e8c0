using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using SuNghiep.Core;
using SuNghiep.Core.Data;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record FeedbackAccepted(int Id, string? WithdrawUrl);

public sealed record FeedbackChallenge(string Challenge, int Bits);

/// <summary>The body of a citizen's feedback; the proof of work may come as fields or as the X-Feedback-Challenge and X-Feedback-Nonce headers.</summary>
public sealed record PublicFeedbackRequest(string Topic, string Text, string? Contact, bool? Consent, string? Challenge, string? Nonce, string? Website);

/// <summary>
/// The public register and citizens' feedback, without signing in: what the law makes public of a unit (the records of
/// <see cref="PublicRegister"/>), cacheable, and the feedback form's endpoint with its limits.
/// </summary>
public static class PublicApi
{
    public const string ChallengeHeader = "X-Feedback-Challenge";
    public const string NonceHeader = "X-Feedback-Nonce";
    public const string CacheControl = "public, max-age=300";

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/units", ListAsync).WithName("ListPublicUnits")
            .WithSummary("Units by name, code or commune (accent-insensitive), optionally in a province (areaCode); 20 a page. No sign-in.");
        group.MapGet("/units/{code}", GetAsync).WithName("GetPublicUnit")
            .WithSummary("What the law makes public of a unit: identity, place, managing agency, autonomy group, services with prices, quality, surveys, published feedback. No sign-in.");
        group.MapGet("/feedback-challenge", Challenge).WithName("GetFeedbackChallenge")
            .WithSummary("A signed proof-of-work challenge: find a nonce whose SHA-256(challenge \":\" nonce) has `bits` leading zero bits.");
        group.MapPost("/units/{code}/feedback", SubmitAsync).WithName("SubmitFeedback")
            .WithSummary("Send feedback on a unit (202). topic ≤ 100, text 10..4000, contact only with consent: true. With a valid proof of work (fields challenge and nonce, or headers X-Feedback-Challenge and X-Feedback-Nonce) the normal per-address limit applies; without, a stricter one; over it, 429 with Retry-After.")
            .DescribesBody<PublicFeedbackRequest>("application/json");
    }

    private static async Task<Results<Ok<PublicUnitList>, ValidationProblem, StatusCodeHttpResult>> ListAsync(
        HttpContext context, SuNghiepDbContext db, IMemoryCache cache, TimeProvider time, string? q, string? areaCode, string? page, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var number = Requests.Int(page, "page", errors) ?? 1;
        if (number < 1 || number > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (q?.Length > 200)
        {
            errors.Add(new("q", "Từ khóa tìm kiếm tối đa 200 ký tự."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var list = await SearchAsync(db, cache, time, q, areaCode, number, ct);
        return Cached(context, list) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(list);
    }

    internal static async Task<PublicUnitList> SearchAsync(
        SuNghiepDbContext db, IMemoryCache cache, TimeProvider time, string? q, string? areaCode, int page, CancellationToken ct)
    {
        var communes = await cache.GetOrCreateAsync("public-communes", e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return PublicRegister.CommuneNamesAsync(db, ct);
        }) ?? [];
        return await PublicRegister.SearchAsync(db, q, areaCode, communes, VietnamTime.Today(time), page, ct);
    }

    private static async Task<Results<Ok<PublicUnit>, ProblemHttpResult, StatusCodeHttpResult>> GetAsync(
        string code, HttpContext context, SuNghiepDbContext db, TimeProvider time, CancellationToken ct)
    {
        var unit = await PublicRegister.GetAsync(db, code, VietnamTime.Today(time), ct);
        if (unit is null)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        return Cached(context, unit) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(unit);
    }

    /// <summary>Sets the cache headers and a strong ETag over the JSON; true when the client's copy is current (304).</summary>
    private static bool Cached<T>(HttpContext context, T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, context.RequestServices
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(json), 0, 16).ToLowerInvariant() + "\"";
        context.Response.Headers.CacheControl = CacheControl;
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"));
    }

    private static Ok<FeedbackChallenge> Challenge(FeedbackGuard guard) => TypedResults.Ok(new FeedbackChallenge(guard.NewChallenge(), guard.Bits));

    private static async Task<IResult> SubmitAsync(
        string code, [FromBody] JsonElement body, HttpContext context, FeedbackService service, FeedbackGuard guard, CancellationToken ct)
    {
        var f = new JsonFields(body);
        if (!f.IsObject)
        {
            return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
        }

        var input = new FeedbackInput(f.String("topic"), f.String("text"), f.String("contact"), f.Bool("consent") ?? false);
        var proof = new FeedbackProof(
            f.String("challenge") ?? context.Request.Headers[ChallengeHeader].FirstOrDefault(),
            f.String("nonce") ?? context.Request.Headers[NonceHeader].FirstOrDefault());
        var honeypot = f.String("website");
        var errors = f.Errors.Concat(FeedbackService.Validate(input)).DistinctBy(e => e.Field).ToList();
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await service.UnitIdAsync(code, ct) is null)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        var admission = guard.Admit(context, proof);
        if (!admission.Admitted)
        {
            return TooMany(context, admission.RetryAfterSeconds);
        }

        if (!string.IsNullOrEmpty(honeypot))
        {
            // A bot filled the field people never see: it is told what a person is told, and nothing is stored.
            return TypedResults.Accepted((string?)null, new FeedbackAccepted(RandomNumberGenerator.GetInt32(1_000, 1_000_000), null));
        }

        var (receipt, invalid, notFound) = await service.SubmitAsync(code, input, ct);
        if (notFound)
        {
            return Problems.NotFound("Không tìm thấy đơn vị.");
        }

        return receipt is null
            ? Problems.Invalid(invalid)
            : TypedResults.Accepted((string?)null, new FeedbackAccepted(receipt.Id, WithdrawUrl(receipt.WithdrawToken)));
    }

    public static string? WithdrawUrl(string? token) => token is null ? null : "/cong-khai/rut-dong-y/" + token;

    public static IResult TooMany(HttpContext context, int seconds)
    {
        context.Response.Headers.RetryAfter = FeedbackGuard.Seconds(seconds);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Quá nhiều phản ánh",
            detail: $"Địa chỉ này đã gửi đủ số phản ánh cho phép trong một giờ; vui lòng thử lại sau {seconds} giây.");
    }
}
