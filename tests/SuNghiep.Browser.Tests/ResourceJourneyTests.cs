using System.Globalization;
using Microsoft.Playwright;
using MiniExcelLibs;
using SuNghiep.Core.Units;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

public sealed class ResourceJourneyTests(HostFixture host)
{
    private const int Year = 2024;

    private static string Unique() => Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);

    private async Task<UnitView> SchoolAsync(string n) => await host.CreateUnitAsync(new UnitInput
    {
        Code = $"TC-{n}", Name = $"Trường Thử nghiệm Tự chủ {n}", Sector = "education", RoleClass = "basic-service",
        Level = "province", AreaCode = "92", ManagingAgencyId = await host.AgencyIdAsync("92.SGDDT"), AutonomyGroup = 4,
        EstablishedOn = new DateOnly(2010, 9, 5),
    });

    private static Dictionary<string, string> Finance(string revenue, string recurrent) => new()
    {
        ["Finance.OrderedServices"] = revenue, ["Finance.ScienceTasks"] = "0", ["Finance.ServiceFees"] = "0",
        ["Finance.BusinessSurplus"] = "0", ["Finance.RetainedFees"] = "0", ["Finance.Other"] = "0",
        ["Finance.RecurrentExpenditure"] = recurrent, ["Finance.InvestmentSelfFinancing"] = "0",
        ["Finance.Depreciation"] = "300.000.000", ["Finance.DirectBudgetSpending"] = "3.600.000.000",
    };

    [Fact]
    public async Task UnitResources_FinanceAndStaffing_GroupAndChartFollowAndOverAllocationNeedsTheBox()
    {
        var unit = await SchoolAsync(Unique());
        var room = 20;
        await host.AllocateWithRoomAsync("92.SGDDT", Year, room);
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");

        // From the unit's page to its resources.
        await page.GotoAsync($"/units/{unit.Id}");
        await page.GetByTestId("unit-resources-link").ClickAsync();
        await page.WaitForURLAsync($"**/units/{unit.Id}/resources#staffing");
        await Expect(page.GetByTestId("resources-title")).ToHaveTextAsync(unit.Name);

        // A year's finance: A 1,1 bn of B 12 bn is 9,1666...%, shown cut to 9,16%, group 4.
        await page.OpenResourceTabAsync("Tài chính");
        await Expect(page.GetByTestId("finance-empty")).ToBeVisibleAsync();
        await page.ChooseResourceYearAsync("Finance", Year);
        await page.FillFiguresAsync(Finance("1.100.000.000", "12.000.000.000"));
        await page.GetByTestId("save-finance").ClickAsync();
        await page.WaitForURLAsync($"**/units/{unit.Id}/resources?year={Year}#finance");
        var finance = page.Locator("#finance");
        var row = finance.Locator($"[data-testid=finance-table] tr[data-year='{Year}']");
        await Expect(finance.GetByTestId("resource-saved")).ToHaveTextAsync($"Đã lưu số liệu tài chính năm {Year}.");
        await Expect(row.Locator("[data-field=level]")).ToHaveTextAsync("9,16%");
        await Expect(row.Locator("[data-field=group]")).ToHaveTextAsync("Nhóm 4");
        await Expect(row.Locator("[data-field=revenue]")).ToHaveTextAsync("1.100.000.000 đ");
        var chart = await page.ChartDataAsync("finance-chart");
        Assert.Equal([Year], chart.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Equal(9.16m, Math.Round(chart.GetProperty("datasets")[2][0].GetDecimal(), 2));

        // The form keeps the year and its figures; with A 8,4 bn the unit moves to group 3, band 70-100%.
        await Expect(page.Locator("#Finance_Year")).ToHaveValueAsync(Year.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#Finance_RecurrentExpenditure")).ToHaveValueAsync("12.000.000.000");
        await page.Locator("#Finance_OrderedServices").FillAsync("8400000000");
        await page.GetByTestId("save-finance").ClickAsync();
        await Expect(row.Locator("[data-field=level]")).ToHaveTextAsync("70,00%");
        await Expect(row.Locator("[data-field=group]")).ToHaveTextAsync("Nhóm 3 (70-100%)");
        var result = page.GetByTestId("finance-result");
        await Expect(result.Locator("[data-field=group]")).ToHaveAttributeAsync("data-group", "3");
        await Expect(result.Locator("[data-field=level]")).ToHaveTextAsync("70,00%");
        await Expect(result.Locator("[data-field=source]")).ToContainTextAsync("Nghị định 60/2021/NĐ-CP");
        chart = await page.ChartDataAsync("finance-chart");
        Assert.Equal(70m, Math.Round(chart.GetProperty("datasets")[2][0].GetDecimal(), 2));
        Assert.Equal(8_400_000_000m, chart.GetProperty("datasets")[0][0].GetDecimal());
        await page.ScreenshotAsync("resources-finance");

        // The autonomy tab shows the computed group of the year next to the approved one (none yet).
        await page.OpenResourceTabAsync("Tự chủ");
        var groups = page.Locator($"[data-testid=year-groups] tr[data-year='{Year}']");
        await Expect(groups.Locator("[data-field=computed]")).ToHaveTextAsync("Nhóm 3 (70-100%)");
        await Expect(groups.Locator("[data-field=approved]")).ToHaveTextAsync("Chưa có");

        // Staffing over what the agency was allocated is refused in Vietnamese, on the budget-paid field.
        await page.OpenResourceTabAsync("Người làm việc");
        await page.ChooseResourceYearAsync("Staffing", Year);
        await page.FillFiguresAsync(new Dictionary<string, string>
        {
            ["Staffing.BudgetPositions"] = (room + 10).ToString(CultureInfo.InvariantCulture), ["Staffing.RevenuePositions"] = "4",
            ["Staffing.ActualStaff"] = "33", ["Staffing.BudgetContractWorkers"] = "1",
        });
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("save-staffing").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Expect(page.FieldError("Staffing.BudgetPositions")).ToContainTextAsync("vượt số được giao cho Sở Giáo dục và Đào tạo");
        await Expect(page.FieldError("Staffing.BudgetPositions")).ToContainTextAsync("Giao vượt chỉ tiêu (đã có quyết định)");
        await Expect(page.Locator("#Staffing_BudgetPositions")).ToHaveValueAsync("30");
        await Expect(page.Locator("#staffing")).ToBeVisibleAsync();
        await page.ScreenshotAsync("resources-staffing-refused");

        // Ticked as decided, it is saved with the over-allocation as a warning.
        await page.Locator("#Staffing_OverAllocation").CheckAsync();
        await page.GetByTestId("save-staffing").ClickAsync();
        await page.WaitForURLAsync($"**/units/{unit.Id}/resources?year={Year}#staffing");
        await Expect(page.GetByTestId("resource-saved")).ToHaveTextAsync($"Đã lưu số lượng người làm việc năm {Year}.");
        await Expect(page.GetByTestId("resource-warnings")).ToContainTextAsync("vượt số được giao");
        var staffed = page.Locator($"[data-testid=staffing-table] tr[data-year='{Year}']");
        await Expect(staffed.Locator("[data-field=budgetPositions]")).ToHaveTextAsync("30");
        var staffingChart = await page.ChartDataAsync("staffing-chart");
        Assert.Equal(30, staffingChart.GetProperty("datasets")[0][0].GetInt32());
        Assert.Equal(4, staffingChart.GetProperty("datasets")[1][0].GetInt32());
        await page.ScreenshotAsync("resources-staffing-warning");

        // Printed, all three parts show and the forms do not.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#finance [data-testid=finance-table]")).ToBeVisibleAsync();
        await Expect(page.Locator("#autonomy [data-testid=year-groups]")).ToBeVisibleAsync();
        await Expect(page.Locator("#staffing-form")).ToBeHiddenAsync();
        await page.ScreenshotAsync("resources-print");
    }

    [Fact]
    public async Task UnitResources_WithoutJavaScript_PanesAreAnchorsAndFormsWork()
    {
        var unit = await SchoolAsync(Unique());
        var page = await host.NewPageAsync(javaScript: false);
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");

        await page.GotoAsync($"/units/{unit.Id}/resources");
        await Expect(page.Locator("#finance")).ToBeVisibleAsync();
        await Expect(page.Locator("#autonomy")).ToBeVisibleAsync();
        await page.Locator("[data-resource-tabs] a[href='#autonomy']").ClickAsync();
        Assert.EndsWith("#autonomy", page.Url, StringComparison.Ordinal);

        // An approved plan without its decision is refused; with it, it is recorded and its group holds for the period.
        await page.Locator("#Plan_Period").SelectOptionAsync("2021");
        await page.Locator("#Plan_ProposedGroup").SelectOptionAsync("3");
        await page.Locator("#Plan_SubmittedOn").FillAsync("2021-10-01");
        await page.Locator("#Plan_Status").SelectOptionAsync("approved");
        await page.Locator("#Plan_ApprovedGroup").SelectOptionAsync("2");
        await page.GetByTestId("save-plan").ClickAsync();
        await Expect(page.FieldError("Plan.DecisionNumber")).ToContainTextAsync("cần số, ngày và cơ quan ban hành quyết định");
        await page.Locator("#Plan_DecisionNumber").FillAsync("45/QĐ-UBND");
        await page.Locator("#Plan_DecisionDate").FillAsync("2021-12-15");
        await page.Locator("#Plan_DecisionIssuer").FillAsync("Ủy ban nhân dân thành phố Cần Thơ");
        await page.GetByTestId("save-plan").ClickAsync();
        await Expect(page.GetByTestId("resource-saved")).ToHaveTextAsync("Đã ghi nhận phương án tự chủ thời kỳ 2021-2025.");
        await Expect(page.Locator("[data-testid=plans-table] tbody tr")).ToContainTextAsync("Số 45/QĐ-UBND ngày 15/12/2021");

        // Finance of a year within the period whose computed group (4) differs from the approved one (2).
        await page.GotoAsync($"/units/{unit.Id}/resources?year=2023#finance-form");
        await Expect(page.Locator("#Finance_Year")).ToHaveValueAsync("2023");
        await page.FillFiguresAsync(Finance("0", "5.000.000.000"));
        await page.GetByTestId("save-finance").ClickAsync();
        await Expect(page.GetByTestId("finance-result").Locator("[data-field=group]")).ToHaveAttributeAsync("data-group", "4");
        await Expect(page.GetByTestId("finance-result").Locator("[data-field=reason]")).ToHaveTextAsync("Không có nguồn thu sự nghiệp.");
        var year = page.Locator("[data-testid=year-groups] tr[data-year='2023']");
        await Expect(year.Locator("[data-field=approved]")).ToHaveTextAsync("Nhóm 2");
        await Expect(year.GetByTestId("groups-differ")).ToHaveTextAsync("Khác nhau");
        await page.ScreenshotAsync("resources-nojs");
    }

    [Fact]
    public async Task StaffingImport_BadRowThenFixed_ListsProblemsThenWritesAll()
    {
        var n = Unique();
        var unit = await SchoolAsync(n);
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/staffing");
        await page.GetByTestId("import-link").ClickAsync();
        await page.WaitForURLAsync("**/staffing/import");

        // The template, filled in: a good row, then a negative figure.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template-link").ClickAsync());
        using var template = new MemoryStream();
        await (await download.CreateReadStreamAsync()).CopyToAsync(template, TestContext.Current.CancellationToken);
        template.Position = 0;
        var headers = ((IDictionary<string, object?>)template.Query().First()).Values.Select(v => v!.ToString()!).ToList();
        object?[] Good(int year) => [unit.Code, year, 20, 2, 21, 0, 2, 14, 3, 3, null, null, 1_000_000_000, 0, 0, 0, 0, 0, 2_000_000_000, 0, 0, 1_000_000_000];
        var bad = Good(2013);
        bad[18] = -1;
        var folder = Path.Combine(Path.GetTempPath(), "sunghiep-import-" + n);
        Directory.CreateDirectory(folder);
        string Save(string name, params object?[][] rows)
        {
            var path = Path.Combine(folder, name);
            MiniExcel.SaveAs(path, rows.Select(r => headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2)).ToList());
            return path;
        }

        await page.Locator("#file").SetInputFilesAsync(Save("co-loi.xlsx", Good(2012), bad));
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("import-submit").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        var problem = page.Locator("[data-testid=import-problems] tbody tr");
        await Expect(problem).ToHaveCountAsync(1);
        await Expect(problem).ToHaveAttributeAsync("data-row", "3");
        await Expect(problem).ToHaveAttributeAsync("data-column", "S");
        await Expect(problem).ToContainTextAsync("số liệu không được âm.");
        await Expect(page.Locator("[data-upload-progress]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("staffing-import-problems");

        // Nothing was written: the unit still has no figures.
        await page.GotoAsync($"/units/{unit.Id}/resources");
        await Expect(page.GetByTestId("staffing-empty")).ToBeVisibleAsync();

        await page.GotoAsync("/staffing/import");
        await page.Locator("#file").SetInputFilesAsync(Save("dung.xlsx", Good(2012), Good(2013)));
        await page.GetByTestId("import-submit").ClickAsync();
        await Expect(page.GetByTestId("import-success")).ToContainTextAsync("Đã nhập 2 dòng số liệu từ tệp dung.xlsx");
        await page.ScreenshotAsync("staffing-import-done");
        await page.GotoAsync($"/units/{unit.Id}/resources#finance");
        await Expect(page.Locator("[data-testid=finance-table] tr[data-year='2013'] [data-field=level]")).ToHaveTextAsync("50,00%");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task StaffingPage_FilterByAgency_TableChartAndSharesThenExport()
    {
        var agency = await host.AgencyIdAsync("92.SYT");
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Biên chế, tài chính" }).ClickAsync();
        await page.WaitForURLAsync("**/staffing");
        // The agency is found by its code in the picker and chosen from the keyboard; the filter follows at once.
        await page.Locator("#agencyId").FillAsync("92.syt");
        await Expect(page.Locator("#agencyId-listbox [role=option]").First).ToContainTextAsync("Sở Y tế");
        await page.Locator("#agencyId").PressAsync("ArrowDown");
        await page.Locator("#agencyId").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains($"agencyId={agency}", StringComparison.Ordinal));
        await Expect(page.GetByTestId("staffing-by-agency")).ToContainTextAsync("Sở Y tế");
        var total = page.GetByTestId("staffing-total");
        await Expect(total).ToContainTextAsync("Tổng cộng");
        var chart = await page.ChartDataAsync("province-chart");
        var years = chart.GetProperty("labels").EnumerateArray().Select(y => y.GetInt32()).ToList();
        Assert.Equal(2015, years[0]);
        Assert.Equal(SuNghiep.Core.VietnamTime.Today(TimeProvider.System).Year, years[^1]);
        // The chart's last bar is the year shown in the table, as the filter defaults to this year.
        var shown = int.Parse((await total.Locator("[data-field=budgetPositions]").InnerTextAsync()).Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.Equal(shown, chart.GetProperty("datasets")[0][years.Count - 1].GetInt32());
        await Expect(page.Locator("[data-testid=autonomy-shares] tr[data-year='2020'] [data-field=autonomousShare]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,3},\d{2}%$"));
        await page.ScreenshotAsync("staffing-agency");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-link").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using var file = new MemoryStream();
        await (await download.CreateReadStreamAsync()).CopyToAsync(file, TestContext.Current.CancellationToken);
        file.Position = 0;
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Tổng cộng", rows[^1]["Cơ quan quản lý"]);
        Assert.Equal(shown, Convert.ToInt32(rows[^1]["Hưởng lương từ NSNN"], CultureInfo.InvariantCulture));
    }
}
