using SuNghiep.Web.Cli;

namespace SuNghiep.Web.Tests.Cli;

/// <summary>
/// `sunghiep backup` and `sunghiep restore` run in-process against the provider's test database and a fresh one, with
/// the process environment pointing at each in turn (hence the collection that runs alone, as AdminVerbsTests).
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class BackupVerbsTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task BackupThenRestore_FreshDatabase_EveryTableHasTheSameRows(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        await app.CreateUserAsync("Viewer");
        var file = BackupPath(provider);
        await using var fresh = await TestDatabase.CreateAsync(provider);
        try
        {
            var (backupCode, backupOutput, backupError) = await RunAsync(app.Database, ["backup", "--out", file]);
            var (restoreCode, restoreOutput, restoreError) = await RunAsync(fresh, ["restore", file]);

            Assert.True(backupCode == 0, $"backup exit {backupCode}: {backupError}");
            Assert.StartsWith("Backed up", backupOutput, StringComparison.Ordinal);
            Assert.True(restoreCode == 0, $"restore exit {restoreCode}: {restoreError}");
            Assert.Contains("(it was empty)", restoreOutput, StringComparison.Ordinal);
            var source = await DatabaseFingerprint.ReadAsync(provider, app.Database.ConnectionString);
            var restored = await DatabaseFingerprint.ReadAsync(provider, fresh.ConnectionString);
            Assert.True(source.Count >= 25, $"only {source.Count} tables read");
            Assert.Contains(source, t => t.Name == "Units" && t.Rows > 500);
            Assert.Contains(source, t => t.Name == "AuditEntries" && t.Rows > 0);
            Assert.Contains(source, t => t.Name == "__EFMigrationsHistory" && t.Rows > 0);
            Assert.Equal(source, restored);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory, DatabaseData]
    public async Task Restore_DatabaseNotEmpty_RefusesWithoutForceAndReplacesItWithForce(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var first = BackupPath(provider);
        var second = BackupPath(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        try
        {
            Assert.Equal(0, (await RunAsync(app.Database, ["backup", "--out", first])).Code);
            Assert.Equal(0, (await RunAsync(target, ["restore", first])).Code);
            var before = await DatabaseFingerprint.ReadAsync(provider, target.ConnectionString);
            // The source changes after the first backup: a new account and its audit row.
            await app.CreateUserAsync("Viewer");
            Assert.Equal(0, (await RunAsync(app.Database, ["backup", "--out", second])).Code);

            var (refusedCode, _, refusedError) = await RunAsync(target, ["restore", second]);
            var afterRefusal = await DatabaseFingerprint.ReadAsync(provider, target.ConnectionString);
            var (forcedCode, forcedOutput, forcedError) = await RunAsync(target, ["restore", second, "--force"]);
            var afterForce = await DatabaseFingerprint.ReadAsync(provider, target.ConnectionString);
            var source = await DatabaseFingerprint.ReadAsync(provider, app.Database.ConnectionString);

            Assert.Equal(1, refusedCode);
            Assert.Contains("not empty", refusedError, StringComparison.Ordinal);
            Assert.Contains("--force", refusedError, StringComparison.Ordinal);
            Assert.Equal(before, afterRefusal);
            Assert.True(forcedCode == 0, $"restore --force exit {forcedCode}: {forcedError}");
            Assert.Contains("replacing its", forcedOutput, StringComparison.Ordinal);
            Assert.NotEqual(before.Single(t => t.Name == "AspNetUsers"), afterForce.Single(t => t.Name == "AspNetUsers"));
            Assert.Equal(source, afterForce);
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Theory, DatabaseData]
    public async Task BackupAndRestore_BadArguments_ReturnNonZeroWithMessage(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var existing = Path.Combine(Path.GetTempPath(), $"sunghiep-backup-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(existing, "không phải bản sao lưu");
        var other = provider == DatabaseProvider.Sqlite ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var otherKind = Path.Combine(Path.GetTempPath(), $"sunghiep-backup-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(otherKind, other == DatabaseProvider.Sqlite ? "SQLite format 3\0........"u8.ToArray() : "PGDMP........"u8.ToArray());
        try
        {
            var noOut = await RunAsync(app.Database, ["backup"]);
            var overwrite = await RunAsync(app.Database, ["backup", "--out", existing]);
            var notBackup = await RunAsync(app.Database, ["restore", existing]);
            var wrongKind = await RunAsync(app.Database, ["restore", otherKind]);
            var missing = await RunAsync(app.Database, ["restore", existing + ".none"]);

            Assert.Equal((2, "Usage: sunghiep backup --out FILE"), (noOut.Code, noOut.Error.Trim()));
            Assert.Equal(1, overwrite.Code);
            Assert.Contains("already exists", overwrite.Error, StringComparison.Ordinal);
            Assert.Equal("không phải bản sao lưu", await File.ReadAllTextAsync(existing));
            Assert.Equal(1, notBackup.Code);
            Assert.Contains("is not a backup", notBackup.Error, StringComparison.Ordinal);
            Assert.Equal(1, wrongKind.Code);
            Assert.Contains("but the configured database is", wrongKind.Error, StringComparison.Ordinal);
            Assert.Equal(1, missing.Code);
            Assert.Contains("There is no file", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(existing);
            File.Delete(otherKind);
        }
    }

    private static string BackupPath(DatabaseProvider provider) =>
        Path.Combine(Path.GetTempPath(), $"sunghiep-backup-{Guid.NewGuid():N}{(provider == DatabaseProvider.Sqlite ? ".db" : ".dump")}");

    /// <summary>Runs a verb with Database__Provider and ConnectionStrings__Default pointing at the given database.</summary>
    internal static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, string[] args)
    {
        var variables = new Dictionary<string, string?>
        {
            ["Database__Provider"] = database.ProviderSetting,
            ["ConnectionStrings__Default"] = database.ConnectionString,
        };
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        using var output = new StringWriter();
        using var error = new StringWriter();
        await AppHosts.BuildGate.WaitAsync();
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var code = await AdminVerbs.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            AppHosts.BuildGate.Release();
        }
    }
}
