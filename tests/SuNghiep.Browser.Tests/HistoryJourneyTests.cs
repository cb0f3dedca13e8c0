using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Units;
using static Microsoft.Playwright.Assertions;

namespace SuNghiep.Browser.Tests;

/// <summary>The register's history: reading it as of a date, recording and voiding reorganizations, counts, import.</summary>
public sealed class HistoryJourneyTests(HostFixture host)
{
    private const string Issuer = "Ủy ban nhân dân thành phố Cần Thơ";

    private static string Unique() => Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Today => SuNghiep.Core.VietnamTime.Today(TimeProvider.System);

    /// <summary>Two health units of the demo province made for one test, so that no other journey touches them.</summary>
    private async Task<(UnitView Continuing, UnitView Absorbed)> TwoUnitsAsync(string n)
    {
        var agency = await host.AgencyIdAsync("92.SYT");
        UnitInput Unit(string code, string name) => new()
        {
            Code = code, Name = name, Sector = "health", RoleClass = "basic-service", Level = "province", AreaCode = "92",
            ManagingAgencyId = agency, AutonomyGroup = 3, EstablishedOn = new DateOnly(2010, 1, 1),
        };
        return (await host.CreateUnitAsync(Unit($"SN-TN-{n}", $"Trung tâm Kiểm thử Tiếp nhận {n}")),
                await host.CreateUnitAsync(Unit($"SN-BS-{n}", $"Trạm Kiểm thử Bị sáp nhập {n}")));
    }

