using System.Net;
using System.Text.Json;
using SuNghiep.Web.Tests.Api.Resources;
using static SuNghiep.Web.Tests.Api.Surveys.SurveysClient;

namespace SuNghiep.Web.Tests.Api.Surveys;

/// <summary>Responses from .xlsx: one row per respondent, one column per item code; all or nothing, problems by row and column.</summary>
public sealed class SurveyImportTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Template_HasTheDateAndEveryItemCodeOfTheForm(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (unit, _) = await HospitalAsync(admin, app, Unique.Token());
        var round = await CreateRoundAsync(admin, Round(unit, "Quý 3/2026"));

        using var response = await admin.GetAsync($"/api/v1/surveys/{round}/responses/template");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var header = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().First();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResourceRequests.XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Ngày trả lời", "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5"],
            header.Values.Select(v => v?.ToString()).OfType<string>());
    }

    [Theory, DatabaseData]
    public async Task Import_GoodFile_WritesEveryRespondent(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (unit, _) = await HospitalAsync(admin, app, Unique.Token());
        var round = await CreateRoundAsync(admin, Round(unit, "Quý 2/2026"));
        var file = Sheet(["Ngày trả lời", "1.1", "1.2", "2.1"],
            ["02/05/2026", 1, 2, 4],
            [null, 5, null, 1],
            [null, null, null, null],   // an empty row: skipped
            ["2026-05-03", "2", 3, 2]);

        using var response = await admin.PostAsync($"/api/v1/surveys/{round}/responses/import", SurveysApiTests.Upload(file));
        var text = await response.Content.ReadAsStringAsync();
        var view = await GetAsync(admin, $"/api/v1/surveys/{round}");

        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(3, body.RootElement.GetProperty("responses").GetInt32());
        Assert.Equal(8, body.RootElement.GetProperty("answers").GetInt32());
        Assert.Equal(3, view["round"]!["responses"]!.GetValue<int>());
        // With an opinion: 1, 2, 4, 1, 2, 3, 2 (the 5 is no opinion): 5 of 7 satisfied (≤ 2).
        Assert.Equal(7, view["overall"]!["n"]!.GetValue<long>());
        Assert.Equal(1, view["overall"]!["noOpinion"]!.GetValue<long>());
        Assert.Equal(Math.Round(5m / 7 * 100, 1), view["overall"]!["satisfiedPercent"]!.GetValue<decimal>());
    }

    [Theory, DatabaseData]
    public async Task Import_BadCells_NamedByRowAndColumn_NothingWritten(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (unit, _) = await HospitalAsync(admin, app, Unique.Token());
        var round = await CreateRoundAsync(admin, Round(unit, "Quý 4/2026"));
        var file = Sheet(["Ngày trả lời", "1.1", "1.2", "Z9"],
            ["02/05/2026", 1, 2, 3],
            ["31/02/2026", "tốt", 9, 1]);

        using var response = await admin.PostAsync($"/api/v1/surveys/{round}/responses/import", SurveysApiTests.Upload(file));
        var text = await response.Content.ReadAsStringAsync();
        var view = await GetAsync(admin, $"/api/v1/surveys/{round}");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        using var body = JsonDocument.Parse(text);
        var problems = body.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("row").GetInt32()}{p.GetProperty("column").GetString()}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["1D", "3A", "3B", "3C"], problems);
        Assert.Equal(0, view["round"]!["responses"]!.GetValue<int>());
    }
}
