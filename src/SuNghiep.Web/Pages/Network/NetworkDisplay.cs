using SuNghiep.Core.Services;

namespace SuNghiep.Web.Pages.Network;

/// <summary>How the network's pages name capacities.</summary>
public static class NetworkDisplay
{
    public static string UnitName(string code) =>
        ProviderService.ParseUnit(code) is { } unit && ProviderService.UnitNames.TryGetValue(unit, out var name) ? name : code;
}
