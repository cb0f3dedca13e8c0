using System.Diagnostics;
using System.Text.RegularExpressions;
using SkiaSharp;
using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Core.Tests.Reporting;

/// <summary>A file as LibreOffice opened it: the PDF it made, each page's text and image, and how long that took.</summary>
public sealed record Converted(byte[] File, byte[] Pdf, string[] Pages, IReadOnlyList<byte[]> Images, TimeSpan Took)
{
    public string Text => string.Join("\n", Pages);

    public static async Task<Converted> OfAsync(byte[] file, string extension)
    {
        var clock = Stopwatch.StartNew();
        var pdf = await LibreOffice.ToPdfAsync(file, extension);
        var pages = await LibreOffice.PagesTextAsync(pdf);
        var images = await LibreOffice.PagesPngAsync(pdf);
        var converted = new Converted(file, pdf, pages, images, clock.Elapsed);
        // SUNGHIEP_TEST_OUTPUT names a folder where the files are kept for a look.
        if (Environment.GetEnvironmentVariable("SUNGHIEP_TEST_OUTPUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = $"{extension}-{Guid.NewGuid():N}"[..12];
            await System.IO.File.WriteAllBytesAsync(Path.Combine(folder, $"{name}.{extension}"), file);
            await System.IO.File.WriteAllBytesAsync(Path.Combine(folder, $"{name}.pdf"), pdf);
            for (var i = 0; i < images.Count; i++) await System.IO.File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-{i + 1}.png"), images[i]);
        }
        return converted;
    }
}

/// <summary>The three files of the tests, converted once for the class.</summary>
public sealed class ConvertedDocuments : IAsyncLifetime
{
    public Converted State { get; private set; } = null!;
    public Converted Party { get; private set; } = null!;
    public Converted Workbook { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        State = await Converted.OfAsync(OfficialDocx.Write(SampleDocuments.State()), "docx");
        Party = await Converted.OfAsync(OfficialDocx.Write(SampleDocuments.Party()), "docx");
        Workbook = await Converted.OfAsync(AnnexWorkbook.Write(SampleDocuments.State()), "xlsx");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// Every generated .docx and .xlsx opened by LibreOffice, printed to PDF, its pages rendered and read: a file an office
/// suite cannot open, or one that prints the wrong text, fails here.
/// </summary>
public sealed class OfficeConversionTests(ConvertedDocuments documents) : IClassFixture<ConvertedDocuments>
{
    // Body, signature and two annexes: the body runs over two pages, each annex takes its own.
    [Fact]
    public void StateDocx_Converted_HasBodyPagesAndAnnexPages()
    {
        var pages = documents.State.Pages;
        Assert.InRange(pages.Length, 4, 8);
        Assert.Equal(pages.Length, documents.State.Images.Count);
        var annexPages = pages.Select((p, i) => (p, i)).Where(x => FirstLine(x.p).StartsWith("Phụ lục", StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.Equal(2, annexPages.Count);
        Assert.True(annexPages[0] >= 2, "the body and its signature take at least two pages before Phụ lục I");
    }

    [Fact]
    public void StateDocx_Pages_RenderAsImagesWithInk()
    {
        foreach (var png in documents.State.Images)
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            Assert.True(InkShare(bitmap) > 0.002, "a page rendered blank");
        }
    }

    [Fact]
    public void StateDocx_FirstPage_HasTheDecree30Header()
    {
        var first = Squeeze(documents.State.Pages[0]);
        Assert.Contains("UBND THÀNH PHỐ CẦN THƠ", first);
        Assert.Contains("SỞ NỘI VỤ", first);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", first);
        Assert.Contains("Số: 05/BC-SNV", first);
        Assert.Contains("Cần Thơ, ngày 05 tháng 01 năm 2026", first);
        Assert.Contains("BÁO CÁO", first);
        Assert.Contains("Kính gửi: Ủy ban nhân dân thành phố Cần Thơ.", first);
        Assert.Contains("Căn cứ Kết luận số 62-KL/TW ngày 02/10/2023 của Bộ Chính trị;", first);
        Assert.Contains("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC TRIỂN KHAI", first);
    }

    [Fact]
    public void StateDocx_Body_HasHeadingsTableTotalAndSignature()
    {
        var text = Squeeze(documents.State.Text);
        Assert.Contains("II. KẾT QUẢ THỰC HIỆN", text);
        Assert.Contains("1. Sắp xếp, tổ chức lại đơn vị sự nghiệp công lập", text);
        Assert.Contains("a) Lĩnh vực giáo dục và đào tạo", text);
        // The body table's total: 7 rows of 110..170 at 2015 (980) and 99..153 now (882), -98, -10,00%.
        Assert.Matches(new Regex(@"Tổng số\s+980\s+882\s+-98\s+-10,00"), text);
        Assert.Contains("Đơn vị tính: đơn vị", text);
        Assert.Contains("Biểu đồ 1. Số lượng đơn vị sự nghiệp công lập qua các năm", text);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("- Bộ Nội vụ;", text);
        Assert.Contains("- Lưu: VT, TCBC.", text);
        Assert.Contains("KT. GIÁM ĐỐC", text);
        Assert.Contains("PHÓ GIÁM ĐỐC", text);
        Assert.Contains("Nguyễn Văn An", text);
    }

    [Fact]
    public void StateDocx_PageNumbers_FromPageTwoNotOnPageOne()
    {
        var pages = documents.State.Pages;
        Assert.Equal("2", FirstLine(pages[1]));
        Assert.DoesNotMatch(new Regex(@"^\d+$"), FirstLine(pages[0]));
        // Each annex counts its own pages, so its first page shows none either.
        Assert.All(pages.Where(p => FirstLine(p).StartsWith("Phụ lục", StringComparison.Ordinal)), p => Assert.DoesNotMatch(new Regex(@"^\d+$"), FirstLine(p)));
    }

    [Fact]
    public void StateDocx_Annexes_OnTheirOwnPagesWithTitleAndReference()
    {
        var pages = documents.State.Pages;
        var first = Squeeze(pages.First(p => FirstLine(p) == "Phụ lục I"));
        Assert.Contains("SỐ LƯỢNG ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", first);
        Assert.Contains("(Kèm theo Báo cáo số 05/BC-SNV ngày 05/01/2026 của Sở Nội vụ)", first);
        // Eight rows: 1.160 at 2015, 1.044 now.
        Assert.Matches(new Regex(@"Tổng số\s+1\.160\s+1\.044\s+-116\s+-10,00"), first);
        Assert.Matches(new Regex(@"A\s+B\s+1\s+2\s+3=\(2-1\)\s+4"), first);

        var landscape = Array.FindIndex(pages, p => FirstLine(p) == "Phụ lục II");
        Assert.True(landscape > 0);
        using var portrait = SKBitmap.Decode(documents.State.Images[0]);
        using var wide = SKBitmap.Decode(documents.State.Images[landscape]);
        Assert.True(portrait.Height > portrait.Width);
        Assert.True(wide.Width > wide.Height, "Phụ lục II prints on a landscape page");
        Assert.Contains("8.017", pages[landscape]);
    }

    [Fact]
    public void PartyDocx_Converted_HasThePartyHeaderAndSigningBlock()
    {
        Assert.InRange(documents.Party.Pages.Length, 4, 8);
        var first = Squeeze(documents.Party.Pages[0]);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", first);
        Assert.Contains("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ", first);
        Assert.Contains("THÀNH ỦY CẦN THƠ", first);
        Assert.Contains("Số 07-BC/TU", first);
        Assert.DoesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first);
        Assert.Contains("Cần Thơ, ngày 05 tháng 01 năm 2026", first);
        var text = Squeeze(documents.Party.Text);
        Assert.Contains("T/M BAN THƯỜNG VỤ", text);
        Assert.Contains("PHÓ BÍ THƯ", text);
        Assert.Contains("Trần Thị Bình", text);
        Assert.Contains("- Các ban đảng,", text);
        Assert.Contains("- Lưu Văn phòng Thành ủy.", text);
        Assert.Contains("(Kèm theo Báo cáo số 07-BC/TU ngày 05/01/2026 của Thành ủy Cần Thơ)", text);
        Assert.Equal("2", FirstLine(documents.Party.Pages[1]));
    }

    [Fact]
    public void Workbook_Converted_ShowsEachAnnexWithVietnameseFigures()
    {
        var text = Squeeze(documents.Workbook.Text);
        Assert.NotEmpty(documents.Workbook.Images);
        Assert.Contains("Phụ lục I", text);
        Assert.Contains("SỐ LƯỢNG ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", text);
        Assert.Contains("Đơn vị tính: đơn vị", text);
        Assert.Matches(new Regex(@"A\s+B\s+1\s+2\s+3=\(2-1\)\s+4"), text);
        Assert.Matches(new Regex(@"Tổng số\s+1\.160\s+1\.044\s+-116\s+-10,00"), text);
        Assert.Contains("Phụ lục II", text);
        Assert.Contains("8.017", text);
        Assert.Contains("18,50", text);
    }

    static string FirstLine(string page) => page.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    // pdftotext -layout pads columns with runs of spaces; one space reads the same for a phrase.
    static string Squeeze(string text) => Regex.Replace(text, "[ \t]+", " ");

    static double InkShare(SKBitmap bitmap)
    {
        long ink = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y) is var c && c.Red + c.Green + c.Blue < 600) ink++;
        return (double)ink / (bitmap.Width * bitmap.Height);
    }
}
