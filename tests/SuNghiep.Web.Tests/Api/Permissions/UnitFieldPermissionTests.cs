using System.Net;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Permissions;

/// <summary>
/// Per role, which fields of a unit an edit may change: a unit officer its address and notes, the managing agency its
/// description and classification; moving a unit to another agency, and its dates, go through reorganizations.
/// </summary>
public sealed class UnitFieldPermissionTests(AppHosts hosts)
{
    private const string Education = "92.SGDDT";

    private static async Task<(int Versions, int Audits, DateTime UpdatedAt)> FootprintAsync(SuNghiepApp app, int unitId) =>
        await app.WithDbAsync(async (db, _) => (
            await db.UnitVersions.CountAsync(v => v.UnitId == unitId),
            await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Unit) && e.EntityId == unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await db.Units.Where(u => u.Id == unitId).Select(u => u.UpdatedAt).SingleAsync()));

    [Theory, DatabaseData]
    public async Task Put_UnitOfficerMovingOrEndingItsUnit_Returns400OnTheFieldAndChangesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync(Education));
        var own = await admin.CreateUnitAsync(body);
        var email = await app.CreateUserAsync(Roles.UnitOfficer, unit: own.Code);
        using var officer = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var before = await FootprintAsync(app, own.Id);

        using var moved = await officer.PutUnitAsync(own.Id, body.With("managingAgencyId", await app.AgencyIdAsync("92.SYT")));
        using var ended = await officer.PutUnitAsync(own.Id, body.With("endedOn", "2024-06-30"));
        using var renamed = await officer.PutUnitAsync(own.Id, body.With("name", "Tên do đơn vị tự đổi").With("sector", "health"));
        using var versioned = await officer.PutUnitAsync(own.Id, body.With("effectiveFrom", "2024-01-01").With("decisionNumber", "1/QĐ")
            .With("decisionDate", "2024-01-01").With("decisionIssuer", "Đơn vị"));

        Assert.Equal(["managingAgencyId"], (await moved.ValidationErrorsAsync()).Keys);
        var endedErrors = await ended.ValidationErrorsAsync();
        Assert.Equal(["endedOn"], endedErrors.Keys);
        Assert.StartsWith("Cán bộ đơn vị không được thay đổi ngày chấm dứt hoạt động", endedErrors["endedOn"][0], StringComparison.Ordinal);
        Assert.Equal(["name", "sector"], (await renamed.ValidationErrorsAsync()).Keys.Order());
        Assert.Contains("effectiveFrom", (await versioned.ValidationErrorsAsync()).Keys);
        Assert.Equal(own, await admin.GetUnitAsync(own.Id));
        Assert.Equal(before, await FootprintAsync(app, own.Id));
    }

    [Theory, DatabaseData]
    public async Task Put_AgencyOfficerEndingOrMovingItsUnit_Returns400_ButCorrectsItsNameAndNotes(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Education);
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync(Education));
        var own = await officer.CreateUnitAsync(body);

        using var ended = await officer.PutUnitAsync(own.Id, body.With("endedOn", "2024-06-30"));
        using var redated = await officer.PutUnitAsync(own.Id, body.With("establishedOn", "1999-01-01"));
        var unchanged = await officer.GetUnitAsync(own.Id);
        using var corrected = await officer.PutUnitAsync(own.Id, body.With("name", own.Name + " (sửa)").With("notes", "Sửa tên cho đúng quyết định"));

        Assert.Equal(["endedOn"], (await ended.ValidationErrorsAsync()).Keys);
        Assert.Equal(["establishedOn"], (await redated.ValidationErrorsAsync()).Keys);
        Assert.Equal(own, unchanged);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var read = await officer.GetUnitAsync(own.Id);
        Assert.Equal((own.Name + " (sửa)", "Sửa tên cho đúng quyết định", (DateOnly?)null), (read.Name, read.Notes, read.EndedOn));
    }

    // The way a unit ends: a reorganization, recorded by those allowed (Home Affairs here), which can be voided.
    [Theory, DatabaseData]
    public async Task Reorganization_HomeAffairsEndsTheUnit_UnitOfficerMayNot(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var own = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync(Education)));
        var email = await app.CreateUserAsync(Roles.UnitOfficer, unit: own.Code);
        using var unitOfficer = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var (homeAffairs, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");
        var day = new DateOnly(2024, 7, 1);

        using var refused = await unitOfficer.PostEventAsync(Event("dissolution", day).With("sourceUnitIds", Ids(own)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null((await admin.GetUnitAsync(own.Id)).EndedOn);

        await homeAffairs.RecordAsync(Event("dissolution", day).With("sourceUnitIds", Ids(own)));

        Assert.Equal(day, (await admin.GetUnitAsync(own.Id)).EndedOn);
    }

    [Theory, DatabaseData]
    public async Task EditPage_UnitOfficer_SeesLockedFieldsAndAForgedAgencyIsIgnored(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var own = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync(Education)));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.UnitOfficer, unit: own.Code));
        var url = $"/units/{own.Id}/edit";

        var (_, page) = await session.GetAsync(url);
        using var posted = await session.PostFormAsync(url, page.QuerySelector("main form")!, new()
        {
            ["Input.Address"] = "Số 9 đường Mậu Thân",
            ["Input.ManagingAgencyId"] = (await app.AgencyIdAsync("92.SYT")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndedOn"] = "2024-06-30",
        });

        foreach (var id in new[] { "Input_Code", "Input_Name", "Input_ManagingAgencyId", "Input_AreaCode", "Input_EstablishedOn", "Input_EndedOn" })
        {
            Assert.True(page.GetElementById(id)!.HasAttribute("disabled"), id + " should be disabled");
        }

        Assert.False(page.GetElementById("Input_Address")!.HasAttribute("disabled"));
        Assert.Null(page.QuerySelector("[data-testid=effective-from]"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var read = await admin.GetUnitAsync(own.Id);
        Assert.Equal(("Số 9 đường Mậu Thân", own.ManagingAgencyId, (DateOnly?)null), (read.Address, read.ManagingAgencyId, read.EndedOn));
    }

    [Theory, DatabaseData]
    public async Task EditPage_AgencyOfficer_LocksOnlyAgencyAndDates(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: Education));
        using var admin = await app.AdminAsync();
        var own = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync(Education)));

        var (_, page) = await session.GetAsync($"/units/{own.Id}/edit");

        var disabled = page.QuerySelectorAll("main form [disabled]").Select(e => e.Id).Order().ToList();
        Assert.Equal(["Input_EndedOn", "Input_EstablishedOn", "Input_ManagingAgencyId"], disabled);
        Assert.NotNull(page.QuerySelector("[data-testid=effective-from]"));
    }
}
