using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Services;

/// <summary>
/// Imports a year's orders from .xlsx, one row per order, checked by <see cref="OrderService"/> as the API checks one, from
/// what the file names read once: every row is checked, then all are written in one save, or nothing is and every problem
/// is reported by row and column.
/// </summary>
public sealed class OrderImport(SuNghiepDbContext db, OrderService service, SheetLimits? limits = null)
{
    public const int MaxRows = 20_000;

    private sealed record Column(string Letter, string Header, string Field, bool Required, string Help, object Example);

    private static readonly Column[] Columns =
    [
        new("A", "Năm", "year", true, "Năm ngân sách.", 2025),
        new("B", "Phương thức", "method", true, "Giao nhiệm vụ, Đặt hàng hoặc Đấu thầu (hoặc assignment, ordering, bidding).", "Đặt hàng"),
        new("C", "Mã cơ quan đặt hàng", "ordererAgencyId", true, "Mã cơ quan giao nhiệm vụ, đặt hàng, trong phạm vi của bạn.", "92.SGDDT"),
        new("D", "Mã đơn vị cung cấp", "providerUnitId", false, "Mã đơn vị sự nghiệp công lập trong sổ đăng ký; hoặc cột E.", "1062036"),
        new("E", "Mã cơ sở ngoài công lập", "providerId", false, "Mã cơ sở ngoài công lập; hoặc cột D. Đấu thầu: để trống cả hai.", ""),
        new("F", "Mã dịch vụ", "itemId", true, "Mã dịch vụ trong danh mục có hiệu lực ngày bắt đầu.", "GD.01"),
        new("G", "Số lượng", "quantity", true, "Số lớn hơn 0.", 120),
        new("H", "Đơn giá (đồng)", "unitPrice", false, "Để trống: đơn giá có hiệu lực ngày bắt đầu tại tỉnh của cơ quan đặt hàng.", ""),
        new("I", "Ngày bắt đầu", "startOn", true, "Ngày, trong năm ngân sách (dd/mm/yyyy).", "01/02/2025"),
        new("J", "Thời hạn hoàn thành", "endOn", true, "Ngày, trong năm ngân sách, không trước ngày bắt đầu.", "30/11/2025"),
        new("K", "Số quyết định", "decision.number", true, "Số, ký hiệu quyết định.", "15/QĐ-SGDĐT"),
        new("L", "Ngày quyết định", "decision.date", true, "Ngày ban hành (dd/mm/yyyy).", "20/01/2025"),
        new("M", "Cơ quan ban hành", "decision.issuer", true, "Cơ quan, người ký quyết định.", "Sở Giáo dục và Đào tạo"),
        new("N", "Căn cứ dự toán", "estimateReference", false, "Không bắt buộc.", "Dự toán năm 2025"),
        new("O", "Yêu cầu chất lượng", "qualityRequirement", false, "Không bắt buộc.", ""),
    ];

