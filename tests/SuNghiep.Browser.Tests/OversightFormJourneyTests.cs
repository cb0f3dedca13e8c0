using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SuNghiep.Core;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>
/// The oversight forms as a user drives them: the addressee disputes a recommendation, forgets the reason first, and later
/// settles the dispute; a document's issuer picks a model unit by name and sees it listed with a link to the unit.
/// </summary>
public sealed class OversightFormJourneyTests(HostFixture host)
{
    [Fact]
    public async Task Recommendation_DisputedThenSettled_StatusChangesAndBack()
    {
        var (inspection, recommendation) = await ConcludedInspectionAsync();
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"/inspections/{inspection}");
        var card = page.Locator($"[data-testid=recommendation][data-id='{recommendation}']");
        var status = card.GetByTestId("status");
        await Expect(status).ToHaveTextAsync("Chưa thực hiện");

        await card.GetByText("Ghi khiếu nại, kiến nghị xem xét lại").ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Ghi khiếu nại" }).ClickAsync();
        await Expect(page.FieldError("Input.Reason")).ToHaveTextAsync("Vui lòng nêu lý do khiếu nại, đề nghị xem xét lại.");
        await Expect(status).ToHaveTextAsync("Chưa thực hiện");

        await card.GetByLabel("Lý do khiếu nại, đề nghị xem xét lại").FillAsync("Bệnh viện đã gửi đơn đề nghị xem xét lại số tiền thu hồi");
        await card.GetByRole(AriaRole.Button, new() { Name = "Ghi khiếu nại" }).ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã ghi khiếu nại");
        await Expect(status).ToHaveTextAsync("Đang khiếu nại, kiến nghị");
        await Expect(card).ToContainTextAsync("đang khiếu nại: Bệnh viện đã gửi đơn đề nghị xem xét lại số tiền thu hồi");
        await page.ScreenshotAsync("recommendation-disputed");

