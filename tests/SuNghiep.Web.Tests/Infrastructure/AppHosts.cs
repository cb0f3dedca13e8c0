using SuNghiep.Web.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(AppHosts))]

namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>
/// One host per provider, each on its own fresh database with the given settings, started on first use and disposed
/// (database dropped) at the end. A test class whose settings differ from the shared hosts' takes one as its fixture.
/// </summary>
public class OwnHosts(Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null) : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<SuNghiepApp>> _apps = [];
    private readonly Lock _lock = new();

    public Task<SuNghiepApp> GetAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = AppHosts.StartOwnAsync(provider, configure);
                _apps[provider] = app;
            }

            return app;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            if (app.IsCompletedSuccessfully)
            {
                await app.Result.DisposeAsync();
            }
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// One app host per provider for the whole test assembly, each on its own fresh database, started on first use and
/// disposed (database dropped) at the end. Every test makes uniquely named data, so they share the hosts safely and the
/// demo province is loaded once per provider rather than once per class.
/// </summary>
public sealed class AppHosts() : OwnHosts
{
    /// <summary>
    /// Hosts are built one at a time: the test host finds the app's host through a process-wide diagnostic listener,
    /// and two hosts built at once (or the CLI's own host) could be mistaken for each other.
    /// </summary>
    public static readonly SemaphoreSlim BuildGate = new(1, 1);

    /// <summary>A host of the caller's own, on its own database, with its own settings; the caller disposes it.</summary>
    public static async Task<SuNghiepApp> StartOwnAsync(DatabaseProvider provider, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        await BuildGate.WaitAsync();
        try
        {
            var database = await TestDatabase.CreateAsync(provider);
            var app = new SuNghiepApp(database, configure);
            try
            {
                // Starts the server: runs Program's entry point up to app.RunAsync, including WebApp.InitializeAsync.
                _ = app.Server;
                using var client = app.Client();
                using var health = await client.GetAsync("/healthz");
                health.EnsureSuccessStatusCode();
                return app;
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
        finally
        {
            BuildGate.Release();
        }
    }
}
