using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SuNghiep.Core.Data;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Resources;

/// <summary>
/// Imports staffing and finance years from .xlsx, one row per unit and year, through <see cref="ResourceService"/> so that
/// its rules and the audit apply. The whole file is checked and applied in one transaction, or nothing is written and
/// every problem is reported with its row and column. A row may carry staffing, finance or both.
/// </summary>
public sealed class ResourceImport(SuNghiepDbContext db, ResourceService service, SheetLimits? limits = null)
{
    public const int MaxRows = 5000;

    private enum Kind { Code, Year, Count, Flag, Text, Money }

    private enum Part { Key, Staffing, Finance }

    private sealed record Column(string Letter, string Header, string Field, Kind Kind, Part Part);

    // The template's columns: letter, header, the service's field whose errors belong to the column, how to read it.
    private static readonly Column[] Columns =
    [
        new("A", "Mã đơn vị", "code", Kind.Code, Part.Key),
        new("B", "Năm", "year", Kind.Year, Part.Key),
        new("C", "Hưởng lương từ NSNN (người)", "budgetPositions", Kind.Count, Part.Staffing),
        new("D", "Hưởng lương từ nguồn thu sự nghiệp (người)", "revenuePositions", Kind.Count, Part.Staffing),
        new("E", "Số người làm việc thực có", "actualStaff", Kind.Count, Part.Staffing),
        new("F", "Hợp đồng lao động hưởng lương từ NSNN (người)", "budgetContractWorkers", Kind.Count, Part.Staffing),
        new("G", "Vị trí lãnh đạo, quản lý", "jobPositions.leadership", Kind.Count, Part.Staffing),
        new("H", "Vị trí chức danh nghề nghiệp chuyên ngành", "jobPositions.professional", Kind.Count, Part.Staffing),
        new("I", "Vị trí chức danh nghề nghiệp chuyên môn dùng chung", "jobPositions.sharedProfessional", Kind.Count, Part.Staffing),
        new("J", "Vị trí hỗ trợ, phục vụ", "jobPositions.support", Kind.Count, Part.Staffing),
        new("K", "Giao vượt chỉ tiêu (x nếu đã có quyết định)", "overAllocation", Kind.Flag, Part.Staffing),
        new("L", "Ghi chú biên chế", "notes", Kind.Text, Part.Staffing),
        new("M", "Thu NSNN đặt hàng, giao nhiệm vụ (đồng)", "revenue.orderedServices", Kind.Money, Part.Finance),
        new("N", "Kinh phí nhiệm vụ khoa học và công nghệ (đồng)", "revenue.scienceTasks", Kind.Money, Part.Finance),
        new("O", "Thu dịch vụ sự nghiệp công (đồng)", "revenue.serviceFees", Kind.Money, Part.Finance),
        new("P", "Chênh lệch thu chi sản xuất, kinh doanh, liên doanh (đồng)", "revenue.businessSurplus", Kind.Money, Part.Finance),
        new("Q", "Phí được để lại (đồng)", "revenue.retainedFees", Kind.Money, Part.Finance),
        new("R", "Thu hợp pháp khác (đồng)", "revenue.other", Kind.Money, Part.Finance),
        new("S", "Chi thường xuyên (đồng)", "recurrentExpenditure", Kind.Money, Part.Finance),
        new("T", "Tự bảo đảm chi đầu tư (đồng)", "investmentSelfFinancing", Kind.Money, Part.Finance),
        new("U", "Khấu hao tài sản cố định (đồng)", "depreciation", Kind.Money, Part.Finance),
        new("V", "Chi trực tiếp từ NSNN (đồng)", "directBudgetSpending", Kind.Money, Part.Finance),
    ];

