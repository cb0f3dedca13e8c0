using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Oversight;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Api.Resources;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Security;

/// <summary>Who attacks: each is signed in (or not) and reaches agency A's objects from outside, or inside read-only.</summary>
public enum Attacker
{
    /// <summary>An AgencyOfficer of Sở Giáo dục và Đào tạo, a sibling of agency A (Sở Y tế).</summary>
    OtherAgencyOfficer,

    /// <summary>A UnitOfficer of another unit of agency A.</summary>
    OtherUnitOfficer,

    /// <summary>A Viewer scoped to agency A: sees everything of A, may change nothing.</summary>
    Viewer,

    Anonymous,
}

/// <summary>A signed-in attacker: a bearer client for the API and a cookie session with its anti-forgery token for pages.</summary>
internal sealed record Caller(string? UserId, HttpClient Api, PageSession? Pages, string? FormToken);

/// <summary>
/// One object of each kind owned by agency A (Sở Y tế), so that every {id} of the route table can be filled, and the
/// attackers. Scoped objects carry <see cref="Secret"/> in their text: a 2xx answer to an out-of-scope caller must never
/// contain it. Documents are public acts and carry their own token instead.
/// </summary>
internal sealed class ScopeAttackWorld
{
    public const string AgencyACode = "92.SYT";
    public const string AgencyBCode = "92.SGDDT";
    public const int Year = 2024;

    /// <summary>Agency A's staffing allocation for <see cref="AllocationYear"/>, a number that appears nowhere else.</summary>
    public const int SecretAllocation = 86243;
    // A past year that no other test allocates for agency A, inside the staffing page's range of years.
    public const int AllocationYear = 2016;

    public required SuNghiepApp App { get; init; }
    public required string Secret { get; init; }
    public required string PublicToken { get; init; }

    /// <summary>
    /// The texts of agency A's scoped objects (unit codes and names, the task, its progress and file, the notification).
    /// Not the bare token: a list filtered by it may rightly echo the filter ("từ khóa …").
    /// </summary>
    public IReadOnlyList<string> SecretMarkers =>
        [$"{Secret}-U", $"{Secret}-R", $"{Unique.Name(Secret)} U", $"{Unique.Name(Secret)} R", $"Nhiệm vụ {Secret}", $"Tiến độ {Secret}", $"% {Secret}", $"Kịch bản {Secret}", $"Báo cáo {Secret}", $"Hồ sơ {Secret}", $"Vị trí {Secret}", $"Khảo sát {Secret}", $"Đoàn {Secret}", $"Kiến nghị {Secret}"];
    public required int AgencyA { get; init; }
    public required int AgencyB { get; init; }
    public required int Unit { get; init; }
    public required JsonObject UnitBody { get; init; }
    public required int Sibling { get; init; }
    public required int Renamed { get; init; }
    public required int Reorganization { get; init; }

    /// <summary>A non-public provider recorded by agency A: anyone reads it, only A's scope (or the commune's) changes it.</summary>
    public required int Provider { get; init; }

    /// <summary>A what-if of agency A's officer, shared, that dissolves <see cref="Unit"/>.</summary>
    public required int Scenario { get; init; }

    /// <summary>A reorganization dossier drafted for agency A, planning to dissolve <see cref="Unit"/>, still a draft.</summary>
    public required int Proposal { get; init; }
    /// <summary>An order of agency A to <see cref="Unit"/>, and its catalogue item.</summary>
    public required int Order { get; init; }
    public required int OrderItem { get; init; }
    public required string OrderItemCode { get; init; }
    /// <summary>An inspection of the unit by agency A, concluded with one recommendation to agency A.</summary>
    public required int Inspection { get; init; }
    public required int Recommendation { get; init; }
    public required int Document { get; init; }
    public required int Task { get; init; }
    /// <summary>The unit named as a model unit of the document.</summary>
    public required int ModelUnit { get; init; }
    public required int Progress { get; init; }

