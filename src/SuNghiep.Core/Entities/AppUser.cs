using Microsoft.AspNetCore.Identity;

namespace SuNghiep.Core.Entities;

/// <summary>An account. Its scope is an agency subtree, an area subtree, one unit, or nothing (whole country).</summary>
public sealed class AppUser : IdentityUser
{
    public string? FullName { get; set; }
    public int? ScopeAgencyId { get; set; }
    public Agency? ScopeAgency { get; set; }
    public int? ScopeAreaId { get; set; }
    public Area? ScopeArea { get; set; }
    public int? ScopeUnitId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set when an administrator gave a one-time password: the account may do nothing but change it.</summary>
    public bool MustChangePassword { get; set; }
}

public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string HomeAffairs = "HomeAffairs";
    public const string AgencyOfficer = "AgencyOfficer";
    public const string UnitOfficer = "UnitOfficer";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [SystemAdmin, HomeAffairs, AgencyOfficer, UnitOfficer, Viewer];

    public static string DisplayName(string role) => role switch
    {
        SystemAdmin => "Quản trị hệ thống",
        HomeAffairs => "Cán bộ Sở Nội vụ",
        AgencyOfficer => "Cán bộ cơ quan chủ quản",
        UnitOfficer => "Cán bộ đơn vị",
        Viewer => "Người xem",
        _ => role,
    };

    /// <summary>Roles that may create units in their scope.</summary>
    public static readonly IReadOnlyList<string> UnitCreators = [SystemAdmin, HomeAffairs, AgencyOfficer];

    /// <summary>Roles that may edit units in their scope.</summary>
    public static readonly IReadOnlyList<string> UnitEditors = [SystemAdmin, HomeAffairs, AgencyOfficer, UnitOfficer];
}
