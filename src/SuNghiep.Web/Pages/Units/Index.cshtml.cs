using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
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
    public List<AgencyOption> Agencies { get; private set; } = [];
    public List<AreaOption> Areas { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? AgencyName { get; private set; }
    public int PageCount => Result is null ? 0 : Math.Max(1, (Result.Total + Query.PageSize - 1) / Query.PageSize);

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

        Query = new UnitQuery
        {
            Search = Filter.Search?.Trim(),
            Sector = Blank(Filter.Sector),
            RoleClass = Blank(Filter.RoleClass),
            Level = Blank(Filter.Level),
            AreaCode = Blank(Filter.AreaCode),
            ManagingAgencyId = Number(Filter.ManagingAgencyId, "managingAgencyId", "Cơ quan quản lý không hợp lệ."),
            AutonomyGroup = Blank(Filter.AutonomyGroup),
            // The page opens on the units in operation; "all" is one choice away.
            Status = Blank(Filter.Status) ?? "active",
            Sort = Blank(Filter.Sort) ?? "name",
            Page = Number(Request.Query["page"], "page", "Số trang phải là số.") ?? 1,
            PageSize = pageSize,
        };
        errors.AddRange(UnitQueries.Validate(Query));
        Errors = errors;
        if (errors.Count == 0)
        {
            Result = await UnitQueries.ListAsync(db, Query, Today, ct);
        }

        // htmx swaps only #results: the filter's choices are needed on full loads only.
        if (Request.Headers["HX-Request"] != "true" || Request.Headers["HX-History-Restore-Request"] == "true")
        {
            Agencies = await Lookups.AgenciesAsync(db, ct);
            Areas = await Lookups.AreasInScopeAsync(db, ct);
        }

        if (Query.ManagingAgencyId is { } agencyId)
        {
            AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        }
    }

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
        return string.Join("; ", parts);
    }

    public bool CanCreate => Roles.UnitCreators.Any(User.IsInRole);

    /// <summary>The current list's address with one page changed, for the pagination links.</summary>
    public string PageUrl(int page)
    {
        var query = Request.Query
            .Where(q => q.Key != "page" && !string.IsNullOrEmpty(q.Value))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString("/units", query);
    }

    /// <summary>The page numbers to show: first, last, and a window around the current one; 0 stands for a gap.</summary>
    public IEnumerable<int> PageWindow()
    {
        var last = PageCount;
        var current = Query.Page;
        var previous = 0;
        for (var p = 1; p <= last; p++)
        {
            if (p == 1 || p == last || Math.Abs(p - current) <= 2)
            {
                if (previous != 0 && p - previous > 1)
                {
                    yield return 0;
                }

                yield return p;
                previous = p;
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
