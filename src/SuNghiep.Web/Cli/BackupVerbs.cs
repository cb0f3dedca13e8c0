using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SuNghiep.Core.Data;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Cli;

/// <summary>
/// `sunghiep backup --out FILE` and `sunghiep restore FILE [--force]` for the configured database: SQLite through its
/// online backup API (a consistent copy while the app runs), PostgreSQL through pg_dump's custom format and pg_restore.
/// Attachments live in the database, so the file holds everything.
/// </summary>
internal static class BackupVerbs
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PostgresHeader = "PGDMP"u8.ToArray();

    public static async Task<int> BackupAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["--out", var file] || string.IsNullOrWhiteSpace(file))
        {
            await error.WriteLineAsync("Usage: sunghiep backup --out FILE");
            return 2;
        }

        file = Path.GetFullPath(file);
        if (File.Exists(file))
        {
            await error.WriteLineAsync($"{file} already exists: a backup never overwrites a file. Choose another name.");
            return 1;
        }

        if (Path.GetDirectoryName(file) is { } folder && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"The folder {folder} does not exist.");
            return 1;
        }

        var (isSqlite, connection) = await ConfiguredDatabaseAsync();
        // Written beside the target and moved into place, so that a failed backup leaves no half-written file under its name.
        var partial = $"{file}.partial-{Guid.NewGuid():N}";
        try
        {
            string described;
            if (isSqlite)
            {
                var source = new SqliteConnectionStringBuilder(connection) { Pooling = false, Mode = SqliteOpenMode.ReadOnly };
                if (!File.Exists(source.DataSource))
                {
                    await error.WriteLineAsync($"There is no SQLite database at {source.DataSource}.");
                    return 1;
                }

                await using (var from = new SqliteConnection(source.ToString()))
                await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
                {
                    await from.OpenAsync();
                    await to.OpenAsync();
                    from.BackupDatabase(to);
                    if (await SqliteProblemAsync(to) is { } problem)
                    {
                        await error.WriteLineAsync($"The copy failed its integrity check: {problem}");
                        return 1;
                    }

                    described = $"the SQLite database {source.DataSource} ({await SqliteTableCountAsync(to)} tables)";
                }
            }
            else
            {
                if (FindTool("pg_dump") is not { } pgDump)
                {
                    await error.WriteLineAsync(MissingTool("pg_dump"));
                    return 1;
                }

                var target = new NpgsqlConnectionStringBuilder(connection);
                var (code, stderr) = await RunAsync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], target);
                if (code != 0)
                {
                    await error.WriteLineAsync($"pg_dump failed (exit {code}): {stderr.Trim()}");
                    return 1;
                }

                described = $"the PostgreSQL database {target.Database} on {target.Host}:{target.Port} ({await PostgresTableCountAsync(connection)} tables)";
            }

            File.Move(partial, file);
            await output.WriteLineAsync($"Backed up {described} to {file} ({new FileInfo(file).Length:N0} bytes).");
            return 0;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static async Task<int> RestoreAsync(string[] args, TextWriter output, TextWriter error)
    {
        var force = args.Contains("--force");
        var rest = args.Where(a => a != "--force").ToArray();
        if (rest is not [var file] || file.StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Usage: sunghiep restore FILE [--force]");
            return 2;
        }

        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"There is no file {file}.");
            return 1;
        }

        var (isSqlite, connection) = await ConfiguredDatabaseAsync();
        var kind = await KindOfAsync(file);
        if (kind != (isSqlite ? "SQLite" : "PostgreSQL"))
        {
            await error.WriteLineAsync(kind is null
                ? $"{file} is not a backup made by 'sunghiep backup' (neither a SQLite database nor a pg_dump archive)."
                : $"{file} is a {kind} backup, but the configured database is {(isSqlite ? "SQLite" : "PostgreSQL")} (Database__Provider).");
            return 1;
        }

        return isSqlite
            ? await RestoreSqliteAsync(file, connection, force, output, error)
            : await RestorePostgresAsync(file, connection, force, output, error);
    }

    private static async Task<int> RestoreSqliteAsync(string file, string connection, bool force, TextWriter output, TextWriter error)
    {
        var target = new SqliteConnectionStringBuilder(connection) { Pooling = false };
        await using var to = new SqliteConnection(target.ToString());
        await to.OpenAsync();
        var before = await SqliteTableCountAsync(to);
        if (before > 0 && !force)
        {
            await error.WriteLineAsync(NotEmpty($"The SQLite database {target.DataSource}", before));
            return 1;
        }

        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await from.OpenAsync();
            if (await SqliteProblemAsync(from) is { } problem)
            {
                await error.WriteLineAsync($"{file} fails its integrity check ({problem}); nothing was restored.");
                return 1;
            }

            try
            {
                // Page by page into the target, in one step: the target is replaced whole or left as it was.
                from.BackupDatabase(to);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
            {
                await error.WriteLineAsync($"The SQLite database {target.DataSource} is in use (stop the app first); nothing was restored.");
                return 1;
            }
        }

        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync(
            $"Restored {file} into the SQLite database {target.DataSource}{Replaced(before)}: {await SqliteTableCountAsync(to)} tables.");
        return 0;
    }

    private static async Task<int> RestorePostgresAsync(string file, string connection, bool force, TextWriter output, TextWriter error)
    {
        if (FindTool("pg_restore") is not { } pgRestore || FindTool("psql") is not { } psql)
        {
            await error.WriteLineAsync(MissingTool(FindTool("pg_restore") is null ? "pg_restore" : "psql"));
            return 1;
        }

        var target = new NpgsqlConnectionStringBuilder(connection);
        var name = $"PostgreSQL database {target.Database} on {target.Host}:{target.Port}";
        int before;
        try
        {
            before = await PostgresTableCountAsync(connection);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await error.WriteLineAsync($"The {name} does not exist: create it first (createdb), then restore into it.");
            return 1;
        }

        if (before > 0 && !force)
        {
            await error.WriteLineAsync(NotEmpty($"The {name}", before));
            return 1;
        }

        // pg_restore writes the archive as SQL and psql runs it in one transaction after emptying the schema, so that a
        // failed restore leaves the database as it was.
        var restore = Start(pgRestore, ["--no-owner", "--no-privileges", "--file", "-", file], target);
        var run = Start(psql, ["--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction"], target);
        var restoreErrors = restore.StandardError.ReadToEndAsync();
        var runErrors = run.StandardError.ReadToEndAsync();
        var runOutput = run.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        try
        {
            if (before > 0)
            {
                await run.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes("DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n"));
            }

            await restore.StandardOutput.BaseStream.CopyToAsync(run.StandardInput.BaseStream);
        }
        catch (IOException)
        {
            // psql stopped at the first error; its message follows.
        }
        finally
        {
            run.StandardInput.Close();
        }

        await Task.WhenAll(restore.WaitForExitAsync(), run.WaitForExitAsync(), runOutput);
        if (restore.ExitCode != 0 || run.ExitCode != 0)
        {
            var messages = $"{(await restoreErrors).Trim()}\n{(await runErrors).Trim()}".Trim();
            await error.WriteLineAsync($"The restore failed and was rolled back; the {name} is as it was. {messages}");
            return 1;
        }

        NpgsqlConnection.ClearAllPools();
        await output.WriteLineAsync($"Restored {file} into the {name}{Replaced(before)}: {await PostgresTableCountAsync(connection)} tables.");
        return 0;
    }

    private static async Task<(bool IsSqlite, string Connection)> ConfiguredDatabaseAsync()
    {
        await using var app = WebApp.Build([]);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        return (db.Database.IsSqlite(), db.Database.GetConnectionString()!);
    }

    private static string NotEmpty(string database, int tables) =>
        $"{database} is not empty ({tables} tables); nothing was restored. Stop the app and run again with --force to replace it with the backup.";

    private static string Replaced(int tables) => tables > 0 ? $", replacing its {tables} tables" : " (it was empty)";

    private static string MissingTool(string tool) =>
        $"{tool} was not found on PATH nor in /usr/lib/postgresql/*/bin. Install the PostgreSQL client tools "
        + "(Debian: apt-get install postgresql-client-15), of the server's major version or newer.";

    private static async Task<string?> KindOfAsync(string file)
    {
        var head = new byte[SqliteHeader.Length];
        await using var stream = File.OpenRead(file);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        return read == head.Length && head.AsSpan().SequenceEqual(SqliteHeader) ? "SQLite"
            : read >= PostgresHeader.Length && head.AsSpan(0, PostgresHeader.Length).SequenceEqual(PostgresHeader) ? "PostgreSQL"
            : null;
    }

    private static async Task<string?> SqliteProblemAsync(SqliteConnection connection)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check";
        var result = (string?)await check.ExecuteScalarAsync();
        return result == "ok" ? null : result;
    }

    private static async Task<int> SqliteTableCountAsync(SqliteConnection connection)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
        return Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> PostgresTableCountAsync(string connection)
    {
        await using var open = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ToString());
        await open.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", open);
        return Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The tool on PATH, or in the newest PostgreSQL installed under /usr/lib/postgresql (Debian's layout).</summary>
    internal static string? FindTool(string name)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name));
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin", name))
            : [];
        return onPath.Concat(installed).FirstOrDefault(File.Exists);
    }

    private static async Task<(int Code, string Error)> RunAsync(string tool, string[] args, NpgsqlConnectionStringBuilder target)
    {
        using var process = Start(tool, args, target);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        await process.WaitForExitAsync();
        return (process.ExitCode, await stderr);
    }

    // The connection goes through libpq's environment variables, so that the password never shows in a process list.
    private static Process Start(string tool, string[] args, NpgsqlConnectionStringBuilder target)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        void Set(string variable, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                start.Environment[variable] = value;
            }
        }

        Set("PGHOST", target.Host);
        Set("PGPORT", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("PGDATABASE", target.Database);
        Set("PGUSER", target.Username);
        Set("PGPASSWORD", target.Password);
        Set("PGSSLMODE", target.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => null,
        });
        return Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
    }
}
