using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Oversight;

public sealed record SurveyImportResult(int Responses, int Answers, IReadOnlyList<ImportProblem> Problems, bool NotFound = false, string? Forbidden = null)
{
    public bool Succeeded => !NotFound && Forbidden is null && Problems.Count == 0;
}

/// <summary>
/// Imports a round's responses from .xlsx: one row per respondent, a "Ngày trả lời" column and one column per item code
/// of the form (the template's headers). An empty cell is an item the respondent left blank; an empty row is skipped.
/// All rows are written, or none and every problem is reported with its row and column.
/// </summary>
public sealed class SurveyImport(SurveyService service, SheetLimits? limits = null)
{
    public const int MaxRows = 20_000;

    public const string DateHeader = "Ngày trả lời";

    /// <summary>The template of a form: the date and item code headers, and a sheet listing each item and the scale.</summary>
    public static byte[] Template(SurveyInstrumentView form)
    {
        var headers = form.Items.Select(i => i.Code).Prepend(DateHeader).ToList();
        var empty = new List<Dictionary<string, object?>> { headers.ToDictionary(h => h, _ => (object?)null) };
        var questions = form.Items.Select(i => new Dictionary<string, object?>
        {
            ["Mã câu hỏi"] = i.Code,
            ["Phần"] = $"{i.SectionCode}. {i.SectionName}",
            ["Nội dung"] = i.Text,
        }).ToList();
        var scale = form.Scale.Points.Select(p => new Dictionary<string, object?>
        {
            ["Giá trị"] = p.Value,
            ["Ý nghĩa"] = p.Label + (p.NoOpinion ? " (không tính vào điểm trung bình và tỷ lệ)" : ""),
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Phiếu trả lời"] = empty,
            ["Câu hỏi"] = questions,
            ["Thang đo"] = scale,
        };
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. headers.Select(h => new DynamicExcelColumn(h) { Width = h == DateHeader ? 16 : 8 }),
                new DynamicExcelColumn("Nội dung") { Width = 90 }, new DynamicExcelColumn("Phần") { Width = 40 }, new DynamicExcelColumn("Ý nghĩa") { Width = 50 }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: configuration);
        // The example row of empty cells is what MiniExcel needs to write the headers; it reads back as an empty row.
        return stream.ToArray();
    }

    public async Task<SurveyImportResult> ImportAsync(int roundId, Stream file, CancellationToken ct = default)
    {
        if (await service.FormOfRoundAsync(roundId, ct) is not { } form)
        {
            return new(0, 0, [], NotFound: true);
        }

        if (!form.MayRecord)
        {
            return new(0, 0, [], Forbidden: SurveyService.NotYours);
        }

        var (_, unreadable) = SheetReader.Read(file, MaxRows, limits);
        if (unreadable is not null)
        {
            return new(0, 0, [unreadable]);
        }

        // Read by letter, so that each problem names the column the user sees; the first row holds the headers.
        List<IDictionary<string, object?>> rows;
        try
        {
            file.Position = 0;
            rows = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return new(0, 0, [new(1, "A", "", "Không đọc được tệp: hãy dùng tệp .xlsx theo mẫu.")]);
        }

        var problems = new List<ImportProblem>();
        var header = rows.FirstOrDefault() ?? new Dictionary<string, object?>();
        var columns = new List<(string Letter, string Header, SurveyItem? Item)>();
        string? dateLetter = null;
        foreach (var (letter, value) in header)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
            if (text.Length == 0)
            {
                continue;
            }

            if (string.Equals(text, DateHeader, StringComparison.OrdinalIgnoreCase))
            {
                dateLetter = letter;
            }
            else if (form.Items.TryGetValue(text, out var item))
            {
                columns.Add((letter, text, item));
            }
            else
            {
                problems.Add(new(1, letter, text, $"\"{text}\" không phải mã câu hỏi của mẫu phiếu; tiêu đề cột là mã câu hỏi như trong tệp mẫu."));
            }
        }

        if (columns.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(1, "A", "", "Không có cột câu hỏi nào: dòng đầu ghi mã câu hỏi như trong tệp mẫu."));
        }

        var responses = new List<(DateOnly? RespondedOn, IReadOnlyList<(int ItemId, int Value)> Answers)>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var excelRow = r + 1;
            var answers = new List<(int ItemId, int Value)>();
            foreach (var (letter, code, item) in columns)
            {
                var cell = row.TryGetValue(letter, out var v) ? v : null;
                if (cell is null || (cell is string s && s.Trim().Length == 0))
                {
                    continue;
                }

                if (Integer(cell) is not { } value)
                {
                    problems.Add(new(excelRow, letter, code, $"\"{cell}\" không phải số nguyên; ghi một giá trị của thang đo."));
                }
                else if (!SurveyRules.IsValid(form.Scale, value))
                {
                    problems.Add(new(excelRow, letter, code, $"Giá trị {value} không thuộc thang đo của mẫu phiếu ({string.Join(", ", form.Scale.Points.Select(p => p.Value))})."));
                }
                else
                {
                    answers.Add((item!.Id, value));
                }
            }

            DateOnly? on = null;
            if (dateLetter is not null && row.TryGetValue(dateLetter, out var dateCell) && dateCell is not null && !(dateCell is string ds && ds.Trim().Length == 0))
            {
                on = Date(dateCell);
                if (on is null)
                {
                    problems.Add(new(excelRow, dateLetter, DateHeader, "Ngày phải có dạng dd/MM/yyyy và là ngày có thật."));
                }
                else if (!InputLimits.IsPlausible(on.Value))
                {
                    problems.Add(new(excelRow, dateLetter, DateHeader, InputLimits.DateMessage));
                }
            }

            if (answers.Count > 0)
            {
                responses.Add((on, answers));
            }
        }

        if (problems.Count == 0 && responses.Count == 0)
        {
            problems.Add(new(2, "A", "", "Tệp không có phiếu trả lời nào."));
        }

        if (problems.Count > 0)
        {
            return new(0, 0, problems);
        }

        var written = await service.SaveAsync(roundId, responses, ct);
        return new(responses.Count, written, []);
    }

    private static int? Integer(object cell) => cell switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        decimal m when m == decimal.Floor(m) && m is >= int.MinValue and <= int.MaxValue => (int)m,
        string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static DateOnly? Date(object cell) => cell switch
    {
        DateTime d => DateOnly.FromDateTime(d),
        string s when DateOnly.TryParseExact(s.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };
}
