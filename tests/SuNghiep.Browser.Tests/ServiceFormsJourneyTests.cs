using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using SuNghiep.Core.Data;
using SuNghiep.Core.Services;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>Home Affairs loads its catalogue's items from Excel (a bad row listed first, nothing written), then adds a norm to an item.</summary>
public sealed class ServiceFormsJourneyTests(HostFixture host)
{
    private async Task<int> CatalogueAsync(string n)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        db.Actor = new Actor(null, "browser tests", null);
        var result = await scope.ServiceProvider.GetRequiredService<CatalogueService>().CreateAsync(new CatalogueInput(
            $"Danh mục nhập từ tệp {n}", "province", "92", new($"{n}/QĐ-UBND", new DateOnly(2024, 8, 15), "Ủy ban nhân dân thành phố Cần Thơ"),
            new DateOnly(2024, 9, 1), null));
        return result.Value?.Id ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    private static FilePayload Items(params object?[][] rows)
    {
        var data = rows.Select(r => CatalogueImport.ItemHeaders.Select((h, i) => (h, i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data);
        return new FilePayload { Name = "dich-vu.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = stream.ToArray() };
    }

    [Fact]
    public async Task ImportItemsThenAddANorm_TheItemsAndTheNormListed()
    {
        var n = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var catalogue = await CatalogueAsync(n);
        var page = await host.NewPageAsync(javaScript: true);
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"{host.BaseUrl}/services/catalogues/{catalogue}");
        await Expect(page.GetByTestId("empty")).ToBeVisibleAsync();

        var import = page.GetByTestId("import-items");
        await import.Locator("summary").ClickAsync();
        await import.GetByLabel("Tệp .xlsx theo mẫu").SetInputFilesAsync(Items(
            ["1", $"Giáo dục mầm non {n}", "education", null, "assignment, ordering", "có", null, "trẻ/năm"],
            ["1.1", $"Nuôi dưỡng trẻ {n}", "education", "1", "đấu thầu", null, null, "trẻ/năm"]));
        await import.GetByTestId("submit-items").ClickAsync();
        await Expect(page.GetByTestId("import-items").GetByTestId("import-problems")).ToContainTextAsync("Dòng 3, cột E");
        await Expect(page.GetByTestId("empty")).ToBeVisibleAsync();

        await page.GetByTestId("import-items").GetByLabel("Tệp .xlsx theo mẫu").SetInputFilesAsync(Items(
            ["1", $"Giáo dục mầm non {n}", "education", null, "assignment, ordering", "có", null, "trẻ/năm"],
            ["1.1", $"Nuôi dưỡng trẻ {n}", "education", "1", "đặt hàng", null, null, "trẻ/năm"]));
        await page.GetByTestId("import-items").GetByTestId("submit-items").ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã nhập 2 dịch vụ");
        await Expect(page.GetByTestId("item-link")).ToHaveTextAsync([$"Giáo dục mầm non {n}", $"Nuôi dưỡng trẻ {n}"]);

        await page.GetByTestId("item-link").Nth(1).ClickAsync();
        await Expect(page.GetByTestId("no-norms")).ToBeVisibleAsync();
        await page.GetByTestId("norm-details").Locator("summary").ClickAsync();
        var form = page.GetByTestId("norm-form");
        await form.Locator("#Input_Lines_0__Kind").SelectOptionAsync("labour");
        await form.GetByLabel("Dòng 1: tên yếu tố").FillAsync("Giáo viên mầm non hạng III");
        await form.GetByLabel("Dòng 1: đơn vị tính").FillAsync("công");
        await form.GetByLabel("Dòng 1: số lượng cho một đơn vị sản phẩm").FillAsync("0,5");
        await form.Locator("#Input_Lines_1__Kind").SelectOptionAsync("material");
        await form.GetByLabel("Dòng 2: tên yếu tố").FillAsync("Sữa");
        await form.GetByLabel("Dòng 2: đơn vị tính").FillAsync("hộp");
        await form.GetByLabel("Dòng 2: số lượng cho một đơn vị sản phẩm").FillAsync("0");
        await form.Locator("#Input_ValidFrom").FillAsync("01/09/2024");
        await form.Locator("#Input_DecisionNumber").FillAsync($"{n}/QĐ-UBND");
        await form.Locator("#Input_DecisionDate").FillAsync("20/08/2024");
        await form.Locator("#Input_DecisionIssuer").FillAsync("Ủy ban nhân dân thành phố Cần Thơ");
        await form.GetByTestId("save-norm").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Dòng 2: số lượng");
        await page.GetByTestId("norm-form").GetByLabel("Dòng 2: số lượng cho một đơn vị sản phẩm").FillAsync("180");
        await page.GetByTestId("norm-form").GetByTestId("save-norm").ClickAsync();

        await Expect(page.GetByTestId("success")).ToContainTextAsync("định mức");
        var norm = page.GetByTestId("norm");
        await Expect(norm).ToContainTextAsync($"{n}/QĐ-UBND");
        await Expect(norm).ToContainTextAsync("Giáo viên mầm non hạng III");
        await Expect(norm).ToContainTextAsync("Sữa");
        await page.ScreenshotAsync("service-forms");
    }
}
