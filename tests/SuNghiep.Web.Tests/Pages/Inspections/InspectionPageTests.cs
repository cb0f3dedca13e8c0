using System.Globalization;
using System.Net;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Oversight;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Inspections;

/// <summary>
/// The inspection pages over HTTP: the board counts an addressee's recommendations by status and links to the list it
/// counts; the conclusion and follow-up forms write, and the status on the page follows.
/// </summary>
public sealed class InspectionPageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Board_CountsByStatus_AndDrillsToTheList(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (addressee, _, _) = await app.CreateAgencyAsync();
        var health = await app.AgencyIdAsync("92.SYT");
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "BD", health).With("sector", "health"));
        var (_, overdue) = await admin.ConcludedAsync(Unique.Token(), health, unit.Id, addressee, PlansClient.Today.AddDays(-2));
        var (_, done) = await admin.ConcludedAsync(Unique.Token(), health, unit.Id, addressee, PlansClient.Today.AddDays(20));
        await admin.ConcludedAsync(Unique.Token(), health, unit.Id, addressee, PlansClient.Today.AddDays(20));
        await admin.FollowUpAsync(done, InspectionsClient.FollowUp(PlansClient.Today, true));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (response, page) = await session.GetAsync("/inspections/board");
        var row = page.QuerySelector($"[data-testid=board-row][data-agency='{addressee}']")!;
        string Cell(string status) => row.QuerySelector($"[data-status={status}]")!.TextContent.Trim();
        var link = row.QuerySelector("[data-status=overdue] a")!.GetAttribute("href")!;
        var (_, list) = await session.GetAsync(link);
        // Each line opens its recommendation on the inspection's page, where its follow-up and dispute forms are.
        var open = list.QuerySelector("[data-testid=open-recommendation]")!.GetAttribute("href")!.Split('#');
        var (_, inspection) = await session.GetAsync(open[0]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=board-chart]"));
        Assert.Equal(("1", "1", "1", "0", "0"), (Cell("open"), Cell("overdue"), Cell("done"), Cell("partial"), Cell("disputed")));
        Assert.Equal($"/recommendations?status=overdue&addresseeAgencyId={addressee}", link);
        Assert.Equal([overdue.ToString(CultureInfo.InvariantCulture)], list.QuerySelectorAll("[data-testid=recommendation]").Select(r => r.GetAttribute("data-id")));
        Assert.Equal("Quá hạn", list.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Equal(overdue.ToString(CultureInfo.InvariantCulture), inspection.GetElementById(open[1])?.GetAttribute("data-id"));
    }

    [Theory, DatabaseData]
    public async Task ConclusionAndFollowUpForms_WriteAndTheStatusFollows(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var health = await app.AgencyIdAsync("92.SYT");
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "FM", health).With("sector", "health"));
        var created = await admin.CreateInspectionAsync(InspectionsClient.Inspection(Unique.Token(), health, unit.Id));
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var url = $"/inspections/{created.Id}";
        var id = (int value) => value.ToString(CultureInfo.InvariantCulture);

        var (_, page) = await session.GetAsync(url);
        var form = page.QuerySelector("[data-testid=conclusion-form] form")!;
        using var invalid = await session.PostFormAsync(url + "?handler=Conclusion", form, new()
        {
            ["Input.Number"] = "5/KL", ["Input.Date"] = "10/06/2025", ["Input.Category"] = "Tài chính", ["Input.Type"] = "recover",
            ["Input.AddresseeAgencyId"] = id(health), ["Input.Deadline"] = "01/01/2025", ["Input.Amount"] = "-3",
        });
        using var concluded = await session.PostFormAsync(url + "?handler=Conclusion", form, new()
        {
            ["Input.Number"] = "5/KL", ["Input.Date"] = "10/06/2025", ["Input.Category"] = "Tài chính", ["Input.Type"] = "recover",
            ["Input.AddresseeAgencyId"] = id(health), ["Input.Deadline"] = Display(PlansClient.Today.AddDays(10)), ["Input.Amount"] = "119.000.000",
            ["Input.UnitId"] = id(unit.Id),
        });
        (_, page) = await session.GetAsync(url);
        var open = page.QuerySelector("[data-testid=recommendation] [data-testid=status]")!.TextContent.Trim();
        using var followed = await session.PostFormAsync(
            page.QuerySelector("[data-testid=follow-up-form]")!.GetAttribute("action")!, page.QuerySelector("[data-testid=follow-up-form]")!, new()
            {
                ["Input.Date"] = Display(PlansClient.Today), ["Input.Text"] = "Đã nộp trả", ["Input.Done"] = "true",
            });
        (_, page) = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, concluded.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal(("Chưa thực hiện", "Đã hoàn thành"), (open, page.QuerySelector("[data-testid=recommendation] [data-testid=status]")!.TextContent.Trim()));
        Assert.Equal(119_000_000m, (await admin.GetInspectionAsync(created.Id)).Findings[0].Amount);
        // The unit's page lists the finding with a link to the inspection.
        var (_, unitPage) = await session.GetAsync($"/units/{unit.Id}");
        Assert.Equal(url, unitPage.QuerySelector("[data-testid=unit-finding] a")!.GetAttribute("href"));
    }

    private static string Display(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
