using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>How a run of text looks: size in points, weight, slant, underline.</summary>
internal sealed record TextLook(double Size, bool Bold = false, bool Italic = false, bool Underline = false)
{
    public TextLook WithBold(bool bold = true) => this with { Bold = bold };
}

internal enum Align { Left, Center, Right, Justify }

/// <summary>How a paragraph sits: alignment, spacing in points, indents in twips.</summary>
internal sealed record ParagraphLook(Align Align = Align.Left, double Before = 0, double After = 0, int FirstLine = 0, int Left = 0, int Right = 0, bool KeepNext = false, int Hanging = 0);

/// <summary>The Open XML elements the official documents are made of, with their child elements in schema order.</summary>
internal static class WordParts
{
    public const string FontName = "Times New Roman";

    // Twips per millimetre: 1440 per inch, 25.4 mm per inch.
    public static int Mm(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public static Paragraph Para(string text, TextLook look, ParagraphLook? layout = null) =>
        Para(layout ?? new ParagraphLook(), look, Run(text, look));

    public static Paragraph Para(ParagraphLook layout, TextLook markLook, params OpenXmlElement[] runs)
    {
        var properties = Properties(layout);
        properties.ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = HalfPoints(markLook.Size) }, new FontSizeComplexScript { Val = HalfPoints(markLook.Size) });
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    public static ParagraphProperties Properties(ParagraphLook layout)
    {
        var properties = new ParagraphProperties();
        if (layout.KeepNext) properties.KeepNext = new KeepNext();
        properties.SpacingBetweenLines = new SpacingBetweenLines
        {
            Before = Twentieths(layout.Before),
            After = Twentieths(layout.After),
            Line = "240",
            LineRule = LineSpacingRuleValues.Auto,
        };
        if (layout.FirstLine != 0 || layout.Left != 0 || layout.Right != 0 || layout.Hanging != 0)
        {
            var indentation = new Indentation();
            if (layout.Left != 0) indentation.Left = layout.Left.ToString();
            if (layout.Right != 0) indentation.Right = layout.Right.ToString();
            if (layout.FirstLine != 0) indentation.FirstLine = layout.FirstLine.ToString();
            if (layout.Hanging != 0) indentation.Hanging = layout.Hanging.ToString();
            properties.Indentation = indentation;
        }
        properties.Justification = new Justification { Val = Justification(layout.Align) };
        return properties;
    }

    public static JustificationValues Justification(Align align) => align switch
    {
        Align.Center => JustificationValues.Center,
        Align.Right => JustificationValues.Right,
        Align.Justify => JustificationValues.Both,
        _ => JustificationValues.Left,
    };

    /// <summary>A run; a line feed in the text becomes a line break.</summary>
    public static Run Run(string text, TextLook look)
    {
        var run = new Run(RunProperties(look));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    public static RunProperties RunProperties(TextLook look)
    {
        var properties = new RunProperties();
        if (look.Bold) { properties.Bold = new Bold(); properties.BoldComplexScript = new BoldComplexScript(); }
        if (look.Italic) { properties.Italic = new Italic(); properties.ItalicComplexScript = new ItalicComplexScript(); }
        properties.FontSize = new FontSize { Val = HalfPoints(look.Size) };
        properties.FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(look.Size) };
        if (look.Underline) properties.Underline = new Underline { Val = UnderlineValues.Single };
        return properties;
    }

    /// <summary>
    /// A solid rule of the given width, centred in its column: an empty one-point paragraph whose bottom border spans
    /// the space between its indents. It stays a line in every office suite, and adds no characters to the text.
    /// </summary>
    public static Paragraph Rule(int columnWidth, int ruleWidth)
    {
        var side = Math.Max(0, (columnWidth - ruleWidth) / 2);
        var properties = Properties(new ParagraphLook(Align.Center, Left: side, Right: side));
        properties.ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 1U, Color = "000000" });
        properties.ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "2" }, new FontSizeComplexScript { Val = "2" });
        return new Paragraph(properties);
    }

    /// <summary>A borderless fixed-layout table of the given column widths (twips), as the header and signature blocks are.</summary>
    public static Table LayoutTable(int indent, params int[] widths)
    {
        var table = new Table();
        var properties = new TableProperties
        {
            TableWidth = new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            TableIndentation = new TableIndentation { Width = indent, Type = TableWidthUnitValues.Dxa },
            TableBorders = new TableBorders(
                new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }),
            TableLook = new TableLook { Val = "0000" },
        };
        table.Append(properties, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        return table;
    }

    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, TableVerticalAlignmentValues? valign = null)
    {
        var properties = new TableCellProperties { TableCellWidth = new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa } };
        if (valign is { } v) properties.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = v };
        var cell = new TableCell(properties);
        cell.Append(content);
        // A cell must end with a paragraph.
        if (cell.LastChild is not W.Paragraph) cell.Append(new W.Paragraph());
        return cell;
    }

    /// <summary>A PAGE field in a run of the given look.</summary>
    public static IEnumerable<Run> PageField(TextLook look) =>
    [
        new Run(RunProperties(look), new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(RunProperties(look), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(RunProperties(look), new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(RunProperties(look), new W.Text("2")),
        new Run(RunProperties(look), new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    /// <summary>An inline picture of the given size in EMUs, with its alternative text.</summary>
    public static Run Picture(string relationshipId, uint id, long cx, long cy, string description) =>
        new(new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = $"Biểu đồ {id}", Description = description },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new Pic.Picture(
                        new Pic.NonVisualPictureProperties(
                            new Pic.NonVisualDrawingProperties { Id = 0U, Name = $"chart{id}.png", Description = description },
                            new Pic.NonVisualPictureDrawingProperties()),
                        new Pic.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                        new Pic.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
            }));

    public static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString();

    static string Twentieths(double points) => ((int)Math.Round(points * 20)).ToString();
}
