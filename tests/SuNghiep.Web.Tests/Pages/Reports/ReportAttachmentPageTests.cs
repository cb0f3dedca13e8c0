using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;
using SuNghiep.Web.Tests.Reports;
using static SuNghiep.Web.Tests.Reports.ReportsClient;

namespace SuNghiep.Web.Tests.Pages.Reports;

/// <summary>The files on /reports/{id}, posted as a browser does without JavaScript.</summary>
public sealed class ReportAttachmentPageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task ReportPage_UploadThenRemove_ListedWithDownloadLinkThenGone(DatabaseProvider provider)
    {
        var (w, report, session) = await ReporterPageAsync(await hosts.GetAsync(provider));
        var (_, empty) = await session.GetAsync($"/reports/{report}");
        var pdf = AttachmentApiTests.Pdf(w.Token);

        using var posted = await PostFilesAsync(session, empty.QuerySelector("[data-testid=attachment-form]")!, ("Quyết định.pdf", pdf));
        var (_, listed) = await session.GetAsync($"/reports/{report}");
        var link = listed.QuerySelector("[data-testid=attachment-list] [data-testid=attachment-link]")!;
        using var download = await session.Client.GetAsync(link.GetAttribute("href"));
        using var removed = await session.PostFormAsync(listed.QuerySelector("[data-testid=remove-attachment-form]")!.GetAttribute("action")!,
            listed.QuerySelector("[data-testid=remove-attachment-form]")!, []);
        var (_, after) = await session.GetAsync($"/reports/{report}");

        Assert.NotNull(empty.QuerySelector("[data-testid=no-attachments]"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Quyết định.pdf", link.TextContent);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotNull(after.QuerySelector("[data-testid=no-attachments]"));
    }

    [Theory, DatabaseData]
    public async Task ReportPage_ForgedFileThenSubmitted_MessageUnderTheFieldAndNoFormAfterSubmission(DatabaseProvider provider)
    {
        var (w, report, session) = await ReporterPageAsync(await hosts.GetAsync(provider));
        var (_, before) = await session.GetAsync($"/reports/{report}");
        var form = before.QuerySelector("[data-testid=attachment-form]")!;

        using var refused = await PostFilesAsync(session, form, ("cai-dat.pdf", Convert.FromHexString("4D5A90000300000004000000FFFF0000")));
        var page = await PageSession.ParseAsync(refused);
        using var kept = await PostFilesAsync(session, form, ("bao-cao.pdf", AttachmentApiTests.Pdf(w.Token)));
        await w.FirstOfficer.StepOkAsync(report, "submit");
        var (_, submitted) = await session.GetAsync($"/reports/{report}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cai-dat.pdf", page.QuerySelector("[data-testid=error-files]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        // Submitted, the file stays for the upper level, but neither the upload nor the removal is offered.
        Assert.Equal("bao-cao.pdf", submitted.QuerySelector("[data-testid=attachment-link]")!.TextContent);
        Assert.Null(submitted.QuerySelector("[data-testid=attachment-form]"));
        Assert.Null(submitted.QuerySelector("[data-testid=remove-attachment-form]"));
    }

    private static async Task<(ReportWorld World, int Report, PageSession Session)> ReporterPageAsync(SuNghiepApp app)
    {
        var w = await ReportWorld.CreateAsync(app);
        var request = await w.RequestAsync();
        var report = (await w.ReportOfAsync(w.FirstOfficer, request.Id)).Id;
        var code = await app.WithDbAsync((db, _) => db.Agencies.Where(a => a.Id == w.First).Select(a => a.Code).SingleAsync());
        var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: code));
        return (w, report, session);
    }

    private static Task<HttpResponseMessage> PostFilesAsync(PageSession session, IElement form, params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[name]:not([type=file])").OfType<IHtmlInputElement>())
        {
            content.Add(new StringContent(input.Value), input.GetAttribute("name")!);
        }

        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }

        return session.Client.PostAsync(form.GetAttribute("action"), content);
    }
}
