using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SuNghiep.Core;
using SuNghiep.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>An inspection recorded, concluded with one recommendation, and a follow-up marked done: the status changes.</summary>
public sealed class InspectionJourneyTests(HostFixture host)
{
    [Fact]
    public async Task RecordConcludeFollowUp_StatusBecomesDone()
    {
        var (agencyId, unitCode) = await HealthUnitAsync();
        var number = $"{Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture)}/QĐ-TTr";
        var today = VietnamTime.Today(TimeProvider.System);
        string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");

        await page.GotoAsync("/inspections/new");
        await page.GetByLabel("Số quyết định").FillAsync(number);
        await page.GetByLabel("Ngày quyết định").FillAsync("01/03/2025");
        await page.GetByLabel("Người ra quyết định").FillAsync("Chánh Thanh tra Sở Y tế");
        await page.GetByLabel("Cơ quan tiến hành (tên)").FillAsync("Thanh tra Sở Y tế");
        await page.GetByLabel("Cơ quan ra quyết định trong danh mục").SelectOptionAsync(agencyId.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Thời kỳ thanh tra từ ngày").FillAsync("01/01/2023");
        await page.Locator("#Input_PeriodTo").FillAsync("31/12/2024");
        await page.GetByLabel("Đơn vị được thanh tra, kiểm tra").FillAsync(unitCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi cuộc thanh tra, kiểm tra" }).ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã ghi cuộc thanh tra");

        var conclusion = page.GetByTestId("conclusion-form");
        await conclusion.GetByLabel("Số kết luận").FillAsync("7/KL-TTr");
        await conclusion.GetByLabel("Ngày ký").FillAsync("10/06/2025");
        await conclusion.GetByLabel("Nhóm nội dung, vi phạm").FillAsync("Quản lý tài chính");
        await conclusion.GetByLabel("Số tiền sai phạm (đồng)").FillAsync("119.000.000");
        await conclusion.GetByLabel("Cơ quan thực hiện").SelectOptionAsync(agencyId.ToString(CultureInfo.InvariantCulture));
        await conclusion.Locator("#Input_Deadline").FillAsync(Day(today.AddDays(30)));
        await conclusion.GetByLabel("Nội dung kiến nghị").FillAsync("Thu hồi nộp ngân sách");
        await conclusion.GetByRole(AriaRole.Button, new() { Name = "Ghi kết luận" }).ClickAsync();
        var status = page.GetByTestId("recommendation").GetByTestId("status");
        await Expect(status).ToHaveTextAsync("Chưa thực hiện");

        await page.GetByText("Báo cáo thực hiện kiến nghị").ClickAsync();
        var followUp = page.GetByTestId("follow-up-form");
        await followUp.GetByLabel("Ngày báo cáo").FillAsync(Day(today));
        await followUp.GetByLabel("Nội dung đã thực hiện").FillAsync("Đã nộp trả ngân sách");
        await followUp.GetByLabel("Đã hoàn thành").CheckAsync();
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Ghi báo cáo" }).ClickAsync();

        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã ghi báo cáo thực hiện kiến nghị");
        await Expect(status).ToHaveTextAsync("Đã hoàn thành");
        await page.ScreenshotAsync("inspection");
    }

    private async Task<(int AgencyId, string UnitCode)> HealthUnitAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var agency = await db.Agencies.Where(a => a.Code == "92.SYT").Select(a => a.Id).SingleAsync();
        var unit = await db.Units.Where(u => u.ManagingAgencyId == agency && u.EndedOn == null && !u.Voided).OrderBy(u => u.Id).Select(u => u.Code).FirstAsync();
        return (agency, unit);
    }
}
