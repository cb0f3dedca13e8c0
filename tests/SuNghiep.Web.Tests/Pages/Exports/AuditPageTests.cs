using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Auditing;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Pages.Exports;

/// <summary>The audit trail reads as Vietnamese: names of types, fields, people and objects, never ids or GUIDs.</summary>
public sealed partial class AuditPageTests(AppHosts hosts)
{
    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [Theory, DatabaseData]
    public async Task Model_EveryAuditedEntityAndProperty_HasAVietnameseLabelOrIsHidden(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var missing = await app.WithDbAsync((db, _) => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => AuditLabels.IsAudited(t.ClrType))
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType != typeof(byte[]))
                .Where(p => AuditLabels.Field(AuditLabels.TrailName(t.ClrType), p.Name) is null)
                .Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .ToList()));
        var audited = await app.WithDbAsync((db, _) => Task.FromResult(db.Model.GetEntityTypes().Count(t => AuditLabels.IsAudited(t.ClrType))));

        Assert.Empty(missing);
        Assert.Equal(AuditLabels.Types.Count, audited);
        Assert.Equal("Nhiệm vụ", AuditLabels.TypeName("PlanTask"));
        Assert.Equal("Tiến độ gần nhất (%)", AuditLabels.Field("PlanTask", "LastPercent")!.Label);
        Assert.Null(AuditLabels.Field("AppUser", "ConcurrencyStamp")!.Label);
    }

    [Theory, DatabaseData]
    public async Task Get_UnitChange_ShowsNamesBeforeAndAfterWithoutIds(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var admin = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("24.SNV");
        var unit = await admin.CreateUnitAsync(ExportSession.Body(token, "A", agency));
        using (var put = await admin.PutUnitAsync(unit.Id, ExportSession.Body(token, "A", agency).With("name", $"{unit.Name} mới")))
        {
            put.EnsureSuccessStatusCode();
        }

        using var session = await ExportSession.SignInAsync(app, email);
        var (response, page) = await session.GetAsync($"/admin/audit?entityType=Unit&entityId={unit.Code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table[data-testid=audit] > tbody > tr");
        Assert.Equal(2, rows.Length);
        var update = rows[0];
        Assert.Equal("Người kiểm thử", update.QuerySelector("[data-testid=actor]")!.TextContent.Trim());
        Assert.Equal(email, update.QuerySelector("[data-testid=actor]")!.GetAttribute("title"));
        var target = update.QuerySelector("a[data-testid=object]")!;
        Assert.Equal($"/units/{unit.Id}", target.GetAttribute("href"));
        Assert.Equal($"{unit.Code} {unit.Name} mới", target.TextContent.Trim());
        var name = update.QuerySelector("tr[data-field=Name]")!;
        Assert.Equal("Tên", name.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(unit.Name, name.QuerySelector(".diff-before")!.TextContent.Trim());
        Assert.Equal($"{unit.Name} mới", name.QuerySelector(".diff-after")!.TextContent.Trim());
        var created = rows[1].TextContent;
        Assert.Contains("Cơ quan quản lý", created, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ tỉnh Bắc Ninh", created, StringComparison.Ordinal);
        Assert.Contains("Bắc Giang", created, StringComparison.Ordinal);   // the area by its name
        var results = page.QuerySelector("#results")!.TextContent;
        Assert.DoesNotMatch(Guid(), results);
        Assert.DoesNotContain("#", results, StringComparison.Ordinal);
        foreach (var word in new[] { "Revision", "ConcurrencyStamp", "ManagingAgencyId", "AreaId", "SectorCode", "Unit " })
        {
            Assert.DoesNotContain(word, results, StringComparison.Ordinal);
        }
    }

    [Theory, DatabaseData]
    public async Task Get_Filters_SelectByTypeActorObjectAndPeriod(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var admin = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var token = Unique.Token();
        var unit = await admin.CreateUnitAsync(ExportSession.Body(token, "A", await app.AgencyIdAsync("24.SNV")));
        using var session = await ExportSession.SignInAsync(app, email);
        var today = SuNghiep.Core.VietnamTime.Today(TimeProvider.System);
        string Day(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

        async Task<int> CountAsync(string query)
        {
            var (response, page) = await session.GetAsync("/admin/audit?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return page.QuerySelectorAll("table[data-testid=audit] > tbody > tr").Length;
        }

        Assert.Equal(1, await CountAsync($"entityType=Unit&entityId={unit.Id}&actor={Uri.EscapeDataString(email)}&from={Day(today)}&to={Day(today)}"));
        Assert.Equal(1, await CountAsync($"entityType=Unit&entityId={unit.Code}&actor={Uri.EscapeDataString(email)}"));
        Assert.Equal(0, await CountAsync($"entityType=Unit&entityId={unit.Code}&actor={Uri.EscapeDataString(SuNghiepApp.AdminEmail)}"));
        Assert.Equal(0, await CountAsync($"entityType=Unit&entityId={unit.Code}&from={Day(today.AddDays(1))}"));
        Assert.Equal(0, await CountAsync($"entityType=UnitVersion&entityId={unit.Code}"));
        Assert.Equal(0, await CountAsync($"entityType=Unit&entityId={unit.Code}&to={Day(today.AddDays(-1))}"));
        // The account's change shows under its own type, named by the person, with no GUID.
        var (_, accounts) = await session.GetAsync($"/admin/audit?entityType=AppUser&entityId={Uri.EscapeDataString(email)}");
        Assert.Contains("Người kiểm thử", accounts.QuerySelector("[data-testid=object]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotMatch(Guid(), accounts.QuerySelector("#results")!.TextContent);
        var (bad, badPage) = await session.GetAsync("/admin/audit?from=31/02/2025");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Từ ngày không hợp lệ", badPage.QuerySelector("#results")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Export_AllRowsOfTheFilter_OneLinePerFieldWithRealDates(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var email = await app.CreateUserAsync(Roles.SystemAdmin);
        using var admin = app.ClientWithToken(await app.TokenAsync(email, SuNghiepApp.Password));
        var token = Unique.Token();
        var ids = await ExportSession.CreateUnitsAsync(app, admin, token, 3);
        var agency = await app.AgencyIdAsync("24.SNV");
        // More changes of one unit than a page holds (50).
        for (var i = 0; i < 52; i++)
        {
            using var put = await admin.PutUnitAsync(ids[0], ExportSession.Body(token, "00", agency).With("notes", $"Ghi chú {i}"));
            put.EnsureSuccessStatusCode();
        }

        using var session = await ExportSession.SignInAsync(app, email);
        var (_, page) = await session.GetAsync($"/admin/audit?entityType=Unit&entityId={ids[0]}");
        Assert.NotEmpty(page.QuerySelectorAll(".pagination"));
        var (xlsx, print) = ExportSession.Links(page);

        var rows = await ExportSession.XlsxAsync(session.Client, xlsx);

        var notes = rows.Where(r => (string?)r["Trường thông tin"] == "Ghi chú").ToList();
        Assert.Equal(52, notes.Count);
        Assert.Contains(notes, r => (string?)r["Giá trị sau"] == "Ghi chú 51" && (string?)r["Giá trị trước"] == "Ghi chú 50");
        Assert.All(rows, r => Assert.Equal("Đơn vị", r["Loại đối tượng"]));
        Assert.All(rows, r => Assert.Equal("Người kiểm thử", r["Người thực hiện"]));
        Assert.All(rows, r => Assert.IsType<DateTime>(r["Thời gian"]));
        Assert.DoesNotContain(rows, r => ((string?)r["Đối tượng"])?.Contains(token + "-01", StringComparison.Ordinal) == true);

        var (_, printed) = await session.GetAsync(print);
        ExportSession.AssertPrintHeading(printed, "Nhật ký thay đổi");
        Assert.Equal(53, printed.QuerySelectorAll("table[data-testid=audit] > tbody > tr").Length);
    }

    [Theory, DatabaseData]
    public async Task Get_SubmittedReport_NamesItsStepAndStatusInVietnamese(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var w = await SuNghiep.Web.Tests.Reports.ReportWorld.CreateAsync(app);
        var request = await w.RequestAsync();
        var draft = await w.ReportOfAsync(w.FirstOfficer, request.Id);
        await SuNghiep.Web.Tests.Reports.ReportsClient.StepOkAsync(w.FirstOfficer, draft.Id, "submit");
        var step = await app.WithDbAsync((db, _) => db.ReportSteps.Where(s => s.ReportId == draft.Id).Select(s => s.Id).SingleAsync());

        using var session = await ExportSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));
        var (stepResponse, stepPage) = await session.GetAsync($"/admin/audit?entityType=ReportStep&entityId={step}");
        var (reportResponse, reportPage) = await session.GetAsync($"/admin/audit?entityType=Report&entityId={draft.Id}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stepResponse.StatusCode, reportResponse.StatusCode));
        var action = stepPage.QuerySelector("table[data-testid=audit] tr[data-field=Action]")!;
        Assert.Contains("Gửi báo cáo", action.TextContent);
        Assert.DoesNotContain("submitted", action.TextContent);
        var status = reportPage.QuerySelectorAll("table[data-testid=audit] tr[data-field=Status]").Select(r => r.TextContent).ToList();
        Assert.Contains(status, t => t.Contains("Đang soạn") && t.Contains("Đã gửi"));
    }

    [Theory, DatabaseData]
    public async Task Get_ServiceOrder_NamesItsMethodStatusAndFundingInVietnamese(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await Api.Resources.ResourceRequests.UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await Api.Services.OrdersClient.ItemAsync(app, "education", ServiceMethods.Assignment | ServiceMethods.Ordering, 10_000, new DateOnly(2025, 1, 1));
        var order = await Api.Services.OrdersClient.CreateAsync(admin, Api.Services.OrdersClient.Order(agency, unit, item));

        using var session = await ExportSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));
        var (response, page) = await session.GetAsync($"/admin/audit?entityType=ServiceOrder&entityId={order.GetProperty("id").GetInt32()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string Field(string name) => page.QuerySelector($"table[data-testid=audit] tr[data-field={name}]")!.TextContent;
        Assert.Contains("Đặt hàng", Field("Method"));
        Assert.Contains("Đã giao, đặt hàng", Field("Status"));
        Assert.Contains("giao tự chủ", Field("FundingClass"), StringComparison.OrdinalIgnoreCase);
    }
}
