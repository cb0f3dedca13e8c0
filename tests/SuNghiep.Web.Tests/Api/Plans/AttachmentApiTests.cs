using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// Files on documents and progress reports: uploaded through multipart "files", checked (type, signature, size, name),
/// downloaded byte for byte; a progress report's file follows its task's scope, a document's file is public.
/// </summary>
public sealed class AttachmentApiTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private const string Education = "92.SGDDT";

    /// <summary>A small PDF whose bytes are unique to the test.</summary>
    internal static byte[] Pdf(string token) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {token}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    internal static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }

    [Theory, DatabaseData]
    public async Task UploadToDocument_Download_IsByteIdenticalWithItsNameAndSafeHeaders(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        var pdf = Pdf(token);
        const string name = "Quyết định số 12 – bản ký.pdf";

        using var created = await admin.PostAsync($"/api/v1/documents/{document.Id}/attachments", Files((name, pdf)));
        var added = await ReadAsync<List<AttachmentView>>(created, HttpStatusCode.Created);
        var item = Assert.Single(added);
        using var download = await admin.GetAsync(item.Url);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var listed = await ReadAsync<List<AttachmentView>>(await admin.GetAsync($"/api/v1/documents/{document.Id}/attachments"), HttpStatusCode.OK);
        var shown = await admin.GetDocumentAsync(document.Id);

        Assert.Equal((name, "application/pdf", (long)pdf.Length, Convert.ToHexStringLower(SHA256.HashData(pdf)), SuNghiepApp.AdminEmail),
            (item.FileName, item.ContentType, item.Size, item.Sha256, item.UploadedBy));
        Assert.Equal($"/api/v1/attachments/{item.Id}", item.Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, bytes);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, Uri.UnescapeDataString(download.Content.Headers.ContentDisposition!.FileNameStar!));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal([item.Id], listed.Select(a => a.Id));
        Assert.Equal([item.Id], shown.Attachments.Select(a => a.Id));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        // case                     file name            content (hex, or "empty", or "oversized")
        { "forged extension",       "cai-dat.pdf",       "4D5A90000300000004000000FFFF0000" },
        { "empty file",             "trong.pdf",         "empty" },
        { "oversized file",         "lon.pdf",           "oversized" },
        { "disallowed extension",   "cai-dat.exe",       "4D5A90000300000004000000FFFF0000" },
        { "no usable name",         "../",               "255044462D312E340A" },
    };

    [Theory, DatabaseData(nameof(BadFiles))]
    public async Task UploadToDocument_BadFile_Answers4xxAndAddsNothing(DatabaseProvider provider, string @case, string fileName, string content)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        var bytes = content switch
        {
            "empty" => [],
            // One byte over the default limit of 20 MB, with a true PDF signature so that only the size is wrong.
            "oversized" => [.. Pdf(token), .. new byte[AttachmentChecks.DefaultMaxBytes + 1 - Pdf(token).Length]],
            _ => Convert.FromHexString(content),
        };

        // A good file beside the bad one is not kept either: an upload is all or nothing.
        using var response = await admin.PostAsync($"/api/v1/documents/{document.Id}/attachments", Files(("kem-theo.pdf", Pdf(token)), (fileName, bytes)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{@case}: answered {(int)response.StatusCode}");
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        if (fileName != "../")
        {
            // The message names the file.
            Assert.Contains(fileName, body, StringComparison.Ordinal);
        }

        Assert.Empty((await admin.GetDocumentAsync(document.Id)).Attachments);
        Assert.False(await app.WithDbAsync((db, _) => db.Attachments.AnyAsync(a => a.DocumentId == document.Id)));
    }

    [Theory, DatabaseData]
    public async Task UploadToDocument_ElevenFiles_Answers400AndAddsNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        var eleven = Enumerable.Range(1, 11).Select(i => ($"phu-luc-{i}.pdf", Pdf(token + i))).ToArray();

        using var response = await admin.PostAsync($"/api/v1/documents/{document.Id}/attachments", Files(eleven));
        using var ten = await admin.PostAsync($"/api/v1/documents/{document.Id}/attachments", Files(eleven[..10]));

        Assert.Equal(["files"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Created, ten.StatusCode);
        Assert.Equal(10, (await admin.GetDocumentAsync(document.Id)).Attachments.Count);
    }

    [Theory, DatabaseData]
    public async Task UploadToDocument_Viewer_Answers403(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        var (reader, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: Health);

        using var response = await reader.PostAsync($"/api/v1/documents/{document.Id}/attachments", Files(("a.pdf", Pdf(token))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await admin.GetDocumentAsync(document.Id)).Attachments);
    }

    [Theory, DatabaseData]
    public async Task ProgressAttachment_OtherAgency_CannotDownloadButCanDownloadTheDocuments(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Nhiệm vụ {token}", await app.AgencyIdAsync(Health)));
        var (health, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var (education, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Education);
        var progress = await health.AddProgressAsync(task.Id, PlansClient.Progress(PlansClient.Today, 50));
        var progressUrl = $"/api/v1/tasks/{task.Id}/progress/{progress.Id}/attachments";
        var report = Assert.Single(await ReadAsync<List<AttachmentView>>(await health.PostAsync(progressUrl, Files(("bien-ban.pdf", Pdf(token)))), HttpStatusCode.Created));
        var scan = Assert.Single(await ReadAsync<List<AttachmentView>>(
            await admin.PostAsync($"/api/v1/documents/{document.Id}/attachments", Files(("ban-ky.pdf", Pdf(token + "d")))), HttpStatusCode.Created));

        using var foreignFile = await education.GetAsync(report.Url);
        using var foreignList = await education.GetAsync(progressUrl);
        using var foreignUpload = await education.PostAsync(progressUrl, Files(("them.pdf", Pdf(token + "x"))));
        using var publicFile = await education.GetAsync(scan.Url);
        using var ownFile = await health.GetAsync(report.Url);
        var ownList = await ReadAsync<List<AttachmentView>>(await health.GetAsync(progressUrl), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, foreignFile.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignUpload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicFile.StatusCode);
        Assert.Equal(Pdf(token + "d"), await publicFile.Content.ReadAsByteArrayAsync());
        Assert.Equal(Pdf(token), await ownFile.Content.ReadAsByteArrayAsync());
        Assert.Equal([report.Id], ownList.Select(a => a.Id));
    }

    [Theory, DatabaseData]
    public async Task ProgressAttachment_WrongTaskInRoute_Answers404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token));
        var health = await app.AgencyIdAsync(Health);
        var first = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Thứ nhất {token}", health));
        var second = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Thứ hai {token}", health));
        var progress = await admin.AddProgressAsync(first.Id, PlansClient.Progress(PlansClient.Today, 10));

        using var response = await admin.PostAsync($"/api/v1/tasks/{second.Id}/progress/{progress.Id}/attachments", Files(("a.pdf", Pdf(token))));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDbAsync((db, _) => db.Attachments.AnyAsync(a => a.ProgressId == progress.Id)));
    }

    [Theory, DatabaseData]
    public async Task Upload_WritesAnAuditRowWithoutTheBytes(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, email) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var token = Unique.Token();
        var document = await officer.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", await app.AgencyIdAsync(Health)));
        var pdf = Pdf(token);

        var item = Assert.Single(await ReadAsync<List<AttachmentView>>(
            await officer.PostAsync($"/api/v1/documents/{document.Id}/attachments", Files(($"{token}.pdf", pdf))), HttpStatusCode.Created));
        var id = item.Id.ToString(CultureInfo.InvariantCulture);
        var row = Assert.Single(await app.WithDbAsync((db, _) =>
            db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Attachment" && a.EntityId == id).ToListAsync()));

        Assert.Equal(("Create", email), (row.Action, row.ActorName));
        using var after = JsonDocument.Parse(row.After!);
        Assert.Equal($"{token}.pdf", after.RootElement.GetProperty("FileName").GetString());
        Assert.Equal(item.Sha256, after.RootElement.GetProperty("Sha256").GetString());
        Assert.Equal(pdf.Length, after.RootElement.GetProperty("Size").GetInt64());
        Assert.False(after.RootElement.TryGetProperty("Content", out _));
        Assert.DoesNotContain(Convert.ToBase64String(pdf), row.After!, StringComparison.Ordinal);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
            return JsonSerializer.Deserialize<T>(text, UnitsClient.Json)!;
        }
    }
}
