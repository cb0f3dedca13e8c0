using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using MiniExcelLibs;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Exports;

/// <summary>Lists read as a person reads them: the page, its .xlsx and its print view; units made outside the demo province.</summary>
internal static class ExportSession
{
    /// <summary>A valid unit in Bắc Ninh (24), away from the demo province whose figures other tests check.</summary>
    public static JsonObject Body(string token, string suffix, int agencyId) => UnitsClient.Body(token, suffix, agencyId)
        .With("areaCode", "07210").With("level", "province").With("establishedOn", "2025-08-01")
        .With("address", "Số 1 đường Nguyễn Văn Cừ, phường Bắc Giang");

    /// <summary>Makes <paramref name="count"/> units whose codes and names carry the token; returns their ids.</summary>
    public static async Task<List<int>> CreateUnitsAsync(SuNghiepApp app, HttpClient admin, string token, int count)
    {
        var agency = await app.AgencyIdAsync("24.SNV");
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var unit = await admin.CreateUnitAsync(Body(token, i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), agency));
            ids.Add(unit.Id);
        }

        return ids;
    }

    /// <summary>The rows of the first sheet of an .xlsx answer, by header.</summary>
    public static async Task<List<IDictionary<string, object?>>> XlsxAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    /// <summary>The export and print links of a list page carry its filters.</summary>
    public static (string Xlsx, string Print) Links(IDocument page)
    {
        var xlsx = page.QuerySelector("[data-testid=export-xlsx]")?.GetAttribute("href") ?? throw new InvalidOperationException("No export link.");
        var print = page.QuerySelector("[data-testid=print-link]")?.GetAttribute("href") ?? throw new InvalidOperationException("No print link.");
        Assert.Equal("Xuất Excel", page.QuerySelector("[data-testid=export-xlsx]")!.TextContent.Trim());
        Assert.True(xlsx.Contains("format=xlsx", StringComparison.Ordinal) || xlsx.EndsWith(".xlsx", StringComparison.Ordinal), xlsx);
        return (System.Net.WebUtility.HtmlDecode(xlsx), System.Net.WebUtility.HtmlDecode(print));
    }

    /// <summary>The print view's formal heading: issuing body, title, as-of date, printed by and when.</summary>
    public static void AssertPrintHeading(IDocument page, string title)
    {
        Assert.NotNull(page.QuerySelector("body.print-view"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-testid=print-issuer]")?.TextContent));
        Assert.Contains(title, page.QuerySelector("[data-testid=print-title]")?.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"Tính đến ngày \d{2}/\d{2}/\d{4}", page.QuerySelector("[data-testid=print-as-of]")?.TextContent);
        Assert.Matches(@"Người in: .+\. Thời điểm in: \d{2}/\d{2}/\d{4} \d{2}:\d{2}", page.QuerySelector("[data-testid=print-by]")?.TextContent);
        Assert.Empty(page.QuerySelectorAll(".pagination"));
    }

    public static Task<PageSession> SignInAsync(SuNghiepApp app, string email) => PageSession.SignInAsync(app, email);
}
