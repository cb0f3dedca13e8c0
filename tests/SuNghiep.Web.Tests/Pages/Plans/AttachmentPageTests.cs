using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Plans;

/// <summary>The attachments on /documents/{id} and on the progress form of /tasks/{id}, posted as a browser does without JavaScript.</summary>
public sealed class AttachmentPageTests(AppHosts hosts)
{
    private const string Health = "92.SYT";

    [Theory, DatabaseData]
    public async Task DocumentPage_Upload_ListsTheFileWithItsSizeAndDownloadLink(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", await app.AgencyIdAsync(Health)));
        var email = await app.CreateUserAsync(Roles.AgencyOfficer, agency: Health);
        using var session = await PageSession.SignInAsync(app, email);
        var (_, empty) = await session.GetAsync($"/documents/{document.Id}");
        var pdf = AttachmentApiTests.Pdf(token);

        using var posted = await PostMultipartAsync(session, $"/documents/{document.Id}", empty.QuerySelector("[data-testid=attachment-form]")!, [], ("Bản ký.pdf", pdf));
        var (_, page) = await session.GetAsync($"/documents/{document.Id}");
        var link = page.QuerySelector("[data-testid=attachment-list] [data-testid=attachment-link]")!;
        using var download = await session.Client.GetAsync(link.GetAttribute("href"));

        Assert.NotNull(empty.QuerySelector("[data-testid=no-attachments]"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Bản ký.pdf", link.TextContent);
        Assert.Equal(Core.Plans.AttachmentChecks.Size(pdf.Length), page.QuerySelector("[data-testid=attachment-list] [data-field=size]")!.TextContent);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory, DatabaseData]
    public async Task DocumentPage_DisallowedFile_ShowsTheMessageUnderTheFieldAndKeepsNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", await app.AgencyIdAsync(Health)));
        var email = await app.CreateUserAsync(Roles.AgencyOfficer, agency: Health);
        using var session = await PageSession.SignInAsync(app, email);
        var (_, before) = await session.GetAsync($"/documents/{document.Id}");

        using var refused = await PostMultipartAsync(session, $"/documents/{document.Id}", before.QuerySelector("[data-testid=attachment-form]")!, [],
            ("phu-luc.pdf", AttachmentApiTests.Pdf(token)), ("trang.html", "<script>alert(1)</script>"u8.ToArray()));
        var page = await PageSession.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("trang.html", page.QuerySelector("[data-testid=error-files]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=no-attachments]"));
        Assert.Empty((await admin.GetDocumentAsync(document.Id)).Attachments);
    }

    [Theory, DatabaseData]
    public async Task DocumentPage_Viewer_SeesNoUploadForm(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync(Health)));
        var email = await app.CreateUserAsync(Roles.Viewer, agency: Health);
        using var session = await PageSession.SignInAsync(app, email);

        var (response, page) = await session.GetAsync($"/documents/{document.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=attachments]"));
        Assert.Null(page.QuerySelector("[data-testid=attachment-form]"));
    }

    [Theory, DatabaseData]
    public async Task TaskPage_ProgressWithAForgedFile_ShowsTheFieldMessageAndSavesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (session, task, form) = await TaskFormAsync(app);
        var token = Unique.Token();

        using var refused = await PostMultipartAsync(session, $"/tasks/{task}", form, Progress(token), ("bao-cao.pdf", AttachmentApiTests.Pdf(token)), ("virus.pdf", [0x4D, 0x5A, 0x90, 0x00]));
        var page = await PageSession.ParseAsync(refused);
        var saved = await app.WithDbAsync((db, _) => db.TaskProgress.AnyAsync(p => p.TaskId == task));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("virus.pdf", page.QuerySelector("[data-testid='error-Input.Files']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Input_Files", page.QuerySelector("#Input_Files")?.Id);
        Assert.False(saved);
        Assert.False(await app.WithDbAsync((db, _) => db.AuditEntries.AnyAsync(a => a.EntityType == "TaskProgress" && a.After!.Contains(token))));
    }

    [Theory, DatabaseData]
    public async Task TaskPage_ProgressWithFiles_ListsThemInTheReportsRow(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (session, task, form) = await TaskFormAsync(app);
        var token = Unique.Token();
        var pdf = AttachmentApiTests.Pdf(token);

        using var saved = await PostMultipartAsync(session, $"/tasks/{task}", form, Progress(token), ("Biên bản họp.pdf", pdf), ("so-lieu.txt", "Số liệu quý I"u8.ToArray()));
        var (_, page) = await session.GetAsync($"/tasks/{task}");
        var row = page.QuerySelector("[data-testid=progress] tbody tr")!;
        var links = row.QuerySelectorAll("[data-field=files] a").ToList();
        using var download = await session.Client.GetAsync(links[0].GetAttribute("href"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(token, row.QuerySelector("[data-field=text]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Biên bản họp.pdf", "so-lieu.txt"], links.Select(a => a.TextContent));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    private static Dictionary<string, string> Progress(string token) => new()
    {
        ["Input.Date"] = PlansClient.Iso(PlansClient.Today), ["Input.Percent"] = "40", ["Input.Text"] = $"Tiến độ {token}",
    };

    private static async Task<(PageSession Session, int TaskId, IElement Form)> TaskFormAsync(SuNghiepApp app)
    {
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", await app.AgencyIdAsync(Health)));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Nhiệm vụ {token}", await app.AgencyIdAsync(Health)));
        var email = await app.CreateUserAsync(Roles.AgencyOfficer, agency: Health);
        var session = await PageSession.SignInAsync(app, email);
        var (_, page) = await session.GetAsync($"/tasks/{task.Id}");
        return (session, task.Id, page.QuerySelector("[data-testid=progress-form] form")!);
    }

    /// <summary>Posts a form as multipart/form-data, as the browser does for a form with enctype multipart: its fields, the given values and files.</summary>
    private static Task<HttpResponseMessage> PostMultipartAsync(
        PageSession session, string url, IElement form, Dictionary<string, string> values, params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        // Fields may repeat (the "__Invariant" markers of number inputs); the given values replace those of the same name.
        var fields = form.QuerySelectorAll("input[name]:not([type=file]), textarea[name]")
            .Select(e => (Name: e.GetAttribute("name")!, Value: e is IHtmlTextAreaElement t ? t.Value : ((IHtmlInputElement)e).Value))
            .Where(f => !values.ContainsKey(f.Name))
            .Concat(values.Select(v => (Name: v.Key, v.Value)));
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }

        // A form without an action posts to its own page.
        return session.Client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : url, content);
    }
}
