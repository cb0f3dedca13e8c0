using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Tests.Api.Plans;
using static SuNghiep.Web.Tests.Reports.ReportsClient;

namespace SuNghiep.Web.Tests.Reports;

/// <summary>
/// Files on a periodic report: the reporter adds and removes them while the report is a draft or returned, never after
/// submission; the upper level downloads them; the checks and the audit are those of every attachment; scope as the report.
/// </summary>
public sealed class ReportAttachmentTests(AppHosts hosts)
{
    private static string Files(int report) => $"/api/v1/reports/{report}/attachments";

    [Theory, DatabaseData]
    public async Task Upload_DraftByReporter_UpperLevelDownloadsOthersDoNotSee(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var request = await w.RequestAsync();
        var report = await w.ReportOfAsync(w.FirstOfficer, request.Id);
        var other = await w.ReportOfAsync(w.SecondOfficer, request.Id);
        var pdf = AttachmentApiTests.Pdf(w.Token);

        using var upload = await w.FirstOfficer.PostAsync(Files(report.Id), AttachmentApiTests.Files(($"Bao cao {w.Token}.pdf", pdf)));
        var item = Assert.Single(await upload.BodyAsync<List<AttachmentView>>(HttpStatusCode.Created));
        // The sibling's report gets nothing: a control that the list is the report's own.
        using var control = await w.SecondOfficer.PostAsync(Files(other.Id), AttachmentApiTests.Files(("khac.pdf", AttachmentApiTests.Pdf("khac"))));
        Assert.Equal(HttpStatusCode.Created, control.StatusCode);

        Assert.Equal($"/api/v1/reports/{report.Id}/attachments/{item.Id}", item.Url);
        var listed = await w.ParentOfficer.ReadAsync<List<AttachmentView>>(Files(report.Id));
        Assert.Equal([item.Id], listed.Select(a => a.Id));
        using var download = await w.ParentOfficer.GetAsync(item.Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // Out of the report's scope it does not exist; a file of another report is not reached through this one.
        Assert.Equal(HttpStatusCode.NotFound, await w.Outsider.GetAsync(Files(report.Id)).StatusOfAsync());
        Assert.Equal(HttpStatusCode.NotFound, await w.Outsider.GetAsync(item.Url).StatusOfAsync());
        Assert.Equal(HttpStatusCode.NotFound, await w.SecondOfficer.GetAsync(item.Url).StatusOfAsync());
        Assert.Equal(HttpStatusCode.NotFound, await w.ParentOfficer.GetAsync($"/api/v1/reports/{other.Id}/attachments/{item.Id}").StatusOfAsync());
        // A sibling department neither adds to nor removes from another's report: for it the report does not exist.
        Assert.Equal(HttpStatusCode.NotFound,
            await w.SecondOfficer.PostAsync(Files(report.Id), AttachmentApiTests.Files(("chen.pdf", AttachmentApiTests.Pdf(w.Token)))).StatusOfAsync());
        Assert.Equal(HttpStatusCode.NotFound, await w.SecondOfficer.DeleteAsync(item.Url).StatusOfAsync());
        Assert.Equal(HttpStatusCode.NotFound, await w.Outsider.DeleteAsync(item.Url).StatusOfAsync());
        Assert.Single(await w.FirstOfficer.ReadAsync<List<AttachmentView>>(Files(report.Id)));
    }

    [Theory, DatabaseData]
    public async Task Upload_AfterSubmission_Refused409UntilReturned(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var request = await w.RequestAsync();
        var report = await w.ReportOfAsync(w.FirstOfficer, request.Id);
        using var first = await w.FirstOfficer.PostAsync(Files(report.Id), AttachmentApiTests.Files(("truoc.pdf", AttachmentApiTests.Pdf(w.Token))));
        var kept = Assert.Single(await first.BodyAsync<List<AttachmentView>>(HttpStatusCode.Created));

        await w.FirstOfficer.StepOkAsync(report.Id, "submit");
        using var late = await w.FirstOfficer.PostAsync(Files(report.Id), AttachmentApiTests.Files(("sau.pdf", AttachmentApiTests.Pdf(w.Token))));
        using var removeLate = await w.FirstOfficer.DeleteAsync(kept.Url);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Đã gửi", await late.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Conflict, removeLate.StatusCode);
        Assert.Equal([kept.Id], (await w.ParentOfficer.ReadAsync<List<AttachmentView>>(Files(report.Id))).Select(a => a.Id));

        // Returned, the report is with its reporter again: files change, and the removal is audited.
        await w.ParentOfficer.StepOkAsync(report.Id, "return", new System.Text.Json.Nodes.JsonObject { ["comment"] = "Bổ sung tệp quyết định." });
        using var again = await w.FirstOfficer.PostAsync(Files(report.Id), AttachmentApiTests.Files(("bo-sung.pdf", AttachmentApiTests.Pdf(w.Token + "b"))));
        var added = Assert.Single(await again.BodyAsync<List<AttachmentView>>(HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.NoContent, await w.FirstOfficer.DeleteAsync(kept.Url).StatusOfAsync());
        Assert.Equal(HttpStatusCode.NotFound, await w.FirstOfficer.DeleteAsync(kept.Url).StatusOfAsync());
        Assert.Equal([added.Id], (await w.ParentOfficer.ReadAsync<List<AttachmentView>>(Files(report.Id))).Select(a => a.Id));

        var id = kept.Id.ToString(CultureInfo.InvariantCulture);
        var rows = await w.App.WithDbAsync((db, _) =>
            db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Attachment" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Create", "Delete"], rows.Select(r => r.Action));
        using var before = JsonDocument.Parse(rows[1].Before!);
        Assert.Equal(("truoc.pdf", report.Id, kept.Sha256),
            (before.RootElement.GetProperty("FileName").GetString(), before.RootElement.GetProperty("ReportId").GetInt32(), before.RootElement.GetProperty("Sha256").GetString()));
    }

    [Theory, DatabaseData]
    public async Task Upload_BadFiles_Answers400AndKeepsNothing(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var request = await w.RequestAsync();
        var report = await w.ReportOfAsync(w.FirstOfficer, request.Id);
        var forged = Convert.FromHexString("4D5A90000300000004000000FFFF0000");
        var eleven = Enumerable.Range(1, 11).Select(i => ($"phu-luc-{i}.pdf", AttachmentApiTests.Pdf(w.Token + i))).ToArray();

        // A good file beside a bad one is not kept either.
        using var renamed = await w.FirstOfficer.PostAsync(Files(report.Id), AttachmentApiTests.Files(("tot.pdf", AttachmentApiTests.Pdf(w.Token)), ("cai-dat.pdf", forged)));
        using var exe = await w.FirstOfficer.PostAsync(Files(report.Id), AttachmentApiTests.Files(("cai-dat.exe", forged)));
        using var tooMany = await w.FirstOfficer.PostAsync(Files(report.Id), AttachmentApiTests.Files(eleven));
        using var empty = await w.FirstOfficer.PostAsync(Files(report.Id), AttachmentApiTests.Files(("trong.pdf", [])));

        Assert.Contains("cai-dat.pdf", (await renamed.ValidationErrorsAsync())["files"][0], StringComparison.Ordinal);
        Assert.Contains("chỉ nhận", (await exe.ValidationErrorsAsync())["files"][0], StringComparison.Ordinal);
        Assert.Contains("tối đa 10 tệp", (await tooMany.ValidationErrorsAsync())["files"][0], StringComparison.Ordinal);
        Assert.Contains("rỗng", (await empty.ValidationErrorsAsync())["files"][0], StringComparison.Ordinal);
        Assert.False(await w.App.WithDbAsync((db, _) => db.Attachments.AnyAsync(a => a.ReportId == report.Id)));
    }
}
