using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MiniExcelLibs;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Indicators;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;
using static SuNghiep.Web.Tests.Scenarios.ScenarioClient;

namespace SuNghiep.Web.Tests.Scenarios;

/// <summary>
/// POST /api/v1/scenarios/{id}/events/import and the scenario page's upload: a file in the columns of the reorganization
/// import adds its events to a draft, checked with the draft's own, or adds nothing and reports each problem at its row
/// and column.
/// </summary>
public sealed class ScenarioImportTests(AppHosts hosts)
{
    private static readonly DateOnly Day = new(2020, 3, 1);

    private static readonly string[] Headers =
    [
        "Loại sắp xếp", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Ngày hiệu lực", "Mã đơn vị nguồn",
        "Mã đơn vị tiếp tục", "Mã cơ quan quản lý mới", "Tên mới", "Mã địa bàn mới", "Mã đơn vị mới", "Tên đơn vị mới",
        "Lĩnh vực", "Loại đơn vị", "Cấp", "Mã địa bàn", "Mã cơ quan quản lý", "Nhóm tự chủ", "Ghi chú",
    ];

    /// <summary>A row of the file, its cells by column letter; decisions are left blank, as a draft may.</summary>
    private static Dictionary<string, object?> Row(params (char Column, object? Value)[] cells)
    {
        var row = Headers.ToDictionary(h => h, _ => (object?)null);
        foreach (var (column, value) in cells)
        {
            row[Headers[column - 'A']] = value;
        }

        return row;
    }

    private static string Vi(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static (char, object?)[] NewUnit(HistoryScenario s, string suffix) =>
    [
        ('K', $"{s.Token}-{suffix}"), ('L', $"{Unique.Name(s.Token)} {suffix}"), ('M', "education"), ('N', "basic-service"),
        ('O', "commune"), ('P', s.AreaCode), ('Q', s.AgencyCode), ('R', "4"),
    ];

    private static byte[] Xlsx(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(ReorganizationsApi.XlsxType);
        form.Add(content, "file", "kich-ban.xlsx");
        return await client.PostAsync($"/api/v1/scenarios/{id}/events/import", form);
    }

    private static async Task<List<(int Row, string Column)>> ProblemsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
        return [.. problems.Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!))];
    }

    [Theory, DatabaseData]
    public async Task Import_ConsolidationThenTransferOfItsNewUnitByCode_AddsTheEventsAndRecordsNothing(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b, d) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("D"));
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, d)));
        // Row 2 consolidates A and B into C; row 3 transfers C, named by the code row 2 gives it, to the Department of Health.
        var file = Xlsx(
            Row([('A', "Hợp nhất"), ('E', Vi(Day)), ('F', $"{a.Code}; {b.Code}"), .. NewUnit(s, "C")]),
            Row(('A', "transfer"), ('E', Vi(Day.AddDays(10))), ('F', $"{s.Token}-C"), ('H', "92.SYT")));

        using var response = await UploadAsync(s.Client, draft.Id, file);

        var view = await response.ReadBodyAsync<ScenarioResponse>();
        Assert.Equal(["dissolution", "consolidation", "transfer"], view.Events.Select(e => e.Type));
        Assert.Equal([a.Id, b.Id], view.Events[1].SourceUnitIds.Order());
        Assert.Equal($"{s.Token}-C", view.Events[1].NewUnits.Single().Ref);
        Assert.Equal([$"{s.Token}-C"], view.Events[2].SourceUnitRefs!);
        Assert.Null(view.Events[1].Decision);
        // Nothing is recorded; on the scenario's side only C is left in the commune, under the Department of Health.
        Assert.Equal([a.Id, b.Id, d.Id], await s.ActiveAsync(Day.AddDays(10)));
        var count = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(Day.AddDays(10))}&areaCode={s.AreaCode}");
        var health = await s.Client.IndicatorAsync(draft.Id, "units.count", $"asOf={Iso(Day.AddDays(10))}&areaCode={s.AreaCode}&agencyId={await s.App.AgencyIdAsync("92.SYT")}");
        Assert.Equal((3m, 1m), (count.Actual.Value!.Value, count.Scenario.Value!.Value));
        Assert.Equal((0m, 1m), (health.Actual.Value!.Value, health.Scenario.Value!.Value));
    }

    [Theory, DatabaseData]
    public async Task Import_FileWithProblems_ReportsEachAtItsRowAndColumnAndAddsNothing(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var draft = await s.Client.DraftAsync(Body($"Kịch bản {s.Token}", Proposed("dissolution", Day, b)));

        // Read problems: a unit code nobody has (row 2, F), a date that does not exist (row 3, E).
        using var unreadable = await UploadAsync(s.Client, draft.Id, Xlsx(
            Row(('A', "dissolution"), ('E', Vi(Day)), ('F', $"{s.Token}-khong-co")),
            Row(('A', "dissolution"), ('E', "31/02/2020"), ('F', a.Code))));
        // Rule problems, found with the draft's own event: row 2 dissolves B, which the draft already dissolves; row 3
        // renames A without a new name.
        using var breaking = await UploadAsync(s.Client, draft.Id, Xlsx(
            Row(('A', "dissolution"), ('E', Vi(Day.AddDays(5))), ('F', b.Code)),
            Row(('A', "rename"), ('E', Vi(Day.AddDays(5))), ('F', a.Code))));

        Assert.Equal([(2, "F"), (3, "E")], await ProblemsAsync(unreadable));
        Assert.Equal([(2, "F"), (3, "I")], await ProblemsAsync(breaking));
        var after = await s.Client.GetScenarioAsync(draft.Id);
        Assert.Equal((1, draft.Revision), (after.Events.Count, after.Revision));
    }

    [Theory, DatabaseData]
    public async Task DetailsPage_Upload_AddsTheEventsOrListsTheProblems(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var agency = await IndicatorsClient.AgencyAsync(s.App, s.Token);
        var code = await s.App.WithDbAsync((db, _) => Task.FromResult(db.Agencies.Single(x => x.Id == agency).Code));
        var a = await s.UnitAsync("A", code);
        var (api, email) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: code);
        var draft = await api.DraftAsync(Body($"Kịch bản {s.Token}"));
        using var officer = await PageSession.SignInAsync(s.App, email);
        var url = $"/scenarios/{draft.Id}";

        using var bad = await PostFileAsync(officer, url, Xlsx(Row(('A', "dissolution"), ('E', "31/02/2020"), ('F', a.Code))));
        var badPage = await PageSession.ParseAsync(bad);
        using var good = await PostFileAsync(officer, url, Xlsx(Row(('A', "Giải thể"), ('E', Vi(Day)), ('F', a.Code))));
        var (_, page) = await officer.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = Assert.Single(badPage.QuerySelectorAll("[data-testid=import-problems] tbody tr"));
        Assert.Equal(("2", "E"), (problem.GetAttribute("data-row"), problem.GetAttribute("data-column")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Giải thể", Assert.Single(page.QuerySelectorAll("[data-testid=event-row]")).TextContent, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(PageSession session, string url, byte[] file)
    {
        var (_, page) = await session.GetAsync(url);
        var form = page.QuerySelector("[data-testid=import-form]") ?? throw new InvalidOperationException($"No upload form: {page.Body?.TextContent}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var xlsx = new ByteArrayContent(file);
        xlsx.Headers.ContentType = new MediaTypeHeaderValue(ReorganizationsApi.XlsxType);
        content.Add(xlsx, "Upload", "kich-ban.xlsx");
        return await session.Client.PostAsync(form.GetAttribute("action"), content);
    }
}
