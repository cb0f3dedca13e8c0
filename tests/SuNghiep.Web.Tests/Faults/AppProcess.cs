using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace SuNghiep.Web.Tests.Faults;

/// <summary>
/// The build of the web app that the test project copies beside itself, started as `dotnet sunghiep.dll` on a given
/// database, so that a test can kill it as an operator's machine would.
/// </summary>
internal sealed record AppProcess(Process Process, Uri Address) : IDisposable
{
    // A first start migrates and loads the reference data; with the rest of the suite on the same two cores that has
    // taken most of a minute and a half.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    public static async Task<AppProcess> StartAsync(string folder, DatabaseProvider provider, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var port = FreePort();
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "sunghiep.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Reminders__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The administrator signs in at every start of every case, on a database the other tests share.
        start.Environment["RateLimits__SignInPerMinute"] = "100000";
        start.Environment["RateLimits__SignInPerAccountPerMinute"] = "100000";
        start.Environment["Security__AddressFreeFailures"] = "100000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            Assert.False(process.HasExited, $"The app stopped with exit code {(process.HasExited ? process.ExitCode : 0)} before answering.");
            try
            {
                using var health = await probe.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        app.Dispose();
        throw new TimeoutException($"The app did not answer /healthz within {StartTimeout.TotalSeconds} s.");
    }

    /// <summary>SIGKILL: no shutdown code runs, open transactions are cut where they stand.</summary>
    public async Task KillAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
    }

    /// <summary>A client signed in as the administrator of the test hosts.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = SuNghiepApp.AdminEmail, password = SuNghiepApp.AdminPassword });
        Assert.True(response.IsSuccessStatusCode, $"Sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
