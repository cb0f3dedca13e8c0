using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SuNghiep.Core.Data;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Streams rows whose keys the caller assigned into their tables, in the load's transaction: binary COPY on PostgreSQL,
/// prepared multi-row INSERTs on SQLite. Columns, names and value conversions come from the EF model, as in
/// <see cref="BulkInsert"/>, but keys are written too, so that rows of later tables can point at them without reading
/// anything back, and the rows are never all in memory at once.
/// </summary>
internal sealed class BulkCopy(SuNghiepDbContext db, Action<long>? written = null)
{
    private const int SqliteRows = 5;

    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    public async Task<int> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A bulk copy runs inside the load's transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null)
            .Select(p => new Column(p, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.PropertyInfo!, p.GetColumnName(table)!))
            .ToList();
        var name = _sql.DelimitIdentifier(table.Name, table.Schema);
        var list = string.Join(", ", columns.Select(c => _sql.DelimitIdentifier(c.Name)));
        return db.Database.IsNpgsql()
            ? await CopyAsync(rows, $"COPY {name} ({list}) FROM STDIN (FORMAT BINARY)", columns, ct)
            : await InsertAsync(rows, $"INSERT INTO {name} ({list}) VALUES ", columns, transaction.GetDbTransaction(), ct);
    }

    /// <summary>Moves the identity sequences of PostgreSQL past the keys written, so that the app's next rows get fresh ones.</summary>
    public async Task ResetSequencesAsync(IEnumerable<Type> types, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite's AUTOINCREMENT keeps the largest key written in sqlite_sequence by itself.
            return;
        }

        foreach (var type in types)
        {
            var entity = db.Model.FindEntityType(type)!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!;
            var quoted = _sql.DelimitIdentifier(table.Name, table.Schema);
            // Table and column names come from the model, not from input.
#pragma warning disable EF1002, EF1003
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('{quoted.Replace("'", "''", StringComparison.Ordinal)}', '{key}'), " +
                $"COALESCE((SELECT MAX({_sql.DelimitIdentifier(key)}) FROM {quoted}), 0) + 1, false)", ct);
#pragma warning restore EF1002, EF1003
        }
    }

    private async Task<int> CopyAsync<T>(IEnumerable<T> rows, string copy, List<Column> columns, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var types = columns.Select(c => PostgresType(c)).ToArray();
        var count = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(copy, ct))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = columns[c].Value(row!);
                    if (value is null)
                    {
                        await writer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await writer.WriteAsync(value, types[c], ct);
                    }
                }

                count++;
                Tick();
            }

            await writer.CompleteAsync(ct);
        }

        Flush();
        return count;
    }

    private async Task<int> InsertAsync<T>(IEnumerable<T> rows, string head, List<Column> columns, DbTransaction transaction, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        DbCommand? full = null;
        var count = 0;
        var batch = new List<T>(SqliteRows);
        try
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count == SqliteRows)
                {
                    full ??= await PrepareAsync(connection, transaction, head, columns, SqliteRows, ct);
                    await ExecuteAsync(full, batch, columns, ct);
                    batch.Clear();
                }

                count++;
                Tick();
            }

            if (batch.Count > 0)
            {
                await using var rest = await PrepareAsync(connection, transaction, head, columns, batch.Count, ct);
                await ExecuteAsync(rest, batch, columns, ct);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        Flush();
        return count;
    }

    private async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string head, List<Column> columns, int rows, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new System.Text.StringBuilder(head);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"p{r * columns.Count + c}";
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, nullable: true));
                text.Append(c == 0 ? "" : ", ").Append(_sql.GenerateParameterNamePlaceholder(name));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        await command.PrepareAsync(ct);
        return command;
    }

    private static async Task ExecuteAsync<T>(DbCommand command, List<T> batch, List<Column> columns, CancellationToken ct)
    {
        for (var r = 0; r < batch.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                command.Parameters[r * columns.Count + c].Value = columns[c].Value(batch[r]!) ?? DBNull.Value;
            }
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    // Progress is reported every few thousand rows: often enough for a bar, rarely enough to cost nothing.
    private long _unreported;

    private void Tick()
    {
        if (++_unreported == 5_000)
        {
            written?.Invoke(_unreported);
            _unreported = 0;
        }
    }

    private void Flush()
    {
        if (_unreported > 0)
        {
            written?.Invoke(_unreported);
            _unreported = 0;
        }
    }

    private static NpgsqlDbType PostgresType(Column column)
    {
        var type = column.Mapping.Converter?.ProviderClrType ?? column.Property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(int) => NpgsqlDbType.Integer,
            _ when type == typeof(long) => NpgsqlDbType.Bigint,
            _ when type == typeof(short) => NpgsqlDbType.Smallint,
            _ when type == typeof(string) => NpgsqlDbType.Text,
            _ when type == typeof(bool) => NpgsqlDbType.Boolean,
            _ when type == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when type == typeof(double) => NpgsqlDbType.Double,
            _ when type == typeof(DateOnly) => NpgsqlDbType.Date,
            _ when type == typeof(DateTime) => NpgsqlDbType.TimestampTz,
            _ when type == typeof(Guid) => NpgsqlDbType.Uuid,
            _ => throw new NotSupportedException($"{column.Property.DeclaringType.DisplayName()}.{column.Property.Name}: {type.Name} is not copied."),
        };
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, System.Reflection.PropertyInfo Getter, string Name)
    {
        /// <summary>The value as the provider stores it (enums as numbers, times in UTC), or null.</summary>
        public object? Value(object row)
        {
            var value = Getter.GetValue(row);
            return value is null ? null : Mapping.Converter?.ConvertToProvider(value) ?? value;
        }
    }
}
