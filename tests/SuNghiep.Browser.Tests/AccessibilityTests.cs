using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Reporting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Scenarios;

namespace SuNghiep.Browser.Tests;

/// <summary>
/// WCAG 2.1 A and AA (and axe's best practices on the app's own pages), as axe-core checks them, on every page of the app: the signed-out pages, then every page of the
/// route table as the administrator, in a Vietnamese and in an English browser. The list of pages is compared with the
/// route table, so that a new page cannot ship unchecked.
/// </summary>
public sealed class AccessibilityTests(HostFixture host, ITestOutputHelper output)
{
    private static readonly string[] Wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>The app's own pages also keep axe's best practices (unique landmarks, a first-level heading, named headers).</summary>
    private static readonly string[] OwnPages = [.. Wcag, "best-practice"];

    private enum As
    {
        Anonymous,
        Admin,
    }

    /// <summary>Real objects of the demo data for the pages that need an id.</summary>
    private sealed record Ids(int Unit, int LineageUnit, int Reorganization, int Document, int Task, int Scenario, int Proposal, string Admin, int ReportRequest = 0, int Report = 0, int DraftReport = 0, int ReportRequester = 0, int Survey = 0, int ServiceCatalogue = 0, int ServiceItem = 0, int Order = 0, int Inspection = 0, int Provider = 0)
    {
        public string UnitCode { get; init; } = "";
        public string LineageUnitCode { get; init; } = "";
        public int Feedback { get; init; }
    }

    /// <summary>Where the sweep opens a route, and as whom; or why it does not (the route answers with no page).</summary>
    private sealed record Visit(As As, Func<Ids, string[]> Urls, string? NoPage = null);

    private static Visit Anonymous(params string[] urls) => new(As.Anonymous, _ => urls);

    private static Visit Admin(params string[] urls) => new(As.Admin, _ => urls);

    private static Visit Admin(Func<Ids, string[]> urls) => new(As.Admin, urls);

    private static Visit NoPage(string reason) => new(As.Admin, _ => [], reason);

