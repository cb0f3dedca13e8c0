using SuNghiep.Web.Cli;
using SuNghiep.Web.Infrastructure;

// The same binary serves the web app and runs the admin verbs: `sunghiep migrate`, `sunghiep seed demo`, `sunghiep user add ...`.
if (AdminVerbs.IsVerb(args))
{
    return await AdminVerbs.RunAsync(args);
}

var app = WebApp.Build(args);
try
{
    await WebApp.InitializeAsync(app);
}
catch (SuNghiep.Core.Seeding.SetupRefusedException refused)
{
    // No half-started app: one without an administrator would answer /healthz and let nobody in.
    await Console.Error.WriteLineAsync($"SuNghiep did not start. {refused.Message}");
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point type for the in-process test host.</summary>
public partial class Program;
