using System.Net;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Api;

/// <summary>What an account sees and may change depends on its scope: an agency subtree or an area subtree.</summary>
public sealed class ScopeTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private const string Education = "92.SGDDT";

    [Theory, DatabaseData]
    public async Task List_AgencyOfficer_SeesOnlyItsAgencySubtree(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var health = await app.AgencyIdAsync(Health);
        var own = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", health).With("sector", "health"));
        var other = await admin.CreateUnitAsync(UnitsClient.Body(token, "B", await app.AgencyIdAsync(Education)));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        var mine = await officer.ListUnitsAsync($"search={token}&status=all");
        var everything = await officer.ListUnitsAsync("status=active&pageSize=500");

        Assert.Equal([own.Id], mine.Items.Select(u => u.Id));
        Assert.Equal(1, mine.Total);
        Assert.DoesNotContain(other.Id, everything.Items.Select(u => u.Id));
        Assert.True(everything.Total > 1, "the demo province gives Sở Y tế several units");
        Assert.All(everything.Items, u => Assert.Equal(health, u.ManagingAgencyId));
    }

    [Theory, DatabaseData]
    public async Task GetAndPut_AgencyOfficerOnAnotherAgencysUnit_Return404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(Unique.Token(), "B", await app.AgencyIdAsync(Education));
        var other = await admin.CreateUnitAsync(body);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        using var get = await officer.GetAsync($"/api/v1/units/{other.Id}");
        using var put = await officer.PutUnitAsync(other.Id, body.With("name", "Tên do cơ quan khác sửa"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(other.Name, (await admin.GetUnitAsync(other.Id)).Name);
    }

    [Theory, DatabaseData]
    public async Task Post_AgencyOfficerUnderAnotherAgency_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var token = Unique.Token();

        using var response = await officer.PostUnitAsync(UnitsClient.Body(token, "B", await app.AgencyIdAsync(Education)));

        Assert.Equal(["managingAgencyId"], (await response.ValidationErrorsAsync()).Keys);
        using var admin = await app.AdminAsync();
        Assert.Equal(0, (await admin.ListUnitsAsync($"search={token}&status=all")).Total);
    }

    [Theory, DatabaseData]
    public async Task PostGetPut_AgencyOfficerOwnUnit_Succeed(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync(Health)).With("sector", "health");

        var created = await officer.CreateUnitAsync(body);
        var read = await officer.GetUnitAsync(created.Id);
        using var put = await officer.PutUnitAsync(created.Id, body.With("notes", "Cập nhật bởi Sở Y tế"));

        Assert.Equal(created, read);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Cập nhật bởi Sở Y tế", (await officer.GetUnitAsync(created.Id)).Notes);
    }

    [Theory, DatabaseData]
    public async Task Put_AgencyOfficerMovingOwnUnitAway_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync(Health));
        var created = await officer.CreateUnitAsync(body);

        using var put = await officer.PutUnitAsync(created.Id, body.With("managingAgencyId", await app.AgencyIdAsync(Education)));

        Assert.Equal(["managingAgencyId"], (await put.ValidationErrorsAsync()).Keys);
        Assert.Equal(created.ManagingAgencyId, (await officer.GetUnitAsync(created.Id)).ManagingAgencyId);
    }

    [Theory, DatabaseData]
    public async Task List_HomeAffairsScopedToProvince92_SeesItsUnitsOnly(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync(Education);
        var inProvince = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", agency));
        var elsewhere = await admin.CreateUnitAsync(UnitsClient.Body(token, "B", agency).With("areaCode", "00004"));
        var (homeAffairs, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");

        var demo = await homeAffairs.ListUnitsAsync($"search={Uri.EscapeDataString("Bệnh viện Đa khoa thành phố Cần Thơ")}");
        var mine = await homeAffairs.ListUnitsAsync($"search={token}&status=all");
        using var hidden = await homeAffairs.GetAsync($"/api/v1/units/{elsewhere.Id}");

        Assert.Contains("Bệnh viện Đa khoa thành phố Cần Thơ", demo.Items.Select(u => u.Name));
        Assert.Equal([inProvince.Id], mine.Items.Select(u => u.Id));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Units_UnitOfficer_SeesAndEditsItsOwnUnitOnly(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync(Education);
        var body = UnitsClient.Body(token, "A", agency);
        var own = await admin.CreateUnitAsync(body);
        var sibling = await admin.CreateUnitAsync(UnitsClient.Body(token, "B", agency));
        var email = await app.CreateUserAsync(Roles.UnitOfficer, unit: own.Code);
        using var officer = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));

        var list = await officer.ListUnitsAsync("status=active&pageSize=500");
        using var put = await officer.PutUnitAsync(own.Id, body.With("address", "Số 2 đường Hòa Bình"));
        using var other = await officer.GetAsync($"/api/v1/units/{sibling.Id}");
        using var post = await officer.PostUnitAsync(UnitsClient.Body(token, "C", agency));

        Assert.Equal([own.Id], list.Items.Select(u => u.Id));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Số 2 đường Hòa Bình", (await officer.GetUnitAsync(own.Id)).Address);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }
}
