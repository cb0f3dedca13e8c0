using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reporting;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Indicators;

namespace SuNghiep.Web.Tests.Reports;

/// <summary>
/// A small hierarchy of its own for one test: under a top agency G, a requesting agency P with two departments below it, C1 (two units) and C2
/// (one unit), an officer of each, and an officer of a department elsewhere. Its units sit outside the demo province.
/// </summary>
internal sealed record ReportWorld(
    SuNghiepApp App, string Token, HttpClient Admin, int Top, int Parent, int First, int Second,
    HttpClient ParentOfficer, HttpClient FirstOfficer, HttpClient SecondOfficer, HttpClient Outsider)
{
    public static readonly DateOnly Established = new(2010, 1, 1);

    public static async Task<ReportWorld> CreateAsync(SuNghiepApp app)
    {
        var token = Unique.Token();
        var admin = await app.AdminAsync();
        var (top, _) = await AgencyAsync(app, token, "G", null);
        var (parent, parentCode) = await AgencyAsync(app, token, "P", top);
        var (first, firstCode) = await AgencyAsync(app, token, "A", parent);
        var (second, secondCode) = await AgencyAsync(app, token, "B", parent);
        await admin.UnitAsync(token, "A1", first, "213", Established);
        await admin.UnitAsync(token, "A2", first, "213", Established);
        await admin.UnitAsync(token, "B1", second, "215", Established);
        var (p, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: parentCode);
        var (c1, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: firstCode);
        var (c2, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: secondCode);
        var (outsider, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SGDDT");
        return new ReportWorld(app, token, admin, top, parent, first, second, p, c1, c2, outsider);
    }

    private static Task<(int Id, string Code)> AgencyAsync(SuNghiepApp app, string token, string suffix, int? parent) => app.WithDbAsync(async (db, _) =>
    {
        var parentPath = parent is { } id ? db.Agencies.Where(a => a.Id == id).Select(a => a.Path).Single() : "/";
        var agency = new Agency
        {
            Code = $"T.{token}{suffix}".ToUpperInvariant(), Name = $"Sở thử báo cáo {Unique.Name(token)} {suffix}", Kind = AgencyKind.Department,
            LevelCode = "province", ParentId = parent,
        };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        agency.Path = agency.LineagePath = $"{parentPath}{agency.Id}/";
        await db.SaveChangesAsync();
        return (agency.Id, agency.Code);
    });

    public JsonObject AnnualRequest(string period = "2025") => new()
    {
        ["regimeCode"] = ReportingCatalog.Conclusion62Code,
        ["periodCode"] = period,
        ["requesterAgencyId"] = Parent,
        ["reporterAgencyIds"] = new JsonArray(First, Second),
    };

    public async Task<RequestView> RequestAsync(JsonObject? body = null)
    {
        using var response = await ParentOfficer.PostAsync("/api/v1/report-requests", UnitsClient.Content((body ?? AnnualRequest()).ToJsonString()));
        return await response.BodyAsync<RequestView>(HttpStatusCode.Created);
    }

    /// <summary>The report of one reporter on a request, as that reporter reads it.</summary>
    public async Task<ReportResponse> ReportOfAsync(HttpClient reporter, int requestId)
    {
        var list = await reporter.ReadAsync<ReportListResponse>($"/api/v1/reports?requestId={requestId}");
        return await reporter.ReadAsync<ReportResponse>($"/api/v1/reports/{Assert.Single(list.Items).Id}");
    }
}

internal static class ReportsClient
{
    public static async Task<T> BodyAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, UnitsClient.Json)!;
    }

    public static async Task<T> ReadAsync<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.BodyAsync<T>();
    }

    public static async Task<HttpStatusCode> StatusOfAsync(this Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return response.StatusCode;
    }

    public static Task<HttpResponseMessage> PutReportAsync(this HttpClient client, int id, JsonObject body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/reports/{id}") { Content = UnitsClient.Content(body.ToJsonString()) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(request);
    }

    public static string ETag(ReportResponse report) => $"\"{report.Id}-{report.Revision}\"";

    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, int id, string step, JsonObject? body = null) =>
        client.PostAsync($"/api/v1/reports/{id}/{step}", body is null ? null : UnitsClient.Content(body.ToJsonString()));

    public static async Task<ReportResponse> StepOkAsync(this HttpClient client, int id, string step, JsonObject? body = null)
    {
        using var response = await client.StepAsync(id, step, body);
        return await response.BodyAsync<ReportResponse>();
    }

    /// <summary>Annex I's total row and its column of the cut-off date ("14/12/2025"), where the count of units stands.</summary>
    public static (int Row, int Column) CutOffCell(IReadOnlyList<AnnexResponse> tables, DateOnly cutOff)
    {
        var annex = tables.Single(a => a.Number == "I");
        var row = annex.Rows.Select((r, i) => (r, i)).First(x => x.r.IsTotal).i;
        var header = cutOff.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var column = annex.Columns.Select((c, i) => (c, i)).First(x => x.c.Header.Contains(header, StringComparison.Ordinal)).i;
        return (row, column);
    }

    /// <summary>The count of units at the cut-off in Annex I's total row.</summary>
    public static decimal? UnitsAtCutOff(IReadOnlyList<AnnexResponse> tables, DateOnly cutOff)
    {
        var (row, column) = CutOffCell(tables, cutOff);
        return tables.Single(a => a.Number == "I").Rows[row].Cells[column].Value;
    }
}
