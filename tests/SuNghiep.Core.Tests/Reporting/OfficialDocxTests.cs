using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using SuNghiep.Core.Reporting.Documents;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace SuNghiep.Core.Tests.Reporting;

/// <summary>The .docx as Open XML: the measures of Decree 30/2020, Appendix I, and the template Mẫu 1.4 in twips.</summary>
public sealed class OfficialDocxTests
{
    static WordprocessingDocument Open(OfficialDocument document) =>
        WordprocessingDocument.Open(new MemoryStream(OfficialDocx.Write(document)), false);

    static List<SectionProperties> Sections(WordprocessingDocument docx) =>
        docx.MainDocumentPart!.Document.Body!.Descendants<SectionProperties>().ToList();

    [Fact]
    public void Write_StateDocument_IsValidOpenXml()
    {
        using var docx = Open(SampleDocuments.State());
        var errors = new OpenXmlValidator().Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Distinct().Take(10)));
    }

    [Fact]
    public void Write_PartyDocument_IsValidOpenXml()
    {
        using var docx = Open(SampleDocuments.Party());
        Assert.Empty(new OpenXmlValidator().Validate(docx).Select(e => e.Description));
    }

    // Appendix I: A4; the official template's margins 35 mm left, 20 mm right, 25 mm top, 20 mm bottom.
    [Fact]
    public void Write_BodySection_IsA4WithTheTemplatesMargins()
    {
        using var docx = Open(SampleDocuments.State());
        var body = Sections(docx)[0];
        var size = body.GetFirstChild<PageSize>()!;
        var margin = body.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.Equal((1984u, 1134u, 1417, 1134), (margin.Left!.Value, margin.Right!.Value, margin.Top!.Value, margin.Bottom!.Value));
        Assert.NotNull(body.GetFirstChild<TitlePage>());
        Assert.Null(body.GetFirstChild<PageNumberType>());
    }

    // Page numbers centred in the top margin, none on the first page: a PAGE field in the default header only.
    [Fact]
    public void Write_Headers_NumberEveryPageButTheFirst()
    {
        using var docx = Open(SampleDocuments.State());
        var main = docx.MainDocumentPart!;
        foreach (var section in Sections(docx))
        {
            var references = section.Elements<HeaderReference>().ToDictionary(h => h.Type!.Value, h => (HeaderPart)main.GetPartById(h.Id!));
            Assert.Contains(" PAGE ", references[HeaderFooterValues.Default].Header.InnerText);
            var paragraph = references[HeaderFooterValues.Default].Header.Descendants<Paragraph>().Single();
            Assert.Equal(JustificationValues.Center, paragraph.ParagraphProperties!.Justification!.Val!.Value);
            Assert.Empty(references[HeaderFooterValues.First].Header.Descendants<FieldCode>());
            Assert.NotNull(section.GetFirstChild<TitlePage>());
        }
    }

    [Fact]
    public void Write_Fonts_TimesNewRomanDeclared()
    {
        using var docx = Open(SampleDocuments.State());
        var main = docx.MainDocumentPart!;
        var fonts = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal(["Times New Roman", "Times New Roman", "Times New Roman"], [fonts.Ascii!.Value!, fonts.HighAnsi!.Value!, fonts.ComplexScript!.Value!]);
        Assert.Contains(main.FontTablePart!.Fonts!.Elements<Font>(), f => f.Name == "Times New Roman");
        Assert.Equal("vi-VN", main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!.Val!.Value);
    }

    // Mẫu 1.4: header table 3829 + 5670 twips, indented -199, borderless; signature table 2994 + 6290.
    [Fact]
    public void Write_HeaderAndSignatureTables_HaveTheTemplatesWidths()
    {
        using var docx = Open(SampleDocuments.State());
        var tables = docx.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        var header = tables[0];
        Assert.Equal(["3829", "5670"], header.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => c.Width!.Value!));
        Assert.Equal(-199, header.GetFirstChild<TableProperties>()!.TableIndentation!.Width!.Value);
        Assert.All(header.GetFirstChild<TableProperties>()!.TableBorders!.ChildElements.Cast<BorderType>(), b => Assert.Equal(BorderValues.None, b.Val!.Value));
        var signature = tables.Single(t => t.InnerText.Contains("Nơi nhận:", StringComparison.Ordinal));
        Assert.Equal(["2994", "6290"], signature.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => c.Width!.Value!));
    }

    [Fact]
    public void Write_Header_NamesSizesAndStyles()
    {
        using var docx = Open(SampleDocuments.State());
        var header = docx.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        Run RunOf(string text) => header.Descendants<Run>().Single(r => r.InnerText == text);
        Assert.Equal(("26", false), Look(RunOf("UBND THÀNH PHỐ CẦN THƠ")));
        Assert.Equal(("26", true), Look(RunOf("SỞ NỘI VỤ")));
        Assert.Equal(("26", true), Look(RunOf("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
        Assert.Equal(("28", true), Look(RunOf("Độc lập - Tự do - Hạnh phúc")));
        Assert.Equal(("26", false), Look(RunOf("Số: 05/BC-SNV")));
        var date = RunOf("Cần Thơ, ngày 05 tháng 01 năm 2026");
        Assert.NotNull(date.RunProperties!.Italic);
        // The rules under the issuing body and the motto are bottom borders, not characters.
        Assert.Equal(2, header.Descendants<ParagraphBorders>().Count());
    }

    [Fact]
    public void Write_Body_JustifiedWithFirstLineIndentAndSpaceAfter()
    {
        using var docx = Open(SampleDocuments.State());
        var paragraph = docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First(p => p.InnerText.StartsWith("Thực hiện Công văn", StringComparison.Ordinal));
        var properties = paragraph.ParagraphProperties!;
        Assert.Equal(JustificationValues.Both, properties.Justification!.Val!.Value);
        Assert.Equal("720", properties.Indentation!.FirstLine!.Value);
        Assert.Equal("120", properties.SpacingBetweenLines!.After!.Value);
        Assert.Equal("28", paragraph.Elements<Run>().Single().RunProperties!.FontSize!.Val!.Value);
    }

    [Fact]
    public void Write_Headings_RomanAndDigitBoldLetterUpright()
    {
        using var docx = Open(SampleDocuments.State());
        var paragraphs = docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Run Heading(string start) => paragraphs.Single(p => p.InnerText.StartsWith(start, StringComparison.Ordinal)).Elements<Run>().Single();
        Assert.Equal("II. KẾT QUẢ THỰC HIỆN", Heading("II.").InnerText);
        Assert.NotNull(Heading("II.").RunProperties!.Bold);
        Assert.NotNull(Heading("1. Sắp xếp").RunProperties!.Bold);
        Assert.Null(Heading("a) Lĩnh vực").RunProperties!.Bold);
    }

    [Fact]
    public void Write_DataTable_HeaderNumberRowAndBoldTotal()
    {
        using var docx = Open(SampleDocuments.State());
        var table = docx.MainDocumentPart!.Document.Body!.Elements<Table>().Single(t => t.InnerText.Contains("Lĩnh vực 7", StringComparison.Ordinal) && !t.InnerText.Contains("Lĩnh vực 8", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(["STT", "Nội dung", "Năm 2015", "Năm 2025", "Tăng (+), giảm (-)", "Tỷ lệ (%)"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(["A", "B", "1", "2", "3=(2-1)", "4"], rows[1].Elements<TableCell>().Select(c => c.InnerText));
        Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.Equal(["", "Tổng số", "980", "882", "-98", "-10,00"], rows[^1].Elements<TableCell>().Select(c => c.InnerText));
        Assert.All(rows[^1].Descendants<Run>(), r => Assert.NotNull(r.RunProperties!.Bold));
        Assert.Null(rows[2].Descendants<Run>().First().RunProperties!.Bold);
        Assert.Equal(BorderValues.Single, table.GetFirstChild<TableProperties>()!.TableBorders!.GetFirstChild<InsideHorizontalBorder>()!.Val!.Value);
        // The columns fill the text width between the margins: 210 mm - 35 - 20.
        Assert.Equal(11906 - 1984 - 1134, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!)));
    }

    [Fact]
    public void Write_Charts_EmbeddedAsInlinePngWithTheirTitleAsAltText()
    {
        using var docx = Open(SampleDocuments.State());
        var main = docx.MainDocumentPart!;
        var pictures = main.Document.Body!.Descendants<DW.Inline>().ToList();
        Assert.Equal(2, pictures.Count);
        Assert.Equal("Biểu đồ 1. Số lượng đơn vị sự nghiệp công lập qua các năm", pictures[0].DocProperties!.Description!.Value);
        foreach (var image in main.ImageParts)
        {
            using var stream = image.GetStream();
            var signature = new byte[8];
            stream.ReadExactly(signature);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
            Assert.True(stream.Length > 10_000);
        }
    }

    // Annexes: a section each, numbered from 1; the wide one landscape with the template's 30/15/20/15 mm.
    [Fact]
    public void Write_Annexes_OwnSectionsTheWideOneLandscape()
    {
        using var docx = Open(SampleDocuments.State());
        var sections = Sections(docx);
        Assert.Equal(3, sections.Count);
        Assert.All(sections.Skip(1), s => Assert.Equal(1, s.GetFirstChild<PageNumberType>()!.Start!.Value));
        Assert.Null(sections[1].GetFirstChild<PageSize>()!.Orient);
        var wide = sections[2];
        var size = wide.GetFirstChild<PageSize>()!;
        var margin = wide.GetFirstChild<PageMargin>()!;
        Assert.Equal((16838u, 11906u, PageOrientationValues.Landscape), (size.Width!.Value, size.Height!.Value, size.Orient!.Value));
        Assert.Equal((1701u, 850u, 1134, 850), (margin.Left!.Value, margin.Right!.Value, margin.Top!.Value, margin.Bottom!.Value));
        Assert.Same(sections[2], docx.MainDocumentPart!.Document.Body!.LastChild);
    }

    [Fact]
    public void Write_Annex_TitleInCapitalsAndReferenceItalic()
    {
        using var docx = Open(SampleDocuments.State());
        var paragraphs = docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var annex = paragraphs.FindIndex(p => p.InnerText == "Phụ lục I");
        Assert.True(annex > 0);
        Assert.Equal("SỐ LƯỢNG ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", paragraphs[annex + 1].InnerText);
        Assert.Equal("(Kèm theo Báo cáo số 05/BC-SNV ngày 05/01/2026 của Sở Nội vụ)", paragraphs[annex + 2].InnerText);
        Assert.NotNull(paragraphs[annex + 2].Elements<Run>().Single().RunProperties!.Italic);
    }

    [Fact]
    public void Write_Signature_RecipientsPunctuatedAndSignerBold()
    {
        using var docx = Open(SampleDocuments.State());
        var signature = docx.MainDocumentPart!.Document.Body!.Elements<Table>().Single(t => t.InnerText.Contains("Nơi nhận:", StringComparison.Ordinal));
        var cells = signature.Descendants<TableCell>().ToList();
        Assert.Equal(["Nơi nhận:", "- Bộ Nội vụ;", "- Ủy ban nhân dân thành phố;", "- Ban Giám đốc Sở;", "- Lưu: VT, TCBC."], cells[0].Elements<Paragraph>().Select(p => p.InnerText));
        var label = cells[0].Descendants<Run>().First().RunProperties!;
        Assert.True(label.Bold is not null && label.Italic is not null && label.FontSize!.Val == "24");
        Assert.Equal("22", cells[0].Descendants<Run>().Last().RunProperties!.FontSize!.Val!.Value);
        Assert.Equal(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"], cells[1].Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Equal(("28", true), Look(cells[1].Descendants<Run>().Last()));
    }

    [Fact]
    public void Write_PartyDocument_PartyHeaderAndNumber()
    {
        using var docx = Open(SampleDocuments.Party());
        var header = docx.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        var texts = header.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal(["ĐẢNG BỘ THÀNH PHỐ CẦN THƠ", "THÀNH ỦY CẦN THƠ", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 07-BC/TU", "Cần Thơ, ngày 05 tháng 01 năm 2026"], texts);
        Assert.Equal(("30", true), Look(header.Descendants<Run>().Single(r => r.InnerText == "ĐẢNG CỘNG SẢN VIỆT NAM")));
        Assert.Equal(("28", true), Look(header.Descendants<Run>().Single(r => r.InnerText == "THÀNH ỦY CẦN THƠ")));
        Assert.Equal(("28", false), Look(header.Descendants<Run>().Single(r => r.InnerText == "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ")));
        Assert.Equal(("32", true), Look(docx.MainDocumentPart.Document.Body.Elements<Paragraph>().Single(p => p.InnerText == "BÁO CÁO").Elements<Run>().Single()));
    }

    public static TheoryData<int?, DocumentStyle, string> NumberLines => new()
    {
        { 5,    DocumentStyle.State, "Số: 05/BC-SNV" },
        { 12,   DocumentStyle.State, "Số: 12/BC-SNV" },
        { 105,  DocumentStyle.State, "Số: 105/BC-SNV" },
        { null, DocumentStyle.State, "Số:       /BC-SNV" },
        { 5,    DocumentStyle.Party, "Số 05-BC-SNV" },
    };

    // Decree 30/2020, Appendix I: "0" before numbers below 10; Guideline 36-HD/VPTW: "Số 05-BC/TU", no colon.
    [Theory, MemberData(nameof(NumberLines))]
    public void NumberLine_ByStyle_PrintsTheNumber(int? number, DocumentStyle style, string expected) =>
        Assert.Equal(expected, OfficialDocx.NumberLine(SampleDocuments.State() with { Number = number, Style = style }));

    public static TheoryData<string?, string> DateLines => new()
    {
        { "2026-01-05", "Cần Thơ, ngày 05 tháng 01 năm 2026" },
        { "2026-02-15", "Cần Thơ, ngày 15 tháng 02 năm 2026" },
        { "2026-03-09", "Cần Thơ, ngày 09 tháng 3 năm 2026" },
        { "2025-12-25", "Cần Thơ, ngày 25 tháng 12 năm 2025" },
        { "2025-10-01", "Cần Thơ, ngày 01 tháng 10 năm 2025" },
        { null,         "Cần Thơ, ngày ... tháng ... năm 2026" },
    };

    // Decree 30/2020, Appendix I: "0" before days below 10 and months 1 and 2; an undated draft leaves day and month blank.
    [Theory, MemberData(nameof(DateLines))]
    public void DateLine_ByDate_LeadingZerosWhereTheDecreeSays(string? date, string expected) =>
        Assert.Equal(expected, OfficialDocx.DateLine(SampleDocuments.State() with { Date = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Year = 2026 }));

    [Fact]
    public void Write_Draft_PrintsBlanksForNumberAndDate()
    {
        using var docx = Open(SampleDocuments.State() with { Number = null, Date = null, Year = 2026 });
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Số:       /BC-SNV", text);
        Assert.Contains("Cần Thơ, ngày ... tháng ... năm 2026", text);
        Assert.Contains("(Kèm theo Báo cáo số .../BC-SNV ngày ... của Sở Nội vụ)", text);
    }

    [Fact]
    public void Write_NoAnnexesNoChart_OneSectionStillValid()
    {
        using var docx = Open(SampleDocuments.State() with { Annexes = [], Sections = [new DocumentSection("I.", "Tình hình", new DocumentParagraph("Nội dung."))] });
        Assert.Single(Sections(docx));
        Assert.Empty(docx.MainDocumentPart!.ImageParts);
        Assert.Empty(new OpenXmlValidator().Validate(docx));
    }

    static (string Size, bool Bold) Look(Run run) => (run.RunProperties!.FontSize!.Val!.Value!, run.RunProperties.Bold is not null);
}
