using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using SuNghiep.Core.Data;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Plans;

/// <summary>What a "Thời hạn" cell says: a deadline, a recurrence, neither (empty or ongoing), or why it cannot be read.</summary>
public sealed record DeadlineCell(DateOnly? Deadline, RecurrenceInput? Recurrence, string? Error);

/// <summary>The outcome of a task import: the ids of the tasks added, or the problems and nothing added.</summary>
public sealed record TaskImportResult(IReadOnlyList<int> TaskIds, IReadOnlyList<ImportProblem> Problems, bool NotFound = false, string? Forbidden = null)
{
    public bool Succeeded => !NotFound && Forbidden is null && Problems.Count == 0;
}

/// <summary>
/// Imports a task assignment table (biểu phân công nhiệm vụ) from .xlsx into a document. Columns are found by their
/// header, compared without accents, case, spacing or punctuation, so a table typed by hand also reads. Every row goes
/// through <see cref="PlanService.AddTaskAsync"/> in one transaction: all rows are added, or none and every problem is
/// reported with its row and column.
/// </summary>
public sealed partial class TaskImport(SuNghiepDbContext db, PlanService service, TimeProvider time, SheetLimits? limits = null)
{
    public const int MaxRows = 5000;

    /// <summary>The template's example row carries this in its STT cell and is never imported.</summary>
    public const string ExampleMark = "Ví dụ";

