using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SuNghiep.Web.Tests.Faults;

/// <summary>
/// What a database must still hold after a crash, on either provider. The storage: SQLite's `PRAGMA integrity_check`
/// and `foreign_key_check`; on PostgreSQL, that the server answers and, where the test owns the cluster, amcheck's
/// `bt_index_check` on every B-tree index. The register's invariants, over the whole database: no unit has two open
/// versions; a unit has an open version exactly when it has not ended (voided units aside); every unit has a version;
/// every participant names an existing event and unit; every event has participants; and every audit row of an event
/// names an event that exists (an audit row committed without its event would be half a change).
/// </summary>
internal static class DatabaseIntegrity
{
    private static readonly (string What, string Sql)[] Invariants =
    [
        ("units with two open versions", """
            SELECT count(*) FROM (SELECT "UnitId" FROM "UnitVersions" WHERE "ValidTo" IS NULL GROUP BY "UnitId" HAVING count(*) > 1) t
            """),
        ("units whose end disagrees with their open version", """
            SELECT count(*) FROM "Units" u
            WHERE NOT u."Voided"
              AND (u."EndedOn" IS NULL) <> EXISTS (SELECT 1 FROM "UnitVersions" v WHERE v."UnitId" = u."Id" AND v."ValidTo" IS NULL)
            """),
        ("units without a version", """
            SELECT count(*) FROM "Units" u WHERE NOT EXISTS (SELECT 1 FROM "UnitVersions" v WHERE v."UnitId" = u."Id")
            """),
        ("participants without their event or unit", """
            SELECT count(*) FROM "ReorganizationParticipants" p
            WHERE NOT EXISTS (SELECT 1 FROM "Reorganizations" r WHERE r."Id" = p."ReorganizationId")
               OR NOT EXISTS (SELECT 1 FROM "Units" u WHERE u."Id" = p."UnitId")
            """),
        ("events without participants", """
            SELECT count(*) FROM "Reorganizations" r WHERE NOT EXISTS (SELECT 1 FROM "ReorganizationParticipants" p WHERE p."ReorganizationId" = r."Id")
            """),
        ("audit rows of events that do not exist", """
            SELECT count(*) FROM "AuditEntries" a
            WHERE a."EntityType" = 'Reorganization' AND a."EntityId" <> '*'
              AND NOT EXISTS (SELECT 1 FROM "Reorganizations" r WHERE CAST(r."Id" AS TEXT) = a."EntityId")
            """),
    ];

    public static async Task<DbConnection> OpenAsync(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Fails the test with what is broken; checkIndexes installs amcheck, so only on a cluster the test owns.</summary>
    public static async Task CheckAsync(DbConnection db, DatabaseProvider provider, bool checkIndexes = false)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("ok", await ScalarAsync<string>(db, "PRAGMA integrity_check"));
            Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM pragma_foreign_key_check"));
        }
        else
        {
            Assert.Equal(1, await ScalarAsync<int>(db, "SELECT 1"));
            if (checkIndexes)
            {
                await ExecuteAsync(db, "CREATE EXTENSION IF NOT EXISTS amcheck");
                var indexes = new List<string>();
                await using (var list = db.CreateCommand())
                {
                    list.CommandText = """
                        SELECT c.oid::regclass::text
                        FROM pg_index i
                        JOIN pg_class c ON c.oid = i.indexrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        JOIN pg_am a ON a.oid = c.relam
                        WHERE n.nspname = 'public' AND a.amname = 'btree' AND i.indisvalid
                        """;
                    await using var reader = await list.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        indexes.Add(reader.GetString(0));
                    }
                }

                // bt_index_check raises an error on a corrupt index, which fails the test with the index's name.
                foreach (var index in indexes)
                {
                    await ExecuteAsync(db, $"SELECT bt_index_check('{index.Replace("'", "''", StringComparison.Ordinal)}'::regclass)");
                }

                Assert.True(indexes.Count > 10, $"amcheck found {indexes.Count} indexes only");
            }
        }

        var broken = new List<string>();
        foreach (var (what, sql) in Invariants)
        {
            var n = await ScalarAsync<long>(db, sql);
            if (n > 0)
            {
                broken.Add($"{n} {what}");
            }
        }

        Assert.True(broken.Count == 0, string.Join("; ", broken));
    }

    public static async Task ExecuteAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is T typed ? typed : (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
