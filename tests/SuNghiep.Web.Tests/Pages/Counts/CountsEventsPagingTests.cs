using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Exports;

namespace SuNghiep.Web.Tests.Pages.Counts;

/// <summary>The counts page lists its events a page at a time, folded when they fill more than a page.</summary>
public sealed class CountsEventsPagingTests(AppHosts hosts)
{
    private static int[] EventIds(IDocument page) =>
        [.. page.QuerySelectorAll("table[data-testid=changes] tbody tr").Select(r => int.Parse(r.GetAttribute("data-event-id")!, System.Globalization.CultureInfo.InvariantCulture))];

    [Theory, DatabaseData]
    public async Task Events_SecondPage_NextRowsWithTheFiltersKept(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var ids = new List<int>();
        for (var i = 0; i < 27; i++)
        {
            var unit = await s.UnitAsync("P" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
            var created = await s.Client.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2012, 1, 1).AddMonths(i), $"{i + 1}/QĐ-UBND")
                .With("sourceUnitIds", new JsonArray(unit.Id)));
            ids.Add(created.Id);
        }

        // Control: an event after the date viewed is in no page.
        var late = await s.UnitAsync("LATE");
        var outside = await s.Client.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2022, 6, 1)).With("sourceUnitIds", new JsonArray(late.Id)));
        using var session = await ExportSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.SystemAdmin));
        var query = $"/counts?areaCode={s.AreaCode}&baseline=31/12/2011&date=31/12/2021";

        var (_, first) = await session.GetAsync(query);

        Assert.Equal(ids.Take(25), EventIds(first));
        Assert.Equal("27", first.QuerySelector("[data-testid=changes-count]")!.TextContent.Trim());
        Assert.False(first.QuerySelector("details[data-testid=changes-details]")!.HasAttribute("open"));
        var next = WebUtility.HtmlDecode(first.QuerySelector("details .pagination a[aria-label='Trang sau']")!.GetAttribute("href")!);
        Assert.Contains($"areaCode={s.AreaCode}", next, StringComparison.Ordinal);
        Assert.Contains("baseline=31%2F12%2F2011", next, StringComparison.Ordinal);
        Assert.Contains("date=31%2F12%2F2021", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);

        var (response, second) = await session.GetAsync(next);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ids.Skip(25), EventIds(second));
        Assert.DoesNotContain(outside.Id, EventIds(second));
        Assert.True(second.QuerySelector("details[data-testid=changes-details]")!.HasAttribute("open"));

        // A page past the last shows the last; the print view and the export keep every event.
        var (_, beyond) = await session.GetAsync(query + "&page=9");
        Assert.Equal(ids.Skip(25), EventIds(beyond));
        var (_, printed) = await session.GetAsync(query + "&print=1");
        Assert.Equal(ids, EventIds(printed));
        Assert.True(printed.QuerySelector("details[data-testid=changes-details]")!.HasAttribute("open"));
        using var export = await session.Client.GetAsync(query + "&format=xlsx&page=2");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var events = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Sự kiện").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Enumerable.Range(1, 27).Select(i => $"{i}/QĐ-UBND"), events.Select(e => (string?)e["Số quyết định"]));
    }

    [Theory, DatabaseData]
    public async Task Events_FewerThanAPage_OpenWithoutPager(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var unit = await s.UnitAsync("A");
        var created = await s.Client.RecordAsync(HistoryClient.Event("dissolution", new DateOnly(2015, 3, 1)).With("sourceUnitIds", new JsonArray(unit.Id)));
        using var session = await ExportSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.SystemAdmin));

        var (_, page) = await session.GetAsync($"/counts?areaCode={s.AreaCode}&baseline=31/12/2011&date=31/12/2021");

        Assert.Equal([created.Id], EventIds(page));
        Assert.True(page.QuerySelector("details[data-testid=changes-details]")!.HasAttribute("open"));
        Assert.Null(page.QuerySelector("details .pagination"));
    }

    [Theory, DatabaseData]
    public async Task Events_PageNotANumber_400WithMessage(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        using var session = await ExportSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.SystemAdmin));

        var (response, page) = await session.GetAsync($"/counts?areaCode={s.AreaCode}&page=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Số trang", page.QuerySelector("[data-testid=filter-errors]")!.TextContent, StringComparison.Ordinal);
    }
}
