using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Web.Pages.Shared;

/// <summary>One choice of a picker: the value the form sends (an area code or an agency id), the name and what tells it apart.</summary>
public sealed record PickerItem(string Value, string Name, string Detail);

/// <summary>What a picker's text resolved to: a value, or a message for the field (unknown, or several candidates).</summary>
public sealed record PickerResolution(string? Value, string? Name, string? Error);

/// <summary>
/// The agencies a form may name on a date, only those still in existence: a task's lead among the agencies the caller may
/// assign to (its subtree, or those of its area), its coordinators among the caller's whole agency tree; with
/// <see cref="Everywhere"/>, any in the country (a dossier's competent body or receiving agency is often above the caller).
/// </summary>
public sealed record AgencyChoice(bool Coordinators, DateOnly On, bool Everywhere = false);

/// <summary>The names that a page's pickers show for the ids and codes its form holds.</summary>
public sealed record PickerLabels(IReadOnlyDictionary<string, string> Agencies, IReadOnlyDictionary<string, string> Areas)
{
    public static readonly PickerLabels None = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public string? Agency(string? value) => value is not null && Agencies.TryGetValue(value.Trim(), out var label) ? label : null;

    public string? Area(string? code) => code is not null && Areas.TryGetValue(code.Trim(), out var label) ? label : null;
}

/// <summary>
/// The area and agency pickers: found by folded name ("cai khe" finds "Phường Cái Khế") or code within the caller's
/// scope, so that filters need not list every area and agency of the country. Without JavaScript the same field takes
/// a code, an id, or a name that matches exactly or uniquely.
/// </summary>
public static class Pickers
{
    public const int MinLength = 2;
    public const int MaxLength = 100;
    public const int MaxItems = 20;

    /// <summary>Checks a lookup query; problems keyed by the parameter.</summary>
    public static IReadOnlyList<RuleViolation> Validate(string? q)
    {
        var folded = VietnameseText.Fold(q);
        return folded.Length < MinLength ? [new("q", $"Từ khóa phải có ít nhất {MinLength} ký tự.")]
            : q!.Trim().Length > MaxLength ? [new("q", $"Từ khóa dài quá {MaxLength} ký tự.")]
            : [];
    }

    private sealed record AreaRow(int Id, string Code, string Type, string Name, string? ParentName, DateOnly? ValidTo)
    {
        public string FullName => Area.FullNameOf(Type, Name);
        public string Folded { get; } = VietnameseText.Fold(Area.FullNameOf(Type, Name));
        public string FoldedName { get; } = VietnameseText.Fold(Name);
    }

    private sealed record AgencyRow(int Id, string Code, string Name, string? AreaName, DateOnly? ValidTo)
    {
        public string Folded { get; } = VietnameseText.Fold(Name);
        public string SearchText { get; } = VietnameseText.Fold(Name + " " + Code);
    }

    /// <summary>Areas of the caller's scope existing on the date (today's map when none), whose folded name or code holds every word.</summary>
    public static async Task<List<PickerItem>> AreasAsync(SuNghiepDbContext db, string q, DateOnly? on, CancellationToken ct)
    {
        var folded = VietnameseText.Fold(q);
        var rows = Match(await AreaRowsAsync(db, on, ct), folded);
        return rows.Take(MaxItems).Select(AreaItem).ToList();
    }

    /// <summary>
    /// Agencies of the caller's subtree whose folded name or code holds every word; for a task, those it may name
    /// (<see cref="AgencyChoice"/>).
    /// </summary>
    public static async Task<List<PickerItem>> AgenciesAsync(SuNghiepDbContext db, string q, CancellationToken ct, AgencyChoice? task = null)
    {
        var folded = VietnameseText.Fold(q);
        var rows = Match(await AgencyRowsAsync(db, ct, task), folded);
        return rows.Take(MaxItems).Select(AgencyItem).ToList();
    }

