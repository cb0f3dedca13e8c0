using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>
/// Writes the annex tables of an <see cref="OfficialDocument"/> as a workbook, one sheet per annex laid out as the
/// annex prints: "Phụ lục I", its title, the reference to the document, the unit line, the header and the
/// column-number row (frozen, and repeated on printed pages), then the rows with figures as numbers in Vietnamese-style
/// formats ("#,##0", "#,##0.00": an office suite set to Vietnamese shows 1.234 and 18,77) and the totals bold.
/// </summary>
public static class AnnexWorkbook
{
    public const string CountFormat = "#,##0", DecimalFormat = "#,##0.00";

    public static byte[] Write(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = package.AddWorkbookPart();
            var styles = new StyleBook();
            var sheets = new Sheets();
            var names = new DefinedNames();
            uint sheetId = 1;
            foreach (var annex in document.Annexes)
            {
                var name = SheetName($"Phụ lục {annex.Number}", sheets);
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var (worksheet, headerRows) = Sheet(document, annex, styles);
                part.Worksheet = worksheet;
                sheets.Append(new Sheet { Name = name, SheetId = sheetId, Id = workbookPart.GetIdOfPart(part) });
                names.Append(new DefinedName($"'{name}'!${headerRows.First}:${headerRows.Last}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
                sheetId++;
            }
            if (sheetId == 1)
            {
                // A workbook needs one sheet: an empty one when the document has no annex.
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData());
                sheets.Append(new Sheet { Name = "Phụ lục", SheetId = 1, Id = workbookPart.GetIdOfPart(part) });
            }
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Stylesheet();
            var workbook = new Workbook(sheets);
            if (names.HasChildren) workbook.Append(names);
            workbookPart.Workbook = workbook;
            package.PackageProperties.Title = document.Title;
            package.PackageProperties.Creator = document.IssuingBody;
            package.PackageProperties.Language = "vi-VN";
        }
        return stream.ToArray();
    }

    static (Worksheet Sheet, (int First, int Last) HeaderRows) Sheet(OfficialDocument document, DocumentAnnex annex, StyleBook styles)
    {
        var table = annex.Table;
        var columns = Math.Max(table.Columns.Count, 1);
        var data = new SheetData();
        var merges = new List<string>();
        var rowIndex = 0;

        void Banner(string text, uint style, double? height = null)
        {
            rowIndex++;
            var row = new Row { RowIndex = (uint)rowIndex };
            if (height is { } h) { row.Height = h; row.CustomHeight = true; }
            row.Append(TextCell(Reference(0, rowIndex), text, style));
            data.Append(row);
            if (columns > 1) merges.Add($"{Reference(0, rowIndex)}:{Reference(columns - 1, rowIndex)}");
        }

        Banner($"Phụ lục {annex.Number}", styles.Get(Look.Title));
        Banner(Vietnamese.TextInfo.ToUpper(annex.Title), styles.Get(Look.Title), 36);
        Banner($"(Kèm theo {OfficialDocx.Reference(document)})", styles.Get(Look.Note));
        if (!string.Equals(Vietnamese.TextInfo.ToUpper(table.Title), Vietnamese.TextInfo.ToUpper(annex.Title), StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(table.Title))
            Banner(table.Title, styles.Get(Look.Title));
        if (table.UnitLine is { } unit) Banner(unit, styles.Get(Look.Unit));

        rowIndex++;
        var first = rowIndex;
        // Office suites do not grow a row for wrapped text on opening: room for two lines of header.
        var header = new Row { RowIndex = (uint)rowIndex, Height = 33, CustomHeight = true };
        for (var i = 0; i < table.Columns.Count; i++) header.Append(TextCell(Reference(i, rowIndex), table.Columns[i].Header, styles.Get(Look.Header)));
        data.Append(header);
        rowIndex++;
        var numbers = new Row { RowIndex = (uint)rowIndex };
        for (var i = 0; i < table.Columns.Count; i++) numbers.Append(TextCell(Reference(i, rowIndex), table.Columns[i].NumberLabel ?? DataTables.NumberLabel(i), styles.Get(Look.NumberRow)));
        data.Append(numbers);
        var last = rowIndex;

        foreach (var source in table.Rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = (uint)rowIndex };
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var cell = i < source.Cells.Count ? source.Cells[i] : DocumentCell.Empty;
                var kind = table.Columns[i].Kind;
                var at = Reference(i, rowIndex);
                if (cell.Value is { } value && kind != CellKind.Text)
                {
                    var format = kind == CellKind.Count || (kind == CellKind.Figure && value == decimal.Truncate(value)) ? CountFormat : DecimalFormat;
                    row.Append(new Cell
                    {
                        CellReference = at,
                        DataType = CellValues.Number,
                        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
                        StyleIndex = styles.Get(new Look(Bold: source.IsTotal, Border: true, Format: format, Align: HorizontalAlignmentValues.Right)),
                    });
                }
                else
                {
                    var align = i == 0 || kind != CellKind.Text && i > 1 ? HorizontalAlignmentValues.Center : HorizontalAlignmentValues.Left;
                    var indent = i == 1 ? source.Level : 0;
                    row.Append(TextCell(at, cell.Text, styles.Get(new Look(Bold: source.IsTotal, Border: true, Align: align, Indent: indent, Wrap: true))));
                }
            }
            data.Append(row);
        }

