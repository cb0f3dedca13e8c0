using System.Globalization;
using MiniExcelLibs;
using SuNghiep.Core.Data;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Services;

/// <summary>
/// A catalogue's items, or its items' prices, from .xlsx in the template's columns: every row goes through the same checks
/// as the API, in one transaction; a single problem writes nothing, and each is reported by row and column.
/// </summary>
public sealed class CatalogueImport(SuNghiepDbContext db, CatalogueService service, SheetLimits? limits = null)
{
    public const int MaxRows = 5_000;

    private sealed record Column(string Letter, string Header, string Field, string Help);

    private static readonly Column[] ItemColumns =
    [
        new("A", "Mã", "code", "Mã dịch vụ trong danh mục, không trùng, ví dụ 1 hoặc 1.2."),
        new("B", "Tên dịch vụ", "name", "Tên như quyết định ghi."),
        new("C", "Lĩnh vực", "sector", "education, vocational, health, culture, information, science hoặc economic."),
        new("D", "Mã nhóm cấp trên", "parentId", "Mã của nhóm trong danh mục hoặc ở dòng trên; để trống cho nhóm cấp cao nhất."),
        new("E", "Phương thức", "methods", "assignment, ordering, bidding (giao nhiệm vụ, đặt hàng, đấu thầu), cách nhau bằng dấu phẩy."),
        new("F", "Cơ bản, thiết yếu", "essential", "có hoặc không."),
        new("G", "Thu phí", "feeBased", "có hoặc không."),
        new("H", "Đơn vị sản phẩm", "outputUnit", "Ví dụ: học sinh/năm, lượt khám."),
    ];

    private static readonly Column[] PriceColumns =
    [
        new("A", "Mã dịch vụ", "item", "Mã của dịch vụ trong danh mục."),
        new("B", "Đơn giá (đồng)", "price", "Số lớn hơn 0, ví dụ 1250000."),
        new("C", "Đơn vị tính", "unit", "Ví dụ: đồng/học sinh/tháng."),
        new("D", "Cơ cấu giá", "costBasis", "full, full-excl-depreciation hoặc partial."),
        new("E", "Mã tỉnh", "areaCode", "Để trống: cả phạm vi danh mục."),
        new("F", "Số quyết định", "decision.number", "Ví dụ: 12/2024/NQ-HĐND."),
        new("G", "Ngày quyết định", "decision.date", "dd/mm/yyyy."),
        new("H", "Cơ quan ban hành", "decision.issuer", "Ví dụ: Hội đồng nhân dân thành phố Cần Thơ."),
        new("I", "Hiệu lực từ ngày", "validFrom", "dd/mm/yyyy, trong thời gian hiệu lực của danh mục."),
    ];

    public static IReadOnlyList<string> ItemHeaders => [.. ItemColumns.Select(c => c.Header)];

    public static IReadOnlyList<string> PriceHeaders => [.. PriceColumns.Select(c => c.Header)];

    public static byte[] ItemTemplate() => Template("Dịch vụ", ItemColumns);

    public static byte[] PriceTemplate() => Template("Đơn giá", PriceColumns);

    public sealed record Outcome(int Imported, IReadOnlyList<ImportProblem> Problems, bool NotFound = false, string? Forbidden = null)
    {
        public bool Succeeded => !NotFound && Forbidden is null && Problems.Count == 0;
    }

