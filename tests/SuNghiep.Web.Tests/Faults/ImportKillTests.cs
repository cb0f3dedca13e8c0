using System.Net;
using System.Net.Http.Headers;
using MiniExcelLibs;
using SuNghiep.Core.Resources;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Api.Resources;
using static SuNghiep.Web.Tests.Faults.KillTests;

namespace SuNghiep.Web.Tests.Faults;

/// <summary>
/// The staffing and finance import and the task assignment import, with the app as a real process killed (SIGKILL)
/// while it writes, then started again: the database passes its integrity check and holds every row of the file with
/// its audit rows, or none.
/// </summary>
public sealed class ImportKillTests(AppHosts hosts)
{
    // Years in the life of the scenario's units (established 2010): a file long enough to take seconds, so that a kill
    // lands in the middle of the writes.
    private static readonly int[] Years = [.. Enumerable.Range(2010, 15)];

    private const int StaffingUnits = 20;

    private const int TaskRows = 400;

    // Milliseconds between the request and the kill; -1 kills after the answer, when every row must be there.
    public static TheoryData<int> Delays => new() { -1, 300, 1000 };

    [Theory, DatabaseData(nameof(Delays))]
    public async Task StaffingImport_ProcessKilledMidway_DatabaseIntactAndRowsAllOrNone(DatabaseProvider provider, int killAfterMs)
    {
        // An agency no other test totals: the shared host's staffing pages of Sở Giáo dục compare their figures for 2010.
        var s = await HistoryScenario.StartAsync(hosts, provider, "92.SNNMT");
        var units = new List<UnitResponse>();
        for (var i = 0; i < StaffingUnits; i++)
        {
            units.Add(await s.UnitAsync($"N{i}"));
        }

        // Every row carries staffing and finance: code, year, ten staffing cells, ten finance cells. Column K marks an
        // over-allocation as decided, so that no allocation of the agency's that another test sets can refuse the file.
        var file = ResourceRequests.Workbook(ResourceImport.Headers, units.SelectMany((u, i) => Years.Select(year => new object?[]
        {
            u.Code, year, 10 + i, 3, 12 + i, 1, 2, 14, 4, 3, "x", "Nhập từ tệp",
            4_000_000_000m, 0m, 0m, 0m, 0m, 0m, 6_000_000_000m, 0m, 100_000_000m, 500_000_000m,
        })));
        var rows = StaffingUnits * Years.Length;
        var ids = string.Join(", ", units.Select(u => u.Id));
        string Rows(string table) => $"""SELECT count(*) FROM "{table}" WHERE "UnitId" IN ({ids})""";
        string Audited(string table, string type) => $"""
            SELECT count(*) FROM "AuditEntries" a
            WHERE a."EntityType" = '{type}' AND a."Action" = 'Create'
              AND a."EntityId" IN (SELECT CAST(y."Id" AS TEXT) FROM "{table}" y WHERE y."UnitId" IN ({ids}))
            """;

        await KillAndCheckAsync(s.App, killAfterMs, client => client.PostAsync("/api/v1/staffing/import", ResourceRequests.Upload(file)),
            HttpStatusCode.OK, new Change(
                [rows, rows, rows, rows],
                async db =>
                [
                    await CountAsync(db, Rows("StaffingYears")),
                    await CountAsync(db, Rows("FinanceYears")),
                    await CountAsync(db, Audited("StaffingYears", "StaffingYear")),
                    await CountAsync(db, Audited("FinanceYears", "FinanceYear")),
                ]));
    }

    [Theory, DatabaseData(nameof(Delays))]
    public async Task TaskImport_ProcessKilledMidway_DatabaseIntactAndRowsAllOrNone(DatabaseProvider provider, int killAfterMs)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var document = await s.Client.CreateDocumentAsync(PlansClient.Document(s.Token));
        string[] headers = ["STT", "Mục", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành", "Sản phẩm", "Nhiệm vụ cấp trên"];
        var rows = Enumerable.Range(1, TaskRows).Select(i => new object?[]
        {
            i, "II.1", $"Nhiệm vụ {i} {s.Token}", "92.SYT", "92.STC", "31/12/2030", "Báo cáo", null,
        }).Select(r => headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(rows);
        var file = xlsx.ToArray();
        var tasks = $"""SELECT "Id" FROM "PlanTasks" WHERE "DocumentId" = {document.Id}""";

        await KillAndCheckAsync(s.App, killAfterMs, client =>
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(ReorganizationsApi.XlsxType);
            return client.PostAsync($"/api/v1/documents/{document.Id}/tasks/import", new MultipartFormDataContent { { content, "file", "bieu.xlsx" } });
        }, HttpStatusCode.OK, new Change(
            [TaskRows, TaskRows, TaskRows],
            async db =>
            [
                await CountAsync(db, $"""SELECT count(*) FROM "PlanTasks" WHERE "DocumentId" = {document.Id} AND "Content" LIKE '%{s.Token}'"""),
                await CountAsync(db, $"""SELECT count(*) FROM "TaskCoordinators" WHERE "TaskId" IN ({tasks})"""),
                await CountAsync(db, $"""
                    SELECT count(*) FROM "AuditEntries"
                    WHERE "EntityType" = 'PlanTask' AND "Action" = 'Create' AND "EntityId" IN (SELECT CAST(t."Id" AS TEXT) FROM ({tasks}) t)
                    """),
            ]));
    }
}
