using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Web.Api;
using SuNghiep.Web.Infrastructure;
using static SuNghiep.Web.Tests.Faults.KillTests;

namespace SuNghiep.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stopped as by a power cut (`pg_ctl stop -m immediate`) and started again while writers and readers keep
/// the app busy. PostgreSQL only: SQLite lives inside the app's process, which KillTests kill instead.
/// </summary>
public sealed class PostgresRestartTests
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(15);

    private const int Writers = 3;
    private const int Readers = 2;

    [Fact]
    public async Task Restart_UnderLoad_OutageAnswers503AndAppRecoversWithEveryAnsweredChangeWhole()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        SuNghiepApp app;
        await AppHosts.BuildGate.WaitAsync();
        try
        {
            app = new SuNghiepApp(await TestDatabase.CreatePostgresAsync(cluster.Server));
            _ = app.Server;
        }
        finally
        {
            AppHosts.BuildGate.Release();
        }

        await using var _app = app;
        var token = Unique.Token();
        using var admin = await app.AdminAsync();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        // The load's own client: unlike the hosts' clients it does not fail the test on a 5xx, which is judged below.
        using var client = app.CreateDefaultClient();
        client.Timeout = RequestTimeout;
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword));

        var units = new List<UnitResponse>();
        for (var w = 0; w < Writers; w++)
        {
            units.Add(await admin.CreateUnitAsync(UnitsClient.Body(token, $"W{w}", agency)));
        }

        var load = new Load(client);
        using var stop = new CancellationTokenSource();
        var edits = Enumerable.Range(0, Writers).Select(_ => new List<(string Value, bool Answered)>()).ToArray();
        var mergers = new ConcurrentBag<(string Number, int[] Ended, bool Answered)>();
        var created = new ConcurrentBag<int>();
        var tasks = new List<Task>();
        for (var w = 0; w < Writers; w++)
        {
            var (unit, log) = (units[w], edits[w]);
            var writer = w;
            tasks.Add(Task.Run(() => EditAsync(load, unit, token, agency, writer, log, stop.Token)));
        }

        tasks.Add(Task.Run(() => MergeAsync(load, token, agency, mergers, created, stop.Token)));
        for (var r = 0; r < Readers; r++)
        {
            tasks.Add(Task.Run(() => ReadAsync(load, token, stop.Token)));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var stoppedAt = load.Now;
        await cluster.StopImmediatelyAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await cluster.StartAgainAsync();
        var restarted = Stopwatch.StartNew();
        var outage = $"PostgreSQL stopped at {stoppedAt.TotalSeconds:F1} s and accepted connections again at {load.Now.TotalSeconds:F1} s";
        await Task.Delay(TimeSpan.FromSeconds(3));
        stop.Cancel();
        await Task.WhenAll(tasks);

        // The app recovers by itself: health and a write succeed again within a few seconds of the server's return.
        while (true)
        {
            using var health = await client.GetAsync("/healthz");
            using var write = health.IsSuccessStatusCode
                ? await client.PutUnitAsync(units[0].Id, UnitsClient.Body(token, "W0", agency).With("notes", Note(token, 0, 100_000)))
                : null;
            if (write is { IsSuccessStatusCode: true })
            {
                edits[0].Add((Note(token, 0, 100_000), true));
                break;
            }

            Assert.True(restarted.Elapsed < RecoveryLimit,
                $"{RecoveryLimit.TotalSeconds} s after PostgreSQL started again, /healthz answers {(int)health.StatusCode} and a unit PUT {(int?)write?.StatusCode}.");
            await Task.Delay(250);
        }

        Assert.True(load.Failures.IsEmpty, $"{outage}; {load.Failures.Count} failures:\n{string.Join("\n", load.Failures.Take(10))}");
        Assert.True(load.Answered > 20, $"only {load.Answered} requests answered 2xx");
        Assert.True(load.Unavailable > 0, "no request met the outage: the test did not test it");

        await using var db = await DatabaseIntegrity.OpenAsync(DatabaseProvider.Postgres, app.Database.ConnectionString);
        await DatabaseIntegrity.CheckAsync(db, DatabaseProvider.Postgres, checkIndexes: true);

        // Each edit sets the unit's notes to a value of its own: an answered edit is in the audit trail, any edit at most
        // once, and the unit holds the value of the last edit the trail has (the row and its audit, together or neither).
        for (var w = 0; w < Writers; w++)
        {
            var audited = new List<string>();
            foreach (var (value, answered) in edits[w])
            {
                var rows = await CountAsync(db, $"""
                    SELECT count(*) FROM "AuditEntries" WHERE "EntityType" = 'Unit' AND "EntityId" = '{units[w].Id}' AND "After" LIKE '%{value}%'
                    """);
                Assert.True(rows <= 1 && (!answered || rows == 1), $"edit {value} ({(answered ? "answered" : "not answered")}) has {rows} audit rows");
                if (rows == 1)
                {
                    audited.Add(value);
                }
            }

            var notes = await DatabaseIntegrity.ScalarAsync<string>(db, $"""SELECT "Notes" FROM "Units" WHERE "Id" = {units[w].Id}""");
            Assert.NotEmpty(audited);
            Assert.Equal(audited[^1], notes);
        }

        var answeredMergers = 0;
        foreach (var (number, ended, answered) in mergers)
        {
            long[] whole = [1, ended.Length + 1, ended.Length, 1];
            long[] state =
            [
                await CountAsync(db, $"""SELECT count(*) FROM "Reorganizations" WHERE "DecisionNumber" = '{number}'"""),
                await CountAsync(db, $"""
                    SELECT count(*) FROM "ReorganizationParticipants" p JOIN "Reorganizations" r ON r."Id" = p."ReorganizationId"
                    WHERE r."DecisionNumber" = '{number}'
                    """),
                await CountAsync(db, $"""SELECT count(*) FROM "Units" WHERE "Id" IN ({string.Join(", ", ended)}) AND "EndedOn" IS NOT NULL"""),
                await CountAsync(db, $"""SELECT count(*) FROM "AuditEntries" WHERE "EntityType" = 'Reorganization' AND "After" LIKE '%"{number}"%'"""),
            ];
            Assert.True(state.SequenceEqual(whole) || (!answered && state.All(n => n == 0)),
                $"merger {number} ({(answered ? "answered" : "not answered")}): [{string.Join(", ", state)}] of [{string.Join(", ", whole)}]");
            answeredMergers += answered ? 1 : 0;
        }

        Assert.True(answeredMergers > 0, "no merger was answered");
        var units201 = created.ToArray();
        Assert.Equal(units201.Length, await CountAsync(db, $"""SELECT count(*) FROM "Units" WHERE "Id" IN ({string.Join(", ", units201.Append(0))})"""));
    }

    private static string Note(string token, int writer, int i) => $"[{token}:{writer}:{i}]";

    /// <summary>A writer: GET the unit for its ETag, PUT it with new notes, again and again.</summary>
    private static async Task EditAsync(Load load, UnitResponse unit, string token, int agency, int writer, List<(string, bool)> log, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var (read, etag) = await load.SendAsync("GET unit", () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/units/{unit.Id}"),
                response => response.Headers.ETag?.ToString());
            if (!read)
            {
                await Task.Delay(50, CancellationToken.None);
                continue;
            }

            var value = Note(token, writer, i);
            var body = UnitsClient.Body(token, $"W{writer}", agency).With("notes", value);
            var (written, _) = await load.SendAsync("PUT unit", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/units/{unit.Id}") { Content = UnitsClient.Content(body.ToJsonString()) };
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                return request;
            });
            log.Add((value, written));
        }
    }

    /// <summary>A reorganizer: three new units, then a merger of two of them into the third.</summary>
    private static async Task MergeAsync(Load load, string token, int agency, ConcurrentBag<(string, int[], bool)> mergers, ConcurrentBag<int> created,
        CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var ids = new List<int>();
            foreach (var suffix in new[] { "C", "A", "B" })
            {
                var body = UnitsClient.Body(token, $"M{i}{suffix}", agency);
                var (ok, id) = await load.SendAsync("POST unit", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/units") { Content = UnitsClient.Content(body.ToJsonString()) },
                    response =>
                    {
                        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
                        return json.RootElement.GetProperty("id").GetInt32();
                    });
                if (!ok)
                {
                    break;
                }

                created.Add(id);
                ids.Add(id);
            }

            if (ids.Count < 3)
            {
                await Task.Delay(50, CancellationToken.None);
                continue;
            }

            var number = $"{i + 1}/QĐ-{token}";
            var merger = HistoryClient.Event("merger", new DateOnly(2018, 5, 1), number)
                .With("sourceUnitIds", new JsonArray([.. ids.Select(id => (JsonNode)id)])).With("continuingUnitId", ids[0]);
            var (answered, _) = await load.SendAsync("POST merger",
                () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/reorganizations") { Content = UnitsClient.Content(merger.ToJsonString()) });
            mergers.Add((number, [ids[1], ids[2]], answered));
        }
    }

    private static async Task ReadAsync(Load load, string token, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await load.SendAsync("GET units", () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/units?search={token}&pageSize=20"));
            await load.SendAsync("GET healthz", () => new HttpRequestMessage(HttpMethod.Get, "/healthz"));
        }
    }

    /// <summary>
    /// Sends the requests of the load and judges each answer: 2xx, or 503 with the Vietnamese problem (the health check's
    /// own 503 aside); anything else, and any request that takes longer than the client's timeout, is a failure.
    /// </summary>
    private sealed class Load(HttpClient client)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _answered;
        private int _unavailable;

        public ConcurrentQueue<string> Failures { get; } = new();

        public int Answered => _answered;

        public int Unavailable => _unavailable;

        public TimeSpan Now => _clock.Elapsed;

        public Task<(bool Ok, object? Value)> SendAsync(string what, Func<HttpRequestMessage> request) =>
            SendAsync<object?>(what, request, _ => null);

        public async Task<(bool Ok, T? Value)> SendAsync<T>(string what, Func<HttpRequestMessage> request, Func<HttpResponseMessage, T> read)
        {
            var started = _clock.Elapsed;
            try
            {
                using var message = request();
                using var response = await client.SendAsync(message);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _answered);
                    return (true, read(response));
                }

                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable
                    && (what == "GET healthz" || (response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                        && Title(text) == Problems.UnavailableTitle)))
                {
                    Interlocked.Increment(ref _unavailable);
                    return (false, default);
                }

                Failures.Enqueue($"{what} at {started.TotalSeconds:F1} s answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 600)]}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Failures.Enqueue($"{what} at {started.TotalSeconds:F1} s got no answer after {(_clock.Elapsed - started).TotalSeconds:F1} s: {e.GetType().Name} {e.Message}");
            }

            return (false, default);
        }

        private static string? Title(string text)
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                return json.RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
