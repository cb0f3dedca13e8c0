using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Scenarios;

namespace SuNghiep.Web.Pages.Scenarios;

/// <summary>The what-if scenarios the caller sees: its own drafts, and those shared by authors within its scope.</summary>
public sealed class IndexModel(ScenarioService scenarios) : PageModel
{
    public IReadOnlyList<ScenarioSummary> Items { get; private set; } = [];

    public bool CanCreate => Roles.UnitCreators.Any(User.IsInRole);

    public async Task OnGetAsync(CancellationToken ct) => Items = await scenarios.ListAsync(ct);
}
