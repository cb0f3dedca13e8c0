using Microsoft.Data.Sqlite;
using Npgsql;

namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>A fresh, empty database for one app host: a temporary SQLite file or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SUNGHIEP_TEST_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresServer;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresServer, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresServer = postgresServer;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The value of Database:Provider that selects this database in the app.</summary>
    public string ProviderSetting => Provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite";

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"sunghiep-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString(), file, null, null);
        }

        // Never skip: a PostgreSQL case that cannot reach its server fails, so that a green run means both providers ran.
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL cases cannot run. Run the suite with `bash scripts/test.sh`, "
                + $"which starts a throw-away PostgreSQL 15, or set {PostgresVariable} to a server where this user may create databases, "
                + "e.g. \"Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres\".");
        }

        return await CreatePostgresAsync(server);
    }

    /// <summary>A new database on the given PostgreSQL server (a connection string to a database there that may create databases).</summary>
    public static async Task<TestDatabase> CreatePostgresAsync(string server)
    {
        var name = $"sunghiep_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, null, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm", _sqliteFile + "-journal" })
            {
                File.Delete(file);
            }
        }

        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