    /// <summary>Every GET route that answers with HTML (route pattern as in the route table).</summary>
    private static readonly IReadOnlyDictionary<string, Visit> Pages = new Dictionary<string, Visit>
    {
        // Signed out.
        ["/login"] = Anonymous("/login"),
        ["/access-denied"] = Anonymous("/access-denied"),
        ["/error"] = Anonymous("/error"),
        ["/status/{code:int}"] = Anonymous("/status/404", "/status/403", "/status/429", "/status/500"),
        // Single sign-on is not configured in the test host: the page answers with the status page, which is checked.
        ["/login/sso/{handler?}"] = Anonymous("/login/sso/Failed"),
        ["/api/docs"] = Anonymous("/api/docs"),
        ["/cong-khai"] = Anonymous("/cong-khai", "/cong-khai?q=truong", "/cong-khai?q=khong-co-don-vi-nao"),
        ["/cong-khai/{code}"] = new(As.Anonymous, ids => [$"/cong-khai/{ids.UnitCode}", $"/cong-khai/{ids.LineageUnitCode}"]),
        ["/cong-khai/{code}/phan-anh"] = NoPage("GET redirects to the unit's page; the form posts here"),
        ["/cong-khai/rut-dong-y/{token}"] = Anonymous("/cong-khai/rut-dong-y/khong-con-hieu-luc"),

        // Signed in as the administrator.
        ["/"] = Admin("/"),
        ["/logout"] = NoPage("GET redirects to the dashboard; signing out is the menu's button"),
        ["/account/password"] = Admin("/account/password"),
        ["/dashboard"] = Admin("/dashboard"),
        ["/indicators"] = Admin("/indicators"),
        ["/indicators/{code}"] = Admin("/indicators/units.count", "/indicators/staff.budget?breakdown=agency", "/indicators/autonomy.selffinancing.share",
            "/indicators/survey.satisfaction?breakdown=sector"),
        ["/indicators/{code}/drilldown"] = Admin("/indicators/units.count/drilldown", "/indicators/units.count/drilldown?baseline=2015-12-31",
            "/indicators/feedback.answered.ontime.share/drilldown", "/indicators/quality.assessed.share/drilldown"),
        ["/units"] = Admin("/units", "/units?print=1"),
        ["/search"] = Admin("/search?q=truong", "/search?q=truong&kind=unit", "/search?q=x"),
        ["/units/create"] = Admin("/units/create"),
        ["/units/{id:int}"] = Admin(ids => [$"/units/{ids.Unit}", $"/units/{ids.LineageUnit}"]),
        ["/units/{id:int}/edit"] = Admin(ids => [$"/units/{ids.Unit}/edit"]),
        ["/units/{id:int}/resources"] = Admin(ids => [$"/units/{ids.Unit}/resources", $"/units/{ids.Unit}/resources#finance", $"/units/{ids.Unit}/resources#autonomy"]),
        ["/units/{id:int}/capacity"] = Admin(ids => [$"/units/{ids.Unit}/capacity"]),
        ["/units/{id:int}/job-positions"] = Admin(ids => [$"/units/{ids.Unit}/job-positions", $"/units/{ids.Unit}/job-positions?print=1"]),
        ["/units/{id:int}/quality"] = Admin(ids => [$"/units/{ids.Unit}/quality"]),
        ["/quality"] = Admin("/quality", "/quality?print=1", "/quality?kind=x"),
        ["/quality/standards/{id:int}"] = Admin("/quality/standards/1", "/quality/standards/2"),
        ["/merits"] = Admin("/merits", "/merits?print=1"),
        ["/counts"] = Admin("/counts", "/counts?page=2", "/counts?print=1"),
        ["/staffing"] = Admin("/staffing"),
        // With a valid filter it is a workbook; with an invalid one, a page that names the errors.
        ["/staffing/export"] = Admin("/staffing/export?year=x"),
        ["/staffing/import/{handler?}"] = Admin("/staffing/import"),
        ["/reorganizations"] = Admin("/reorganizations"),
        ["/reorganizations/{id:int}"] = Admin(ids => [$"/reorganizations/{ids.Reorganization}"]),
        ["/reorganizations/create"] = Admin("/reorganizations/create"),
        ["/reorganizations/import"] = Admin("/reorganizations/import"),
        ["/orders"] = Admin("/orders", "/orders?print=1"),
        ["/orders/new"] = Admin("/orders/new"),
        ["/orders/{id:int}"] = Admin(ids => [$"/orders/{ids.Order}"]),
        ["/reorganization-proposals"] = Admin("/reorganization-proposals", "/reorganization-proposals?print=1"),
        ["/reorganization-proposals/create"] = Admin("/reorganization-proposals/create"),
        ["/reorganization-proposals/{id:int}"] = Admin(ids => [$"/reorganization-proposals/{ids.Proposal}"]),
        ["/inspections"] = Admin("/inspections", "/inspections?print=1"),
        ["/inspections/new"] = Admin("/inspections/new"),
        ["/inspections/{id:int}"] = Admin(ids => [$"/inspections/{ids.Inspection}"]),
        ["/inspections/board"] = Admin("/inspections/board"),
        ["/recommendations"] = Admin("/recommendations", "/recommendations?print=1"),
        ["/scenarios"] = Admin("/scenarios"),
        ["/scenarios/create"] = Admin("/scenarios/create"),
        ["/scenarios/{id:int}"] = Admin(ids => [$"/scenarios/{ids.Scenario}"]),
        ["/scenarios/{id:int}/apply"] = Admin(ids => [$"/scenarios/{ids.Scenario}/apply"]),
        ["/documents"] = Admin("/documents"),
        ["/documents/new"] = Admin("/documents/new"),
        ["/services"] = Admin("/services", "/services?q=giao+duc", "/services?q=khong-co-danh-muc-nao", "/services?print=1"),
        ["/services/catalogues/new"] = Admin("/services/catalogues/new"),
        ["/services/catalogues/{id:int}"] = Admin(ids => [$"/services/catalogues/{ids.ServiceCatalogue}"]),
        ["/services/catalogues/{id:int}/items/new"] = Admin(ids => [$"/services/catalogues/{ids.ServiceCatalogue}/items/new"]),
        ["/services/items/{id:int}"] = Admin(ids => [$"/services/items/{ids.ServiceItem}"]),
        ["/services/items/{id:int}/prices/new"] = Admin(ids => [$"/services/items/{ids.ServiceItem}/prices/new"]),
        ["/documents/{id:int}"] = Admin(ids => [$"/documents/{ids.Document}"]),
        ["/documents/{id:int}/targets/new"] = Admin(ids => [$"/documents/{ids.Document}/targets/new"]),
        ["/documents/{id:int}/tasks/new"] = Admin(ids => [$"/documents/{ids.Document}/tasks/new"]),
        ["/documents/{id:int}/tasks/import"] = Admin(ids => [$"/documents/{ids.Document}/tasks/import"]),
        ["/tasks"] = Admin("/tasks", "/tasks?view=timeline", "/tasks?print=1"),
        ["/tasks/{id:int}"] = Admin(ids => [$"/tasks/{ids.Task}"]),
        ["/attachments/{id:int}"] = NoPage("a file download"),
        ["/lookup/areas"] = NoPage("JSON for the area picker"),
        ["/lookup/agencies"] = NoPage("JSON for the agency picker"),
        ["/lookup/units"] = NoPage("JSON for the unit picker"),
        ["/lookup/tasks"] = NoPage("JSON for the task picker"),
        ["/notifications"] = Admin("/notifications"),
        ["/feedback"] = Admin("/feedback", "/feedback?status=new", "/feedback?print=1"),
        ["/feedback/{id:int}"] = Admin(ids => [$"/feedback/{ids.Feedback}"]),
        ["/reports"] = Admin("/reports", "/reports?status=submitted"),
        ["/reporting-regimes"] = Admin("/reporting-regimes"),
        ["/report-requests/new"] = Admin(ids => [$"/report-requests/new?Requester={ids.ReportRequester}"]),
        ["/report-requests/{id:int}"] = Admin(ids => [$"/report-requests/{ids.ReportRequest}"]),
        ["/report-requests/{id:int}/consolidated"] = Admin(ids => [$"/report-requests/{ids.ReportRequest}/consolidated"]),
        ["/reports/{id:int}"] = Admin(ids => [$"/reports/{ids.Report}", $"/reports/{ids.DraftReport}"]),
        ["/providers"] = Admin("/providers", "/providers?print=1"),
        ["/providers/new"] = Admin("/providers/new"),
        ["/providers/{id:int}"] = Admin(ids => [$"/providers/{ids.Provider}"]),
        ["/providers/{id:int}/edit"] = Admin(ids => [$"/providers/{ids.Provider}/edit"]),
        ["/network"] = Admin("/network", "/network?areaCode=92&print=1", "/network?sector=education&areaCode=92&below=1"),
        ["/network/population"] = Admin("/network/population"),
        ["/admin/users"] = Admin("/admin/users"),
        ["/admin/users/create"] = Admin("/admin/users/create"),
        ["/admin/users/{id}/edit"] = Admin(ids => [$"/admin/users/{ids.Admin}/edit"]),
        ["/admin/audit"] = Admin("/admin/audit", "/admin/audit?print=1"),
        ["/surveys"] = Admin("/surveys", "/surveys?print=1"),
        ["/surveys/new"] = Admin("/surveys/new"),
        ["/surveys/{id:int}"] = Admin(ids => [$"/surveys/{ids.Survey}"]),
        ["/surveys/compare"] = Admin(ids => ["/surveys/compare?sector=health", $"/surveys/compare?sector=education&year={DateTime.UtcNow.Year}"]),
    };

