using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Auditing;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Reporting;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Admin.Audit;

/// <summary>The audit trail, read-only: this page has no handler that writes. Also its .xlsx (?format=xlsx) and print view (?print=1).</summary>
public sealed class IndexModel(SuNghiepDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public static IEnumerable<string> EntityTypes => AuditLabels.Types.Keys;
    public static readonly IReadOnlyList<string> Actions = ["Create", "Update", "Delete"];

    public sealed record Change(string Field, string Label, string? Before, string? After);

    /// <summary>What a row is about, as a reader names it: code and name, with the address of its page when it has one.</summary>
    public sealed record ObjectRef(string Text, string? Url);

    /// <summary>Who made the change: the account's name, with its e-mail for the hover text.</summary>
    public sealed record Person(string Name, string? Email);

    public sealed record Row(long Id, DateTime At, Person Actor, string? IpAddress, string Action, string EntityType, ObjectRef Target, IReadOnlyList<Change> Changes);

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
    public bool AllRows => ListExport.WantsAll(Request);
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The object the list is filtered on, named, when one is.</summary>
    public ObjectRef? FilteredObject { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // "page" from the query string only: the route's "page" value is the page's name.
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var query = db.AuditEntries.AsNoTracking();
        var type = Filter.EntityType?.Trim();
        if (!string.IsNullOrEmpty(type))
        {
            query = query.Where(a => a.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(Filter.EntityId))
        {
            var id = await ObjectIdAsync(type, Filter.EntityId.Trim(), ct);
            query = query.Where(a => a.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(Filter.Actor))
        {
            // By e-mail as stored, or by the account's full name.
            var actor = Filter.Actor.Trim().ToLowerInvariant();
            var ids = await db.Users.AsNoTracking().Where(u => u.FullName != null && u.FullName.ToLower().Contains(actor)).Select(u => u.Id).Take(500).ToListAsync(ct);
            query = query.Where(a => a.ActorName.ToLower().Contains(actor) || (a.ActorId != null && ids.Contains(a.ActorId)));
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

        if (PageNumber > InputLimits.MaxPage)
        {
            // Beyond it, (page - 1) x page size overflows and the list would silently start again at page 1.
            Errors.Add(InputLimits.PageMessage);
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Total = await query.CountAsync(ct);
        var all = ListExport.WantsAll(Request);
        if (all && Total > ListExport.MaxRows(Request))
        {
            return;
        }

        var ordered = query.OrderByDescending(a => a.Id);
        var entries = await (all ? ordered : ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        Rows = await ReadableAsync(entries, ct);
        if (!string.IsNullOrWhiteSpace(Filter.EntityId) && Rows.Count > 0 && !string.IsNullOrEmpty(type))
        {
            FilteredObject = Rows[0].Target;
        }
    }

    /// <summary>An export or print view replaces the page once the handler has read every row.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0)
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Rows)), "nhat-ky-thay-doi", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Thời gian", ListExport.Kind.DateTime), new("Người thực hiện"), new("Email"), new("Địa chỉ IP"), new("Thao tác"),
        new("Loại đối tượng"), new("Đối tượng"), new("Trường thông tin"), new("Giá trị trước"), new("Giá trị sau"),
    ];

    /// <summary>One line per changed field, so that a spreadsheet filters and sorts them; a change without fields keeps one line.</summary>
    public static byte[] Xlsx(IReadOnlyList<Row> rows) => ListExport.Xlsx("Nhật ký", Columns, rows.SelectMany(r =>
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.At, DateTimeKind.Utc), Core.VietnamTime.Zone);
        var head = new object?[] { local, r.Actor.Name, r.Actor.Email, r.IpAddress, Display.Action(r.Action), AuditLabels.TypeName(r.EntityType), r.Target.Text };
        return r.Changes.Count == 0
            ? [[.. head, null, null, null]]
            : r.Changes.Select(c => (IReadOnlyList<object?>)[.. head, c.Label, c.Before, c.After]);
    }));

    /// <summary>The id the trail stores for an object typed by the reader: a unit's code, an account's e-mail, or the id itself.</summary>
    private async Task<string> ObjectIdAsync(string? type, string typed, CancellationToken ct)
    {
        switch (type)
        {
            case "Unit" when !int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                var unit = await db.Units.AsNoTracking().IgnoreQueryFilters().Where(u => u.Code == typed).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
                return unit?.ToString(CultureInfo.InvariantCulture) ?? typed;
            case "AppUser" when typed.Contains('@', StringComparison.Ordinal):
                var lowered = typed.ToUpperInvariant();
                return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == lowered).Select(u => u.Id).FirstOrDefaultAsync(ct) ?? typed;
            default:
                return typed;
        }
    }

    // One query per kind of object for the whole list, however many rows name it.
    private async Task<List<Row>> ReadableAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var parsed = entries.Select(e => (Entry: e, Before: Parse(e.Before), After: Parse(e.After))).ToList();
        var wanted = new Dictionary<AuditRef, HashSet<string>>();
        void Want(AuditRef kind, string? id)
        {
            if (kind != AuditRef.None && !string.IsNullOrEmpty(id))
            {
                (wanted.TryGetValue(kind, out var set) ? set : wanted[kind] = []).Add(id);
            }
        }

        foreach (var (e, before, after) in parsed)
        {
            if (AuditLabels.Types.TryGetValue(e.EntityType, out var t) && t.OwnerField is { } owner)
            {
                Want(t.Owner, (after.GetValueOrDefault(owner) ?? before.GetValueOrDefault(owner)) ?? (owner == "Id" ? e.EntityId : null));
            }

            foreach (var key in before.Keys.Union(after.Keys))
            {
                if (AuditLabels.Field(e.EntityType, key) is { Ref: var kind and not AuditRef.None })
                {
                    Want(kind, before.GetValueOrDefault(key));
                    Want(kind, after.GetValueOrDefault(key));
                }
            }

            if (e.ActorId is not null)
            {
                Want(AuditRef.User, e.ActorId);
            }
        }

        var names = new Dictionary<(AuditRef, string), ObjectRef>();
        foreach (var (kind, ids) in wanted)
        {
            foreach (var (id, name) in await NamesAsync(kind, ids, ct))
            {
                names[(kind, id)] = name;
            }
        }

        var emails = wanted.TryGetValue(AuditRef.User, out var userIds)
            ? await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.FullName }).ToDictionaryAsync(u => u.Id, ct)
            : [];

        return parsed.Select(x =>
        {
            var e = x.Entry;
            var actor = e.ActorId is not null && emails.TryGetValue(e.ActorId, out var u)
                ? new Person(string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? e.ActorName : u.FullName, u.Email ?? e.ActorName)
                : new Person(SystemActors.Display(e.ActorName), null);
            return new Row(e.Id, e.At, actor, e.IpAddress, e.Action, e.EntityType, ObjectOf(e, x.Before, x.After, names), Diff(e.EntityType, x.Before, x.After, e.Before is null, e.After is null, names));
        }).ToList();
    }

    private static ObjectRef ObjectOf(AuditEntry e, Dictionary<string, string?> before, Dictionary<string, string?> after, Dictionary<(AuditRef, string), ObjectRef> names)
    {
        if (e.EntityId == "*")
        {
            // One row of a bulk load stands for many objects.
            var count = after.GetValueOrDefault("count") ?? before.GetValueOrDefault("count");
            var operation = after.GetValueOrDefault("operation");
            return new ObjectRef($"{count} bản ghi ({operation})", null);
        }

        if (!AuditLabels.Types.TryGetValue(e.EntityType, out var t) || t.OwnerField is not { } field)
        {
            return new ObjectRef(after.GetValueOrDefault("Name") ?? before.GetValueOrDefault("Name") ?? AuditLabels.TypeName(e.EntityType), null);
        }

        var id = (after.GetValueOrDefault(field) ?? before.GetValueOrDefault(field)) ?? (field == "Id" ? e.EntityId : null);
        if (id is not null && names.TryGetValue((t.Owner, id), out var named))
        {
            // A part of an object (a staffing year, a coordinator) is named by its object and what it adds.
            var year = after.GetValueOrDefault("Year") ?? before.GetValueOrDefault("Year");
            return year is null ? named : named with { Text = $"{named.Text}, năm {year}" };
        }

        // An object deleted since, or one whose key the snapshot lacks: what the snapshot says of it.
        var code = after.GetValueOrDefault("Code") ?? before.GetValueOrDefault("Code");
        var name = after.GetValueOrDefault("Name") ?? before.GetValueOrDefault("Name") ?? after.GetValueOrDefault("Email") ?? before.GetValueOrDefault("Email");
        return new ObjectRef(string.Join(" ", new[] { code, name }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } text ? text : "(không còn trong sổ)", null);
    }

    private async Task<IEnumerable<(string Id, ObjectRef Name)>> NamesAsync(AuditRef kind, HashSet<string> ids, CancellationToken ct)
    {
        var numbers = ids.Select(i => int.TryParse(i, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToList();
        static string S(int id) => id.ToString(CultureInfo.InvariantCulture);
        switch (kind)
        {
            case AuditRef.Unit:
                return (await db.Units.AsNoTracking().IgnoreQueryFilters().Where(u => numbers.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct))
                    .Select(u => (S(u.Id), new ObjectRef($"{u.Code} {u.Name}", $"/units/{u.Id}")));
            case AuditRef.Agency:
                return (await db.Agencies.AsNoTracking().Where(a => numbers.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct))
                    .Select(a => (S(a.Id), new ObjectRef($"{a.Code} {a.Name}", null)));
            case AuditRef.Area:
                return (await db.Areas.AsNoTracking().Where(a => numbers.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Type, a.Name }).ToListAsync(ct))
                    .Select(a => (S(a.Id), new ObjectRef($"{a.Code} {Area.FullNameOf(a.Type, a.Name)}", null)));
            case AuditRef.User:
                return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(ct))
                    .Select(u => (u.Id, new ObjectRef(string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? "" : $"{u.FullName} ({u.Email})", $"/admin/users/{u.Id}/edit")));
            case AuditRef.Role:
                return (await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                    .Select(r => (r.Id, new ObjectRef(r.Name is null ? r.Id : Roles.DisplayName(r.Name), null)));
            case AuditRef.Document:
                return (await db.Documents.AsNoTracking().Where(d => numbers.Contains(d.Id)).Select(d => new { d.Id, d.Number, d.Title }).ToListAsync(ct))
                    .Select(d => (S(d.Id), new ObjectRef($"{d.Number} {Short(d.Title)}", $"/documents/{d.Id}")));
            case AuditRef.Task:
                return (await db.PlanTasks.AsNoTracking().Where(t => numbers.Contains(t.Id)).Select(t => new { t.Id, t.Content, t.Document!.Number }).ToListAsync(ct))
                    .Select(t => (S(t.Id), new ObjectRef($"Nhiệm vụ \"{Short(t.Content)}\" ({t.Number})", $"/tasks/{t.Id}")));
            case AuditRef.Progress:
                return (await db.TaskProgress.AsNoTracking().Where(p => numbers.Contains(p.Id)).Select(p => new { p.Id, p.TaskId, p.Date }).ToListAsync(ct))
                    .Select(p => (S(p.Id), new ObjectRef($"Báo cáo tiến độ ngày {Display.Date(p.Date)}", $"/tasks/{p.TaskId}")));
            case AuditRef.Reorganization:
                return (await db.Reorganizations.AsNoTracking().Where(r => numbers.Contains(r.Id)).Select(r => new { r.Id, r.Type, r.DecisionNumber, r.EffectiveDate }).ToListAsync(ct))
                    .Select(r => (S(r.Id), new ObjectRef($"{ReorganizationRules.TypeNameWithBasis(r.Type)} theo quyết định {r.DecisionNumber} (hiệu lực {Display.Date(r.EffectiveDate)})", $"/reorganizations/{r.Id}")));
            case AuditRef.Proposal:
                return (await db.ReorganizationProposals.AsNoTracking().Where(p => numbers.Contains(p.Id)).Select(p => new { p.Id, p.Kind, p.Number }).ToListAsync(ct))
                    .Select(p => (S(p.Id), new ObjectRef($"{ProposalService.KindName(p.Kind)} số {p.Number}", $"/reorganization-proposals/{p.Id}")));
            case AuditRef.Scenario:
                return (await db.Scenarios.AsNoTracking().Where(s => numbers.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
                    .Select(s => (S(s.Id), new ObjectRef($"Kịch bản \"{s.Name}\"", $"/scenarios/{s.Id}")));
            case AuditRef.ReportRequest:
                return (await db.ReportRequests.AsNoTracking().Where(r => numbers.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(ct))
                    .Select(r => (S(r.Id), new ObjectRef($"Yêu cầu báo cáo \"{Short(r.Title)}\"", $"/report-requests/{r.Id}")));
            case AuditRef.Report:
                return (await db.Reports.AsNoTracking().Where(r => numbers.Contains(r.Id)).Select(r => new { r.Id, r.Request!.Title, r.ReporterAgency!.Name }).ToListAsync(ct))
                    .Select(r => (S(r.Id), new ObjectRef($"Báo cáo của {r.Name} ({Short(r.Title)})", $"/reports/{r.Id}")));
            case AuditRef.Survey:
                return (await db.SurveyInstruments.AsNoTracking().Where(i => numbers.Contains(i.Id)).Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct))
                    .Select(i => (S(i.Id), new ObjectRef($"Mẫu phiếu {i.Code} ({Short(i.Name)})", null)));
            case AuditRef.QualityStandard:
                return (await db.QualityStandards.AsNoTracking().Where(q => numbers.Contains(q.Id)).Select(q => new { q.Id, q.Code, q.Version }).ToListAsync(ct))
                    .Select(q => (S(q.Id), new ObjectRef($"Tiêu chuẩn chất lượng {q.Code} ({q.Version})", $"/quality/standards/{q.Id}")));
            case AuditRef.Catalogue:
                return (await db.ServiceCatalogues.AsNoTracking().Where(c => numbers.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.DecisionNumber }).ToListAsync(ct))
                    .Select(c => (S(c.Id), new ObjectRef($"{Short(c.Name)} ({c.DecisionNumber})", $"/services/catalogues/{c.Id}")));
            case AuditRef.ServiceItem:
                return (await db.ServiceItems.AsNoTracking().Where(i => numbers.Contains(i.Id)).Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct))
                    .Select(i => (S(i.Id), new ObjectRef($"Dịch vụ {i.Code} {Short(i.Name)}", $"/services/items/{i.Id}")));
            default:
                return [];
        }
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "...";

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

    /// <summary>
    /// The shown fields whose values differ between the two snapshots, labelled in Vietnamese, with ids as the names of what
    /// they refer to; a create shows what was set, a delete what was there. Technical fields (ids, stamps) are left out.
    /// </summary>
    private static List<Change> Diff(string type, Dictionary<string, string?> b, Dictionary<string, string?> a, bool created, bool deleted,
        Dictionary<(AuditRef, string), ObjectRef> names)
    {
        var changes = new List<Change>();
        foreach (var key in b.Keys.Union(a.Keys).OrderBy(k => Array.IndexOf(FieldOrder, k) is var i && i >= 0 ? i : FieldOrder.Length).ThenBy(k => k, StringComparer.Ordinal))
        {
            var field = AuditLabels.Field(type, key);
            if (field is { Label: null })
            {
                continue;
            }

            var old = b.GetValueOrDefault(key);
            var now = a.GetValueOrDefault(key);
            if (old == now || (created && now is null) || (deleted && old is null))
            {
                continue;
            }

            // A bulk row's "operation" and "count" and any field the table does not know are shown under their stored name.
            changes.Add(new Change(key, field?.Label ?? BulkLabel(key), Value(type, key, field, old, names), Value(type, key, field, now, names)));
        }

        return changes;
    }

    private static string BulkLabel(string key) => key switch
    {
        "operation" => "Thao tác hàng loạt",
        "count" => "Số bản ghi",
        _ => key,
    };

    // A unit's fields in the order of its form; anything else after them.
    private static readonly string[] FieldOrder =
    [
        "Code", "Name", "SectorCode", "RoleClassCode", "LevelCode", "ManagingAgencyId", "AreaId", "AutonomyGroup",
        "EstablishedOn", "EndedOn", "Address", "Notes", "Email", "UserName", "FullName", "ScopeAgencyId", "ScopeAreaId", "ScopeUnitId",
    ];

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

    private static string EventCount(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Array ? $"{doc.RootElement.GetArrayLength()} sự kiện" : "(không đọc được)";
        }
        catch (JsonException)
        {
            return "(không đọc được)";
        }
    }

    private static string PlannedEvent(string raw)
    {
        try
        {
            var e = ProposalService.EventFromJson(raw);
            var type = ReorganizationRules.Parse(e.Type);
            var units = e.SourceUnitIds.Count + (e.ContinuingUnitId is null ? 0 : 1);
            return $"{(type is { } t ? ReorganizationRules.TypeNameWithBasis(t) : "(chưa rõ hình thức)")}, {units} đơn vị, {e.NewUnits.Count} đơn vị mới"
                + (e.EffectiveDate is { } d ? $", dự kiến hiệu lực {Display.Date(d)}" : "");
        }
        catch (JsonException)
        {
            return "(không đọc được)";
        }
    }

    private static string WarningList(string raw)
    {
        try
        {
            var warnings = JsonSerializer.Deserialize<List<RuleViolation>>(raw, JsonSerializerOptions.Web) ?? [];
            return warnings.Count == 0 ? "Không có" : string.Join(" ", warnings.Select((w, i) => $"({i + 1}) {w.Message}"));
        }
        catch (JsonException)
        {
            return "(không đọc được)";
        }
    }

    /// <summary>A stored value as a person reads it: names for ids and codes, dd/MM/yyyy for dates, Có/Không for flags.</summary>
    private static string? Value(string type, string key, AuditField? field, string? raw, Dictionary<(AuditRef, string), ObjectRef> names)
    {
        if (raw is null || raw.Length == 0)
        {
            return null;
        }

        if (field is { Ref: var kind and not AuditRef.None })
        {
            return names.TryGetValue((kind, raw), out var name) ? name.Text : $"(không còn trong sổ: {raw})";
        }

        return (type, key) switch
        {
            (_, "SectorCode") => Display.Sector(raw),
            (_, "RoleClassCode") => Display.RoleClass(raw),
            (_, "LevelCode") => Display.Level(raw),
            (_, "Direction") => Plans.PlanDisplay.Direction(raw),
            (_, "ValueUnit") => raw switch { "percent" => "Phần trăm (%)", "count" => "Số đơn vị", _ => raw },
            // A scenario's proposed events are a JSON array in the shape of the API: counted, not shown as code.
            (_, "EventsJson") => EventCount(raw),
            ("Reorganization", "Type") when int.TryParse(raw, out var n) => ReorganizationRules.TypeNameWithBasis((ReorganizationType)n),
            // A dossier's planned event and its warnings are JSON of the API's shape: the form and the messages are shown.
            ("ReorganizationProposal", "EventJson") => PlannedEvent(raw),
            ("ReorganizationProposal", "AppraisalWarningsJson" or "DecisionWarningsJson") => WarningList(raw),
            ("ReorganizationProposal", "Kind") when int.TryParse(raw, out var n) => ProposalService.KindName((ProposalKind)n),
            ("ReorganizationProposal", "Status") when int.TryParse(raw, out var n) => ProposalService.StatusName((ProposalStatus)n),
            ("ReorganizationProposal", "AppraisalResult") when int.TryParse(raw, out var n) => ProposalService.ResultName((AppraisalResult)n),
            ("ReorganizationProposal", "DissolutionGround") when int.TryParse(raw, out var n) => ReorganizationChecks.GroundName((DissolutionGround)n),
            ("ReportStep", "Action") => ReportService.StepName(raw),
            ("Report", "Status") when int.TryParse(raw, out var n) => ReportRules.StatusName((ReportStatus)n),
            ("ServiceCatalogue", "Level") when int.TryParse(raw, out var n) => Core.Services.CatalogueCodes.LevelName((CatalogueLevel)n),
            ("ServiceItem", "Methods") when int.TryParse(raw, out var n) => Core.Services.CatalogueCodes.MethodNames((ServiceMethods)n),
            ("ServicePrice", "CostBasis") when int.TryParse(raw, out var n) => ServiceRules.CostBasisName((CostBasis)n),
            ("ServiceOrder", "Method") when int.TryParse(raw, out var n) => ServiceRules.MethodName((ServiceMethod)n),
            ("ServiceOrder", "Status") when int.TryParse(raw, out var n) => Core.Services.OrderCodes.StatusName((ServiceOrderStatus)n),
            ("ServiceOrder", "FundingClass") when int.TryParse(raw, out var n) => ServiceRules.FundingName((FundingClass)n),
            ("ServiceSettlement", "Kind") when int.TryParse(raw, out var n) => Core.Services.OrderCodes.KindName((SettlementKind)n),
            ("QualityAssessment", "Kind") when int.TryParse(raw, out var n) => Core.Oversight.QualityNames.KindName((AssessmentKind)n),
            ("Feedback", "Status") when int.TryParse(raw, out var n) => Core.Oversight.FeedbackService.StatusName(Core.Oversight.FeedbackService.StatusCode((FeedbackStatus)n)),
            ("Inspection", "Kind") when int.TryParse(raw, out var n) => Core.Oversight.InspectionService.KindName((InspectionKind)n),
            ("InspectionRecommendation", "Type") when int.TryParse(raw, out var n) => Core.Oversight.InspectionService.TypeName((RecommendationType)n),
            ("MeritRecord", "Kind") when int.TryParse(raw, out var n) => Core.Oversight.MeritService.KindName((MeritKind)n),
            ("ReorganizationParticipant", "Role") when int.TryParse(raw, out var n) => HistoryQueries.RoleName((ParticipantRole)n),
            _ when raw is "true" => "Có",
            _ when raw is "false" => "Không",
            _ when raw.StartsWith("9999-12-31", StringComparison.Ordinal) => "vô thời hạn",
            _ when DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => Display.Date(d),
            _ when raw.Contains('T', StringComparison.Ordinal) && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) => Display.Time(t.ToUniversalTime()),
            _ => raw,
        };
    }
}
