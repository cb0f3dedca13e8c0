using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Core.Tests.Reporting;

/// <summary>Documents with every part the writers lay out: header, addressees, legal bases, sections with a table and a chart, signature, annexes (one landscape).</summary>
public static class SampleDocuments
{
    public static OfficialDocument State(int annexes = 2, int rowsPerAnnex = 8) => new()
    {
        Style = DocumentStyle.State,
        ManagingBody = "UBND THÀNH PHỐ CẦN THƠ",
        IssuingBody = "SỞ NỘI VỤ",
        Number = 5,
        Symbol = "BC-SNV",
        Place = "Cần Thơ",
        Date = new DateOnly(2026, 1, 5),
        Year = 2026,
        TypeName = "Báo cáo",
        Title = "Kết quả thực hiện Kết luận số 62-KL/TW và Nghị quyết số 38/NQ-CP năm 2025",
        Addressees = ["Ủy ban nhân dân thành phố Cần Thơ"],
        LegalBases = ["Căn cứ Kết luận số 62-KL/TW ngày 02/10/2023 của Bộ Chính trị", "Căn cứ Nghị quyết số 38/NQ-CP ngày 02/4/2024 của Chính phủ"],
        LeadIn = "Thực hiện Công văn số 1234/UBND-NC ngày 01/12/2025 của Ủy ban nhân dân thành phố, Sở Nội vụ báo cáo như sau:",
        Sections = Sections(),
        Closing = "Trên đây là báo cáo kết quả thực hiện năm 2025 của Sở Nội vụ./.",
        Signer = new DocumentSigner(null, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Nguyễn Văn An"),
        Recipients = ["Bộ Nội vụ", "Ủy ban nhân dân thành phố", "Ban Giám đốc Sở", "Lưu: VT, TCBC"],
        Annexes = Annexes(annexes, rowsPerAnnex),
    };

    public static OfficialDocument Party() => State() with
    {
        Style = DocumentStyle.Party,
        ManagingBody = "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ",
        IssuingBody = "THÀNH ỦY CẦN THƠ",
        Number = 7,
        Symbol = "BC/TU",
        Title = "Sơ kết thực hiện Nghị quyết số 19-NQ/TW",
        Addressees = ["Ban Chính sách, chiến lược Trung ương"],
        Signer = new DocumentSigner("T/M BAN THƯỜNG VỤ", ["PHÓ BÍ THƯ"], "Trần Thị Bình"),
        Recipients = ["Ban Chính sách, chiến lược Trung ương", "Các ban đảng", "Lưu Văn phòng Thành ủy"],
    };

    static List<DocumentSection> Sections() =>
    [
        new("I.", "Công tác lãnh đạo, chỉ đạo, tổ chức triển khai",
            new DocumentParagraph(Long("Sở Nội vụ đã tham mưu Ủy ban nhân dân thành phố ban hành kế hoạch thực hiện Kết luận số 62-KL/TW, tổ chức quán triệt đến các cơ quan, đơn vị."))),
        new("II.", "Kết quả thực hiện", [], [
            new DocumentSection("1.", "Sắp xếp, tổ chức lại đơn vị sự nghiệp công lập", [
                new DocumentParagraph(Long("Đến ngày 31/12/2025, toàn thành phố còn 1.234 đơn vị sự nghiệp công lập, giảm 232 đơn vị (tương ứng giảm 18,77%) so với năm 2015.")),
                new DocumentTableBlock(UnitsTable("Số lượng đơn vị sự nghiệp công lập theo lĩnh vực", 7)),
                new DocumentChartBlock(new DocumentChart("Biểu đồ 1. Số lượng đơn vị sự nghiệp công lập qua các năm", "Số đơn vị",
                    ["2015", "2021", "2023", "2024", "2025"],
                    [new DocumentSeries("Số đơn vị", [1466m, 1380m, 1302m, 1267m, 1234m])])),
            ], [
                new DocumentSection("a)", "Lĩnh vực giáo dục và đào tạo", new DocumentParagraph(Long("Sáp nhập các trường mầm non, tiểu học có quy mô nhỏ."))),
            ]),
            new DocumentSection("2.", "Quản lý biên chế, số lượng người làm việc",
                new DocumentParagraph(Long("Số người làm việc hưởng lương từ ngân sách nhà nước giảm 1.722 người so với năm 2021.")),
                new DocumentChartBlock(new DocumentChart("Biểu đồ 2. Số người làm việc theo nguồn trả lương", "Người",
                    ["2021", "2023", "2025"],
                    [new DocumentSeries("Ngân sách nhà nước", [25_000m, 24_100m, 23_278m]), new DocumentSeries("Nguồn thu sự nghiệp", [4_000m, 4_600m, 5_150m])]))),
        ]),
        new("III.", "Đánh giá chung", [], [
            new DocumentSection("1.", "Ưu điểm", new DocumentParagraph(Long("Việc sắp xếp bảo đảm đúng quy định, không làm gián đoạn việc cung cấp dịch vụ sự nghiệp công."))),
            new DocumentSection("2.", "Hạn chế, tồn tại", new DocumentParagraph(Long("Mức độ tự chủ tài chính của một số lĩnh vực còn thấp."))),
        ]),
        new("IV.", "Phương hướng, nhiệm vụ, giải pháp", new DocumentParagraph(Long("Tiếp tục rà soát, sắp xếp các đơn vị sự nghiệp công lập theo quy hoạch mạng lưới."))),
    ];

    // Several sentences, so that the body fills more than one page as a real report does.
    static string Long(string sentence) => string.Join(" ", Enumerable.Repeat(sentence, 4));

    static List<DocumentAnnex> Annexes(int count, int rows)
    {
        string[] romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
        return Enumerable.Range(0, count).Select(i => i == 1
            ? new DocumentAnnex(romans[i], "Biên chế và số người làm việc theo lĩnh vực", WideTable("Biên chế và số người làm việc theo lĩnh vực", rows), Landscape: true)
            : new DocumentAnnex(romans[i], i == 0 ? "Số lượng đơn vị sự nghiệp công lập" : $"Bảng số liệu {romans[i]}", UnitsTable(i == 0 ? "Số lượng đơn vị sự nghiệp công lập" : $"Bảng số liệu {romans[i]}", rows))).ToList();
    }

    /// <summary>Rows 1..n with counts 100+i at 2015 and 90+i now, their difference and its share; the total row sums them.</summary>
    public static DocumentTable UnitsTable(string title, int rows)
    {
        var lines = Enumerable.Range(1, rows).Select(i =>
        {
            decimal before = 100 + i * 10, now = 90 + i * 9;
            return new DocumentRow([DocumentCell.Of(i.ToString()), DocumentCell.Of($"Lĩnh vực {i}"), DocumentCell.Of(before, CellKind.Count), DocumentCell.Of(now, CellKind.Count),
                DocumentCell.Of(now - before, CellKind.Count), DocumentCell.Of(Math.Round((now - before) * 100 / before, 2), CellKind.Percent)]);
        }).ToList();
        decimal totalBefore = Enumerable.Range(1, rows).Sum(i => 100m + i * 10), totalNow = Enumerable.Range(1, rows).Sum(i => 90m + i * 9);
        lines.Add(new DocumentRow([DocumentCell.Empty, DocumentCell.Of("Tổng số"), DocumentCell.Of(totalBefore, CellKind.Count), DocumentCell.Of(totalNow, CellKind.Count),
            DocumentCell.Of(totalNow - totalBefore, CellKind.Count), DocumentCell.Of(Math.Round((totalNow - totalBefore) * 100 / totalBefore, 2), CellKind.Percent)], IsTotal: true));
        return new DocumentTable(title, "Đơn vị tính: đơn vị", [
            new("STT"), new("Nội dung"), new("Năm 2015", CellKind.Count), new("Năm 2025", CellKind.Count),
            new("Tăng (+), giảm (-)", CellKind.Count, "3=(2-1)"), new("Tỷ lệ (%)", CellKind.Percent)], lines);
    }

    static DocumentTable WideTable(string title, int rows)
    {
        string[] headers = ["Biên chế giao 2015", "Biên chế giao 2021", "Biên chế giao 2025", "Có mặt", "Hưởng lương NSNN", "Nguồn thu sự nghiệp", "Hợp đồng NĐ 111", "Giảm so với 2015 (%)"];
        var lines = Enumerable.Range(1, rows).Select(i => new DocumentRow(
            [DocumentCell.Of(i.ToString()), DocumentCell.Of($"Cơ quan {i}"), .. headers.Select((_, c) => c == headers.Length - 1
                ? DocumentCell.Of(10.5m + i, CellKind.Percent)
                : DocumentCell.Of(1000m * i + c * 17, CellKind.Count))], Level: i % 3 == 0 ? 1 : 0)).ToList();
        return new DocumentTable(title, "Đơn vị tính: người",
            [new("STT"), new("Cơ quan, đơn vị"), .. headers.Select((h, c) => new DocumentColumn(h, c == headers.Length - 1 ? CellKind.Percent : CellKind.Count))], lines);
    }
}
