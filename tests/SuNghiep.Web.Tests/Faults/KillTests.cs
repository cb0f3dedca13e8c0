using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Faults;

/// <summary>
/// The app as a real process on a copy of the SQLite test database, killed (SIGKILL) while it records a merger or
/// imports an .xlsx of mergers, then started again: the database passes SQLite's integrity check and holds the whole
/// change (events, participants, ended units, audit rows) or nothing of it.
/// </summary>
public sealed class KillTests(AppHosts hosts)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // The import template's columns, A to S (see ImportTests); a merger row fills A-F and G.
    private static readonly string[] Headers =
    [
        "Loại sắp xếp", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Ngày hiệu lực", "Mã đơn vị nguồn",
        "Mã đơn vị tiếp tục", "Mã cơ quan quản lý mới", "Tên mới", "Mã địa bàn mới", "Mã đơn vị mới", "Tên đơn vị mới",
        "Lĩnh vực", "Loại đơn vị", "Cấp", "Mã địa bàn", "Mã cơ quan quản lý", "Nhóm tự chủ", "Ghi chú",
    ];

    private const int ImportedMergers = 15;

    [Theory]
    [InlineData(-1)]   // killed after the answer: the whole import must be there
    [InlineData(50)]
    [InlineData(200)]
    public async Task Import_ProcessKilledMidway_DatabaseIntactAndImportWholeOrAbsent(int killAfterMs)
    {
        var s = await Scenario.StartAsync(hosts, DatabaseProvider.Sqlite);
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

        await KillAndCheckAsync(s, killAfterMs, ImportedMergers, [.. pairs.Select(p => p.Ended.Id)], client =>
        {
            var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(xlsx.ToArray());
            content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(content, "file", "sap-xep.xlsx");
            return client.PostAsync("/api/v1/reorganizations/import", form);
        }, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(-1)]   // killed after the answer: the merger must be there
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(120)]
    public async Task Merger_ProcessKilledMidway_DatabaseIntactAndMergerWholeOrAbsent(int killAfterMs)
    {
        var s = await Scenario.StartAsync(hosts, DatabaseProvider.Sqlite);
        var (main, a, b) = (await s.UnitAsync("C"), await s.UnitAsync("A"), await s.UnitAsync("B"));
        var body = HistoryClient.Event("merger", new DateOnly(2018, 5, 1), $"{Random.Shared.Next(1000, 9999)}/QĐ-{s.Token}")
            .With("sourceUnitIds", HistoryClient.Ids(main, a, b)).With("continuingUnitId", main.Id);
        await KillAndCheckAsync(s, killAfterMs, 1, [a.Id, b.Id],
            client => client.PostAsync("/api/v1/reorganizations", UnitsClient.Content(body.ToJsonString())), HttpStatusCode.Created);
    }

    /// <summary>
    /// Sends the change to the app on a copy of the database, kills it after the delay (or after the answer when negative),
    /// starts it again, and checks that all the events whose decision numbers hold the scenario's token are there with
    /// their ended units and audit rows, or none.
    /// </summary>
    private static async Task KillAndCheckAsync(Scenario s, int killAfterMs, int expectedEvents, int[] endedUnitIds,
        Func<HttpClient, Task<HttpResponseMessage>> send, HttpStatusCode success)
    {
        var folder = Directory.CreateTempSubdirectory("sunghiep-kill-");
        var file = Path.Combine(folder.FullName, "sunghiep.db");
        try
        {
            await using (var from = new SqliteConnection(s.App.Database.ConnectionString))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                await from.OpenAsync();
                await to.OpenAsync();
                from.BackupDatabase(to);
            }

            using (var app = await StartAsync(folder.FullName, file))
            {
                using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
                client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(client));
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

                app.Process.Kill(entireProcessTree: true);
                await app.Process.WaitForExitAsync();
                await Task.WhenAny(posted);
            }

            // A restart recovers SQLite's journal as the next real start would.
            using (var again = await StartAsync(folder.FullName, file))
            {
                again.Process.Kill(entireProcessTree: true);
                await again.Process.WaitForExitAsync();
            }

            await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            await db.OpenAsync();
            Assert.Equal("ok", await ScalarAsync<string>(db, "PRAGMA integrity_check"));
            var events = await ScalarAsync<long>(db, $"SELECT count(*) FROM Reorganizations WHERE DecisionNumber LIKE '%{s.Token}'");
            var participants = await ScalarAsync<long>(db,
                $"SELECT count(*) FROM ReorganizationParticipants p JOIN Reorganizations r ON r.Id = p.ReorganizationId WHERE r.DecisionNumber LIKE '%{s.Token}'");
            var ended = await ScalarAsync<long>(db, $"SELECT count(*) FROM Units WHERE Id IN ({string.Join(", ", endedUnitIds)}) AND EndedOn IS NOT NULL");
            var audited = await ScalarAsync<long>(db,
                $"SELECT count(*) FROM AuditEntries WHERE EntityType = 'Reorganization' AND After LIKE '%{s.Token}%'");
            if (killAfterMs < 0)
            {
                Assert.Equal(expectedEvents, events);
            }

            Assert.True(events == 0 || events == expectedEvents, $"{events} of {expectedEvents} events");
            // Each merger names its ended units and the unit that continues.
            long[] whole = [endedUnitIds.Length + expectedEvents, endedUnitIds.Length, expectedEvents];
            long[] expected = events == 0 ? [0, 0, 0] : whole;
            Assert.Equal(expected, new[] { participants, ended, audited });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = SuNghiepApp.AdminEmail, password = SuNghiepApp.AdminPassword });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    private sealed record RunningApp(Process Process, Uri Address) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }

    // The build of the web app that the test project copies beside itself, started as `dotnet sunghiep.dll`.
    private static async Task<RunningApp> StartAsync(string folder, string file)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "sunghiep.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={file}";
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Reminders__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new RunningApp(process, new Uri($"http://127.0.0.1:{port}"));
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
}
