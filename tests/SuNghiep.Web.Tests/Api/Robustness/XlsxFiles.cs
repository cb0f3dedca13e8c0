using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace SuNghiep.Web.Tests.Api.Robustness;

/// <summary>Damaged and malicious .xlsx files, built from a good one by rewriting its parts.</summary>
internal static class XlsxFiles
{
    private const string Sheet = "xl/worksheets/sheet1.xml";

    /// <summary>A small good workbook: a header row and one data row, its text in the shared strings.</summary>
    public static byte[] Good()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object?> { ["Mã đơn vị"] = "X1", ["Năm"] = "2024" } });
        return stream.ToArray();
    }

    /// <summary>A sheet whose cells point into the shared-strings table (t="s"), in a package that has no such table.</summary>
    public static byte[] WithoutSharedStrings() => Rewrite(Good(), drop: "xl/sharedStrings.xml", replace: Sheet, content: s =>
    {
        using var w = new StreamWriter(s, new UTF8Encoding(false));
        w.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>2024</v></c></row></sheetData></worksheet>""");
    });

    /// <summary>The first sheet holding one inline-string cell of the given length, written in chunks and deflated.</summary>
    public static byte[] OneHugeCell(long characters) => Rewrite(Good(), replace: Sheet, content: s => WriteSheet(s, characters));

    /// <summary>
    /// The huge-cell file with its declared sizes rewritten to a few bytes, in the local header and the central
    /// directory: a reader that trusts the directory is fooled.
    /// </summary>
    public static byte[] Lying(long characters)
    {
        var bytes = OneHugeCell(characters);
        var name = Encoding.ASCII.GetBytes(Sheet);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var local = bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04;
            var central = bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02;
            var (sizeAt, nameAt) = local ? (22, 30) : central ? (24, 46) : (0, 0);
            if (sizeAt > 0 && bytes.AsSpan(i + nameAt).StartsWith(name))
            {
                BitConverter.GetBytes(1000u).CopyTo(bytes, i + sizeAt);
            }
        }

        return bytes;
    }

    private static void WriteSheet(Stream s, long characters)
    {
        using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 16);
        w.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>""");
        var chunk = new string('A', 1 << 16);
        for (var left = characters; left > 0; left -= chunk.Length)
        {
            w.Write(left >= chunk.Length ? chunk : chunk[..(int)left]);
        }

        w.Write("</t></is></c></row></sheetData></worksheet>");
    }

    /// <summary>Copies a package, leaving out one part or writing new content for one.</summary>
    private static byte[] Rewrite(byte[] source, string? drop = null, string? replace = null, Action<Stream>? content = null)
    {
        using var output = new MemoryStream();
        using (var from = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read))
        using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in from.Entries.Where(e => e.FullName != drop))
            {
                using var target = to.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                if (entry.FullName == replace)
                {
                    content!(target);
                }
                else
                {
                    using var part = entry.Open();
                    part.CopyTo(target);
                }
            }
        }

        return output.ToArray();
    }
}
