using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>Who may change what, as docs/SECURITY.md's decision table states it.</summary>
public sealed class PermissionsTests
{
    private const string Admin = Roles.SystemAdmin;
    private const string HomeAffairs = Roles.HomeAffairs;
    private const string Agency = Roles.AgencyOfficer;
    private const string Unit = Roles.UnitOfficer;
    private const string Viewer = Roles.Viewer;

    // The managing agency corrects its units' description and classification, but moves, starts and ends them only by a
    // reorganization (Decree 120/2020, Art. 5-9: a decision of the competent level); the unit keeps its address and notes.
    [Theory]
    //          field                Admin  HomeAffairs  Agency  Unit   Viewer
    [InlineData("code",              true,  true,        true,   false, false)]
    [InlineData("name",              true,  true,        true,   false, false)]
    [InlineData("sector",            true,  true,        true,   false, false)]
    [InlineData("roleClass",         true,  true,        true,   false, false)]
    [InlineData("level",             true,  true,        true,   false, false)]
    [InlineData("areaCode",          true,  true,        true,   false, false)]
    [InlineData("managingAgencyId",  true,  true,        false,  false, false)]
    [InlineData("autonomyGroup",     true,  true,        true,   false, false)]
    [InlineData("establishedOn",     true,  true,        false,  false, false)]
    [InlineData("endedOn",           true,  true,        false,  false, false)]
    [InlineData("address",           true,  true,        true,   true,  false)]
    [InlineData("notes",             true,  true,        true,   true,  false)]
    [InlineData("effectiveFrom",     true,  true,        true,   false, false)]
    [InlineData("conversionListedBy", true, true,        false,  false, false)]   // the province's list is Home Affairs'
    [InlineData("conversionListedOn", true, true,        false,  false, false)]
    [InlineData("voided",            false, false,       false,  false, false)]   // not a field an edit carries
    public void MayChangeUnitField_ByRole_FollowsTheTable(string field, bool admin, bool homeAffairs, bool agency, bool unit, bool viewer)
    {
        Assert.Equal(
            (admin, homeAffairs, agency, unit, viewer, false),
            (Permissions.MayChangeUnitField(Admin, field), Permissions.MayChangeUnitField(HomeAffairs, field),
             Permissions.MayChangeUnitField(Agency, field), Permissions.MayChangeUnitField(Unit, field),
             Permissions.MayChangeUnitField(Viewer, field), Permissions.MayChangeUnitField(null, field)));
    }

    [Fact]
    public void UnitFieldRefusals_NameEachRefusedFieldOnceInVietnamese()
    {
        var refused = Permissions.UnitFieldRefusals(Unit, ["address", "managingAgencyId", "endedOn", "endedOn"]);

        Assert.Equal(["managingAgencyId", "endedOn"], refused.Select(r => r.Field));
        Assert.StartsWith("Cán bộ đơn vị không được thay đổi cơ quan quản lý", refused[0].Message, StringComparison.Ordinal);
        Assert.Contains("ngày chấm dứt hoạt động", refused[1].Message, StringComparison.Ordinal);
    }

    private static readonly AgencyPlace Health = new("/1/7/", "/p92/");
    private static readonly AgencyPlace HealthHospitalBoard = new("/1/7/40/", "/p92/");
    private static readonly AgencyPlace Province = new("/1/", "/p92/");
    private static readonly AgencyPlace Politburo = new("/900/901/", null);
    private static readonly AgencyPlace OtherProvince = new("/2/", "/p01/");

    private static CallerScope AgencyScope(string role, string path) => new(false, path, null, null, "cơ quan") { Role = role };

    private static CallerScope AreaScope(string role, string path) => new(false, null, path, null, "địa bàn") { Role = role };