    public Task<Outcome> ItemsAsync(int catalogueId, Stream file, CancellationToken ct = default) =>
        ImportAsync(catalogueId, file, ItemColumns, async (line, cells, codes, problems) =>
        {
            int? parentId = null;
            if (cells["parentId"] is { } parentCode)
            {
                if (codes.TryGetValue(parentCode, out var id))
                {
                    parentId = id;
                }
                else
                {
                    problems.Add(Problem(line, ItemColumns, "parentId", $"Không có nhóm mã \"{parentCode}\" trong danh mục hoặc ở các dòng trên."));
                }
            }

            var methods = (cells["methods"] ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(MethodCode).ToList();
            var input = new ItemInput(cells["code"], cells["name"], SectorCode(cells["sector"]), parentId, methods,
                YesNo(cells["essential"], line, "essential", problems), YesNo(cells["feeBased"], line, "feeBased", problems), cells["outputUnit"]);
            if (problems.Count > 0)
            {
                return false;
            }

            var result = await service.AddItemAsync(catalogueId, input, ct);
            problems.AddRange(result.Errors.Select(e => Problem(line, ItemColumns, e.Field, e.Message)));
            if (result.Value is not { } item)
            {
                return false;
            }

            // A later row may name this item as its group.
            codes[item.Code] = item.Id;
            return true;
        }, ct);

    public Task<Outcome> PricesAsync(int catalogueId, Stream file, CancellationToken ct = default) =>
        ImportAsync(catalogueId, file, PriceColumns, async (line, cells, codes, problems) =>
        {
            if (cells["item"] is not { } code || !codes.TryGetValue(code, out var itemId))
            {
                problems.Add(Problem(line, PriceColumns, "item", cells["item"] is null ? "Vui lòng nhập mã dịch vụ." : $"Danh mục không có dịch vụ mã \"{cells["item"]}\"."));
                return false;
            }

            decimal? price = null;
            if (cells["price"] is { } priceText)
            {
                if (decimal.TryParse(priceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var p))
                {
                    price = p;
                }
                else
                {
                    problems.Add(Problem(line, PriceColumns, "price", $"\"{priceText}\" không phải là số."));
                }
            }

            var input = new PriceInput(cells["areaCode"], price, cells["unit"], cells["costBasis"],
                new(cells["decision.number"], Date(cells, "decision.date", line, problems), cells["decision.issuer"]), Date(cells, "validFrom", line, problems));
            if (problems.Count > 0)
            {
                return false;
            }

            var result = await service.AddPriceAsync(itemId, input, ct);
            problems.AddRange(result.Errors.Select(e => Problem(line, PriceColumns, e.Field, e.Message)));
            return result.Value is not null;
        }, ct);

    /// <summary>
    /// What both imports share: the catalogue and the caller's right to write it, the sheet, the codes of the catalogue's
    /// items, and one transaction in which each row is written by <paramref name="row"/> (true when it wrote one); any
    /// problem in any row rolls all of them back.
    /// </summary>
    private async Task<Outcome> ImportAsync(int catalogueId, Stream file, Column[] columns,
        Func<int, Dictionary<string, string?>, Dictionary<string, int>, List<ImportProblem>, Task<bool>> row, CancellationToken ct)
    {
        var catalogue = await db.ServiceCatalogues.FindAsync([catalogueId], ct);
        if (catalogue is null)
        {
            return new(0, [], NotFound: true);
        }

        if (await service.RefusalAsync(catalogue.Level, catalogue.AreaCode, catalogue.IssuerAgencyId, ct) is { } refusal)
        {
            return new(0, [], Forbidden: refusal);
        }

        var (rows, problems) = Read(file, columns);
        if (problems.Count > 0)
        {
            return new(0, problems);
        }

        var codes = db.ServiceItems.Where(i => i.CatalogueId == catalogueId).Select(i => new { i.Code, i.Id }).ToDictionary(i => i.Code, i => i.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var imported = 0;
        foreach (var (line, cells) in rows)
        {
            var rowProblems = new List<ImportProblem>();
            imported += await row(line, cells, codes, rowProblems) ? 1 : 0;
            problems.AddRange(rowProblems);
        }

        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            return new(0, problems);
        }

        await transaction.CommitAsync(ct);
        return new(imported, []);
    }

    /// <summary>The non-blank rows with their Excel line numbers, each cell by field; or the problem that stops the file.</summary>
    private (List<(int Line, Dictionary<string, string?> Cells)> Rows, List<ImportProblem> Problems) Read(Stream file, Column[] columns)
    {
        var (rows, unreadable) = SheetReader.Read(file, MaxRows, limits);
        if (unreadable is not null)
        {
            return ([], [unreadable]);
        }

        var keys = rows.Count == 0 ? [] : rows[0].Keys.GroupBy(Fold).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missing = columns.Where(c => !keys.ContainsKey(Fold(c.Header))).ToList();
        if (missing.Count > 0)
        {
            return ([], missing.Select(c => new ImportProblem(1, c.Letter, c.Header, $"Thiếu cột \"{c.Header}\"; hãy dùng tệp mẫu.")).ToList());
        }

        var result = new List<(int, Dictionary<string, string?>)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = columns.ToDictionary(c => c.Field, c => rows[i].TryGetValue(keys[Fold(c.Header)], out var v)
                ? (c.Field is "decision.date" or "validFrom" && SheetReader.ExcelDate(v) is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : SheetReader.Text(v))
                : null);
            if (cells.Values.Any(v => v is not null))
            {
                result.Add((i + 2, cells));
            }
        }

        return result.Count == 0 ? ([], [new(2, "A", columns[0].Header, "Tệp không có dòng dữ liệu nào.")]) : (result, []);
    }

