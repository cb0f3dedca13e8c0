using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Units;

public sealed class IndexModel(SuNghiepDbContext db, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<int> PageSizes = [20, 50, 100];

    public static readonly IReadOnlyList<(string Value, string Label)> SortOptions =
    [
        ("name", "Tên (A-Z)"), ("-name", "Tên (Z-A)"), ("code", "Mã (tăng dần)"), ("-code", "Mã (giảm dần)"),
        ("establishedOn", "Ngày thành lập (cũ nhất)"), ("-establishedOn", "Ngày thành lập (mới nhất)"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> StatusOptions =
        [("active", "Đang hoạt động"), ("ended", "Đã chấm dứt"), ("all", "Tất cả")];

    /// <summary>The query string as typed: every value a string, so that a bad one becomes a message, not a binding error.</summary>
    public sealed record FilterModel
    {
        public string? AsOf { get; init; }
        public string? Search { get; init; }
        public string? Sector { get; init; }
        public string? RoleClass { get; init; }
        public string? Level { get; init; }
        public string? AreaCode { get; init; }
        public string? ManagingAgencyId { get; init; }
        public string? AutonomyGroup { get; init; }
        public string? Status { get; init; }
        public string? Sort { get; init; }
        public string? PageSize { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    // "page" is read from the query string alone: in Razor Pages the route also has a "page" value, the page's name.

    public UnitQuery Query { get; private set; } = new();
    public UnitPage? Result { get; private set; }
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    /// <summary>The names of the area and agency filtered on, for their pickers.</summary>
    public PickerLabels Labels { get; private set; } = PickerLabels.None;
    public DateOnly Today { get; private set; }

    /// <summary>The date the register is read as of: today unless the user picks another.</summary>
    public DateOnly AsOf { get; private set; }
    public string? AgencyName { get; private set; }
    public Pager Pager => Pager.For("/units", Request.Query, Query.Page, Result?.Total ?? 0, Query.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Display.Today(time);
        var errors = new List<RuleViolation>();
        int? Number(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            errors.Add(new(field, message));
            return null;
        }

        var pageSize = Number(Filter.PageSize, "pageSize", "Số dòng mỗi trang phải là số.") ?? PageSizes[0];
        if (!PageSizes.Contains(pageSize))
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải là 20, 50 hoặc 100."));
            pageSize = PageSizes[0];
        }

        AsOf = Today;
        if (!string.IsNullOrWhiteSpace(Filter.AsOf))
        {
            if (Display.TryParseDate(Filter.AsOf, out var asOf))
            {
                AsOf = asOf;
            }
            else
            {
                errors.Add(new("asOf", Display.InvalidDate("Ngày xem")));
            }
        }

        // The pickers send a code and an id; typed without JavaScript, a name is read as the counts filter reads it.
        var areaCode = await Pickers.AreaFieldAsync(db, Blank(Filter.AreaCode), AsOf, "areaCode", errors, ct);
        var agencyText = await Pickers.AgencyFieldAsync(db, Blank(Filter.ManagingAgencyId), "managingAgencyId", errors, ct);
        Query = new UnitQuery
        {
            AsOf = AsOf,
            Search = Filter.Search?.Trim(),
            Sector = Blank(Filter.Sector),
            RoleClass = Blank(Filter.RoleClass),
            Level = Blank(Filter.Level),
            AreaCode = areaCode,
            ManagingAgencyId = Number(agencyText, "managingAgencyId", "Cơ quan quản lý không hợp lệ."),
            AutonomyGroup = Blank(Filter.AutonomyGroup),
            // The page opens on the units in operation; "all" is one choice away.
            Status = Blank(Filter.Status) ?? "active",
            Sort = Blank(Filter.Sort) ?? "name",
            Page = Number(Request.Query["page"], "page", "Số trang phải là số.") ?? 1,
            PageSize = pageSize,
        };
        errors.AddRange(UnitQueries.Validate(Query));
        if (Query.Page > Core.Rules.InputLimits.MaxPage)
        {
            // Only a typed address goes beyond the pager's links: answer it as the bad request it is.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Errors = errors;
        if (errors.Count == 0)
        {
            if (ListExport.WantsAll(Request))
            {
                // An export or print view reads every row as one page.
                Query = Query with { Page = 1, PageSize = ListExport.MaxRows(Request) };
            }

            Result = await UnitQueries.ListAsync(db, Query, Today, Math.Max(Query.PageSize, UnitQueries.MaxPageSize), ct);
        }

        // htmx swaps only #results: the filter's choices are needed on full loads only.
        if (Request.Headers["HX-Request"] != "true" || Request.Headers["HX-History-Restore-Request"] == "true")
        {
            Labels = await Pickers.LabelsAsync(db, [Query.ManagingAgencyId?.ToString(CultureInfo.InvariantCulture)], [Query.AreaCode], ct);
        }

        if (Query.ManagingAgencyId is { } agencyId)
        {
            AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        }
    }

    /// <summary>An export replaces the page once the handler has read every row; the print view is the page itself.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Result is not { } result || !ListExport.WantsAll(Request))
        {
            return;
        }

        ViewData["AsOf"] = AsOf;
        if (await ListExport.ReplacementAsync(Request, result.Total, () => Task.FromResult(Xlsx(result.Items, AsOf)), "don-vi", AsOf) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Mã đơn vị"), new("Tên đơn vị"), new("Lĩnh vực"), new("Loại theo vai trò"), new("Cấp quản lý"), new("Mã địa bàn"), new("Địa bàn"),
        new("Cơ quan quản lý"), new("Nhóm tự chủ", ListExport.Kind.Number), new("Ngày thành lập", ListExport.Kind.Date),
        new("Ngày chấm dứt", ListExport.Kind.Date), new("Trạng thái"), new("Địa chỉ"),
    ];

    public static byte[] Xlsx(IEnumerable<UnitView> units, DateOnly asOf) => ListExport.Xlsx("Đơn vị", Columns, units.Select(u => (IReadOnlyList<object?>)
    [
        u.Code, u.Name, Display.Sector(u.Sector), Display.RoleClass(u.RoleClass), Display.Level(u.Level), u.AreaCode, Display.Capitalized(u.AreaName),
        u.ManagingAgencyName, u.AutonomyGroup, u.EstablishedOn, u.EndedOn, Display.StatusText(u.EstablishedOn, u.EndedOn, asOf), u.Address,
    ]));

    /// <summary>The filters in force, in words, for the printed list (the form itself is not printed).</summary>
    public string FilterSummary()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Query.Search))
        {
            parts.Add($"từ khóa \"{Query.Search}\"");
        }

        if (Catalog.FindSector(Query.Sector) is { } s)
        {
            parts.Add("lĩnh vực " + s.Name);
        }

        if (Catalog.FindRoleClass(Query.RoleClass) is { } r)
        {
            parts.Add("loại " + r.Name);
        }

        if (Catalog.FindLevel(Query.Level) is { } l)
        {
            parts.Add(l.Name);
        }

        if (Query.AreaCode is { } area)
        {
            parts.Add("địa bàn mã " + area);
        }

        if (Query.ManagingAgencyId is { } agency)
        {
            parts.Add("cơ quan quản lý " + (AgencyName ?? "#" + agency));
        }

        if (Query.AutonomyGroup is { } group)
        {
            parts.Add(group == "none" ? "chưa xác định nhóm tự chủ" : "nhóm tự chủ " + group);
        }

        parts.Add("trạng thái: " + StatusOptions.First(o => o.Value == Query.Status).Label.ToLowerInvariant());
        parts.Add("tại ngày " + Display.Date(AsOf));
        return string.Join("; ", parts);
    }

    public bool CanCreate => Roles.UnitCreators.Any(User.IsInRole);

    /// <summary>A unit's address, read as of the list's date when that is not today.</summary>
    public string UnitUrl(int id) => AsOf == Today ? $"/units/{id}" : $"/units/{id}?asOf={Display.DateInput(AsOf)}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
