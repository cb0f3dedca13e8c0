using System.Net;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Notifications;

/// <summary>The notifications page and the navbar's count, through plain forms as a browser without JavaScript posts them.</summary>
[Collection(nameof(Sweeps))]
public sealed class NotificationsPageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task MarkRead_OneThenAll_UnboldsTheRowsAndLowersTheCount(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (lead, leadCode, _) = await app.CreateAgencyAsync();
        var document = await admin.CreateDocument2001Async(token, null, app);
        var older = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Việc một {token}", lead, new DateOnly(2001, 3, 12)));
        var newer = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Việc hai {token}", lead, new DateOnly(2001, 3, 19)));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: leadCode));
        await app.SweepAsync(new DateOnly(2001, 3, 10));
        await app.SweepAsync(new DateOnly(2001, 3, 12));

        var (_, before) = await session.GetAsync("/notifications");
        var rows = before.QuerySelectorAll("[data-notification-id]");
        var newest = rows[0];
        using var markOne = await session.PostFormAsync(newest.QuerySelector("form")!.GetAttribute("action")!, newest.QuerySelector("form")!, []);
        var (_, afterOne) = await session.GetAsync("/notifications");
        var readAll = afterOne.QuerySelector("form:has([data-testid=read-all])")!;
        using var markAll = await session.PostFormAsync(readAll.GetAttribute("action")!, readAll, []);
        var (_, afterAll) = await session.GetAsync("/notifications");

        Assert.Equal("2", before.QuerySelector("[data-testid=unread-count]")?.TextContent);
        Assert.Equal([$"/tasks/{newer.Id}", $"/tasks/{older.Id}"], rows.Select(r => r.QuerySelector("[data-testid=notification-message]")!.GetAttribute("href")));
        Assert.Equal(2, before.QuerySelectorAll("td.fw-bold").Length);
        Assert.Equal((HttpStatusCode.Redirect, "/notifications"), (markOne.StatusCode, markOne.Headers.Location?.OriginalString));
        Assert.Equal("1", afterOne.QuerySelector("[data-testid=unread-count]")?.TextContent);
        Assert.Equal("false", afterOne.QuerySelector($"[data-notification-id='{newest.GetAttribute("data-notification-id")}']")?.GetAttribute("data-unread"));
        Assert.Single(afterOne.QuerySelectorAll("td.fw-bold"));
        Assert.Equal(HttpStatusCode.Redirect, markAll.StatusCode);
        Assert.Equal("0", afterAll.QuerySelector("[data-testid=unread-count]")?.TextContent);
        Assert.Empty(afterAll.QuerySelectorAll("td.fw-bold"));
        Assert.Empty(afterAll.QuerySelectorAll("[data-testid=mark-read]"));
    }

    [Theory, DatabaseData]
    public async Task MarkRead_AnotherUsersNotification_Returns404AndShowsTheEmptyState(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (lead, leadCode, _) = await app.CreateAgencyAsync();
        var (_, otherCode, _) = await app.CreateAgencyAsync();
        var document = await admin.CreateDocument2001Async(token, null, app);
        await admin.AddTaskAsync(document.Id, PlansClient.Task($"Việc {token}", lead, new DateOnly(2001, 3, 12)));
        var (owner, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: leadCode);
        using var stranger = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: otherCode));
        await app.SweepAsync(new DateOnly(2001, 3, 10));
        var id = (await owner.NotificationsAsync()).Items.Single().Id;

        var (_, page) = await stranger.GetAsync("/notifications");
        // The logout form carries the page's anti-forgery token.
        using var response = await stranger.PostFormAsync($"/notifications?handler=Read&id={id}", page.QuerySelector("form[action='/logout']")!, []);

        Assert.Equal("Không có thông báo.", page.QuerySelector("[data-testid=empty]")?.TextContent.Trim());
        Assert.Equal("0", page.QuerySelector("[data-testid=unread-count]")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, (await owner.NotificationsAsync()).Unread);
    }
}
