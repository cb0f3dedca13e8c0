using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>
/// POST /api/v1/reorganizations/import: a whole .xlsx of decisions is applied in one transaction, or nothing is written
/// and each problem is reported at its row and column.
/// </summary>
public sealed class ImportTests(AppHosts hosts)
{
    // The template's columns, A to S, as ReorganizationImport reads them.
    private static readonly string[] Headers =
    [
        "Loại sắp xếp", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Ngày hiệu lực", "Mã đơn vị nguồn",
        "Mã đơn vị tiếp tục", "Mã cơ quan quản lý mới", "Tên mới", "Mã địa bàn mới", "Mã đơn vị mới", "Tên đơn vị mới",
        "Lĩnh vực", "Loại đơn vị", "Cấp", "Mã địa bàn", "Mã cơ quan quản lý", "Nhóm tự chủ", "Ghi chú",
    ];

    /// <summary>A row of the file, its cells given by column letter.</summary>
    private static Dictionary<string, object?> Row(params (char Column, object? Value)[] cells)
    {
        var row = Headers.ToDictionary(h => h, _ => (object?)null);
        foreach (var (column, value) in cells)
        {
            row[Headers[column - 'A']] = value;
        }

        return row;
    }

    /// <summary>An event's first row: type, decision, effective date, then the given cells.</summary>
    private static Dictionary<string, object?> EventRow(string type, string number, string effective, params (char Column, object? Value)[] cells) =>
        Row([('A', type), ('B', number), ('C', "01/01/2019"), ('D', Issuer), ('E', effective), .. cells]);

