using System.Globalization;
using MiniExcelLibs;

namespace SuNghiep.Core.Indicators;

/// <summary>
/// An indicator's drill-down as .xlsx: the units it counts (sheet "Đơn vị"), the reorganizations that changed it (sheet
/// "Sắp xếp") and, for quality and oversight, the records behind it (sheet "Hồ sơ").
/// </summary>
public static class IndicatorExport
{
    public const string UnitsSheet = "Đơn vị";
    public const string EventsSheet = "Sắp xếp";
    public const string RecordsSheet = "Hồ sơ";

    public static readonly IReadOnlyList<string> RecordHeaders =
    [
        "Ngày", "Nội dung", "Mã đơn vị", "Tên đơn vị", "Cơ quan", "Tử số", "Mẫu số", "Ghi chú",
    ];

    public static readonly IReadOnlyList<string> UnitHeaders =
    [
        "Mã đơn vị", "Tên đơn vị", "Lĩnh vực", "Loại đơn vị", "Nhóm tự chủ", "Nguồn xác định nhóm", "Cơ quan quản lý", "Mã địa bàn", "Địa bàn", "Số liệu",
    ];

    public static readonly IReadOnlyList<string> EventHeaders =
    [
        "Hình thức sắp xếp", "Ngày hiệu lực", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Thay đổi số đơn vị", "Các đơn vị",
    ];

    public static string GroupSourceName(string source) => source switch
    {
        "plan" => "Phương án tự chủ được duyệt",
        "finance" => "Số liệu tài chính năm",
        _ => "Chưa xác định",
    };

    public static byte[] Xlsx(Drilldown drilldown)
    {
        var units = drilldown.Units.Items.Select(u => Row(UnitHeaders,
            u.Code, u.Name, u.SectorName, Entities.Catalog.RoleClassName(u.RoleClass), u.AutonomyGroup, GroupSourceName(u.GroupSource),
            u.ManagingAgencyName, u.AreaCode, u.AreaName, u.Figure)).ToList();
        var events = drilldown.Events.Items.Select(e => Row(EventHeaders,
            e.TypeName, Date(e.EffectiveDate), e.Decision.Number, Date(e.Decision.Date), e.Decision.Issuer, e.CountChange,
            string.Join("; ", e.Units.Select(p => $"{p.Code} {p.Name} ({Reorganizations.HistoryQueries.RoleName(Role(p.Role))})")))).ToList();
        var sheets = new Dictionary<string, object>
        {
            // An empty sheet still carries its headers.
            [UnitsSheet] = units.Count > 0 ? units : [Row(UnitHeaders)],
            [EventsSheet] = events.Count > 0 ? events : [Row(EventHeaders)],
        };
        // Quality and oversight figures are made of records (survey rounds, feedback, recommendations): a third sheet.
        if (drilldown.Records.Total > 0)
        {
            sheets[RecordsSheet] = drilldown.Records.Items.Select(r => Row(RecordHeaders,
                Date(r.Date), r.Label, r.UnitCode, r.UnitName, r.AgencyName, r.Part, r.Whole, r.Detail)).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static Entities.ParticipantRole Role(string code) => code switch
    {
        "ended" => Entities.ParticipantRole.Ended,
        "continuing" => Entities.ParticipantRole.Continuing,
        "created" => Entities.ParticipantRole.Created,
        "transferred" => Entities.ParticipantRole.Transferred,
        _ => Entities.ParticipantRole.Renamed,
    };

    private static Dictionary<string, object?> Row(IReadOnlyList<string> headers, params object?[] values) =>
        headers.Select((h, i) => (h, i < values.Length ? values[i] : null)).ToDictionary(x => x.h, x => x.Item2);
}
