using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace SuNghiep.Web.Tests.Api.Units;

public sealed class UnitCrudTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Post_ValidUnit_Returns201WithEveryField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        var token = Unique.Token();
        var body = UnitsClient.Body(token, "A", agency).With("notes", "Thành lập theo Quyết định 12/QĐ-UBND");

        using var response = await admin.PostUnitAsync(body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var json = JsonDocument.Parse(text);
        var unit = json.RootElement;
        var id = unit.GetProperty("id").GetInt32();
        Assert.True(id > 0);
        Assert.Equal($"/api/v1/units/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"{token}-A", unit.GetProperty("code").GetString());
        Assert.Equal($"{Unique.Name(token)} A", unit.GetProperty("name").GetString());
        Assert.Equal("education", unit.GetProperty("sector").GetString());
        Assert.Equal("basic-service", unit.GetProperty("roleClass").GetString());
        Assert.Equal("commune", unit.GetProperty("level").GetString());
        Assert.Equal("31120", unit.GetProperty("areaCode").GetString());
        Assert.Equal(agency, unit.GetProperty("managingAgencyId").GetInt32());
        Assert.Equal(4, unit.GetProperty("autonomyGroup").GetInt32());
        Assert.Equal("2000-01-01", unit.GetProperty("establishedOn").GetString());
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("endedOn").ValueKind);
        Assert.Equal("Số 1 đường Hòa Bình, phường Cái Khế", unit.GetProperty("address").GetString());
        Assert.Equal("Thành lập theo Quyết định 12/QĐ-UBND", unit.GetProperty("notes").GetString());
    }

    [Theory, DatabaseData]
    public async Task Get_CreatedUnit_ReturnsIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var created = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", await app.AgencyIdAsync("92.SGDDT")));

        var unit = await admin.GetUnitAsync(created.Id);

        Assert.Equal(created, unit);
        Assert.Equal("Sở Giáo dục và Đào tạo thành phố Cần Thơ", unit.ManagingAgencyName);
        Assert.Contains("Cái Khế", unit.AreaName, StringComparison.Ordinal);
        Assert.True(unit.Active);
    }

    [Theory, DatabaseData]
    public async Task Put_ChangedFields_UpdatesTheUnit(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var body = UnitsClient.Body(token, "A", await app.AgencyIdAsync("92.SGDDT"));
        var created = await admin.CreateUnitAsync(body);
        var health = await app.AgencyIdAsync("92.SYT");
        var changed = body
            .With("name", $"{Unique.Name(token)} Trạm Y tế")
            .With("sector", "health")
            .With("managingAgencyId", health)
            .With("areaCode", "31135")
            .With("autonomyGroup", null)
            .With("notes", "Đổi tên theo Quyết định 7/QĐ-UBND");

        using var response = await admin.PutUnitAsync(created.Id, changed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unit = await admin.GetUnitAsync(created.Id);
        Assert.Equal(created.Id, unit.Id);
        Assert.Equal(created.Code, unit.Code);
        Assert.Equal($"{Unique.Name(token)} Trạm Y tế", unit.Name);
        Assert.Equal("health", unit.Sector);
        Assert.Equal(health, unit.ManagingAgencyId);
        Assert.Equal("31135", unit.AreaCode);
        Assert.Null(unit.AutonomyGroup);
        Assert.Equal("Đổi tên theo Quyết định 7/QĐ-UBND", unit.Notes);
    }

    [Theory, DatabaseData]
    public async Task List_ByCode_FindsTheCreatedUnitOnly(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        var wanted = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", agency));
        var control = await admin.CreateUnitAsync(UnitsClient.Body(token, "B", agency));

        var list = await admin.ListUnitsAsync($"search={wanted.Code}");

        Assert.Equal(1, list.Total);
        Assert.Equal(wanted.Id, Assert.Single(list.Items).Id);
        Assert.Contains(control.Id, (await admin.ListUnitsAsync($"search={token}")).Items.Select(u => u.Id));
    }

    [Theory, DatabaseData]
    public async Task Post_NumbersForCodes_AcceptsCatalogueNumbers(DatabaseProvider provider)
    {
        // Sector 3 is "Y tế - dân số", role class 2 "Phục vụ quản lý nhà nước", level 2 "Cấp tỉnh" (Catalog numbers).
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SYT"))
            .With("sector", "3").With("roleClass", 2).With("level", "2");

        var unit = await admin.CreateUnitAsync(body);

        Assert.Equal(("health", "state-management", "province"), (unit.Sector, unit.RoleClass, unit.Level));
    }

    [Theory, DatabaseData]
    public async Task Put_SameValues_ReturnsUnchangedUnit(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT"));
        var created = await admin.CreateUnitAsync(body);

        using var response = await admin.PutUnitAsync(created.Id, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created, await admin.GetUnitAsync(created.Id));
        // A no-op writes nothing: the trail holds the creation only.
        var id = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityType == "Unit" && a.EntityId == id)));
    }
}
