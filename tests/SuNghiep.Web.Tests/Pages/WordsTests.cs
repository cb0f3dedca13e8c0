using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages;

/// <summary>
/// The words an officer reads: every page of the demo reached from the menu, signed in as the administrator, shows the
/// product's Vietnamese name and no English code (statuses, roles, event types, directions, system actors) in its text.
/// </summary>
public sealed partial class WordsTests(AppHosts hosts)
{
    private const string ProductName = "Hệ thống quản lý đơn vị sự nghiệp công lập";

    // Codes the API and the database use, which the pages must map to Vietnamese. Matched as whole words, case-sensitive;
    // a dotted indicator code (conversion.share) is an identifier shown beside the indicator's Vietnamese name, as a unit's code is.
    private static readonly string[] Codes =
    [
        "not_started", "in_progress", "cancelled", "due_soon", "assigned_late", "half-yearly", "quarterly", "monthly", "yearly",
        "decrease", "increase", "at-least", "at-most",
        "SystemAdmin", "HomeAffairs", "AgencyOfficer", "UnitOfficer",
        "submitted", "approved", "rejected",
        "establishment", "consolidation", "merger", "division", "separation", "dissolution", "conversion", "rename",
        "seed demo", "seed national", "first start", "anonymous", "cli:",
        "basic-service", "state-management", "political",
    ];

    private static readonly string[] Starts =
    [
        "/", "/dashboard", "/units", "/reorganizations", "/scenarios", "/counts", "/staffing", "/tasks", "/documents",
        "/notifications", "/admin/users", "/admin/audit", "/account/password",
    ];

    // Links that leave the pages: files, the API and its docs, signing out.
    private static bool Followed(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWith("/logout", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/lib/", StringComparison.Ordinal)
        && !path.Contains("xlsx", StringComparison.OrdinalIgnoreCase) && !path.Contains("docx", StringComparison.OrdinalIgnoreCase)
        && !path.Contains("/export", StringComparison.OrdinalIgnoreCase) && !path.Contains("/download", StringComparison.OrdinalIgnoreCase)
        && !path.Contains("/attachments/", StringComparison.OrdinalIgnoreCase) && !path.Contains("/template", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shape of an address: its path with numbers as {n}, so that a few pages of each shape are read.</summary>
    private static string Shape(string url) => Digits().Replace(url.Split('?', 2)[0], "{n}");

    private static readonly string[] ShownAttributes = ["title", "aria-label", "placeholder", "alt"];

    /// <summary>What a reader sees: the body's text without scripts and styles, and the titles, labels and placeholders.</summary>
    private static string VisibleText(IDocument page)
    {
        var body = page.Body!.Clone() as IElement;
        foreach (var hidden in body!.QuerySelectorAll("script, style, template").ToList())
        {
            hidden.Remove();
        }

        var attributes = page.QuerySelectorAll("[title], [aria-label], [placeholder], [alt]")
            .SelectMany(e => ShownAttributes.Select(e.GetAttribute))
            .Where(v => !string.IsNullOrEmpty(v));
        return page.Title + "\n" + body.TextContent + "\n" + string.Join("\n", attributes);
    }

    [Theory, DatabaseData]
    public async Task DemoPages_SignedInAsAdministrator_ShowTheProductNameAndNoEnglishCode(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var queue = new Queue<string>(Starts);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var findings = new List<string>();
        var read = 0;

        while (queue.Count > 0 && read < 160)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            // Two pages of each shape: a unit with figures and one without, a task with sub-tasks and one without.
            var shape = Shape(url);
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            if (shapes[shape] > 2)
            {
                continue;
            }

            var (response, page) = await session.GetAsync(url);
            read++;
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var text = VisibleText(page);
            if (!page.Title!.Contains(ProductName, StringComparison.Ordinal))
            {
                findings.Add($"{url}: title \"{page.Title}\" lacks the product name");
            }

            foreach (var code in Codes)
            {
                if (Regex.IsMatch(text, $@"(?<![\p{{L}}\d_.-]){Regex.Escape(code)}(?![\p{{L}}\d_.-])"))
                {
                    var at = text.IndexOf(code, StringComparison.Ordinal);
                    findings.Add($"{url}: \"{code}\" in \"…{Squash(text.Substring(Math.Max(0, at - 60), Math.Min(120, text.Length - Math.Max(0, at - 60))))}…\"");
                }
            }

            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!.Split('#')[0]))
            {
                if (Followed(href) && !seen.Contains(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        // The crawl reached the register, a unit, its resources, a reorganization and a task: an empty crawl cannot pass.
        Assert.True(read > 30, $"only {read} pages read");
        foreach (var shape in new[] { "/units/{n}", "/units/{n}/resources", "/reorganizations/{n}", "/tasks/{n}", "/admin/audit" })
        {
            Assert.True(shapes.ContainsKey(shape), $"no page of shape {shape} among {string.Join(", ", shapes.Keys.Order())}");
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct()));
    }

    private static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
