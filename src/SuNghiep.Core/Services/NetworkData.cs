using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Services;

public sealed record PopulationRow(string CommuneCode, string CommuneName, int Year, int Population, string? Source);

public sealed record UnitCapacityView(int UnitId, string CapacityUnit, int Capacity, DateOnly ValidFrom, DateOnly? ValidTo, string? Source);

public sealed record UnitCapacityInput(string? CapacityUnit, int? Capacity, DateOnly? ValidFrom, string? Source);

/// <summary>
/// The figures coverage is measured with: communes' populations (imported from the statistics office's .xlsx, all or
/// nothing) and public units' capacities (written as the unit's staffing is).
/// </summary>
public sealed class NetworkData(SuNghiepDbContext db, NetworkCoverage coverage, TimeProvider time, SheetLimits? limits = null)
{
    public const int MaxRows = 50_000;
    public const int MaxPopulation = 100_000_000;

    private sealed record Column(string Letter, string Header);

    private static readonly Column[] Columns =
    [
        new("A", "Mã xã, phường"),
        new("B", "Tên xã, phường"),
        new("C", "Năm"),
        new("D", "Dân số"),
        new("E", "Nguồn"),
    ];

    public static byte[] Template()
    {
        var data = new DataTable("Dân số");
        data.Columns.Add(Columns[0].Header, typeof(string));
        data.Columns.Add(Columns[1].Header, typeof(string));
        data.Columns.Add(Columns[2].Header, typeof(int));
        data.Columns.Add(Columns[3].Header, typeof(int));
        data.Columns.Add(Columns[4].Header, typeof(string));
        var help = new[]
        {
            ("A", Columns[0].Header, "Mã xã, phường (5 chữ số) theo danh mục đơn vị hành chính.", "31120"),
            ("B", Columns[1].Header, "Tên xã, phường, để đối chiếu; không bắt buộc.", "Cái Khế"),
            ("C", Columns[2].Header, "Năm của số liệu; xã, phường phải tồn tại trong năm đó.", "2025"),
            ("D", Columns[3].Header, "Số dân (người), số nguyên không âm.", "41250"),
            ("E", Columns[4].Header, "Nguồn số liệu (cục thống kê, niên giám); không bắt buộc.", "Niên giám thống kê 2025"),
        }.Select(h => new Dictionary<string, object?> { ["Cột"] = h.Item1, ["Tiêu đề"] = h.Item2, ["Cách nhập"] = h.Item3, ["Ví dụ"] = h.Item4 }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Dân số"] = data, ["Hướng dẫn"] = help });
        return stream.ToArray();
    }

    public sealed record ImportOutcome(int Written, IReadOnlyList<ImportProblem> Problems, string? Forbidden = null);

    /// <summary>Writes every row or none: a year already recorded for a commune is replaced.</summary>
    public async Task<ImportOutcome> ImportPopulationAsync(Stream file, CancellationToken ct = default)
    {
        if (!Permissions.IsOfficerOfAgencies(db.Scope.Role))
        {
            return new(0, [], "Chỉ quản trị hệ thống, Sở Nội vụ và cán bộ cơ quan quản lý nhập số liệu dân số.");
        }

        var (rows, unreadable) = SheetReader.Read(file, MaxRows, limits);
        if (unreadable is not null)
        {
            return new(0, [unreadable]);
        }

        if (rows.Count == 0)
        {
            return new(0, [new(2, "A", Columns[0].Header, "Tệp không có dòng dữ liệu nào.")]);
        }

        var keys = rows[0].Keys.GroupBy(Fold).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missing = Columns.Where(c => c.Letter is "A" or "C" or "D" && !keys.ContainsKey(Fold(c.Header))).ToList();
        if (missing.Count > 0)
        {
            return new(0, missing.Select(c => new ImportProblem(1, c.Letter, c.Header, $"Thiếu cột \"{c.Header}\"; hãy dùng tệp mẫu.")).ToList());
        }

        string? Cell(IDictionary<string, object?> row, Column c) =>
            keys.TryGetValue(Fold(c.Header), out var key) && row.TryGetValue(key, out var value) ? SheetReader.Text(value) : null;

        var codes = rows.Select(r => Cell(r, Columns[0])).OfType<string>().Distinct().ToList();
        var communes = new List<(int Id, string Code, DateOnly? From, DateOnly? To, string Lineage)>();
        foreach (var chunk in codes.Chunk(500))
        {
            var found = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Commune && chunk.Contains(a.Code))
                .Select(a => new { a.Id, a.Code, a.ValidFrom, a.ValidTo, a.LineagePath }).ToListAsync(ct);
            communes.AddRange(found.Select(a => (a.Id, a.Code, a.ValidFrom, a.ValidTo, a.LineagePath)));
        }

        var reach = await coverage.ReachAsync(db.Scope, ct);
        var problems = new List<ImportProblem>();
        var pending = new Dictionary<(int AreaId, int Year), (int Row, int Population, string? Source)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var excelRow = i + 2;
            if (Columns.All(c => Cell(row, c) is null))
            {
                continue;
            }

            var code = Cell(row, Columns[0]);
            int? year = null;
            if (Cell(row, Columns[2]) is not { } yearText)
            {
                problems.Add(new(excelRow, "C", Columns[2].Header, "Thiếu năm."));
            }
            else if (!int.TryParse(yearText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) || y < 1900 || y > 2199)
            {
                problems.Add(new(excelRow, "C", Columns[2].Header, $"\"{yearText}\" không phải một năm (từ 1900 đến 2199)."));
            }
            else
            {
                year = y;
            }

            int? population = null;
            if (Cell(row, Columns[3]) is not { } popText)
            {
                problems.Add(new(excelRow, "D", Columns[3].Header, "Thiếu số dân."));
            }
            else if (!int.TryParse(popText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                problems.Add(new(excelRow, "D", Columns[3].Header, $"\"{popText}\" không phải số nguyên."));
            }
            else if (n < 0 || n > MaxPopulation)
            {
                problems.Add(new(excelRow, "D", Columns[3].Header, $"Số dân phải từ 0 đến {InputLimits.Number(MaxPopulation)}; ghi {InputLimits.Number(n)}."));
            }
            else
            {
                population = n;
            }

            var source = Cell(row, Columns[4]);
            if (source is { Length: > 500 })
            {
                problems.Add(new(excelRow, "E", Columns[4].Header, "Nguồn có tối đa 500 ký tự."));
            }

            (int Id, string Code, DateOnly? From, DateOnly? To, string Lineage)? commune = null;
            if (code is null)
            {
                problems.Add(new(excelRow, "A", Columns[0].Header, "Thiếu mã xã, phường."));
            }
            else if (!communes.Any(c => c.Code == code))
            {
                problems.Add(new(excelRow, "A", Columns[0].Header, $"Không có xã, phường mã \"{code}\"."));
            }
            else if (year is { } yr)
            {
                var first = new DateOnly(yr, 1, 1);
                var last = new DateOnly(yr, 12, 31);
                commune = communes.Where(c => (c.From is null || c.From <= last) && (c.To is null || c.To >= first)).Cast<(int, string, DateOnly?, DateOnly?, string)?>()
                    .FirstOrDefault(c => c!.Value.Item2 == code);
                if (commune is null)
                {
                    problems.Add(new(excelRow, "A", Columns[0].Header, $"Xã, phường mã \"{code}\" không tồn tại trong năm {yr}."));
                }
                else if (reach is null || (reach != "/" && !commune.Value.Lineage.StartsWith(reach, StringComparison.Ordinal)))
                {
                    problems.Add(new(excelRow, "A", Columns[0].Header, $"Xã, phường mã \"{code}\" không thuộc phạm vi của bạn."));
                    commune = null;
                }
            }

            if (commune is { } found && year is { } fy && population is { } pop)
            {
                if (pending.TryGetValue((found.Id, fy), out var earlier))
                {
                    problems.Add(new(excelRow, "A", Columns[0].Header, $"Xã, phường mã \"{code}\" năm {fy} đã có ở dòng {earlier.Row}."));
                }
                else
                {
                    pending[(found.Id, fy)] = (excelRow, pop, string.IsNullOrWhiteSpace(source) ? null : source.Trim());
                }
            }
        }

        if (problems.Count > 0)
        {
            return new(0, problems);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = pending.Keys.Select(k => k.AreaId).Distinct().ToList();
        var existing = new Dictionary<(int, int), AreaPopulation>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await db.AreaPopulations.Where(p => chunk.Contains(p.AreaId)).ToListAsync(ct))
            {
                existing[(p.AreaId, p.Year)] = p;
            }
        }

