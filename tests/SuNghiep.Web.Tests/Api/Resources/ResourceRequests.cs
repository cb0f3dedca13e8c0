using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace SuNghiep.Web.Tests.Api.Resources;

/// <summary>Bodies, units and files that the staffing and finance tests share.</summary>
internal static class ResourceRequests
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static JsonObject Finance(decimal revenue, decimal recurrent, decimal investment = 0, decimal depreciation = 0) => new()
    {
        ["revenue"] = new JsonObject
        {
            ["orderedServices"] = revenue, ["scienceTasks"] = 0, ["serviceFees"] = 0,
            ["businessSurplus"] = 0, ["retainedFees"] = 0, ["other"] = 0,
        },
        ["recurrentExpenditure"] = recurrent,
        ["investmentSelfFinancing"] = investment,
        ["depreciation"] = depreciation,
        ["directBudgetSpending"] = 1_000_000_000,
    };

    public static JsonObject Staffing(int budget) => new()
    {
        ["budgetPositions"] = budget, ["revenuePositions"] = 2, ["actualStaff"] = budget + 1, ["budgetContractWorkers"] = 1,
        ["jobPositions"] = new JsonObject { ["leadership"] = 2, ["professional"] = 20, ["sharedProfessional"] = 4, ["support"] = 4 },
    };

    /// <summary>A new unit of Sở Giáo dục và Đào tạo in phường Cái Khế, established on 1/1/2000, with the administrator's client.</summary>
    public static async Task<(SuNghiepApp App, HttpClient Admin, int UnitId, string Code, int Agency)> UnitAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var admin = await app.AdminAsync();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", agency));
        return (app, admin, unit.Id, unit.Code, agency);
    }

    /// <summary>An .xlsx with the given headers and rows, as a user would fill the template.</summary>
    public static byte[] Workbook(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var data = rows.Select(r => headers.Select((h, i) => (h, i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data);
        return stream.ToArray();
    }

    public static MultipartFormDataContent Upload(byte[] file, string name = "bien-che.xlsx")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return new MultipartFormDataContent { { content, "file", name } };
    }

    public static List<IDictionary<string, object?>> ReadRows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    /// <summary>The first row of the first sheet: a template has its headers and no data yet.</summary>
    public static List<string> ReadHeaders(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var first = (IDictionary<string, object?>)stream.Query().First();
        return first.Values.Select(v => v?.ToString() ?? "").ToList();
    }
}
