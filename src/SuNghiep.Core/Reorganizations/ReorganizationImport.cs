using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Reorganizations;

/// <summary>A problem in an imported file, at its row and column as Excel shows them.</summary>
public sealed record ImportProblem(int Row, string Column, string Header, string Message);

/// <summary>
/// How much an uploaded .xlsx may unpack to. A zip of half a megabyte can hold a sheet of gigabytes ("zip bomb"), so the
/// sizes are checked from the zip's directory and again while the bytes are read, since the directory can lie.
/// </summary>
public sealed record SheetLimits(long MaxUncompressedBytes, int MaxCellCharacters)
{
    /// <summary>200 MB unpacked; 32,767 characters per cell, Excel's own limit.</summary>
    public static readonly SheetLimits Default = new(200L * 1024 * 1024, 32_767);
}

/// <summary>Reads the first sheet of an uploaded .xlsx by its header row, for every import.</summary>
public static class SheetReader
{
    private const string Unreadable = "Không đọc được tệp: hãy dùng tệp .xlsx theo mẫu.";

    /// <summary>The rows keyed by header, or the one problem that stops the import: an unreadable file or too many rows.</summary>
    public static (List<IDictionary<string, object?>> Rows, ImportProblem? Problem) Read(Stream file, int maxRows, SheetLimits? limits = null)
    {
        if (Check(file, limits ?? SheetLimits.Default) is { } refused)
        {
            return ([], refused);
        }

        List<IDictionary<string, object?>> rows;
        try
        {
            file.Position = 0;
            rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Take(maxRows + 1).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A damaged package fails in the reader in many ways; none of them is the server's fault.
            return ([], new(1, "A", "", Unreadable));
        }

        return rows.Count > maxRows
            ? ([], new(maxRows + 2, "A", "", $"Tệp có quá {maxRows:N0} dòng; hãy chia thành nhiều tệp."))
            : (rows, null);
    }

    /// <summary>
    /// Walks the package before the reader does: the sizes its directory declares, the bytes it really unpacks to, the
    /// length of every cell's text, and the shared strings the cells refer to. Nothing is kept in memory but a buffer.
    /// </summary>
    private static ImportProblem? Check(Stream file, SheetLimits limits)
    {
        var megabytes = limits.MaxUncompressedBytes / (1024 * 1024);
        var tooLarge = new ImportProblem(1, "A", "", $"Tệp giải nén ra quá {megabytes:N0} MB; hãy chia thành nhiều tệp nhỏ hơn.");
        try
        {
            file.Position = 0;
            using var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Sum(e => e.Length) > limits.MaxUncompressedBytes)
            {
                return tooLarge;
            }

            var hasSharedStrings = zip.Entries.Any(e => e.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
            long read = 0;
            foreach (var entry in zip.Entries)
            {
                var xml = entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                    || entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                using var counted = new CountingStream(entry.Open(), limits.MaxUncompressedBytes - read);
                ImportProblem? problem;
                try
                {
                    problem = xml ? CheckXml(counted, limits.MaxCellCharacters, hasSharedStrings) : Drain(counted);
                }
                catch (System.Xml.XmlException) when (counted.Exceeded)
                {
                    return tooLarge;
                }

                read += counted.Count;
                if (counted.Exceeded)
                {
                    return tooLarge;
                }

                if (problem is not null)
                {
                    return problem;
                }
            }

            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return new(1, "A", "", Unreadable);
        }
    }

    private static ImportProblem? Drain(Stream stream)
    {
        var buffer = new byte[81920];
        while (stream.Read(buffer) > 0)
        {
        }

        return null;
    }

