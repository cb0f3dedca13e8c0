using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace SuNghiep.Web.Pages.Shared;

/// <summary>
/// A list page as .xlsx (<c>?format=xlsx</c>) or as a print view (<c>?print=1</c>): every row that the filters select, not
/// one page, up to <see cref="MaxRows"/> so that one request cannot hold the server.
/// </summary>
public static class ListExport
{
    /// <summary>The most rows one export or print view reads unless "Exports:MaxRows" says otherwise; a list beyond it is refused with a message.</summary>
    public const int DefaultMaxRows = 20_000;

    public static int MaxRows(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>().GetValue("Exports:MaxRows", DefaultMaxRows);

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public enum Kind { Text, Number, Date, DateTime }

    public sealed record Column(string Header, Kind Kind = Kind.Text);

    public static bool WantsXlsx(HttpRequest request) =>
        string.Equals(request.Query["format"], "xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool WantsPrint(HttpRequest request) => request.Query["print"] == "1";

    /// <summary>True when the page must read every row: an export or a print view.</summary>
    public static bool WantsAll(HttpRequest request) => WantsXlsx(request) || WantsPrint(request);

    /// <summary>The page's own address with the same filters and one switch changed (format=xlsx, print=1), without the page number.</summary>
    public static string Url(HttpRequest request, string key, string value)
    {
        var query = request.Query.Where(q => q.Key is not ("page" or "format" or "print") && !string.IsNullOrEmpty(q.Value))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query[key] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.Path, query);
    }

    public static string XlsxUrl(HttpRequest request) => Url(request, "format", "xlsx");

    public static string PrintUrl(HttpRequest request) => Url(request, "print", "1");

    public static string TooManyMessage(int total, int cap) =>
        $"Danh sách có {total.ToString("N0", Display.Vi)} dòng, vượt quá {cap.ToString("N0", Display.Vi)} dòng của một lần xuất hoặc in. "
        + "Hãy thu hẹp điều kiện lọc (theo địa bàn, cơ quan, lĩnh vực hoặc thời gian) rồi thử lại.";

    /// <summary>The answer to an export or print of a list over the cap: 400 with the message, in a page of its own.</summary>
    public static IActionResult TooMany(int total, int cap) => new ContentResult
    {
        StatusCode = StatusCodes.Status400BadRequest,
        ContentType = "text/html; charset=utf-8",
        Content = $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Danh sách quá lớn</title></head><body>"
            + $"<p role=\"alert\">{System.Net.WebUtility.HtmlEncode(TooManyMessage(total, cap))}</p><p><a href=\"javascript:history.back()\">Quay lại</a></p></body></html>",
    };

    /// <summary>One sheet of a workbook: its name, its columns, its rows.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<Column> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

    /// <summary>One sheet with Vietnamese headers; dates as real dates shown dd/mm/yyyy, numbers as numbers.</summary>
    public static byte[] Xlsx(string sheet, IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<object?>> rows) =>
        Xlsx(new Sheet(sheet, columns, rows));

    /// <summary>Several sheets; a header means the same kind of value on every sheet that has it.</summary>
    public static byte[] Xlsx(params Sheet[] sheets)
    {
        var data = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            var rows = sheet.Rows.Select(r =>
            {
                var row = new Dictionary<string, object?>(sheet.Columns.Count);
                for (var i = 0; i < sheet.Columns.Count; i++)
                {
                    row[sheet.Columns[i].Header] = Cell(i < r.Count ? r[i] : null);
                }

                return row;
            }).ToList();
            if (rows.Count == 0)
            {
                // An empty sheet still carries its headers.
                rows.Add(sheet.Columns.ToDictionary(c => c.Header, _ => (object?)null));
            }

            data[sheet.Name] = rows;
        }

        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = sheets.SelectMany(s => s.Columns).DistinctBy(c => c.Header).Select(c => new DynamicExcelColumn(c.Header)
            {
                Format = c.Kind switch { Kind.Date => "dd/mm/yyyy", Kind.DateTime => "dd/mm/yyyy hh:mm:ss", _ => null },
                Width = c.Kind is Kind.Date ? 12 : c.Kind is Kind.DateTime ? 19 : c.Kind is Kind.Number ? 14 : 30,
            }).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(data, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>
    /// What replaces a list page once its handler has read every row: the cap's message, or the workbook (made only then);
    /// null keeps the page (the print view, or the page itself).
    /// </summary>
    public static async Task<IActionResult?> ReplacementAsync(HttpRequest request, int total, Func<Task<byte[]>> workbook, string stem, DateOnly day)
    {
        if (!WantsAll(request))
        {
            return null;
        }

        var cap = MaxRows(request);
        if (total > cap)
        {
            return TooMany(total, cap);
        }

        return WantsXlsx(request) ? File(await workbook(), FileName(stem, day)) : null;
    }

    public static FileContentResult File(byte[] content, string name) => new(content, XlsxType) { FileDownloadName = name };

    /// <summary>A file name with the day it was made: "don-vi-2026-12-07.xlsx".</summary>
    public static string FileName(string stem, DateOnly day) => $"{stem}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";

    private static object? Cell(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime t => t,
        string s => s,
        null => null,
        _ => value,
    };
}