    /// <summary>The cells K to R of a new unit of the scenario.</summary>
    private static (char, object?)[] NewUnit(HistoryScenario s, string suffix, string group = "4") =>
    [
        ('K', $"{s.Token}-{suffix}"), ('L', $"{Unique.Name(s.Token)} {suffix}"), ('M', "education"), ('N', "basic-service"),
        ('O', "commune"), ('P', s.AreaCode), ('Q', s.AgencyCode), ('R', group),
    ];

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name = "sap-xep.xlsx", string type = ReorganizationsApi.XlsxType)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(content, "file", name);
        return await client.PostAsync("/api/v1/reorganizations/import", form);
    }

    private static async Task<List<(int Row, string Column)>> ProblemsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
        return [.. problems.Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!))];
    }

    [Theory, DatabaseData]
    public async Task Template_Get_ReturnsAnXlsxWithTheColumns(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync("/api/v1/reorganizations/import-template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReorganizationsApi.XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("mau-nhap-sap-xep.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Headers, rows[0].Keys);
        Assert.Equal(["merger", "division", null], rows.Select(r => r["Loại sắp xếp"] as string));
    }

    [Theory, DatabaseData]
    public async Task Import_ValidFile_AppliesEveryEvent(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b, c, d) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("C"), await s.UnitAsync("D"));
        var newName = $"{d.Name} đổi tên";
        var file = Xlsx(
        [
            EventRow("merger", "21/QĐ-UBND", "01/03/2019", ('F', a.Code), ('G', c.Code)),
            EventRow("division", "22/QĐ-UBND", "01/04/2019", [('F', b.Code), .. NewUnit(s, "N1")]),
            Row(NewUnit(s, "N2", group: "3")),
            // The type by its Vietnamese name, the dates as Excel dates.
            EventRow("Đổi tên", "23/QĐ-UBND", "", ('C', new DateTime(2020, 1, 10)), ('E', new DateTime(2020, 2, 1)), ('F', d.Code), ('I', newName)),
        ]);

        using var response = await UploadAsync(s.Client, file);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(3, JsonDocument.Parse(text).RootElement.GetProperty("applied").GetInt32());
        Assert.Equal(new DateOnly(2019, 3, 1), (await s.Client.GetUnitAsync(a.Id)).EndedOn);
        Assert.Equal(new DateOnly(2019, 4, 1), (await s.Client.GetUnitAsync(b.Id)).EndedOn);
        Assert.Equal(newName, (await s.Client.GetUnitAsync(d.Id, new DateOnly(2020, 2, 1))).Name);
        Assert.Equal(d.Name, (await s.Client.GetUnitAsync(d.Id, new DateOnly(2020, 1, 31))).Name);
        var units = (await s.Client.ListUnitsAsync($"search={s.Token}&asOf=2019-04-01")).Items;
        Assert.Equal([c.Code, d.Code, $"{s.Token}-N1", $"{s.Token}-N2"], units.Select(u => u.Code).Order(StringComparer.Ordinal));
        Assert.All(units.Where(u => u.Code.Contains("-N", StringComparison.Ordinal)), u => Assert.Equal(new DateOnly(2019, 4, 1), u.EstablishedOn));
        var events = await s.Client.ListEventsAsync($"areaCode={s.AreaCode}");
        Assert.Equal(["rename", "division", "merger"], events.Items.Select(e => e.Type));
        Assert.Equal([-1, 1, 0], events.Items.Select(e => e.CountChange).Reverse());
        Assert.Equal(new DateOnly(2020, 1, 10), events.Items[0].Decision.Date);
    }

    // Events apply by effective date, so a later row may name a unit that an earlier row creates, whatever the row order.
    [Theory, DatabaseData]
    public async Task Import_LaterEventOnAUnitCreatedEarlierInTheFile_AppliesBoth(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A"), await s.UnitAsync("B"));
        var file = Xlsx(
        [
            EventRow("merger", "52/QĐ-UBND", "01/01/2021", ('F', $"{s.Token}-N2"), ('G', $"{s.Token}-N1")),
            EventRow("division", "51/QĐ-UBND", "01/06/2019", [('F', a.Code), .. NewUnit(s, "N1")]),
            Row(NewUnit(s, "N2")),
            EventRow("dissolution", "53/QĐ-UBND", "01/01/2021", ('F', $"{s.Token}-N3")),          // never created
        ]);

        using var refused = await UploadAsync(s.Client, file);

        Assert.Equal([(5, "F")], await ProblemsAsync(refused));
        Assert.Null((await s.Client.GetUnitAsync(a.Id)).EndedOn);

        using var response = await UploadAsync(s.Client, Xlsx(
        [
            EventRow("merger", "52/QĐ-UBND", "01/01/2021", ('F', $"{s.Token}-N2"), ('G', $"{s.Token}-N1")),
            EventRow("division", "51/QĐ-UBND", "01/06/2019", [('F', a.Code), .. NewUnit(s, "N1")]),
            Row(NewUnit(s, "N2")),
            EventRow("dissolution", "53/QĐ-UBND", "01/01/2021", ('F', b.Code)),
        ]));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(3, JsonDocument.Parse(text).RootElement.GetProperty("applied").GetInt32());
        var units = (await s.Client.ListUnitsAsync($"search={s.Token}&asOf=2021-01-01")).Items;
        Assert.Equal([$"{s.Token}-N1"], units.Select(u => u.Code));
        Assert.Equal(["merger", "division"], (await s.Client.HistoryAsync(units[0].Id)).Events.Select(e => e.Type).Order(StringComparer.Ordinal).Reverse());
    }

    // Rows 2-4 are good and are applied first (by effective date); row 4's new unit and row 5 break rules of the service,
    // so the whole file is rolled back.
    [Theory, DatabaseData]
    public async Task Import_BadRowsAmongGoodOnes_Returns400WithRowAndColumnAndWritesNothing(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b, d) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("D"));
        var file = Xlsx(
        [
            EventRow("dissolution", "31/QĐ-UBND", "01/01/2018", ('F', a.Code)),
            EventRow("division", "32/QĐ-UBND", "01/06/2019", [('F', b.Code), .. NewUnit(s, "N1")]),
            Row(NewUnit(s, "N2", group: "7")),                                           // autonomy groups are 1 to 4
            EventRow("rename", "33/QĐ-UBND", "01/01/2020", ('F', d.Code), ('I', d.Name)), // the name it already has
        ]);

        using var response = await UploadAsync(s.Client, file);

        Assert.Equal([(4, "R"), (5, "I")], await ProblemsAsync(response));
        Assert.Null((await s.Client.GetUnitAsync(a.Id)).EndedOn);
        Assert.Empty((await s.Client.HistoryAsync(a.Id)).Events);
        Assert.Equal([a.Id, b.Id, d.Id], await s.AllAsync(new DateOnly(2030, 1, 1)));
        Assert.Empty((await s.Client.ListEventsAsync($"areaCode={s.AreaCode}&includeVoided=true")).Items);
    }

    // Problems found while reading the file are reported before anything is applied.
    [Theory, DatabaseData]
    public async Task Import_UnreadableCells_Returns400WithRowAndColumnAndWritesNothing(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var file = Xlsx(
        [
            EventRow("dissolution", "41/QĐ-UBND", "01/01/2018", ('F', a.Code)),
            EventRow("dissolution", "42/QĐ-UBND", "01/01/2018", ('F', $"{s.Token}-KHONGCO")),   // no such unit
            EventRow("dissolution", "43/QĐ-UBND", "31/02/2020", ('F', a.Code)),                 // no such day
            EventRow("division", "44/QĐ-UBND", "01/01/2021", [('F', a.Code), .. NewUnit(s, "N1"), ('Q', "92.KHONGCO")]), // no such agency
            Row(NewUnit(s, "N2", group: "bốn")),                                                  // not a number
        ]);

        using var response = await UploadAsync(s.Client, file);

        Assert.Equal([(3, "F"), (4, "E"), (5, "Q"), (6, "R")], await ProblemsAsync(response));
        Assert.Null((await s.Client.GetUnitAsync(a.Id)).EndedOn);
        Assert.Empty((await s.Client.HistoryAsync(a.Id)).Events);
    }

    public static TheoryData<string, string, string> NotXlsx { get; } = new()
    {
        //  file name          content type        content
        { "sap-xep.csv",       "text/csv",         "Loại sắp xếp,Số quyết định\nmerger,1/QĐ" },
        { "sap-xep.xlsx",      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "không phải tệp Excel" },
        { "sap-xep.pdf",       "application/pdf",  "%PDF-1.4 tài liệu" },
    };

    [Theory, DatabaseData(nameof(NotXlsx))]
    public async Task Import_NotAnXlsx_Returns400(DatabaseProvider provider, string name, string type, string content)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await UploadAsync(admin, Encoding.UTF8.GetBytes(content), name, type);

        Assert.Equal([(1, "A")], await ProblemsAsync(response));
    }

    [Theory, DatabaseData]
    public async Task Import_NoFile_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        using var otherField = new MultipartFormDataContent { { new StringContent("x"), "tep" } };
        using var emptyFile = new MultipartFormDataContent { { new ByteArrayContent([]), "file", "sap-xep.xlsx" } };

        using var noField = await admin.PostAsync("/api/v1/reorganizations/import", otherField);
        using var empty = await admin.PostAsync("/api/v1/reorganizations/import", emptyFile);
        using var noBody = await admin.PostAsync("/api/v1/reorganizations/import", null);

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            new[] { noField, empty, noBody }.Select(r => r.StatusCode));
        Assert.Equal("Thiếu tệp", await noField.ProblemTitleAsync());
    }

    [Theory, DatabaseData]
    public async Task Import_EmptySheetOrMissingColumns_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var headersOnly = Xlsx([Row()]);
        var wrongColumns = Xlsx([new Dictionary<string, object?> { ["Loại"] = "merger", ["Số"] = "1/QĐ" }]);

        using var empty = await UploadAsync(admin, headersOnly);
        using var wrong = await UploadAsync(admin, wrongColumns);

        Assert.Equal([(2, "A")], await ProblemsAsync(empty));
        Assert.Equal([(1, "A"), (1, "B"), (1, "C"), (1, "D"), (1, "E")], await ProblemsAsync(wrong));
    }
}
