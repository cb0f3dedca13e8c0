using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Api.Units;

/// <summary>
/// A unit's listing for conversion into a joint-stock company (the denominator of conversion.share): the province's list,
/// kept by Home Affairs and the administrator, validated, audited, shown on the unit page; kept when a writer omits it.
/// </summary>
public sealed class ConversionListingTests(AppHosts hosts)
{
    private const string Construction = "92.SXD";

    private static async Task<System.Text.Json.Nodes.JsonObject> EconomicUnitAsync(SuNghiepApp app, string token) =>
        UnitsClient.Body(token, "CP", await app.AgencyIdAsync(Construction)).With("sector", "economic").With("roleClass", "other").With("level", "province");

    [Theory, DatabaseData]
    public async Task Put_HomeAffairsListsAndAdministratorClears_ShownOnTheUnitPage_AndAudited(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = await EconomicUnitAsync(app, Unique.Token());
        var unit = await admin.CreateUnitAsync(body);
        var control = await admin.CreateUnitAsync(await EconomicUnitAsync(app, Unique.Token()));
        var email = await app.CreateUserAsync(Roles.HomeAffairs, area: "92");
        using var homeAffairs = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));

        using var listed = await homeAffairs.PutUnitAsync(unit.Id, body.With("conversionListedBy", "2150/QĐ-UBND").With("conversionListedOn", "2021-11-15"));
        var read = await admin.GetUnitAsync(unit.Id);
        using var session = await PageSession.SignInAsync(app, email);
        var (_, page) = await session.GetAsync($"/units/{unit.Id}");
        var (_, controlPage) = await session.GetAsync($"/units/{control.Id}");
        var audit = await app.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.EntityType == nameof(Unit) && e.EntityId == unit.Id.ToString(CultureInfo.InvariantCulture) && e.Action == "Update")
            .Select(e => e.After).ToListAsync());
        using var cleared = await admin.PutUnitAsync(unit.Id, body.With("conversionListedBy", null).With("conversionListedOn", null));

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(("2150/QĐ-UBND", (DateOnly?)new DateOnly(2021, 11, 15)), (read.ConversionListedBy, read.ConversionListedOn));
        Assert.Equal("Thuộc danh mục chuyển đổi thành công ty cổ phần theo Quyết định 2150/QĐ-UBND ngày 15/11/2021",
            page.QuerySelector("[data-field=conversionListing]")!.TextContent.Trim());
        Assert.Null(controlPage.QuerySelector("[data-field=conversionListing]"));
        Assert.Contains(audit, a => a!.Contains("2150/QĐ-UBND", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(((string?)null, (DateOnly?)null), ((await admin.GetUnitAsync(unit.Id)).ConversionListedBy, (await admin.GetUnitAsync(unit.Id)).ConversionListedOn));
    }

    [Theory, DatabaseData]
    public async Task Write_AgencyOrUnitOfficerChangingTheListing_Returns400OnTheField_AnOmittedListingIsKept(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var body = (await EconomicUnitAsync(app, token)).With("conversionListedBy", "2151/QĐ-UBND").With("conversionListedOn", "2021-11-22");
        var unit = await admin.CreateUnitAsync(body);
        var (agency, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Construction);
        var unitEmail = await app.CreateUserAsync(Roles.UnitOfficer, unit: unit.Code);
        using var unitOfficer = app.ClientWithToken(await app.TokenAsync(unitEmail, SuNghiepApp.Password));

        using var delisted = await agency.PutUnitAsync(unit.Id, body.With("conversionListedBy", null).With("conversionListedOn", null));
        using var redated = await unitOfficer.PutUnitAsync(unit.Id, body.With("conversionListedOn", "2022-01-05"));
        using var created = await agency.PostUnitAsync((await EconomicUnitAsync(app, Unique.Token())).With("conversionListedBy", "1/QĐ-SXD").With("conversionListedOn", "2022-01-05"));
        var unchanged = await admin.GetUnitAsync(unit.Id);
        // A writer that does not send the listing (an older client, a form without it) keeps it.
        using var noted = await agency.PutUnitAsync(unit.Id, body.Without("conversionListedBy").Without("conversionListedOn").With("notes", "Ghi chú " + token));

        var delistedErrors = await delisted.ValidationErrorsAsync();
        Assert.Equal(["conversionListedBy", "conversionListedOn"], delistedErrors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Cán bộ cơ quan chủ quản không được thay đổi quyết định đưa đơn vị vào danh mục chuyển đổi", delistedErrors["conversionListedBy"][0], StringComparison.Ordinal);
        Assert.Equal(["conversionListedOn"], (await redated.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("conversionListedBy", (await created.ValidationErrorsAsync()).Keys);
        Assert.Equal(("2151/QĐ-UBND", (DateOnly?)new DateOnly(2021, 11, 22)), (unchanged.ConversionListedBy, unchanged.ConversionListedOn));
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        var after = await admin.GetUnitAsync(unit.Id);
        Assert.Equal(("Ghi chú " + token, "2151/QĐ-UBND"), (after.Notes, after.ConversionListedBy));
    }

    [Theory, DatabaseData]
    public async Task Put_HomeAffairs_BadListing_Returns400OnTheField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = await EconomicUnitAsync(app, Unique.Token());
        var unit = await admin.CreateUnitAsync(body);
        var (homeAffairs, _) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");

        using var future = await homeAffairs.PutUnitAsync(unit.Id, body.With("conversionListedBy", "1/QĐ-UBND").With("conversionListedOn", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        using var early = await homeAffairs.PutUnitAsync(unit.Id, body.With("conversionListedBy", "1/QĐ-UBND").With("conversionListedOn", "2014-12-31"));
        using var undated = await homeAffairs.PutUnitAsync(unit.Id, body.With("conversionListedBy", "1/QĐ-UBND"));
        using var notADate = await homeAffairs.PutUnitAsync(unit.Id, body.With("conversionListedBy", "1/QĐ-UBND").With("conversionListedOn", "hôm qua"));

        var futureErrors = await future.ValidationErrorsAsync();
        var earlyErrors = await early.ValidationErrorsAsync();
        Assert.Equal(["conversionListedOn"], futureErrors.Keys);
        Assert.Contains("sau ngày hôm nay", futureErrors["conversionListedOn"][0], StringComparison.Ordinal);
        Assert.Contains("01/01/2015", earlyErrors["conversionListedOn"][0], StringComparison.Ordinal);
        Assert.Equal(["conversionListedOn"], (await undated.ValidationErrorsAsync()).Keys);
        Assert.Equal(["conversionListedOn"], (await notADate.ValidationErrorsAsync()).Keys);
        Assert.Null((await admin.GetUnitAsync(unit.Id)).ConversionListedBy);
    }

    [Theory, DatabaseData]
    public async Task EditPage_OffersTheListingToHomeAffairsOnly_AndSavesIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(await EconomicUnitAsync(app, Unique.Token()));
        using var homeAffairs = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        using var agency = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: Construction));

        var (_, agencyForm) = await agency.GetAsync($"/units/{unit.Id}/edit");
        var (_, form) = await homeAffairs.GetAsync($"/units/{unit.Id}/edit");
        using var bad = await homeAffairs.PostFormAsync($"/units/{unit.Id}/edit", form.QuerySelector("form.unit-form")!,
            new() { ["Input.ConversionListedBy"] = "2152/QĐ-UBND" });
        var badPage = await PageSession.ParseAsync(bad);
        var (_, again) = await homeAffairs.GetAsync($"/units/{unit.Id}/edit");
        using var saved = await homeAffairs.PostFormAsync($"/units/{unit.Id}/edit", again.QuerySelector("form.unit-form")!,
            new() { ["Input.ConversionListedBy"] = "2152/QĐ-UBND", ["Input.ConversionListedOn"] = "2021-11-29" });

        Assert.Null(agencyForm.QuerySelector("[data-testid=conversion-listing]"));
        Assert.NotNull(form.QuerySelector("[data-testid=conversion-listing]"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Vui lòng nhập ngày của quyết định", badPage.QuerySelector("[data-testid=conversion-listing]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(("2152/QĐ-UBND", (DateOnly?)new DateOnly(2021, 11, 29)), ((await admin.GetUnitAsync(unit.Id)).ConversionListedBy, (await admin.GetUnitAsync(unit.Id)).ConversionListedOn));
    }

    // The demo lists the water supply, vehicle inspection and construction inspection centres of each old province.
    [Theory, DatabaseData]
    public async Task Demo_ListsItsEligibleEconomicUnits_SomeStillPublic(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var listed = await app.WithDbAsync((db, _) => db.Units.IgnoreQueryFilters().Where(u => u.ConversionListedBy != null && u.ConversionListedBy.Contains("của Ủy ban nhân dân"))
            .Select(u => new { u.Name, u.SectorCode, u.EndedOn, u.ConversionListedOn }).ToListAsync());

        Assert.True(listed.Count >= 6, $"only {listed.Count} demo units listed");
        Assert.All(listed, u => Assert.Equal("economic", u.SectorCode));
        Assert.All(listed, u => Assert.InRange(u.ConversionListedOn!.Value, new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 29)));
        Assert.Contains(listed, u => u.EndedOn is null && u.Name.StartsWith("Trung tâm Nước sạch", StringComparison.Ordinal));
        // Some were converted after their listing: conversion.share has a numerator as well as a denominator.
        Assert.Contains(listed, u => u.EndedOn > u.ConversionListedOn && u.Name.StartsWith("Trung tâm Đăng kiểm", StringComparison.Ordinal));
    }
}
