using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Admin.Audit;

/// <summary>The audit trail, read-only: this page has no handler that writes.</summary>
public sealed class IndexModel(SuNghiepDbContext db) : PageModel
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<string> EntityTypes = ["Unit", "Agency", "Area", "AppUser", "UserRole"];
    public static readonly IReadOnlyList<string> Actions = ["Create", "Update", "Delete"];

    public sealed record Change(string Field, string? Before, string? After);

    public sealed record Row(long Id, DateTime At, string ActorName, string? IpAddress, string Action, string EntityType, string EntityId, IReadOnlyList<Change> Changes);

    public sealed record FilterModel
    {
        public string? EntityType { get; init; }
        public string? EntityId { get; init; }
        public string? Actor { get; init; }
        public string? Action { get; init; }
        public string? From { get; init; }
        public string? To { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public List<string> Errors { get; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // "page" from the query string only: the route's "page" value is the page's name.
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Filter.EntityType))
        {
            query = query.Where(a => a.EntityType == Filter.EntityType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Filter.EntityId))
        {
            query = query.Where(a => a.EntityId == Filter.EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Filter.Actor))
        {
            var actor = Filter.Actor.Trim().ToLowerInvariant();
            query = query.Where(a => a.ActorName.ToLower().Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(Filter.Action))
        {
            query = query.Where(a => a.Action == Filter.Action.Trim());
        }

        // Dates are Vietnamese calendar days; the trail stores UTC.
        if (ReadDate(Filter.From, "Từ ngày") is { } from)
        {
            var start = Display.VietnamToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At >= start);
        }

        if (ReadDate(Filter.To, "Đến ngày") is { } to)
        {
            var end = Display.VietnamToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At < end);
        }

        if (PageNumber > Core.Rules.InputLimits.MaxPage)
        {
            // Beyond it, (page - 1) x page size overflows and the list would silently start again at page 1.
            Errors.Add(Core.Rules.InputLimits.PageMessage);
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var rows = entries.Select(e => new Row(e.Id, e.At, e.ActorName, e.IpAddress, e.Action, e.EntityType, e.EntityId, Diff(e.Before, e.After))).ToList();
        Rows = await NameReferencesAsync(rows, ct);
    }

    // The trail stores ids of areas and agencies; a reader wants their names. One query each for the whole page.
    private async Task<List<Row>> NameReferencesAsync(List<Row> rows, CancellationToken ct)
    {
        static IEnumerable<int> Ids(IEnumerable<Row> rows, params string[] fields) =>
            rows.SelectMany(r => r.Changes).Where(c => fields.Contains(c.Field))
                .SelectMany(c => new[] { c.Before, c.After })
                .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0)
                .Where(id => id > 0).Distinct();

        var areaIds = Ids(rows, AreaFields).ToList();
        var agencyIds = Ids(rows, AgencyFields).ToList();
        if (areaIds.Count == 0 && agencyIds.Count == 0)
        {
            return rows;
        }

        var areas = (await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).Select(a => new { a.Id, a.Type, a.Name, a.Code }).ToListAsync(ct))
            .ToDictionary(a => a.Id.ToString(CultureInfo.InvariantCulture), a => $"{Area.FullNameOf(a.Type, a.Name)} (mã {a.Code})");
        var agencies = (await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.Code }).ToListAsync(ct))
            .ToDictionary(a => a.Id.ToString(CultureInfo.InvariantCulture), a => $"{a.Name} (mã {a.Code})");
        string? Name(string field, string? value)
        {
            var names = AreaFields.Contains(field) ? areas : AgencyFields.Contains(field) ? agencies : null;
            return value is not null && names is not null && names.TryGetValue(value, out var name) ? name : value;
        }

        return rows.Select(r => r with
        {
            Changes = r.Changes.Select(c => c with { Before = Name(c.Field, c.Before), After = Name(c.Field, c.After) }).ToList(),
        }).ToList();
    }

    private static readonly string[] AreaFields = ["AreaId", "ScopeAreaId"];
    private static readonly string[] AgencyFields = ["ManagingAgencyId", "ScopeAgencyId"];

    // A unit's fields in the order of its form; anything else after them.
    private static readonly string[] FieldOrder =
    [
        "Id", "Code", "Name", "SectorCode", "RoleClassCode", "LevelCode", "ManagingAgencyId", "AreaId", "AutonomyGroup",
        "EstablishedOn", "EndedOn", "Address", "Notes", "Email", "UserName", "FullName", "ScopeAgencyId", "ScopeAreaId", "ScopeUnitId",
    ];

    private DateOnly? ReadDate(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Display.TryParseDate(text, out var date))
        {
            return date;
        }

        Errors.Add(Display.InvalidDate(label));
        return null;
    }

    public string PageUrl(int page)
    {
        var query = Request.Query.Where(q => q.Key != "page" && !string.IsNullOrEmpty(q.Value))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/admin/audit", query);
    }

    /// <summary>The keys whose values differ between the two JSON snapshots; a create shows what was set, a delete what was there.</summary>
    public static IReadOnlyList<Change> Diff(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        var changes = new List<Change>();
        var keys = b.Keys.Union(a.Keys)
            .OrderBy(k => Array.IndexOf(FieldOrder, k) is var i && i >= 0 ? i : FieldOrder.Length)
            .ThenBy(k => k, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var old = b.GetValueOrDefault(key);
            var now = a.GetValueOrDefault(key);
            if (old == now || (before is null && now is null) || (after is null && old is null))
            {
                continue;
            }

            changes.Add(new Change(key, Value(key, old), Value(key, now)));
        }

        return changes;
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var p in doc.RootElement.EnumerateObject())
        {
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            };
        }

        return values;
    }

    /// <summary>A stored value as a person reads it: names for codes, dd/MM/yyyy for dates.</summary>
    private static string? Value(string key, string? raw)
    {
        if (raw is null || raw.Length == 0)
        {
            return null;
        }

        return key switch
        {
            "SectorCode" => Display.Sector(raw),
            "RoleClassCode" => Display.RoleClass(raw),
            "LevelCode" => Display.Level(raw),
            _ when raw.StartsWith("9999-12-31", StringComparison.Ordinal) => "vô thời hạn",
            _ when DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => Display.Date(d),
            _ when DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) && raw.Contains('T', StringComparison.Ordinal) => Display.Time(t.ToUniversalTime()),
            _ => raw,
        };
    }

    public static string FieldLabel(string key) => key switch
    {
        "Id" => "Mã số",
        "Code" => "Mã",
        "Name" => "Tên",
        "SectorCode" => "Lĩnh vực",
        "RoleClassCode" => "Loại theo vai trò",
        "LevelCode" => "Cấp quản lý",
        "AreaId" => "Địa bàn",
        "ManagingAgencyId" => "Cơ quan quản lý",
        "AutonomyGroup" => "Nhóm tự chủ",
        "EstablishedOn" => "Ngày thành lập",
        "EndedOn" => "Ngày chấm dứt",
        "Address" => "Địa chỉ",
        "Notes" => "Ghi chú",
        "Email" => "Email",
        "UserName" => "Tên đăng nhập",
        "FullName" => "Họ và tên",
        "ScopeAgencyId" => "Phạm vi: cơ quan",
        "ScopeAreaId" => "Phạm vi: địa bàn",
        "ScopeUnitId" => "Phạm vi: đơn vị (mã số)",
        "LockoutEnd" => "Khóa đến",
        "PasswordHash" => "Mật khẩu",
        "RoleId" => "Vai trò (mã số)",
        "UserId" => "Tài khoản (mã số)",
        "ParentId" => "Cấp trên (mã số)",
        "ValidFrom" => "Hiệu lực từ",
        "ValidTo" => "Hiệu lực đến",
        _ => key,
    };

    public static string? EntityUrl(string type, string id) => type switch
    {
        "Unit" => $"/units/{id}",
        "AppUser" => $"/admin/users/{id}/edit",
        _ => null,
    };
}