        await card.GetByLabel("Kết quả giải quyết khiếu nại (không bắt buộc)").FillAsync("Giữ nguyên kiến nghị");
        await card.GetByRole(AriaRole.Button, new() { Name = "Kết thúc khiếu nại" }).ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã ghi kết thúc khiếu nại");
        await Expect(status).ToHaveTextAsync("Chưa thực hiện");
        await Expect(card.GetByTestId("dispute-form")).ToBeHiddenAsync();
        await Expect(card.GetByText("Ghi khiếu nại, kiến nghị xem xét lại")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Document_ModelUnitPickedByName_IsListedWithItsLink_AndRemoved()
    {
        var (document, unitId, unitName) = await DocumentAndUnitAsync();
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"/documents/{document}");
        var section = page.GetByTestId("model-units");
        await Expect(section.GetByTestId("no-model-units")).ToBeVisibleAsync();

        var box = section.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị" });
        await box.FillAsync(unitName);
        var option = section.GetByRole(AriaRole.Option).First;
        await Expect(option).ToContainTextAsync(unitName);
        await option.ClickAsync();
        await section.GetByLabel("Ghi chú (lĩnh vực, lý do chọn)").FillAsync("Mô hình tự chủ chi thường xuyên");
        await section.GetByRole(AriaRole.Button, new() { Name = "Thêm đơn vị" }).ClickAsync();

        await Expect(page.GetByTestId("success")).ToContainTextAsync("vào danh sách đơn vị điển hình");
        var row = page.GetByTestId("model-unit");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = unitName })).ToHaveAttributeAsync("href", $"/units/{unitId}");
        await Expect(row).ToContainTextAsync("Mô hình tự chủ chi thường xuyên");
        await page.ScreenshotAsync("document-model-units");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Bỏ {unitName} khỏi danh sách đơn vị điển hình" }).ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync("khỏi danh sách đơn vị điển hình");
        await Expect(page.GetByTestId("no-model-units")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Merit_TaskPickedByWordsWithoutAccents_IsCitedWithItsLink()
    {
        var (document, unitId, unitName) = await DocumentAndUnitAsync();
        var number = $"{Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)}/QĐ-KT";
        var taskId = await TaskAsync(document, $"Nhân rộng mô hình thư viện thân thiện {number}");
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/merits");
        var form = page.GetByTestId("merit-form");

        await form.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị (hoặc để trống và chọn cơ quan)" }).FillAsync(unitName);
        await form.GetByRole(AriaRole.Listbox, new() { Name = "Đơn vị (hoặc để trống và chọn cơ quan)" }).GetByRole(AriaRole.Option).First.ClickAsync();
        var task = form.GetByRole(AriaRole.Combobox, new() { Name = "Nhiệm vụ cải cách (không bắt buộc)" });
        await task.FillAsync($"nhan rong mo hinh thu vien {number}");
        var option = form.GetByRole(AriaRole.Listbox, new() { Name = "Nhiệm vụ cải cách (không bắt buộc)" }).GetByRole(AriaRole.Option).First;
        await Expect(option).ToContainTextAsync("Nhân rộng mô hình thư viện thân thiện");
        await option.ClickAsync();
        await form.GetByLabel("Hình thức (Bằng khen, khiển trách…)").FillAsync("Bằng khen");
        await form.GetByLabel("Lý do", new() { Exact = true }).FillAsync("Hoàn thành xuất sắc nhiệm vụ nhân rộng mô hình");
        await form.GetByLabel("Số quyết định").FillAsync(number);
        await form.GetByLabel("Ngày quyết định").FillAsync("02/06/2025");
        await form.GetByLabel("Cơ quan quyết định").FillAsync("Ủy ban nhân dân thành phố Cần Thơ");
        await form.GetByTestId("merit-submit").ClickAsync();

        await Expect(page.GetByTestId("merit-saved")).ToBeVisibleAsync();
        await page.GotoAsync($"/merits?q={number.Split('/')[0]}");
        var cited = page.GetByTestId("merit").GetByTestId("merit-task").GetByRole(AriaRole.Link);
        await Expect(cited).ToHaveAttributeAsync("href", $"/tasks/{taskId}");
        await Expect(page.GetByTestId("merit").GetByRole(AriaRole.Link, new() { Name = unitName })).ToHaveAttributeAsync("href", $"/units/{unitId}");
    }

    private async Task<int> TaskAsync(int document, string content)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "browser tests", null);
        var lead = await db.Documents.Where(d => d.Id == document).Select(d => d.IssuerAgencyId!.Value).SingleAsync();
        var task = new PlanTask
        {
            DocumentId = document, Content = content, LeadAgencyId = lead, Deadline = new DateOnly(2026, 12, 31), State = Core.Rules.TaskState.NotStarted,
            AssignedOn = new DateOnly(2025, 8, 1), CreatedAt = DateTime.UtcNow,
        };
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    private async Task<(int Inspection, int Recommendation)> ConcludedInspectionAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "browser tests", null);
        var agency = await db.Agencies.Where(a => a.Code == "92.SYT").Select(a => a.Id).SingleAsync();
        var unit = await db.Units.Where(u => u.ManagingAgencyId == agency && u.EndedOn == null && !u.Voided).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        var today = VietnamTime.Today(TimeProvider.System);
        var number = $"{Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)}/QĐ-KN";
        var recommendation = new InspectionRecommendation
        {
            Type = RecommendationType.Recover, Amount = 20_000_000, AddresseeAgencyId = agency, Deadline = today.AddDays(30), Content = "Thu hồi khoản chi sai chế độ.",
        };
        var inspection = new Inspection
        {
            DecisionNumber = number, DecisionDate = today.AddDays(-90), DecisionIssuer = "Giám đốc Sở Y tế", Body = "Thanh tra Sở Y tế", BodyAgencyId = agency,
            Kind = InspectionKind.Check, PeriodFrom = today.AddYears(-2), PeriodTo = today.AddYears(-1), ConclusionNumber = "9/KL-KN", ConclusionDate = today.AddDays(-30),
            CreatedBy = "browser tests", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Units = [new InspectionUnit { UnitId = unit }],
            Findings = [new InspectionFinding { UnitId = unit, Category = "Quản lý tài chính", Ordinal = 1, Recommendations = [recommendation] }],
        };
        recommendation.Inspection = inspection;
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        return (inspection.Id, recommendation.Id);
    }

    private async Task<(int Document, int UnitId, string UnitName)> DocumentAndUnitAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "browser tests", null);
        var agency = await db.Agencies.Where(a => a.Code == "92.SVHTTDL").Select(a => a.Id).SingleAsync();
        var unit = await db.Units.Where(u => u.ManagingAgencyId == agency && u.EndedOn == null && !u.Voided).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Name }).FirstAsync();
        var document = new PlanDocument
        {
            Type = DocumentType.Plan, Number = $"{Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)}/KH-SVHTTDL",
            Issuer = "Sở Văn hóa, Thể thao và Du lịch", IssuerAgencyId = agency, IssuedOn = new DateOnly(2025, 8, 1),
            Title = "Kế hoạch nhân rộng mô hình đơn vị sự nghiệp tự chủ", CreatedAt = DateTime.UtcNow,
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return (document.Id, unit.Id, unit.Name);
    }
}
