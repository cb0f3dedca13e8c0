using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>Writes an <see cref="OfficialDocument"/> as a .docx.</summary>
public static class OfficialDocx
{
    public static byte[] Write(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var body = new Body();
            body.Append(Line(document.IssuingBody), Line(document.TypeName), Line(document.Title));
            if (document.LeadIn is { } leadIn) body.Append(Line(leadIn));
            foreach (var section in document.Sections) AppendSection(body, section);
            if (document.Closing is { } closing) body.Append(Line(closing));
            foreach (var line in document.Signer.Capacity) body.Append(Line(line));
            body.Append(Line(document.Signer.Name));
            foreach (var annex in document.Annexes)
            {
                body.Append(Line($"Phụ lục {annex.Number}"), Line(annex.Title));
                body.Append(Table(annex.Table));
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    static void AppendSection(Body body, DocumentSection section)
    {
        body.Append(Line($"{section.Number} {section.Title}"));
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case DocumentParagraph p: body.Append(Line(p.Text)); break;
                case DocumentTableBlock t: body.Append(Line(t.Table.Title), Table(t.Table)); break;
                case DocumentChartBlock c: body.Append(Line(c.Chart.Title)); break;
            }
        }
        foreach (var child in section.Children) AppendSection(body, child);
    }

    static Paragraph Line(string text) => new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    static Table Table(DocumentTable table)
    {
        var result = new Table();
        result.Append(new TableRow(table.Columns.Select(c => new TableCell(Line(c.Header)))));
        foreach (var row in table.Rows)
            result.Append(new TableRow(row.Cells.Select(c => new TableCell(Line(c.Text)))));
        return result;
    }
}
