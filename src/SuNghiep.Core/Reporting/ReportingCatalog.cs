using System.Text.Json;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Reporting;

/// <summary>A numbered section of a regime's outline ("II", "1") with the guidance shown to the reporter, and its items.</summary>
public sealed record OutlineSection(string Number, string Title, string Guidance, IReadOnlyList<OutlineSection>? Children = null)
{
    public IReadOnlyList<OutlineSection> Items => Children ?? [];
}

/// <summary>An outline section with its key ("II.2") and depth, in reading order.</summary>
public sealed record OutlineEntry(string Key, int Depth, OutlineSection Section);

/// <summary>The regimes and statistical forms shipped with the app, and how their stored JSON reads.</summary>
public static class ReportingCatalog
{
    public const string Conclusion62Code = "KL62-NQ38";
    public const string AdHocCode = "DOT-XUAT";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static readonly IReadOnlyList<string> AnnexNumbers = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

    /// <summary>Outline of the report on Conclusion 62-KL/TW and Resolution 38/NQ-CP (reports.md §1): section II follows its task groups.</summary>
    public static readonly IReadOnlyList<OutlineSection> Conclusion62Outline =
    [
        new("I", "Công tác lãnh đạo, chỉ đạo, tổ chức triển khai",
            "Các kế hoạch, chương trình đã ban hành (số, ngày của từng văn bản); công tác quán triệt, tuyên truyền; kiểm tra, giám sát; nhân rộng mô hình điển hình, khen thưởng, kỷ luật (Phụ lục VIII)."),
        new("II", "Kết quả thực hiện", "Kết quả theo từng nhóm nhiệm vụ, có số liệu và mốc so sánh (31/12/2015, 31/12/2021).",
        [
            new("1", "Hoàn thiện thể chế, quy hoạch mạng lưới đơn vị sự nghiệp công lập", "Văn bản đã ban hành theo thẩm quyền; quy hoạch, đề án mạng lưới."),
            new("2", "Sắp xếp, tổ chức lại đơn vị sự nghiệp công lập",
                "Số đơn vị tại 31/12/2015, 31/12/2021 và thời điểm báo cáo; số giảm và tỷ lệ giảm (Phụ lục I, VI)."),
            new("3", "Quản lý biên chế, số lượng người làm việc, tinh giản biên chế",
                "Số người làm việc hưởng lương từ ngân sách nhà nước so với năm 2015 và năm 2021 (Phụ lục II)."),
            new("4", "Thực hiện cơ chế tự chủ", "Số đơn vị theo nhóm tự chủ 1-4; phương án tự chủ được phê duyệt (Phụ lục III)."),
            new("5", "Giá, danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước; giao nhiệm vụ, đặt hàng, đấu thầu",
                "Danh mục dịch vụ, định mức kinh tế - kỹ thuật, giá dịch vụ đã ban hành; hình thức giao nhiệm vụ, đặt hàng, đấu thầu."),
            new("6", "Chuyển đổi đơn vị sự nghiệp công lập thành công ty cổ phần",
                "Đơn vị thuộc danh mục chuyển đổi; đã có quyết định; chưa thực hiện và lý do (Phụ lục IV)."),
            new("7", "Giảm chi trực tiếp từ ngân sách nhà nước", "Chi trực tiếp bình quân giai đoạn trước và từng năm; tỷ lệ giảm (Phụ lục V)."),
            new("8", "Xã hội hóa; thi tuyển, thuê giám đốc", "Kết quả xã hội hóa dịch vụ sự nghiệp công; thí điểm thi tuyển, thuê giám đốc."),
            new("9", "Chất lượng dịch vụ, sự hài lòng của người dân; thanh tra, kiểm tra",
                "Đơn vị được đánh giá chất lượng, tỷ lệ hài lòng, phản ánh được trả lời đúng hạn, kiến nghị thanh tra đã thực hiện (Phụ lục VII)."),
        ]),
        new("III", "Đánh giá chung", "Ưu điểm; hạn chế, tồn tại; nguyên nhân.",
        [
            new("1", "Ưu điểm", ""),
            new("2", "Hạn chế, tồn tại", ""),
            new("3", "Nguyên nhân", "Nguyên nhân khách quan và chủ quan."),
        ]),
        new("IV", "Phương hướng, nhiệm vụ, giải pháp", "Nhiệm vụ, giải pháp trọng tâm của kỳ tiếp theo."),
        new("V", "Đề xuất, kiến nghị", "Kiến nghị với Trung ương, Chính phủ, các bộ, ngành và cấp trên."),
    ];

    public static readonly IReadOnlyList<OutlineSection> AdHocOutline =
    [
        new("I", "Tình hình, kết quả thực hiện", "Nội dung theo yêu cầu của văn bản đề nghị báo cáo."),
        new("II", "Khó khăn, vướng mắc", ""),
        new("III", "Đề xuất, kiến nghị", ""),
    ];

