using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static SuNghiep.Core.Reporting.Documents.WordParts;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>
/// A <see cref="DocumentTable"/> as the forms print it: single borders, the header bold and centred, the column-number
/// row (A, B, 1, 2, ...) under it, both repeated on every page, totals bold, sub-rows indented.
/// </summary>
internal static class DataTables
{
    public static Table Table(DocumentTable source, int width)
    {
        double size = source.Columns.Count > 6 ? 12 : 13;
        var widths = ColumnWidths(source, width, size);
        // Too many figures for the page: at 11 pt the content column keeps room enough to be read.
        if (widths.Length > 2 && widths[1] < width / 6)
        {
            size = 11;
            widths = ColumnWidths(source, width, size);
        }
        var table = new Table();
        var border = (BorderType b) => { b.Val = BorderValues.Single; b.Size = 4U; b.Space = 0U; b.Color = "000000"; return b; };
        table.Append(new TableProperties
        {
            TableWidth = new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            TableBorders = new TableBorders(
                border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()),
                border(new RightBorder()), border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }),
            TableLook = new TableLook { Val = "04A0" },
        });
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

        var header = new TextLook(size, Bold: true);
        table.Append(Row(repeat: true, source.Columns.Select((c, i) => Cell(widths[i], [Para(c.Header, header, Centred)], TableVerticalAlignmentValues.Center))));
        var numberLook = new TextLook(size, Italic: true);
        table.Append(Row(repeat: true, source.Columns.Select((c, i) => Cell(widths[i], [Para(c.NumberLabel ?? NumberLabel(i), numberLook, Centred)]))));

        foreach (var row in source.Rows)
        {
            var look = new TextLook(size, Bold: row.IsTotal);
            var cells = new List<TableCell>();
            for (var i = 0; i < source.Columns.Count; i++)
            {
                var text = i < row.Cells.Count ? row.Cells[i].Text : "";
                // "Nội dung" reads left with sub-rows indented; the STT and every figure are centred, as in the forms.
                var layout = i == 1 || (i > 1 && source.Columns[i].Kind == CellKind.Text)
                    ? new ParagraphLook(Align.Left, Left: row.Level * 227)
                    : Centred;
                cells.Add(Cell(widths[i], [Para(text, look, layout)], TableVerticalAlignmentValues.Center));
            }
            table.Append(Row(repeat: false, cells));
        }
        return table;
    }

    static readonly ParagraphLook Centred = new(Align.Center);

    /// <summary>"A" for the STT column, "B" for the content, then 1, 2, ... for the figures.</summary>
    public static string NumberLabel(int index) => index switch
    {
        0 => "A",
        1 => "B",
        _ => (index - 1).ToString(),
    };

    static TableRow Row(bool repeat, IEnumerable<TableCell> cells)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (repeat) properties.Append(new TableHeader());
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    /// <summary>
    /// Widths in twips summing to the table's. Every figure column and the STT get what their widest cell needs, so that
    /// a number never breaks over two lines; text columns get their longest word, then the space left, first up to a
    /// fair share (the content column about a quarter of the table), then shared with the figures.
    /// </summary>
    public static int[] ColumnWidths(DocumentTable table, int width, double size)
    {
        var columns = table.Columns;
        const int margins = 2 * 57 + 30;
        bool IsText(int i) => i > 0 && (i == 1 || columns[i].Kind == CellKind.Text);
        var needs = columns.Select((c, i) =>
        {
            var cells = table.Rows.Select(r => (Text: i < r.Cells.Count ? r.Cells[i].Text : "", Bold: r.IsTotal)).Append((Text: c.NumberLabel ?? NumberLabel(i), Bold: false));
            var widest = IsText(i)
                ? cells.SelectMany(x => Words(x.Text).Select(w => Measure(w, size, x.Bold))).DefaultIfEmpty(0).Max()
                : cells.Max(x => Measure(x.Text, size, x.Bold));
            var header = Words(c.Header).DefaultIfEmpty("").Max(w => Measure(w, size, bold: true));
            return (int)Math.Ceiling(Math.Max(widest, header)) + margins;
        }).ToArray();
        var widths = needs.ToArray();
        var spare = width - widths.Sum();
        if (spare < 0)
            return Fit(needs.Select(n => (int)Math.Floor((double)n * width / needs.Sum())).ToArray(), width);

        var shares = columns.Select((_, i) => i == 1 ? 0.25 : IsText(i) ? 0.12 : 0).ToArray();
        var wanted = widths.Select((w, i) => Math.Max(0, (int)(width * shares[i]) - w)).ToArray();
        var raise = Math.Min(1.0, wanted.Sum() == 0 ? 0 : (double)spare / wanted.Sum());
        for (var i = 0; i < widths.Length; i++) widths[i] += (int)Math.Floor(wanted[i] * raise);
        spare = width - widths.Sum();
        var weights = columns.Select((_, i) => i == 0 ? 0.0 : i == 1 ? 4.0 : IsText(i) ? 2.0 : 1.0).ToArray();
        var total = weights.Sum();
        if (total > 0)
            for (var i = 0; i < widths.Length; i++) widths[i] += (int)Math.Floor(spare * weights[i] / total);
        return Fit(widths, width);
    }

    static int[] Fit(int[] widths, int width)
    {
        if (widths.Length > 0) widths[Math.Min(1, widths.Length - 1)] += width - widths.Sum();
        return widths;
    }

    /// <summary>About how wide a text prints in Times New Roman, in twips: digits half an em, punctuation a quarter, capitals more.</summary>
    static double Measure(string text, double size, bool bold)
    {
        var ems = text.Sum(c => c switch
        {
            >= '0' and <= '9' => 0.5,
            '.' or ',' or ' ' or ':' or ';' or '\'' => 0.25,
            '-' or '(' or ')' or '/' => 0.33,
            _ when char.IsUpper(c) => 0.72,
            _ => 0.5,
        });
        return ems * (bold ? 1.08 : 1) * size * 20;
    }

    static string[] Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
