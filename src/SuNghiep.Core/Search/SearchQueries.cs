using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Search;

/// <summary>One thing found: its kind (unit, agency, document, task), its page, and a line that tells it apart.</summary>
public sealed record SearchHit(string Kind, int Id, string Title, string Url, string? Detail, int Rank, string SortKey);

public sealed record SearchQuery(string? Q, string? Kind, int Page = 1, int PageSize = SearchQueries.DefaultPageSize);

/// <summary>A page of hits across the kinds asked for, and how many of each kind there are in all.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Items, int Total, IReadOnlyDictionary<string, int> Totals);

/// <summary>
/// The one search box: units, agencies, documents and tasks whose folded text holds every folded word of the query
/// ("truong" finds "Trường", "d" finds "đ"), within the caller's scope. Best first: the exact code (or document number),
/// then a code or name that starts with the query, then the rest, each in Vietnamese alphabetical order.
/// </summary>
public static class SearchQueries
{
    public const string Unit = "unit";
    public const string Agency = "agency";
    public const string Document = "document";
    public const string Task = "task";

    public static readonly IReadOnlyList<string> Kinds = [Unit, Agency, Document, Task];

    public const int MinLength = 2;
    public const int MaxLength = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;

    /// <summary>Only the first results are paged through: a query that finds more should be narrowed.</summary>
    public const int MaxResults = 1000;

    private const int MaxWords = 8;
    private const int TitleLength = 160;

    public static string KindName(string kind) => kind switch
    {
        Unit => "Đơn vị",
        Agency => "Cơ quan",
        Document => "Văn bản",
        Task => "Nhiệm vụ",
        _ => kind,
    };

    /// <summary>Checks the query; each problem is keyed by the parameter it concerns.</summary>
    public static IReadOnlyList<RuleViolation> Validate(SearchQuery q)
    {
        var errors = new List<RuleViolation>();
        var folded = VietnameseText.Fold(q.Q);
        if (folded.Length == 0)
        {
            errors.Add(new("q", "Nhập từ khóa tìm kiếm."));
        }
        else if (folded.Length < MinLength)
        {
            errors.Add(new("q", $"Từ khóa phải có ít nhất {MinLength} ký tự."));
        }
        else if (q.Q!.Trim().Length > MaxLength)
        {
            errors.Add(new("q", $"Từ khóa dài quá {MaxLength} ký tự."));
        }

        if (q.Kind is { Length: > 0 } kind && !Kinds.Contains(kind))
        {
            errors.Add(new("kind", "Loại kết quả phải là unit, agency, document hoặc task."));
        }

        if (q.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new("pageSize", $"Số kết quả mỗi trang phải từ 1 đến {MaxPageSize}."));
        }
        else if (q.Page < 1 || (long)q.Page * q.PageSize > MaxResults)
        {
            errors.Add(new("page", $"Chỉ xem được {MaxResults.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} kết quả đầu; hãy thêm từ khóa để thu hẹp."));
        }

