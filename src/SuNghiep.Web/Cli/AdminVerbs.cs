using SuNghiep.Core.Accounts;
using SuNghiep.Core.Auditing;
using SuNghiep.Core.Data;
using SuNghiep.Core.Seeding;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Cli;

/// <summary>The admin verbs of the `sunghiep` binary. Each change they make is audited with the operator as actor.</summary>
public static class AdminVerbs
{
    private static readonly string[] Verbs = ["migrate", "seed", "indicators", "user", "remind", "backup", "restore", "help", "--help"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        switch (args)
        {
            case ["migrate"]:
            {
                await using var app = WebApp.Build([]);
                await DatabaseSetup.MigrateAsync(app.Services);
                await DatabaseSetup.SeedReferenceAsync(app.Services);
                await output.WriteLineAsync("Database migrated; reference data loaded.");
                return 0;
            }

            case ["seed", "demo"]:
            {
                await using var app = WebApp.Build([]);
                await DatabaseSetup.MigrateAsync(app.Services);
                await DatabaseSetup.SeedReferenceAsync(app.Services);
                var loaded = await DatabaseSetup.SeedDemoAsync(app.Services, onlyIfEmpty: false);
                await output.WriteLineAsync(loaded ? "Demo province loaded." : "Demo province was already loaded.");
                return 0;
            }

            case ["seed", "documents"]:
            {
                await using var app = WebApp.Build([]);
                await DatabaseSetup.MigrateAsync(app.Services);
                await DatabaseSetup.SeedReferenceAsync(app.Services);
                var result = (await DatabaseSetup.SeedDocumentsAsync(app.Services, SystemActors.CommandLine(Environment.UserName)))!;
                await output.WriteLineAsync(result.Documents == 0 && result.Agencies == 0
                    ? "The documents were already loaded."
                    : $"Documents loaded: {result.Documents} documents, {result.Targets} targets, {result.Tasks} tasks, {result.Agencies} new agencies.");
                foreach (var skipped in result.Skipped)
                {
                    await error.WriteLineAsync($"Skipped {skipped}");
                }

                return result.Skipped.Count > 0 ? 1 : 0;
            }

            case ["seed", "national", .. var rest]:
                return await SeedNationalAsync(rest, output, error);

            case ["indicators", "rebuild"]:
            {
                await using var app = WebApp.Build([]);
                await DatabaseSetup.MigrateAsync(app.Services);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var rows = await DatabaseSetup.RebuildIndicatorFactsAsync(app.Services);
                await output.WriteLineAsync($"Indicator facts rebuilt: {rows} rows in {clock.Elapsed.TotalSeconds:0.0} s.");
                return 0;
            }

            case ["user", "add", .. var rest]:
                return await AddUserAsync(rest, output, error);

            case ["user", var verb, .. var rest] when verb is "lock" or "unlock" or "role" or "reset-password":
                return await ChangeUserAsync(verb, rest, output, error);

            case ["remind", .. var rest]:
                return await RemindAsync(rest, output, error);

            case ["backup", .. var rest]:
                return await BackupVerbs.BackupAsync(rest, output, error);

            case ["restore", .. var rest]:
                return await BackupVerbs.RestoreAsync(rest, output, error);

            default:
                await output.WriteLineAsync("""
                    Usage:
                      sunghiep                     run the web app
                      sunghiep migrate             apply the database migrations and load reference data
                      sunghiep seed demo           load the demo province (Cần Thơ) and the documents of the cascade
                      sunghiep seed national [--scale 1.0] [--seed N]  load the synthetic national data set (34 provinces, 63 old ones, the ministries, units since 2015) into a register without units
                      sunghiep seed documents      load the documents of the cascade (19-NQ/TW, 62-KL/TW, 38/NQ-CP and the plans that implement them)
                      sunghiep indicators rebuild  rewrite the indicator facts (UnitYearFacts) from the register, after a load that bypassed the app
                      sunghiep remind [--date yyyy-MM-dd]  notify (and e-mail, when Smtp:Host is set) about tasks due soon or late, as of today or the date
                      sunghiep backup --out FILE   copy the whole database to FILE (SQLite: a database file; PostgreSQL: a pg_dump archive)
                      sunghiep restore FILE [--force]  load a backup into the configured database; --force replaces a database that is not empty
                      sunghiep user add --email E --password P --role R [--agency CODE | --area CODE | --unit CODE] [--name "Full name"]
                      sunghiep user lock --email E            lock the account and end its sessions
                      sunghiep user unlock --email E          unlock the account
                      sunghiep user role --email E --role R   change the account's role (its scope is kept) and end its sessions
                      sunghiep user reset-password --email E  print a one-time password, to be changed at the next sign-in
                    Roles: SystemAdmin, HomeAffairs, AgencyOfficer, UnitOfficer, Viewer
                    Database: Database__Provider=Sqlite|Postgres, ConnectionStrings__Default=...
                    """);
                return args is ["help"] or ["--help"] ? 0 : 2;
        }
    }

