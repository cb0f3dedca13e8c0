using SuNghiep.Web.Cli;
using SuNghiep.Web.Infrastructure;

// The same binary serves the web app and runs the admin verbs: `sunghiep migrate`, `sunghiep seed demo`, `sunghiep user add ...`.
if (AdminVerbs.IsVerb(args))
{
    return await AdminVerbs.RunAsync(args);
}

var app = WebApp.Build(args);
await WebApp.InitializeAsync(app);
await app.RunAsync();
return 0;

/// <summary>Entry point type for the in-process test host.</summary>
public partial class Program;
