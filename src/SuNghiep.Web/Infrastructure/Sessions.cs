using Microsoft.AspNetCore.Authentication;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography.X509Certificates;

namespace SuNghiep.Web.Infrastructure;

/// <summary>
/// How long a page session lasts: it ends after `Security:IdleMinutes` without a request (sliding) and, whatever the
/// activity, `Security:AbsoluteHours` after the password was given. Whether the account still admits it is checked on
/// every request by <see cref="CallerMiddleware"/>.
/// </summary>
public static class Sessions
{
    /// <summary>When the password was given for this session (Unix seconds), kept in the cookie across its renewals.</summary>
    public const string SignedInAtClaim = "sunghiep:signed_in_at";

    public static void Configure(CookieAuthenticationOptions o, IConfiguration config)
    {
        o.ExpireTimeSpan = TimeSpan.FromMinutes(config.GetValue("Security:IdleMinutes", 30.0));
        var absolute = TimeSpan.FromHours(config.GetValue("Security:AbsoluteHours", 12.0));
        o.Events.OnSigningIn = context =>
        {
            // Set once, when the password is given; the sliding renewals of the cookie carry it unchanged.
            if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInAtClaim))
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                identity.AddClaim(new Claim(SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
            }

            return Task.CompletedTask;
        };

        // Replaces Identity's security stamp validator, which looked at the stamp every few minutes: CallerMiddleware
        // checks it on every request.
        o.Events.OnValidatePrincipal = async context =>
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var signedIn = context.Principal?.FindFirst(SignedInAtClaim)?.Value is { } text
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : (DateTimeOffset?)null;
            if (signedIn is null || now - signedIn.Value > absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
            }
        };
    }

    /// <summary>
    /// Encrypts the data-protection keys stored in the database with the certificate at `DataProtection:CertificatePath`
    /// (a .pfx with its private key, `DataProtection:CertificatePassword`), when one is configured.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration config)
    {
        if (config["DataProtection:CertificatePath"] is not { Length: > 0 } path)
        {
            return builder;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath names a file that does not exist: {path}");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config["DataProtection:CertificatePassword"]);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The certificate {path} has no private key: the keys could be encrypted but never read back.");
        }

        return builder.ProtectKeysWithCertificate(certificate);
    }
}
