using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static SuNghiep.Core.Reporting.Documents.WordParts;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a .docx laid out by Decree 30/2020/NĐ-CP, Appendix I, with the measures
/// of its official template (Mẫu 1.4): A4, margins 35/20/25/20 mm, Times New Roman, the header and signature tables at
/// their widths, page numbers centred in the top margin from page 2; annexes in sections of their own, each numbered
/// from 1, landscape where the annex asks. A Party body's document follows Guideline 36-HD/VPTW instead.
/// </summary>
public static partial class OfficialDocx
{
    public const int PageWidth = 11906, PageHeight = 16838;
    public static readonly int MarginLeft = Mm(35), MarginRight = Mm(20), MarginTop = Mm(25), MarginBottom = Mm(20);
    public static readonly int LandscapeLeft = Mm(30), LandscapeRight = Mm(15), LandscapeTop = Mm(20), LandscapeBottom = Mm(15);
    public static readonly int HeaderDistance = Mm(12);

    // Mẫu 1.4 of Appendix III: the header table's columns and indent, the signature table's columns.
    public const int HeaderLeft = 3829, HeaderRight = 5670, HeaderIndent = -199;
    public const int SignatureLeft = 2994, SignatureRight = 6290;

    // A Party header's names run longer at 14-15 pt ("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ"): the same total width, split nearer half.
    public const int PartyHeaderLeft = 4820, PartyHeaderRight = 4679;

    // 1.27 cm.
    public const int FirstLineIndent = 720;