    public static IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Header).ToList();

    /// <summary>The template: an empty first sheet with the headers (the one imported) and a sheet that explains each column.</summary>
    public static byte[] Template()
    {
        var data = new DataTable("Đặt hàng");
        foreach (var c in Columns)
        {
            data.Columns.Add(c.Header, typeof(string));
        }

        var help = Columns.Select(c => new Dictionary<string, object?>
        {
            ["Cột"] = c.Letter, ["Tiêu đề"] = c.Header, ["Bắt buộc"] = c.Required ? "Có" : "Không", ["Cách nhập"] = c.Help, ["Ví dụ"] = c.Example,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Đặt hàng"] = data, ["Hướng dẫn"] = help });
        return stream.ToArray();
    }

    public async Task<ImportResult> ImportAsync(Stream file, CancellationToken ct = default)
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

        var keys = rows[0].Keys.GroupBy(Fold).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missing = Columns.Where(c => c.Required && !keys.ContainsKey(Fold(c.Header))).ToList();
        if (missing.Count > 0)
        {
            return new ImportResult(0, missing.Select(c => new ImportProblem(1, c.Letter, c.Header, $"Thiếu cột \"{c.Header}\"; hãy dùng tệp mẫu.")).ToList());
        }

        // Each column's key in the sheet, folded once rather than for every cell of every row.
        var columnKeys = Columns.ToDictionary(c => c, c => keys.GetValueOrDefault(Fold(c.Header)));
        object? Cell(IDictionary<string, object?> row, Column c) =>
            columnKeys[c] is { } key && row.TryGetValue(key, out var value) && !(value is string s && s.Trim().Length == 0) ? value : null;

        // Codes are resolved in one query each: agencies and items are public, units of the register are read past the
        // scope (an agency may order from any public unit), the orderer's scope is checked by the service on each row.
        string? Code(IDictionary<string, object?> row, int column) => SheetReader.Text(Cell(row, Columns[column]));
        var agencyCodes = rows.Select(r => Code(r, 2)).OfType<string>().Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var unitCodes = rows.Select(r => Code(r, 3)).OfType<string>().Distinct().ToList();
        var units = await db.Units.IgnoreQueryFilters().Where(u => unitCodes.Contains(u.Code) && !u.Voided).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var providerCodes = rows.Select(r => Code(r, 4)).OfType<string>().Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var itemCodes = rows.Select(r => Code(r, 5)).OfType<string>().Distinct().ToList();
        var items = await db.ServiceItems.AsNoTracking().Where(i => itemCodes.Contains(i.Code))
            .Select(i => new { i.Id, i.Code, i.Catalogue!.ValidFrom, i.Catalogue.ValidTo }).ToListAsync(ct);
        // What the checks of each row read (orderers, items with their catalogues, prices, the units' versions, providers),
        // read once for the file: the rows are then checked in memory.
        var known = await service.LookupsAsync(agencies.Values, items.Select(i => i.Id), units.Values, providers.Values, ct);

        var problems = new List<ImportProblem>();
        var orders = new List<ServiceOrder>();
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

            int? Whole(Column c)
            {
                var cell = Cell(row, c);
                int? n = cell switch
                {
                    null => null,
                    double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
                    int x => x,
                    long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
                    decimal m when m == decimal.Floor(m) && m is >= int.MinValue and <= int.MaxValue => (int)m,
                    string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
                    _ => null,
                };
                if (cell is not null && n is null)
                {
                    Problem(c, $"\"{cell}\" không phải số nguyên.");
                }

                return n;
            }

            decimal? Number(Column c)
            {
                var cell = Cell(row, c);
                decimal? n = cell switch
                {
                    null => null,
                    double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e18 => (decimal)d,
                    int x => x,
                    long l => l,
                    decimal m => m,
                    string s when Figures.TryParseAmount(s, out var p) => p,
                    string s when decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.GetCultureInfo("vi-VN"), out var p) => p,
                    _ => null,
                };
                if (cell is not null && n is null)
                {
                    Problem(c, $"\"{cell}\" không phải số.");
                }

                return n;
            }

            DateOnly? Date(Column c)
            {
                var cell = Cell(row, c);
                var d = SheetReader.ExcelDate(cell);
                if (d is null && cell is string s)
                {
                    var t = s.Trim();
                    if (DateOnly.TryParseExact(t, ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                        && InputLimits.IsPlausible(parsed))
                    {
                        d = parsed;
                    }
                }

                if (cell is not null && d is null)
                {
                    Problem(c, $"\"{cell}\" không phải ngày: nhập dd/mm/yyyy, ví dụ 01/02/2025.");
                }

                return d;
            }

            var year = Whole(Columns[0]);
            var methodText = SheetReader.Text(Cell(row, Columns[1]));
            var method = MethodCode(methodText);
            var quantity = Number(Columns[6]);
            var unitPrice = Number(Columns[7]);
            var start = Date(Columns[8]);
            var end = Date(Columns[9]);
            var decisionDate = Date(Columns[11]);

            int? agency = null;
            if (Code(row, 2) is { } agencyCode)
            {
                agency = agencies.TryGetValue(agencyCode, out var a) ? a : null;
                if (agency is null)
                {
                    Problem(Columns[2], $"Không tìm thấy cơ quan mã \"{agencyCode}\".");
                }
            }

            int? unit = null;
            if (Code(row, 3) is { } unitCode)
            {
                unit = units.TryGetValue(unitCode, out var u) ? u : null;
                if (unit is null)
                {
                    Problem(Columns[3], $"Không tìm thấy đơn vị sự nghiệp công lập mã \"{unitCode}\".");
                }
            }

            int? provider = null;
            if (Code(row, 4) is { } providerCode)
            {
                provider = providers.TryGetValue(providerCode, out var p) ? p : null;
                if (provider is null)
                {
                    Problem(Columns[4], $"Không tìm thấy cơ sở ngoài công lập mã \"{providerCode}\".");
                }
            }

            int? item = null;
            if (Code(row, 5) is { } itemCode)
            {
                var on = start ?? (year is { } y ? new DateOnly(Math.Clamp(y, 1, 9999), 1, 1) : DateOnly.MinValue);
                var inForce = items.Where(x => x.Code == itemCode && x.ValidFrom <= on && (x.ValidTo == null || x.ValidTo >= on)).ToList();
                if (inForce.Count == 1)
                {
                    item = inForce[0].Id;
                }
                else
                {
                    Problem(Columns[5], inForce.Count == 0
                        ? $"Không có dịch vụ mã \"{itemCode}\" trong danh mục có hiệu lực ngày bắt đầu."
                        : $"Mã dịch vụ \"{itemCode}\" có trong {inForce.Count} danh mục cùng có hiệu lực; không xác định được dịch vụ.");
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            var input = new OrderInput(year, method ?? methodText, agency, unit, provider, item, quantity, unitPrice, start, end,
                SheetReader.Text(Cell(row, Columns[10])), decisionDate, SheetReader.Text(Cell(row, Columns[12])),
                SheetReader.Text(Cell(row, Columns[13])), SheetReader.Text(Cell(row, Columns[14])));
            var (order, errors, forbidden) = await service.CheckAsync(input, ct, known);
            if (forbidden is not null)
            {
                Problem(Columns[2], forbidden.Message);
            }

            foreach (var e in errors)
            {
                var column = Columns.FirstOrDefault(c => c.Field == e.Field) ?? Columns[0];
                Problem(column, e.Message);
            }

            if (order is not null && problems.Count == before)
            {
                orders.Add(order);
            }
        }

        if (problems.Count > 0)
        {
            return new ImportResult(0, problems.DistinctBy(p => (p.Row, p.Column, p.Message)).OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal).ToList());
        }

        // One save: the orders and their audit rows go in the context's own transaction, all or nothing.
        db.ServiceOrders.AddRange(orders);
        await db.SaveChangesAsync(ct);
        return new ImportResult(orders.Count, []);
    }

    /// <summary>A method as a code or as its Vietnamese name, accents or not.</summary>
    private static string? MethodCode(string? text)
    {
        if (ServiceRules.ParseMethod(text) is { } m)
        {
            return ServiceRules.MethodCode(m);
        }

        var folded = VietnameseText.Fold(text);
        return Enum.GetValues<ServiceMethod>().Where(x => VietnameseText.Fold(ServiceRules.MethodName(x)) == folded)
            .Select(ServiceRules.MethodCode).Cast<string?>().FirstOrDefault();
    }

    private static string Fold(string header) => VietnameseText.Fold(header).Replace(" ", "", StringComparison.Ordinal);
}