    private static async Task<int> SeedNationalAsync(string[] args, TextWriter output, TextWriter error)
    {
        var scale = NationalOptions.MaxScale;
        var seed = NationalOptions.DefaultSeed;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--scale" when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s)
                                     && s >= NationalOptions.MinScale && s <= NationalOptions.MaxScale:
                    scale = s;
                    break;
                case "--scale":
                    await error.WriteLineAsync($"--scale: tỷ lệ phải là một số từ {NationalOptions.MinScale.ToString(System.Globalization.CultureInfo.InvariantCulture)} đến 1, viết với dấu chấm (ví dụ 0.1); đã nhận \"{value}\".");
                    return 2;
                case "--seed" when int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n):
                    seed = n;
                    break;
                case "--seed":
                    await error.WriteLineAsync($"--seed: hạt giống phải là một số nguyên; đã nhận \"{value}\".");
                    return 2;
                default:
                    await error.WriteLineAsync("Usage: sunghiep seed national [--scale 1.0] [--seed N]");
                    return 2;
            }
        }

        await using var app = WebApp.Build([]);
        await DatabaseSetup.MigrateAsync(app.Services);
        await DatabaseSetup.SeedReferenceAsync(app.Services);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var bar = new ProgressBar(error);
        var result = await DatabaseSetup.SeedNationalAsync(app.Services, new NationalOptions(scale, seed), SystemActors.CommandLine(Environment.UserName), bar.Report);
        if (result is null)
        {
            await error.WriteLineAsync(
                "Sổ đăng ký đã có đơn vị sự nghiệp công lập, nên không nạp bộ dữ liệu toàn quốc: bộ dữ liệu này chỉ nạp vào sổ đăng ký chưa có đơn vị nào. "
                + "Hãy dùng một cơ sở dữ liệu mới và khởi động ứng dụng với Seed__Demo=false (không nạp tỉnh mẫu).");
            return 1;
        }

        bar.Done();
        await output.WriteLineAsync(
            $"National data set loaded (scale {scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}, seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s: " +
            $"{result.Units} units, {result.Versions} versions, {result.Events} events, {result.Agencies} agencies, " +
            $"{result.StaffingYears} staffing years, {result.FinanceYears} finance years, {result.AutonomyPlans} autonomy plans, " +
            $"{result.Documents} plans with {result.Targets} targets and {result.Tasks} tasks; {result.Rows} rows.");
        return 0;
    }

    /// <summary>A one-line progress bar (percent and rows) redrawn in place on the error stream.</summary>
    private sealed class ProgressBar(TextWriter writer)
    {
        private int _shown = -1;

        public void Report(long done, long total)
        {
            var percent = total == 0 ? 100 : (int)(done * 100 / total);
            if (percent == _shown)
            {
                return;
            }

            _shown = percent;
            var filled = percent / 5;
            writer.Write($"\r[{new string('#', filled)}{new string('-', 20 - filled)}] {percent,3}% {done:N0}/{total:N0} rows");
            writer.Flush();
        }

        public void Done()
        {
            if (_shown >= 0)
            {
                writer.WriteLine();
            }
        }
    }

    private static async Task<int> RemindAsync(string[] args, TextWriter output, TextWriter error)
    {
        DateOnly? date = null;
        switch (args)
        {
            case []:
                break;
            case ["--date", var text] when DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d):
                date = d;
                break;
            default:
                await error.WriteLineAsync("Usage: sunghiep remind [--date yyyy-MM-dd]");
                return 2;
        }

        await using var session = await OperatorSession.OpenAsync();
        var scope = session.Scope;
        var today = date ?? Core.VietnamTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var r = await scope.ServiceProvider.GetRequiredService<Core.Plans.ReminderService>().SweepAsync(today);
        await output.WriteLineAsync(
            $"Reminders as of {today:yyyy-MM-dd}: {r.OpenTasks} open tasks; {r.Added} new notifications " +
            $"({r.DueSoon} due soon, {r.Late} late, {r.AssignedLate} to assigning levels); {r.Emailed} e-mails sent, {r.EmailFailed} failed.");
        return 0;
    }

    // lock, unlock, role and reset-password: each renews the account's security stamp, so that its cookies and bearer
    // tokens stop working at once, and each is audited with the operator as actor.
    private static async Task<int> ChangeUserAsync(string verb, string[] args, TextWriter output, TextWriter error)
    {
        string email;
        string? role = null;
        switch (verb, args)
        {
            case ("role", ["--email", var e, "--role", var r]):
                (email, role) = (e, r);
                break;
            case ("role", ["--role", var r, "--email", var e]):
                (email, role) = (e, r);
                break;
            case (not "role", ["--email", var e]):
                email = e;
                break;
            default:
                await error.WriteLineAsync(verb == "role"
                    ? "Usage: sunghiep user role --email E --role R"
                    : $"Usage: sunghiep user {verb} --email E");
                return 2;
        }

        await using var session = await OperatorSession.OpenAsync();
        var scope = session.Scope;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Entities.AppUser>>();
        if (await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            await error.WriteLineAsync($"--email: no account has the email \"{email}\".");
            return 1;
        }

        if (verb == "reset-password")
        {
            var reset = await accounts.ResetPasswordAsync(user.Id);
            if (reset is null)
            {
                await error.WriteLineAsync($"The password of {user.Email} could not be reset.");
                return 1;
            }

            // Printed once, to the console only: the account must change it at its next sign-in.
            await output.WriteLineAsync($"One-time password for {user.Email}: {reset.Password}");
            await output.WriteLineAsync("It must be changed at the next sign-in. Every session of the account has ended.");
            return 0;
        }

        var current = (await accounts.CurrentAsync(user.Id))!;
        var change = verb switch
        {
            "lock" => current with { Locked = true },
            "unlock" => current with { Locked = false },
            _ => current with { Role = role },
        };
        var result = await accounts.UpdateAsync(user.Id, change);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync($"--{e.Field}: {e.Message}");
            }

            return 1;
        }

        await output.WriteLineAsync(verb switch
        {
            "lock" => $"Account {user.Email} locked; its sessions have ended.",
            "unlock" => $"Account {user.Email} unlocked.",
            _ => $"Account {user.Email} now has role {Core.Entities.Roles.All.First(r => string.Equals(r, role!.Trim(), StringComparison.OrdinalIgnoreCase))}; its sessions have ended.",
        });
        return 0;
    }

    private static async Task<int> AddUserAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                await error.WriteLineAsync($"Unexpected argument '{args[i]}'. See 'sunghiep help'.");
                return 2;
            }

            options[args[i][2..]] = args[++i];
        }

        var unknown = options.Keys.Except(["email", "password", "role", "agency", "area", "unit", "name"]).ToList();
        if (unknown.Count > 0)
        {
            await error.WriteLineAsync($"Unknown option --{unknown[0]}. See 'sunghiep help'.");
            return 2;
        }

        await using var session = await OperatorSession.OpenAsync();
        var scope = session.Scope;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var result = await accounts.CreateAsync(new NewAccount(
            options.GetValueOrDefault("email"), options.GetValueOrDefault("password"), options.GetValueOrDefault("role"),
            options.GetValueOrDefault("name"), options.GetValueOrDefault("agency"), options.GetValueOrDefault("area"),
            options.GetValueOrDefault("unit")));
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync($"--{e.Field}: {e.Message}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Account {result.User!.Email} created with role {options["role"]}.");
        return 0;
    }

    /// <summary>
    /// The app's services on a migrated database, in one scope that acts as the operator ("Dòng lệnh quản trị (user)") over the whole
    /// country: what the verbs that write share.
    /// </summary>
    private sealed class OperatorSession : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private OperatorSession(WebApplication app)
        {
            _app = app;
            Scope = app.Services.CreateScope();
            var db = Scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
            db.Actor = new Actor(null, SystemActors.CommandLine(Environment.UserName), null);
            db.UseScope(CallerScope.Everything);
        }

        public IServiceScope Scope { get; }

        public static async Task<OperatorSession> OpenAsync()
        {
            var app = WebApp.Build([]);
            try
            {
                await DatabaseSetup.MigrateAsync(app.Services);
                await DatabaseSetup.SeedReferenceAsync(app.Services);
                return new OperatorSession(app);
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Scope.Dispose();
            await _app.DisposeAsync();
        }
    }
}