    /// <summary>A task of agency A past its deadline, and the administrator's request that its lead agency explain it.</summary>
    public required int LateTask { get; init; }
    public required int ExplanationRequest { get; init; }
    public required int DocumentFile { get; init; }
    public required int ProgressFile { get; init; }
    public required int Notification { get; init; }
    public required int Survey { get; init; }
    public required int SurveyInstrument { get; init; }
    /// <summary>A citizen's feedback on the unit, with the secret in its text and a contact.</summary>
    public required int Feedback { get; init; }
    /// <summary>Agency A's request for a report from an agency below it, and that agency's report.</summary>
    public required int ReportRequest { get; init; }
    public required int Report { get; init; }
    public required int ReportBelow { get; init; }
    /// <summary>A file of that report, added by the administrator while it is a draft.</summary>
    public required int ReportFile { get; init; }
    /// <summary>A province catalogue of public services issued by agency A, and an item of it.</summary>
    public required int ServiceCatalogue { get; init; }
    public required int ServiceItem { get; init; }
    public required string OwnerId { get; init; }
    public required string OwnerEmail { get; init; }

    /// <summary>A task assignment table of one row led by agency B, that the administrator's import of it accepted.</summary>
    public required byte[] TaskWorkbook { get; init; }
    public required Dictionary<Attacker, Caller> Callers { get; init; }

    /// <summary>The administrator's page session, whose forms give the attackers valid field values.</summary>
    public required PageSession AdminPages { get; init; }

