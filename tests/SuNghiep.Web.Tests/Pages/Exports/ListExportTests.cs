using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Pages.Exports;

/// <summary>
/// Every list exports and prints all the rows its filters select, not the page on screen: opened with MiniExcel, with
/// Vietnamese headers, real dates and numbers; printed under a formal heading.
/// </summary>
public sealed class ListExportTests(AppHosts hosts)
{
    private static DateTime Day(int year, int month, int day) => new(year, month, day);

    [Theory, DatabaseData]
    public async Task Units_ExportAndPrint_AllRowsOfTheFilterWithinScope(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var admin = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var token = Unique.Token();
        await ExportSession.CreateUnitsAsync(app, admin, token, 22);
        var agency = await app.AgencyIdAsync("24.SNV");
        await admin.CreateUnitAsync(ExportSession.Body(token, "Y1", agency).With("sector", "health").With("autonomyGroup", 2));
        await admin.CreateUnitAsync(ExportSession.Body(token, "Y2", agency).With("sector", "health").With("autonomyGroup", 2));
        using var session = await ExportSession.SignInAsync(app, email);

        var (_, page) = await session.GetAsync($"/units?search={token}");
        Assert.Equal(20, page.QuerySelectorAll("table[data-testid=units] tbody tr").Length);
        var (xlsx, print) = ExportSession.Links(page);
        var rows = await ExportSession.XlsxAsync(session.Client, xlsx);

        Assert.Equal(24, rows.Count);
        Assert.All(rows, r => Assert.StartsWith(token, (string?)r["Mã đơn vị"], StringComparison.Ordinal));
        Assert.Equal(Day(2025, 8, 1), Assert.IsType<DateTime>(rows[0]["Ngày thành lập"]));
        Assert.Equal("Sở Nội vụ tỉnh Bắc Ninh", rows[0]["Cơ quan quản lý"]);
        Assert.Equal("Đang hoạt động", rows[0]["Trạng thái"]);

        var health = await ExportSession.XlsxAsync(session.Client, $"/units?search={token}&sector=health&format=xlsx");
        Assert.Equal([$"{token}-Y1", $"{token}-Y2"], health.Select(r => (string?)r["Mã đơn vị"]).Order(StringComparer.Ordinal));
        Assert.All(health, r => Assert.Equal(2d, Convert.ToDouble(r["Nhóm tự chủ"], CultureInfo.InvariantCulture)));
        Assert.All(health, r => Assert.StartsWith("Y tế", (string?)r["Lĩnh vực"], StringComparison.Ordinal));

        var (printResponse, printed) = await session.GetAsync(print);
        Assert.Equal(HttpStatusCode.OK, printResponse.StatusCode);
        ExportSession.AssertPrintHeading(printed, "Sổ đăng ký đơn vị sự nghiệp công lập");
        Assert.Equal(24, printed.QuerySelectorAll("table[data-testid=units] tbody tr").Length);
        Assert.Equal("TOÀN QUỐC", printed.QuerySelector("[data-testid=print-issuer]")!.TextContent.Trim().ToUpper(CultureInfo.GetCultureInfo("vi-VN")));

        // An officer of another province exports nothing of Bắc Ninh's.
        using var officer = await ExportSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var outside = await ExportSession.XlsxAsync(officer.Client, $"/units?search={token}&format=xlsx");
        Assert.DoesNotContain(outside, r => r["Mã đơn vị"] is not null);
        var (_, officerPrint) = await officer.GetAsync($"/units?search={token}&print=1");
        Assert.Contains("Cần Thơ", officerPrint.QuerySelector("[data-testid=print-issuer]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Reorganizations_ExportAndPrint_AllEventsOfTheFilter(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var unit = await s.UnitAsync("A");
        for (var i = 0; i < 21; i++)
        {
            await s.Client.RecordAsync(HistoryClient.Event("rename", new DateOnly(2011, 1, 1).AddMonths(i), $"{i + 1}/QĐ-UBND")
                .With("sourceUnitIds", new JsonArray(unit.Id)).With("newName", $"{Unique.Name(s.Token)} tên {i}"));
        }

        var email = await s.App.CreateUserAsync(Roles.SystemAdmin);
        using var session = await ExportSession.SignInAsync(s.App, email);
        var (_, page) = await session.GetAsync($"/reorganizations?areaCode={s.AreaCode}");
        Assert.Equal(20, page.QuerySelectorAll("tr[data-testid=reorganization]").Length);
        var (xlsx, print) = ExportSession.Links(page);

        var rows = await ExportSession.XlsxAsync(session.Client, xlsx);

        Assert.Equal(21, rows.Count);
        Assert.All(rows, r => Assert.Equal("Đổi tên", r["Hình thức sắp xếp"]));
        Assert.Equal(Day(2012, 9, 1), Assert.IsType<DateTime>(rows[0]["Ngày hiệu lực"]));   // newest first, as on the page
        Assert.Equal(Day(2012, 9, 1).AddDays(-21), Assert.IsType<DateTime>(rows[0]["Ngày quyết định"]));
        Assert.Equal("21/QĐ-UBND", rows[0]["Số quyết định"]);
        Assert.Equal(0d, Convert.ToDouble(rows[0]["Thay đổi số đơn vị"], CultureInfo.InvariantCulture));
        Assert.Contains(unit.Code, (string?)rows[0]["Các đơn vị"], StringComparison.Ordinal);

        var from2012 = await ExportSession.XlsxAsync(session.Client, $"/reorganizations?areaCode={s.AreaCode}&from=01/01/2012&format=xlsx");
        Assert.Equal(9, from2012.Count);

        var (_, printed) = await session.GetAsync(print);
        ExportSession.AssertPrintHeading(printed, "");
        Assert.Equal(21, printed.QuerySelectorAll("tr[data-testid=reorganization]").Length);
    }

    [Theory, DatabaseData]
    public async Task Counts_Export_CountsYearsAndEveryEventThatChangedThem(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var units = new[] { await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("C") };
        await s.Client.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2018, 3, 1), "7/QĐ-UBND").With("sourceUnitIds", new JsonArray(units[0].Id)));
        await s.Client.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2020, 5, 1), "8/QĐ-UBND").With("sourceUnitIds", new JsonArray(units[1].Id)));
        var email = await s.App.CreateUserAsync(Roles.SystemAdmin);
        using var session = await ExportSession.SignInAsync(s.App, email);
        var query = $"/counts?areaCode={s.AreaCode}&baseline=31/12/2009&date=31/12/2021";
        var (_, page) = await session.GetAsync(query);
        var (xlsx, print) = ExportSession.Links(page);

        using var response = await session.Client.GetAsync(xlsx);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Số đơn vị", "Theo năm", "Sự kiện"], MiniExcelLibs.MiniExcel.GetSheetNames(stream));
        var counts = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Số đơn vị").Cast<IDictionary<string, object?>>().ToList();
        var total = Assert.Single(counts, r => (string?)r["Cơ cấu"] == "Tổng số");
        Assert.Equal((0d, 1d, 1d), (Convert.ToDouble(total["Số đơn vị tại ngày so sánh"], CultureInfo.InvariantCulture),
            Convert.ToDouble(total["Số đơn vị tại ngày xem"], CultureInfo.InvariantCulture), Convert.ToDouble(total["Thay đổi"], CultureInfo.InvariantCulture)));
        Assert.Equal(Day(2021, 12, 31), Assert.IsType<DateTime>(total["Ngày xem"]));
        var events = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Sự kiện").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["7/QĐ-UBND", "8/QĐ-UBND"], events.Select(e => (string?)e["Số quyết định"]));
        Assert.All(events, e => Assert.Equal(-1d, Convert.ToDouble(e["Thay đổi số đơn vị"], CultureInfo.InvariantCulture)));
        var years = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Theo năm").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2d, Convert.ToDouble(years.Single(y => Convert.ToDouble(y["Năm"], CultureInfo.InvariantCulture) == 2019)["Số đơn vị"], CultureInfo.InvariantCulture));

        var (_, printed) = await session.GetAsync(print);
        ExportSession.AssertPrintHeading(printed, "Thống kê số đơn vị");
        Assert.Contains("31/12/2021", printed.QuerySelector("[data-testid=print-as-of]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, printed.QuerySelectorAll("table[data-testid=changes] tbody tr").Length);
    }

    [Theory, DatabaseData]
    public async Task Tasks_DocumentAssignmentTable_ExportsAndPrintsEveryTask(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var admin = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var token = Unique.Token();
        var lead = await app.AgencyIdAsync("24.SNV");
        var coordinator = await app.AgencyIdAsync("24.UBND");
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        for (var i = 0; i < 21; i++)
        {
            await admin.AddTaskAsync(document.Id, PlansClient.Task($"Nhiệm vụ {token} số {i}", lead, new DateOnly(2030, 1, 1).AddDays(i), coordinator));
        }

        using var session = await ExportSession.SignInAsync(app, email);
        var (_, documentPage) = await session.GetAsync($"/documents/{document.Id}");
        var (xlsx, print) = ExportSession.Links(documentPage);

        var rows = await ExportSession.XlsxAsync(session.Client, xlsx);

        Assert.Equal(21, rows.Count);
        Assert.All(rows, r => Assert.Contains(token, (string?)r["Nội dung nhiệm vụ"], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal("Sở Nội vụ tỉnh Bắc Ninh", r["Cơ quan chủ trì"]));
        Assert.All(rows, r => Assert.Equal("Ủy ban nhân dân tỉnh Bắc Ninh", r["Cơ quan phối hợp"]));
        Assert.Equal(
            Enumerable.Range(0, 21).Select(i => Day(2030, 1, 1).AddDays(i)).ToList(),
            rows.Select(r => Assert.IsType<DateTime>(r["Thời hạn"])).Order().ToList());

        var (_, list) = await session.GetAsync($"/tasks?documentId={document.Id}&agencyId=all");
        Assert.Equal(20, list.QuerySelectorAll("table[data-testid=tasks] tbody tr").Length);
        var dueSoon = await ExportSession.XlsxAsync(session.Client, $"/tasks?documentId={document.Id}&agencyId=all&dueBefore=05/01/2030&format=xlsx");
        Assert.Equal(5, dueSoon.Count);

        var (_, printed) = await session.GetAsync(print);
        ExportSession.AssertPrintHeading(printed, "");
        Assert.Equal(21, printed.QuerySelectorAll("table[data-testid=tasks] tbody tr").Length);
    }

    [Theory, DatabaseData]
    public async Task Export_OverTheRowCap_IsRefusedWithAMessageAndUnderItServed(DatabaseProvider provider)
    {
        await using var app = await AppHosts.StartOwnAsync(provider, b => b.UseSetting("Seed:Demo", "false").UseSetting("Exports:MaxRows", "5"));
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var admin = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var token = Unique.Token();
        await ExportSession.CreateUnitsAsync(app, admin, token, 5);
        await admin.CreateUnitAsync(ExportSession.Body(token, "Y", await app.AgencyIdAsync("24.SNV")).With("sector", "health"));
        using var session = await ExportSession.SignInAsync(app, email);

        foreach (var url in new[] { $"/units?search={token}&format=xlsx", $"/units?search={token}&print=1", $"/admin/audit?entityType=Unit&format=xlsx" })
        {
            var (response, page) = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("vượt quá 5 dòng của một lần xuất hoặc in", page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(5, (await ExportSession.XlsxAsync(session.Client, $"/units?search={token}&sector=education&format=xlsx")).Count);
    }
}