    private static ImportProblem? CheckXml(CountingStream stream, int maxCell, bool hasSharedStrings)
    {
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = System.Xml.XmlReader.Create(stream, settings);
        var buffer = new char[4096];
        string? cell = null;
        while (!stream.Exceeded && reader.Read())
        {
            if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.LocalName == "c")
            {
                cell = reader.GetAttribute("r");
                if (!hasSharedStrings && reader.GetAttribute("t") == "s")
                {
                    return new(Row(cell), Column(cell), "", "Tệp hỏng: ô dùng bảng chuỗi dùng chung (sharedStrings) nhưng tệp không có bảng này; hãy mở và lưu lại tệp bằng Excel.");
                }
            }
            else if (reader.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.CDATA or System.Xml.XmlNodeType.SignificantWhitespace)
            {
                // Counted in chunks: the text itself is never held whole.
                long length = 0;
                int n;
                while ((n = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                {
                    length += n;
                    if (length > maxCell)
                    {
                        return new(Row(cell), Column(cell), "", $"Một ô có hơn {maxCell:N0} ký tự (giới hạn của Excel); hãy rút ngắn nội dung ô.");
                    }
                }
            }
        }

        return null;
    }

    private static int Row(string? reference) =>
        int.TryParse(new string((reference ?? "").SkipWhile(char.IsLetter).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 1;

    private static string Column(string? reference) =>
        new string((reference ?? "").TakeWhile(char.IsLetter).ToArray()) is { Length: > 0 } column ? column : "A";

    /// <summary>Counts the bytes read through it and stops (reading as the end) when they pass a limit.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        public long Count { get; private set; }

        public bool Exceeded { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (Exceeded)
            {
                return 0;
            }

            var n = inner.Read(buffer);
            Count += n;
            if (Count > limit)
            {
                Exceeded = true;
                return 0;
            }

            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A cell as the text a person typed: whole numbers without ".0", dates as dd/MM/yyyy; null when blank.</summary>
    public static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A cell Excel stores as a date (a date value or its serial number), or null when it is not one.</summary>
    public static DateOnly? ExcelDate(object? value)
    {
        DateOnly? date = value switch
        {
            DateTime dt => DateOnly.FromDateTime(dt),
            DateOnly d => d,
            double serial when serial is > 0 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            _ => null,
        };
        return date is { } d2 && InputLimits.IsPlausible(d2) ? d2 : null;
    }
}

public sealed record ImportResult(int Applied, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>A file's events as a scenario takes them, the problems of reading it, and where a problem of an event's field lies.</summary>
public sealed record ScenarioFile(
    IReadOnlyList<ReorganizationInput> Events, IReadOnlyList<ImportProblem> Problems, Func<int, RuleViolation, ImportProblem> Locate);

/// <summary>
/// Imports reorganization decisions from .xlsx: the whole file is checked and applied in one transaction, or nothing is
/// written and every problem is reported with its row and column. A row with a type starts an event; a row without one
/// adds another new unit to the event above it (a division into several units, for instance).
/// </summary>
public sealed class ReorganizationImport(SuNghiepDbContext db, ReorganizationService service, SheetLimits? limits = null)
{
    public const int MaxRows = 5000;

    private sealed record Column(string Letter, string Header, string? Field);

    // The template's columns: letter, header, and the API field whose errors belong to the column.
    private static readonly Column[] Columns =
    [
        new("A", "Loại sắp xếp", "type"),
        new("B", "Số quyết định", "decision.number"),
        new("C", "Ngày quyết định", "decision.date"),
        new("D", "Cơ quan ban hành", "decision.issuer"),
        new("E", "Ngày hiệu lực", "effectiveDate"),
        new("F", "Mã đơn vị nguồn", "sourceUnitIds"),
        new("G", "Mã đơn vị tiếp tục", "continuingUnitId"),
        new("H", "Mã cơ quan quản lý mới", "newManagingAgencyId"),
        new("I", "Tên mới", "newName"),
        new("J", "Mã địa bàn mới", "newAreaCode"),
        new("K", "Mã đơn vị mới", "code"),
        new("L", "Tên đơn vị mới", "name"),
        new("M", "Lĩnh vực", "sector"),
        new("N", "Loại đơn vị", "roleClass"),
        new("O", "Cấp", "level"),
        new("P", "Mã địa bàn", "areaCode"),
        new("Q", "Mã cơ quan quản lý", "managingAgencyId"),
        new("R", "Nhóm tự chủ", "autonomyGroup"),
        new("S", "Ghi chú", "notes"),
    ];

    /// <summary>The template: the headers, and example rows of a merger and a division.</summary>
    public static byte[] Template()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            Row("merger", "12/QĐ-UBND", "15/08/2026", "Ủy ban nhân dân phường Cái Khế", "01/09/2026", "1062036; 1062006", "1062006", null, null, null, null, null, null, null, null, null, null, null, "Sáp nhập trường A vào trường B"),
            Row("division", "13/QĐ-UBND", "15/08/2026", "Ủy ban nhân dân thành phố Cần Thơ", "01/09/2026", "1062100", null, null, null, null, "CT-0001", "Trung tâm A", "culture", "political", "province", "31120", "92.SVHTTDL", "4", null),
            Row(null, null, null, null, null, null, null, null, null, null, "CT-0002", "Trung tâm B", "culture", "other", "province", "31120", "92.SVHTTDL", "3", null),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();

        static Dictionary<string, object?> Row(params object?[] values) =>
            Columns.Select((c, i) => (c.Header, Value: values[i])).ToDictionary(x => x.Header, x => x.Value);
    }

    /// <summary>An event read from the file; its units are named by code until it is applied.</summary>
    private sealed record PendingEvent(int Row, ReorganizationInput Input, List<int> NewUnitRows, string[] SourceCodes, string? ContinuingCode);

    public async Task<ImportResult> ImportAsync(Stream file, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var (events, unitIds, problems) = await ReadEventsAsync(file, new HashSet<string>(StringComparer.Ordinal), ct);
        if (problems.Count > 0)
        {
            return new ImportResult(0, problems);
        }

        // Events apply in order of effective date, so that a later event can build on an earlier one in the same file.
        var ordered = events.OrderBy(e => e.Input.EffectiveDate).ThenBy(e => e.Row).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var applied = 0;
        foreach (var e in ordered)
        {
            var input = await WithUnitIdsAsync(e, unitIds, problems, ct);
            if (input is null)
            {
                continue;
            }

            var result = await service.RecordAsync(input, ct);
            if (result.Succeeded)
            {
                applied++;
            }
            else
            {
                problems.AddRange(result.Errors.Select(error => Locate(e, error)));
                if (result.Conflict)
                {
                    // The transaction is lost with the failed write; the file is reported and nothing is kept.
                    break;
                }
            }

            progress?.Report(applied * 100 / ordered.Count);
        }

        if (problems.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ImportResult(0, Sorted(problems));
        }

        await tx.CommitAsync(ct);
        return new ImportResult(applied, []);
    }

    /// <summary>
    /// A file's events for a scenario, in the file's order: units of the register by id, units that a row of the file (or an
    /// earlier event of the scenario, by its reference) creates by reference; each new unit takes its code as its reference.
    /// With them, how to put a problem of the i-th event's field back on its row and column.
    /// </summary>
    public async Task<ScenarioFile> ReadForScenarioAsync(Stream file, IReadOnlySet<string> scenarioRefs, CancellationToken ct = default)
    {
        var (events, unitIds, problems) = await ReadEventsAsync(file, scenarioRefs, ct);
        if (problems.Count > 0)
        {
            return new ScenarioFile([], problems, (_, _) => throw new InvalidOperationException("No events."));
        }

        var inputs = events.Select(e => e.Input with
        {
            SourceUnitIds = e.SourceCodes.Where(unitIds.ContainsKey).Select(c => unitIds[c]).ToList(),
            SourceUnitRefs = e.SourceCodes.Where(c => !unitIds.ContainsKey(c)).ToList(),
            ContinuingUnitId = e.ContinuingCode is { } c && unitIds.TryGetValue(c, out var id) ? id : null,
            ContinuingUnitRef = e.ContinuingCode is { } r && !unitIds.ContainsKey(r) ? r : null,
            NewUnits = e.Input.NewUnits.Select(u => u with { Ref = u.Code }).ToList(),
        }).ToList();
        return new ScenarioFile(inputs, [], (i, error) => Locate(events[i], error));
    }

    /// <summary>The rows of the file as events, the register's units it names by code, and the problems of reading it.</summary>
    private async Task<(List<PendingEvent> Events, Dictionary<string, int> UnitIds, List<ImportProblem> Problems)> ReadEventsAsync(
        Stream file, IReadOnlySet<string> knownRefs, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var (rows, unreadable) = SheetReader.Read(file, MaxRows, limits);
        if (unreadable is not null)
        {
            return ([], [], [unreadable]);
        }

        var missing = Columns.Take(5).Where(c => rows.Count == 0 ? false : !rows[0].ContainsKey(c.Header)).ToList();
        if (rows.Count == 0 || missing.Count > 0)
        {
            return ([], [], missing.Count > 0
                ? missing.Select(c => new ImportProblem(1, c.Letter, c.Header, $"Thiếu cột \"{c.Header}\"; hãy dùng tệp mẫu.")).ToList()
                : [new(2, "A", "Loại sắp xếp", "Tệp không có dòng dữ liệu nào.")]);
        }

        // Codes in the file are resolved to ids in one query each; scope applies, so a unit out of scope is "not found".
        var unitCodes = rows.SelectMany(r => Codes(Text(r, "F")).Append(Text(r, "G") ?? "")).Where(c => c.Length > 0).Distinct().ToList();
        var unitIds = await db.Units.Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        // A unit that an event of the file creates may be named by a later one: it gets its id when its event is applied.
        var createdInFile = rows.Select(r => Text(r, "K")).OfType<string>().Concat(knownRefs).ToHashSet(StringComparer.Ordinal);
        var agencyCodes = rows.SelectMany(r => new[] { Text(r, "H"), Text(r, "Q") }).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        var agencyIds = await db.Agencies.Where(a => agencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);

        var events = new List<PendingEvent>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var excelRow = i + 2;
            if (row.Values.All(v => v is null || (v is string s && s.Trim().Length == 0)))
            {
                continue;
            }

            void Problem(string letter, string message) =>
                problems.Add(new(excelRow, letter, Columns.First(c => c.Letter == letter).Header, message));

            var newUnit = NewUnit(row, agencyIds, Problem);
            if (Text(row, "A") is null)
            {
                if (events.Count == 0)
                {
                    Problem("A", "Dòng đầu tiên của một sự kiện phải có loại sắp xếp.");
                }
                else if (newUnit is null)
                {
                    Problem("K", "Dòng tiếp nối chỉ dùng để thêm đơn vị mới: hãy nhập mã và thông tin đơn vị mới.");
                }
                else
                {
                    var last = events[^1];
                    events[^1] = last with { Input = last.Input with { NewUnits = [.. last.Input.NewUnits, newUnit] }, NewUnitRows = [.. last.NewUnitRows, excelRow] };
                }

                continue;
            }

            var sources = Codes(Text(row, "F"));
            foreach (var code in sources.Where(c => !unitIds.ContainsKey(c) && !createdInFile.Contains(c)))
            {
                Problem("F", $"Không tìm thấy đơn vị mã \"{code}\".");
            }

            var continuing = Text(row, "G");
            if (continuing is not null && !unitIds.ContainsKey(continuing) && !createdInFile.Contains(continuing))
            {
                Problem("G", $"Không tìm thấy đơn vị mã \"{continuing}\".");
            }

            int? newAgency = null;
            if (Text(row, "H") is { } agencyCode)
            {
                if (agencyIds.TryGetValue(agencyCode, out var id))
                {
                    newAgency = id;
                }
                else
                {
                    Problem("H", $"Không có cơ quan mã \"{agencyCode}\".");
                }
            }

            var type = Text(row, "A")!;
            events.Add(new PendingEvent(excelRow, new ReorganizationInput
            {
                Type = TypeCode(type),
                DecisionNumber = Text(row, "B"),
                DecisionDate = Date(row, "C", Problem),
                DecisionIssuer = Text(row, "D"),
                EffectiveDate = Date(row, "E", Problem),
                NewManagingAgencyId = newAgency,
                NewName = Text(row, "I"),
                NewAreaCode = Text(row, "J"),
                Notes = Text(row, "S"),
                NewUnits = newUnit is null ? [] : [newUnit],
            }, newUnit is null ? [] : [excelRow], sources, continuing));
        }

        // Rows left blank (Excel keeps them once typed in and cleared) are skipped; a file of nothing else has no data.
        if (problems.Count == 0 && events.Count == 0)
        {
            problems.Add(new(2, "A", Columns[0].Header, "Tệp không có dòng dữ liệu nào."));
        }

        return (events, unitIds, Sorted(problems));
    }

    /// <summary>
    /// The event with its units' ids; those created by earlier events of the file are looked up now that they exist. A unit
    /// the file creates only on a later date is reported as not found.
    /// </summary>
    private async Task<ReorganizationInput?> WithUnitIdsAsync(
        PendingEvent e, Dictionary<string, int> unitIds, List<ImportProblem> problems, CancellationToken ct)
    {
        var unknown = e.SourceCodes.Append(e.ContinuingCode).OfType<string>().Where(c => !unitIds.ContainsKey(c)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            foreach (var unit in await db.Units.Where(u => unknown.Contains(u.Code)).Select(u => new { u.Code, u.Id }).ToListAsync(ct))
            {
                unitIds[unit.Code] = unit.Id;
            }
        }

        var missing = e.SourceCodes.Select(c => (Column: Columns[5], Code: c))
            .Append((Column: Columns[6], Code: e.ContinuingCode ?? ""))
            .Where(x => x.Code.Length > 0 && !unitIds.ContainsKey(x.Code))
            .Select(x => new ImportProblem(e.Row, x.Column.Letter, x.Column.Header,
                $"Không tìm thấy đơn vị mã \"{x.Code}\" vào ngày hiệu lực: tệp chỉ thành lập đơn vị này sau ngày đó hoặc ở một sự kiện có lỗi."))
            .ToList();
        problems.AddRange(missing);
        return missing.Count > 0
            ? null
            : e.Input with
            {
                SourceUnitIds = e.SourceCodes.Select(c => unitIds[c]).ToList(),
                ContinuingUnitId = e.ContinuingCode is { } code ? unitIds[code] : null,
            };
    }

    private static List<ImportProblem> Sorted(List<ImportProblem> problems) =>
        problems.DistinctBy(p => (p.Row, p.Column, p.Message)).OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal).ToList();

    /// <summary>Puts an error of the service on the row and column it comes from.</summary>
    private static ImportProblem Locate(PendingEvent e, RuleViolation error)
    {
        var row = e.Row;
        var field = error.Field;
        if (field.StartsWith("newUnits[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(field[9..close], CultureInfo.InvariantCulture);
            row = index < e.NewUnitRows.Count ? e.NewUnitRows[index] : e.Row;
            field = close + 2 <= field.Length ? field[(close + 2)..] : "code";
        }

        // A scenario names the file's own new units by reference, in the same columns as the codes.
        field = field switch
        {
            "sourceUnitRefs" => "sourceUnitIds",
            "continuingUnitRef" => "continuingUnitId",
            "ref" => "code",
            _ => field,
        };
        var column = Columns.FirstOrDefault(c => c.Field == field) ?? (field == "newUnits" ? Columns.First(c => c.Letter == "K") : Columns[0]);
        return new ImportProblem(row, column.Letter, column.Header, error.Message);
    }

    private static UnitInput? NewUnit(IDictionary<string, object?> row, Dictionary<string, int> agencyIds, Action<string, string> problem)
    {
        if (Text(row, "K") is null && Text(row, "L") is null)
        {
            return null;
        }

        int? agency = null;
        if (Text(row, "Q") is { } code)
        {
            if (agencyIds.TryGetValue(code, out var id))
            {
                agency = id;
            }
            else
            {
                problem("Q", $"Không có cơ quan mã \"{code}\".");
            }
        }

        int? group = null;
        if (Text(row, "R") is { } g)
        {
            if (int.TryParse(g, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                group = n;
            }
            else
            {
                problem("R", "Nhóm tự chủ phải là 1, 2, 3 hoặc 4.");
            }
        }

        return new UnitInput
        {
            Code = Text(row, "K"), Name = Text(row, "L"), Sector = Text(row, "M"), RoleClass = Text(row, "N"),
            Level = Text(row, "O"), AreaCode = Text(row, "P"), ManagingAgencyId = agency, AutonomyGroup = group,
        };
    }

    /// <summary>A type given by its API code or its Vietnamese name ("Sáp nhập").</summary>
    private static string TypeCode(string value)
    {
        foreach (var type in Enum.GetValues<ReorganizationType>())
        {
            if (string.Equals(SuNghiep.Core.Text.VietnameseText.Fold(ReorganizationRules.TypeName(type)), SuNghiep.Core.Text.VietnameseText.Fold(value), StringComparison.Ordinal))
            {
                return ReorganizationRules.Code(type);
            }
        }

        return value;
    }

    private static string[] Codes(string? value) =>
        (value ?? "").Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Text(IDictionary<string, object?> row, string letter)
    {
        var header = Columns.First(c => c.Letter == letter).Header;
        if (!row.TryGetValue(header, out var value) || value is null)
        {
            return null;
        }

        return SheetReader.Text(value);
    }

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    private static DateOnly? Date(IDictionary<string, object?> row, string letter, Action<string, string> problem)
    {
        var header = Columns.First(c => c.Letter == letter).Header;
        if (!row.TryGetValue(header, out var value) || value is null || (value is string s && s.Trim().Length == 0))
        {
            return null;
        }

        if (SheetReader.ExcelDate(value) is { } excel)
        {
            return excel;
        }

        if (DateOnly.TryParseExact(value.ToString()!.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && InputLimits.IsPlausible(date))
        {
            return date;
        }

        problem(letter, $"Ngày \"{value}\" không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        return null;
    }
}
