using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Text;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// POST /api/v1/documents/{id}/tasks/import: a task assignment table from .xlsx is added to a document whole, or nothing
/// is added and each problem is reported at its row and column.
/// </summary>
public sealed class TaskImportTests(AppHosts hosts)
{
    private static readonly string[] Headers =
        ["STT", "Mục", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành", "Sản phẩm", "Nhiệm vụ cấp trên"];

    /// <summary>A row of the table, its cells given by column letter.</summary>
    private static Dictionary<string, object?> Row(params (char Column, object? Value)[] cells)
    {
        var row = Headers.ToDictionary(h => h, _ => (object?)null);
        foreach (var (column, value) in cells)
        {
            row[Headers[column - 'A']] = value;
        }

        return row;
    }

    private static readonly string[] Twins = ["A", "B"];

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int documentId, byte[] file, string name = "bieu.xlsx", string type = ReorganizationsApi.XlsxType)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(content, "file", name);
        return await client.PostAsync($"/api/v1/documents/{documentId}/tasks/import", form);
    }

    private static async Task<TaskImportResponse> ImportedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<TaskImportResponse>(text, UnitsClient.Json)!;
    }

    private static async Task<List<(int Row, string Column, string Message)>> ProblemsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        return [.. json.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!, p.GetProperty("message").GetString()!))];
    }

    private static async Task<string> AgencyNameAsync(SuNghiepApp app, string code) =>
        await app.WithDbAsync((db, _) => db.Agencies.Where(a => a.Code == code).Select(a => a.Name).SingleAsync());

    [Theory, DatabaseData]
    public async Task Template_FilledIn_ImportsItsRows(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));

        using var response = await admin.GetAsync("/api/v1/documents/task-import-template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReorganizationsApi.XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("mau-bieu-phan-cong-nhiem-vu.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var template = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = template.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
        Assert.Equal(Headers, rows[0].Keys);
        // Filled in as an official would: the example row left in place, two tasks typed below it.
        var filled = rows.Append(rows[0].ToDictionary(kv => kv.Key, kv => kv.Key switch
        {
            "STT" => (object?)1,
            "Nội dung nhiệm vụ" => $"Nhiệm vụ thứ nhất {token}",
            "Nhiệm vụ cấp trên" => null,
            _ => kv.Value,
        })).Append(Row(('A', 2), ('C', $"Nhiệm vụ thứ hai {token}"), ('D', "92.SYT"), ('F', "31/12/2030"))).ToList();

        var imported = await ImportedAsync(await UploadAsync(admin, document.Id, Xlsx(filled)));

        var tasks = (await admin.GetDocumentAsync(document.Id)).Tasks;
        Assert.Equal(2, imported.Imported);
        Assert.Equal(imported.TaskIds.Order(), tasks.Select(t => t.Id).Order());
        Assert.Equal([$"Nhiệm vụ thứ nhất {token}", $"Nhiệm vụ thứ hai {token}"], tasks.OrderBy(t => t.Id).Select(t => t.Content));
        var first = tasks.Single(t => t.Content.StartsWith("Nhiệm vụ thứ nhất", StringComparison.Ordinal));
        Assert.Equal(await app.AgencyIdAsync("92.SNV"), first.LeadAgencyId);
        Assert.Equal(("yearly", 15, 12), (first.Recurrence!.Kind, first.Recurrence.Day, first.Recurrence.Month));
    }

    [Theory, DatabaseData]
    public async Task Import_GoodFile_AddsExactlyItsTasks(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (home, finance, health) = (await app.AgencyIdAsync("92.SNV"), await app.AgencyIdAsync("92.STC"), await app.AgencyIdAsync("92.SYT"));
        var homeName = await AgencyNameAsync(app, "92.SNV");
        var parentDocument = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token(), "2023-06-01"));
        var parentTask = await admin.AddTaskAsync(parentDocument.Id, PlansClient.Task("Nhiệm vụ cấp trên", home));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token, "2024-01-10", parentDocument.Id));
        var control = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Đã có {token}", home));
        var file = Xlsx(
        [
            // The lead by its name typed without accents; coordinators by code and by id, one per line.
            Row(('A', 1), ('B', "I"), ('C', $"Báo cáo {token}"), ('D', VietnameseText.Fold(homeName)), ('E', $"92.STC\n{health}"),
                ('F', "Hằng năm, trước ngày 15/12"), ('G', "Báo cáo")),
            // An Excel date; the lead by code, a coordinator by exact name.
            Row(('A', 2), ('B', "II.1"), ('C', $"Đề án {token}"), ('D', "92.SYT"), ('E', $"{homeName}; 92.STC"), ('F', new DateTime(2030, 6, 30))),
            Row(),
            // The lead by id, a quarter as the deadline, the parent task by id.
            Row(('A', 3), ('C', $"Kế hoạch {token}"), ('D', finance), ('F', "Quý II/2031"), ('H', parentTask.Id)),
        ]);

        var imported = await ImportedAsync(await UploadAsync(admin, document.Id, file));

        var tasks = (await admin.GetDocumentAsync(document.Id)).Tasks;
        Assert.Equal(3, imported.Imported);
        Assert.Equal(imported.TaskIds.Append(control.Id).Order(), tasks.Select(t => t.Id).Order());
        var report = tasks.Single(t => t.Content == $"Báo cáo {token}");
        Assert.Equal((home, "I", "Báo cáo", (DateOnly?)null), (report.LeadAgencyId, report.Section, report.ExpectedOutput, report.Deadline));
        Assert.Equal(new[] { finance, health }.Order(), report.CoordinatingAgencyIds.Order());
        Assert.Equal(("yearly", 15, 12), (report.Recurrence!.Kind, report.Recurrence.Day, report.Recurrence.Month));
        var project = tasks.Single(t => t.Content == $"Đề án {token}");
        Assert.Equal((health, "II.1", new DateOnly(2030, 6, 30)), (project.LeadAgencyId, project.Section, project.Deadline));
        Assert.Equal(new[] { home, finance }.Order(), project.CoordinatingAgencyIds.Order());
        Assert.Null(project.Recurrence);
        var plan = tasks.Single(t => t.Content == $"Kế hoạch {token}");
        Assert.Equal((finance, new DateOnly(2031, 6, 30), parentTask.Id), (plan.LeadAgencyId, plan.Deadline, plan.ParentTaskId));
        Assert.Empty(plan.CoordinatingAgencyIds);
    }

    [Theory, DatabaseData]
    public async Task Import_BadCells_Returns400ListingEachAndAddsNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        await admin.AddTaskAsync(document.Id, PlansClient.Task($"Đã có {token}", await app.AgencyIdAsync("92.SNV")));
        // Two agencies of the same name: the name alone cannot say which.
        var twin = $"Ban {Unique.Name(token)}";
        await app.WithDbAsync(async (db, _) =>
        {
            var agencies = Twins.Select(s => new Agency
            {
                Code = $"{token}.{s}", Name = twin, Kind = AgencyKind.Other, LevelCode = "province", SearchText = VietnameseText.Fold($"{twin} {token}.{s}"),
            }).ToList();
            db.Agencies.AddRange(agencies);
            await db.SaveChangesAsync();
            agencies.ForEach(a => a.Path = a.LineagePath = $"/{a.Id}/");
            await db.SaveChangesAsync();
        });
        var before = (await admin.GetDocumentAsync(document.Id)).Tasks.Count;
        var file = Xlsx(
        [
            Row(('C', $"Dòng đúng {token}"), ('D', "92.SNV"), ('F', "31/12/2030")),
            Row(('C', null), ('D', $"Cơ quan {token}"), ('F', "31/12/2030")),
            Row(('C', $"Nhiệm vụ {token}"), ('D', "92.SNV"), ('E', $"92.{token}"), ('F', "sớm")),
            Row(('C', $"Nhiệm vụ {token}"), ('D', "92.SNV"), ('F', "01/01/2020"), ('H', "abc")),
            Row(('C', $"Nhiệm vụ {token}"), ('D', twin)),
        ]);

        using var response = await UploadAsync(admin, document.Id, file);

        var problems = await ProblemsAsync(response);
        Assert.Equal([(3, "C"), (3, "D"), (4, "E"), (4, "F"), (5, "F"), (5, "H"), (6, "D")], problems.Select(p => (p.Row, p.Column)));
        Assert.Contains($"{token}.A", problems[^1].Message, StringComparison.Ordinal);
        Assert.Contains($"{token}.B", problems[^1].Message, StringComparison.Ordinal);
        Assert.Contains("10/01/2024", problems[4].Message, StringComparison.Ordinal);   // the deadline before the date of assignment
        Assert.Equal(before, (await admin.GetDocumentAsync(document.Id)).Tasks.Count);
        Assert.Equal(1, before);
    }

    [Theory, DatabaseData]
    public async Task Import_LeadOutsideTheCallersScope_IsAProblem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        var token = Unique.Token();
        var document = await officer.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", await app.AgencyIdAsync("92.SYT")));
        var file = Xlsx(
        [
            Row(('C', $"Sở Y tế chủ trì {token}"), ('D', "92.SYT"), ('E', "92.SGDDT")),
            Row(('C', $"Sở Giáo dục chủ trì {token}"), ('D', "92.SGDDT")),
        ]);

        using var response = await UploadAsync(officer, document.Id, file);

        var problem = Assert.Single(await ProblemsAsync(response));
        Assert.Equal((3, "D"), (problem.Row, problem.Column));
        Assert.Contains("phạm vi", problem.Message, StringComparison.Ordinal);
        Assert.Empty((await officer.GetDocumentAsync(document.Id)).Tasks);
    }

    public static TheoryData<string, string, string> NotXlsx { get; } = new()
    {
        //  file name          content type        content
        { "bieu.csv",          "text/csv",         "STT,Nội dung nhiệm vụ\n1,Báo cáo" },
        { "bieu.xlsx",         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "không phải tệp Excel" },
        { "bieu.pdf",          "application/pdf",  "%PDF-1.4 tài liệu" },
    };

    [Theory, DatabaseData(nameof(NotXlsx))]
    public async Task Import_NotAnXlsx_Returns400(DatabaseProvider provider, string name, string type, string content)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));

        using var response = await UploadAsync(admin, document.Id, Encoding.UTF8.GetBytes(content), name, type);

        Assert.Equal([(1, "A")], (await ProblemsAsync(response)).Select(p => (p.Row, p.Column)));
    }

    [Theory, DatabaseData]
    public async Task Import_MissingColumnOrNoRows_Returns400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var noLead = Xlsx([new Dictionary<string, object?> { ["Nội dung nhiệm vụ"] = "Báo cáo", ["Thời hạn"] = "Hằng quý" }]);
        var onlyExample = Xlsx([Row(('A', "Ví dụ"), ('C', "Báo cáo"), ('D', "92.SNV"))]);

        using var missing = await UploadAsync(admin, document.Id, noLead);
        using var empty = await UploadAsync(admin, document.Id, onlyExample);

        Assert.Equal([(1, "D", "Thiếu cột \"Cơ quan chủ trì\"; hãy dùng tệp mẫu.")], await ProblemsAsync(missing));
        Assert.Equal([(2, "C")], (await ProblemsAsync(empty)).Select(p => (p.Row, p.Column)));
        Assert.Empty((await admin.GetDocumentAsync(document.Id)).Tasks);
    }

    [Theory, DatabaseData]
    public async Task Import_UnknownDocument_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var file = Xlsx([Row(('C', "Báo cáo"), ('D', "92.SNV"))]);

        using var response = await UploadAsync(admin, 2_147_480_000, file);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy văn bản.", await response.ProblemTitleAsync());
    }

    [Theory, DatabaseData]
    public async Task Import_Viewer_Returns403(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer);

        using var response = await UploadAsync(viewer, document.Id, Xlsx([Row(('C', "Báo cáo"), ('D', "92.SNV"))]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await admin.GetDocumentAsync(document.Id)).Tasks);
    }
}
