using MiniExcelLibs;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>Writes the annex tables of an <see cref="OfficialDocument"/> as a workbook, one sheet per annex.</summary>
public static class AnnexWorkbook
{
    public static byte[] Write(OfficialDocument document)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var annex in document.Annexes)
        {
            var rows = annex.Table.Rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>();
                for (var i = 0; i < annex.Table.Columns.Count && i < row.Cells.Count; i++)
                    cells[annex.Table.Columns[i].Header] = row.Cells[i].Value is { } v ? v : row.Cells[i].Text;
                return cells;
            }).ToList();
            sheets[$"Phụ lục {annex.Number}"] = rows;
        }
        if (sheets.Count == 0) sheets["Phụ lục"] = new List<Dictionary<string, object?>>();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