    private static ImportProblem Problem(int line, Column[] columns, string field, string message)
    {
        var column = columns.FirstOrDefault(c => c.Field == field) ?? columns.FirstOrDefault(c => field.StartsWith(c.Field, StringComparison.Ordinal)) ?? columns[0];
        return new(line, column.Letter, column.Header, message);
    }

    private static DateOnly? Date(Dictionary<string, string?> cells, string field, int line, List<ImportProblem> problems)
    {
        if (cells[field] is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && InputLimits.IsPlausible(date))
        {
            return date;
        }

        problems.Add(Problem(line, PriceColumns, field, $"\"{text}\" không phải là ngày dd/mm/yyyy."));
        return null;
    }

    private static bool YesNo(string? text, int line, string field, List<ImportProblem> problems)
    {
        switch (VietnameseText.Fold(text))
        {
            case "" or "khong" or "0" or "false":
                return false;
            case "co" or "x" or "1" or "true":
                return true;
            default:
                problems.Add(Problem(line, ItemColumns, field, $"Ghi \"có\" hoặc \"không\", không phải \"{text}\"."));
                return false;
        }
    }

    /// <summary>A method by code or by its Vietnamese name.</summary>
    private static string MethodCode(string text) =>
        CatalogueCodes.AllMethods.FirstOrDefault(m => VietnameseText.Fold(ServiceRules.MethodName(m)) == VietnameseText.Fold(text)) is var m and not 0
            ? ServiceRules.MethodCode(m)
            : text;

    /// <summary>A sector by code or by its Vietnamese name.</summary>
    private static string? SectorCode(string? text) =>
        text is null ? null : Entities.Catalog.Sectors.FirstOrDefault(s => VietnameseText.Fold(s.Name) == VietnameseText.Fold(text))?.Code ?? text;

    /// <summary>
    /// A catalogue's items in the import's columns, parents before their items, so that the file loads into another
    /// catalogue (the one that supersedes it) as it is.
    /// </summary>
    public static byte[] ItemsWorkbook(IReadOnlyList<ItemRow> items)
    {
        var codes = items.ToDictionary(i => i.Id, i => i.Code);
        static string YesNo(bool value) => value ? "có" : "không";
        return Workbook("Dịch vụ", ItemColumns, items.Select(i => new object?[]
        {
            i.Code, i.Name, i.Sector, i.ParentId is { } p && codes.TryGetValue(p, out var parent) ? parent : null, string.Join(", ", i.Methods),
            YesNo(i.Essential), YesNo(i.FeeBased), i.OutputUnit,
        }));
    }

    /// <summary>Every price of a catalogue's items in the import's columns, each with its item's code.</summary>
    public static byte[] PricesWorkbook(IEnumerable<(string ItemCode, PriceView Price)> prices)
    {
        static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return Workbook("Đơn giá", PriceColumns, prices.Select(x => new object?[]
        {
            x.ItemCode, x.Price.Price, x.Price.Unit, x.Price.CostBasis, x.Price.AreaCode, x.Price.Decision.Number, Date(x.Price.Decision.Date),
            x.Price.Decision.Issuer, Date(x.Price.ValidFrom),
        }));
    }

    private static byte[] Template(string sheet, Column[] columns) => Workbook(sheet, columns, []);

    private static byte[] Workbook(string sheet, Column[] columns, IEnumerable<object?[]> rows)
    {
        var lines = rows.Select(values => columns.Select((c, i) => (c.Header, Value: values[i])).ToDictionary(x => x.Header, x => x.Value)).ToList();
        if (lines.Count == 0)
        {
            // The header row alone, for a template or an empty catalogue.
            lines.Add(columns.ToDictionary(c => c.Header, _ => (object?)null));
        }

        var sheets = new Dictionary<string, object>
        {
            [sheet] = lines,
            ["Hướng dẫn"] = columns.Select(c => new Dictionary<string, object?> { ["Cột"] = c.Letter, ["Tiêu đề"] = c.Header, ["Cách nhập"] = c.Help }).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static string Fold(string header) => VietnameseText.Fold(header).Replace(" ", "", StringComparison.Ordinal);
}