    [Fact]
    public void RouteTable_EveryPage_IsInTheSweep()
    {
        var routes = HtmlRoutes(host.Services);

        Assert.Contains("/units/{id:int}", routes);
        var missing = routes.Where(r => !Pages.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Pages that the accessibility sweep does not open (add them to AccessibilityTests.Pages):\n" + string.Join("\n", missing));
        var gone = Pages.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(gone.Count == 0, "Pages in the sweep that the route table no longer has:\n" + string.Join("\n", gone));
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("en-US")]
    public async Task EveryPage_AxeWcag21AA_NoViolation(string locale)
    {
        var clock = Stopwatch.StartNew();
        var ids = await IdsAsync();
        var axe = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js"), TestContext.Current.CancellationToken);
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                host.CspViolations.Add($"{page.Url}: {message.Text}");
            }
        };

        var report = new StringBuilder();
        var violations = 0;
        var visited = 0;
        foreach (var who in new[] { As.Anonymous, As.Admin })
        {
            if (who == As.Admin)
            {
                await page.SignInAsync(HostFixture.AdminEmail, HostFixture.Password);
                await page.WaitForURLAsync("**/dashboard");
            }

            foreach (var url in Pages.Values.Where(v => v.As == who).SelectMany(v => v.Urls(ids)))
            {
                var response = await page.GotoAsync(url);
                if (url.Contains('#', StringComparison.Ordinal))
                {
                    // A tab of the page just opened: the same document, with the named pane shown.
                    await Assertions.Expect(page.Locator(url[url.IndexOf('#', StringComparison.Ordinal)..])).ToBeVisibleAsync();
                }
                else
                {
                    Assert.True(response is not null, $"{url} did not answer.");
                }

                // Whatever htmx or the charts still load when the page's load event has fired.
                await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request')");
                if (who == As.Admin)
                {
                    // A page that fell back to the sign-in form would be checked in place of the real one.
                    Assert.DoesNotContain("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
                }

                visited++;
                // The forms folded in <details> (imports, norms, disputes) are checked unfolded, as a user opens them.
                await page.EvaluateAsync("() => document.querySelectorAll('main details').forEach(d => d.open = true)");
                foreach (var violation in await AxeAsync(page, axe, OwnPages))
                {
                    violations++;
                    report.AppendLine(violation);
                }
            }

            // A form sent back with its errors: the error summary and the fields' messages are checked too.
            if (who == As.Anonymous)
            {
                await page.GotoAsync("/login");
                await page.Locator("#Input_Email").FillAsync(HostFixture.AdminEmail);
                await page.Locator("#Input_Password").FillAsync("sai-mat-khau-" + locale);
                await page.Locator("main form button[type=submit]").ClickAsync();
            }
            else
            {
                await page.GotoAsync("/units/create");
                await page.Locator("main form[method=post] button[type=submit]").First.ClickAsync();
            }

            await page.WaitForLoadStateAsync();
            await Assertions.Expect(page.Locator(".field-validation-error, .validation-summary-errors, [role=alert]").First).ToBeVisibleAsync();
            visited++;
            foreach (var violation in await AxeAsync(page, axe, OwnPages))
            {
                violations++;
                report.AppendLine(violation);
            }
        }

        await context.CloseAsync();
        output.WriteLine($"{visited} pages checked with axe-core in {locale} in {clock.Elapsed.TotalSeconds:0.0} s.");
        Assert.True(visited >= Pages.Count - 2, $"Only {visited} pages were opened.");
        Assert.True(violations == 0, $"{violations} WCAG 2.1 AA violations in {locale}:\n{report}");
    }

