using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SuNghiep.Core.Data;
using SuNghiep.Core.Units;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>The forms an officer fills all day: agencies found by name, chosen as chips, errors that take the focus, a merger's new unit proposed.</summary>
public sealed class FormJourneyTests(HostFixture host)
{
    private static string Unique() => Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);

    private async Task<int> DocumentIdAsync(string number)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        return await db.Documents.Where(d => d.Number == number).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task TaskForm_CoordinatorsByKeyboard_ChipsAddAndRemove_AndAFailedSubmitFocusesTheSummary()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"/documents/{await DocumentIdAsync("62-KL/TW")}/tasks/new");

        // The coordinating agencies: typed, chosen with the arrows and Enter, each a chip; the field empties for the next.
        var add = page.GetByRole(AriaRole.Combobox, new() { Name = "Thêm cơ quan phối hợp (tên hoặc mã)" });
        var chips = page.GetByTestId("coordinator-chip");
        foreach (var (typed, shown) in new[] { ("so y te can tho", "Sở Y tế"), ("92.stc", "Sở Tài chính"), ("92.sgddt", "Sở Giáo dục") })
        {
            await add.FillAsync(typed);
            await Expect(page.Locator("#coordinating-add-listbox [role=option]").First).ToContainTextAsync(shown);
            await add.PressAsync("ArrowDown");
            await add.PressAsync("Enter");
            await Expect(add).ToHaveValueAsync("");
        }

        await Expect(chips).ToHaveCountAsync(3);
        // A chip's button, reached with Tab and pressed with Enter, removes it and gives the focus back to the field.
        var remove = chips.Nth(1).GetByRole(AriaRole.Button);
        await Expect(remove).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Bỏ Sở Tài chính"));
        await remove.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(chips).ToHaveCountAsync(2);
        await Expect(add).ToBeFocusedAsync();
        await page.ScreenshotAsync("task-form-coordinators");

        // Sent without a lead: the summary takes the focus, its link leads to the field, and the chips stay.
        await page.GetByLabel("Nội dung nhiệm vụ").FillAsync("Rà soát các đơn vị " + Unique());
        await page.GetByTestId("save-task").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToHaveAttributeAsync("role", "alert");
        await Expect(chips).ToHaveCountAsync(2);
        await Expect(chips.First).ToContainTextAsync("Sở Y tế");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Vui lòng chọn cơ quan chủ trì." }).ClickAsync();
        await Expect(page.Locator("#Input_LeadAgencyId")).ToBeFocusedAsync();

        // The lead chosen by name; the task is assigned with the two coordinators.
        await page.Keyboard.TypeAsync("so noi vu can tho");
        await Expect(page.Locator("#Input_LeadAgencyId-listbox [role=option]").First).ToContainTextAsync("Sở Nội vụ");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel("Không ghi thời hạn").CheckAsync();
        await page.GetByTestId("save-task").ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã giao nhiệm vụ cho Sở Nội vụ");
    }

    [Fact]
    public async Task Consolidation_TickingTheSources_ProposesTheNewUnit()
    {
        var n = Unique();
        var agency = await host.AgencyIdAsync("92.SYT");
        // Out of the demo province, whose figures other journeys check.
        UnitInput Source(string name) => new()
        {
            Code = $"HN-{name[0]}-{n}", Name = $"Trạm Kiểm thử {n} {name}", Sector = "health", RoleClass = "basic-service", Level = "commune",
            AreaCode = "00004", ManagingAgencyId = agency, AutonomyGroup = 4, EstablishedOn = new DateOnly(2012, 5, 1),
        };
        var a = await host.CreateUnitAsync(Source("Hoa Sen"));
        var b = await host.CreateUnitAsync(Source("Sao Mai"));
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/reorganizations/create");

        await page.Locator("#Input_Type").SelectOptionAsync("consolidation");
        await page.PickUnitAsync("source", $"Tram Kiem thu {n} Hoa", a.Id);
        await Expect(page.Locator("#Input_NewUnits_0__Sector")).ToHaveValueAsync("health");
        await page.PickUnitAsync("source", $"Tram Kiem thu {n} Sao", b.Id);

        await Expect(page.Locator("#Input_NewUnits_0__Name")).ToHaveValueAsync($"Trạm Kiểm thử {n} Hoa Sen – Sao Mai");
        await Expect(page.Locator("#Input_NewUnits_0__Level")).ToHaveValueAsync("commune");
        await Expect(page.Locator("#Input_NewUnits_0__AreaCode")).ToHaveValueAsync("Phường Ba Đình (00004)");
        await Expect(page.Locator("#Input_NewUnits_0__ManagingAgencyId")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^Sở Y tế.*\(92\.SYT\)$"));
        // The proposal is the officer's to change, and a change is kept when the sources change again.
        await page.Locator("#Input_NewUnits_0__Name").FillAsync($"Trạm Y tế Kiểm thử {n}");
        await page.Locator($"#source-{a.Id}").UncheckAsync();
        await page.Locator($"#source-{a.Id}").CheckAsync();
        await Expect(page.Locator("#Input_NewUnits_0__Name")).ToHaveValueAsync($"Trạm Y tế Kiểm thử {n}");
        await page.ScreenshotAsync("consolidation-proposed");
    }
}
