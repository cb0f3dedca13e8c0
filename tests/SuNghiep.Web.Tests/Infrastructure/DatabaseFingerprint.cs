using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>
/// Every table of a database (read from its catalog, so that tables outside the EF model count too) with its row count
/// and a SHA-256 of its rows read in primary-key order: two databases with equal fingerprints hold the same data.
/// </summary>
public static class DatabaseFingerprint
{
    public sealed record Table(string Name, long Rows, string Hash);

    public static async Task<IReadOnlyList<Table>> ReadAsync(DatabaseProvider provider, string connectionString)
    {
        await using DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<Table>();
        foreach (var (name, key) in await TablesAsync(provider, connection))
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT * FROM \"{name}\" ORDER BY {string.Join(", ", key.Select(k => $"\"{k}\""))}";
            await using var reader = await read.ExecuteReaderAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(Text(reader.GetValue(i)) + "\u001f"));
                }

                hash.AppendData("\u001e"u8);
            }

            tables.Add(new Table(name, rows, Convert.ToHexString(hash.GetHashAndReset())));
        }

        return tables;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "\u2400",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Each table with its primary key's columns in key order (all its columns when it has none).
    private static async Task<List<(string Name, List<string> Key)>> TablesAsync(DatabaseProvider provider, DbConnection connection)
    {
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new List<(string, List<string>)>();
        foreach (var name in names)
        {
            var columns = new List<(string Column, int KeyOrder)>();
            await using var describe = connection.CreateCommand();
            describe.CommandText = provider == DatabaseProvider.Sqlite
                ? $"SELECT name, pk FROM pragma_table_info('{name}') ORDER BY cid"
                : $"""
                   SELECT c.column_name, coalesce(k.ordinal_position, 0)::int
                   FROM information_schema.columns c
                   LEFT JOIN information_schema.table_constraints t
                     ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.constraint_type = 'PRIMARY KEY'
                   LEFT JOIN information_schema.key_column_usage k
                     ON k.constraint_name = t.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name
                   WHERE c.table_schema = 'public' AND c.table_name = '{name}'
                   ORDER BY c.ordinal_position
                   """;
            await using var reader = await describe.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
            }

            var key = columns.Where(c => c.KeyOrder > 0).OrderBy(c => c.KeyOrder).Select(c => c.Column).ToList();
            tables.Add((name, key.Count > 0 ? key : columns.Select(c => c.Column).ToList()));
        }

        return tables;
    }
}
