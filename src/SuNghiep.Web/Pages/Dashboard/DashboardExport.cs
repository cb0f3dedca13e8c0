using System.Data;
using MiniExcelLibs;
using SuNghiep.Core.Indicators;
using SuNghiep.Web.Pages.Indicators;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Dashboard;

/// <summary>The dashboard's view as .xlsx: the indicators on one sheet, then each indicator's breakdown on a sheet of its own.</summary>
public static class DashboardExport
{
    public const string IndicatorsSheet = "Chỉ số";

    public static readonly IReadOnlyList<string> Headers =
    [
        "Mã chỉ số", "Chỉ số", "Đơn vị tính", "Phạm vi", "Tại ngày", "Giá trị", "Giá trị tại mốc so sánh", "Thay đổi", "Thay đổi (%)", "Ghi chú",
    ];

    public static readonly IReadOnlyList<string> BreakdownHeaders = ["Mã", "Giá trị", "Giá trị tại mốc so sánh", "Thay đổi (%)"];

    public static byte[] Xlsx(IndicatorFilter view, IReadOnlyList<(IndicatorDefinition Definition, IndicatorResult Result)> indicators, string scope)
    {
        var sheets = new Dictionary<string, object>
        {
            [IndicatorsSheet] = Sheet(Headers, indicators.Select(i => new object?[] {
                i.Definition.Code, i.Definition.Name, i.Definition.Unit, scope, Display.Date(view.AsOf), i.Result.Value, i.Result.BaselineValue,
                i.Result.Change, i.Result.ChangePercent, string.Join(" ", i.Result.Notes) })),
        };
        var column = IndicatorFilter.BreakdownColumn(view.Breakdown);
        foreach (var (definition, result) in indicators)
        {
            var headers = BreakdownHeaders.Prepend(column).ToList();
            sheets[SheetName(definition.Code)] = Sheet(headers, view.Sorted(result.Breakdown, r => r.Name, (r, _) => r.Value)
                .Select(r => new object?[] { r.Name, r.Key, r.Value, r.BaselineValue, r.ChangePercent }));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A sheet's name: the indicator's code, which Excel accepts as it is (at most 31 characters, no []:*?/\).</summary>
    public static string SheetName(string code) => code.Length <= 31 ? code : code[..31];

    /// <summary>A sheet's rows under its headers; a table rather than a list of rows, so that an empty sheet keeps its headers.</summary>
    private static DataTable Sheet(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var table = new DataTable();
        foreach (var header in headers)
        {
            table.Columns.Add(header, typeof(object));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        }

        return table;
    }
}
