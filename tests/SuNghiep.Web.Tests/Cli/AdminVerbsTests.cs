using System.Net;
using SuNghiep.Web.Cli;

namespace SuNghiep.Web.Tests.Cli;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>
/// The verbs run through AdminVerbs.RunAsync, as `sunghiep user add ...` does: they build their own host from the
/// process's configuration, so the test points Database__Provider and ConnectionStrings__Default at the database of the
/// provider's test host for the duration of the call. Environment variables are process-wide, hence a collection that
/// runs alone, and the host build gate, so that no test host is being built while they are set.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class AdminVerbsTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task UserAdd_AgencyOfficer_Returns0AndTheAccountCanSignIn(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = $"cli.{Unique.Token()}@test.sunghiep.vn";

        var (code, output, error) = await RunAsync(app,
            ["user", "add", "--email", email, "--password", SuNghiepApp.Password, "--role", "AgencyOfficer", "--agency", "92.SYT"]);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains(email, output, StringComparison.Ordinal);
        using var client = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var units = await client.ListUnitsAsync("status=active&pageSize=500");
        var health = await app.AgencyIdAsync("92.SYT");
        Assert.NotEmpty(units.Items);
        Assert.All(units.Items, u => Assert.Equal(health, u.ManagingAgencyId));
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        // arguments after "user add"                                                                       message names
        { ["--email", "x@test.sunghiep.vn", "--password", SuNghiepApp.Password, "--role", "Chief"],             "--role"   },
        { ["--email", "x@test.sunghiep.vn", "--password", SuNghiepApp.Password, "--role", "AgencyOfficer"],     "--scope"  },   // an officer needs a scope
        { ["--email", "x@test.sunghiep.vn", "--password", SuNghiepApp.Password, "--role", "AgencyOfficer", "--agency", "92.NONE"], "--agency" },
        { ["--email", "x@test.sunghiep.vn", "--password", "short", "--role", "Viewer"],                        "--password" },
        { ["--email", "x@test.sunghiep.vn", "--role"],                                                         "--role"   },   // option without value
        { ["--mail", "x@test.sunghiep.vn"],                                                                    "--mail"   },
    };

    [Theory, DatabaseData(nameof(BadArguments))]
    public async Task UserAdd_BadArguments_ReturnsNonZeroWithMessage(DatabaseProvider provider, string[] arguments, string expected)
    {
        var app = await hosts.GetAsync(provider);

        var (code, _, error) = await RunAsync(app, ["user", "add", .. arguments]);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Remind_Date_Returns0AndSaysWhatItAdded(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (lead, leadCode, _) = await Api.Plans.RemindersClient.CreateAgencyAsync(app);
        await app.CreateUserAsync("AgencyOfficer", agency: leadCode);
        var document = await Api.Plans.RemindersClient.CreateDocument2001Async(admin, Unique.Token(), null, app);
        var task = await Api.Plans.PlansClient.AddTaskAsync(admin, document.Id, Api.Plans.PlansClient.Task("Nhắc qua dòng lệnh", lead, new DateOnly(2001, 3, 15)));

        var (code, output, error) = await RunAsync(app, ["remind", "--date", "2001-03-10"]);
        var (badCode, _, badError) = await RunAsync(app, ["remind", "--date", "10/03/2001"]);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.StartsWith("Reminders as of 2001-03-10:", output, StringComparison.Ordinal);
        Assert.Contains("due soon", output, StringComparison.Ordinal);
        Assert.Equal(1, await Api.Plans.RemindersClient.CountForTaskAsync(app, task.Id));
        Assert.Equal(2, badCode);
        Assert.Contains("sunghiep remind [--date yyyy-MM-dd]", badError, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Output, string Error)> RunAsync(SuNghiepApp app, string[] args)
    {
        var variables = new Dictionary<string, string?>
        {
            ["Database__Provider"] = app.Database.ProviderSetting,
            ["ConnectionStrings__Default"] = app.Database.ConnectionString,
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