    public static TheoryData<string, CallerScope, AgencyPlace?, bool> ActForRows => new()
    {
        // the issuing agency's documents, targets, tasks and files; a central document is the administrator's
        { "admin, central document",                 CallerScope.Everything,                 null,            true },
        { "admin, any agency",                       CallerScope.Everything,                 OtherProvince,   true },
        { "agency officer, its own agency",          AgencyScope(Agency, "/1/7/"),           Health,          true },
        { "agency officer, its subtree",             AgencyScope(Agency, "/1/7/"),           HealthHospitalBoard, true },
        { "agency officer, the province above it",   AgencyScope(Agency, "/1/7/"),           Province,        false },
        { "agency officer, the Politburo",           AgencyScope(Agency, "/1/7/"),           Politburo,       false },
        { "agency officer, central document",        AgencyScope(Agency, "/1/7/"),           null,            false },
        { "home affairs of the area, a department",  AreaScope(HomeAffairs, "/p92/"),        Health,          true },
        { "home affairs of the area, another one",   AreaScope(HomeAffairs, "/p92/"),        OtherProvince,   false },
        { "home affairs without scope, central",     CallerScope.Everything with { Role = HomeAffairs }, null, false },
        { "viewer of the agency",                    AgencyScope(Viewer, "/1/7/"),           Health,          false },
        { "unit officer",                            new CallerScope(false, null, null, 5, "đơn vị") { Role = Unit }, Health, false },
        { "no role",                                 CallerScope.Nothing,                    Health,          false },
    };

    [Theory, MemberData(nameof(ActForRows))]
    public void MayActFor_TheIssuingAgencysScopeOnly(string _, CallerScope scope, AgencyPlace? issuer, bool expected) =>
        Assert.Equal(expected, Permissions.MayActFor(scope, issuer));

    // A task's status is the assigning level's: a coordinating or leading agency below it does not change it.
    [Fact]
    public void MaySetTaskStatus_AssignerYes_LeadOrCoordinatorBelowNo()
    {
        Assert.True(Permissions.MaySetTaskStatus(AgencyScope(Agency, "/1/"), Health));
        Assert.False(Permissions.MaySetTaskStatus(AgencyScope(Agency, "/1/8/"), Health));
        Assert.False(Permissions.MaySetTaskStatus(AgencyScope(Agency, "/1/7/40/"), Health));
    }

    // Decree 60/2021, Art. 36: the plan is approved by the managing level, never by the unit that submits it.
    [Theory]
    //          role          decides
    [InlineData(Admin,        true)]
    [InlineData(HomeAffairs,  true)]
    [InlineData(Agency,       true)]
    [InlineData(Unit,         false)]
    [InlineData(Viewer,       false)]
    [InlineData(null,         false)]
    public void MayDecideAutonomyPlan_TheApprovingLevelOnly(string? role, bool expected) =>
        Assert.Equal(expected, Permissions.MayDecideAutonomyPlan(role));

    public static TheoryData<string, CallerScope, AgencyPlace, AgencyPlace?, bool> AllocateRows => new()
    {
        // the level above allocates to the agencies below it, never to itself
        { "department to its own board",        AgencyScope(Agency, "/1/7/"),        HealthHospitalBoard, Health,    true },
        { "department to itself",               AgencyScope(Agency, "/1/7/"),        Health,              Province,  false },
        { "province to its department",         AgencyScope(HomeAffairs, "/1/"),     Health,              Province,  true },
        { "province to itself",                 AgencyScope(HomeAffairs, "/1/"),     Province,            null,      false },
        { "area account to a department",       AreaScope(HomeAffairs, "/p92/"),     Health,              Province,  true },
        { "area account to the province",       AreaScope(HomeAffairs, "/p92/"),     Province,            Politburo, false },
        { "administrator to a top agency",      CallerScope.Everything,              Province,            null,      true },
        { "viewer above",                       AgencyScope(Viewer, "/1/"),          Health,              Province,  false },
    };

    [Theory, MemberData(nameof(AllocateRows))]
    public void MayAllocate_TheLevelAboveOnly(string _, CallerScope scope, AgencyPlace agency, AgencyPlace? parent, bool expected) =>
        Assert.Equal(expected, Permissions.MayAllocate(scope, agency, parent));
}