        foreach (var ((areaId, year), value) in pending)
        {
            if (!existing.TryGetValue((areaId, year), out var row))
            {
                row = new AreaPopulation { AreaId = areaId, Year = year };
                db.AreaPopulations.Add(row);
            }

            if (row.Population != value.Population || row.Source != value.Source || row.Id == 0)
            {
                row.Population = value.Population;
                row.Source = value.Source;
                row.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(pending.Count, []);
    }

    /// <summary>Populations under an area code (any area that had it, with its lineage), of one year or all, by commune code and year.</summary>
    public async Task<(IReadOnlyList<PopulationRow> Items, int Total)> PopulationAsync(string? areaCode, int? year, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.AreaPopulations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            var prefixes = await db.Areas.AsNoTracking().Where(a => a.Code == areaCode.Trim()).Select(a => a.LineagePath).ToListAsync(ct);
            query = prefixes.Count switch
            {
                0 => query.Where(p => false),
                1 => query.Where(p => p.Area!.LineagePath.StartsWith(prefixes[0])),
                _ => query.Where(p => p.Area!.LineagePath.StartsWith(prefixes[0]) || p.Area!.LineagePath.StartsWith(prefixes[1])),
            };
        }

        if (year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Area!.Code).ThenBy(p => p.Year).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Area!.Code, p.Area.Type, p.Area.Name, p.Year, p.Population, p.Source }).ToListAsync(ct);
        return (items.Select(p => new PopulationRow(p.Code, Area.FullNameOf(p.Type, p.Name), p.Year, p.Population, p.Source)).ToList(), total);
    }

    /// <summary>A unit's capacity rows, latest first; null when the caller does not see the unit.</summary>
    public async Task<IReadOnlyList<UnitCapacityView>?> CapacityAsync(int unitId, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return null;
        }

        var rows = await db.UnitCapacities.AsNoTracking().Where(c => c.UnitId == unitId).OrderByDescending(c => c.ValidFrom).ThenBy(c => c.CapacityUnit)
            .Select(c => new { c.UnitId, c.CapacityUnit, c.Capacity, c.ValidFrom, c.ValidTo, c.Source }).ToListAsync(ct);
        return rows.Select(c => new UnitCapacityView(c.UnitId, ProviderService.Code(c.CapacityUnit), c.Capacity, c.ValidFrom, c.ValidTo, c.Source)).ToList();
    }

    /// <summary>
    /// Sets a unit's capacity in a unit from a date: the row in force then ends that day and the new one holds until the
    /// next row, if any; the same date replaces that row's figure.
    /// </summary>
    public async Task<Resources.WriteResult<IReadOnlyList<UnitCapacityView>>> PutCapacityAsync(int unitId, UnitCapacityInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return Resources.WriteResult.Missing<IReadOnlyList<UnitCapacityView>>();
        }

        var errors = new List<RuleViolation>();
        var capacityUnit = ProviderService.ParseUnit(input.CapacityUnit);
        if (capacityUnit is null)
        {
            errors.Add(new("capacityUnit", "Đơn vị quy mô phải là một trong: beds (giường bệnh), pupils (học sinh), places (chỗ), classes (lớp học)."));
        }

        if (input.Capacity is null)
        {
            errors.Add(new("capacity", "Vui lòng nhập quy mô."));
        }
        else if (input.Capacity < 0 || input.Capacity > ProviderService.MaxCapacity)
        {
            errors.Add(new("capacity", $"Quy mô phải từ 0 đến {InputLimits.Number(ProviderService.MaxCapacity)}."));
        }

        if (input.ValidFrom is not { } from)
        {
            errors.Add(new("validFrom", "Vui lòng nhập ngày áp dụng."));
        }
        else if (!InputLimits.IsPlausible(from))
        {
            errors.Add(new("validFrom", InputLimits.DateMessage));
        }
        else if (from < unit.EstablishedOn || (unit.EndedOn is { } ended && from >= ended))
        {
            errors.Add(new("validFrom", $"Ngày áp dụng phải trong thời gian hoạt động của đơn vị (từ {unit.EstablishedOn:dd/MM/yyyy}"
                + (unit.EndedOn is { } e ? $" đến trước {e:dd/MM/yyyy})." : ").")));
        }

        TextChecks.Check(errors, ("source", "Nguồn", input.Source, false));
        TextChecks.Lengths(errors, ("source", "Nguồn", input.Source, 500));
        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var date = input.ValidFrom!.Value;
        var kind = capacityUnit!.Value;
        var rows = await db.UnitCapacities.Where(c => c.UnitId == unitId && c.CapacityUnit == kind).OrderBy(c => c.ValidFrom).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        var same = rows.FirstOrDefault(r => r.ValidFrom == date);
        if (same is not null)
        {
            if (same.Capacity != input.Capacity || same.Source != source)
            {
                same.Capacity = input.Capacity!.Value;
                same.Source = source;
                same.UpdatedAt = now;
            }
        }
        else
        {
            var before = rows.LastOrDefault(r => r.ValidFrom < date);
            var after = rows.FirstOrDefault(r => r.ValidFrom > date);
            if (before is not null && (before.ValidTo is null || before.ValidTo > date))
            {
                before.ValidTo = date;
                before.UpdatedAt = now;
            }

            db.UnitCapacities.Add(new UnitCapacity
            {
                UnitId = unitId, CapacityUnit = kind, Capacity = input.Capacity!.Value, ValidFrom = date, ValidTo = after?.ValidFrom, Source = source, UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        return new((await CapacityAsync(unitId, ct))!, [], []);
    }

    private static string Fold(string header) => VietnameseText.Fold(header).Replace(" ", "", StringComparison.Ordinal);
}