    private async Task<IPage> SignedInAsync()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        return page;
    }

    [Fact]
    public async Task Merger_RecordedThroughForm_EndsAbsorbedUnitAndShowsLineage()
    {
        var n = Unique();
        var (continuing, absorbed) = await TwoUnitsAsync(n);
        var decision = $"{n}/QĐ-UBND";
        var page = await SignedInAsync();

        await page.GotoAsync("/reorganizations");
        await page.GetByTestId("record-link").ClickAsync();
        await page.WaitForURLAsync("**/reorganizations/create");
        await page.Locator("#Input_Type").SelectOptionAsync("merger");

        // The merger's fields only, with its hint.
        await Expect(page.Locator("#Input_SourceUnitIds")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_ContinuingUnitId")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_NewUnits")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-hint=merger]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-hint=division]")).ToBeHiddenAsync();

        await page.Locator("#Input_DecisionNumber").FillAsync(decision);
        await page.Locator("#Input_DecisionDate").FillAsync("2026-02-15");
        await page.Locator("#Input_EffectiveDate").FillAsync("2026-03-01");
        // Searched without diacritics, as officers type.
        await page.PickUnitAsync("source", $"tram kiem thu bi sap nhap {n}", absorbed.Id);
        await page.PickUnitAsync("continuing", continuing.Code, continuing.Id);
        await page.ScreenshotAsync("reorganization-create");

        // The issuer is missing: the service's rule comes back on its field, and the choices are kept.
        var invalid = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("record-submit").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, invalid.Status);
        await Expect(page.FieldError("Input.DecisionIssuer")).ToHaveTextAsync("Vui lòng nhập cơ quan ban hành quyết định.");
        await Expect(page.Locator($"#source-{absorbed.Id}")).ToBeCheckedAsync();
        await Expect(page.Locator($"#continuing-{continuing.Id}")).ToBeCheckedAsync();
        await Expect(page.Locator("#Input_NewUnits")).ToBeHiddenAsync();
        await page.ScreenshotAsync("reorganization-create-errors");

        await page.Locator("#Input_DecisionIssuer").FillAsync(Issuer);
        await page.GetByTestId("record-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/reorganizations/\d+$"));
        var eventUrl = new Uri(page.Url).AbsolutePath;
        await Expect(page.GetByTestId("success")).ToContainTextAsync($"Đã ghi nhận sự kiện sáp nhập theo quyết định số {decision}.");
        await Expect(page.GetByTestId("event-title")).ToHaveTextAsync("Sáp nhập");
        await Expect(page.GetByTestId("decision")).ToHaveTextAsync($"Số {decision} ngày 15/02/2026 của {Issuer}");
        await Expect(page.GetByTestId("count-change")).ToHaveTextAsync("\u22121");
        await Expect(page.Locator("[data-testid=participants] tr[data-role=ended]")).ToContainTextAsync(absorbed.Code);
        await Expect(page.Locator("[data-testid=participants] tr[data-role=continuing]")).ToContainTextAsync(continuing.Code);
        await Expect(page.GetByTestId("recorded")).ToContainTextAsync(HostFixture.HomeAffairsEmail);
        await page.ScreenshotAsync("reorganization-details");

        // The absorbed unit has ended on the effective date, and its timeline shows the merger.
        await page.Locator("[data-testid=participants]").GetByRole(AriaRole.Link, new() { Name = absorbed.Name }).ClickAsync();
        await page.WaitForURLAsync($"**/units/{absorbed.Id}");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Đã chấm dứt");
        await Expect(page.Locator("[data-field=endedOn]")).ToHaveTextAsync("01/03/2026");
        var merger = page.Locator("[data-testid=events] tr[data-type=merger]");
        await Expect(merger).ToContainTextAsync("Sáp nhập");
        await Expect(merger).ToContainTextAsync("Chấm dứt");
        await Expect(merger).ToContainTextAsync("01/03/2026");
        await Expect(merger).ToContainTextAsync(decision);
        await Expect(merger.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", eventUrl);
        await Expect(page.Locator("[data-testid=versions] [data-testid=version]").Last).ToContainTextAsync("28/02/2026");
        await Expect(page.Locator("[data-testid=successors]")).ToContainTextAsync(continuing.Code);
        await page.ScreenshotAsync("unit-history-absorbed");

        // Read as of the day before, it was still active.
        await page.Locator("#asOf").FillAsync("2026-02-28");
        await page.GetByTestId("as-of-form").GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await page.WaitForURLAsync($"**/units/{absorbed.Id}?asOf=2026-02-28");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Đang hoạt động");
        await Expect(page.GetByTestId("as-of-caption")).ToHaveTextAsync("Thông tin tại ngày 28/02/2026");

        // The continuing unit names the absorbed one as its predecessor, in the diagram and in the list under it.
        await page.GotoAsync($"/units/{continuing.Id}");
        await Expect(page.Locator("[data-testid=predecessors]")).ToContainTextAsync($"{absorbed.Code} – {absorbed.Name}");
        await Expect(page.Locator("[data-testid=predecessors]")).ToContainTextAsync("Sáp nhập ngày 01/03/2026");
        var diagram = page.GetByTestId("lineage-diagram");
        await Expect(diagram.Locator($"[data-unit-id='{absorbed.Id}']")).ToHaveCountAsync(1);
        await Expect(diagram.Locator($"[data-unit-id='{continuing.Id}'] rect.current")).ToHaveCountAsync(1);
        await Expect(diagram).ToContainTextAsync("Sáp nhập");
        await page.ScreenshotAsync("unit-lineage");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("nav.navbar")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("as-of-form")).ToBeHiddenAsync();
        await Expect(diagram).ToBeVisibleAsync();
        await page.ScreenshotAsync("unit-lineage-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The event is in the list, with its count change.
        await page.GotoAsync("/reorganizations?type=merger&from=2026-03-01&to=2026-03-01");
        var row = page.Locator("[data-testid=reorganization]").Filter(new() { HasText = decision });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("count-change")).ToHaveTextAsync("\u22121");
        // Fewer units is the reform's aim: the decrease is not painted as a failure.
        await Expect(row.GetByTestId("count-change")).Not.ToHaveClassAsync(new Regex("text-danger"));
        await page.ScreenshotAsync("reorganizations-list");
    }

    [Fact]
    public async Task Void_WithReason_AbsorbedUnitActiveAgain()
    {
        var n = Unique();
        var (continuing, absorbed) = await TwoUnitsAsync(n);
        var id = await host.RecordReorganizationAsync(new ReorganizationInput
        {
            Type = "merger", DecisionNumber = $"{n}/QĐ-UBND", DecisionDate = new DateOnly(2026, 3, 20), DecisionIssuer = Issuer,
            EffectiveDate = new DateOnly(2026, 4, 1), SourceUnitIds = [absorbed.Id], ContinuingUnitId = continuing.Id,
        });
        var page = await SignedInAsync();

        // Control: the merger has taken effect.
        await page.GotoAsync($"/units/{absorbed.Id}");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Đã chấm dứt");

        await page.GotoAsync($"/reorganizations/{id}");
        var empty = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("void-submit").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, empty.Status);
        await Expect(page.FieldError("Input.Reason")).ToHaveTextAsync("Vui lòng nêu lý do hủy.");
        await Expect(page.Locator("#Input_Reason")).ToHaveClassAsync(new Regex("is-invalid"));
        await page.ScreenshotAsync("reorganization-void-error");

        const string reason = "Ghi nhầm quyết định: quyết định số này là của đơn vị khác.";
        await page.Locator("#Input_Reason").FillAsync(reason);
        await page.GetByTestId("void-submit").ClickAsync();
        await page.WaitForURLAsync($"**/reorganizations/{id}");
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Đã hủy sự kiện");
        await Expect(page.GetByTestId("void-info")).ToContainTextAsync(HostFixture.HomeAffairsEmail);
        await Expect(page.GetByTestId("void-reason")).ToHaveTextAsync(reason);
        await Expect(page.GetByTestId("void-form")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("reorganization-voided");

        await page.GotoAsync($"/units/{absorbed.Id}");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Đang hoạt động");
        await Expect(page.Locator("[data-field=endedOn]")).ToHaveTextAsync("—");
        await Expect(page.Locator("[data-testid=events] tr[data-type=merger] [data-testid=voided]")).ToHaveTextAsync("Đã hủy");
        await Expect(page.GetByTestId("lineage-empty")).ToBeVisibleAsync();
        await page.ScreenshotAsync("unit-history-voided");
    }

    [Fact]
    public async Task Reorganization_OfAnotherAgency_NotListedAndIs404()
    {
        var n = Unique();
        var agency = await host.AgencyIdAsync("92.SGDDT");
        UnitInput School(string code) => new()
        {
            Code = code, Name = $"Trường Kiểm thử Phạm vi {code}", Sector = "education", RoleClass = "basic-service", Level = "province",
            AreaCode = "92", ManagingAgencyId = agency, EstablishedOn = new DateOnly(2011, 9, 5),
        };
        var kept = await host.CreateUnitAsync(School($"PV-A-{n}"));
        var gone = await host.CreateUnitAsync(School($"PV-B-{n}"));
        var id = await host.RecordReorganizationAsync(new ReorganizationInput
        {
            Type = "merger", DecisionNumber = $"PV-{n}/QĐ-UBND", DecisionDate = new DateOnly(2026, 1, 5), DecisionIssuer = Issuer,
            EffectiveDate = new DateOnly(2026, 2, 1), SourceUnitIds = [gone.Id], ContinuingUnitId = kept.Id,
        });

        // The Sở Y tế officer sees his own events (control), not this one.
        var page = await host.NewPageAsync();
        await page.SignInAsync(HostFixture.HealthOfficerEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/reorganizations?includeVoided=true");
        Assert.True(await page.Locator("[data-testid=reorganization]").CountAsync() > 0);
        await page.GotoAsync("/reorganizations?from=2026-02-01&to=2026-02-01&includeVoided=true");
        await Expect(page.Locator("[data-testid=reorganization]").Filter(new() { HasText = $"PV-{n}/QĐ-UBND" })).ToHaveCountAsync(0);
        var detail = await page.GotoAsync($"/reorganizations/{id}");
        Assert.Equal(404, detail!.Status);
        await Expect(page.GetByTestId("status-page")).ToContainTextAsync("Không tìm thấy trang");

        var admin = await host.NewPageAsync();
        await admin.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
        await admin.WaitForURLAsync("**/dashboard");
        var seen = await admin.GotoAsync($"/reorganizations/{id}");
        Assert.Equal(200, seen!.Status);
        await Expect(admin.GetByTestId("decision")).ToContainTextAsync($"PV-{n}/QĐ-UBND");
    }

    [Fact]
    public async Task Register_AsOfDateChanged_ListFollowsTheDate()
    {
        var n = Unique();
        var name = $"Trung tâm Kiểm thử Ngày xem {n}";
        await host.CreateUnitAsync(new UnitInput
        {
            Code = $"AO-{n}", Name = name, Sector = "economic", RoleClass = "other", Level = "province", AreaCode = "92",
            ManagingAgencyId = await host.AgencyIdAsync("92.SXD"), EstablishedOn = new DateOnly(2020, 1, 1),
        });
        var page = await SignedInAsync();
        await page.GotoAsync("/units");
        await Expect(page.GetByTestId("results-as-of")).ToHaveTextAsync($"tại ngày {Today:dd/MM/yyyy}");

        await page.SearchUnitsAsync(name);
        await Expect(page.UnitNames()).ToHaveTextAsync([name]);

        // A typed date is read when the officer leaves the box or presses Enter, not at every keystroke.
        await page.Locator("#asOf").FillAsync("2019-01-01");
        await page.Locator("#asOf").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("asOf=2019-01-01", StringComparison.Ordinal));
        await Expect(page.GetByTestId("results-as-of")).ToHaveTextAsync("tại ngày 01/01/2019");
        await Expect(page.GetByTestId("empty")).ToBeVisibleAsync();

        // A typed date is read when the officer leaves the box or presses Enter, not at every keystroke.
        await page.Locator("#asOf").FillAsync("2021-01-01");
        await page.Locator("#asOf").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("asOf=2021-01-01", StringComparison.Ordinal));
        await Expect(page.UnitNames()).ToHaveTextAsync([name]);
        // The link opens the unit as of the same date.
        await Expect(page.UnitNames().First).ToHaveAttributeAsync("href", new Regex(@"\?asOf=2021-01-01$"));

        // The demo province: fewer units today than at the end of 2015, as the register counts them.
        await page.GotoAsync("/units?areaCode=92");
        var now = await host.CountAsync("92", Today);
        await Expect(page.GetByTestId("total")).ToHaveTextAsync($"Tìm thấy {PageHelpers.Vi(now)} đơn vị");
        // A typed date is read when the officer leaves the box or presses Enter, not at every keystroke.
        await page.Locator("#asOf").FillAsync("2015-12-31");
        await page.Locator("#asOf").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("asOf=2015-12-31", StringComparison.Ordinal));
        var then = await host.CountAsync("92", new DateOnly(2015, 12, 31));
        Assert.NotEqual(now, then);
        await Expect(page.GetByTestId("total")).ToHaveTextAsync($"Tìm thấy {PageHelpers.Vi(then)} đơn vị");
        await Expect(page.GetByTestId("results-as-of")).ToHaveTextAsync("tại ngày 31/12/2015");
        await page.ScreenshotAsync("units-as-of-2015");
    }

    [Fact]
    public async Task Counts_DemoProvince_ShowsTotalsChartAndEvents()
    {
        var page = await SignedInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thống kê" }).ClickAsync();
        await page.WaitForURLAsync("**/counts");

        // The Sở Nội vụ officer's province and the default dates, totals as the register counts them.
        // The picker shows the area by name with its code, and sends the code.
        await Expect(page.Locator("#areaCode")).ToHaveValueAsync("Thành phố Cần Thơ (92)");
        await Expect(page.Locator("#filters input[type=hidden][name=areaCode]")).ToHaveValueAsync("92");
        await Expect(page.Locator("#baseline")).ToHaveValueAsync("31/12/2015");
        var baseline = await host.CountAsync("92", new DateOnly(2015, 12, 31));
        var now = await host.CountAsync("92", Today);
        await Expect(page.GetByTestId("baseline-total")).ToHaveTextAsync(PageHelpers.Vi(baseline));
        await Expect(page.GetByTestId("date-total")).ToHaveTextAsync(PageHelpers.Vi(now));
        var percent = Math.Round((decimal)(now - baseline) * 100 / baseline, 1);
        await Expect(page.GetByTestId("change-percent")).ToHaveTextAsync(
            (percent < 0 ? "\u2212" : "+") + Math.Abs(percent).ToString("N1", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%");

        // The chart is drawn, with one bar per year end from the baseline year to this one.
        await Expect(page.GetByTestId("count-chart")).ToBeVisibleAsync();
        var bars = await page.EvaluateAsync<int>("() => Chart.getChart('count-chart').data.labels.length");
        Assert.Equal(Today.Year - 2015 + 1, bars);
        await Expect(page.Locator("[data-testid=years] td").First).ToHaveTextAsync("2015");
        await Expect(page.GetByTestId("breakdown")).ToHaveCountAsync(4);
        Assert.True(await page.Locator("[data-testid=changes] tbody tr").CountAsync() > 0);
        await page.ScreenshotAsync("counts");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#filters")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("count-chart")).ToBeVisibleAsync();
        await page.ScreenshotAsync("counts-print");
    }

    [Fact]
    public async Task Import_BrokenFile_ShowsProblemsByRowAndColumnAndWritesNothing()
    {
        var n = Unique();
        var (kept, _) = await TwoUnitsAsync(n);
        var file = Path.Combine(Path.GetTempPath(), $"sap-xep-{n}.xlsx");
        // Row 2 is a good renaming; row 3 has no issuer. The service finds it after row 2 is applied: all is undone.
        MiniExcel.SaveAs(file, new List<Dictionary<string, object?>>
        {
            ImportRow("Đổi tên", $"DT-{n}/QĐ", "10/01/2026", Issuer, "01/02/2026", kept.Code, newName: $"Trung tâm Đổi tên {n}"),
            ImportRow("Giải thể", $"GT-{n}/QĐ", "10/02/2026", null, "01/03/2026", kept.Code),
        });
        var wrong = Path.Combine(Path.GetTempPath(), $"sap-xep-{n}.csv");
        await File.WriteAllTextAsync(wrong, "Loại sắp xếp;Số quyết định\n", TestContext.Current.CancellationToken);
        var page = await SignedInAsync();

        await page.GotoAsync("/reorganizations");
        await page.GetByTestId("import-link").ClickAsync();
        await page.WaitForURLAsync("**/reorganizations/import");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template").ClickAsync());
        Assert.Equal("mau-nhap-sap-xep.xlsx", download.SuggestedFilename);

        await page.Locator("#Upload").SetInputFilesAsync(wrong);
        await page.GetByTestId("import-submit").ClickAsync();
        await Expect(page.GetByTestId("import-error")).ToContainTextAsync("không phải tệp Excel .xlsx");

        // The answer is held back a moment, to see the bar that stands for the server's checking once the file is sent.
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [HostFixture.HoldHeader] = "1" });
        await page.Locator("#Upload").SetInputFilesAsync(file);
        await page.GetByTestId("import-submit").ClickAsync();
        await Expect(page.GetByTestId("import-progress")).ToContainTextAsync("Đang kiểm tra và ghi…");
        await Expect(page.Locator("#import-progress .progress-bar")).ToHaveClassAsync(new Regex("progress-bar-animated"));
        await page.ScreenshotAsync("import-progress");
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string>());
        await Expect(page.GetByTestId("import-problems-summary")).ToContainTextAsync("Chưa có dữ liệu nào được ghi.");
        var problem = page.Locator("[data-testid=import-problems] tbody tr[data-row='3'][data-column='D']");
        await Expect(problem).ToContainTextAsync("Cơ quan ban hành");
        await Expect(problem).ToContainTextAsync("Vui lòng nhập cơ quan ban hành quyết định.");
        await Expect(page.Locator("[data-testid=import-problems] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("import-progress")).ToBeHiddenAsync();
        await page.ScreenshotAsync("import-problems");

        // Nothing written: the good row's renaming is not there either.
        await page.GotoAsync($"/units/{kept.Id}");
        await Expect(page.GetByTestId("unit-title")).ToHaveTextAsync(kept.Name);
        await Expect(page.GetByTestId("events-empty")).ToBeVisibleAsync();
        await page.GotoAsync($"/reorganizations?includeVoided=true&from=2026-02-01&to=2026-03-01");
        await Expect(page.Locator("[data-testid=reorganization]").Filter(new() { HasText = $"DT-{n}/QĐ" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UnitEdit_FromDate_OpensNewVersionWithItsDecision()
    {
        var n = Unique();
        var (unit, _) = await TwoUnitsAsync(n);
        var renamed = $"Trung tâm Kiểm thử Đổi tên từ ngày {n}";
        var page = await SignedInAsync();

        await page.GotoAsync($"/units/{unit.Id}/edit");
        await Expect(page.GetByTestId("effective-from")).ToContainTextAsync("Để trống nếu bạn sửa cho đúng");
        await page.Locator("#Input_Name").FillAsync(renamed);
        await page.Locator("#Input_EffectiveFrom").FillAsync("2026-06-01");
        await page.GetByTestId("save-unit").ClickAsync();
        await Expect(page.FieldError("Input.DecisionNumber")).ToHaveTextAsync("Vui lòng nhập số, ký hiệu quyết định của thay đổi.");
        await Expect(page.FieldError("Input.DecisionIssuer")).ToHaveTextAsync("Vui lòng nhập cơ quan ban hành quyết định.");
        await page.ScreenshotAsync("unit-edit-from-date-errors");

        await page.Locator("#Input_DecisionNumber").FillAsync($"DN-{n}/QĐ-SYT");
        await page.Locator("#Input_DecisionDate").FillAsync("2026-05-20");
        await page.Locator("#Input_DecisionIssuer").FillAsync("Sở Y tế thành phố Cần Thơ");
        await page.GetByTestId("save-unit").ClickAsync();
        await page.WaitForURLAsync($"**/units/{unit.Id}");
        await Expect(page.GetByTestId("success")).ToContainTextAsync("áp dụng từ ngày 01/06/2026");
        var versions = page.Locator("[data-testid=versions] [data-testid=version]");
        await Expect(versions).ToHaveCountAsync(2);
        await Expect(versions.Nth(0)).ToContainTextAsync(unit.Name);
        await Expect(versions.Nth(0)).ToContainTextAsync("31/05/2026");
        await Expect(versions.Nth(1)).ToContainTextAsync(renamed);
        await Expect(versions.Nth(1)).ToContainTextAsync($"Số DN-{n}/QĐ-SYT ngày 20/05/2026 của Sở Y tế thành phố Cần Thơ");
        await page.ScreenshotAsync("unit-history-versions");
    }

    [Fact]
    public async Task Division_WithoutJavaScript_FormButtonsWorkAndLowerAutonomyIsWarned()
    {
        var n = Unique();
        var agency = (await host.AgencyIdAsync("92.SVHTTDL")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var divided = await host.CreateUnitAsync(new UnitInput
        {
            Code = $"CH-{n}", Name = $"Trung tâm Kiểm thử Được chia {n}", Sector = "culture", RoleClass = "political",
            Level = "province", AreaCode = "92", ManagingAgencyId = int.Parse(agency, System.Globalization.CultureInfo.InvariantCulture),
            AutonomyGroup = 3, EstablishedOn = new DateOnly(2012, 5, 1),
        });
        var page = await host.NewPageAsync(javaScript: false);
        await page.SignInAsync(HostFixture.HomeAffairsEmail, HostFixture.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/reorganizations/create");

        await page.Locator("#Input_Type").SelectOptionAsync("division");
        await page.Locator("#Input_DecisionNumber").FillAsync($"CH-{n}/QĐ-UBND");
        await page.Locator("#Input_DecisionDate").FillAsync("2026-04-10");
        await page.Locator("#Input_DecisionIssuer").FillAsync(Issuer);
        await page.Locator("#Input_EffectiveDate").FillAsync("2026-05-01");

        // The search posts the form back and lists the matches; what was typed stays.
        await page.Locator("#sourceSearch").FillAsync($"duoc chia {n}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).First.ClickAsync();
        await page.Locator($"#source-{divided.Id}").CheckAsync();
        await Expect(page.Locator("#Input_DecisionNumber")).ToHaveValueAsync($"CH-{n}/QĐ-UBND");

        async Task FillNewUnitAsync(int i, string code, string name, string group)
        {
            var prefix = $"#Input_NewUnits_{i}__";
            await page.Locator(prefix + "Code").FillAsync(code);
            await page.Locator(prefix + "Name").FillAsync(name);
            await page.Locator(prefix + "Sector").SelectOptionAsync("culture");
            await page.Locator(prefix + "RoleClass").SelectOptionAsync("political");
            await page.Locator(prefix + "Level").SelectOptionAsync("province");
            await page.Locator(prefix + "ManagingAgencyId").FillAsync(agency);
            await page.Locator(prefix + "AreaCode").FillAsync("92");
            await page.Locator(prefix + "AutonomyGroup").SelectOptionAsync(group);
        }

        await FillNewUnitAsync(0, $"CH-A-{n}", $"Trung tâm Kiểm thử Văn hóa {n}", "3");
        await page.GetByTestId("add-unit").ClickAsync();
        await Expect(page.GetByTestId("new-unit")).ToHaveCountAsync(2);
        await Expect(page.Locator("#Input_NewUnits_0__Code")).ToHaveValueAsync($"CH-A-{n}");
        await Expect(page.Locator($"#source-{divided.Id}")).ToBeCheckedAsync();
        await FillNewUnitAsync(1, $"CH-B-{n}", $"Trung tâm Kiểm thử Du lịch {n}", "4");
        await page.ScreenshotAsync("reorganization-division-nojs");

        await page.GetByTestId("record-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/reorganizations/\d+$"));
        await Expect(page.GetByTestId("success")).ToContainTextAsync($"Đã ghi nhận sự kiện chia theo quyết định số CH-{n}/QĐ-UBND.");
        await Expect(page.GetByTestId("warnings")).ToContainTextAsync("mức tự chủ thấp hơn đơn vị trước sắp xếp (nhóm 4 so với nhóm 3)");
        await Expect(page.GetByTestId("count-change")).ToHaveTextAsync("+1");
        await Expect(page.Locator("[data-testid=participants] tr[data-role=created]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=participants] tr[data-role=ended]")).ToContainTextAsync(divided.Code);
        await page.ScreenshotAsync("reorganization-division-warnings");

        // The warning was said once: it is not stored with the event.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("warnings")).ToHaveCountAsync(0);
    }

    private static Dictionary<string, object?> ImportRow(
        string type, string number, string decisionDate, string? issuer, string effective, string source, string? newName = null) => new()
    {
        ["Loại sắp xếp"] = type, ["Số quyết định"] = number, ["Ngày quyết định"] = decisionDate, ["Cơ quan ban hành"] = issuer,
        ["Ngày hiệu lực"] = effective, ["Mã đơn vị nguồn"] = source, ["Mã đơn vị tiếp tục"] = null, ["Mã cơ quan quản lý mới"] = null,
        ["Tên mới"] = newName, ["Mã địa bàn mới"] = null, ["Mã đơn vị mới"] = null, ["Tên đơn vị mới"] = null, ["Lĩnh vực"] = null,
        ["Loại đơn vị"] = null, ["Cấp"] = null, ["Mã địa bàn"] = null, ["Mã cơ quan quản lý"] = null, ["Nhóm tự chủ"] = null,
        ["Ghi chú"] = null,
    };
}
