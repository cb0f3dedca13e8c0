using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>A user told about late and due tasks: the count in the menu, the list, and marking one read.</summary>
public sealed class NotificationJourneyTests(HostFixture host)
{
    [Fact]
    public async Task Badge_MarkOneRead_CountDrops()
    {
        var email = $"thongbao{Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}@browser.test";
        await NotifiedUserAsync(email, 2);
        var page = await host.NewPageAsync();
        await page.SignInAsync(email, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");

        var badge = page.GetByTestId("notifications-badge");
        await Expect(badge).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Thông báo \(2\)$"));
        await badge.ClickAsync();
        await page.WaitForURLAsync("**/notifications");
        var rows = page.Locator("[data-notification-id]");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator("td.fw-bold")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("notifications");

        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc" }).ClickAsync();

        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã đánh dấu thông báo là đã đọc.");
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("1");
        await Expect(page.Locator("td.fw-bold")).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-unread", "false");
    }

    // Notifications as a sweep would have left them, about two of the seeded tasks of Sở Y tế.
    private async Task NotifiedUserAsync(string email, int count)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(email, HostFixture.Password, Roles.AgencyOfficer, "Phạm Thông Báo", AgencyCode: "92.SYT"));
        Assert.True(created.Succeeded);
        var tasks = await db.PlanTasks.OrderBy(t => t.Id).Select(t => new { t.Id, t.Content }).Take(count).ToListAsync();
        Assert.Equal(count, tasks.Count);
        var now = DateTime.UtcNow;
        db.Notifications.AddRange(tasks.Select((t, i) => new Notification
        {
            UserId = created.User!.Id, TaskId = t.Id, Kind = NotificationKind.Late, DueOn = new DateOnly(2025, 6, 30),
            Message = $"Nhiệm vụ \"{t.Content}\" đã quá hạn (hạn ngày 30/06/2025).", CreatedAt = now.AddMinutes(-i),
        }));
        await db.SaveChangesAsync();
    }
}
