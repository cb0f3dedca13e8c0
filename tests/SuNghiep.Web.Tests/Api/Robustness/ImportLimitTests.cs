using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SuNghiep.Web.Tests.Api.Plans;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Api.Robustness;

/// <summary>
/// Every .xlsx import (reorganizations, staffing and finance, task assignment) refuses a damaged package, a zip bomb
/// and an over-long cell with a 400 that says why, before the reader unpacks it.
/// </summary>
public sealed class ImportLimitTests(AppHosts hosts)
{
    public static TheoryData<string> Imports => new() { "reorganizations", "staffing", "tasks" };

    private static async Task<string> UrlAsync(HttpClient admin, string import) => import switch
    {
        "reorganizations" => "/api/v1/reorganizations/import",
        "staffing" => "/api/v1/staffing/import",
        _ => $"/api/v1/documents/{(await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()))).Id}/tasks/import",
    };

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> ImportAsync(SuNghiepApp app, string import, byte[] file)
    {
        using var admin = await app.AdminAsync();
        using var content = Upload(file);
        using var response = await admin.PostAsync(await UrlAsync(admin, import), content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string FirstMessage(JsonElement problem) => problem.GetProperty("problems")[0].GetProperty("message").GetString()!;

    [Theory, DatabaseData(nameof(Imports))]
    public async Task Import_SharedStringCellWithoutSharedStringsPart_Returns400(DatabaseProvider provider, string import)
    {
        var app = await hosts.GetAsync(provider);

        var (status, problem) = await ImportAsync(app, import, XlsxFiles.WithoutSharedStrings());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("sharedStrings", FirstMessage(problem), StringComparison.Ordinal);
    }

    [Theory, DatabaseData(nameof(Imports))]
    public async Task Import_CellLongerThanExcelAllows_Returns400AtThatCell(DatabaseProvider provider, string import)
    {
        var app = await hosts.GetAsync(provider);

        var (status, problem) = await ImportAsync(app, import, XlsxFiles.OneHugeCell(40_000));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("hơn 32.767 ký tự", FirstMessage(problem), StringComparison.Ordinal);
        Assert.Equal(("A", 1), (problem.GetProperty("problems")[0].GetProperty("column").GetString(), problem.GetProperty("problems")[0].GetProperty("row").GetInt32()));
    }

    public static TheoryData<string, bool> Bombs => new()
    {
        // import,            directory rewritten to declare a few bytes
        { "reorganizations",  false },
        { "staffing",         false },
        { "tasks",            false },
        { "staffing",         true },
    };

    [Theory, DatabaseData(nameof(Bombs))]
    public async Task Import_ZipBomb_Returns400AndTheProcessDoesNotGrow(DatabaseProvider provider, string import, bool lying)
    {
        var app = await hosts.GetAsync(provider);
        // 300 million characters in one cell: above the 200 MB unpacked limit, a few hundred kilobytes packed.
        var bomb = lying ? XlsxFiles.Lying(300_000_000) : XlsxFiles.OneHugeCell(300_000_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Process.GetCurrentProcess().WorkingSet64;

        var (status, problem) = await ImportAsync(app, import, bomb);
        var after = Process.GetCurrentProcess().WorkingSet64;

        Assert.True(bomb.Length < ReorganizationsApiMaxUpload, $"the bomb is {bomb.Length:N0} bytes packed");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(lying ? "" : "200 MB", FirstMessage(problem), StringComparison.Ordinal);
        Assert.True(after - before < 200L * 1024 * 1024, $"the working set grew by {(after - before) / 1024 / 1024:N0} MB");
    }

    private const int ReorganizationsApiMaxUpload = 10 * 1024 * 1024;
}
