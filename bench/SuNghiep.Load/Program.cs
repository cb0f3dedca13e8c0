// A load driver for a running SuNghiep on this machine: N simulated agency officers, each signed in as an account of a
// different agency, doing the day's mix (register lists with filters and paging, unit pages, counts, reorganizations,
// tasks, unit saves with If-Match, progress reports) with think time, for a bounded time and a bounded number of
// requests. Loopback only. Prints per request kind: count, errors, p50, p95, p99, max; exits 1 on any error.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SuNghiep.Load;

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        Usage: sunghiep-load [--url http://127.0.0.1:5080] [--users 50] [--minutes 10] [--think-ms 2000]
                             [--admin-email E --admin-password P]  (default: SUNGHIEP_ADMIN_EMAIL / SUNGHIEP_ADMIN_PASSWORD)
        The app must be on a loopback address; the run stops by itself after --minutes or its request budget.
        """);
    return 2;
}

if (!Options.IsLoopback(options.Url))
{
    Console.Error.WriteLine($"Refused: {options.Url} is not a loopback address. The load goes to this machine only.");
    return 2;
}

var stats = new Stats();
using var http = Driver.Client(options.Url, cookies: null);
var driver = new Driver(options, stats);

Console.WriteLine($"Setting up {options.Users} officers on {options.Url} ...");
var officers = await driver.SetUpAsync(http);
Console.WriteLine($"Running {officers.Count} officers for {options.Minutes} min (think time ~{options.ThinkMs} ms, at most {options.MaxRequests} requests) ...");

var clock = Stopwatch.StartNew();
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(options.Minutes));
await Task.WhenAll(officers.Select(o => driver.RunAsync(o, stop.Token)));
clock.Stop();

stats.Print(Console.Out, clock.Elapsed);
return stats.Errors > 0 ? 1 : 0;

namespace SuNghiep.Load
{
    internal sealed record Options(Uri Url, int Users, double Minutes, int ThinkMs, string AdminEmail, string AdminPassword, long MaxRequests)
    {
        public static Options? Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    return null;
                }

                values[args[i][2..]] = args[i + 1];
            }

            string Get(string name, string fallback) => values.Remove(name, out var v) ? v : fallback;
            var url = Get("url", "http://127.0.0.1:5080");
            var users = int.Parse(Get("users", "50"), CultureInfo.InvariantCulture);
            var minutes = double.Parse(Get("minutes", "10"), CultureInfo.InvariantCulture);
            var think = int.Parse(Get("think-ms", "2000"), CultureInfo.InvariantCulture);
            var email = Get("admin-email", Environment.GetEnvironmentVariable("SUNGHIEP_ADMIN_EMAIL") ?? "");
            var password = Get("admin-password", Environment.GetEnvironmentVariable("SUNGHIEP_ADMIN_PASSWORD") ?? "");
            if (values.Count > 0 || users is < 1 or > 1000 || minutes is <= 0 or > 120 || think < 0 || email.Length == 0 || password.Length == 0
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return null;
            }

            // Each officer sends at most one request every 100 ms on average, whatever the think time: a hard ceiling.
            var max = (long)(users * minutes * 60 * 10);
            return new Options(uri, users, minutes, think, email, password, max);
        }

        public static bool IsLoopback(Uri url) =>
            url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    internal sealed record Officer(int Index, string AgencyCode, int AgencyId, string Email, HttpClient Api, HttpClient Pages, List<int> Units, List<int> Tasks);

    internal sealed partial class Driver(Options options, Stats stats)
    {
        private const string Password = "Tai-trong-2025";
        private long _sent;
        private string[] _sectors = [];

        public static HttpClient Client(Uri url, CookieContainer? cookies) =>
            new(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = cookies is not null,
                CookieContainer = cookies ?? new CookieContainer(),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };

        /// <summary>Creates one AgencyOfficer per agency that has units (through the admin's account page), and signs each in.</summary>
        public async Task<List<Officer>> SetUpAsync(HttpClient http)
        {
            var adminToken = await TokenAsync(http, options.AdminEmail, options.AdminPassword);
            using (var reference = Json.Parse(await Ok(http, Get("/api/v1/reference", adminToken))))
            {
                _sectors = reference.RootElement.GetProperty("sectors").EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToArray();
            }

            var agencies = Json.Parse(await Ok(http, Get("/api/v1/agencies", adminToken)));
            // Agencies that lead tasks first, so that progress reports are part of the mix.
            var leading = new HashSet<int>();
            using (var tasks = Json.Parse(await Ok(http, Get("/api/v1/tasks?pageSize=500", adminToken))))
            {
                leading.UnionWith(tasks.RootElement.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("leadAgencyId").GetInt32()));
            }

            var candidates = new List<(string Code, int Id)>();
            foreach (var agency in agencies.RootElement.EnumerateArray().OrderBy(a => leading.Contains(a.GetProperty("id").GetInt32()) ? 0 : 1))
            {
                var id = agency.GetProperty("id").GetInt32();
                using var units = Json.Parse(await Ok(http, Get($"/api/v1/units?managingAgencyId={id}&pageSize=1", adminToken)));
                if (units.RootElement.GetProperty("total").GetInt32() > 0)
                {
                    candidates.Add((agency.GetProperty("code").GetString()!, id));
                }

                if (candidates.Count == options.Users)
                {
                    break;
                }
            }

            if (candidates.Count < options.Users)
            {
                throw new InvalidOperationException($"Only {candidates.Count} agencies have units; --users {options.Users} needs one agency each.");
            }

            // One task for each officer's agency, so that every officer has something to report progress on.
            var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
            var documentId = await CreatedIdAsync(http, "/api/v1/documents", adminToken, new Dictionary<string, object?>
            {
                ["type"] = "plan", ["number"] = $"{run}/KH-TAI", ["issuer"] = "Ủy ban nhân dân thành phố Cần Thơ",
                ["issuedOn"] = "2025-01-10", ["title"] = $"Kế hoạch tải thử {run}", ["parentIds"] = Array.Empty<int>(),
            });
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(120)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var (_, id) in candidates)
            {
                await CreatedIdAsync(http, $"/api/v1/documents/{documentId}/tasks", adminToken, new Dictionary<string, object?>
                {
                    ["content"] = $"Rà soát đơn vị sự nghiệp (tải thử {run})", ["leadAgencyId"] = id, ["deadline"] = deadline,
                    ["expectedOutput"] = "Báo cáo",
                });
            }

            var admin = Client(options.Url, new CookieContainer());
            await SignInPagesAsync(admin, options.AdminEmail, options.AdminPassword);
            var officers = new List<Officer>();
            foreach (var (code, id) in candidates)
            {
                var email = $"load-{run}-{officers.Count + 1}@load.sunghiep.local";
                var form = await FormTokenAsync(admin, "/admin/users/create");
                using var created = await admin.PostAsync("/admin/users/create", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = form,
                    ["Input.Email"] = email,
                    ["Input.FullName"] = $"Cán bộ tải thử {officers.Count + 1}",
                    ["Input.Password"] = Password,
                    ["Input.Role"] = "AgencyOfficer",
                    ["Input.AgencyCode"] = code,
                }));
                if (created.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"Creating {email} for {code} answered {(int)created.StatusCode}.");
                }

                var api = Client(options.Url, null);
                api.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(api, email, Password));
                var pages = Client(options.Url, new CookieContainer());
                await SignInPagesAsync(pages, email, Password);
                using var units = Json.Parse(await Ok(api, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/units?managingAgencyId={id}&pageSize=100")));
                using var tasks = Json.Parse(await Ok(api, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks?agencyId={id}&pageSize=100")));
                officers.Add(new Officer(officers.Count, code, id, email, api, pages,
                    units.RootElement.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetInt32()).ToList(),
                    tasks.RootElement.GetProperty("items").EnumerateArray()
                        .Where(t => t.GetProperty("status").GetString() is not ("cancelled" or "done") && t.GetProperty("leadAgencyId").GetInt32() == id)
                        .Select(t => t.GetProperty("id").GetInt32()).ToList()));
            }

            admin.Dispose();
            return officers;
        }

        public async Task RunAsync(Officer officer, CancellationToken stop)
        {
            var random = new Random(officer.Index * 7919 + 17);
            // Officers arrive over the first think time, not all in the same millisecond.
            await Delay(random.Next(options.ThinkMs + 1), stop);
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref _sent) <= options.MaxRequests)
            {
                var roll = random.Next(100);
                try
                {
                    await (roll switch
                    {
                        < 25 => RegisterListAsync(officer, random, stop),
                        < 35 => Measure("units.get", officer.Api, $"/api/v1/units/{Pick(officer.Units, random)}", stop),
                        < 42 => Measure("page.units", officer.Pages, RegisterPageUrl(random), stop),
                        < 50 => Measure("page.unit", officer.Pages, $"/units/{Pick(officer.Units, random)}", stop),
                        < 56 => Measure("units.history", officer.Api, $"/api/v1/units/{Pick(officer.Units, random)}/history", stop),
                        < 64 => Measure("counts", officer.Api, $"/api/v1/counts?agencyId={officer.AgencyId}", stop),
                        < 72 => Measure("reorganizations.list", officer.Api, $"/api/v1/reorganizations?page={random.Next(1, 3)}&pageSize=20", stop),
                        < 82 => Measure("tasks.list", officer.Api, $"/api/v1/tasks?agencyId={officer.AgencyId}&page=1&pageSize=20", stop),
                        < 94 => SaveUnitAsync(officer, random, stop),
                        _ => ReportProgressAsync(officer, random, stop),
                    });
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }

                await Delay(options.ThinkMs / 2 + random.Next(options.ThinkMs + 1), stop);
            }
        }

        private static readonly string[] Sorts = ["name", "-name", "code", "-establishedOn"];

        private Task RegisterListAsync(Officer officer, Random random, CancellationToken stop)
        {
            var query = new List<string> { $"page={random.Next(1, 4)}", $"pageSize={(random.Next(2) == 0 ? 20 : 50)}" };
            if (random.Next(3) == 0)
            {
                query.Add($"sector={_sectors[random.Next(_sectors.Length)]}");
            }

            if (random.Next(3) == 0)
            {
                query.Add($"sort={Sorts[random.Next(Sorts.Length)]}");
            }

            if (random.Next(4) == 0)
            {
                query.Add($"search={Uri.EscapeDataString(random.Next(2) == 0 ? "trường" : "trung tâm")}");
            }

            query.Add(random.Next(2) == 0 ? "status=active" : "status=all");
            return Measure("units.list", officer.Api, "/api/v1/units?" + string.Join('&', query), stop);
        }

        private static string RegisterPageUrl(Random random) =>
            random.Next(2) == 0 ? "/units" : $"/units?Search={Uri.EscapeDataString("trường")}&Page={random.Next(1, 3)}";

        /// <summary>Reads a unit, then writes it back with a new note, sending the ETag as If-Match when the API offers one.</summary>
        private async Task SaveUnitAsync(Officer officer, Random random, CancellationToken stop)
        {
            var id = Pick(officer.Units, random);
            var (ok, body, etag) = await MeasureRead("units.get", officer.Api, $"/api/v1/units/{id}", stop);
            if (!ok)
            {
                return;
            }

            using var unit = Json.Parse(body);
            var request = Json.UnitRequest(unit.RootElement, $"Kiểm tra số liệu lần {random.Next(1, 1_000_000)}");
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/units/{id}") { Content = Json.Content(request) };
            if (etag is not null)
            {
                put.Headers.IfMatch.Add(etag);
            }

            // Two officers never share a unit, so a 412 here would be the app's fault, not a real conflict.
            await Send("units.put", officer.Api, put, stop);
        }

        private async Task ReportProgressAsync(Officer officer, Random random, CancellationToken stop)
        {
            if (officer.Tasks.Count == 0)
            {
                await Measure("tasks.list", officer.Api, $"/api/v1/tasks?agencyId={officer.AgencyId}&status=late", stop);
                return;
            }

            // The app's "today" is Vietnam's (UTC+7), which can be a day ahead of the machine's UTC date.
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            var body = new Dictionary<string, object>
            {
                ["date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["text"] = $"Đã triển khai, báo cáo tải thử {random.Next(1, 1_000_000)}",
                ["percent"] = random.Next(5, 95),
            };
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{Pick(officer.Tasks, random)}/progress") { Content = Json.Content(body) };
            await Send("tasks.progress", officer.Api, post, stop);
        }

        private async Task Measure(string kind, HttpClient client, string url, CancellationToken stop) =>
            await MeasureRead(kind, client, url, stop);

        private async Task<(bool Ok, string Body, System.Net.Http.Headers.EntityTagHeaderValue? ETag)> MeasureRead(string kind, HttpClient client, string url, CancellationToken stop)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            return await Send(kind, client, request, stop);
        }

        private async Task<(bool Ok, string Body, System.Net.Http.Headers.EntityTagHeaderValue? ETag)> Send(
            string kind, HttpClient client, HttpRequestMessage request, CancellationToken stop)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.SendAsync(request, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                watch.Stop();
                var ok = response.IsSuccessStatusCode;
                stats.Record(kind, watch.Elapsed, ok ? null : $"{(int)response.StatusCode} {request.Method} {request.RequestUri}: {Shorten(body)}");
                return (ok, body, response.Headers.ETag);
            }
            catch (HttpRequestException e)
            {
                stats.Record(kind, watch.Elapsed, $"{request.Method} {request.RequestUri}: {e.Message}");
                return (false, "", null);
            }
            catch (TaskCanceledException) when (!stop.IsCancellationRequested)
            {
                stats.Record(kind, watch.Elapsed, $"{request.Method} {request.RequestUri}: timed out");
                return (false, "", null);
            }
        }

        private static int Pick(List<int> items, Random random) => items[random.Next(items.Count)];

        private static async Task Delay(int ms, CancellationToken stop)
        {
            try
            {
                await Task.Delay(ms, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

        private static HttpRequestMessage Get(string url, string token)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new("Bearer", token);
            return request;
        }

        private static async Task<string> Ok(HttpClient client, HttpRequestMessage request)
        {
            using (request)
            {
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                return response.IsSuccessStatusCode
                    ? body
                    : throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {Shorten(body)}");
            }
        }

        private static async Task<int> CreatedIdAsync(HttpClient client, string url, string token, Dictionary<string, object?> body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json.Content(body) };
            request.Headers.Authorization = new("Bearer", token);
            using var created = Json.Parse(await Ok(client, request));
            return created.RootElement.GetProperty("id").GetInt32();
        }

        private static async Task<string> TokenAsync(HttpClient client, string email, string password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
            {
                Content = Json.Content(new Dictionary<string, object> { ["email"] = email, ["password"] = password }),
            };
            using var body = Json.Parse(await Ok(client, request));
            return body.RootElement.GetProperty("accessToken").GetString()!;
        }

        private static async Task SignInPagesAsync(HttpClient client, string email, string password)
        {
            var token = await FormTokenAsync(client, "/login");
            using var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
            }));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Page sign-in of {email} answered {(int)response.StatusCode}.");
            }
        }

        private static async Task<string> FormTokenAsync(HttpClient client, string url)
        {
            var html = await Ok(client, new HttpRequestMessage(HttpMethod.Get, url));
            return TokenField().Match(html) is { Success: true } m
                ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException($"{url} carries no anti-forgery token.");
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
        private static partial Regex TokenField();
    }

    internal static class Json
    {
        public static System.Text.Json.JsonDocument Parse(string text) => System.Text.Json.JsonDocument.Parse(text);

        public static StringContent Content(object body) =>
            new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

        /// <summary>The PUT body of a unit: its own fields as read, with new notes.</summary>
        public static Dictionary<string, object?> UnitRequest(System.Text.Json.JsonElement unit, string notes)
        {
            string[] fields = ["code", "name", "sector", "roleClass", "level", "areaCode", "managingAgencyId", "autonomyGroup", "establishedOn", "endedOn", "address"];
            var body = fields.ToDictionary(f => f, f => (object?)unit.GetProperty(f).Clone());
            body["notes"] = notes;
            return body;
        }
    }

    internal sealed class Stats
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, List<double>> _times = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
        private readonly List<string> _firstErrors = [];

        public int Errors { get; private set; }

        public void Record(string kind, TimeSpan elapsed, string? error)
        {
            lock (_lock)
            {
                if (!_times.TryGetValue(kind, out var times))
                {
                    _times[kind] = times = [];
                }

                times.Add(elapsed.TotalMilliseconds);
                if (error is not null)
                {
                    _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
                    Errors++;
                    if (_firstErrors.Count < 20)
                    {
                        _firstErrors.Add($"{kind}: {error}");
                    }
                }
            }
        }

        public void Print(TextWriter output, TimeSpan elapsed)
        {
            lock (_lock)
            {
                var total = _times.Values.Sum(t => t.Count);
                output.WriteLine();
                output.WriteLine($"{total} requests in {elapsed.TotalSeconds:F0} s ({total / Math.Max(1, elapsed.TotalSeconds):F1}/s), {Errors} errors");
                output.WriteLine($"{"kind",-22} {"count",7} {"errors",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
                foreach (var (kind, times) in _times.OrderBy(k => k.Key, StringComparer.Ordinal))
                {
                    times.Sort();
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{kind,-22} {times.Count,7} {_errors.GetValueOrDefault(kind),7} {Percentile(times, 0.50),8:F0} {Percentile(times, 0.95),8:F0} {Percentile(times, 0.99),8:F0} {times[^1],8:F0}"));
                }

                foreach (var error in _firstErrors)
                {
                    output.WriteLine("error " + error);
                }
            }
        }

        private static double Percentile(List<double> sorted, double p) =>
            sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
