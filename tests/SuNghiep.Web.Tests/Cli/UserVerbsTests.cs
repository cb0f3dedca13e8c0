using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Accounts;

namespace SuNghiep.Web.Tests.Cli;

/// <summary>
/// `sunghiep user lock | unlock | role | reset-password`: each ends the account's sessions at once and is audited with
/// the operator as actor. Run as AdminVerbsTests runs the verbs, in the collection that has the process to itself.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed partial class UserVerbsTests(AppHosts hosts)
{
    private const string Units = "/api/v1/units?pageSize=1";

    [Theory, DatabaseData]
    public async Task LockThenUnlock_EndsTheTokenRefusesSignInThenLetsItIn(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.Viewer);
        using var anonymous = app.Client();

        var (locked, lockOutput, lockError) = await AdminVerbsTests.RunAsync(app, ["user", "lock", "--email", email]);
        using var refused = await client.GetAsync(Units);
        using var signIn = await anonymous.LoginAsync(email, SuNghiepApp.Password);
        var (unlocked, _, unlockError) = await AdminVerbsTests.RunAsync(app, ["user", "unlock", "--email", email]);
        using var again = await anonymous.LoginAsync(email, SuNghiepApp.Password);

        Assert.True(locked == 0, $"exit {locked}: {lockError}");
        Assert.Contains(email, lockOutput, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.True(unlocked == 0, $"exit {unlocked}: {unlockError}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, await CliAuditCountAsync(app, email));
    }

    [Theory, DatabaseData]
    public async Task Role_Viewer_EndsTheTokenAndTheNewOneCannotWrite(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.HomeAffairs);
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT"));

        var (code, output, error) = await AdminVerbsTests.RunAsync(app, ["user", "role", "--email", email, "--role", "viewer"]);
        using var old = await client.GetAsync(Units);
        using var viewer = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        using var post = await viewer.PostUnitAsync(body);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("Viewer", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        // The membership of HomeAffairs ends and that of Viewer starts.
        Assert.Equal(2, await CliAuditCountAsync(app, email, "UserRole"));
    }

    [Theory, DatabaseData]
    public async Task ResetPassword_PrintsAOneTimePasswordThatMustBeChanged(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.Viewer);

        var (code, output, error) = await AdminVerbsTests.RunAsync(app, ["user", "reset-password", "--email", email]);
        var oneTime = OneTimePassword().Match(output).Groups[1].Value;
        using var old = await client.GetAsync(Units);
        using var fresh = app.ClientWithToken(await app.TokenAsync(email, oneTime));
        using var refused = await fresh.GetAsync(Units);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.True(oneTime.Length >= 12, output);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await app.PasswordOpensAsync(email, SuNghiepApp.Password));
        Assert.Equal(1, await CliAuditCountAsync(app, email));
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        // arguments after "user"                                              message names
        { ["lock", "--email", "nobody.{0}@test.sunghiep.vn"],                  "--email"   },
        { ["role", "--email", "{1}", "--role", "Chief"],                       "--role"    },
        { ["role", "--email", "{1}", "--role", "UnitOfficer"],                 "--unit"    },   // a unit officer needs a unit
        { ["role", "--email", "{1}"],                                          "Usage: sunghiep user role --email E --role R" },
        { ["unlock", "--mail", "{1}"],                                         "Usage: sunghiep user unlock --email E" },
    };

    [Theory, DatabaseData(nameof(BadArguments))]
    public async Task BadArguments_ReturnNonZeroAndChangeNothing(DatabaseProvider provider, string[] arguments, string expected)
    {
        var app = await hosts.GetAsync(provider);
        var (client, email) = await app.SignInAsNewUserAsync(Roles.Viewer);
        var args = arguments.Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, a, Unique.Token(), email)).ToArray();

        var (code, _, error) = await AdminVerbsTests.RunAsync(app, ["user", .. args]);
        using var still = await client.GetAsync(Units);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.Equal(0, await CliAuditCountAsync(app, email));
    }

    // Audit rows of the account written by the verbs (actor "Dòng lệnh quản trị (<user>)").
    private static async Task<int> CliAuditCountAsync(SuNghiepApp app, string email, string entityType = nameof(AppUser))
    {
        var id = await app.IdOfAsync(email);
        return await app.WithDbAsync((db, _) => db.AuditEntries
            .CountAsync(a => a.EntityType == entityType && a.EntityId.StartsWith(id) && a.ActorName.StartsWith("Dòng lệnh quản trị (")));
    }

    [GeneratedRegex(@"One-time password for \S+: (\S+)")]
    private static partial Regex OneTimePassword();
}
