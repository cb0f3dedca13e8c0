using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Faults;

/// <summary>
/// The app as a real process, killed (SIGKILL) while it records a merger or imports an .xlsx of mergers, then started
/// again: the database passes the integrity check of <see cref="DatabaseIntegrity"/> and holds the whole change (events,
/// participants, ended units, audit rows) or nothing of it. On SQLite the process runs on a copy of the test database;
/// on PostgreSQL on the test database itself, beside the other tests.
/// </summary>
public sealed class KillTests(AppHosts hosts)
{
    // The import template's columns, A to S (see ImportTests); a merger row fills A-F and G.
    private static readonly string[] Headers =
    [
        "Loại sắp xếp", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Ngày hiệu lực", "Mã đơn vị nguồn",
        "Mã đơn vị tiếp tục", "Mã cơ quan quản lý mới", "Tên mới", "Mã địa bàn mới", "Mã đơn vị mới", "Tên đơn vị mới",
        "Lĩnh vực", "Loại đơn vị", "Cấp", "Mã địa bàn", "Mã cơ quan quản lý", "Nhóm tự chủ", "Ghi chú",
    ];

    // Enough rows that the import writes for about a second, so that a kill lands in the middle of the writes.
    private const int ImportedMergers = 60;

    // Milliseconds between the request and the kill; -1 kills after the answer, when the whole change must be there.
    public static TheoryData<int> ImportDelays => new() { -1, 300, 1000 };

    public static TheoryData<int> MergerDelays => new() { -1, 0, 30, 120 };

    [Theory, DatabaseData(nameof(ImportDelays))]
    public async Task Import_ProcessKilledMidway_DatabaseIntactAndImportWholeOrAbsent(DatabaseProvider provider, int killAfterMs)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var pairs = new List<(UnitResponse Ended, UnitResponse Continuing)>();
        for (var i = 0; i < ImportedMergers; i++)
        {
            pairs.Add((await s.UnitAsync($"E{i}"), await s.UnitAsync($"K{i}")));
        }

        var rows = pairs.Select((p, i) =>
        {
            var row = Headers.ToDictionary(h => h, _ => (object?)null);
            (row[Headers[0]], row[Headers[1]], row[Headers[2]], row[Headers[3]], row[Headers[4]], row[Headers[5]], row[Headers[6]]) =
                ("merger", $"{i + 1}/QĐ-{s.Token}", "01/01/2019", HistoryClient.Issuer, "01/03/2019", p.Ended.Code, p.Continuing.Code);
            return row;
        }).ToList();
        using var xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, rows);

        await KillAndCheckAsync(s.App, killAfterMs, client =>
        {
            var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(xlsx.ToArray());
            content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(content, "file", "sap-xep.xlsx");
            return client.PostAsync("/api/v1/reorganizations/import", form);
        }, HttpStatusCode.OK, Mergers(s.Token, ImportedMergers, [.. pairs.Select(p => p.Ended.Id)]));
    }

    [Theory, DatabaseData(nameof(MergerDelays))]
    public async Task Merger_ProcessKilledMidway_DatabaseIntactAndMergerWholeOrAbsent(DatabaseProvider provider, int killAfterMs)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (main, a, b) = (await s.UnitAsync("C"), await s.UnitAsync("A"), await s.UnitAsync("B"));
        var body = HistoryClient.Event("merger", new DateOnly(2018, 5, 1), $"{Random.Shared.Next(1000, 9999)}/QĐ-{s.Token}")
            .With("sourceUnitIds", HistoryClient.Ids(main, a, b)).With("continuingUnitId", main.Id);
        await KillAndCheckAsync(s.App, killAfterMs,
            client => client.PostAsync("/api/v1/reorganizations", UnitsClient.Content(body.ToJsonString())), HttpStatusCode.Created,
            Mergers(s.Token, 1, [a.Id, b.Id]));
    }

    /// <summary>
    /// The events whose decision numbers end with the token, their participants, the ended units and the events' audit
    /// rows; whole, each merger names its ended units and the unit that continues.
    /// </summary>
    private static Change Mergers(string token, int events, int[] endedUnitIds) => new(
        [events, endedUnitIds.Length + events, endedUnitIds.Length, events],
        async db =>
        [
            await CountAsync(db, $"""SELECT count(*) FROM "Reorganizations" WHERE "DecisionNumber" LIKE '%{token}'"""),
            await CountAsync(db, $"""
                SELECT count(*) FROM "ReorganizationParticipants" p JOIN "Reorganizations" r ON r."Id" = p."ReorganizationId"
                WHERE r."DecisionNumber" LIKE '%{token}'
                """),
            await CountAsync(db, $"""SELECT count(*) FROM "Units" WHERE "Id" IN ({string.Join(", ", endedUnitIds)}) AND "EndedOn" IS NOT NULL"""),
            await CountAsync(db, $"""SELECT count(*) FROM "AuditEntries" WHERE "EntityType" = 'Reorganization' AND "After" LIKE '%{token}%'"""),
        ]);

    /// <summary>What a change writes, as counts read from the database, and the counts when it is whole.</summary>
    internal sealed record Change(long[] Whole, Func<DbConnection, Task<long[]>> Read);

    internal static Task<long> CountAsync(DbConnection db, string sql) => DatabaseIntegrity.ScalarAsync<long>(db, sql);

    /// <summary>
    /// Sends the change to the app as a real process, kills it after the delay (or after the answer when negative),
    /// starts it again on the same database, checks the database's integrity, and that the change is whole or absent
    /// (whole when the kill came after the answer).
    /// </summary>
    internal static async Task KillAndCheckAsync(SuNghiepApp host, int killAfterMs, Func<HttpClient, Task<HttpResponseMessage>> send,
        HttpStatusCode success, Change change)
    {
        var provider = host.Provider;
        var folder = Directory.CreateTempSubdirectory("sunghiep-kill-");
        try
        {
            // A torn SQLite file would harm every other test, so the process gets a copy. PostgreSQL keeps the data in
            // its own server process, which the kill does not touch: there the process shares the test database.
            var connection = host.Database.ConnectionString;
            if (provider == DatabaseProvider.Sqlite)
            {
                var file = Path.Combine(folder.FullName, "sunghiep.db");
                connection = $"Data Source={file}";
                await using var from = new SqliteConnection(host.Database.ConnectionString);
                await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
                await from.OpenAsync();
                await to.OpenAsync();
                from.BackupDatabase(to);
            }

            using (var app = await AppProcess.StartAsync(folder.FullName, provider, connection))
            {
                using var client = await app.AdminAsync();
                var posted = send(client);
                if (killAfterMs < 0)
                {
                    using var response = await posted;
                    Assert.True(response.StatusCode == success, $"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                else
                {
                    await Task.Delay(killAfterMs);
                }

                await app.KillAsync();
                await Task.WhenAny(posted);
            }

            // A restart recovers SQLite's journal as the next real start would, and shows that the app starts again.
            using (var again = await AppProcess.StartAsync(folder.FullName, provider, connection))
            {
                await again.KillAsync();
            }

            await using var db = await DatabaseIntegrity.OpenAsync(provider, connection);
            await DatabaseIntegrity.CheckAsync(db, provider);
            var state = await change.Read(db);
            if (killAfterMs < 0)
            {
                Assert.Equal(change.Whole, state);
            }
            else
            {
                Assert.True(state.SequenceEqual(change.Whole) || state.All(n => n == 0),
                    $"half a change: [{string.Join(", ", state)}] of [{string.Join(", ", change.Whole)}]");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