    /// <summary>
    /// Units of the caller's scope in operation on the date whose folded name or code holds every word, as the register
    /// searches them (in SQL, so the national register is never read whole); the value is the unit's code.
    /// </summary>
    public static async Task<List<PickerItem>> UnitsAsync(SuNghiepDbContext db, string q, DateOnly on, CancellationToken ct)
    {
        var page = await Core.Units.UnitQueries.ListAsync(db,
            new Core.Units.UnitQuery { AsOf = on, Search = q.Trim(), Status = "active", Sort = "name", PageSize = MaxItems }, on, ct);
        return page.Items
            .Select(u => new PickerItem(u.Code, u.Name, u.Code + " · " + Display.Capitalized(u.AreaName) + " · " + u.ManagingAgencyName))
            .ToList();
    }

    /// <summary>
    /// The unit a form's text names when it is no code: the one unit of the caller's scope in operation whose folded name
    /// is the text, else the only one holding its words; a message when several match, none when nothing does.
    /// </summary>
    public static async Task<PickerResolution> ResolveUnitAsync(SuNghiepDbContext db, string text, DateOnly on, CancellationToken ct)
    {
        var trimmed = text.Trim();
        if (Validate(trimmed).Count > 0)
        {
            return new(null, null, null);
        }

        var page = await Core.Units.UnitQueries.ListAsync(db,
            new Core.Units.UnitQuery { AsOf = on, Search = trimmed, Status = "active", Sort = "name", PageSize = MaxItems }, on, ct);
        var folded = VietnameseText.Fold(trimmed);
        var exact = page.Items.Where(u => VietnameseText.Fold(u.Name) == folded).ToList();
        var candidates = exact.Count > 0 ? exact : page.Items.ToList();
        var total = exact.Count > 0 ? exact.Count : page.Total;
        if (total == 1)
        {
            return new(candidates[0].Code, candidates[0].Name, null);
        }

        var items = candidates.Select(u => new PickerItem(u.Code, u.Name, u.Code)).ToList();
        return total == 0 ? new(null, null, null) : new(null, null, Ambiguous("đơn vị", trimmed, items, "mã", total));
    }

    /// <summary>
    /// The area a filter's text names: a code as it is (the engine checks it on its date), else a folded name that is
    /// exactly one area's (with or without its type word) or the only one holding the words.
    /// </summary>
    public static async Task<PickerResolution> ResolveAreaAsync(SuNghiepDbContext db, string text, DateOnly? on, CancellationToken ct)
    {
        var trimmed = text.Trim();
        // A word with a digit is a code ("31120"): the caller checks it on its date, with the message the API gives.
        if (!trimmed.Any(char.IsWhiteSpace) && trimmed.Any(char.IsAsciiDigit))
        {
            return new(trimmed, null, null);
        }

        var folded = VietnameseText.Fold(trimmed);
        var rows = await AreaRowsAsync(db, on, ct);
        var exact = rows.Where(r => r.Folded == folded || r.FoldedName == folded).ToList();
        var candidates = exact.Count > 0 ? exact : Match(rows, folded);
        return candidates.Count switch
        {
            1 => new(candidates[0].Code, candidates[0].FullName, null),
            0 => new(null, null, $"Không tìm thấy địa bàn \"{trimmed}\" trong phạm vi được xem; nhập tên hoặc mã địa bàn."),
            _ => new(null, null, Ambiguous("địa bàn", trimmed, candidates.Select(AreaItem).ToList(), "mã")),
        };
    }

