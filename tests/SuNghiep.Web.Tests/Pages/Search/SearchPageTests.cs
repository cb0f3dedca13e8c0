using System.Net;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Search;

/// <summary>The header's search box on every signed-in page and the /search page it leads to: grouped by kind, paged, scoped.</summary>
public sealed class SearchPageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task HeaderBox_OnSignedInPages_IsALabelledGetFormToSearch(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: "92.SYT"));

        foreach (var path in new[] { "/units", "/documents", "/tasks" })
        {
            var (response, page) = await session.GetAsync(path);
            var form = page.QuerySelector("nav form[role=search]");
            Assert.True(form is not null, $"{path} has no search form in its header");
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.Equal("get", form.GetAttribute("method"));
            var input = form.QuerySelector("input[name=q]")!;
            var label = form.QuerySelector($"label[for={input.Id}]");
            Assert.False(string.IsNullOrWhiteSpace(label?.TextContent), $"{path}: the search box has no label");
            Assert.NotNull(form.QuerySelector("button[type=submit]"));
            response.Dispose();
        }
    }

    [Theory, DatabaseData]
    public async Task Page_GroupsByKindWithLinks_AndPagesOneKind(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.SYT");
        var units = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            units.Add((await admin.CreateUnitAsync(UnitsClient.Body(token, $"U{i}", agency).With("sector", "health")
                .With("name", $"Trạm y tế {Unique.Name(token)} {i}").With("areaCode", "00004"))).Id);
        }

        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("title", $"Kế hoạch {Unique.Name(token)} về trạm y tế"));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Rà soát trạm y tế {token}", agency));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SYT"));

        var (response, page) = await session.GetAsync($"/search?q={Uri.EscapeDataString($"tram y te {token}")}");
        var (_, unitsOnly) = await session.GetAsync($"/search?q={Uri.EscapeDataString($"tram y te {token}")}&kind=unit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unitGroup = page.QuerySelector("[data-testid=search-group-unit]")!;
        Assert.Equal(5, unitGroup.QuerySelectorAll("[data-testid=search-hit]").Length);
        Assert.Contains("7", unitGroup.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=search-more-unit]"));
        Assert.Equal($"/documents/{document.Id}", page.QuerySelector("[data-testid=search-group-document] a")!.GetAttribute("href"));
        Assert.Equal($"/tasks/{task.Id}", page.QuerySelector("[data-testid=search-group-task] a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=search-group-agency]"));
        Assert.Equal(units.Select(id => $"/units/{id}"),
            unitsOnly.QuerySelectorAll("[data-testid=search-group-unit] [data-testid=search-hit] a").Select(a => a.GetAttribute("href")));
        Assert.Null(unitsOnly.QuerySelector("[data-testid=search-group-task]"));
        response.Dispose();
    }

    [Theory, DatabaseData]
    public async Task Page_NothingFound_ShowsTheEmptyState_AndAShortQueryTheFieldMessage(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: "92.SYT"));

        var (found, empty) = await session.GetAsync($"/search?q={Unique.Token()}");
        var (refused, shortPage) = await session.GetAsync("/search?q=a");
        var (blank, form) = await session.GetAsync("/search");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.NotNull(empty.QuerySelector("[data-testid=search-empty]"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ít nhất 2 ký tự", shortPage.QuerySelector("[data-testid=search-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Null(form.QuerySelector("[data-testid=search-error]"));
        Assert.NotNull(form.QuerySelector("main form[role=search] input[name=q]"));
        found.Dispose();
        refused.Dispose();
        blank.Dispose();
    }
}
