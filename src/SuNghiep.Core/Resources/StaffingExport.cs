using MiniExcelLibs;

namespace SuNghiep.Core.Resources;

/// <summary>The staffing table of a year as .xlsx: the rows by agency and the totals, as the page and the API show them.</summary>
public static class StaffingExport
{
    public const string AgencyHeader = "Cơ quan quản lý";
    public const string TotalLabel = "Tổng cộng";

    public static readonly IReadOnlyList<string> Headers =
    [
        AgencyHeader, "Số đơn vị", "Số được giao hưởng lương từ NSNN", "Hưởng lương từ NSNN", "Vượt số được giao",
        "Hưởng lương từ nguồn thu sự nghiệp", "Số người làm việc thực có", "Hợp đồng lao động hưởng lương từ NSNN",
    ];

    /// <summary>How many budget-paid positions the units hold beyond what their agency was allocated; null when none.</summary>
    public static long? Excess(int? allocated, long budgetPositions) =>
        allocated is { } a && budgetPositions > a ? budgetPositions - a : null;

    public static byte[] Xlsx(StaffingTable table)
    {
        var rows = table.ByAgency
            .Select(r => Row(r.AgencyName, r.Units, r.Allocated, r.BudgetPositions, r.RevenuePositions, r.ActualStaff, r.BudgetContractWorkers))
            .Append(Row(TotalLabel, table.Units, table.Allocated, table.BudgetPositions, table.RevenuePositions, table.ActualStaff, table.BudgetContractWorkers))
            .ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: $"Biên chế {table.Year}");
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string name, int units, int? allocated, long budget, long revenue, long actual, long contract)
    {
        object?[] values = [name, units, allocated, budget, Excess(allocated, budget), revenue, actual, contract];
        return Headers.Select((h, i) => (h, values[i])).ToDictionary(x => x.h, x => x.Item2);
    }
}
