using Microsoft.EntityFrameworkCore;
using System.Net;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Plans;

/// <summary>The forms that write the cascade: a document, a target, a task and the sub-task of a lower level.</summary>
public sealed class PlanFormsPageTests(AppHosts hosts)
{
    private static async Task<PageSession> HomeAffairsAsync(SuNghiepApp app) =>
        await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, agency: "92.UBND"));

    /// <summary>Posts a form with repeated fields (a multiple select), which a dictionary cannot hold.</summary>
    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(PageSession session, string url, params (string Name, string Value)[] fields)
    {
        var (_, form) = await session.GetAsync(url);
        var token = form.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await session.Client.PostAsync(url, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
        return (response, await PageSession.ParseAsync(response));
    }

    private static void AssertRedirect((HttpResponseMessage Response, IDocument Page) posted) =>
        Assert.True(posted.Response.StatusCode == HttpStatusCode.Redirect,
            $"answered {(int)posted.Response.StatusCode}: {posted.Page.QuerySelector("[data-testid=error-summary]")?.TextContent ?? posted.Page.Body?.TextContent}");

    private static string Error(IDocument page, string key) =>
        page.QuerySelector($"[data-testid='error-{key}']")?.TextContent ?? "";

    [Theory, DatabaseData]
    public async Task CreateDocument_WithParents_RedirectsToTheDocumentThatImplementsThem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (a, b) = (await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND"))), await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND"))));
        using var session = await HomeAffairsAsync(app);
        var number = Unique.Token() + "/KH-SNV";
        var issuer = await app.AgencyIdAsync("92.SNV");

        var (response, _) = await PostAsync(session, "/documents/new",
            ("Input.Type", "plan"), ("Input.Number", number), ("Input.IssuedOn", "2024-03-05"), ("Input.Issuer", "Sở Nội vụ thành phố Cần Thơ"),
            ("Input.IssuerAgencyId", issuer.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Title", "Kế hoạch triển khai"),
            ("Input.ParentIds", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.ParentIds", b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var created = await admin.GetDocumentAsync(id);
        Assert.Equal((number, new DateOnly(2024, 3, 5), issuer), (created.Number, created.IssuedOn, created.IssuerAgencyId));
        Assert.Equal(new[] { a.Id, b.Id }.Order(), created.ParentIds);
        Assert.Contains(id, (await admin.GetDocumentAsync(a.Id)).ChildIds);
    }

    [Theory, DatabaseData]
    public async Task CreateDocument_MissingAndBadFields_Returns400WithMessagesAndSavesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        using var session = await HomeAffairsAsync(app);
        var token = Unique.Token();

        var (badDate, datePage) = await PostAsync(session, "/documents/new",
            ("Input.Type", "plan"), ("Input.Number", token + "/KH"), ("Input.IssuedOn", "31/02/2024"), ("Input.Issuer", "UBND"), ("Input.Title", "Kế hoạch"));
        var (response, page) = await PostAsync(session, "/documents/new",
            ("Input.Type", "plan"), ("Input.Number", token + "/KH"), ("Input.IssuedOn", "2024-02-28"), ("Input.Issuer", ""), ("Input.Title", ""));

        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("Ngày ban hành không hợp lệ", Error(datePage, "Input.IssuedOn"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cơ quan ban hành", Error(page, "Input.Issuer"), StringComparison.Ordinal);
        Assert.Contains("trích yếu", Error(page, "Input.Title"), StringComparison.Ordinal);
        Assert.Equal(token + "/KH", page.QuerySelector("#Input_Number")!.GetAttribute("value"));   // what was typed stays
        Assert.Empty(await admin.ListDocumentsAsync("search=" + token));
    }

    [Theory, DatabaseData]
    public async Task AddTarget_VietnameseDecimal_IsStoredAndABadValueIsNamed(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        using var session = await HomeAffairsAsync(app);
        var url = $"/documents/{document.Id}/targets/new";
        (string, string)[] target =
        [
            ("Input.Text", "Giảm 12,5% đơn vị"), ("Input.IndicatorCode", "units.count"), ("Input.AreaCode", "92"), ("Input.Direction", "decrease"),
            ("Input.ValueUnit", "percent"), ("Input.BaselineFrom", "2021-01-01"), ("Input.BaselineTo", "2021-12-31"), ("Input.Deadline", "2026-12-31"),
        ];

        var (bad, page) = await PostAsync(session, url, [.. target, ("Input.Value", "mười")]);
        var (good, _) = await PostAsync(session, url, [.. target, ("Input.Value", "12,5")]);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Giá trị phải là một số", Error(page, "Input.Value"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var stored = Assert.Single((await admin.GetDocumentAsync(document.Id)).Targets);
        Assert.Equal((12.5m, "decrease", "units.count", "92"), (stored.Value, stored.Direction, stored.IndicatorCode, stored.AreaCode));
    }

    [Theory, DatabaseData]
    public async Task AddTask_YearlyWithCoordinators_IsAssigned(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        using var session = await HomeAffairsAsync(app);
        var (lead, health, finance) = (await app.AgencyIdAsync("92.SNV"), await app.AgencyIdAsync("92.SYT"), await app.AgencyIdAsync("92.STC"));

        var posted = await PostAsync(session, $"/documents/{document.Id}/tasks/new",
            ("Input.Content", "Báo cáo kết quả sắp xếp"), ("Input.Section", "III.2"), ("Input.LeadAgencyId", $"{lead}"),
            ("Input.CoordinatingAgencyIds", $"{health}"), ("Input.CoordinatingAgencyIds", $"{finance}"), ("Input.Timing", "recurrence"),
            ("Input.Deadline", "2030-01-01"), ("Input.RecurrenceKind", "yearly"), ("Input.RecurrenceDay", "15"), ("Input.RecurrenceMonth", "12"),
            ("Input.Status", "not_started"), ("Input.AssignedOn", "2024-01-10"));

        AssertRedirect(posted);
        var task = Assert.Single((await admin.GetDocumentAsync(document.Id)).Tasks);
        Assert.Equal((lead, "III.2", (DateOnly?)null), (task.LeadAgencyId, task.Section, task.Deadline));   // the deadline field is ignored for a recurrence
        Assert.Equal(("yearly", 15, 12), (task.Recurrence!.Kind, task.Recurrence.Day, task.Recurrence.Month));
        Assert.Equal(new[] { health, finance }.Order(), task.CoordinatingAgencyIds);
    }

    [Theory, DatabaseData]
    public async Task AddTask_DeadlineChosenButEmpty_Returns400OnTheDeadline(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        using var session = await HomeAffairsAsync(app);

        var (response, page) = await PostAsync(session, $"/documents/{document.Id}/tasks/new",
            ("Input.Content", "Rà soát"), ("Input.LeadAgencyId", $"{await app.AgencyIdAsync("92.SNV")}"), ("Input.Timing", "deadline"), ("Input.Deadline", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng chọn thời hạn", Error(page, "Input.Deadline"), StringComparison.Ordinal);
        Assert.Empty((await admin.GetDocumentAsync(document.Id)).Tasks);
    }

    [Theory, DatabaseData]
    public async Task SubTask_FromTheTaskPage_LinksBothWays(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var province = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        var department = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token(), "2024-02-01", province.Id).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        var parent = await admin.AddTaskAsync(province.Id, PlansClient.Task("Sắp xếp các trường học", await app.AgencyIdAsync("92.SGDDT"), new DateOnly(2026, 12, 31)));
        using var session = await HomeAffairsAsync(app);

        // The task page offers the documents that implement the task's document; its GET form leads to the task form.
        var (_, taskPage) = await session.GetAsync($"/tasks/{parent.Id}");
        Assert.Contains(taskPage.QuerySelectorAll("[data-testid=sub-task-form] option"), o => o.GetAttribute("value") == $"{department.Id}");
        using var redirect = await session.Client.GetAsync($"/tasks/{parent.Id}?handler=SubTask&document={department.Id}");
        Assert.Equal($"/documents/{department.Id}/tasks/new?parentTaskId={parent.Id}", redirect.Headers.Location!.OriginalString);
        var (_, form) = await session.GetAsync(redirect.Headers.Location.OriginalString);
        Assert.Equal("Sắp xếp các trường học", form.QuerySelector("#Input_Content")!.TextContent.Trim());   // the parent's content to start from

        var posted = await PostAsync(session, redirect.Headers.Location.OriginalString,
            ("Input.Content", "Sáp nhập hai trường tiểu học"), ("Input.LeadAgencyId", $"{await app.AgencyIdAsync("92.SGDDT")}"), ("Input.Timing", "deadline"),
            ("Input.Deadline", "2026-06-30"), ("Input.AssignedOn", "2024-02-01"), ("Input.ParentTaskId", $"{parent.Id}"), ("Input.Status", "not_started"));

        AssertRedirect(posted);
        var sub = Assert.Single((await admin.GetDocumentAsync(department.Id)).Tasks);
        Assert.Equal(parent.Id, sub.ParentTaskId);
        var (_, after) = await session.GetAsync($"/tasks/{parent.Id}");
        Assert.NotNull(after.QuerySelector($"[data-testid=sub-tasks] tr[data-task-id='{sub.Id}']"));
        var (_, subPage) = await session.GetAsync($"/tasks/{sub.Id}");
        Assert.Contains($"#{parent.Id}", subPage.QuerySelector("[data-testid=parent-task]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task AddTask_ToAnAgencyThatHadEnded_NamesItsSuccessorAndIsNotOffered(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token(), "2025-08-01").With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        var ended = await app.AgencyIdAsync("TN.PGDDT");

        using var response = await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/tasks", PlansClient.Task("Rà soát trường học", ended, new DateOnly(2026, 6, 30)));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));
        var (_, form) = await session.GetAsync($"/documents/{document.Id}/tasks/new");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("đã chấm dứt hoạt động từ ngày 01/07/2025", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The lead's picker offers agencies still in existence only.
        Assert.Equal("/lookup/agencies?purpose=task-lead", form.QuerySelector("#Input_LeadAgencyId")!.GetAttribute("data-picker"));
        Assert.Empty(await LeadIdsAsync(session.Client, "TN.PGDDT"));
        Assert.Contains(await app.AgencyIdAsync("92.SNV"), await LeadIdsAsync(session.Client, "92.SNV"));
    }

    [Theory, DatabaseData]
    public async Task Forms_ForAViewer_AreForbidden(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: "92.UBND"));

        foreach (var url in new[] { "/documents/new", $"/documents/{document.Id}/targets/new", $"/documents/{document.Id}/tasks/new" })
        {
            using var response = await session.Client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("denied", StringComparison.OrdinalIgnoreCase) == true,
                $"{url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        var (_, page) = await session.GetAsync($"/documents/{document.Id}");
        Assert.Null(page.QuerySelector("[data-testid=new-task]"));
    }

    [Theory, DatabaseData]
    public async Task StatusForm_CancelsTheTask_AndIsRefusedToAViewer(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task("Rà soát trạm y tế", await app.AgencyIdAsync("92.SYT"), new DateOnly(2024, 3, 1)));
        using var viewer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: "92.UBND"));
        using var session = await HomeAffairsAsync(app);

        var (_, viewerPage) = await viewer.GetAsync($"/tasks/{task.Id}");
        var (_, page) = await session.GetAsync($"/tasks/{task.Id}");
        using var response = await session.PostFormAsync($"/tasks/{task.Id}?handler=Status", page.QuerySelector("[data-testid=status-form]")!, new() { ["status"] = "cancelled" });

        Assert.Null(viewerPage.QuerySelector("[data-testid=status-form]"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("cancelled", (await admin.GetDocumentAsync(document.Id)).Tasks.Single().Status);
        var (_, after) = await session.GetAsync($"/tasks/{task.Id}");
        Assert.Equal("cancelled", after.QuerySelector("[data-testid=task-status]")!.GetAttribute("data-status"));
        Assert.Null(after.QuerySelector("[data-testid=progress-form]"));   // a cancelled task takes no progress
    }

    [Theory, DatabaseData]
    public async Task TaskForm_ForAnAreaAccount_OffersTheActiveAgenciesOfItsAreaAsLeads(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var today = PlansClient.Today;
        var expected = await app.WithDbAsync((db, _) => db.Agencies
            .Where(a => (a.ValidTo == null || a.ValidTo >= today) && a.Area != null && a.Area.LineagePath.StartsWith("/p92/") && a.Code.StartsWith("92.S"))
            .Select(a => a.Id).ToListAsync());

        var (_, form) = await session.GetAsync($"/documents/{document.Id}/tasks/new");
        var offered = await LeadIdsAsync(session.Client, "92.s");

        Assert.Empty(form.QuerySelectorAll("#Input_LeadAgencyId option"));   // found by name, not listed
        Assert.Contains(await app.AgencyIdAsync("92.SNV"), offered);
        Assert.All(offered, id => Assert.Contains(id, expected));
    }

    /// <summary>The agencies the lead's picker finds for a query, by id.</summary>
    private static async Task<List<int>> LeadIdsAsync(HttpClient client, string q)
    {
        using var response = await client.GetAsync($"/lookup/agencies?purpose=task-lead&q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
    }

    [Theory, DatabaseData]
    public async Task Forms_AnUnreadableValue_IsReportedWithTheOtherProblemsAtOnceAndNothingIsSaved(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        using var session = await HomeAffairsAsync(app);
        var token = Unique.Token();

        var (_, documentPage) = await PostAsync(session, "/documents/new",
            ("Input.Type", "plan"), ("Input.Number", token + "/KH"), ("Input.IssuedOn", "31/02/2024"), ("Input.Issuer", "UBND"), ("Input.Title", ""));
        var (_, agencyPage) = await PostAsync(session, "/documents/new",
            ("Input.Type", "plan"), ("Input.Number", token + "/KH"), ("Input.IssuedOn", "2024-02-28"), ("Input.Issuer", "UBND"), ("Input.Title", "Kế hoạch"),
            ("Input.IssuerAgencyId", "sở " + token));
        var (_, targetPage) = await PostAsync(session, $"/documents/{document.Id}/targets/new", ("Input.Text", ""), ("Input.Value", "mười"));
        var (_, taskPage) = await PostAsync(session, $"/documents/{document.Id}/tasks/new",
            ("Input.Content", "Rà soát"), ("Input.Timing", "deadline"), ("Input.Deadline", ""), ("Input.LeadAgencyId", ""));

        Assert.Contains("Ngày ban hành không hợp lệ", Error(documentPage, "Input.IssuedOn"), StringComparison.Ordinal);
        Assert.Contains("trích yếu", Error(documentPage, "Input.Title"), StringComparison.Ordinal);
        Assert.Contains($"không tìm thấy \"sở {token}\"", Error(agencyPage, "Input.IssuerAgencyId"), StringComparison.Ordinal);
        Assert.Equal("", Error(agencyPage, "Input.IssuedOn"));   // the date was fine
        Assert.Contains("Giá trị phải là một số", Error(targetPage, "Input.Value"), StringComparison.Ordinal);
        Assert.Contains("nội dung chỉ tiêu", Error(targetPage, "Input.Text"), StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn thời hạn", Error(taskPage, "Input.Deadline"), StringComparison.Ordinal);
        Assert.Equal("Vui lòng chọn cơ quan chủ trì.", Error(taskPage, "Input.LeadAgencyId"));
        Assert.Empty(await admin.ListDocumentsAsync("search=" + token));
        var after = await admin.GetDocumentAsync(document.Id);
        Assert.Equal((0, 0), (after.Targets.Count, after.Tasks.Count));
    }
}
