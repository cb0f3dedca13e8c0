using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Resources;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Api.Permissions;

/// <summary>
/// Smaller holes: what another scope holds must not show through an answer (an allocation, a unit code, a parent task),
/// names must be made of visible text, and uploads stay within their limits.
/// </summary>
public sealed class LeakTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private const string Education = "92.SGDDT";

    [Theory, DatabaseData]
    public async Task StaffingTable_AnotherAgencysAllocation_IsNotShown_OwnIs(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (health, education) = (await app.AgencyIdAsync(Health), await app.AgencyIdAsync(Education));
        // A year no other test allocates in: ExtremeNumberTests checks that 2003 holds none, OwnershipTests draws from 2001-2019.
        var year = 2040 + Random.Shared.Next(1, 20);
        foreach (var (agency, positions) in new[] { (education, 4321), (health, 1234) })
        {
            using var set = await admin.PutAsync($"/api/v1/agencies/{agency}/staffing-allocations/{year}",
                UnitsClient.Content($$"""{"budgetPositions": {{positions}}, "overAllocation": true}"""));
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        var other = await PlansClient.OkJsonAsync<StaffingTable>(officer, $"/api/v1/staffing?year={year}&agencyId={education}");
        var own = await PlansClient.OkJsonAsync<StaffingTable>(officer, $"/api/v1/staffing?year={year}&agencyId={health}");

        Assert.Null(other.Allocated);
        Assert.Empty(other.ByAgency);
        Assert.Equal(1234, own.Allocated);
    }

    [Theory, DatabaseData]
    public async Task CreateUnit_CodeHeldInOrOutOfScope_GetsTheSameWords(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (health, education) = (await app.AgencyIdAsync(Health), await app.AgencyIdAsync(Education));
        var hidden = await admin.CreateUnitAsync(UnitsClient.Body(token, "OUT", education));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var mine = await officer.CreateUnitAsync(UnitsClient.Body(token, "IN", health));

        using var outside = await officer.PostUnitAsync(UnitsClient.Body(token, "X", health).With("code", hidden.Code));
        using var inside = await officer.PostUnitAsync(UnitsClient.Body(token, "Y", health).With("code", mine.Code));

        var (a, b) = ((await outside.ValidationErrorsAsync())["code"].Single(), (await inside.ValidationErrorsAsync())["code"].Single());
        Assert.Equal($"Không dùng được mã đơn vị \"{hidden.Code}\"; hãy chọn mã khác.", a);
        Assert.Equal(a.Replace(hidden.Code, mine.Code, StringComparison.Ordinal), b);
        Assert.Equal(1, (await admin.ListUnitsAsync($"search={token}&status=all&managingAgencyId={health}")).Total);
    }

    [Theory, DatabaseData]
    public async Task AddTask_ParentOutOfScope_IsNotFoundAndNothingIsSaved(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (health, education) = (await app.AgencyIdAsync(Health), await app.AgencyIdAsync(Education));
        var upper = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        var foreign = await admin.AddTaskAsync(upper.Id, PlansClient.Task("Việc của ngành giáo dục", education));
        var visible = await admin.AddTaskAsync(upper.Id, PlansClient.Task("Việc của ngành y tế", health));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var body = PlansClient.Document(Unique.Token());
        body["issuerAgencyId"] = health;
        var own = await officer.CreateDocumentAsync(body);
        var sub = PlansClient.Task("Triển khai", health);

        sub["parentTaskId"] = foreign.Id;
        using var refused = await officer.PostJsonAsync($"/api/v1/documents/{own.Id}/tasks", sub);
        sub["parentTaskId"] = 999_999_999;
        using var unknown = await officer.PostJsonAsync($"/api/v1/documents/{own.Id}/tasks", sub);
        sub["parentTaskId"] = visible.Id;
        var accepted = await officer.AddTaskAsync(own.Id, sub);

        var (a, b) = (await refused.ValidationErrorsAsync(), await unknown.ValidationErrorsAsync());
        Assert.Equal(["parentTaskId"], a.Keys);
        Assert.Equal(b["parentTaskId"], a["parentTaskId"]);
        Assert.Equal(visible.Id, accepted.ParentTaskId);
        Assert.Equal([accepted.Id], await app.WithDbAsync((db, _) => db.PlanTasks.Where(t => t.DocumentId == own.Id).Select(t => t.Id).ToListAsync()));
    }

    public static TheoryData<string> Invisible => new() { "\u200B\u200B\u200B", "\u202EeXe.fdp", "Tên\0ẩn", "\u2067\u2069", " \u3164 " };

    [Theory, DatabaseData(nameof(Invisible))]
    public async Task Names_InvisibleControlOrOverride_Returns400OnTheFieldAndSavesNothing(DatabaseProvider provider, string bad)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync(Education);
        var own = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", agency));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token + "OK"));
        var title = PlansClient.Document(token + "T");
        title["title"] = bad;

        using var unit = await admin.PostUnitAsync(UnitsClient.Body(token, "B", agency).With("name", bad));
        using var edit = await admin.PutUnitAsync(own.Id, UnitsClient.Body(token, "A", agency).With("notes", "ghi chú " + bad));
        using var doc = await admin.PostJsonAsync("/api/v1/documents", title);
        using var target = await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/targets", new JsonObject { ["text"] = bad });
        using var task = await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/tasks", PlansClient.Task(bad, agency));

        Assert.Equal(["name"], (await unit.ValidationErrorsAsync()).Keys);
        Assert.Contains("Tên đơn vị", (await ValidationAsync(unit))["name"][0], StringComparison.Ordinal);
        // Beside visible words, zero-width characters are harmless; a control or an override is not.
        var steering = bad.Contains('\0', StringComparison.Ordinal) || bad.Contains('\u202E', StringComparison.Ordinal) || bad.Contains('\u2067', StringComparison.Ordinal);
        if (steering)
        {
            Assert.Equal(["notes"], (await edit.ValidationErrorsAsync()).Keys);
            Assert.Equal(own.Notes, (await admin.GetUnitAsync(own.Id)).Notes);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        Assert.Equal(["title"], (await doc.ValidationErrorsAsync()).Keys);
        Assert.Equal(["text"], (await target.ValidationErrorsAsync()).Keys);
        Assert.Equal(["content"], (await task.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, (await admin.ListUnitsAsync($"search={token}-B&status=all")).Total);
        Assert.Empty(await admin.ListDocumentsAsync("search=" + token + "T"));
        Assert.Equal((0, 0), await app.WithDbAsync(async (db, _) =>
            (await db.Targets.CountAsync(t => t.DocumentId == document.Id), await db.PlanTasks.CountAsync(t => t.DocumentId == document.Id))));
    }

    // A renaming writes a unit's name too.
    [Theory, DatabaseData]
    public async Task Rename_ToZeroWidthCharacters_Returns400OnNewNameAndKeepsTheName(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync(Education)));

        using var response = await admin.PostEventAsync(HistoryClient.Event("rename", new DateOnly(2024, 7, 1))
            .With("sourceUnitIds", HistoryClient.Ids(unit)).With("newName", "\u200B\u2060\u200B"));

        Assert.Equal(["newName"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(unit, await admin.GetUnitAsync(unit.Id));
    }

    private static async Task<IReadOnlyDictionary<string, string[]>> ValidationAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    [Theory, DatabaseData]
    public async Task Account_FullNameOfZeroWidthCharacters_IsRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = $"vohinh.{Unique.Token()}@test.sunghiep.vn";

        var result = await app.WithDbAsync((_, services) => services.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(email, SuNghiepApp.Password, Roles.Viewer, "\u200B\u200D\u200B")));

        Assert.Equal(["fullName"], result.Errors.Select(e => e.Field));
        Assert.Contains("Họ tên", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync((db, _) => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Theory, DatabaseData]
    public async Task Upload_OverTheRequestTotal_Returns400WithTheLimitAndSavesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()));
        // Three files under the 20 MB each, 54 MB together: over the 50 MB of one upload.
        var big = new byte[18 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(big);

        using var response = await admin.PostAsync($"/api/v1/documents/{document.Id}/attachments",
            AttachmentApiTests.Files(("a.pdf", big), ("b.pdf", big), ("c.pdf", big)));

        var message = (await response.ValidationErrorsAsync())["files"].Single();
        Assert.Contains("vượt giới hạn 50 MB mỗi lần tải lên", message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Attachments.CountAsync(a => a.DocumentId == document.Id)));
    }

    [Theory, DatabaseData]
    public async Task Upload_OverTheAgencysQuota_Returns400WithTheQuotaAndSavesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        // A commune of its own, so that the files of other tests do not count against it.
        var commune = await app.WithDbAsync((db, _) => db.Agencies.Where(a => a.Kind == AgencyKind.CommunePeoplesCommittee && a.ValidTo == null)
            .OrderBy(a => a.Id).Skip(Random.Shared.Next(0, 50)).Select(a => a.Id).FirstAsync());
        var body = PlansClient.Document(token);
        body["issuerAgencyId"] = commune;
        var earlier = await admin.CreateDocumentAsync(body);
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token + "B").With("issuerAgencyId", commune));
        // What the commune already keeps: its quota (2 GB by default) less 10 bytes, counted by the size recorded for each file.
        await app.WithDbAsync(async (db, _) =>
        {
            db.Attachments.Add(new Attachment
            {
                DocumentId = earlier.Id, FileName = "luu-tru.pdf", ContentType = "application/pdf", Size = 2L * 1024 * 1024 * 1024 - 10,
                Sha256 = new string('0', 64), Content = "%PDF"u8.ToArray(), UploadedBy = "test", UploadedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        using var response = await admin.PostAsync($"/api/v1/documents/{document.Id}/attachments",
            AttachmentApiTests.Files(("phu-luc.pdf", AttachmentApiTests.Pdf(token))));

        var message = (await response.ValidationErrorsAsync())["files"].Single();
        Assert.Contains("vượt hạn mức 2.048 MB của mỗi cơ quan", message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Attachments.CountAsync(a => a.DocumentId == document.Id)));
    }
}
