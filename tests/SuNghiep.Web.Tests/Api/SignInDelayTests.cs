using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Api;

/// <summary>
/// Hosts whose clock stands still until a test moves it, and whose addresses get 2 free failures, so that the growing
/// wait of an address can be seen without sleeping. No demo province: these tests need none.
/// </summary>
public sealed class DelayHosts : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<(SuNghiepApp App, StillClock Clock)>> _apps = [];
    private readonly Lock _lock = new();

    public Task<(SuNghiepApp App, StillClock Clock)> GetAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = StartAsync(provider);
                _apps[provider] = app;
            }

            return app;
        }
    }

    private static async Task<(SuNghiepApp, StillClock)> StartAsync(DatabaseProvider provider)
    {
        var clock = new StillClock();
        var app = await AppHosts.StartOwnAsync(provider, builder =>
        {
            builder.UseSetting("Seed:Demo", "false");
            builder.UseSetting("Security:AddressFreeFailures", "2");
            builder.UseSetting("Security:AddressMaxDelaySeconds", "600");
            builder.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<IStartupFilter, PeerAddress>();
            });
        });
        return (app, clock);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            if (app.IsCompletedSuccessfully)
            {
                await app.Result.App.DisposeAsync();
            }
        }
    }

    public sealed class StillClock : TimeProvider
    {
        private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers["X-Test-Peer"].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return following(context);
            });
            next(app);
        };
    }
}

public sealed class SignInDelayTests(DelayHosts hosts) : IClassFixture<DelayHosts>
{
    [Theory, DatabaseData]
    public async Task SignIn_FailuresFromOneAddressBeyondTheAllowance_WaitGrowsAndOtherAddressesPass(DatabaseProvider provider)
    {
        var (app, clock) = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);
        var peer = $"198.51.100.{Random.Shared.Next(1, 255)}";
        using var attacker = app.Client();
        attacker.DefaultRequestHeaders.Add("X-Test-Peer", peer);

        // Each attempt on another e-mail, so that no address-and-account pair locks: only the address is slowed.
        async Task<HttpResponseMessage> GuessAsync() =>
            await attacker.LoginAsync($"doan.{Unique.Token()}@test.sunghiep.vn", "Sai-mat-khau-1");

        for (var free = 1; free <= 3; free++)
        {
            using var failed = await GuessAsync();
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        // The third failure was the first beyond the allowance: one second to wait.
        using var early = await GuessAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), early.Headers.RetryAfter?.Delta);
        Assert.Contains("từ địa chỉ này", await early.ProblemTitleAsync(), StringComparison.Ordinal);
        // The right password from this address waits too; from another address it passes.
        using var waiting = await attacker.LoginAsync(email, SuNghiepApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        using var elsewhere = app.Client();
        elsewhere.DefaultRequestHeaders.Add("X-Test-Peer", "192.0.2.10");
        using var owner = await elsewhere.LoginAsync(email, SuNghiepApp.Password);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);

        clock.Advance(TimeSpan.FromSeconds(1));
        using var fourth = await GuessAsync();
        using var later = await GuessAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, fourth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, later.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), later.Headers.RetryAfter?.Delta);
    }
}
