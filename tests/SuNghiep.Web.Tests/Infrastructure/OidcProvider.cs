using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>
/// A small OpenID Connect provider on loopback for the single sign-on tests: discovery, keys, an authorization endpoint
/// that signs in whoever <see cref="Person"/> names (or refuses when it names no one), and a token endpoint that checks
/// the client, the redirect address and PKCE before it issues an RS256 id_token.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "sunghiep-test";
    public const string ClientSecret = "oidc-test-secret";

    private static readonly string[] Code = ["code"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];
    private static readonly string[] S256 = ["S256"];

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, Grant> _grants = new();

    private OidcProvider(WebApplication app) => _app = app;

    public string Authority { get; private set; } = "";

    /// <summary>The claims of the person who signs in at the provider; null: the person refuses.</summary>
    public IDictionary<string, object>? Person { get; set; }

    public int TokensIssued { get; private set; }

    public static async Task<OidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new OidcProvider(app);
        provider.Map(app);
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().TrimEnd('/');
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["jwks_uri"] = $"{Authority}/jwks",
            ["response_types_supported"] = Code,
            ["subject_types_supported"] = Public,
            ["id_token_signing_alg_values_supported"] = Rs256,
            ["code_challenge_methods_supported"] = S256,
        }));

        app.MapGet("/jwks", () =>
        {
            var rsa = _key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) },
                },
            });
        });

        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            var redirect = q["redirect_uri"].ToString();
            if (q["client_id"] != ClientId || string.IsNullOrEmpty(redirect))
            {
                return Results.BadRequest("unknown client");
            }

            if (Person is null)
            {
                return Results.Redirect($"{redirect}?error=access_denied&state={Uri.EscapeDataString(q["state"].ToString())}");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _grants[code] = new Grant(new Dictionary<string, object>(Person), q["nonce"].ToString(), redirect, q["code_challenge"].ToString());
            return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || !_grants.TryRemove(form["code"].ToString(), out var grant)
                || form["redirect_uri"] != grant.RedirectUri
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var claims = new Dictionary<string, object>(grant.Claims) { ["nonce"] = grant.Nonce };
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                Claims = claims,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            TokensIssued++;
            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }

    private sealed record Grant(Dictionary<string, object> Claims, string Nonce, string RedirectUri, string CodeChallenge);
}
