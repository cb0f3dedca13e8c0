using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using SuNghiep.Core;
using SuNghiep.Core.Data;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Pages.Public;

/// <summary>The public search of units by name, code or commune, in a province; no sign-in.</summary>
[AllowAnonymous]
public sealed class IndexModel(SuNghiepDbContext db, IMemoryCache cache, TimeProvider time) : PageModel
{
    public string? Q { get; private set; }
    public string? AreaCode { get; private set; }
    public IReadOnlyList<PublicProvince> Provinces { get; private set; } = [];
    public PublicUnitList? Result { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Result is null ? 0 : (Result.Total + PublicRegister.PageSize - 1) / PublicRegister.PageSize;

    public async Task OnGetAsync(string? q, string? areaCode, CancellationToken ct)
    {
        Q = q?.Length > 200 ? q[..200] : q;
        AreaCode = areaCode;
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 10_000 ? p : 1;
        Provinces = await cache.GetOrCreateAsync("public-provinces", e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return PublicRegister.ProvincesAsync(db, VietnamTime.Today(time), ct);
        }) ?? [];
        if (!string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(AreaCode))
        {
            Result = await PublicApi.SearchAsync(db, cache, time, Q, AreaCode, PageNumber, ct);
        }
    }

    public string PageUrl(int page) =>
        "/cong-khai?" + string.Join('&', new[] { ("q", Q), ("areaCode", AreaCode), ("page", page.ToString(CultureInfo.InvariantCulture)) }
            .Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => x.Item1 + "=" + Uri.EscapeDataString(x.Item2!)));
}