    public static readonly IReadOnlyList<ReportingRegime> Regimes =
    [
        new()
        {
            Id = 1, Code = Conclusion62Code,
            Name = "Báo cáo kết quả thực hiện Kết luận số 62-KL/TW và Nghị quyết số 38/NQ-CP",
            LegalBasis = "Kết luận số 62-KL/TW ngày 02/10/2023 của Bộ Chính trị; Nghị quyết số 38/NQ-CP ngày 13/3/2024 của Chính phủ; "
                + "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước",
            Frequency = ReportFrequency.Year,
            Recipient = "Ủy ban nhân dân tỉnh (qua Sở Nội vụ tổng hợp); Bộ Nội vụ",
            ReporterLevels = "province,department,commune",
            Annexes = "I,II,III,IV,V,VI,VII,VIII",
            OutlineJson = JsonSerializer.Serialize(Conclusion62Outline, Json),
            DeadlineDaysJson = """{"province":25,"department":15,"commune":10}""",
        },
        new()
        {
            Id = 2, Code = AdHocCode,
            Name = "Báo cáo đột xuất",
            LegalBasis = "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ (Điều 4: báo cáo đột xuất)",
            Frequency = null,
            Recipient = "Cơ quan yêu cầu báo cáo",
            ReporterLevels = "province,department,commune",
            Annexes = "I",
            OutlineJson = JsonSerializer.Serialize(AdHocOutline, Json),
            DeadlineDaysJson = "{}",
        },
    ];

    /// <summary>
    /// The Ministry of Home Affairs' statistical forms known so far (reports.md §2). The forms counting public service units
    /// and their staff under Circular 02/2023 were not found: their rows wait for the circular's appendix.
    /// </summary>
    public static readonly IReadOnlyList<StatisticalForm> Forms =
    [
        new()
        {
            Id = 1, Code = "0101.N/BNV-TCHC", Name = "Số lượng đơn vị hành chính", Period = "Năm",
            LegalBasis = "Thông tư số 03/2018/TT-BNV", Reporter = "Ủy ban nhân dân cấp tỉnh", Receiver = "Bộ Nội vụ",
            DueDate = "Ngày 28/02 năm sau", IndicatorCodes = "",
        },
        new()
        {
            Id = 2, Code = "0102.K/BNV-TCHC", Name = "Số lượng đại biểu Hội đồng nhân dân các cấp", Period = "Nhiệm kỳ",
            LegalBasis = "Thông tư số 03/2018/TT-BNV", Reporter = "Ủy ban nhân dân cấp tỉnh", Receiver = "Bộ Nội vụ", IndicatorCodes = "",
        },
        new()
        {
            Id = 3, Code = "DVSN.N/BNV", Name = "Số lượng đơn vị sự nghiệp công lập (theo lĩnh vực, cấp quản lý, nhóm tự chủ)", Period = "Năm",
            LegalBasis = "Thông tư số 02/2023/TT-BNV; Thông tư số 18/2025/TT-BNV (mã biểu chưa đối chiếu)", Reporter = "Ủy ban nhân dân cấp tỉnh; bộ, ngành",
            Receiver = "Bộ Nội vụ", IndicatorCodes = "units.count,autonomy.selffinancing.share,autonomy.any.share,roles.other.share",
        },
        new()
        {
            Id = 4, Code = "NLV.N/BNV", Name = "Số lượng người làm việc trong đơn vị sự nghiệp công lập (theo nguồn trả lương)", Period = "Năm",
            LegalBasis = "Thông tư số 02/2023/TT-BNV; Thông tư số 18/2025/TT-BNV (mã biểu chưa đối chiếu)", Reporter = "Ủy ban nhân dân cấp tỉnh; bộ, ngành",
            Receiver = "Bộ Nội vụ", IndicatorCodes = "staff.budget",
        },
    ];

    public static IReadOnlyList<OutlineSection> Outline(string json) =>
        JsonSerializer.Deserialize<List<OutlineSection>>(json, Json) ?? [];

    public static IReadOnlyDictionary<string, int> DeadlineDays(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(json, Json) ?? [];

    public static IReadOnlyList<string> List(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every section of an outline with its key ("II.2"), depth first.</summary>
    public static IReadOnlyList<OutlineEntry> Flatten(IReadOnlyList<OutlineSection> outline)
    {
        var entries = new List<OutlineEntry>();
        void Walk(IReadOnlyList<OutlineSection> sections, string prefix, int depth)
        {
            foreach (var s in sections)
            {
                var key = prefix.Length == 0 ? s.Number : $"{prefix}.{s.Number}";
                entries.Add(new(key, depth, s));
                Walk(s.Items, key, depth + 1);
            }
        }

        Walk(outline, "", 0);
        return entries;
    }
}
