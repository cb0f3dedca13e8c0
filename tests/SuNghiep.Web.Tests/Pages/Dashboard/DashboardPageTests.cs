using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using MiniExcelLibs;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Resources;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Pages.Dashboard;

public sealed class DashboardPageTests(AppHosts hosts)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A Home Affairs officer there has an empty register.</summary>
    private const string EmptyCommune = Communes.Empty;

    [Theory, DatabaseData]
    public async Task Dashboard_ProvincialOfficer_ShowsEveryIndicatorAsTheApiAndBreaksDownByCommune(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.HomeAffairs, area: "92");

        var page = await SameAsApiAsync(app, email, "/dashboard", "");

        Assert.Equal("Xã, phường", HeaderText(page));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=breakdown] tbody tr"));
        Assert.Equal(["commune", "agency", "sector"], page.QuerySelectorAll("#breakdown option").Select(o => o.GetAttribute("value")));
    }

    [Theory, DatabaseData]
    public async Task Dashboard_NationalAnalyst_ShowsEveryIndicatorAsTheApiAndBreaksDownByProvince(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.Viewer);

        var page = await SameAsApiAsync(app, email, "/dashboard", "");

        Assert.Equal("Tỉnh, thành phố", HeaderText(page));
        // The demo province is a row, and its figure links to the drill-down of that province.
        var row = page.QuerySelector("[data-testid=breakdown] tbody tr[data-key='92']");
        Assert.NotNull(row);
        var link = row.QuerySelector("td[data-indicator='units.count'] a")!.GetAttribute("href")!;
        Assert.StartsWith("/indicators/units.count/drilldown?", link, StringComparison.Ordinal);
        Assert.Contains("areaCode=92", link, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Dashboard_Targets_ShowTheirStatusInAWordAndAColourAsTheApiMeasuresThem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.HomeAffairs, area: "92");
        using var session = await PageSession.SignInAsync(app, email);
        using var api = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var words = new Dictionary<string, (string Word, string Colour)>
        {
            ["achieved"] = ("Đã đạt", "text-bg-success"), ["on_track"] = ("Đúng tiến độ", "text-bg-primary"),
            ["at_risk"] = ("Có nguy cơ không đạt", "text-bg-warning"), ["missed"] = ("Không đạt", "text-bg-danger"),
            ["not_measurable"] = ("Chưa đo được", "text-bg-secondary"),
        };

        var (_, page) = await session.GetAsync("/dashboard");

        // The demo province's plans hold targets on its indicators.
        var lines = page.QuerySelectorAll(".indicator-card [data-testid=targets] li").ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var status = line.GetAttribute("data-status")!;
            var badge = line.QuerySelector(".badge")!;
            Assert.Equal(words[status].Word, badge.TextContent.Trim());
            Assert.Contains(words[status].Colour, badge.ClassName, StringComparison.Ordinal);
            var card = line.Closest(".indicator-card")!.GetAttribute("data-indicator");
            var document = line.QuerySelector("a[href^='/documents/']")!.GetAttribute("href")!;
            var measured = await api.GetFromJsonAsync<JsonElement>($"/api/v1{document}/targets/status");
            Assert.Contains(measured.EnumerateArray(), t => t.GetProperty("indicatorCode").GetString() == card && t.GetProperty("status").GetString() == status);
        }
    }

    [Theory, DatabaseData]
    public async Task Dashboard_SortedByAValueDescending_ListsTheRowsInThatOrder(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        var (response, page) = await session.GetAsync("/dashboard?breakdown=agency&sort=units.count&dir=desc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = page.QuerySelector("[data-testid=breakdown] th[aria-sort]")!;
        Assert.Equal("descending", header.GetAttribute("aria-sort"));
        Assert.Equal("units.count", header.QuerySelector("a")!.GetAttribute("data-sort"));
        var values = page.QuerySelectorAll("[data-testid=breakdown] tbody td[data-indicator='units.count']")
            .Select(td => decimal.Parse(td.TextContent.Trim(), NumberStyles.Number, Vi)).ToList();
        Assert.True(values.Count > 1, "the demo province has more than one agency");
        Assert.Equal(values.OrderByDescending(v => v), values);
        // The header's link turns the order round.
        Assert.Contains("dir=asc", header.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Dashboard_BadFilters_Answer400WithAVietnameseMessageOnEachField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        var (response, page) = await session.GetAsync("/dashboard?asOf=31/02/2025&agencyId=abc&sector=khong-co&level=x&breakdown=hanh-tinh&areaCode=ZZZ9");
        var (export, exportPage) = await session.GetAsync("/dashboard?handler=Xlsx&asOf=2025-13-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=error-summary]"));
        Assert.Contains("Ngày xem không hợp lệ", Error(page, "asOf"), StringComparison.Ordinal);
        Assert.Contains("Cơ quan quản lý không hợp lệ", Error(page, "agencyId"), StringComparison.Ordinal);
        Assert.Contains("Lĩnh vực không hợp lệ", Error(page, "sector"), StringComparison.Ordinal);
        Assert.Contains("Cấp quản lý không hợp lệ", Error(page, "level"), StringComparison.Ordinal);
        Assert.Contains("Cách chia không hợp lệ", Error(page, "breakdown"), StringComparison.Ordinal);
        Assert.Equal("Không có địa bàn mã \"ZZZ9\".", Error(page, "areaCode"));
        Assert.Contains("is-invalid", page.QuerySelector("#sector")!.ClassName, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".indicator-card"));
        // The summary links each message to its field.
        Assert.NotNull(page.QuerySelector("[data-testid=error-summary] a[href='#asOf']"));
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Equal("text/html", export.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(exportPage.QuerySelector("[data-testid=error-asOf]"));
    }

    [Theory, DatabaseData]
    public async Task IndicatorPages_BadInputs_Answer400Or404NeverAServerError(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        var (unknown, _) = await session.GetAsync("/indicators/khong-co-chi-so");
        var (unknownDrilldown, _) = await session.GetAsync("/indicators/khong-co-chi-so/drilldown");
        var (baseline, baselinePage) = await session.GetAsync("/indicators/units.count?baseline=2030-2020");
        var (late, latePage) = await session.GetAsync("/indicators/units.count?asOf=2016-01-01&baseline=2020");
        var (page, pagePage) = await session.GetAsync("/indicators/units.count/drilldown?page=-3&eventsPage=abc");
        var (huge, _) = await session.GetAsync("/indicators/units.count/drilldown?page=99999999999&areaOn=0000-00-00");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDrilldown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, baseline.StatusCode);
        Assert.StartsWith("Mốc so sánh không hợp lệ", Error(baselinePage, "baseline"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal("Mốc so sánh (năm 2020) phải trước ngày xem 01/01/2016.", Error(latePage, "baseline"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("Số trang phải là số nguyên dương.", pagePage.QuerySelector("[data-testid=error-summary] li")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Dashboard_Export_IsAWorkbookOfTheIndicatorsAndTheirBreakdownsWithThePagesNumbers(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.HomeAffairs, area: "92");
        using var session = await PageSession.SignInAsync(app, email);
        using var api = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var codes = await CodesAsync(api);

        for (var attempt = 1; ; attempt++)
        {
            var before = await ApiValuesAsync(api, codes, "");
            using var response = await session.Client.GetAsync("/dashboard?handler=Xlsx&breakdown=agency");
            var file = await response.Content.ReadAsByteArrayAsync();
            var after = await ApiValuesAsync(api, codes, "");
            if (!before.SequenceEqual(after) && attempt < 5)
            {
                // Another test wrote to the province meanwhile: read again.
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ResourceRequests.XlsxType, response.Content.Headers.ContentType?.MediaType);
            using var stream = new MemoryStream(file);
            var sheets = stream.GetSheetNames();
            Assert.Equal("Chỉ số", sheets[0]);
            // A code longer than Excel's 31 characters names its sheet cut to them.
            Assert.Equal(codes.Select(SuNghiep.Web.Pages.Dashboard.DashboardExport.SheetName).Order(), sheets.Skip(1).Order());
            var rows = stream.Query(useHeaderRow: true, sheetName: "Chỉ số").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(codes.Order(), rows.Select(r => (string)r["Mã chỉ số"]!).Order());
            foreach (var row in rows)
            {
                // A cell holds a double: fifteen significant digits of the engine's decimal.
                Assert.Equal(Round(before[(string)row["Mã chỉ số"]!]), Round(Number(row["Giá trị"])));
            }

            // The agencies' sheet of the count adds up to the province's count.
            var byAgency = stream.Query(useHeaderRow: true, sheetName: "units.count").Cast<IDictionary<string, object?>>().ToList();
            Assert.NotEmpty(byAgency);
            Assert.Contains("Cơ quan quản lý", byAgency[0].Keys);
            Assert.Equal(before["units.count"], byAgency.Sum(r => Number(r["Giá trị"]) ?? 0));
            return;
        }
    }

    [Theory, DatabaseData]
    public async Task IndicatorPages_AgencyOfficer_SeeOnlyTheUnitsOfTheirAgency(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        using var admin = await app.AdminAsync();
        var own = await admin.CreateUnitAsync(UnitsClient.Body(token, "YTE", await app.AgencyIdAsync("92.SYT")));
        var other = await admin.CreateUnitAsync(UnitsClient.Body(token, "GD", await app.AgencyIdAsync("92.SGDDT")));
        var officerEmail = await app.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        using var officer = await PageSession.SignInAsync(app, officerEmail);
        using var province = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        var (_, seen) = await officer.GetAsync($"/indicators/units.count/drilldown?search={token}");
        var (_, control) = await province.GetAsync($"/indicators/units.count/drilldown?search={token}");
        using var export = await officer.Client.GetAsync($"/indicators/units.count/drilldown?handler=Xlsx&search={token}");
        var (_, dashboard) = await officer.GetAsync("/dashboard");

        Assert.Equal([own.Code], Codes(seen));
        Assert.Equal([other.Code, own.Code], Codes(control).Order());
        Assert.Equal(ResourceRequests.XlsxType, export.Content.Headers.ContentType?.MediaType);
        Assert.Equal([own.Code], ResourceRequests.ReadRows(await export.Content.ReadAsByteArrayAsync()).Select(r => (string)r["Mã đơn vị"]!));
        // The officer's dashboard breaks down by agency, and only by the agencies of its subtree.
        Assert.Equal("Cơ quan quản lý", HeaderText(dashboard));
        var health = await app.AgencyIdAsync("92.SYT");
        var agencies = await app.WithDbAsync(async (db, _) =>
        {
            var path = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Agencies.Where(a => a.Id == health).Select(a => a.LineagePath));
            var all = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Agencies.Select(a => new { a.Id, a.LineagePath }));
            return all.Where(a => a.LineagePath.StartsWith(path, StringComparison.Ordinal)).Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        });
        var rows = dashboard.QuerySelectorAll("[data-testid=breakdown] tbody tr").Select(r => r.GetAttribute("data-key")!).ToList();
        Assert.NotEmpty(rows);
        Assert.True(rows.ToHashSet().IsSubsetOf(agencies), string.Join(", ", rows) + " ⊄ " + string.Join(", ", agencies));
        Assert.DoesNotContain((await app.AgencyIdAsync("92.SGDDT")).ToString(CultureInfo.InvariantCulture), rows);
        // And its numbers are the API's for the same officer.
        await SameAsApiAsync(app, officerEmail, "/dashboard", "");
    }

    [Theory, DatabaseData]
    public async Task Drilldown_UnitsAndEvents_ListTheGroupSourceAndTheDecisionAndExportBothSheets(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        using var admin = await app.AdminAsync();
        var agency = await app.AgencyIdAsync("92.SXD");
        var kept = await admin.CreateUnitAsync(UnitsClient.Body(token, "CON", agency));
        var dissolved = await admin.CreateUnitAsync(UnitsClient.Body(token, "GIAI", agency));
        // A date no other test records an event on, inside a window of two days.
        var day = new DateOnly(2019, 3, 17);
        var number = $"{token}/QĐ-UBND";
        var created = await admin.RecordAsync(Event("dissolution", day, number).With("sourceUnitIds", Ids(dissolved)));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var query = $"asOf={Iso(day)}&baseline={Iso(day.AddDays(-1))}&agencyId={agency}";

        var (response, page) = await session.GetAsync($"/indicators/units.count/drilldown?{query}&search={token}");
        using var export = await session.Client.GetAsync($"/indicators/units.count/drilldown?handler=Xlsx&{query}&search={token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // On the day of the dissolution the dissolved unit is no longer counted.
        Assert.Equal([kept.Code], Codes(page));
        var row = page.QuerySelector($"[data-testid=units] tr[data-unit='{kept.Id}']")!;
        Assert.Equal($"/units/{kept.Id}?asOf={Iso(day)}", row.QuerySelector("a[data-testid=unit-name]")!.GetAttribute("href"));
        // No approved plan and no finance figures for 2019: the group is not known.
        Assert.Equal("chưa xác định", row.QuerySelector("[data-field=group-source]")!.TextContent.Trim());
        var eventRow = page.QuerySelector($"[data-testid=events] tr[data-reorganization='{created.Id}']")!;
        Assert.NotNull(eventRow);
        Assert.Contains(number, eventRow.TextContent, StringComparison.Ordinal);
        Assert.Contains(Issuer, eventRow.TextContent, StringComparison.Ordinal);
        Assert.Equal("\u22121", eventRow.QuerySelectorAll("td")[^1].TextContent.Trim());
        Assert.NotNull(eventRow.QuerySelector($"a[href='/reorganizations/{created.Id}']"));
        Assert.NotNull(eventRow.QuerySelector($"a[href='/units/{dissolved.Id}']"));

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Đơn vị", "Sắp xếp"], stream.GetSheetNames());
        var units = stream.Query(useHeaderRow: true, sheetName: "Đơn vị").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([kept.Code], units.Select(u => (string)u["Mã đơn vị"]!));
        Assert.Equal("Chưa xác định", units[0]["Nguồn xác định nhóm"]);
        var events = stream.Query(useHeaderRow: true, sheetName: "Sắp xếp").Cast<IDictionary<string, object?>>().ToList();
        var exported = Assert.Single(events, e => (string?)e["Số quyết định"] == number);
        Assert.Equal(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), exported["Ngày hiệu lực"]);
        Assert.Equal(-1m, Number(exported["Thay đổi số đơn vị"]));
    }

    [Theory, DatabaseData]
    public async Task IndicatorPage_BaselineAndBreakdown_ShowTheApisFigures(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.HomeAffairs, area: "92");
        using var session = await PageSession.SignInAsync(app, email);
        using var api = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        const string query = "baseline=2020&breakdown=agency";

        for (var attempt = 1; ; attempt++)
        {
            var before = await api.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/units.count?{query}");
            var (response, page) = await session.GetAsync($"/indicators/units.count?{query}");
            var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/units.count?{query}");
            if (before.GetRawText() != after.GetRawText() && attempt < 5)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Vn(before.GetProperty("value")), page.QuerySelector("[data-testid=indicator-value]")!.TextContent.Trim());
            Assert.Equal(Vn(before.GetProperty("baselineValue")), page.QuerySelector("[data-testid=baseline-value]")!.TextContent.Trim());
            Assert.Equal("2020", page.QuerySelector("#baseline")!.GetAttribute("value"));
            Assert.Contains("mốc so sánh: năm 2020.", page.QuerySelector("[data-testid=scope]")!.TextContent, StringComparison.Ordinal);
            var keys = page.QuerySelectorAll("[data-testid=breakdown] tbody tr").Select(r => r.GetAttribute("data-key")).Order().ToList();
            Assert.Equal(before.GetProperty("breakdown").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Order().ToList(), keys);
            Assert.NotEmpty(page.QuerySelector("[data-testid=definition]")!.TextContent.Trim());
            return;
        }
    }

    [Theory, DatabaseData]
    public async Task Dashboard_ScopeWithoutUnits_SaysSoInsteadOfShowingZeros(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: EmptyCommune));
        using var control = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        var (response, page) = await session.GetAsync("/dashboard");
        var (_, controlPage) = await control.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=empty]"));
        Assert.Empty(page.QuerySelectorAll(".indicator-card"));
        Assert.Null(controlPage.QuerySelector("[data-testid=empty]"));
        Assert.NotEmpty(controlPage.QuerySelectorAll(".indicator-card"));
    }

    [Theory, DatabaseData]
    public async Task SignIn_LandsOnTheDashboardWhichIsFirstInTheMenu(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        using var home = await session.Client.GetAsync("/");
        var (_, page) = await session.GetAsync("/dashboard");

        Assert.Equal("/dashboard", home.Headers.Location?.OriginalString);
        Assert.Equal("/dashboard", page.QuerySelector("nav.navbar .navbar-nav .nav-link")!.GetAttribute("href"));
        Assert.Contains("active", page.QuerySelector("nav.navbar .navbar-nav .nav-link")!.ClassName, StringComparison.Ordinal);
    }

    /// <summary>
    /// The page's value of each indicator of the catalogue equals the API's for the same account and scope. Other tests write
    /// to the same province while this runs: the API is read before and after the page, and again if the two differ.
    /// </summary>
    private static async Task<IDocument> SameAsApiAsync(SuNghiepApp app, string email, string path, string query)
    {
        using var session = await PageSession.SignInAsync(app, email);
        using var api = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var codes = await CodesAsync(api);
        for (var attempt = 1; ; attempt++)
        {
            var before = await ApiValuesAsync(api, codes, query);
            var (response, page) = await session.GetAsync(path + (query.Length > 0 ? "?" + query : ""));
            var after = await ApiValuesAsync(api, codes, query);
            if (!before.SequenceEqual(after) && attempt < 5)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cards = page.QuerySelectorAll(".indicator-card").ToDictionary(c => c.GetAttribute("data-indicator")!);
            Assert.Equal(codes.Order(), cards.Keys.Order());
            foreach (var code in codes)
            {
                var value = cards[code].QuerySelector("[data-testid=indicator-value]")!;
                Assert.True(before[code] == Parse(value.GetAttribute("data-value")), $"{code}: page {value.GetAttribute("data-value")}, API {before[code]}");
                Assert.StartsWith($"/indicators/{code}/drilldown?", value.GetAttribute("href"), StringComparison.Ordinal);
            }

            return page;
        }
    }

    private static async Task<List<string>> CodesAsync(HttpClient api)
    {
        var catalogue = await api.GetFromJsonAsync<JsonElement>("/api/v1/indicators");
        var items = catalogue.ValueKind == JsonValueKind.Array ? catalogue : catalogue.GetProperty("items");
        var codes = items.EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.Equal(12, codes.Count);
        return codes;
    }

    private static async Task<Dictionary<string, decimal?>> ApiValuesAsync(HttpClient api, IEnumerable<string> codes, string query)
    {
        var values = new Dictionary<string, decimal?>();
        foreach (var code in codes)
        {
            var result = await api.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{code}{(query.Length > 0 ? "?" + query : "")}");
            values[code] = result.GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;
        }

        return values;
    }

    private static string HeaderText(IDocument page) =>
        page.QuerySelector("[data-testid=breakdown] thead th a")!.ChildNodes.OfType<IText>().First().Text.Trim();

    private static string Error(IDocument page, string field) =>
        page.QuerySelector($"[data-testid='error-{field}']")?.TextContent.Trim() ?? $"(no error on {field})";

    private static List<string> Codes(IDocument page) =>
        page.QuerySelectorAll("[data-testid=units] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    private static decimal? Parse(string? text) =>
        string.IsNullOrEmpty(text) ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static decimal? Number(object? value) => value is null ? null : Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 8) : null;

    /// <summary>A count as the page writes it.</summary>
    private static string Vn(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDecimal().ToString("N0", Vi) + " đơn vị" : "—";
}
