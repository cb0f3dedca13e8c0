using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Admin.Users;

/// <summary>The fields that place an account: its role and its scope.</summary>
public interface IScopeInput
{
    string? Role { get; }
    string? AgencyCode { get; }
    string? AreaCode { get; }
    string? UnitCode { get; }
}

/// <summary>The account pages' shared choices (role, scope) and the mapping of AccountService's fields onto the form.</summary>
public abstract class AccountFormModel(SuNghiepDbContext db) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["agency"] = "Input.AgencyCode",
        ["area"] = "Input.AreaCode",
        ["unit"] = "Input.UnitCode",
        ["scope"] = "Input.Scope",
        ["id"] = "",
    };

    public List<AgencyOption> Agencies { get; private set; } = [];
    public List<AreaOption> Provinces { get; private set; } = [];

    public abstract IScopeInput ScopeInput { get; }

    protected SuNghiepDbContext Db => db;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Agencies = await Lookups.AgenciesAsync(db, ct);
        Provinces = await Lookups.ProvincesAsync(db, ct);
    }
}