        return errors;
    }

    /// <summary>Runs a valid query (see <see cref="Validate"/>) in the scope the context was given.</summary>
    public static async Task<SearchResult> SearchAsync(SuNghiepDbContext db, SearchQuery q, CancellationToken ct = default)
    {
        var folded = VietnameseText.Fold(q.Q);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(MaxWords).ToArray();
        var kinds = q.Kind is { Length: > 0 } k ? [k] : Kinds;
        var wanted = q.Page * q.PageSize;
        var hits = new List<SearchHit>();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var (top, total) = kind switch
            {
                Unit => await UnitsAsync(db, folded, words, wanted, ct),
                Agency => await AgenciesAsync(db, folded, words, wanted, ct),
                Document => await DocumentsAsync(db, folded, words, wanted, ct),
                _ => await TasksAsync(db, folded, words, wanted, ct),
            };
            hits.AddRange(top);
            totals[kind] = total;
        }

        var page = hits
            .OrderBy(h => h.Rank).ThenBy(h => KindOrder(h.Kind)).ThenBy(h => h.SortKey, StringComparer.Ordinal).ThenBy(h => h.Id)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
            .ToList();
        return new SearchResult(page, totals.Values.Sum(), totals);
    }

    private static int KindOrder(string kind) => kind switch { Unit => 0, Agency => 1, Document => 2, _ => 3 };

    // 0: the code is the query; 1: the code or the name starts with it; 2: the words are somewhere in it.
    private static int Rank(string folded, string? code, string foldedTitle)
    {
        var foldedCode = VietnameseText.Fold(code);
        return foldedCode == folded ? 0
            : foldedCode.StartsWith(folded, StringComparison.Ordinal) || foldedTitle.StartsWith(folded, StringComparison.Ordinal) ? 1
            : 2;
    }

    /// <summary>
    /// Units through their folded name and code (the column the register searches), scope and voided units by the
    /// context's filter. Ranked and ordered in SQL, so that only the page's first rows are read on the national set.
    /// </summary>
    private static async Task<(List<SearchHit>, int)> UnitsAsync(SuNghiepDbContext db, string folded, string[] words, int wanted, CancellationToken ct)
    {
        var query = db.Units.AsNoTracking();
        foreach (var word in words)
        {
            query = query.Where(u => u.SearchText.Contains(word));
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .Select(u => new
            {
                u.Id, u.Code, u.Name, u.SortKey, u.EndedOn, Area = u.Area!.Type + " " + u.Area.Name,
                Rank = u.Code.ToLower() == folded ? 0 : u.Code.ToLower().StartsWith(folded) || u.SearchText.StartsWith(folded) ? 1 : 2,
            })
            .OrderBy(u => u.Rank).ThenBy(u => u.SortKey).ThenBy(u => u.Id)
            .Take(wanted)
            .ToListAsync(ct);
        return (rows.Select(u => new SearchHit(Unit, u.Id, u.Name, $"/units/{u.Id}",
            $"{u.Code} · {u.Area}{(u.EndedOn is not null ? " · đã chấm dứt" : "")}", u.Rank, u.SortKey)).ToList(), total);
    }

    /// <summary>The agencies the caller may find: its agency's subtree, an area scope's agencies, none for a unit officer.</summary>
    public static IQueryable<Agency> AgenciesInScope(SuNghiepDbContext db)
    {
        var scope = db.Scope;
        var query = db.Agencies.AsNoTracking();
        if (scope.Unrestricted)
        {
            return query;
        }

        return scope.AgencyPath is { } agencyPath ? query.Where(a => a.LineagePath.StartsWith(agencyPath))
            : scope.AreaPath is { } areaPath ? query.Where(a => a.Area != null && a.Area.LineagePath.StartsWith(areaPath))
            : query.Where(a => false);
    }

    /// <summary>
    /// Agencies in the caller's subtree (an area scope: those of its areas; a unit officer: none), through their folded
    /// name and code. A result leads to the register filtered by the agency.
    /// </summary>
    private static async Task<(List<SearchHit>, int)> AgenciesAsync(SuNghiepDbContext db, string folded, string[] words, int wanted, CancellationToken ct)
    {
        var query = AgenciesInScope(db);

        foreach (var word in words)
        {
            query = query.Where(a => a.SearchText.Contains(word));
        }

        // Agencies are a few thousand nationally: the matches are ordered here, by the Vietnamese key of their names.
        var rows = await query.Select(a => new { a.Id, a.Code, a.Name, a.ValidTo }).ToListAsync(ct);
        var hits = rows
            .Select(a => new SearchHit(Agency, a.Id, a.Name, $"/units?ManagingAgencyId={a.Id}",
                $"{a.Code}{(a.ValidTo is not null ? " · đã kết thúc" : "")}", Rank(folded, a.Code, VietnameseText.Fold(a.Name)), VietnameseText.SortKey(a.Name)))
            .OrderBy(h => h.Rank).ThenBy(h => h.SortKey, StringComparer.Ordinal).ThenBy(h => h.Id)
            .Take(wanted)
            .ToList();
        return (hits, rows.Count);
    }

    /// <summary>
    /// Documents are public acts, but the search box shows an officer only those that concern it: the acts of central
    /// bodies (issued by no agency of a province), those issued within its scope or by the levels above its agency, and
    /// those that assign it a task. Their number, title and issuer are folded here (a few thousand nationally).
    /// </summary>
    private static async Task<(List<SearchHit>, int)> DocumentsAsync(SuNghiepDbContext db, string folded, string[] words, int wanted, CancellationToken ct)
    {
        var scope = db.Scope;
        var query = db.Documents.AsNoTracking();
        if (!scope.Unrestricted)
        {
            var above = Ancestors(scope.AgencyPath);
            var agencyPath = scope.AgencyPath;
            var areaPath = scope.AreaPath;
            query = query.Where(d => d.IssuerAgency == null || d.IssuerAgency.AreaId == null
                || (agencyPath != null && (d.IssuerAgency.LineagePath.StartsWith(agencyPath) || above.Contains(d.IssuerAgency.LineagePath)))
                || (areaPath != null && d.IssuerAgency.Area!.LineagePath.StartsWith(areaPath))
                || d.Tasks.Any());
        }

        var rows = await query.Select(d => new { d.Id, d.Number, d.Title, d.Issuer, d.IssuedOn }).ToListAsync(ct);
        var hits = rows
            .Select(d => (Row: d, Text: VietnameseText.Fold($"{d.Number} {d.Title} {d.Issuer}")))
            .Where(d => words.All(w => d.Text.Contains(w, StringComparison.Ordinal)))
            .Select(d => new SearchHit(Document, d.Row.Id, $"{d.Row.Number}: {Shorten(d.Row.Title)}", $"/documents/{d.Row.Id}",
                $"{d.Row.Issuer} · {d.Row.IssuedOn:dd/MM/yyyy}", Rank(folded, d.Row.Number, VietnameseText.Fold(d.Row.Title)), VietnameseText.SortKey(d.Row.Title)))
            .ToList();
        return (hits.OrderBy(h => h.Rank).ThenBy(h => h.SortKey, StringComparer.Ordinal).ThenBy(h => h.Id).Take(wanted).ToList(), hits.Count);
    }

    /// <summary>
    /// Tasks through the context's filter (the caller's subtree leads, coordinates or assigned them), by their text. Their
    /// folded text is kept per task (and checked against the text's hash) so that a search reads ids and texts only, and
    /// the page's few tasks in full.
    /// </summary>
    private static async Task<(List<SearchHit>, int)> TasksAsync(SuNghiepDbContext db, string folded, string[] words, int wanted, CancellationToken ct)
    {
        var rows = await db.PlanTasks.AsNoTracking().Select(t => new { t.Id, t.Content }).ToListAsync(ct);
        var matches = rows
            .Select(t => (t.Id, t.Content, Folded: FoldedTask(t.Id, t.Content)))
            .Where(t => words.All(w => t.Folded.Text.Contains(w, StringComparison.Ordinal)))
            .Select(t => (t.Id, Rank: t.Folded.Text.StartsWith(folded, StringComparison.Ordinal) ? 1 : 2, Title: Shorten(t.Content),
                Key: t.Folded.Key ??= VietnameseText.SortKey(Shorten(t.Content))))
            .OrderBy(t => t.Rank).ThenBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Id)
            .ToList();
        var top = matches.Take(wanted).ToList();
        var ids = top.Select(t => t.Id).ToList();
        var details = await db.PlanTasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Section, Number = t.Document!.Number, Lead = t.LeadAgency!.Name })
            .ToDictionaryAsync(t => t.Id, ct);
        var hits = top.Where(t => details.ContainsKey(t.Id)).Select(t =>
        {
            var d = details[t.Id];
            return new SearchHit(Task, t.Id, t.Title, $"/tasks/{t.Id}",
                $"{d.Number}{(d.Section is { Length: > 0 } s ? $", mục {s}" : "")} · chủ trì: {d.Lead}", t.Rank, t.Key);
        }).ToList();
        return (hits, matches.Count);
    }

    // Folding a task's text costs more than reading it: the folded text (and, once asked, its sort key) is kept while the
    // text, by its hash, stays the same.
    private sealed class Folded(int hash, string text)
    {
        public int Hash { get; } = hash;
        public string Text { get; } = text;
        public string? Key { get; set; }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Folded> FoldedTasks = new();

    private static Folded FoldedTask(int id, string content)
    {
        var hash = string.GetHashCode(content, StringComparison.Ordinal);
        if (FoldedTasks.TryGetValue(id, out var known) && known.Hash == hash)
        {
            return known;
        }

        var folded = new Folded(hash, VietnameseText.Fold(content));
        FoldedTasks[id] = folded;
        return folded;
    }

    // "/1/7/12/" is under "/1/" and "/1/7/": the documents of those levels apply to it.
    private static List<string> Ancestors(string? path)
    {
        var result = new List<string>();
        if (path is null)
        {
            return result;
        }

        for (var i = path.IndexOf('/', 1); i > 0 && i < path.Length - 1; i = path.IndexOf('/', i + 1))
        {
            result.Add(path[..(i + 1)]);
        }

        return result;
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= TitleLength ? line : line[..(TitleLength - 1)].TrimEnd() + "…";
    }
}