    /// <summary>The agency a filter's text names: an id, an agency code, or a folded name exactly one agency's or uniquely matched in scope.</summary>
    public static async Task<PickerResolution> ResolveAgencyAsync(SuNghiepDbContext db, string text, CancellationToken ct, AgencyChoice? task = null)
    {
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            // An id is the picker's value: read as the filters always read it, the scope then applying to the figures.
            var name = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct);
            return name is null
                ? new(null, null, $"Cơ quan quản lý không hợp lệ: không có cơ quan mã số {id}.")
                : new(trimmed, name, null);
        }

        var folded = VietnameseText.Fold(trimmed);
        var rows = await AgencyRowsAsync(db, ct, task);
        var exact = rows.Where(r => string.Equals(r.Code, trimmed, StringComparison.OrdinalIgnoreCase) || r.Folded == folded).ToList();
        var candidates = exact.Count > 0 ? exact : Match(rows, folded);
        // An ended agency keeps its name beside its successor's: the one still existing is the one meant.
        if (candidates.Count > 1 && candidates.Count(c => c.ValidTo is null) == 1)
        {
            candidates = candidates.Where(c => c.ValidTo is null).ToList();
        }

        return candidates.Count switch
        {
            1 => new(candidates[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), candidates[0].Name, null),
            0 => new(null, null, $"Cơ quan quản lý không hợp lệ: không tìm thấy \"{trimmed}\" trong phạm vi được xem; nhập tên hoặc mã cơ quan."),
            _ => new(null, null, Ambiguous("cơ quan", trimmed, candidates.Select(AgencyItem).ToList(), "mã")),
        };
    }

    /// <summary>
    /// A form's agency field as the service takes it: the id the picker sent, or the id of the code or name typed
    /// without JavaScript; null with a message on the field when the text names no agency or several.
    /// </summary>
    public static async Task<string?> AgencyFieldAsync(
        SuNghiepDbContext db, string? text, string field, List<RuleViolation> errors, CancellationToken ct, AgencyChoice? task = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        var resolved = await ResolveAgencyAsync(db, text, ct, task);
        if (resolved.Error is not null)
        {
            errors.Add(new(field, resolved.Error));
        }

        return resolved.Value;
    }

    /// <summary>A form's area field as the service takes it: a code as typed, or the code of the area a name names.</summary>
    public static async Task<string?> AreaFieldAsync(
        SuNghiepDbContext db, string? text, DateOnly? on, string field, List<RuleViolation> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        var resolved = await ResolveAreaAsync(db, text, on, ct);
        if (resolved.Error is not null)
        {
            errors.Add(new(field, resolved.Error));
        }

        return resolved.Value;
    }

    /// <summary>
    /// What the pickers of a page show for values already chosen: "name (code)" for agency ids and area codes, so that a
    /// re-rendered form reads as it was filled. Values that are not ids or codes are left out and shown as typed.
    /// </summary>
    public static async Task<PickerLabels> LabelsAsync(
        SuNghiepDbContext db, IEnumerable<string?> agencyValues, IEnumerable<string?> areaCodes, CancellationToken ct)
    {
        var ids = agencyValues
            .Select(v => int.TryParse(v?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
        var codes = areaCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct().ToList();
        var agencies = ids.Count == 0 ? []
            : await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct);
        var areas = codes.Count == 0 ? []
            : await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code))
                .OrderByDescending(a => a.ValidTo == null).ThenByDescending(a => a.ValidFrom)
                .Select(a => new { a.Code, a.Type, a.Name }).ToListAsync(ct);
        return new PickerLabels(
            agencies.ToDictionary(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a => $"{a.Name} ({a.Code})", StringComparer.Ordinal),
            areas.DistinctBy(a => a.Code).ToDictionary(a => a.Code, a => $"{Area.FullNameOf(a.Type, a.Name)} ({a.Code})", StringComparer.Ordinal));
    }

    private static string Ambiguous(string what, string text, List<PickerItem> items, string codeWord, int? total = null)
    {
        const int Shown = 5;
        var count = total ?? items.Count;
        var listed = string.Join("; ", items.Take(Shown).Select(i => $"{i.Name} ({codeWord} {i.Detail})"));
        var more = count > Shown ? $" và {count - Shown} {what} khác" : "";
        return $"\"{text}\" khớp với {count} {what}: {listed}{more}. Hãy chọn một {what} trong danh sách hoặc nhập mã.";
    }

    private static PickerItem AreaItem(AreaRow r) =>
        new(r.Code, r.FullName, r.Code + (r.ParentName is null ? "" : " · " + Display.Capitalized(r.ParentName)) + (r.ValidTo is not null ? " · đã kết thúc" : ""));

    private static PickerItem AgencyItem(AgencyRow r) =>
        new(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name,
            r.Code + (r.AreaName is null ? "" : " · " + Display.Capitalized(r.AreaName)) + (r.ValidTo is not null ? " · đã kết thúc" : ""));

    // Best first: the exact code, then a code or name starting with the query, then the rest, in Vietnamese order.
    private static List<AreaRow> Match(List<AreaRow> rows, string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return rows
            .Where(r => words.All(w => r.Folded.Contains(w, StringComparison.Ordinal) || r.Code.StartsWith(w, StringComparison.Ordinal)))
            .OrderBy(r => r.Code == folded ? 0 : r.Code.StartsWith(folded, StringComparison.Ordinal) || r.FoldedName.StartsWith(folded, StringComparison.Ordinal) || r.Folded.StartsWith(folded, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(r => VietnameseText.SortKey(r.Name), StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static List<AgencyRow> Match(List<AgencyRow> rows, string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return rows
            .Where(r => words.All(w => r.SearchText.Contains(w, StringComparison.Ordinal)))
            .OrderBy(r => VietnameseText.Fold(r.Code) == folded ? 0 : VietnameseText.Fold(r.Code).StartsWith(folded, StringComparison.Ordinal) || r.Folded.StartsWith(folded, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(r => r.ValidTo is null ? 0 : 1)
            .ThenBy(r => VietnameseText.SortKey(r.Name), StringComparer.Ordinal).ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>
    /// The areas on the date in the caller's scope: everything for a national account, the subtree of an area scope,
    /// and for an agency or unit scope the areas holding a unit it sees, with their parents. Some thousands of rows on
    /// the national set, folded in memory as the search folds agencies.
    /// </summary>
    private static async Task<List<AreaRow>> AreaRowsAsync(SuNghiepDbContext db, DateOnly? on, CancellationToken ct)
    {
        var scope = db.Scope;
        var query = db.Areas.AsNoTracking();
        query = on is { } date
            ? query.Where(a => (a.ValidFrom == null || a.ValidFrom <= date) && (a.ValidTo == null || a.ValidTo >= date))
            : query.Where(a => a.ValidTo == null);
        if (!scope.Unrestricted)
        {
            if (scope.AreaPath is { } areaPath)
            {
                query = query.Where(a => a.LineagePath.StartsWith(areaPath));
            }
            else
            {
                var used = db.Units.Select(u => u.AreaId).Distinct();
                query = query.Where(a => used.Contains(a.Id) || db.Areas.Any(c => c.ParentId == a.Id && used.Contains(c.Id)));
            }
        }

        return await query
            .Select(a => new AreaRow(a.Id, a.Code, a.Type, a.Name, a.Parent != null ? a.Parent.Type + " " + a.Parent.Name : null, a.ValidTo))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Agencies in the caller's subtree, as the search box scopes them: a few thousand nationally, folded in memory.
    /// </summary>
    private static async Task<List<AgencyRow>> AgencyRowsAsync(SuNghiepDbContext db, CancellationToken ct, AgencyChoice? task = null)
    {
        var query = Core.Search.SearchQueries.AgenciesInScope(db);
        if (task is { } t)
        {
            // Only agencies still in existence take a task; a coordinator may be a sister of the caller's agency.
            query = db.Agencies.AsNoTracking().Where(a => a.ValidTo == null || a.ValidTo >= t.On);
            // Everywhere offers the whole country: names of public bodies, no figures.
            if (!t.Everywhere && db.Scope.AreaPath is { } areaPath)
            {
                query = query.Where(a => a.Area != null && a.Area.LineagePath.StartsWith(areaPath));
            }

            if (!t.Everywhere && db.Scope.AgencyPath is { } path)
            {
                var root = t.Coordinators ? "/" + path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] + "/" : path;
                query = query.Where(a => a.Path.StartsWith(root));
            }
        }

        return await query
            .Select(a => new AgencyRow(a.Id, a.Code, a.Name, a.Area != null ? a.Area.Type + " " + a.Area.Name : null, a.ValidTo))
            .ToListAsync(ct);
    }
}
