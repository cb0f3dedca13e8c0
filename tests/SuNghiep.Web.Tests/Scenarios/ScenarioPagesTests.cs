using System.Net;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Indicators;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Scenarios;

/// <summary>An officer's journey through /scenarios: draft, add events, compare, share, apply.</summary>
public sealed class ScenarioPagesTests(AppHosts hosts)
{
    private static readonly DateOnly Day = new(2020, 3, 1);

    /// <summary>An officer of an agency of the test's own, so that no other test's shared scenario shows in its list.</summary>
    private static async Task<(HistoryScenario S, string AgencyCode, PageSession Officer)> StartAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var agency = await IndicatorsClient.AgencyAsync(s.App, s.Token);
        var code = await s.App.WithDbAsync((db, _) => Task.FromResult(db.Agencies.Single(a => a.Id == agency).Code));
        var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.AgencyOfficer, agency: code));
        return (s, code, officer);
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(PageSession session, string pageUrl, string formSelector, Dictionary<string, string> values)
    {
        var (_, page) = await session.GetAsync(pageUrl);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"{pageUrl} has no {formSelector}: {page.Body?.TextContent}");
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        var response = await session.PostFormAsync(action, form, values);
        return (response, await PageSession.ParseAsync(response));
    }

    private static string Text(IParentNode node, string selector) => node.QuerySelector(selector)?.TextContent.Trim() ?? "";

    [Theory, DatabaseData]
    public async Task Journey_DraftAddCompareShareApply(DatabaseProvider provider)
    {
        var (s, agencyCode, officer) = await StartAsync(hosts, provider);
        using var _ = officer;
        var (a, b) = (await s.UnitAsync("A", agencyCode), await s.UnitAsync("B", agencyCode));

        var (listResponse, list) = await officer.GetAsync("/scenarios");
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Contains("Chưa có kịch bản nào", Text(list, "[data-testid=empty]"), StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("a[data-testid=create-link][href='/scenarios/create']"));

        var (created, _) = await PostAsync(officer, "/scenarios/create", "main form[method=post]", new() { ["Input.Name"] = $"Kịch bản {s.Token}" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var (_, empty) = await officer.GetAsync(url);
        Assert.Equal(($"Kịch bản {s.Token}", "Nháp"), (Text(empty, "[data-testid=scenario-name]"), Text(empty, "[data-testid=status]")));
        Assert.NotNull(empty.QuerySelector("[data-testid=no-events]"));

        var (added, _) = await PostAsync(officer, url, "form#reorganization-form", new()
        {
            ["Input.Type"] = "dissolution", ["Input.EffectiveDate"] = Iso(Day), ["Input.SourceUnitCodes"] = a.Code,
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        // The same unit again after it ended: refused on its field, as the reorganization form refuses it.
        var (refused, refusedPage) = await PostAsync(officer, url, "form#reorganization-form", new()
        {
            ["Input.Type"] = "rename", ["Input.EffectiveDate"] = Iso(Day.AddDays(5)), ["Input.SourceUnitCodes"] = a.Code, ["Input.NewName"] = "Tên mới",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(a.Code, Text(refusedPage, "[data-testid='error-Input.SourceUnitIds']"), StringComparison.Ordinal);

        var (_, details) = await officer.GetAsync($"{url}?asOf={Iso(Day)}&areaCode={s.AreaCode}");
        var row = Assert.Single(details.QuerySelectorAll("[data-testid=event-row]"));
        Assert.Contains("Giải thể", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(a.Code, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chưa có quyết định", row.TextContent, StringComparison.Ordinal);
        var count = details.QuerySelector("[data-testid=comparison-row][data-code='units.count']")!;
        Assert.Equal(("2 đơn vị", "1 đơn vị", "−1 đơn vị"),
            (Text(count, "[data-testid=actual]"), Text(count, "[data-testid=scenario]"), Text(count, "[data-testid=difference]")));
        Assert.Equal(12, details.QuerySelectorAll("[data-testid=comparison-row]").Length);

        var (shared, _) = await PostAsync(officer, url, "[data-testid=actions] form[action*='handler=Share']", []);
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        var (_, listed) = await officer.GetAsync("/scenarios");
        var listedRow = Assert.Single(listed.QuerySelectorAll("[data-testid=scenario-row]"));
        Assert.Equal(("Đã chia sẻ", "1"), (Text(listedRow, "[data-testid=status]"), listedRow.Children[2].TextContent.Trim()));

        var (applied, _) = await PostAsync(officer, $"{url}/apply", "main form[method=post]", new()
        {
            ["ForAll.Number"] = "15/QĐ-UBND", ["ForAll.Date"] = Iso(Day.AddDays(-10)), ["ForAll.Issuer"] = Issuer,
        });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var (_, done) = await officer.GetAsync($"{url}?asOf={Iso(Day)}&areaCode={s.AreaCode}");
        Assert.Equal("Đã áp dụng", Text(done, "[data-testid=status]"));
        Assert.NotNull(done.QuerySelector("[data-testid=applied-info] a[href^='/reorganizations/']"));
        Assert.Null(done.QuerySelector("form#reorganization-form"));
        var after = done.QuerySelector("[data-testid=comparison-row][data-code='units.count']")!;
        Assert.Equal(("1 đơn vị", "1 đơn vị"), (Text(after, "[data-testid=actual]"), Text(after, "[data-testid=scenario]")));
        Assert.Equal([b.Id], await s.ActiveAsync(Day));
    }

    [Theory, DatabaseData]
    public async Task Apply_WithoutDecision_ShowsTheMissingFieldsAndRecordsNothing(DatabaseProvider provider)
    {
        var (s, agencyCode, officer) = await StartAsync(hosts, provider);
        using var _ = officer;
        var a = await s.UnitAsync("A", agencyCode);
        var (created, _) = await PostAsync(officer, "/scenarios/create", "main form[method=post]", new() { ["Input.Name"] = $"Kịch bản {s.Token}" });
        var url = created.Headers.Location!.OriginalString;
        await PostAsync(officer, url, "form#reorganization-form", new()
        {
            ["Input.Type"] = "dissolution", ["Input.EffectiveDate"] = Iso(Day), ["Input.SourceUnitCodes"] = a.Code,
        });

        var (response, page) = await PostAsync(officer, $"{url}/apply", "main form[method=post]", new() { ["ForAll.Number"] = "15/QĐ-UBND" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ngày ban hành", Text(page, "[data-testid='error-Decisions[0].Date']"), StringComparison.Ordinal);
        Assert.Contains("cơ quan ban hành", Text(page, "[data-testid='error-Decisions[0].Issuer']"), StringComparison.Ordinal);
        Assert.Equal([a.Id], await s.ActiveAsync(Day));
    }

    [Theory, DatabaseData]
    public async Task Details_AnotherOfficersDraft_IsNotFoundUntilShared(DatabaseProvider provider)
    {
        var (s, agencyCode, author) = await StartAsync(hosts, provider);
        using var _ = author;
        using var colleague = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.AgencyOfficer, agency: agencyCode));
        var (created, _) = await PostAsync(author, "/scenarios/create", "main form[method=post]", new() { ["Input.Name"] = $"Kịch bản {s.Token}" });
        var url = created.Headers.Location!.OriginalString;

        var (hidden, _) = await colleague.GetAsync(url);
        await PostAsync(author, url, "[data-testid=actions] form[action*='handler=Share']", []);
        var (seen, page) = await colleague.GetAsync(url);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (hidden.StatusCode, seen.StatusCode));
        // A reader is offered neither the event form nor the author's buttons.
        Assert.Null(page.QuerySelector("form#reorganization-form"));
        Assert.Null(page.QuerySelector("[data-testid=delete]"));
        Assert.Null(page.QuerySelector("[data-testid=share]"));
    }
}
