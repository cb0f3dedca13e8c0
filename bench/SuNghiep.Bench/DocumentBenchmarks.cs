using BenchmarkDotNet.Attributes;
using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Bench;

/// <summary>
/// A province's annual report as the writers lay it out: five sections of text, a table and a chart of the units over
/// eleven years in the body, six annexes of 40 rows and nine figure columns (the second landscape), as .docx and as .xlsx.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private static readonly string[] SectionNumbers = ["I.", "II.", "III.", "IV.", "V."];
    private OfficialDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = Province();
        var docx = OfficialDocx.Write(_document);
        var xlsx = AnnexWorkbook.Write(_document);
        Console.WriteLine($"// province report: .docx {docx.Length:N0} bytes, .xlsx {xlsx.Length:N0} bytes");
        // SUNGHIEP_BENCH_OUTPUT names a folder to keep the two files in, to open them or time an office suite on them.
        if (Environment.GetEnvironmentVariable("SUNGHIEP_BENCH_OUTPUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "province-report.docx"), docx);
            File.WriteAllBytes(Path.Combine(folder, "province-report.xlsx"), xlsx);
        }
    }

    [Benchmark]
    public int Docx() => OfficialDocx.Write(_document).Length;

    [Benchmark]
    public int Xlsx() => AnnexWorkbook.Write(_document).Length;

    // The chart alone, as the .docx draws it: most of the .docx's time.
    [Benchmark]
    public int Chart() => ChartImage.Png(_document.Sections[1].Blocks.OfType<DocumentChartBlock>().Single().Chart, 1000, 563).Length;

    public static OfficialDocument Province()
    {
        string[] romans = ["I", "II", "III", "IV", "V", "VI"];
        var years = Enumerable.Range(2015, 11).ToList();
        var paragraph = new DocumentParagraph(string.Join(" ", Enumerable.Repeat(
            "Đến ngày 31/12/2025, toàn tỉnh còn 1.234 đơn vị sự nghiệp công lập, giảm 232 đơn vị (tương ứng giảm 18,77%) so với năm 2015.", 5)));
        return new OfficialDocument
        {
            ManagingBody = "UBND THÀNH PHỐ CẦN THƠ",
            IssuingBody = "SỞ NỘI VỤ",
            Number = 5,
            Symbol = "BC-SNV",
            Place = "Cần Thơ",
            Date = new DateOnly(2026, 1, 5),
            Year = 2026,
            TypeName = "Báo cáo",
            Title = "Kết quả thực hiện Kết luận số 62-KL/TW và Nghị quyết số 38/NQ-CP năm 2025",
            Addressees = ["Bộ Nội vụ", "Ủy ban nhân dân thành phố Cần Thơ"],
            LegalBases = ["Căn cứ Kết luận số 62-KL/TW ngày 02/10/2023 của Bộ Chính trị"],
            LeadIn = "Thực hiện Công văn số 1234/BNV-TCBC của Bộ Nội vụ, Sở Nội vụ báo cáo như sau:",
            Sections = SectionNumbers.Select((number, i) => new DocumentSection(number, $"Nội dung {i + 1}",
                i == 1
                    ? new DocumentBlock[] { paragraph, new DocumentTableBlock(Table("Số lượng đơn vị theo lĩnh vực", 8)),
                       new DocumentChartBlock(new DocumentChart("Số lượng đơn vị sự nghiệp công lập qua các năm", "Số đơn vị",
                           years.Select(y => y.ToString()).ToList(), [new DocumentSeries("Số đơn vị", years.Select(y => (decimal?)(1466 - (y - 2015) * 23)).ToList())])) }
                    : new DocumentBlock[] { paragraph, paragraph },
                [new DocumentSection("1.", "Kết quả", paragraph), new DocumentSection("2.", "Tồn tại", paragraph)])).ToList(),
            Closing = "Trên đây là báo cáo của Sở Nội vụ./.",
            Signer = new DocumentSigner(null, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Nguyễn Văn An"),
            Recipients = ["Bộ Nội vụ", "UBND thành phố", "Lưu: VT, TCBC"],
            Annexes = romans.Select((r, i) => new DocumentAnnex(r, $"Phụ lục số liệu {r}", Table($"Phụ lục số liệu {r}", 40), Landscape: i == 1)).ToList(),
        };
    }

    static DocumentTable Table(string title, int rows)
    {
        var columns = new List<DocumentColumn> { new("STT"), new("Nội dung") };
        columns.AddRange(Enumerable.Range(1, 9).Select(c => new DocumentColumn($"Chỉ tiêu {c}", c == 9 ? CellKind.Percent : CellKind.Count)));
        var lines = Enumerable.Range(1, rows).Select(r => new DocumentRow(
            [DocumentCell.Of(r.ToString()), DocumentCell.Of($"Cơ quan, đơn vị số {r}"),
             .. Enumerable.Range(1, 9).Select(c => c == 9 ? DocumentCell.Of(r * 1.25m, CellKind.Percent) : DocumentCell.Of(r * 1000m + c, CellKind.Count))])).ToList();
        lines.Add(new DocumentRow([DocumentCell.Empty, DocumentCell.Of("Tổng số"), .. Enumerable.Range(1, 9).Select(c => DocumentCell.Of(c * 1000m, CellKind.Count))], IsTotal: true));
        return new DocumentTable(title, "Đơn vị tính: đơn vị", columns, lines);
    }
}
