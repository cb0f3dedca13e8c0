using System.Diagnostics;

namespace SuNghiep.Web.Tests.Faults;

/// <summary>
/// A throw-away PostgreSQL 15 cluster of one test, in a temporary folder, on a free loopback port, that the test may stop
/// and start at will. As root the cluster belongs to the postgres account (initdb refuses root), as scripts/test.sh does.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private readonly DirectoryInfo _folder;
    private readonly int _port;

    private PostgresCluster(DirectoryInfo folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    /// <summary>A connection string to the cluster's postgres database, as SUNGHIEP_TEST_POSTGRES would give.</summary>
    public string Server => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

    private string Data => Path.Combine(_folder.FullName, "data");

    private string Log => Path.Combine(_folder.FullName, "server.log");

    public static async Task<PostgresCluster> StartAsync()
    {
        Assert.True(File.Exists(Path.Combine(Bin, "initdb")) && File.Exists(Path.Combine(Bin, "pg_ctl")),
            $"PostgreSQL 15 is not installed ({Bin}/initdb or pg_ctl is missing), so the restart test cannot run: install the "
            + "postgresql-15 package (scripts/test.sh does).");
        var folder = Directory.CreateTempSubdirectory("sunghiep-pg-restart-");
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres", folder.FullName], TimeSpan.FromSeconds(10));
        }

        var cluster = new PostgresCluster(folder, AppProcess.FreePort());
        try
        {
            await cluster.PgAsync($"'{Bin}/initdb' -D '{cluster.Data}' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N >'{folder.FullName}/initdb.log' 2>&1");
            await cluster.StartAgainAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server as a power cut would stop it: no checkpoint, the next start replays the WAL.</summary>
    public Task StopImmediatelyAsync() => PgAsync($"'{Bin}/pg_ctl' -D '{Data}' -m immediate -w -t 30 stop >/dev/null");

    /// <summary>
    /// Starts the server and waits until it accepts connections. Commits stay synchronous, so that a commit the server
    /// acknowledged survives the immediate stop; fsync is off, as nothing here crashes the operating system.
    /// </summary>
    public Task StartAgainAsync() => PgAsync(
        $"'{Bin}/pg_ctl' -D '{Data}' -l '{Log}' -w -t 60 -o '-h 127.0.0.1 -p {_port} -k {_folder.FullName} -c fsync=off -c full_page_writes=off' start >/dev/null");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            {
                await PgAsync($"'{Bin}/pg_ctl' -D '{Data}' -m immediate -w -t 30 stop >/dev/null 2>&1");
            }
        }
        finally
        {
            _folder.Delete(recursive: true);
        }
    }

    // Through sh, with the output in files: a pipe would stay open in the server that pg_ctl leaves running.
    private async Task PgAsync(string command)
    {
        try
        {
            await (Environment.IsPrivilegedProcess
                ? RunAsync("runuser", ["-u", "postgres", "--", "sh", "-c", command], TimeSpan.FromSeconds(90))
                : RunAsync("sh", ["-c", command], TimeSpan.FromSeconds(90)));
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            var logs = await Task.WhenAll(_folder.GetFiles("*.log").Select(async f => $"{f.Name}:\n{await File.ReadAllTextAsync(f.FullName)}"));
            throw new InvalidOperationException($"{e.Message}\n{string.Join("\n", logs)}", e);
        }
    }

    private static async Task RunAsync(string file, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with code {process.ExitCode}.");
        }
    }
}
