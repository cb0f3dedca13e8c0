using System.Net;
using SuNghiep.Web.Tests.Pages.Exports;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Proposals;

/// <summary>
/// The dossier pages over HTTP: drafted with the form, the checks of Decree 120 on the page, submitted, appraised and
/// decided with each step's form, found by the list's search and in its workbook; a form's errors named per field.
/// </summary>
public sealed class ProposalPageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Dossier_ThroughTheForms_IsDraftedCheckedAppraisedAndDecided(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        using var session = await PageSession.SignInAsync(s.App, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var summary = $"Đề án sáp nhập {Unique.Name(s.Token)}";

        var (_, form) = await session.GetAsync("/reorganization-proposals/create");
        using var drafted = await session.PostFormAsync("/reorganization-proposals/create", form.QuerySelector("[data-testid=proposal-form]")!, new()
        {
            ["Input.Kind"] = "scheme", ["Input.Number"] = "7/ĐA-SGDĐT", ["Input.ProposedOn"] = "02/05/2024", ["Input.Summary"] = summary,
            ["Input.AgencyId"] = s.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Type"] = "merger", ["Input.EffectiveDate"] = "01/07/2024", ["Input.SourceUnitCodes"] = b.Code, ["Input.ContinuingUnitCode"] = a.Code,
            ["Input.PlannedBudgetPositions"] = "12",
        });

        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var url = drafted.Headers.Location!.OriginalString;
        var (_, page) = await session.GetAsync(url);
        Assert.Equal("Dự thảo", page.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Equal("Sáp nhập", page.QuerySelector("[data-testid=event-type]")!.TextContent.Trim());
        // No staffing figures, no competent body: the page says what it cannot check, with the articles.
        var warnings = page.QuerySelectorAll("[data-testid=warnings] li").Select(li => li.GetAttribute("data-field")).ToList();
        Assert.Equal(["plannedBudgetPositions", "competentAgencyId"], warnings);

        using (var submitted = await session.PostFormAsync(url + "?handler=Submit", page.QuerySelector("[data-testid=submit-form]")!, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        (_, page) = await session.GetAsync(url);
        using (var missing = await session.PostFormAsync(url + "?handler=Appraise", page.QuerySelector("[data-testid=appraise-form] form")!, []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            var errors = await PageSession.ParseAsync(missing);
            Assert.NotNull(errors.QuerySelector("[data-testid='error-Input.Result']"));
            Assert.NotNull(errors.QuerySelector("[data-testid='error-Input.Opinion']"));
        }

        using (var appraised = await session.PostFormAsync(url + "?handler=Appraise", page.QuerySelector("[data-testid=appraise-form] form")!, new()
        {
            ["Input.Result"] = "agreed", ["Input.Opinion"] = "Đồng ý phương án.", ["Input.AppraisedOn"] = "20/05/2024", ["Input.Appraiser"] = "Trần Thị Bình",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, appraised.StatusCode);
        }

        (_, page) = await session.GetAsync(url);
        Assert.Equal("Đồng ý", page.QuerySelector("[data-testid=appraisal-result]")!.TextContent.Trim());
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=appraisal-warnings] li").Length);

        using (var decided = await session.PostFormAsync(url + "?handler=Decide", page.QuerySelector("[data-testid=decide-form] form")!, new()
        {
            ["Input.DecisionNumber"] = "88/QĐ-UBND", ["Input.DecisionDate"] = "10/06/2024", ["Input.DecisionIssuer"] = HistoryClient.Issuer,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }

        (_, page) = await session.GetAsync(url);
        Assert.Equal("Đã quyết định", page.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=decision-warnings] li").Length);
        var eventUrl = page.QuerySelector("[data-testid=reorganization-link]")!.GetAttribute("href")!;
        var (_, reorganization) = await session.GetAsync(eventUrl);
        Assert.Contains("88/QĐ-UBND", reorganization.QuerySelector("[data-testid=decision]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, reorganization.QuerySelector("[data-testid=dossier-link]")!.GetAttribute("href"));
        Assert.False((await s.Client.GetUnitAsync(b.Id, new DateOnly(2024, 7, 1))).Active);

        var (_, list) = await session.GetAsync($"/reorganization-proposals?q={Uri.EscapeDataString(Unique.Name(s.Token).ToUpperInvariant())}");
        Assert.Equal(url, Assert.Single(list.QuerySelectorAll("[data-testid=proposal-link]")).GetAttribute("href"));
        var (xlsx, print) = ExportSession.Links(list);
        var row = Assert.Single(await ExportSession.XlsxAsync(session.Client, xlsx));
        Assert.Equal(("Đề án", "7/ĐA-SGDĐT", summary, "Đã quyết định"), (row["Loại văn bản"], row["Số, ký hiệu"], row["Trích yếu"], row["Trạng thái"]));
        var (_, printed) = await session.GetAsync(print);
        ExportSession.AssertPrintHeading(printed, "Hồ sơ đề nghị sắp xếp");
    }

    [Theory, DatabaseData]
    public async Task Create_EmptyForm_NamesEachMissingFieldInVietnamese(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (_, form) = await session.GetAsync("/reorganization-proposals/create");

        using var response = await session.PostFormAsync("/reorganization-proposals/create", form.QuerySelector("[data-testid=proposal-form]")!, new()
        {
            ["Input.SourceUnitCodes"] = "KHONG-CO-MA-NAY", ["Input.PlannedStaff"] = "mười",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PageSession.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-testid=error-summary]"));
        Assert.Contains("KHONG-CO-MA-NAY", page.QuerySelector("[data-testid='error-Input.SourceUnitCodes']")!.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-testid='error-Input.PlannedStaff']")?.TextContent));

        // What can be read goes to the service, which names every field still missing.
        using var blank = await session.PostFormAsync("/reorganization-proposals/create", form.QuerySelector("[data-testid=proposal-form]")!, []);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        page = await PageSession.ParseAsync(blank);
        foreach (var key in new[] { "Input.Number", "Input.ProposedOn", "Input.Summary", "Input.AgencyId", "Input.EffectiveDate" })
        {
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"[data-testid='error-{key}']")?.TextContent), key);
        }
    }
}
