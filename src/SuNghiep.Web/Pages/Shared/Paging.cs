using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace SuNghiep.Web.Pages.Shared;

/// <summary>A list's pagination: which page links to show and where each leads, keeping the list's other filters.</summary>
public sealed record Pager(int Page, int PageCount, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public static Pager For(string path, IQueryCollection query, int page, int total, int pageSize) => new(
        page, Math.Max(1, (total + pageSize - 1) / pageSize), path,
        query.Where(q => q.Key != "page" && !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => (string?)q.Value.ToString()));

    /// <summary>The list's address with one page changed.</summary>
    public string Url(int page)
    {
        var query = new Dictionary<string, string?>(Query);
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(Path, query);
    }

    /// <summary>The page numbers to show: first, last, and a window around the current one; 0 stands for a gap.</summary>
    public IEnumerable<int> Window()
    {
        var previous = 0;
        for (var p = 1; p <= PageCount; p++)
        {
            if (p == 1 || p == PageCount || Math.Abs(p - Page) <= 2)
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
}
