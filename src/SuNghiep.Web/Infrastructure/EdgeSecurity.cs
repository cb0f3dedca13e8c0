using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SuNghiep.Web.Infrastructure;

/// <summary>
/// What every answer carries and what every request goes through before the app: the client's real address behind
/// configured proxies, the security headers, and the rate limits on sign-in and on the API.
/// </summary>
public static class EdgeSecurity
{
    /// <summary>Scripts only from the site's own files; inline style attributes stay allowed (they run no code).</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string AccountItem = "SuNghiep.SignInAccount";
    private const int MaxSignInBody = 16 * 1024;

    public static void AddEdgeSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only the configured load balancers are trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in KnownProxies(config))
            {
                o.KnownProxies.Add(proxy);
            }
        });

        services.AddRateLimiter(o =>
        {
            var signInPerAddress = config.GetValue("RateLimits:SignInPerMinute", 120);
            var signInPerAccount = config.GetValue("RateLimits:SignInPerAccountPerMinute", 10);
            var apiPerCaller = config.GetValue("RateLimits:ApiPerMinute", 3000);
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => IsSignIn(c)
                    ? PerMinute("sign-in address " + ClientAddress(c), signInPerAddress)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(c => IsSignIn(c)
                    ? PerMinute("sign-in account " + (c.Items[AccountItem] as string ?? ""), signInPerAccount)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(c => c.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetTokenBucketLimiter(ApiCaller(c), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = apiPerCaller,
                        TokensPerPeriod = Math.Max(1, apiPerCaller / 60),
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("")));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });
    }

    /// <summary>Before authentication: the real client behind a configured proxy, and the headers on every answer.</summary>
    public static void UseEdgeSecurity(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Count > 0)
        {
            // Without a configured proxy the middleware is not used: with an empty list it would trust any sender.
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
    }

    /// <summary>After authentication, so that the API is limited per account and sign-in per typed e-mail.</summary>
    public static void UseRateLimits(this WebApplication app)
    {
        app.UseMiddleware<SignInAccountReader>();
        app.UseRateLimiter();
    }

    /// <summary>The client's address as counted by the limits: an IPv6 client by its /64, which one machine usually holds whole.</summary>
    public static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    /// <summary>`ForwardedHeaders:KnownProxies`: a list, or one string of addresses separated by commas or spaces.</summary>
    internal static List<IPAddress> KnownProxies(IConfiguration config)
    {
        var section = config.GetSection("ForwardedHeaders:KnownProxies");
        var texts = section.Value is { } single
            ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Cast<string>().ToArray();
        return texts.Select(t => IPAddress.TryParse(t, out var ip)
            ? ip
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{t}\" is not an IP address.")).ToList();
    }

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.Request.Path.Equals("/api/v1/auth/login", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase));

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    // A token is checked before this runs: a forged one is anonymous and counts against its address.
    private static string ApiCaller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? "api account " + id
            : "api address " + ClientAddress(context);

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
            ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // Pages: the status page, re-executed by the status code middleware, says it in Vietnamese.
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Quá nhiều yêu cầu",
                Detail = $"Đã vượt giới hạn số yêu cầu trong một phút; vui lòng thử lại sau {seconds} giây.",
            },
        });
    }

    /// <summary>Reads the typed e-mail of a sign-in before the rate limiter, which partitions on it and cannot read a body itself.</summary>
    private sealed class SignInAccountReader(RequestDelegate next)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            if (IsSignIn(context))
            {
                context.Items[AccountItem] = (await TypedEmailAsync(context.Request))?.Trim().ToUpperInvariant() ?? "";
            }

            await next(context);
        }

        private static async Task<string?> TypedEmailAsync(HttpRequest request)
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return form["Input.Email"].ToString();
            }

            // The API's JSON body is read and rewound for the endpoint; a body too long for a sign-in shares one bucket.
            request.EnableBuffering(MaxSignInBody + 1);
            var buffer = new byte[MaxSignInBody + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
            }

            request.Body.Position = 0;
            if (length > MaxSignInBody)
            {
                return "\0oversized";
            }

            try
            {
                using var json = JsonDocument.Parse(buffer.AsMemory(0, length));
                return json.RootElement.ValueKind == JsonValueKind.Object
                    ? json.RootElement.EnumerateObject()
                        .FirstOrDefault(p => p.Name.Equals("email", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                        .Value is { ValueKind: JsonValueKind.String } email ? email.GetString() : null
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    private sealed class SecurityHeadersMiddleware(RequestDelegate next)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.ContentSecurityPolicy = PagePolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // The public register's reads say "public" themselves (nothing in them is anyone's secret); all else is no-store.
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    && !headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
                    && !(context.Request.Path.StartsWithSegments("/api/v1/public", StringComparison.OrdinalIgnoreCase)
                         && headers.CacheControl.ToString().StartsWith("public", StringComparison.OrdinalIgnoreCase)))
                {
                    headers.CacheControl = "no-store";
                }

                // Over HTTPS only (behind a proxy: as told by a trusted X-Forwarded-Proto); never for a developer's loopback.
                if (context.Request.IsHttps && !IsLoopbackHost(context.Request.Host.Host))
                {
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }

                return Task.CompletedTask;
            });

            await next(context);
        }

        private static bool IsLoopbackHost(string host) =>
            host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}

/// <summary>What the sign-in page and the API say when a sign-in is refused: the same words for a known and an unknown e-mail.</summary>
public static class SignInMessages
{
    public static string For(Core.Accounts.SignInOutcome outcome) => outcome.Status switch
    {
        Core.Accounts.SignInStatus.Locked => "Tài khoản đang tạm khóa do đăng nhập sai nhiều lần; vui lòng thử lại sau.",
        Core.Accounts.SignInStatus.Delayed => $"Đăng nhập sai nhiều lần từ địa chỉ này; vui lòng đợi {Seconds(outcome.RetryAfter)} giây rồi thử lại.",
        Core.Accounts.SignInStatus.Disabled => "Tài khoản đã bị khóa; vui lòng liên hệ quản trị viên.",
        _ => "Email hoặc mật khẩu không đúng.",
    };

    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
