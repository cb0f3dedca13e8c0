using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Api.Resources;

public sealed class StaffingImportTests(AppHosts hosts)
{
    // Years before the demo figures and allocations (2015), that no other test writes: 2012 to 2014.
    private const int Year = 2012;

    private static async Task<List<string>> TemplateHeadersAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/staffing/import-template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        return ReadHeaders(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A full row: code, year, ten staffing cells (budget-paid, revenue-paid, actual, contract, four job positions, over-allocation, notes), ten finance cells.</summary>
    private static object?[] Row(string code, object year, int budget, decimal revenue, decimal recurrent) =>
    [
        code, year, budget, 3, budget + 2, 1, 2, 14, 4, 3, null, "Nhập từ tệp",
        revenue, 0m, 0m, 0m, 0m, 0m, recurrent, 0m, 100_000_000m, 500_000_000m,
    ];

    [Theory, DatabaseData]
    public async Task Import_ValidFile_WritesEveryRowReadableThroughTheApi(DatabaseProvider provider)
    {
        var (app, admin, first, firstCode, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var second = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "B", agency));
        var headers = await TemplateHeadersAsync(admin);
        var staffingOnly = Row(firstCode, Year + 1, 12, 0, 0)[..12];
        var financeOnly = new object?[] { second.Code, Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Concat(Enumerable.Repeat<object?>(null, 10)).Concat(Row(second.Code, Year, 0, 12_000_000_000m, 12_000_000_000m)[12..]).ToArray();
        var file = Workbook(headers, [Row(firstCode, Year, 25, 8_400_000_000m, 12_000_000_000m), financeOnly, staffingOnly]);

        using var response = await admin.PostAsync("/api/v1/staffing/import", Upload(file));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(3, JsonDocument.Parse(text).RootElement.GetProperty("applied").GetInt32());
        var staffing = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{first}/staffing/{Year}");
        Assert.Equal(25, staffing.GetProperty("budgetPositions").GetInt32());
        Assert.Equal(27, staffing.GetProperty("actualStaff").GetInt32());
        Assert.Equal(14, staffing.GetProperty("jobPositions").GetProperty("professional").GetInt32());
        Assert.Equal("Nhập từ tệp", staffing.GetProperty("notes").GetString());
        var finance = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{first}/finance/{Year}");
        Assert.Equal(8_400_000_000m, finance.GetProperty("revenue").GetProperty("total").GetDecimal());
        Assert.Equal(70.00m, finance.GetProperty("selfFinancingLevel").GetDecimal());
        Assert.Equal(3, finance.GetProperty("autonomyGroup").GetInt32());
        var secondFinance = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{second.Id}/finance/{Year}");
        Assert.Equal(2, secondFinance.GetProperty("autonomyGroup").GetInt32());
        Assert.Equal(500_000_000m, secondFinance.GetProperty("directBudgetSpending").GetDecimal());
        var nextYear = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{first}/staffing/{Year + 1}");
        Assert.Equal(12, nextYear.GetProperty("budgetPositions").GetInt32());
        // Each part is written only where the row has it.
        using var noStaffing = await admin.GetAsync($"/api/v1/units/{second.Id}/staffing/{Year}");
        using var noFinance = await admin.GetAsync($"/api/v1/units/{first}/finance/{Year + 1}");
        Assert.Equal(HttpStatusCode.NotFound, noStaffing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noFinance.StatusCode);
    }

    // One bad row between two good ones: the column letters are those of the template (A code, B year, S recurrent spending).
    public static TheoryData<string, string> BadRows => new()
    {
        { "negative",     "S" },
        { "unknown-code", "A" },
        { "outside-life", "B" },
    };

    [Theory, DatabaseData(nameof(BadRows))]
    public async Task Import_OneBadRow_Returns400WithItsRowAndColumnAndWritesNothing(DatabaseProvider provider, string bad, string column)
    {
        var (_, admin, first, firstCode, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var second = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "B", agency));
        var headers = await TemplateHeadersAsync(admin);
        var wrong = bad switch
        {
            "negative" => Row(second.Code, Year + 2, 10, 1_000_000_000m, -5m),
            "unknown-code" => Row("KHONG-CO-" + Unique.Token(), Year + 2, 10, 1_000_000_000m, 2_000_000_000m),
            _ => Row(second.Code, 1990, 10, 1_000_000_000m, 2_000_000_000m),
        };
        var file = Workbook(headers, [Row(firstCode, Year + 2, 20, 1_000_000_000m, 2_000_000_000m), wrong, Row(second.Code, Year + 1, 20, 1_000_000_000m, 2_000_000_000m)]);

        using var response = await admin.PostAsync("/api/v1/staffing/import", Upload(file));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problems = JsonDocument.Parse(text).RootElement.GetProperty("problems").EnumerateArray().ToList();
        var problem = Assert.Single(problems);
        Assert.Equal(3, problem.GetProperty("row").GetInt32());
        Assert.Equal(column, problem.GetProperty("column").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("message").GetString()));
        // Nothing written, not even the good rows around it.
        foreach (var (unit, year) in new[] { (first, Year + 2), (second.Id, Year + 2), (second.Id, Year + 1), (second.Id, 1990) })
        {
            using var staffing = await admin.GetAsync($"/api/v1/units/{unit}/staffing/{year}");
            using var finance = await admin.GetAsync($"/api/v1/units/{unit}/finance/{year}");
            Assert.Equal(HttpStatusCode.NotFound, staffing.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, finance.StatusCode);
        }
    }

    [Theory, DatabaseData]
    public async Task Import_ByAViewer_IsForbidden(DatabaseProvider provider)
    {
        var (app, admin, _, code, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var headers = await TemplateHeadersAsync(admin);
        var (viewer, _) = await app.SignInAsNewUserAsync(SuNghiep.Core.Entities.Roles.Viewer);
        using var _viewer = viewer;

        using var response = await viewer.PostAsync("/api/v1/staffing/import", Upload(Workbook(headers, [Row(code, Year + 4, 1, 1m, 1m)])));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Export_Year_RowsAndTotalsMatchTheStaffingTable(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        // 2020: the demo province's figures, by many agencies; no test writes that year.
        var table = await admin.GetFromJsonAsync<JsonElement>("/api/v1/staffing?year=2020&areaCode=92");
        using var response = await admin.GetAsync("/api/v1/staffing/export?year=2020&areaCode=92");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        var rows = ReadRows(await response.Content.ReadAsByteArrayAsync());
        var agencies = table.GetProperty("byAgency").EnumerateArray().ToList();
        Assert.True(agencies.Count > 5, $"the demo province has many agencies, got {agencies.Count}");
        Assert.Equal(agencies.Count + 1, rows.Count);
        static int? Int(object? cell) => cell is null ? null : Convert.ToInt32(cell, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < agencies.Count; i++)
        {
            var a = agencies[i];
            var r = rows[i];
            Assert.Equal(a.GetProperty("agencyName").GetString(), r["Cơ quan quản lý"]);
            Assert.Equal(a.GetProperty("units").GetInt32(), Int(r["Số đơn vị"]));
            Assert.Equal(a.GetProperty("allocated").ValueKind == JsonValueKind.Null ? null : a.GetProperty("allocated").GetInt32(), Int(r["Số được giao hưởng lương từ NSNN"]));
            Assert.Equal(a.GetProperty("budgetPositions").GetInt32(), Int(r["Hưởng lương từ NSNN"]));
            Assert.Equal(a.GetProperty("revenuePositions").GetInt32(), Int(r["Hưởng lương từ nguồn thu sự nghiệp"]));
            Assert.Equal(a.GetProperty("actualStaff").GetInt32(), Int(r["Số người làm việc thực có"]));
            Assert.Equal(a.GetProperty("budgetContractWorkers").GetInt32(), Int(r["Hợp đồng lao động hưởng lương từ NSNN"]));
        }

        var total = rows[^1];
        Assert.Equal("Tổng cộng", total["Cơ quan quản lý"]);
        Assert.Equal(table.GetProperty("units").GetInt32(), Int(total["Số đơn vị"]));
        Assert.Equal(table.GetProperty("budgetPositions").GetInt32(), Int(total["Hưởng lương từ NSNN"]));
        Assert.Equal(table.GetProperty("actualStaff").GetInt32(), Int(total["Số người làm việc thực có"]));
    }
}
