using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Oversight;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Oversight;

/// <summary>
/// The oversight forms on pages, over HTTP: the addressee's dispute of a recommendation and its settlement on the
/// inspection's page, the model units of a plan document, and the task a merit decision cites. Each writes through the
/// service the API calls; a mistake comes back as a 400 page with the field's message and writes nothing; a role the
/// API refuses neither sees the form nor may post it.
/// </summary>
public sealed class OversightFormsPageTests(AppHosts hosts)
{
    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool Denied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.OrdinalIgnoreCase) == true);

    private static string Status(IDocument page, int recommendation) =>
        page.QuerySelector($"[data-testid=recommendation][data-id='{recommendation}'] [data-testid=status]")!.TextContent.Trim();

    // ---------------------------------------------------------------- dispute

    [Theory, DatabaseData]
    public async Task Dispute_RecordedThenSettled_StatusFollows_MissingReasonIs400_ViewerRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.CreateAgencyAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "KN", agency.Id));
        var (inspection, recommendation) = await admin.ConcludedAsync(token, agency.Id, unit.Id, agency.Id, PlansClient.Today.AddDays(30));
        var url = $"/inspections/{inspection}";
        using var officer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: agency.Code));
        using var viewer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: agency.Code));
        Task<(bool Disputed, string? Reason)> StoredAsync() => app.WithDbAsync(async (db, _) =>
            await db.InspectionRecommendations.IgnoreQueryFilters().Where(r => r.Id == recommendation).Select(r => new ValueTuple<bool, string?>(r.Disputed, r.DisputeReason)).SingleAsync());

        var (_, page) = await officer.GetAsync(url);
        var before = Status(page, recommendation);
        var form = page.QuerySelector("[data-testid=dispute-form]")!;
        var action = form.GetAttribute("action")!;
        using var missing = await officer.PostFormAsync(action, form, new() { ["Input.Reason"] = "  " });
        var missingPage = await PageSession.ParseAsync(missing);
        var afterMissing = await StoredAsync();
        using var disputed = await officer.PostFormAsync(action, form, new() { ["Input.Reason"] = $"Đơn vị đã có văn bản khiếu nại {token}" });
        (_, page) = await officer.GetAsync(url);
        var whileDisputed = Status(page, recommendation);
        var stored = await StoredAsync();
        var settleForm = page.QuerySelector("[data-testid=settle-form]")!;
        var (_, viewerPage) = await viewer.GetAsync(url);
        using var viewerPost = await viewer.PostFormAsync(action, viewerPage.QuerySelector("form[method=post]") ?? settleForm,
            new() { ["Input.Disputed"] = "false", ["Input.Reason"] = "" });
        var afterViewer = await StoredAsync();
        using var settled = await officer.PostFormAsync(settleForm.GetAttribute("action")!, settleForm, new() { ["Input.Reason"] = "Đã trả lời khiếu nại" });
        (_, page) = await officer.GetAsync(url);

        Assert.Equal("Chưa thực hiện", before);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("Vui lòng nêu lý do khiếu nại, đề nghị xem xét lại.", missingPage.QuerySelector("[data-testid='error-Input.Reason']")!.TextContent.Trim());
        Assert.NotNull(missingPage.QuerySelector("[data-testid=error-summary]"));
        Assert.Equal((false, (string?)null), afterMissing);
        Assert.Equal(HttpStatusCode.Redirect, disputed.StatusCode);
        Assert.Equal("Đang khiếu nại, kiến nghị", whileDisputed);
        Assert.Equal((true, $"Đơn vị đã có văn bản khiếu nại {token}"), stored);
        Assert.Null(viewerPage.QuerySelector("[data-testid=settle-form]"));
        Assert.Null(viewerPage.QuerySelector("[data-testid=dispute-form]"));
        Assert.True(Denied(viewerPost), $"The viewer's post answered {(int)viewerPost.StatusCode}.");
        Assert.True(afterViewer.Item1);
        Assert.Equal(HttpStatusCode.Redirect, settled.StatusCode);
        Assert.Equal("Chưa thực hiện", Status(page, recommendation));
        Assert.Equal((false, "Đã trả lời khiếu nại"), await StoredAsync());
        Assert.NotNull(page.QuerySelector("[data-testid=dispute-form]"));
    }

    [Theory, DatabaseData]
    public async Task Dispute_ByAnotherAgencysOfficer_IsRefusedAndWritesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.CreateAgencyAsync();
        var other = await app.CreateAgencyAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "KO", agency.Id));
        var (inspection, recommendation) = await admin.ConcludedAsync(token, agency.Id, unit.Id, agency.Id, PlansClient.Today.AddDays(30));
        using var outsider = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: other.Code));
        var (_, home) = await outsider.GetAsync("/");

        using var post = await outsider.PostFormAsync($"/inspections/{inspection}?handler=Dispute&recommendationId={recommendation}", home.QuerySelector("form[method=post]")!,
            new() { ["Input.Disputed"] = "true", ["Input.Reason"] = $"Khiếu nại từ ngoài {token}" });
        var disputed = await app.WithDbAsync((db, _) => db.InspectionRecommendations.IgnoreQueryFilters().Where(r => r.Id == recommendation).Select(r => r.Disputed).SingleAsync());

        Assert.True(post.StatusCode is HttpStatusCode.NotFound || Denied(post), $"answered {(int)post.StatusCode}");
        Assert.False(disputed);
    }

    // ---------------------------------------------------------------- model units

    [Theory, DatabaseData]
    public async Task ModelUnits_AddByName_ListedWithLink_DuplicateAndEmptyAre400_RemoveEmptiesTheList(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.CreateAgencyAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "DH", agency.Id));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", agency.Id));
        var url = $"/documents/{document.Id}";
        using var officer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: agency.Code));
        Task<int> CountAsync() => app.WithDbAsync((db, _) => db.ModelUnits.CountAsync(m => m.DocumentId == document.Id));

        var (_, page) = await officer.GetAsync(url);
        var empty = page.QuerySelector("[data-testid=no-model-units]")?.TextContent.Trim();
        var form = page.QuerySelector("[data-testid=model-unit-form]")!;
        var action = form.GetAttribute("action")!;
        using var blank = await officer.PostFormAsync(action, form, new() { ["ModelUnitInput.Unit"] = "" });
        var blankPage = await PageSession.ParseAsync(blank);
        var afterBlank = await CountAsync();
        // Without JavaScript the field holds the name as typed; the server finds the one unit of that name.
        using var added = await officer.PostFormAsync(action, form, new() { ["ModelUnitInput.Unit"] = unit.Name, ["ModelUnitInput.Note"] = $"Tự chủ tài chính {token}" });
        using var again = await officer.PostFormAsync(action, form, new() { ["ModelUnitInput.Unit"] = unit.Code });
        var againPage = await PageSession.ParseAsync(again);
        (_, page) = await officer.GetAsync(url);
        var row = page.QuerySelector("[data-testid=model-unit]")!;
        var api = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/documents/{document.Id}/model-units");
        var remove = row.QuerySelector("[data-testid=remove-model-unit]")!;
        using var removed = await officer.PostFormAsync(remove.GetAttribute("action")!, remove, []);
        (_, page) = await officer.GetAsync(url);

        Assert.Equal("Văn bản chưa nêu đơn vị điển hình, mô hình điểm nào.", empty);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("Vui lòng chọn đơn vị: gõ tên hoặc mã đơn vị.", blankPage.QuerySelector("[data-testid='error-ModelUnitInput.Unit']")!.TextContent.Trim());
        Assert.Equal(0, afterBlank);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Đơn vị này đã có trong danh sách đơn vị điển hình của văn bản.", againPage.QuerySelector("[data-testid='error-ModelUnitInput.Unit']")!.TextContent.Trim());
        Assert.Equal(($"/units/{unit.Id}", unit.Name), (row.QuerySelector("a")!.GetAttribute("href"), row.QuerySelector("a")!.TextContent.Trim()));
        Assert.Contains($"Tự chủ tài chính {token}", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(unit.Id, (int)Assert.Single(api!)!["unitId"]!);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=no-model-units]"));
        Assert.Equal(0, await CountAsync());
        // Removing is audited as adding is.
        var audited = await app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .CountAsync(a => a.EntityType == Core.Auditing.AuditLabels.TrailName(typeof(ModelUnit)) && a.Before != null && a.Before.Contains(token)));
        Assert.Equal(1, audited);
    }

    [Theory, DatabaseData]
    public async Task ModelUnits_ViewerAndAnotherAgency_SeeNoFormAndAreRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.CreateAgencyAsync();
        var other = await app.CreateAgencyAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "DV", agency.Id));
        var theirs = await admin.CreateUnitAsync(UnitsClient.Body(token, "DO", other.Id));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", agency.Id));
        var kept = await PlansClient.CreatedAsync<Core.Oversight.ModelUnitView>(await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/model-units",
            new JsonObject { ["unitId"] = unit.Id }));
        var url = $"/documents/{document.Id}";
        using var viewer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: agency.Code));
        using var outsider = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: other.Code));

        var (_, viewerPage) = await viewer.GetAsync(url);
        var (_, outsiderPage) = await outsider.GetAsync(url);
        var token1 = viewerPage.QuerySelector("form[method=post]") ?? (await viewer.GetAsync("/")).Page.QuerySelector("form[method=post]")!;
        var token2 = outsiderPage.QuerySelector("form[method=post]")!;
        using var viewerAdd = await viewer.PostFormAsync($"{url}?handler=ModelUnit", token1, new() { ["ModelUnitInput.Unit"] = unit.Code });
        using var outsiderAdd = await outsider.PostFormAsync($"{url}?handler=ModelUnit", token2, new() { ["ModelUnitInput.Unit"] = theirs.Code });
        using var viewerRemove = await viewer.PostFormAsync($"{url}?handler=RemoveModelUnit&modelUnitId={kept.Id}", token1, []);
        using var outsiderRemove = await outsider.PostFormAsync($"{url}?handler=RemoveModelUnit&modelUnitId={kept.Id}", token2, []);
        var rows = await app.WithDbAsync((db, _) => db.ModelUnits.Where(m => m.DocumentId == document.Id).Select(m => m.Id).ToListAsync());

        Assert.Null(viewerPage.QuerySelector("[data-testid=model-unit-form]"));
        Assert.Null(viewerPage.QuerySelector("[data-testid=remove-model-unit]"));
        Assert.Equal(unit.Name, viewerPage.QuerySelector("[data-testid=model-unit] a")!.TextContent.Trim());
        Assert.Null(outsiderPage.QuerySelector("[data-testid=model-unit-form]"));
        // The other agency does not see the unit, so the public document lists no model unit for it.
        Assert.Null(outsiderPage.QuerySelector("[data-testid=model-unit]"));
        Assert.True(Denied(viewerAdd), $"viewer add answered {(int)viewerAdd.StatusCode}");
        Assert.True(Denied(outsiderAdd), $"outsider add answered {(int)outsiderAdd.StatusCode}");
        Assert.True(Denied(viewerRemove), $"viewer remove answered {(int)viewerRemove.StatusCode}");
        Assert.True(Denied(outsiderRemove) || outsiderRemove.StatusCode == HttpStatusCode.NotFound, $"outsider remove answered {(int)outsiderRemove.StatusCode}");
        Assert.Equal([kept.Id], rows);
    }

    [Theory, DatabaseData]
    public async Task ModelUnitsApi_Delete_ByTheIssuer_204ThenGone_ViewerAndOtherAgencyRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.CreateAgencyAsync();
        var other = await app.CreateAgencyAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "XA", agency.Id));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", agency.Id));
        var kept = await PlansClient.CreatedAsync<Core.Oversight.ModelUnitView>(await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/model-units",
            new JsonObject { ["unitId"] = unit.Id }));
        var url = $"/api/v1/documents/{document.Id}/model-units/{kept.Id}";
        using var officer = (await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: agency.Code)).Client;
        using var viewer = (await app.SignInAsNewUserAsync(Roles.Viewer, agency: agency.Code)).Client;
        using var outsider = (await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: other.Code)).Client;

        using var byViewer = await viewer.DeleteAsync(url);
        using var byOutsider = await outsider.DeleteAsync(url);
        var afterRefused = await app.WithDbAsync((db, _) => db.ModelUnits.CountAsync(m => m.Id == kept.Id));
        using var removed = await officer.DeleteAsync(url);
        using var again = await officer.DeleteAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOutsider.StatusCode);
        Assert.Equal(1, afterRefused);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>($"/api/v1/documents/{document.Id}/model-units"))!);
    }

    // ---------------------------------------------------------------- merits and their task

    [Theory, DatabaseData]
    public async Task Merits_TaskPicker_CitesTheTask_ByIdOrWords_UnknownOrOutOfScopeIs400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.CreateAgencyAsync();
        var other = await app.CreateAgencyAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "KT", agency.Id));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", agency.Id));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Sắp xếp đơn vị sự nghiệp công lập {token}", agency.Id, PlansClient.Today.AddDays(60)));
        var otherDocument = await admin.CreateDocumentAsync(PlansClient.Document(token + "o").With("issuerAgencyId", other.Id));
        var theirs = await admin.AddTaskAsync(otherDocument.Id, PlansClient.Task($"Nhiệm vụ của cơ quan khác {token}", other.Id, PlansClient.Today.AddDays(60)));
        using var officer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: agency.Code));
        var (_, page) = await officer.GetAsync("/merits");
        var form = page.QuerySelector("[data-testid=merit-form]")!;
        Dictionary<string, string> Values(string reason, string task) => new()
        {
            ["Input.Kind"] = "commendation", ["Input.Unit"] = unit.Code, ["Input.Task"] = task, ["Input.Form"] = "Bằng khen", ["Input.Reason"] = $"{reason} {token}",
            ["Input.DecisionNumber"] = $"{token}/QĐ", ["Input.DecisionDate"] = "02/06/2025", ["Input.DecisionIssuer"] = "Ủy ban nhân dân thành phố",
        };
        Task<List<(string Reason, int? Task)>> StoredAsync() => app.WithDbAsync(async (db, _) =>
            (await db.MeritRecords.IgnoreQueryFilters().Where(m => m.DecisionNumber == $"{token}/QĐ").OrderBy(m => m.Id).Select(m => new { m.Reason, m.TaskId }).ToListAsync())
            .Select(m => (m.Reason, m.TaskId)).ToList());

        using var unknown = await officer.PostFormAsync("/merits", form, Values("Không rõ", $"khong co nhiem vu nay {token}"));
        var unknownPage = await PageSession.ParseAsync(unknown);
        using var outOfScope = await officer.PostFormAsync("/merits", form, Values("Ngoài phạm vi", Id(theirs.Id)));
        var outOfScopePage = await PageSession.ParseAsync(outOfScope);
        var afterRefused = await StoredAsync();
        // The picker sends the task's id; without JavaScript, words of its content typed without accents name it.
        using var byId = await officer.PostFormAsync("/merits", form, Values("Theo số", Id(task.Id)));
        using var byWords = await officer.PostFormAsync("/merits", form, Values("Theo nội dung", $"sap xep don vi {token}"));
        var (_, list) = await officer.GetAsync($"/merits?q={token}");
        var lookup = await officer.Client.GetFromJsonAsync<JsonObject>($"/lookup/tasks?q={token}");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.StartsWith("Không tìm thấy nhiệm vụ", unknownPage.QuerySelector("[data-testid='error-Input.Task']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, outOfScope.StatusCode);
        Assert.Equal($"Không tìm thấy nhiệm vụ số {theirs.Id} trong phạm vi của bạn.", outOfScopePage.QuerySelector("[data-testid='error-Input.Task']")!.TextContent.Trim());
        Assert.Empty(afterRefused);
        Assert.Equal(HttpStatusCode.Redirect, byId.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byWords.StatusCode);
        Assert.Equal([($"Theo số {token}", (int?)task.Id), ($"Theo nội dung {token}", task.Id)], await StoredAsync());
        Assert.Equal([$"/tasks/{task.Id}", $"/tasks/{task.Id}"], list.QuerySelectorAll("[data-testid=merit-task] a").Select(a => a.GetAttribute("href")));
        Assert.Equal([task.Id], lookup!["items"]!.AsArray().Select(i => (int)i!["id"]!));
    }

    [Theory, DatabaseData]
    public async Task TaskLookup_FindsWithoutAccentsInScope_ShortQueryIs400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.CreateAgencyAsync();
        var other = await app.CreateAgencyAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", agency.Id));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Rà soát vị trí việc làm {token}", agency.Id, PlansClient.Today.AddDays(60)));
        using var officer = (await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: agency.Code)).Client;
        using var outsider = (await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: other.Code)).Client;

        var found = await officer.GetFromJsonAsync<JsonObject>($"/api/v1/lookup/tasks?q=ra soat vi tri {token}");
        var hidden = await outsider.GetFromJsonAsync<JsonObject>($"/api/v1/lookup/tasks?q={token}");
        using var tooShort = await officer.GetAsync("/api/v1/lookup/tasks?q=r");

        var item = Assert.Single(found!["items"]!.AsArray())!;
        Assert.Equal((task.Id, $"Rà soát vị trí việc làm {token}"), ((int)item["id"]!, (string?)item["name"]));
        Assert.Contains(document.Number, (string?)item["detail"], StringComparison.Ordinal);
        Assert.Empty(hidden!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal("application/problem+json", tooShort.Content.Headers.ContentType?.MediaType);
    }

    [Theory, DatabaseData]
    public async Task Merits_Viewer_SeesNoFormAndIsRefused(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.CreateAgencyAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "KV", agency.Id));
        using var viewer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: agency.Code));
        var (_, page) = await viewer.GetAsync("/merits");
        var (_, home) = await viewer.GetAsync("/");

        using var post = await viewer.PostFormAsync("/merits", home.QuerySelector("form[method=post]")!, new()
        {
            ["Input.Kind"] = "commendation", ["Input.Unit"] = unit.Code, ["Input.Form"] = "Bằng khen", ["Input.Reason"] = $"Xem {token}",
            ["Input.DecisionNumber"] = $"{token}/QĐ", ["Input.DecisionDate"] = "02/06/2025", ["Input.DecisionIssuer"] = "Ủy ban nhân dân thành phố",
        });
        var stored = await app.WithDbAsync((db, _) => db.MeritRecords.IgnoreQueryFilters().CountAsync(m => m.DecisionNumber == $"{token}/QĐ"));

        Assert.Null(page.QuerySelector("[data-testid=merit-form]"));
        Assert.True(Denied(post), $"answered {(int)post.StatusCode}");
        Assert.Equal(0, stored);
    }
}
