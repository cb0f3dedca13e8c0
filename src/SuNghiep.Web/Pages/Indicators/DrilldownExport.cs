using System.Data;
using MiniExcelLibs;
using SuNghiep.Core.Indicators;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Indicators;

/// <summary>A figure's drill-down as .xlsx: the units it counts on one sheet, the reorganizations that changed it on another.</summary>
public static class DrilldownExport
{
    public const string UnitsSheet = "Đơn vị";
    public const string EventsSheet = "Sắp xếp";

    public static readonly IReadOnlyList<string> UnitHeaders =
    [
        "Mã đơn vị", "Tên đơn vị", "Nhóm tự chủ", "Nguồn xác định nhóm", "Lĩnh vực", "Loại đơn vị", "Cơ quan quản lý", "Mã địa bàn", "Địa bàn",
    ];

    public static readonly IReadOnlyList<string> EventHeaders =
    [
        "Ngày hiệu lực", "Hình thức", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Thay đổi số đơn vị", "Đơn vị liên quan",
    ];

    public static byte[] Xlsx(IndicatorDefinition definition, int year, IReadOnlyList<DrilldownUnit> units, IReadOnlyList<DrilldownEvent> events)
    {
        var figure = IndicatorPages.FigureHeader(definition);
        var unitHeaders = figure is null ? UnitHeaders : UnitHeaders.Append(figure).ToList();
        var sheets = new Dictionary<string, object>
        {
            [UnitsSheet] = Sheet(unitHeaders, units.Select(u => new object?[] {
                u.Code, u.Name, u.AutonomyGroup, IndicatorPages.GroupSource(u.GroupSource, year), u.SectorName, Display.RoleClass(u.RoleClass),
                u.ManagingAgencyName, u.AreaCode, u.AreaName, u.Figure }.Take(unitHeaders.Count).ToArray())),
            [EventsSheet] = Sheet(EventHeaders, events.Select(e => new object?[] {
                Display.Date(e.EffectiveDate), e.TypeName, e.Decision.Number, Display.Date(e.Decision.Date), e.Decision.Issuer, e.CountChange,
                string.Join("; ", e.Units.Select(u => $"{u.Code} {u.Name} ({Display.ParticipantRole(u.Role)})")) })),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A sheet's rows under its headers; a table rather than a list of rows, so that an empty sheet keeps its headers.</summary>
    public static DataTable Sheet(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
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
