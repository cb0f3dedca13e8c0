using System.Net;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Quality;

/// <summary>The merits page: recording a decision for a unit named by its code, and the list that shows it.</summary>
public sealed class MeritsPageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Form_UnitByCode_SavesAndListsIt_BadDateRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "KT", await app.AgencyIdAsync("92.SYT")).With("sector", "health"));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SYT"));
        var (_, page) = await session.GetAsync("/merits");
        var form = page.QuerySelector("[data-testid=merit-form]")!;
        var values = new Dictionary<string, string>
        {
            ["Input.Kind"] = "commendation", ["Input.Unit"] = unit.Code, ["Input.Form"] = "Bằng khen", ["Input.Reason"] = "Hoàn thành xuất sắc " + token,
            ["Input.DecisionNumber"] = $"{token}/QĐ-UBND", ["Input.DecisionDate"] = "02/06/2025", ["Input.DecisionIssuer"] = "Ủy ban nhân dân thành phố Cần Thơ",
        };

        using var bad = await session.PostFormAsync("/merits", form, new(values) { ["Input.DecisionDate"] = "31/02/2025" });
        var badPage = await PageSession.ParseAsync(bad);
        using var saved = await session.PostFormAsync("/merits", form, values);
        var (_, list) = await session.GetAsync($"/merits?q={token}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull(badPage.QuerySelector("[data-testid='error-Input.DecisionDate']"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([unit.Name], list.QuerySelectorAll("[data-testid=merit] a").Select(a => a.TextContent.Trim()));
    }
}