        var worksheet = new Worksheet();
        var sheetProperties = new SheetProperties(new PageSetupProperties { FitToPage = true });
        worksheet.Append(sheetProperties);
        worksheet.Append(new SheetViews(new SheetView(
            new Pane { VerticalSplit = last, TopLeftCell = Reference(0, last + 1), ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = Reference(0, last + 1), SequenceOfReferences = new ListValue<StringValue>([Reference(0, last + 1)]) })
        { WorkbookViewId = 0U }));
        worksheet.Append(new Columns(table.Columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = i switch { 0 => 6, 1 => 45, _ when c.Kind == CellKind.Text => 24, _ => 14 },
            CustomWidth = true,
        })));
        worksheet.Append(data);
        if (merges.Count > 0) worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        worksheet.Append(new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = 9U, // A4
            Orientation = annex.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1U,
            FitToHeight = 0U,
        });
        return (worksheet, (first, last));
    }

    static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>"A1", "B7", ..., "AA12": the column by index from 0, the row from 1.</summary>
    static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    static string SheetName(string wanted, Sheets sheets)
    {
        // Sheet names: at most 31 characters, none of []:*?/\, unique.
        var name = new string(wanted.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        if (name.Length > 31) name = name[..31];
        var taken = sheets.Elements<Sheet>().Select(s => s.Name?.Value).ToHashSet();
        var candidate = name;
        for (var i = 2; taken.Contains(candidate); i++) candidate = $"{name[..Math.Min(name.Length, 27)]} ({i})";
        return candidate;
    }

    sealed record Look(bool Bold = false, bool Italic = false, double Size = 12, bool Border = false, string? Format = null,
        HorizontalAlignmentValues? Align = null, int Indent = 0, bool Wrap = false)
    {
        public static readonly Look Title = new(Bold: true, Size: 14, Align: HorizontalAlignmentValues.Center, Wrap: true);
        public static readonly Look Note = new(Italic: true, Align: HorizontalAlignmentValues.Center);
        public static readonly Look Unit = new(Italic: true, Align: HorizontalAlignmentValues.Right);
        public static readonly Look Header = new(Bold: true, Border: true, Align: HorizontalAlignmentValues.Center, Wrap: true);
        public static readonly Look NumberRow = new(Italic: true, Border: true, Align: HorizontalAlignmentValues.Center);
    }

    /// <summary>The cell formats a workbook uses, each written once, in the order first asked for.</summary>
    sealed class StyleBook
    {
        readonly List<Look> looks = [new()];

        public uint Get(Look look)
        {
            var index = looks.IndexOf(look);
            if (index < 0) { looks.Add(look); index = looks.Count - 1; }
            return (uint)index;
        }

        public Stylesheet Stylesheet()
        {
            var formats = looks.Select(l => l.Format).OfType<string>().Distinct().ToList();
            var fonts = looks.Select(l => (l.Bold, l.Italic, l.Size)).Distinct().ToList();
            var numberingFormats = new NumberingFormats(formats.Select((f, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f }))
            { Count = (uint)formats.Count };
            var fontElements = new Fonts(fonts.Select(f =>
            {
                var font = new Font();
                if (f.Bold) font.Append(new Bold());
                if (f.Italic) font.Append(new Italic());
                font.Append(new FontSize { Val = f.Size }, new FontName { Val = WordParts.FontName }, new FontFamilyNumbering { Val = 1 });
                return font;
            })) { Count = (uint)fonts.Count };
            var fills = new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U };
            BorderPropertiesType Thin(BorderPropertiesType side) { side.Style = BorderStyleValues.Thin; side.Append(new Color { Indexed = 64U }); return side; }
            var borders = new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(Thin(new LeftBorder()), Thin(new RightBorder()), Thin(new TopBorder()), Thin(new BottomBorder()), new DiagonalBorder())) { Count = 2U };
            var cellFormats = new CellFormats(looks.Select(l =>
            {
                var format = new CellFormat
                {
                    NumberFormatId = l.Format is { } f ? (uint)(164 + formats.IndexOf(f)) : 0U,
                    FontId = (uint)fonts.IndexOf((l.Bold, l.Italic, l.Size)),
                    FillId = 0U,
                    BorderId = l.Border ? 1U : 0U,
                    FormatId = 0U,
                    ApplyNumberFormat = l.Format is not null,
                    ApplyFont = true,
                    ApplyBorder = l.Border,
                    ApplyAlignment = true,
                };
                format.Append(new Alignment
                {
                    Horizontal = l.Align,
                    Vertical = VerticalAlignmentValues.Center,
                    WrapText = l.Wrap ? true : null,
                    Indent = l.Indent > 0 ? (uint)l.Indent : null,
                });
                return format;
            })) { Count = (uint)looks.Count };
            var stylesheet = new Stylesheet();
            if (formats.Count > 0) stylesheet.Append(numberingFormats);
            stylesheet.Append(fontElements, fills, borders,
                new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
                cellFormats,
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
            return stylesheet;
        }
    }
}