    public static IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Header).ToList();

    /// <summary>
    /// The template: an empty first sheet with the headers (the one imported), and a second sheet that explains each column
    /// with an example, so that an untouched template writes nothing.
    /// </summary>
    public static byte[] Template()
    {
        var data = new DataTable("Số liệu");
        foreach (var c in Columns)
        {
            data.Columns.Add(c.Header, c.Kind switch { Kind.Count or Kind.Year => typeof(int), Kind.Money => typeof(decimal), _ => typeof(string) });
        }

        var example = new object?[] { "1062036", 2025, 30, 5, 34, 2, 3, 22, 5, 5, "", "", 4_200_000_000m, 0m, 2_100_000_000m, 0m, 1_700_000_000m, 0m, 12_000_000_000m, 0m, 600_000_000m, 3_900_000_000m };
        var help = Columns.Select((c, i) => new Dictionary<string, object?>
        {
            ["Cột"] = c.Letter,
            ["Tiêu đề"] = c.Header,
            ["Cách nhập"] = c.Kind switch
            {
                Kind.Code => "Mã đơn vị trong sổ đăng ký, thuộc phạm vi của bạn.",
                Kind.Year => "Năm số liệu, trong thời gian hoạt động của đơn vị.",
                Kind.Count => "Số nguyên không âm; nhập 0 nếu không có.",
                Kind.Flag => "Ghi x khi việc giao vượt số được giao đã có quyết định; để trống nếu không.",
                Kind.Text => "Không bắt buộc.",
                _ => "Số tiền (đồng), không âm; nhập 0 nếu không có.",
            },
            ["Ví dụ"] = example[i],
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Số liệu"] = data,
            ["Hướng dẫn"] = help,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private sealed record PendingRow(int Row, int UnitId, int Year, StaffingInput? Staffing, FinanceInput? Finance);

    public async Task<ImportResult> ImportAsync(Stream file, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var (rows, unreadable) = SheetReader.Read(file, MaxRows, limits);
        if (unreadable is not null)
        {
            return new ImportResult(0, [unreadable]);
        }

        if (rows.Count == 0)
        {
            return new ImportResult(0, [new(2, "A", Columns[0].Header, "Tệp không có dòng dữ liệu nào.")]);
        }

        // Headers are matched without regard to case, accents or spacing; the file's own spelling is then used to read.
        var keys = rows[0].Keys.GroupBy(Fold).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missing = Columns.Where(c => c.Kind != Kind.Text && !keys.ContainsKey(Fold(c.Header))).ToList();
        if (missing.Count > 0)
        {
            return new ImportResult(0, missing.Select(c => new ImportProblem(1, c.Letter, c.Header, $"Thiếu cột \"{c.Header}\"; hãy dùng tệp mẫu.")).ToList());
        }

        object? Cell(IDictionary<string, object?> row, Column c) =>
            keys.TryGetValue(Fold(c.Header), out var key) && row.TryGetValue(key, out var value) && !(value is string s && s.Trim().Length == 0) ? value : null;

        // Codes are resolved in one query; scope applies, so a unit out of scope is "not found".
        var codes = rows.Select(r => Text(Cell(r, Columns[0]))).OfType<string>().Distinct().ToList();
        var unitIds = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, ct);

        var problems = new List<ImportProblem>();
        var pending = new List<PendingRow>();
        var seen = new Dictionary<(int, int), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var excelRow = i + 2;
            if (Columns.All(c => Cell(row, c) is null))
            {
                continue;
            }

            var before = problems.Count;
            void Problem(Column c, string message) => problems.Add(new(excelRow, c.Letter, c.Header, message));

            int? unitId = null;
            if (Text(Cell(row, Columns[0])) is not { } code)
            {
                Problem(Columns[0], "Vui lòng nhập mã đơn vị.");
            }
            else if (unitIds.TryGetValue(code, out var id))
            {
                unitId = id;
            }
            else
            {
                Problem(Columns[0], $"Không tìm thấy đơn vị mã \"{code}\" trong phạm vi của bạn.");
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var c in Columns.Skip(1))
            {
                var cell = Cell(row, c);
                if (cell is null)
                {
                    values[c.Field] = null;
                    continue;
                }

                switch (c.Kind)
                {
                    case Kind.Year or Kind.Count:
                        if (Whole(cell) is { } n)
                        {
                            values[c.Field] = n;
                        }
                        else
                        {
                            Problem(c, c.Kind == Kind.Year ? $"Năm \"{cell}\" không hợp lệ." : $"\"{cell}\" không phải số nguyên.");
                        }

                        break;
                    case Kind.Money:
                        if (Amount(cell) is { } m)
                        {
                            values[c.Field] = m;
                        }
                        else
                        {
                            Problem(c, $"\"{cell}\" không phải số tiền: nhập số đồng, ví dụ 12000000000.");
                        }

                        break;
                    case Kind.Flag:
                        if (Flag(cell) is { } f)
                        {
                            values[c.Field] = f;
                        }
                        else
                        {
                            Problem(c, "Ghi x (có quyết định giao vượt) hoặc để trống.");
                        }

                        break;
                    default:
                        values[c.Field] = Text(cell);
                        break;
                }
            }

            var year = values["year"] as int?;
            if (year is null && Cell(row, Columns[1]) is null)
            {
                Problem(Columns[1], "Vui lòng nhập năm.");
            }

            bool Present(Part part) => Columns.Any(c => c.Part == part && Cell(row, c) is not null);
            var hasStaffing = Present(Part.Staffing);
            var hasFinance = Present(Part.Finance);
            if (!hasStaffing && !hasFinance)
            {
                Problem(Columns[2], "Dòng không có số liệu biên chế hay tài chính.");
            }

            if (unitId is { } u && year is { } y)
            {
                if (seen.TryGetValue((u, y), out var first))
                {
                    Problem(Columns[1], $"Đơn vị và năm này đã có ở dòng {first}.");
                }
                else
                {
                    seen[(u, y)] = excelRow;
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            int? Count(string field) => values[field] as int?;
            decimal? Money(string field) => values[field] as decimal?;
            // As in the API, job positions left out altogether count as none.
            var noPositions = Columns.Where(c => c.Field.StartsWith("jobPositions.", StringComparison.Ordinal)).All(c => values[c.Field] is null);
            int? Position(string field) => noPositions ? 0 : Count(field);
            pending.Add(new PendingRow(excelRow, unitId!.Value, year!.Value,
                hasStaffing
                    ? new StaffingInput(Count("budgetPositions"), Count("revenuePositions"), Count("actualStaff"), Count("budgetContractWorkers"),
                        Position("jobPositions.leadership"), Position("jobPositions.professional"), Position("jobPositions.sharedProfessional"),
                        Position("jobPositions.support"), values["notes"] as string, values["overAllocation"] as bool? ?? false)
                    : null,
                hasFinance
                    ? new FinanceInput(Money("revenue.orderedServices"), Money("revenue.scienceTasks"), Money("revenue.serviceFees"),
                        Money("revenue.businessSurplus"), Money("revenue.retainedFees"), Money("revenue.other"), Money("recurrentExpenditure"),
                        Money("investmentSelfFinancing"), Money("depreciation"), Money("directBudgetSpending"))
                    : null));
        }

        // The rows that could be read go through the service even when others could not, so that one pass reports all;
        // rows apply in file order, so an allocation counts the rows above in the same file.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var applied = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var p = pending[i];
            var errors = new List<RuleViolation>();
            if (p.Staffing is { } staffing)
            {
                var result = await service.PutStaffingAsync(p.UnitId, p.Year, staffing, ct);
                errors.AddRange(result.Errors.Select(e => e.Field == "budgetPositions" && e.Message.EndsWith(ResourceService.OverAllocationApiHint, StringComparison.Ordinal)
                    ? e with { Message = e.Message[..^ResourceService.OverAllocationApiHint.Length] + " Nếu việc giao vượt đã có quyết định, ghi x ở cột K." }
                    : e));
            }

            if (p.Finance is { } finance)
            {
                var result = await service.PutFinanceAsync(p.UnitId, p.Year, finance, ct);
                errors.AddRange(result.Errors);
            }

            if (errors.Count == 0)
            {
                applied++;
            }

            problems.AddRange(errors.Select(e => Locate(p.Row, e)));
            progress?.Report((i + 1) * 100 / pending.Count);
        }

        if (problems.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ImportResult(0, problems.DistinctBy(p => (p.Row, p.Column, p.Message))
                .OrderBy(p => p.Row).ThenBy(p => p.Column.Length).ThenBy(p => p.Column, StringComparer.Ordinal).ToList());
        }

        await tx.CommitAsync(ct);
        return new ImportResult(applied, []);
    }

    /// <summary>Puts an error of the service on the column of its field.</summary>
    private static ImportProblem Locate(int row, RuleViolation error)
    {
        var column = Columns.FirstOrDefault(c => c.Field == error.Field) ?? Columns[0];
        return new ImportProblem(row, column.Letter, column.Header, error.Message);
    }

    private static string Fold(string header) => VietnameseText.Fold(header).Replace(" ", "", StringComparison.Ordinal);

    private static string? Text(object? value) => SheetReader.Text(value);

    private static int? Whole(object value) => value switch
    {
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        decimal m when m == decimal.Floor(m) && m is >= int.MinValue and <= int.MaxValue => (int)m,
        string s when Figures.TryParseCount(s, out var n) => n,
        _ => null,
    };

    /// <summary>An amount as a number cell, or as text written 12000000000 or 12.000.000.000.</summary>
    private static decimal? Amount(object value) => value switch
    {
        double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e20 => (decimal)d,
        int i => i,
        long l => l,
        decimal m => m,
        string s when Figures.TryParseAmount(s, out var n) => n,
        _ => null,
    };

    private static bool? Flag(object value) => value switch
    {
        bool b => b,
        double d when d is 0 or 1 => d == 1,
        string s => VietnameseText.Fold(s).Trim() switch
        {
            "x" or "co" or "1" or "true" => true,
            "" or "khong" or "0" or "false" => false,
            _ => null,
        },
        _ => null,
    };
}