    static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Write(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            AddStyles(main);
            AddFonts(main);
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new DefaultTabStop { Val = 720 },
                new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));

            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = new Header(Para(new ParagraphLook(Align.Center), new TextLook(14), [.. PageField(new TextLook(14))]));
            var blank = main.AddNewPart<HeaderPart>();
            blank.Header = new Header(Para(new ParagraphLook(Align.Center), new TextLook(14)));

            var layout = new Layout(document, main, main.GetIdOfPart(numbered), main.GetIdOfPart(blank));
            main.Document = new Document(layout.Body());

            package.PackageProperties.Title = $"{document.TypeName} {document.Title}";
            package.PackageProperties.Creator = document.IssuingBody;
            package.PackageProperties.Language = "vi-VN";
        }
        return stream.ToArray();
    }

    /// <summary>"Số: 05/BC-SNV" (state) or "Số 05-BC/TU" (Party); a blank where an unnumbered draft's number goes.</summary>
    public static string NumberLine(OfficialDocument document)
    {
        var number = document.Number is { } n ? n.ToString("00", Vietnamese) : "      ";
        return document.Style == DocumentStyle.Party ? $"Số {number}-{document.Symbol}" : $"Số: {number}/{document.Symbol}";
    }

    /// <summary>"Cần Thơ, ngày 05 tháng 01 năm 2026": a zero before days below 10 and months 1 and 2 (Decree 30/2020, Appendix I).</summary>
    public static string DateLine(OfficialDocument document) => document.Date is { } date
        ? $"{document.Place}, ngày {date.Day:00} tháng {(date.Month < 3 ? date.Month.ToString("00", Vietnamese) : date.Month.ToString(Vietnamese))} năm {date.Year}"
        : $"{document.Place}, ngày ... tháng ... năm {document.Year}";

    /// <summary>"Báo cáo số 05/BC-SNV ngày 05/01/2026 của Sở Nội vụ", with dots where a draft has no number or date yet.</summary>
    internal static string Reference(OfficialDocument document)
    {
        var type = Vietnamese.TextInfo.ToLower(document.TypeName);
        type = type.Length > 0 ? char.ToUpper(type[0], Vietnamese) + type[1..] : type;
        var number = document.Number is { } n ? n.ToString("00", Vietnamese) : "...";
        var symbol = document.Style == DocumentStyle.Party ? $"{number}-{document.Symbol}" : $"{number}/{document.Symbol}";
        var date = document.Date is { } d ? d.ToString("dd/MM/yyyy", Vietnamese) : "...";
        return $"{type} số {symbol} ngày {date} của {BodyNames.AsInSentence(document.IssuingBody)}";
    }

    static void AddStyles(MainDocumentPart main)
    {
        var fonts = new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName };
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(fonts, new Color { Val = "000000" }, new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }

    static void AddFonts(MainDocumentPart main) =>
        main.AddNewPart<FontTablePart>().Fonts = new Fonts(new Font(
            new Panose1Number { Val = "02020603050405020304" },
            new FontCharSet { Val = "00" },
            new FontFamily { Val = FontFamilyValues.Roman },
            new Pitch { Val = FontPitchValues.Variable }) { Name = FontName });

    [GeneratedRegex(@"^[IVXLC]+\.?$")]
    private static partial Regex RomanNumber();

    [GeneratedRegex(@"^[a-zđ]\)$")]
    private static partial Regex LetterNumber();

    /// <summary>The document laid out in order: header, type and title, body, signature, then each annex in its section.</summary>
    sealed class Layout(OfficialDocument document, MainDocumentPart main, string numberedHeader, string blankHeader)
    {
        readonly bool party = document.Style == DocumentStyle.Party;
        readonly List<OpenXmlElement> body = [];
        uint pictures;

        double BodySize => 14;
        int TextWidth => PageWidth - MarginLeft - MarginRight;

        public Body Body()
        {
            Header();
            TypeAndTitle();
            Addressees();
            LegalBases();
            if (document.LeadIn is { } leadIn) body.Add(BodyParagraph(leadIn));
            foreach (var section in document.Sections) Section(section, 0);
            // The closing line stays on the signature's page: a signature never stands alone on a page.
            if (document.Closing is { } closing) body.Add(Para(closing, new TextLook(BodySize), new ParagraphLook(Align.Justify, After: 6, FirstLine: FirstLineIndent, KeepNext: true)));
            Signature();

            var result = new Body();
            if (document.Annexes.Count == 0)
            {
                result.Append(body);
                result.Append(SectionProperties(landscape: false, restart: false));
                return result;
            }

            body.Add(SectionBreak(SectionProperties(landscape: false, restart: false)));
            for (var i = 0; i < document.Annexes.Count; i++)
            {
                var annex = document.Annexes[i];
                Annex(annex);
                var properties = SectionProperties(annex.Landscape, restart: true);
                if (i < document.Annexes.Count - 1) body.Add(SectionBreak(properties));
                else
                {
                    result.Append(body);
                    result.Append(properties);
                }
            }
            return result;
        }

        void Header()
        {
            var (leftWidth, rightWidth) = party ? (PartyHeaderLeft, PartyHeaderRight) : (HeaderLeft, HeaderRight);
            var table = LayoutTable(HeaderIndent, leftWidth, rightWidth);
            int left = leftWidth - 170, right = rightWidth - 170;
            var center = new ParagraphLook(Align.Center);
            List<OpenXmlElement> top = [], topRight = [];
            if (party)
            {
                if (document.ManagingBody is { } superior) top.Add(Para(Upper(superior), new TextLook(14), center));
                top.Add(Para(Upper(document.IssuingBody), new TextLook(14, Bold: true), center));
                top.Add(Para("*", new TextLook(14), center));
                topRight.Add(Para("ĐẢNG CỘNG SẢN VIỆT NAM", new TextLook(15, Bold: true), center));
                topRight.Add(Rule(right, 4200));
            }
            else
            {
                if (document.ManagingBody is { } managing) top.Add(Para(Upper(managing), new TextLook(13), center));
                top.Add(Para(Upper(document.IssuingBody), new TextLook(13, Bold: true), center));
                top.Add(Rule(left, 1200));
                topRight.Add(Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new TextLook(13, Bold: true), center));
                topRight.Add(Para("Độc lập - Tự do - Hạnh phúc", new TextLook(14, Bold: true), center));
                topRight.Add(Rule(right, 3340));
            }
            table.Append(new TableRow(Cell(leftWidth, top), Cell(rightWidth, topRight)));
            // The number and the date on one row, so that they stay level whatever the bodies' names take above.
            var numberLook = party ? new TextLook(14) : new TextLook(13);
            var spaced = new ParagraphLook(Align.Center, Before: 6);
            table.Append(new TableRow(
                Cell(leftWidth, [Para(NumberLine(document), numberLook, spaced)]),
                Cell(rightWidth, [Para(DateLine(document), new TextLook(14, Italic: true), spaced)])));
            body.Add(table);
        }

        void TypeAndTitle()
        {
            body.Add(Para(Upper(document.TypeName), new TextLook(party ? 16 : 14, Bold: true), new ParagraphLook(Align.Center, Before: 18, KeepNext: true)));
            body.Add(Para(document.Title, new TextLook(party ? 15 : 14, Bold: true), new ParagraphLook(Align.Center, KeepNext: true)));
            body.Add(Rule(TextWidth, 2000));
            body.Add(Para("", new TextLook(BodySize), new ParagraphLook(After: 6)));
        }

        void Addressees()
        {
            var lines = document.Addressees.Select(a => a.TrimEnd(';', '.', ',', ' ')).ToList();
            if (lines.Count == 0) return;
            var look = new TextLook(BodySize);
            if (lines.Count == 1)
            {
                body.Add(Para($"Kính gửi: {lines[0]}.", look, new ParagraphLook(Align.Center, After: 12)));
                return;
            }
            body.Add(Para("Kính gửi:", look, new ParagraphLook(Left: 1701)));
            for (var i = 0; i < lines.Count; i++)
            {
                var end = i == lines.Count - 1 ? "." : ";";
                body.Add(Para($"- {lines[i]}{end}", look, new ParagraphLook(Left: 2835, After: i == lines.Count - 1 ? 12 : 0)));
            }
        }

        void LegalBases()
        {
            var lines = document.LegalBases.Select(a => a.TrimEnd(';', '.', ',', ' ')).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var end = i == lines.Count - 1 ? "." : ";";
                body.Add(Para(lines[i] + end, new TextLook(BodySize, Italic: true), new ParagraphLook(Align.Justify, After: 6, FirstLine: FirstLineIndent)));
            }
        }

        Paragraph BodyParagraph(string text) =>
            Para(text, new TextLook(BodySize), new ParagraphLook(Align.Justify, After: 6, FirstLine: FirstLineIndent));

        void Section(DocumentSection section, int depth)
        {
            // "I." bold in capitals, "1." bold, "a)" upright (Decree 30/2020, Appendix I); the number decides, the depth
            // where the number says nothing.
            var number = section.Number.Trim();
            var roman = RomanNumber().IsMatch(number);
            var upright = LetterNumber().IsMatch(number) || (!roman && !char.IsDigit(number.FirstOrDefault()) && depth >= 2);
            var title = roman ? Upper(section.Title) : section.Title;
            var heading = string.IsNullOrEmpty(number) ? title : $"{number} {title}";
            body.Add(Para(heading, new TextLook(BodySize, Bold: !upright), new ParagraphLook(Align.Justify, After: 6, FirstLine: FirstLineIndent, KeepNext: true)));
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case DocumentParagraph paragraph:
                        body.Add(BodyParagraph(paragraph.Text));
                        break;
                    case DocumentTableBlock table:
                        TableWithTitle(table.Table, TextWidth, showTitle: true);
                        break;
                    case DocumentChartBlock chart:
                        Chart(chart.Chart);
                        break;
                }
            }
            foreach (var child in section.Children) Section(child, depth + 1);
        }

        void TableWithTitle(DocumentTable table, int width, bool showTitle)
        {
            if (showTitle && !string.IsNullOrWhiteSpace(table.Title))
                body.Add(Para(table.Title, new TextLook(13, Bold: true), new ParagraphLook(Align.Center, Before: 6, KeepNext: true)));
            if (table.UnitLine is { } unit)
                body.Add(Para(unit, new TextLook(13, Italic: true), new ParagraphLook(Align.Right, KeepNext: true)));
            body.Add(DataTables.Table(table, width));
            body.Add(Para("", new TextLook(BodySize), new ParagraphLook(After: 6)));
        }

        void Chart(DocumentChart chart)
        {
            // 16:9 at the text's width; the PNG is drawn at 1000 px wide so that its 24 px labels print at about 11 pt.
            var width = TextWidth * 635L;
            var height = width * 9 / 16;
            var png = ChartImage.Png(chart, 1000, 563);
            var part = main.AddImagePart(ImagePartType.Png);
            using (var data = new MemoryStream(png)) part.FeedData(data);
            pictures++;
            body.Add(Para(new ParagraphLook(Align.Center, Before: 6), new TextLook(BodySize), Picture(main.GetIdOfPart(part), pictures, width, height, chart.Title)));
            body.Add(Para(chart.Title, new TextLook(13, Bold: true, Italic: true), new ParagraphLook(Align.Center, After: 12)));
        }

        void Signature()
        {
            var table = LayoutTable(0, SignatureLeft, SignatureRight);
            List<OpenXmlElement> recipients = [];
            if (document.Recipients.Count > 0)
            {
                recipients.Add(Para("Nơi nhận:", party ? new TextLook(14, Underline: true) : new TextLook(12, Bold: true, Italic: true)));
                var lines = document.Recipients.Select(r => r.TrimEnd(';', '.', ',', ' ')).ToList();
                for (var i = 0; i < lines.Count; i++)
                {
                    // Party lists end each line with a comma (Guideline 36-HD/VPTW), state lists with a semicolon.
                    var end = i == lines.Count - 1 ? "." : party ? "," : ";";
                    // A long line wraps under its text, not under the dash.
                    recipients.Add(Para($"- {lines[i]}{end}", new TextLook(party ? 12 : 11), new ParagraphLook(Left: 142, Hanging: 142)));
                }
            }
            var center = new ParagraphLook(Align.Center);
            var capacityLook = new TextLook(party ? 14 : 13, Bold: true);
            List<OpenXmlElement> signer = [];
            if (document.Signer.Authority is { } authority) signer.Add(Para(Upper(authority), capacityLook, center));
            signer.AddRange(document.Signer.Capacity.Select(line => Para(Upper(line), capacityLook, center)));
            // Room for the signature and the seal.
            signer.Add(Para(document.Signer.Name, new TextLook(14, Bold: true), new ParagraphLook(Align.Center, Before: 72)));
            table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(SignatureLeft, recipients), Cell(SignatureRight, signer)));
            body.Add(Para("", new TextLook(BodySize), new ParagraphLook(KeepNext: true)));
            body.Add(table);
        }

        void Annex(DocumentAnnex annex)
        {
            var width = annex.Landscape ? PageHeight - LandscapeLeft - LandscapeRight : TextWidth;
            body.Add(Para($"Phụ lục {annex.Number}", new TextLook(14, Bold: true), new ParagraphLook(Align.Center, KeepNext: true)));
            body.Add(Para(Upper(annex.Title), new TextLook(14, Bold: true), new ParagraphLook(Align.Center, KeepNext: true)));
            body.Add(Para($"(Kèm theo {Reference(document)})", new TextLook(14, Italic: true), new ParagraphLook(Align.Center, After: 12, KeepNext: true)));
            var sameTitle = string.Equals(Upper(annex.Table.Title), Upper(annex.Title), StringComparison.Ordinal);
            TableWithTitle(annex.Table, width, showTitle: !sameTitle);
        }

        SectionProperties SectionProperties(bool landscape, bool restart)
        {
            var properties = new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = numberedHeader },
                new HeaderReference { Type = HeaderFooterValues.First, Id = blankHeader },
                landscape
                    ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = PageWidth, Height = PageHeight },
                landscape
                    ? new PageMargin { Top = LandscapeTop, Right = (uint)LandscapeRight, Bottom = LandscapeBottom, Left = (uint)LandscapeLeft, Header = (uint)HeaderDistance, Footer = (uint)HeaderDistance, Gutter = 0U }
                    : new PageMargin { Top = MarginTop, Right = (uint)MarginRight, Bottom = MarginBottom, Left = (uint)MarginLeft, Header = (uint)HeaderDistance, Footer = (uint)HeaderDistance, Gutter = 0U });
            // An annex counts its own pages (Decree 30/2020, Appendix I); page 1 of each part shows no number.
            if (restart) properties.Append(new PageNumberType { Start = 1 });
            properties.Append(new TitlePage());
            return properties;
        }

        static Paragraph SectionBreak(SectionProperties properties)
        {
            var paragraph = Para("", new TextLook(1));
            paragraph.ParagraphProperties!.SectionProperties = properties;
            return paragraph;
        }

        static string Upper(string text) => Vietnamese.TextInfo.ToUpper(text);
    }
}
