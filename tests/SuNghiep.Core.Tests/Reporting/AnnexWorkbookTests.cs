using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Core.Tests.Reporting;

/// <summary>The annex workbook as Open XML: a sheet per annex, figures as numbers with their formats, the header frozen.</summary>
public sealed class AnnexWorkbookTests
{
    static SpreadsheetDocument Open(OfficialDocument document) =>
        SpreadsheetDocument.Open(new MemoryStream(AnnexWorkbook.Write(document)), false);

    static Worksheet SheetNamed(SpreadsheetDocument xlsx, string name)
    {
        var sheet = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)xlsx.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    static Row RowWith(Worksheet sheet, string text) =>
        sheet.Descendants<Row>().Single(r => r.Elements<Cell>().Any(c => c.InnerText == text));

    [Fact]
    public void Write_Workbook_IsValidOpenXmlWithASheetPerAnnex()
    {
        using var xlsx = Open(SampleDocuments.State(annexes: 3));
        Assert.Empty(new OpenXmlValidator().Validate(xlsx).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Equal(["Phụ lục I", "Phụ lục II", "Phụ lục III"], xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
    }

    [Fact]
    public void Write_Sheet_TitleReferenceUnitHeaderAndNumberRow()
    {
        using var xlsx = Open(SampleDocuments.State());
        var sheet = SheetNamed(xlsx, "Phụ lục I");
        var firstCells = sheet.Descendants<Row>().Take(4).Select(r => r.Elements<Cell>().First().InnerText).ToList();
        Assert.Equal(["Phụ lục I", "SỐ LƯỢNG ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", "(Kèm theo Báo cáo số 05/BC-SNV ngày 05/01/2026 của Sở Nội vụ)", "Đơn vị tính: đơn vị"], firstCells);
        Assert.Equal(["A", "B", "1", "2", "3=(2-1)", "4"], RowWith(sheet, "3=(2-1)").Elements<Cell>().Select(c => c.InnerText));
        Assert.Contains(sheet.Descendants<MergeCell>(), m => m.Reference == "A2:F2");
    }

    [Fact]
    public void Write_Figures_NumbersWithVietnameseFormatsAndBoldTotal()
    {
        using var xlsx = Open(SampleDocuments.State());
        var sheet = SheetNamed(xlsx, "Phụ lục I");
        var styles = xlsx.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        string FormatOf(Cell cell)
        {
            var id = formats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value;
            return styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!;
        }
        bool Bold(Cell cell) => styles.Fonts!.Elements<Font>().ElementAt((int)formats[(int)cell.StyleIndex!.Value].FontId!.Value).Bold is not null;

        var total = RowWith(sheet, "Tổng số").Elements<Cell>().ToList();
        Assert.Equal(["1160", "1044", "-116", "-10"], total.Skip(2).Select(c => decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(total.Skip(2), c => Assert.Equal(CellValues.Number, c.DataType!.Value));
        Assert.Equal("#,##0", FormatOf(total[2]));
        Assert.Equal("#,##0.00", FormatOf(total[5]));
        Assert.All(total.Skip(1), c => Assert.True(Bold(c)));
        Assert.False(Bold(RowWith(sheet, "Lĩnh vực 1").Elements<Cell>().ElementAt(2)));
    }

    [Fact]
    public void Write_Sheet_HeaderFrozenColumnsSizedWideAnnexLandscape()
    {
        using var xlsx = Open(SampleDocuments.State());
        var sheet = SheetNamed(xlsx, "Phụ lục I");
        var numberRow = RowWith(sheet, "3=(2-1)").RowIndex!.Value;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, (double)numberRow, $"A{numberRow + 1}"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value!));
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(6, widths.Count);
        Assert.True(widths[1] > widths[2] && widths[2] > widths[0]);
        Assert.Equal(OrientationValues.Portrait, sheet.Descendants<PageSetup>().Single().Orientation!.Value);
        Assert.Equal(OrientationValues.Landscape, SheetNamed(xlsx, "Phụ lục II").Descendants<PageSetup>().Single().Orientation!.Value);
        Assert.Contains(xlsx.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>(), d => d.Name == "_xlnm.Print_Titles" && d.Text == $"'Phụ lục I'!${numberRow - 1}:${numberRow}");
    }

    [Fact]
    public void Write_NoAnnex_OneEmptySheet()
    {
        using var xlsx = Open(SampleDocuments.State(annexes: 0));
        Assert.Equal(["Phụ lục"], xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        Assert.Empty(new OpenXmlValidator().Validate(xlsx));
    }
}
