using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;

namespace SuNghiep.Web.Pages.Admin.Users;

public sealed class IndexModel(SuNghiepDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(string Id, string Email, string? FullName, string? Role, string Scope, bool Locked, bool MustChangePassword);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = int.TryParse(Request.Query["page"], out var p) && p > 0 ? p : 1;
        if (PageNumber > Core.Rules.InputLimits.MaxPage)
        {
            // Beyond it, (page - 1) x page size overflows and the list would silently start again at page 1.
            ModelState.AddModelError("page", Core.Rules.InputLimits.PageMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term));
        }

        Total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.NormalizedEmail).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.Email, u.FullName, u.LockoutEnd, u.MustChangePassword,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                Agency = u.ScopeAgency != null ? u.ScopeAgency.Name + " (" + u.ScopeAgency.Code + ")" : null,
                Area = u.ScopeArea != null ? u.ScopeArea.Type + " " + u.ScopeArea.Name + " (" + u.ScopeArea.Code + ")" : null,
                Unit = db.Units.IgnoreQueryFilters().Where(x => x.Id == u.ScopeUnitId).Select(x => x.Name + " (" + x.Code + ")").FirstOrDefault(),
            })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        Rows = rows.Select(r => new Row(
            r.Id, r.Email ?? "", r.FullName, r.Role,
            r.Agency is { } a ? "Cơ quan: " + a
            : r.Area is { } ar ? "Địa bàn: " + Shared.Display.Capitalized(ar)
            : r.Unit is { } un ? "Đơn vị: " + un
            : "Toàn quốc",
            r.LockoutEnd is { } end && end > now, r.MustChangePassword)).ToList();
    }

    public string PageUrl(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/users", new Dictionary<string, string?>
        {
            ["search"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null));
}