    public static async Task<ScopeAttackWorld> CreateAsync(SuNghiepApp app)
    {
        using var admin = await app.AdminAsync();
        var secret = Unique.Token();
        var publicToken = Unique.Token();
        var a = await app.AgencyIdAsync(AgencyACode);
        var b = await app.AgencyIdAsync(AgencyBCode);

        var unitBody = UnitsClient.Body(secret, "U", a).With("sector", "health");
        var unit = await admin.CreateUnitAsync(unitBody);
        var sibling = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "S", a).With("sector", "health"));
        var renamed = await admin.CreateUnitAsync(UnitsClient.Body(secret, "R", a).With("sector", "health"));
        var reorganization = await admin.RecordAsync(HistoryClient.Event("rename", new DateOnly(2020, 2, 1))
            .With("sourceUnitIds", new JsonArray(renamed.Id)).With("newName", $"{Unique.Name(secret)} R mới"));

        var document = await admin.CreateDocumentAsync(PlansClient.Document(publicToken).With("issuerAgencyId", a));
        await admin.AddTargetAsync(document.Id, new JsonObject { ["text"] = $"Chỉ tiêu {publicToken}" });
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Nhiệm vụ {secret}", a, PlansClient.Today.AddDays(30)));
        var modelUnit = (await PlansClient.CreatedAsync<Core.Oversight.ModelUnitView>(await admin.PostJsonAsync($"/api/v1/documents/{document.Id}/model-units",
            new JsonObject { ["unitId"] = unit.Id, ["note"] = "Đơn vị điển hình" }))).Id;
        var progress = await admin.AddProgressAsync(task.Id, PlansClient.Progress(PlansClient.Today, 10, $"Tiến độ {secret}"));
        var lateTask = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Nhiệm vụ quá hạn {secret}", a, PlansClient.Today.AddDays(-1)));
        var explanation = await PlansClient.CreatedAsync<Core.Plans.ExplanationRequestView>(await admin.PostJsonAsync($"/api/v1/tasks/{lateTask.Id}/explanation-requests",
            new JsonObject { ["deadline"] = PlansClient.Iso(PlansClient.Today.AddDays(10)), ["message"] = $"Đề nghị giải trình {secret}" }));
        var documentFile = await UploadAsync(admin, $"/api/v1/documents/{document.Id}/attachments", publicToken);
        var progressFile = await UploadAsync(admin, $"/api/v1/tasks/{task.Id}/progress/{progress.Id}/attachments", secret);

        await Ok(admin.PutAsync($"/api/v1/units/{unit.Id}/staffing/{Year}", Json(ResourceRequests.Staffing(30).With("overAllocation", true))));
        await Ok(admin.PutAsync($"/api/v1/units/{unit.Id}/finance/{Year}", Json(ResourceRequests.Finance(5_000_000_000, 4_000_000_000))));
        await Ok(admin.PostAsync($"/api/v1/units/{unit.Id}/autonomy-plans", Json(AutonomyPlan())));
        await Ok(admin.PostAsync($"/api/v1/units/{unit.Id}/job-positions", Json(JobPositionList($"Vị trí {secret}", "2021-03-01"))));
        await Ok(admin.PutAsync($"/api/v1/agencies/{a}/staffing-allocations/{AllocationYear}",
            Json(new JsonObject { ["budgetPositions"] = SecretAllocation, ["overAllocation"] = true })));

        var workbook = await TaskWorkbookAsync(app, b);
        using (var imported = await admin.PostAsync($"/api/v1/documents/{document.Id}/tasks/import", Xlsx(workbook)))
        {
            Assert.True(imported.IsSuccessStatusCode, $"The attackers' task workbook is not valid: {await imported.Content.ReadAsStringAsync()}");
        }

        var ownerEmail = await app.CreateUserAsync(Roles.AgencyOfficer, agency: AgencyACode);
        var ownerId = await UserIdAsync(app, ownerEmail);
        var notification = await app.WithDbAsync(async (db, _) =>
        {
            var row = new Notification
            {
                UserId = ownerId, TaskId = task.Id, Kind = NotificationKind.DueSoon, DueOn = PlansClient.Today.AddDays(30),
                Message = $"Nhiệm vụ {secret} sắp đến hạn", CreatedAt = DateTime.UtcNow,
            };
            db.Notifications.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        var feedback = await app.WithDbAsync(async (db, _) =>
        {
            var row = new Feedback
            {
                UnitId = unit.Id, Topic = "Khác", Text = $"Phản ánh {secret}", Contact = $"{secret}@lienhe.vn", Consent = true, ConsentAt = DateTime.UtcNow,
                Status = FeedbackStatus.New, ReceivedAt = DateTime.UtcNow, DueOn = PlansClient.Today.AddDays(15),
            };
            db.Feedback.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        var scenario = await ScenarioAsync(app, ownerEmail, ScenarioBody(unit.Id, $"Kịch bản {secret}"));
        var below = await BelowAsync(app, a);
        var (reportRequest, report) = await ReportAsync(admin, ReportRequestBody(a, below, $"Báo cáo {secret}"));
        var reportFile = await UploadAsync(admin, $"/api/v1/reports/{report}/attachments", secret);

        var proposal = await ProposalAsync(admin, a, unit.Id, $"Hồ sơ {secret}");
        var survey = await Api.Surveys.SurveysClient.CreateRoundAsync(admin, Api.Surveys.SurveysClient.Round(unit.Id, $"Khảo sát {secret}"));
        var surveyInstrument = await app.WithDbAsync((db, _) => db.SurveyInstruments.Select(i => i.Id).FirstAsync());
        var serviceCatalogue = await Api.Services.ServiceCatalogueClient.CatalogueAsync(admin,
            Api.Services.ServiceCatalogueClient.Catalogue($"Danh mục y tế {publicToken}", "2021-01-01", issuerAgencyId: a));
        var serviceItem = await Api.Services.ServiceCatalogueClient.ItemAsync(admin, serviceCatalogue,
            Api.Services.ServiceCatalogueClient.Item("1", $"Tiêm chủng mở rộng {publicToken}", "health"));
        await Api.Services.ServiceCatalogueClient.CreatedAsync(admin, $"/api/v1/service-items/{serviceItem}/prices",
            Api.Services.ServiceCatalogueClient.Price(150_000m, "2021-01-01"));
        var orderItem = await Api.Services.OrdersClient.ItemAsync(app, "health", ServiceMethods.Assignment | ServiceMethods.Ordering, 10_000, new DateOnly(2024, 1, 1));
        var order = (await Api.Services.OrdersClient.CreateAsync(admin, Api.Services.OrdersClient.Order(a, unit.Id, orderItem, year: Year)
            .With("notes", $"Đặt hàng {secret}"))).GetProperty("id").GetInt32();
        var (inspection, recommendation) = await admin.ConcludedAsync(secret, a, unit.Id, a, PlansClient.Today.AddDays(30));

        var callers = new Dictionary<Attacker, Caller>
        {
            [Attacker.OtherAgencyOfficer] = await SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: AgencyBCode)),
            [Attacker.OtherUnitOfficer] = await SignInAsync(app, await app.CreateUserAsync(Roles.UnitOfficer, unit: sibling.Code)),
            [Attacker.Viewer] = await SignInAsync(app, await app.CreateUserAsync(Roles.Viewer, agency: AgencyACode)),
            [Attacker.Anonymous] = new Caller(null, app.Client(), new PageSession(app.Client(cookies: true)), null),
        };

        var provider = await Network.NetworkWorld.CreateProviderAsync(admin,
            Network.NetworkWorld.Provider($"{secret}-P", "31120", 60).With("recordedByAgencyId", a));
        return new ScopeAttackWorld
        {
            Provider = provider.GetProperty("id").GetInt32(),
            App = app, Secret = secret, PublicToken = publicToken, AgencyA = a, AgencyB = b,
            Unit = unit.Id, UnitBody = unitBody, Sibling = sibling.Id, Renamed = renamed.Id, Reorganization = reorganization.Id, Scenario = scenario, Proposal = proposal, Order = order, OrderItem = orderItem,
            OrderItemCode = await app.WithDbAsync((db, _) => db.ServiceItems.Where(i => i.Id == orderItem).Select(i => i.Code).SingleAsync()),
            Inspection = inspection, Recommendation = recommendation,
            Document = document.Id, Task = task.Id, ModelUnit = modelUnit, Progress = progress.Id, LateTask = lateTask.Id, ExplanationRequest = explanation.Id, DocumentFile = documentFile, ProgressFile = progressFile,
            Survey = survey, SurveyInstrument = surveyInstrument,
            Notification = notification, Feedback = feedback, ReportRequest = reportRequest, Report = report, ReportBelow = below, ReportFile = reportFile, ServiceCatalogue = serviceCatalogue, ServiceItem = serviceItem, OwnerId = ownerId, OwnerEmail = ownerEmail, Callers = callers, TaskWorkbook = workbook,
            AdminPages = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword),
        };
    }

    /// <summary>An office below agency A, so that A can ask it for a report.</summary>
    private static Task<int> BelowAsync(SuNghiepApp app, int parent) => app.WithDbAsync(async (db, _) =>
    {
        var token = Unique.Token();
        var path = await db.Agencies.Where(x => x.Id == parent).Select(x => x.Path).SingleAsync();
        var agency = new Agency { Code = $"T.{token}", Name = $"Phòng thử {Unique.Name(token)}", Kind = AgencyKind.Other, LevelCode = "province", ParentId = parent };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        agency.Path = agency.LineagePath = $"{path}{agency.Id}/";
        await db.SaveChangesAsync();
        return agency.Id;
    });

    public static JsonObject ReportRequestBody(int requester, int reporter, string title) => new()
    {
        ["regimeCode"] = "DOT-XUAT", ["deadline"] = "2027-12-31", ["cutOff"] = "2025-12-14", ["title"] = title,
        ["requesterAgencyId"] = requester, ["reporterAgencyIds"] = new JsonArray(reporter),
    };

    private static async Task<(int Request, int Report)> ReportAsync(HttpClient admin, JsonObject body)
    {
        using var created = await admin.PostAsync("/api/v1/report-requests", Json(body));
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"The attackers' report request is not valid: {text}");
        var request = JsonNode.Parse(text)!["id"]!.GetValue<int>();
        using var list = await admin.GetAsync($"/api/v1/reports?requestId={request}");
        var report = JsonNode.Parse(await list.Content.ReadAsStringAsync())!["items"]![0]!["id"]!.GetValue<int>();
        return (request, report);
    }

    private static async Task<byte[]> TaskWorkbookAsync(SuNghiepApp app, int agency)
    {
        var name = await app.WithDbAsync((db, _) => db.Agencies.Where(x => x.Id == agency).Select(x => x.Name).SingleAsync());
        string[] headers = ["STT", "Mục", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành", "Sản phẩm", "Nhiệm vụ cấp trên"];
        return ResourceRequests.Workbook(headers, [[1, "III.1", $"Nhiệm vụ nhập {Unique.Token()}", name, null, "31/12/2027", "Báo cáo", null]]);
    }

    public static JsonObject ScenarioBody(int unit, string name) => new()
    {
        ["name"] = name,
        ["events"] = new JsonArray(new JsonObject
        {
            ["type"] = "dissolution", ["effectiveDate"] = "2021-05-01", ["sourceUnitIds"] = new JsonArray(unit),
        }),
    };

    /// <summary>A scenario drafted and shared by the owner (agency A's officer), as the owner's own client does it.</summary>
    private static async Task<int> ScenarioAsync(SuNghiepApp app, string ownerEmail, JsonObject body)
    {
        using var owner = app.ClientWithToken(await app.TokenAsync(ownerEmail, SuNghiepApp.Password));
        using var created = await owner.PostAsync("/api/v1/scenarios", Json(body));
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/v1/scenarios answered {(int)created.StatusCode}: {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();
        await Ok(owner.PostAsync($"/api/v1/scenarios/{id}/share", null));
        return id;
    }

    public static JsonObject ProposalBody(int agency, int unit, string summary) => new()
    {
        ["kind"] = "submission", ["number"] = "9/TTr-SYT", ["proposedOn"] = "2024-03-01", ["summary"] = summary, ["agencyId"] = agency,
        ["event"] = new JsonObject { ["type"] = "dissolution", ["effectiveDate"] = "2024-07-01", ["sourceUnitIds"] = new JsonArray(unit) },
        ["dissolutionGround"] = "planning",
    };

    private static async Task<int> ProposalAsync(HttpClient admin, int agency, int unit, string summary)
    {
        using var created = await admin.PostAsync("/api/v1/reorganization-proposals", Json(ProposalBody(agency, unit, summary)));
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/v1/reorganization-proposals answered {(int)created.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();
    }

    public static JsonObject AutonomyPlan() => new()
    {
        ["periodStart"] = 2026, ["periodEnd"] = 2030, ["proposedGroup"] = 3, ["submittedOn"] = "2026-03-01", ["status"] = "submitted",
    };

    /// <summary>An approved list of job positions whose professional position carries the given name.</summary>
    public static JsonObject JobPositionList(string name, string date) => new()
    {
        ["decision"] = new JsonObject { ["number"] = $"{date[..4]}/QĐ-SGDĐT", ["date"] = date, ["issuer"] = "Sở Giáo dục và Đào tạo" },
        ["positions"] = new JsonArray(
            new JsonObject { ["name"] = name, ["group"] = "professional", ["titleName"] = "Giáo viên", ["titleCode"] = "V.07.03.29", ["people"] = 20 },
            new JsonObject { ["name"] = "Bảo vệ", ["group"] = "support", ["people"] = 2 }),
    };

    public static StringContent Json(JsonNode body) => UnitsClient.Content(body.ToJsonString());

    /// <summary>
    /// What an attack must leave as it was: the fixture's rows, and no audit row written by the attacker (every change is
    /// audited in its transaction, so a write that got through shows there even where the fixture does not look).
    /// </summary>
    public Task<string> FingerprintAsync(string? attackerId) => App.WithDbAsync(async (db, _) =>
    {
        int[] units = [Unit, Sibling, Renamed];
        var unitRows = await db.Units.IgnoreQueryFilters().Where(u => units.Contains(u.Id)).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, u.ManagingAgencyId, u.AreaId, u.EndedOn, u.Address, u.Notes, u.Voided, u.AutonomyGroup, u.UpdatedAt })
            .ToListAsync();
        var state = new
        {
            unitRows,
            versions = await db.UnitVersions.IgnoreQueryFilters().CountAsync(v => units.Contains(v.UnitId)),
            targets = await db.Targets.CountAsync(t => t.DocumentId == Document),
            modelUnits = await db.ModelUnits.CountAsync(m => m.DocumentId == Document),
            tasks = await db.PlanTasks.IgnoreQueryFilters().Where(t => t.DocumentId == Document || t.ParentTaskId == Task)
                .OrderBy(t => t.Id).Select(t => new { t.Id, t.State, t.LastPercent, t.LastProgressOn, t.Deadline, t.LeadAgencyId }).ToListAsync(),
            progress = await db.TaskProgress.CountAsync(p => p.TaskId == Task),
            explanations = await db.ExplanationRequests.Where(r => r.TaskId == LateTask).OrderBy(r => r.Id).Select(r => new { r.Id, r.Answer }).ToListAsync(),
            files = await db.Attachments.CountAsync(f => f.DocumentId == Document || f.ProgressId == Progress || f.ReportId == Report),
            // The world's provider, and any an attacker's POST made (their codes start with "chen-"); other tests record providers too.
            provider = await db.Providers.Where(p => p.Id == Provider || p.Code.StartsWith("chen-")).Select(p => new { p.Id, p.Capacity, p.Revision, p.Notes }).ToListAsync(),
            capacities = await db.UnitCapacities.IgnoreQueryFilters().CountAsync(c => c.UnitId == Unit),
            staffing = await db.StaffingYears.IgnoreQueryFilters().Where(s => s.UnitId == Unit).Select(s => new { s.Year, s.BudgetPositions, s.ActualStaff }).ToListAsync(),
            finance = await db.FinanceYears.IgnoreQueryFilters().CountAsync(f => f.UnitId == Unit),
            jobPositionLists = await db.JobPositionLists.IgnoreQueryFilters().CountAsync(l => l.UnitId == Unit),
            plans = await db.AutonomyPlans.IgnoreQueryFilters().Where(p => p.UnitId == Unit).Select(p => new { p.Id, p.Status, p.ApprovedGroup }).ToListAsync(),
            allocations = await db.StaffingAllocations.Where(x => x.AgencyId == AgencyA && x.Year == AllocationYear).Select(x => x.BudgetPositions).ToListAsync(),
            voided = await db.Reorganizations.Where(r => r.Id == Reorganization).Select(r => r.VoidedAt).SingleAsync(),
            read = await db.Notifications.Where(n => n.Id == Notification).Select(n => n.ReadAt).SingleAsync(),
            proposal = await db.ReorganizationProposals.IgnoreQueryFilters().Where(x => x.Id == Proposal)
                .Select(x => new { x.Status, x.Revision, x.ReorganizationId, x.Summary }).SingleAsync(),
            proposals = await db.ReorganizationProposals.IgnoreQueryFilters().CountAsync(x => x.AgencyId == AgencyA),
            order = await db.ServiceOrders.IgnoreQueryFilters().Where(o => o.Id == Order)
                .Select(o => new { o.Status, o.Revision, o.ProviderUnitId, o.ProviderId, o.UnitPrice }).SingleAsync(),
            orderRows = await db.ServiceAcceptances.IgnoreQueryFilters().CountAsync(x => x.OrderId == Order)
                + await db.ServiceSettlements.IgnoreQueryFilters().CountAsync(x => x.OrderId == Order)
                + await db.ServiceBids.IgnoreQueryFilters().CountAsync(x => x.OrderId == Order),
            inspection = await db.Inspections.IgnoreQueryFilters().Where(x => x.Id == Inspection)
                .Select(x => new { x.ConclusionNumber, x.DirectiveNumber, x.UpdatedAt, Findings = x.Findings.Count }).SingleAsync(),
            recommendation = await db.InspectionRecommendations.IgnoreQueryFilters().Where(x => x.Id == Recommendation)
                .Select(x => new { x.Disputed, x.DisputeReason, FollowUps = x.FollowUps.Count }).SingleAsync(),
            scenario = await db.Scenarios.Where(x => x.Id == Scenario).Select(x => new { x.Name, x.EventsJson, x.Shared, x.AppliedAt, x.Revision }).SingleOrDefaultAsync(),
            // Any row the attacker wrote is audited under its name: that count, not agency A's row counts that tests of
            // orders and inspections running alongside change, tells a write that got through.
            // Changes to the attacker's own account (a wrong current password counted as a failed sign-in) are its own.
            audit = attackerId is null ? 0 : await db.AuditEntries.CountAsync(e => e.ActorId == attackerId && !(e.EntityType == "AppUser" && e.EntityId == attackerId)),
        };
        return JsonSerializer.Serialize(state);
    });

    /// <summary>The parts of the fingerprint that differ, so that a failure says what changed.</summary>
    public static string Changed(string before, string after)
    {
        using var b = JsonDocument.Parse(before);
        using var a = JsonDocument.Parse(after);
        var changed = b.RootElement.EnumerateObject()
            .Where(p => !a.RootElement.TryGetProperty(p.Name, out var other) || other.GetRawText() != p.Value.GetRawText())
            .Select(p => p.Name);
        return string.Join(", ", changed);
    }

    private static async Task<Caller> SignInAsync(SuNghiepApp app, string email)
    {
        var api = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var pages = await PageSession.SignInAsync(app, email);
        var (home, page) = await pages.GetAsync("/");
        home.Dispose();
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The home page carries no anti-forgery token.");
        return new Caller(await UserIdAsync(app, email), api, pages, token);
    }

    private static Task<string> UserIdAsync(SuNghiepApp app, string email) =>
        app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<int> UploadAsync(HttpClient client, string url, string token)
    {
        using var response = await client.PostAsync(url, AttachmentApiTests.Files(("tai-lieu.pdf", AttachmentApiTests.Pdf(token))));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url} answered {(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        var root = body.RootElement.ValueKind == JsonValueKind.Array ? body.RootElement[0] : body.RootElement;
        return root.GetProperty("id").GetInt32();
    }

    private static async Task Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static MultipartFormDataContent Xlsx(byte[] file, string field = "file")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(ResourceRequests.XlsxType);
        return new MultipartFormDataContent { { content, field, "mau.xlsx" } };
    }
}