    /// <summary>A column of the template: its letter there, the service's field, its header and the other headers accepted.</summary>
    public sealed record Column(string Letter, string Field, string Header, bool Required, string[] Aliases, int Width, string Help);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("A", "stt", "STT", false, ["Số thứ tự", "TT"], 8,
            "Không bắt buộc, không được ghi. Dòng ghi \"Ví dụ\" ở cột này được bỏ qua."),
        new("B", "section", "Mục", false, ["Phần", "Phần, mục"], 10,
            "Không bắt buộc: mục của văn bản mà nhiệm vụ thuộc về, ví dụ II.1."),
        new("C", "content", "Nội dung nhiệm vụ", true, ["Nội dung", "Nhiệm vụ", "Tên nhiệm vụ"], 60,
            "Bắt buộc."),
        new("D", "leadAgencyId", "Cơ quan chủ trì", true, ["Đơn vị chủ trì", "Chủ trì", "Cơ quan, đơn vị chủ trì"], 34,
            "Bắt buộc, một cơ quan: tên đầy đủ như trong sổ đăng ký, mã cơ quan (ví dụ 92.SNV) hoặc id."),
        new("E", "coordinatingAgencyIds", "Cơ quan phối hợp", false, ["Đơn vị phối hợp", "Phối hợp", "Cơ quan, đơn vị phối hợp"], 40,
            "Không bắt buộc; nhiều cơ quan cách nhau bằng dấu chấm phẩy (;) hoặc xuống dòng, mỗi cơ quan ghi như cột chủ trì."),
        new("F", "deadline", "Thời hạn hoàn thành", false, ["Thời hạn", "Thời gian hoàn thành"], 26,
            "Ngày dd/MM/yyyy; hoặc Năm 2026, Quý II/2026, Tháng 6/2026 (ngày cuối kỳ); hoặc chu kỳ: Hằng năm, trước ngày 15/12; Hằng quý; Hằng tháng, trước ngày 25; 6 tháng một lần; để trống hoặc Thường xuyên nếu không có hạn."),
        new("G", "expectedOutput", "Sản phẩm", false, ["Sản phẩm đầu ra", "Kết quả, sản phẩm", "Hình thức sản phẩm"], 30,
            "Không bắt buộc, ví dụ Báo cáo, Quyết định, Đề án."),
        new("H", "parentTaskId", "Nhiệm vụ cấp trên", false, ["Mã nhiệm vụ cấp trên", "Id nhiệm vụ cấp trên"], 14,
            "Không bắt buộc: id của nhiệm vụ của văn bản cấp trên mà nhiệm vụ này thực hiện (số ở địa chỉ /tasks/...)."),
    ];

    /// <summary>The template: the headers and one example row on the first sheet, and a sheet that explains each column.</summary>
    public static byte[] Template()
    {
        var example = new Dictionary<string, object?>
        {
            ["STT"] = ExampleMark,
            ["Mục"] = "II.1",
            ["Nội dung nhiệm vụ"] = "Rà soát, sắp xếp các đơn vị sự nghiệp công lập thuộc phạm vi quản lý",
            ["Cơ quan chủ trì"] = "Sở Nội vụ thành phố Cần Thơ",
            ["Cơ quan phối hợp"] = "Sở Tài chính thành phố Cần Thơ; Sở Y tế thành phố Cần Thơ",
            ["Thời hạn hoàn thành"] = "Hằng năm, trước ngày 15/12",
            ["Sản phẩm"] = "Báo cáo Ủy ban nhân dân thành phố",
            ["Nhiệm vụ cấp trên"] = null,
        };
        var help = Columns.Select(c => new Dictionary<string, object?>
        {
            ["Cột"] = c.Letter,
            ["Tiêu đề"] = c.Header,
            ["Cách nhập"] = c.Help,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Biểu phân công"] = new List<Dictionary<string, object?>> { example },
            ["Hướng dẫn"] = help,
        };
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. Columns.Select(c => new DynamicExcelColumn(c.Header) { Width = c.Width }),
                new DynamicExcelColumn("Cột") { Width = 6 }, new DynamicExcelColumn("Tiêu đề") { Width = 24 }, new DynamicExcelColumn("Cách nhập") { Width = 100 }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>The template column each header of a file stands for (by field), with the header as the file writes it.</summary>
    public static IReadOnlyDictionary<string, string> MatchHeaders(IEnumerable<string?> headers)
    {
        var matched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers.OfType<string>())
        {
            var key = HeaderKey(header);
            var column = Columns.FirstOrDefault(c => c.Aliases.Prepend(c.Header).Any(a => HeaderKey(a) == key));
            if (column is not null && key.Length > 0)
            {
                matched.TryAdd(column.Field, header);
            }
        }

        return matched;
    }

    /// <summary>A header without accents, case, spaces or punctuation: "Cơ quan, đơn vị chủ trì (*)" is "coquandonvichutri".</summary>
    private static string HeaderKey(string header) =>
        new(VietnameseText.Fold(header).Where(char.IsLetterOrDigit).ToArray());

    public async Task<TaskImportResult> ImportAsync(int documentId, Stream file, CancellationToken ct = default)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == documentId, ct))
        {
            return new([], [], NotFound: true);
        }

        if (!await service.MayWriteDocumentAsync(documentId, ct))
        {
            return new([], [], Forbidden: PlanService.DocumentOwned);
        }

        var (rows, unreadable) = SheetReader.Read(file, MaxRows, limits);
        if (unreadable is not null)
        {
            return Failed([unreadable]);
        }

        // The letters are those of the file, where the user will look: its header row read by position.
        Dictionary<string, string> letters;
        try
        {
            file.Position = 0;
            var first = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().FirstOrDefault();
            letters = (first ?? new Dictionary<string, object?>())
                .Where(kv => kv.Value is not null && kv.Value.ToString()!.Trim().Length > 0)
                .GroupBy(kv => kv.Value!.ToString()!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return Failed([new(1, "A", "", "Không đọc được tệp: hãy dùng tệp .xlsx theo mẫu.")]);
        }

        if (letters.Count == 0)
        {
            return Failed([new(1, "A", "", "Trang tính đầu tiên trống: dòng 1 phải là tiêu đề các cột như tệp mẫu.")]);
        }

        var headers = MatchHeaders(letters.Keys);
        var missing = Columns.Where(c => c.Required && !headers.ContainsKey(c.Field)).ToList();
        if (missing.Count > 0)
        {
            return Failed(missing.Select(c => new ImportProblem(1, c.Letter, c.Header, $"Thiếu cột \"{c.Header}\"; hãy dùng tệp mẫu.")).ToList());
        }

        Column Of(string field) => Columns.First(c => c.Field == field);
        (string Letter, string Header) Place(Column c) =>
            headers.TryGetValue(c.Field, out var header) && letters.TryGetValue(header, out var letter) ? (letter, header) : (c.Letter, c.Header);
        object? Cell(IDictionary<string, object?> row, string field) =>
            headers.TryGetValue(field, out var header) && row.TryGetValue(header, out var value) && !(value is string s && s.Trim().Length == 0)
                ? value : null;

        var agencies = await AgenciesAsync(rows.SelectMany(r => AgencyNames(Text(Cell(r, "leadAgencyId"))).Concat(AgencyNames(Text(Cell(r, "coordinatingAgencyIds"))))), ct);

        var problems = new List<ImportProblem>();
        var pending = new List<(int Row, TaskInput Input)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var excelRow = i + 2;
            if (Columns.All(c => Cell(row, c.Field) is null) || VietnameseText.Fold(Text(Cell(row, "stt"))) == VietnameseText.Fold(ExampleMark))
            {
                continue;
            }

            void Problem(string field, string message)
            {
                var (letter, header) = Place(Of(field));
                problems.Add(new(excelRow, letter, header, message));
            }

            int? lead = null;
            switch (AgencyNames(Text(Cell(row, "leadAgencyId"))))
            {
                case []:
                    Problem("leadAgencyId", "Vui lòng nhập cơ quan chủ trì: tên đầy đủ, mã hoặc id của cơ quan.");
                    break;
                case [var name]:
                    lead = Resolve(agencies, name, message => Problem("leadAgencyId", message));
                    break;
                default:
                    Problem("leadAgencyId", "Mỗi nhiệm vụ có một cơ quan chủ trì; ghi các cơ quan khác ở cột phối hợp.");
                    break;
            }

            var coordinators = new List<int>();
            foreach (var name in AgencyNames(Text(Cell(row, "coordinatingAgencyIds"))))
            {
                if (Resolve(agencies, name, message => Problem("coordinatingAgencyIds", message)) is { } id)
                {
                    coordinators.Add(id);
                }
            }

            var deadline = ParseDeadline(Cell(row, "deadline"));
            if (deadline.Error is { } deadlineError)
            {
                Problem("deadline", deadlineError);
            }

            int? parent = null;
            if (Text(Cell(row, "parentTaskId")) is { } parentText)
            {
                if (int.TryParse(parentText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parentId))
                {
                    parent = parentId;
                }
                else
                {
                    Problem("parentTaskId", $"\"{parentText}\" không phải id nhiệm vụ: nhập số id của nhiệm vụ cấp trên, hoặc để trống.");
                }
            }

            pending.Add((excelRow, new TaskInput(Text(Cell(row, "content")), Text(Cell(row, "section")), lead, coordinators,
                deadline.Deadline, deadline.Recurrence, Text(Cell(row, "expectedOutput")), null, parent, null)));
        }

        if (problems.Count == 0 && pending.Count == 0)
        {
            var (letter, header) = Place(Of("content"));
            return Failed([new(2, letter, header, "Tệp không có dòng dữ liệu nào (dòng ví dụ của tệp mẫu không được nhập).")]);
        }

        // Rows that could not be read still go through the service, so that one pass reports every problem; a cell
        // already reported is not reported twice.
        var ids = new List<int>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (excelRow, input) in pending)
        {
            var result = await service.AddTaskAsync(documentId, input, ct);
            if (result.Value is { } task)
            {
                ids.Add(task.Id);
            }

            foreach (var error in result.Errors)
            {
                var field = error.Field.StartsWith("recurrence", StringComparison.Ordinal) ? "deadline" : error.Field;
                var (letter, header) = Place(Columns.FirstOrDefault(c => c.Field == field) ?? Of("content"));
                if (!problems.Any(p => p.Row == excelRow && p.Column == letter))
                {
                    problems.Add(new(excelRow, letter, header, error.Message));
                }
            }

            // The tasks are saved; forgetting them keeps each save as cheap as the first on a long file.
            db.ChangeTracker.Clear();
        }

        if (problems.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Failed(problems);
        }

        await tx.CommitAsync(ct);
        return new(ids, []);
    }

    private static TaskImportResult Failed(List<ImportProblem> problems) =>
        new([], problems.DistinctBy(p => (p.Row, p.Column, p.Message))
            .OrderBy(p => p.Row).ThenBy(p => p.Column.Length).ThenBy(p => p.Column, StringComparer.Ordinal).ToList());

    private sealed record AgencyRef(int Id, string Code, string Name, DateOnly? ValidTo);

    private sealed record Agencies(Dictionary<int, AgencyRef> ById, Dictionary<string, AgencyRef> ByCode, ILookup<string, AgencyRef> ByName);

    /// <summary>
    /// The agencies a file names, in three queries: by id, by code, and by exact name (compared folded). Agencies are
    /// public, so all are found; the service then refuses a lead agency outside the caller's scope.
    /// </summary>
    private async Task<Agencies> AgenciesAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var numbers = distinct.Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        var byId = await db.Agencies.AsNoTracking().Where(a => numbers.Contains(a.Id))
            .Select(a => new AgencyRef(a.Id, a.Code, a.Name, a.ValidTo)).ToDictionaryAsync(a => a.Id, ct);
        var byCode = await db.Agencies.AsNoTracking().Where(a => distinct.Contains(a.Code))
            .Select(a => new AgencyRef(a.Id, a.Code, a.Name, a.ValidTo)).ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
        var folded = distinct.Where(n => !byCode.ContainsKey(n)).Select(VietnameseText.Fold).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var candidates = new List<AgencyRef>();
        foreach (var name in folded)
        {
            // SearchText starts with the folded name; the exact name is then compared here.
            candidates.AddRange((await db.Agencies.AsNoTracking().Where(a => a.SearchText.StartsWith(name))
                    .Select(a => new AgencyRef(a.Id, a.Code, a.Name, a.ValidTo)).ToListAsync(ct))
                .Where(a => VietnameseText.Fold(a.Name) == name));
        }

        return new(byId, byCode, candidates.DistinctBy(a => a.Id).ToLookup(a => VietnameseText.Fold(a.Name), StringComparer.Ordinal));
    }

    /// <summary>An agency named by id, code or exact name; among namesakes one still in existence wins, else it is ambiguous.</summary>
    private int? Resolve(Agencies agencies, string name, Action<string> problem)
    {
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && agencies.ById.ContainsKey(id))
        {
            return id;
        }

        if (agencies.ByCode.TryGetValue(name, out var byCode))
        {
            return byCode.Id;
        }

        var today = VietnamTime.Today(time);
        var namesakes = agencies.ByName[VietnameseText.Fold(name)].ToList();
        var current = namesakes.Where(a => a.ValidTo is null || a.ValidTo >= today).ToList();
        var pick = current.Count > 0 ? current : namesakes;
        switch (pick.Count)
        {
            case 1:
                return pick[0].Id;
            case 0:
                problem(id > 0
                    ? $"Không có cơ quan id {id}."
                    : $"Không có cơ quan nào tên \"{name}\": ghi đúng tên đầy đủ như trong sổ đăng ký, hoặc mã cơ quan.");
                return null;
            default:
                problem($"Có {pick.Count} cơ quan tên \"{name}\": {string.Join("; ", pick.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => $"{a.Name} (mã {a.Code})"))}. Hãy ghi mã cơ quan.");
                return null;
        }
    }

    /// <summary>The agencies of a cell: one per line or between semicolons (names themselves contain commas).</summary>
    private static List<string> AgencyNames(string? cell) =>
        (cell ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string? Text(object? value) => SheetReader.Text(value);

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy"];

    private const string NotUnderstood =
        "nhập ngày dạng dd/MM/yyyy (ví dụ 31/12/2026), Năm 2026, Quý II/2026, Tháng 6/2026, hoặc chu kỳ như \"Hằng năm, trước ngày 15/12\", \"Hằng quý\", \"Hằng tháng\", \"6 tháng một lần\"; để trống nếu không có thời hạn.";

    /// <summary>
    /// Reads a deadline cell: a date (an Excel date or dd/MM/yyyy), the end of a year, quarter or month ("Năm 2026",
    /// "Quý II/2026", "Tháng 6/2026"), a recurrence in words ("Hằng năm, trước ngày 15/12", "Hằng quý", "Hằng tháng,
    /// trước ngày 25", "6 tháng") whose due day defaults to the end of the period, or nothing ("", "Thường xuyên").
    /// </summary>
    public static DeadlineCell ParseDeadline(object? value)
    {
        // A bare number of four digits is a year typed into a number cell, not a date serial of 1905.
        if (value is double n && n == Math.Floor(n) && n is >= 1900 and <= 2200)
        {
            return EndOf((int)n, 12);
        }

        if (SheetReader.ExcelDate(value) is { } excel)
        {
            return new(excel, null, null);
        }

        var text = Text(value);
        if (text is null)
        {
            return new(null, null, null);
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && InputLimits.IsPlausible(date))
        {
            return new(date, null, null);
        }

        var f = VietnameseText.Fold(text).Trim(' ', '.', ',', ';');
        if (f is "thuong xuyen" or "lien tuc" or "hang ngay" or "thuong xuyen, lien tuc")
        {
            return new(null, null, null);
        }

        if (HalfOfYear().Match(f) is { Success: true } half)
        {
            return EndOf(Number(half.Groups["year"].Value), half.Groups["which"].Value == "dau" ? 6 : 12);
        }

        if (Recurring().Match(f) is { Success: true } recurring)
        {
            var kind = recurring.Groups["unit"].Value switch
            {
                "nam" => RecurrenceKind.Yearly,
                "quy" => RecurrenceKind.Quarterly,
                "thang" => RecurrenceKind.Monthly,
                _ => RecurrenceKind.HalfYearly,
            };
            return Recurrence(kind, recurring.Groups["rest"].Value, text);
        }

        var stripped = Prefix().Replace(f, "");
        if (DateOnly.TryParseExact(stripped, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && InputLimits.IsPlausible(date))
        {
            return new(date, null, null);
        }

        if (YearOnly().Match(stripped) is { Success: true } year)
        {
            return EndOf(Number(year.Groups["year"].Value), 12);
        }

        if (Quarter().Match(stripped) is { Success: true } quarter)
        {
            var q = quarter.Groups["q"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
            return EndOf(Number(quarter.Groups["year"].Value), q * 3);
        }

        if (Month().Match(stripped) is { Success: true } month && Number(month.Groups["m"].Value) is >= 1 and <= 12)
        {
            return EndOf(Number(month.Groups["year"].Value), Number(month.Groups["m"].Value));
        }

        return new(null, null, $"Không hiểu thời hạn \"{text}\": {NotUnderstood}");
    }

    /// <summary>A recurrence with the due day (and month) found in the rest of the cell, by default the period's end.</summary>
    private static DeadlineCell Recurrence(RecurrenceKind kind, string rest, string text)
    {
        var code = PlanCatalog.RecurrenceCode(kind);
        var numbers = Numbers().Matches(rest).Select(m => m.Value).ToList();
        if (numbers.Count == 0)
        {
            return new(null, new RecurrenceInput(code, 31, kind == RecurrenceKind.Yearly ? 12 : null), null);
        }

        var day = DayMonth().Match(rest);
        if (!day.Success || numbers.Count > (day.Groups["m"].Success ? 2 : 1))
        {
            return new(null, null, $"Không hiểu ngày đến hạn trong \"{text}\": ghi như \"Hằng năm, trước ngày 15/12\" hoặc \"Hằng quý, trước ngày 20\".");
        }

        var d = Number(day.Groups["d"].Value);
        int? m = day.Groups["m"].Success ? Number(day.Groups["m"].Value) : null;
        var error = (kind, m) switch
        {
            _ when d is < 1 or > 31 => "Ngày đến hạn trong kỳ phải từ 1 đến 31.",
            (_, < 1 or > 12) => "Tháng đến hạn phải từ 1 đến 12.",
            (RecurrenceKind.Yearly, null) => "Chu kỳ hằng năm cần ngày và tháng đến hạn, ví dụ \"Hằng năm, trước ngày 15/12\".",
            (RecurrenceKind.Monthly, not null) => "Chu kỳ hằng tháng chỉ cần ngày đến hạn, ví dụ \"Hằng tháng, trước ngày 25\".",
            (RecurrenceKind.Quarterly, { } month) when month % 3 != 0 => "Chu kỳ hằng quý đến hạn vào tháng cuối quý (3, 6, 9, 12), ví dụ \"Hằng quý, trước ngày 20\".",
            (RecurrenceKind.HalfYearly, { } month) when month % 6 != 0 => "Chu kỳ 6 tháng một lần đến hạn vào tháng 6 và tháng 12, ví dụ \"6 tháng một lần, trước ngày 15\".",
            _ => null,
        };
        return error is not null
            ? new(null, null, error)
            : new(null, new RecurrenceInput(code, d, kind == RecurrenceKind.Yearly ? m : null), null);
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DeadlineCell EndOf(int year, int month) =>
        year is < 1900 or > 2200
            ? new(null, null, $"Năm {year} không hợp lệ.")
            : new(new DateOnly(year, month, DateTime.DaysInMonth(year, month)), null, null);

    // On folded text: lower case, no accents, đ as d, single spaces.
    [GeneratedRegex(@"^(?:dinh ky |bao cao )?(?:(?:hang|moi) (?<unit>nam|quy|thang)|(?:(?:6|sau) thang(?: mot lan| 1 lan)?|(?:hang )?nua nam))(?<rest>(?:[ ,;:(-].*)?)$")]
    private static partial Regex Recurring();

    [GeneratedRegex(@"^6 thang (?<which>dau|cuoi) nam (?<year>\d{4})$")]
    private static partial Regex HalfOfYear();

    [GeneratedRegex(@"^(?:(?:truoc|den|cham nhat|han|trong|hoan thanh|cuoi)\b[ ,]*)*(?:ngay )?")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?:nam )?(?<year>\d{4})$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^quy (?<q>iv|iii|ii|i|[1-4])(?: nam |/| ?- ?)(?<year>\d{4})$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(?:thang )?(?<m>\d{1,2})(?: nam |/| ?- ?)(?<year>\d{4})$")]
    private static partial Regex Month();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"(?<d>\d{1,2})(?:(?: ?/ ?| thang )(?<m>\d{1,2}))?")]
    private static partial Regex DayMonth();
}
