using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SuNghiep.Core.Oversight;

namespace SuNghiep.Web.Infrastructure;

/// <summary>The proof of work a client sends with feedback: the signed challenge it was given and the nonce it found.</summary>
public sealed record FeedbackProof(string? Challenge, string? Nonce);

/// <summary>The guard's verdict: accepted, or refused with the seconds to wait.</summary>
public sealed record FeedbackAdmission(bool Admitted, int RetryAfterSeconds, bool Proven);

/// <summary>
/// Spam resistance of the public feedback form and API, without outside services: a fixed window per client address
/// (the address EdgeSecurity resolves behind configured proxies), stricter for a request without a valid proof of work;
/// a proof is SHA-256(challenge ":" nonce) with the configured leading zero bits, over a challenge signed by Data
/// Protection with an expiry, each challenge good for one feedback.
/// </summary>
public sealed class FeedbackGuard : IDisposable
{
    private readonly ITimeLimitedDataProtector _protector;
    private readonly IMemoryCache _used;
    private readonly FeedbackOptions _options;
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _withoutProof;

    public FeedbackGuard(IDataProtectionProvider protection, IMemoryCache used, IOptions<FeedbackOptions> options)
    {
        _protector = protection.CreateProtector("SuNghiep.Feedback.Challenge").ToTimeLimitedDataProtector();
        _used = used;
        _options = options.Value;
        _perAddress = PerHour(Math.Max(1, _options.PerAddressPerHour));
        _withoutProof = PerHour(Math.Max(1, _options.WithoutProofPerAddressPerHour));
    }

    public int Bits => Math.Clamp(_options.ProofBits, 1, 32);

    private static PartitionedRateLimiter<string> PerHour(int permits) =>
        PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    /// <summary>A fresh challenge: random bytes sealed with an expiry, so that it cannot be forged or kept for later.</summary>
    public string NewChallenge() =>
        _protector.Protect(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), TimeSpan.FromMinutes(Math.Max(1, _options.ChallengeMinutes)));

    /// <summary>Whether the proof holds: the challenge is ours and unexpired, not used before, and the hash has the leading zero bits.</summary>
    public bool Verify(FeedbackProof proof)
    {
        if (proof.Challenge is not { Length: > 0 and <= 1000 } challenge || proof.Nonce is not { Length: > 0 and <= 64 } nonce)
        {
            return false;
        }

        try
        {
            _protector.Unprotect(challenge, out var expiration);
            if (!LeadingZeroBits(SHA256.HashData(Encoding.UTF8.GetBytes(challenge + ":" + nonce)), Bits))
            {
                return false;
            }

            // One feedback per challenge: a solved proof replayed counts as none.
            lock (_used)
            {
                if (_used.TryGetValue(challenge, out _))
                {
                    return false;
                }

                _used.Set(challenge, true, expiration);
            }

            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static bool LeadingZeroBits(ReadOnlySpan<byte> hash, int bits)
    {
        var whole = bits / 8;
        for (var i = 0; i < whole; i++)
        {
            if (hash[i] != 0)
            {
                return false;
            }
        }

        var rest = bits % 8;
        return rest == 0 || (hash[whole] >> (8 - rest)) == 0;
    }

    /// <summary>Takes a permit for the address: with a valid proof from the normal window, without one from the stricter window too.</summary>
    public FeedbackAdmission Admit(HttpContext context, FeedbackProof proof)
    {
        var address = EdgeSecurity.ClientAddress(context);
        var proven = Verify(proof);
        if (!proven)
        {
            using var strict = _withoutProof.AttemptAcquire(address);
            if (!strict.IsAcquired)
            {
                return new(false, RetryAfter(strict), proven);
            }
        }

        using var lease = _perAddress.AttemptAcquire(address);
        return lease.IsAcquired ? new(true, 0, proven) : new(false, RetryAfter(lease), proven);
    }

    private static int RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 3600;

    public static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _perAddress.Dispose();
        _withoutProof.Dispose();
    }
}