    /// <summary>Runs axe-core on the page as it stands; one line per violation and element: page, rule, target, reason.</summary>
    private static async Task<List<string>> AxeAsync(IPage page, string axe, string[] tags)
    {
        // Evaluated through the browser's debugging protocol, not added as a script tag: the page's policy refuses inline scripts.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(axe);
        }

        var result = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
                const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 160) })),
                }));
            }
            """, tags);
        var path = new Uri(page.Url).PathAndQuery;
        var lines = new List<string>();
        foreach (var violation in result.EnumerateArray())
        {
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                lines.Add($"{path}  [{violation.GetProperty("id").GetString()}, {violation.GetProperty("impact").GetString()}] "
                    + $"{node.GetProperty("target").GetString()}: {violation.GetProperty("help").GetString()}. "
                    + $"{node.GetProperty("summary").GetString()?.ReplaceLineEndings(" ")}  {node.GetProperty("html").GetString()}");
            }
        }

        return lines;
    }

    /// <summary>The GET routes of the app that answer with a page: Razor pages and the API docs, not the API or its files.</summary>
    private static HashSet<string> HtmlRoutes(IServiceProvider services)
    {
        var routes = new HashSet<string>(StringComparer.Ordinal);
        var pagesSeen = new HashSet<string>(StringComparer.Ordinal);
        // A page answers on each of its routes (Index on "" and "Index"); the shortest stands for it.
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .OrderBy(e => e.RoutePattern.RawText?.Length ?? 0))
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (pagesSeen.Add(page.ViewEnginePath))
                {
                    routes.Add(pattern);
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (methods.Contains("GET")
                && !pattern.StartsWith("/api/v1", StringComparison.Ordinal)
                && !pattern.StartsWith("/openapi", StringComparison.Ordinal)
                && pattern != "/healthz"
                && !Path.HasExtension(pattern.Split('/')[^1]))
            {
                routes.Add(pattern);
            }
        }

        return routes;
    }

    private static readonly SemaphoreSlim IdsLock = new(1, 1);
    private static Ids? _ids;

    /// <summary>The demo's objects, and a draft scenario of the administrator (the demo has none), made once.</summary>
    private async Task<Ids> IdsAsync()
    {
        await IdsLock.WaitAsync();
        try
        {
            if (_ids is not null)
            {
                return _ids;
            }

            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
            db.UseScope(CallerScope.Everything);
            var admin = await db.Users.Where(u => u.Email == HostFixture.AdminEmail).Select(u => new { u.Id, u.FullName }).SingleAsync();
            var units = await db.Units.Where(u => u.EndedOn == null && !u.Voided)
                .OrderBy(u => u.Id).Select(u => new { u.Id, u.ManagingAgencyId }).Take(200).ToListAsync();
            var pair = units.GroupBy(u => u.ManagingAgencyId).First(g => g.Count() >= 2).Take(2).Select(u => u.Id).ToArray();
            // A unit made by a reorganization has predecessors: its page draws the lineage diagram.
            var lineageUnit = await db.ReorganizationParticipants.Where(p => p.Role == ParticipantRole.Created)
                .OrderBy(p => p.Id).Select(p => p.UnitId).FirstAsync();
            var reorganization = await db.Reorganizations.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var task = await db.PlanTasks.OrderBy(t => t.Id).Select(t => new { t.Id, t.DocumentId }).FirstAsync();

            db.Actor = new Actor(admin.Id, admin.FullName ?? HostFixture.AdminEmail, null);
            var scenarios = scope.ServiceProvider.GetRequiredService<ScenarioService>();
            var created = await scenarios.CreateAsync(new ScenarioInput("Kịch bản kiểm tra khả năng tiếp cận", null,
            [
                new ReorganizationInput { Type = "merger", EffectiveDate = new DateOnly(2027, 1, 1), SourceUnitIds = [pair[1]], ContinuingUnitId = pair[0] },
            ]));
            var scenario = created.Id ?? throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
            // An approved list of job positions under the 65% of Decree 106/2020, so that its table, history and warning are swept.
            var founded = await db.Units.Where(u => u.Id == units[0].Id).Select(u => u.EstablishedOn).SingleAsync();
            var approved = await scope.ServiceProvider.GetRequiredService<JobPositionService>().ApproveAsync(units[0].Id, new JobPositionListInput(
                "15/QĐ-UBND", founded > new DateOnly(2021, 1, 4) ? founded : new DateOnly(2021, 1, 4), "Ủy ban nhân dân thành phố Cần Thơ", null,
                [
                    new JobPositionFacts("Giám đốc", JobPositionGroup.Leadership, null, null, 1),
                    new JobPositionFacts("Giáo viên", JobPositionGroup.Professional, "Giáo viên tiểu học hạng III", "V.07.03.29", 8),
                    new JobPositionFacts("Bảo vệ", JobPositionGroup.Support, null, null, 6),
                ]));
            Assert.True(approved.Value is not null, string.Join("; ", approved.Errors.Select(e => $"{e.Field}: {e.Message}")));
            // A submitted dossier with warnings: its page shows the checks and the appraisal form.
            var proposals = scope.ServiceProvider.GetRequiredService<ProposalService>();
            var agency = units.First(u => u.Id == pair[0]).ManagingAgencyId;
            var drafted = await proposals.CreateAsync(new ProposalInput
            {
                Kind = "submission", Number = "1/TTr-KT", ProposedOn = new DateOnly(2026, 11, 2), Summary = "Tờ trình sáp nhập kiểm tra khả năng tiếp cận",
                AgencyId = agency, PlannedBudgetPositions = 1000,
                Event = new ReorganizationInput { Type = "merger", EffectiveDate = new DateOnly(2027, 1, 1), SourceUnitIds = [pair[1]], ContinuingUnitId = pair[0] },
            });
            var proposal = drafted.Id ?? throw new InvalidOperationException(string.Join("; ", drafted.Errors.Select(e => $"{e.Field}: {e.Message}")));
            await proposals.SubmitAsync(proposal, null);
            // A request from an agency to those below it: one report submitted (the requester's review forms), one a draft (the reporter's form).
            var requester = await db.Agencies.Where(a => a.ValidTo == null && db.Agencies.Count(c => c.ParentId == a.Id && c.ValidTo == null) >= 2)
                .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            var reporters = await db.Agencies.Where(c => c.ParentId == requester && c.ValidTo == null).OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
            var reporting = scope.ServiceProvider.GetRequiredService<ReportService>();
            var request = await reporting.CreateRequestAsync(new RequestInput(ReportingCatalog.Conclusion62Code, "2025", null, null, reporters, requester, null, null));
            var requestId = request.Id ?? throw new InvalidOperationException(string.Join("; ", request.Errors?.Select(e => $"{e.Field}: {e.Message}") ?? []));
            var reports = await db.Reports.Where(r => r.RequestId == requestId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
            await reporting.SubmitAsync(reports[0], null);
            // A demo survey round with responses: its results table, chart and entry forms.
            var survey = await db.SurveyRounds.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            // The shipped central catalogue and its first item, with a price so that the price table is swept.
            var catalogue = await db.ServiceCatalogues.Where(c => c.DecisionNumber == "186/QĐ-TTg").Select(c => c.Id).FirstAsync();
            var serviceItem = await db.ServiceItems.Where(i => i.CatalogueId == catalogue).OrderBy(i => i.Ordinal).Select(i => i.Id).FirstAsync();
            var priced = await scope.ServiceProvider.GetRequiredService<SuNghiep.Core.Services.CatalogueService>().AddPriceAsync(serviceItem,
                new SuNghiep.Core.Services.PriceInput(null, 1_250_000m, "đồng/học sinh/tháng", "full-excl-depreciation", new("1/NQ-KT", new DateOnly(2024, 7, 1), "Hội đồng nhân dân"), new DateOnly(2024, 9, 1)));
            Assert.True(priced.Value is not null || priced.Errors.Any(e => e.Field == "validFrom"), string.Join("; ", priced.Errors.Select(e => e.Message)));
            // An order partly accepted: its page shows the timeline, the acceptance and the settlement forms.
            var item = await OrderJourneyTests.ItemAsync(host.Services, "a11y");
            var orders = scope.ServiceProvider.GetRequiredService<Core.Services.OrderService>();
            var ordered = await orders.CreateAsync(new Core.Services.OrderInput(2025, "ordering", agency, pair[0], null, item, 100, null,
                new DateOnly(2025, 2, 1), new DateOnly(2025, 11, 30), "9/QĐ-KT", new DateOnly(2025, 1, 20), "Sở Giáo dục và Đào tạo"));
            var order = ordered.Id ?? throw new InvalidOperationException(string.Join("; ", ordered.Errors.Select(e => $"{e.Field}: {e.Message}")));
            await orders.AcceptAsync(order, new Core.Services.AcceptanceInput(new DateOnly(2025, 12, 1), 40, "Đạt", 80, 0, "Biên bản 1/BB"));
            // The demo's first inspection: concluded, with findings, recommendations and their forms.
            var inspection = await db.Inspections.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
            // A non-public provider, so that its page, its versions and its form are swept.
            var provider = await scope.ServiceProvider.GetRequiredService<Core.Services.ProviderService>().CreateAsync(new Core.Services.ProviderInput(
                "KT-" + Guid.NewGuid().ToString("N")[..8], "Phòng khám Đa khoa Tâm An", "Công ty TNHH", "Tư nhân", "health", "Phòng khám đa khoa",
                "Số 1 đường Hòa Bình", "31120", 20, "beds", "01/BYT-GPHĐ", new DateOnly(2025, 8, 1), "Sở Y tế thành phố Cần Thơ", new DateOnly(2025, 8, 1), null, null));
            var providerId = provider.Provider?.Id ?? throw new InvalidOperationException(string.Join("; ", provider.Errors.Select(e => $"{e.Field}: {e.Message}")));
            // A citizen's feedback with a contact, so that its page shows the reply, publish and reject forms.
            var feedback = new Feedback
            {
                UnitId = units[0].Id, Topic = "Thái độ phục vụ", Text = "Nhân viên hướng dẫn chưa rõ ràng", Contact = "nguoidan@example.vn", Consent = true,
                ConsentAt = DateTime.UtcNow, Status = FeedbackStatus.New, ReceivedAt = DateTime.UtcNow, DueOn = new DateOnly(2026, 12, 31),
            };
            db.Feedback.Add(feedback);
            await db.SaveChangesAsync();
            var codes = await db.Units.Where(u => u.Id == units[0].Id || u.Id == lineageUnit).ToDictionaryAsync(u => u.Id, u => u.Code);
            return _ids = new Ids(units[0].Id, lineageUnit, reorganization, task.DocumentId, task.Id, scenario, proposal, admin.Id, requestId, reports[0], reports[1], requester,
                Survey: survey, ServiceCatalogue: catalogue, ServiceItem: serviceItem, Order: order, Inspection: inspection, Provider: providerId)
            {
                UnitCode = codes[units[0].Id], LineageUnitCode = codes[lineageUnit], Feedback = feedback.Id,
            };
        }
        finally
        {
            IdsLock.Release();
        }
    }
}
