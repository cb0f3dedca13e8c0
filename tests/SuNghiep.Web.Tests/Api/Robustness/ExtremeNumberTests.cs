using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Api.Robustness;

/// <summary>
/// A number out of all proportion is refused on its field, and one already stored (written before the checks, or by
/// hand in the database) never makes a page, the API or an export fail for the others who read it.
/// </summary>
public sealed class ExtremeNumberTests(AppHosts hosts)
{
    // No other test writes staffing or finance for this year, so that the extreme rows here spoil no one's totals.
    private const int Year = 2003;

    [Theory, DatabaseData]
    public async Task StoredExtremeStaffing_PagesApiAndExportsAnswer200AndSumIn64Bits(DatabaseProvider provider)
    {
        var (app, admin, first, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var (_, _, second, _, _) = await UnitAsync(hosts, provider);
        await app.WithDbAsync(async (db, _) =>
        {
            foreach (var unit in new[] { first, second })
            {
                db.StaffingYears.Add(new StaffingYear
                {
                    UnitId = unit, Year = Year, BudgetPositions = int.MaxValue, RevenuePositions = int.MaxValue, ActualStaff = int.MaxValue,
                    BudgetContractWorkers = int.MaxValue, PositionsLeadership = int.MaxValue, PositionsProfessional = int.MaxValue,
                    PositionsSharedProfessional = int.MaxValue, PositionsSupport = int.MaxValue, UpdatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        });
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        var table = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/staffing?year={Year}");
        var row = table.GetProperty("byAgency").EnumerateArray().Single(r => r.GetProperty("agencyId").GetInt32() == agency);
        using var export = await admin.GetAsync($"/api/v1/staffing/export?year={Year}");
        var exported = ReadRows(await export.Content.ReadAsByteArrayAsync());
        using var unitApi = await admin.GetAsync($"/api/v1/units/{first}/staffing/{Year}");
        var (staffingPage, _) = await session.GetAsync($"/staffing?year={Year}");
        var (unitPage, _) = await session.GetAsync($"/units/{first}/resources?year={Year}");
        var (exportPage, _) = await session.GetAsync($"/staffing/export?year={Year}");

        Assert.True(row.GetProperty("budgetPositions").GetInt64() >= 2L * int.MaxValue, row.ToString());
        Assert.True(table.GetProperty("actualStaff").GetInt64() >= 2L * int.MaxValue, table.ToString());
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.True(Convert.ToInt64(exported[^1]["Hưởng lương từ NSNN"], System.Globalization.CultureInfo.InvariantCulture) >= 2L * int.MaxValue);
        Assert.Equal(HttpStatusCode.OK, unitApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffingPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unitPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, exportPage.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task StoredExtremeFinance_PagesAndApiAnswer200WithoutAGroup(DatabaseProvider provider)
    {
        var (app, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        // SQLite keeps decimal's largest value; PostgreSQL's column holds 20 digits.
        var huge = provider == DatabaseProvider.Sqlite ? decimal.MaxValue : 99_999_999_999_999_999_999m;
        await app.WithDbAsync(async (db, _) =>
        {
            db.FinanceYears.Add(new FinanceYear
            {
                UnitId = id, Year = Year, OrderedServices = huge, ScienceTasks = huge, ServiceFees = huge, BusinessSurplus = huge,
                RetainedFees = huge, OtherRevenue = huge, RecurrentExpenditure = 1, InvestmentSelfFinancing = huge, Depreciation = huge,
                DirectBudgetSpending = huge, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        using var finance = await admin.GetAsync($"/api/v1/units/{id}/finance/{Year}");
        var body = await finance.Content.ReadFromJsonAsync<JsonElement>();
        using var autonomy = await admin.GetAsync($"/api/v1/autonomy?year={Year}");
        var (unitPage, _) = await session.GetAsync($"/units/{id}/resources?year={Year}");

        Assert.Equal(HttpStatusCode.OK, finance.StatusCode);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("autonomyGroup").ValueKind);
        Assert.Contains("vượt giới hạn", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, autonomy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unitPage.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task StoredExtremeTargetValue_DocumentPageAndApiAnswer200(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        // SQLite keeps decimal's largest value; PostgreSQL's column holds 14 integer digits.
        var huge = provider == DatabaseProvider.Sqlite ? decimal.MaxValue : 99_999_999_999_999m;
        await app.WithDbAsync(async (db, _) =>
        {
            db.Targets.Add(new PlanTarget { DocumentId = document.Id, Text = "Chỉ tiêu ghi thẳng vào cơ sở dữ liệu", Value = huge, ValueUnit = "count" });
            db.Targets.Add(new PlanTarget { DocumentId = document.Id, Text = "Chỉ tiêu âm ghi thẳng vào cơ sở dữ liệu", Value = -huge, ValueUnit = "percent" });
            await db.SaveChangesAsync();
        });
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer));

        var (page, html) = await session.GetAsync($"/documents/{document.Id}");
        using var api = await admin.GetAsync($"/api/v1/documents/{document.Id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(huge.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    public static TheoryData<string, string, string> StaffingOutOfRange => new()
    {
        // field as the API names it,     JSON value,    expected words of the message
        { "budgetPositions",              "1000001",     "từ 0 đến 1.000.000" },
        { "actualStaff",                  "2147483647",  "Số người làm việc thực có" },
        { "revenuePositions",             "-1",          "không được âm" },
        { "jobPositions.support",         "1000001",     "Số vị trí hỗ trợ, phục vụ" },
    };

    [Theory, DatabaseData(nameof(StaffingOutOfRange))]
    public async Task PutStaffing_CountOutOfRange_Returns400NamingTheField(DatabaseProvider provider, string field, string value, string message)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var body = Staffing(10);
        var (parent, name) = field.Contains('.', StringComparison.Ordinal) ? ((JsonObject)body["jobPositions"]!, field.Split('.')[1]) : (body, field);
        parent[name] = JsonNode.Parse(value);

        using var response = await admin.PutAsync($"/api/v1/units/{id}/staffing/2024", UnitsClient.Content(body.ToJsonString()));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> FinanceOutOfRange => new()
    {
        // field,                     JSON value,                         expected words of the message
        { "recurrentExpenditure",     "10000000000000001",                "từ 0 đến 10.000.000.000.000.000 đồng" },
        { "revenue.orderedServices",  "9999999999999999999999999999",     "Kinh phí NSNN đặt hàng" },
        { "depreciation",             "1e30",                             "số" },
        { "revenue.other",            "-1e30",                            "" },
        { "revenue.serviceFees",      "-10000000000000001",               "không được âm" },
    };

    [Theory, DatabaseData(nameof(FinanceOutOfRange))]
    public async Task PutFinance_AmountOutOfRange_Returns400NamingTheField(DatabaseProvider provider, string field, string value, string message)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var body = Finance(1_000_000_000, 2_000_000_000);
        var (parent, name) = field.StartsWith("revenue.", StringComparison.Ordinal) ? ((JsonObject)body["revenue"]!, field[8..]) : (body, field);
        parent[name] = JsonNode.Parse(value);

        using var response = await admin.PutAsync($"/api/v1/units/{id}/finance/2024", UnitsClient.Content(body.ToJsonString()));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var after = await admin.GetAsync($"/api/v1/units/{id}/finance/2024");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task PutFinance_LargestAmountsAndTinySpending_Returns200(DatabaseProvider provider)
    {
        var (_, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;

        // Every figure at the top of its range, the spending at 1 đồng: the level is enormous and must still be stored.
        using var response = await admin.PutAsync($"/api/v1/units/{id}/finance/2024",
            UnitsClient.Content(Finance(10_000_000_000_000_000m, 1, 10_000_000_000_000_000m, 10_000_000_000_000_000m).ToJsonString()));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("autonomyGroup").GetInt32());
    }

    public static TheoryData<string, string?, string> TargetOutOfRange => new()
    {
        // value,                             unit,       expected words of the message
        { "101",                              "percent",  "từ 0 đến 100%" },
        { "-1",                               "percent",  "từ 0 đến 100%" },
        { "1000001",                          "count",    "từ 0 đến 1.000.000 đơn vị" },
        { "79228162514264337593543950335",    "count",    "Giá trị chỉ tiêu" },
        { "1000000000001",                    null,       "từ 0 đến 1.000.000.000.000" },
    };

    [Theory, DatabaseData(nameof(TargetOutOfRange))]
    public async Task PostTarget_ValueOutOfItsUnitsRange_Returns400OnValue(DatabaseProvider provider, string value, string? unit, string message)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var body = new JsonObject
        {
            ["text"] = "Chỉ tiêu có giá trị ngoài khoảng hợp lý", ["direction"] = "at-least", ["value"] = JsonNode.Parse(value),
            ["valueUnit"] = unit, ["deadline"] = "2026-12-31",
        };

        using var response = await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/targets", body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await admin.GetDocumentAsync(document.Id);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("value")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(after.Targets);
    }

    [Theory, DatabaseData]
    public async Task PutAllocation_BeyondTenMillion_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var agency = await app.AgencyIdAsync("92.SGDDT");

        using var response = await admin.PutAsync($"/api/v1/agencies/{agency}/staffing-allocations/{Year}",
            UnitsClient.Content("""{"budgetPositions": 2147483647, "overAllocation": true}"""));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await app.WithDbAsync((db, _) => db.StaffingAllocations.AnyAsync(a => a.AgencyId == agency && a.Year == Year));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10.000.000", problem.GetProperty("errors").GetProperty("budgetPositions")[0].GetString(), StringComparison.Ordinal);
        Assert.False(stored);
    }

    public static TheoryData<int, decimal, string, string> ImportedOutOfRange => new()
    {
        // budget-paid positions, recurrent spending (VND),        column, expected words of the message
        { 2_000_000,              12_000_000_000m,                 "C",    "từ 0 đến 1.000.000 cho một đơn vị" },
        { 25,                     100_000_000_000_000_000m,        "S",    "từ 0 đến 10.000.000.000.000.000 đồng" },
    };

    [Theory, DatabaseData(nameof(ImportedOutOfRange))]
    public async Task ImportStaffing_FigureOutOfRange_Returns400AtItsRowAndColumn(DatabaseProvider provider, int budget, decimal recurrent, string column, string message)
    {
        var (_, admin, id, code, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var template = await admin.GetAsync("/api/v1/staffing/import-template");
        var headers = ReadHeaders(await template.Content.ReadAsByteArrayAsync());
        object?[] row = [code, Year, budget, 3, 20, 1, 2, 14, 4, 3, null, null, 1_000_000_000m, 0m, 0m, 0m, 0m, 0m, recurrent, 0m, 0m, 0m];

        using var response = await admin.PostAsync("/api/v1/staffing/import", Upload(Workbook(headers, [row])));
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0];
        using var after = await admin.GetAsync($"/api/v1/units/{id}/staffing/{Year}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((2, column), (problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()));
        Assert.Contains(message, problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }
}
