using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Seeding;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Seeding;

/// <summary>
/// The source documents in their places: seed 001 is Bắc Giang's plan, under the bodies of its date, followed today by
/// Bắc Ninh's; the documents load in a deployment without the demo, and the demo loaded later finds their bodies.
/// </summary>
public sealed class DocumentPlacementTests(AppHosts hosts)
{
    private static readonly DateOnly LastDay = new(2025, 6, 30);

    [Theory, DatabaseData]
    public async Task Documents_WithoutTheDemo_LoadAtFirstStartUnderTheirBodies_AgainNothing_ThenTheDemoReusesTheBodies(DatabaseProvider provider)
    {
        await using var app = await AppHosts.StartOwnAsync(provider, b => b.UseSetting("Seed:Demo", "false"));

        var loaded = await app.WithDbAsync(async (db, _) => new
        {
            Documents = await db.Documents.CountAsync(),
            Plan = await db.Documents.Where(d => d.Issuer == "Chủ tịch Ủy ban nhân dân tỉnh")
                .Select(d => new { Issuer = d.IssuerAgency!.Code, Targets = d.Targets.Select(t => new { t.AreaCode, t.AgencyId }).ToList() }).SingleAsync(),
            Leads = await db.PlanTasks.IgnoreQueryFilters().Where(t => t.Document!.Issuer == "Chủ tịch Ủy ban nhân dân tỉnh").Select(t => t.LeadAgency!.Code).Distinct().ToListAsync(),
            CanThoLeads = await db.PlanTasks.IgnoreQueryFilters().Where(t => t.Document!.Issuer == "Ban Thường vụ Thành ủy Cần Thơ").Select(t => t.LeadAgency!.Code).Distinct().ToListAsync(),
            Agencies = await db.Agencies.AsNoTracking().Include(a => a.Area).Include(a => a.Successor).Include(a => a.Parent)
                .Where(a => a.Code.StartsWith("O24.") || a.Code.StartsWith("24.") || a.Code == "O92.UBND" || a.Code == "92.UBND").ToDictionaryAsync(a => a.Code),
            Demo = await db.Units.IgnoreQueryFilters().AnyAsync(),
        });
        var again = await app.WithDbAsync((db, services) => DocumentSeeder.SeedAsync(db, services.GetRequiredService<TimeProvider>(), demoProgress: false));

        Assert.False(loaded.Demo);
        Assert.Equal(11, loaded.Documents);
        var bg = loaded.Agencies;
        Assert.Equal("O24.UBND", loaded.Plan.Issuer);
        Assert.All(loaded.Plan.Targets, t => Assert.Equal(("24", bg["O24.UBND"].Id), (t.AreaCode, t.AgencyId!.Value)));
        Assert.Equal(["O24.SNV", "O24.UBND"], loaded.Leads.Order(StringComparer.Ordinal));
        Assert.Contains("O92.UBND", loaded.CanThoLeads);   // a 2023 plan's tasks go to the city of 2023
        Assert.DoesNotContain("92.UBND", loaded.CanThoLeads);

        // Area 24 read on the bodies' last day is Bắc Giang; their successors' area 24 is today's Bắc Ninh.
        Assert.Equal(("Bắc Giang", (DateOnly?)LastDay, LastDay), (bg["O24.UBND"].Area!.Name, bg["O24.UBND"].Area!.ValidTo, bg["O24.UBND"].ValidTo!.Value));
        Assert.Equal(("Bắc Ninh", (DateOnly?)null, new DateOnly(2025, 7, 1)), (bg["24.UBND"].Area!.Name, bg["24.UBND"].Area!.ValidTo, bg["24.UBND"].ValidFrom!.Value));
        foreach (var (ended, successor) in new[] { ("O24.UBND", "24.UBND"), ("O24.SNV", "24.SNV"), ("O24.TU", "24.TU"), ("O92.UBND", "92.UBND") })
        {
            Assert.Equal(successor, bg[ended].Successor!.Code);
            Assert.StartsWith(bg[successor].LineagePath, bg[ended].LineagePath, StringComparison.Ordinal);   // a scope on the successor covers it
        }

        Assert.Equal(("O24.UBND", "24.UBND"), (bg["O24.SNV"].Parent!.Code, bg["24.SNV"].Parent!.Code));
        Assert.Equal("Thành phố Cần Thơ", bg["O92.UBND"].Area!.FullName);
        Assert.Equal((LastDay, (DateOnly?)null), (bg["O92.UBND"].Area!.ValidTo!.Value, bg["92.UBND"].Area!.ValidTo));
        Assert.Equal((0, 0, 0), (again.Documents, again.Agencies, again.Tasks));
        Assert.Empty(again.Skipped);

        // The demo, loaded later, takes the bodies the documents made with its codes instead of making them twice.
        Assert.True(await DatabaseSetup.SeedDemoAsync(app.Services, onlyIfEmpty: true));
        var demo = await app.WithDbAsync(async (db, _) => new
        {
            Codes = await db.Agencies.Where(a => a.Code == "92.UBND" || a.Code == "CT.UBND" || a.Code == "O92.UBND").Select(a => new { a.Code, a.Id }).ToListAsync(),
            Departments = await db.Agencies.Where(a => a.Parent!.Code == "92.UBND" && a.Kind == AgencyKind.Department).CountAsync(),
            CanThoUnits = await db.Units.IgnoreQueryFilters().CountAsync(u => u.Versions.Any(v => v.ManagingAgency!.Code == "O92.UBND" || v.ManagingAgency.Parent!.Code == "O92.UBND")),
            Documents = await db.Documents.CountAsync(),
        });
        // The old city's committee the demo calls CT.UBND is the documents' O92.UBND.
        Assert.Equal([("92.UBND", bg["92.UBND"].Id), ("O92.UBND", bg["O92.UBND"].Id)], demo.Codes.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => (c.Code, c.Id)));
        Assert.True(demo.Departments >= 10 && demo.CanThoUnits > 10, $"{demo.Departments} departments, {demo.CanThoUnits} units of old Cần Thơ");
        Assert.Equal(11, demo.Documents);
    }

    // With the demo loaded first (the shared hosts), the documents take the demo's body under its own code.
    [Theory, DatabaseData]
    public async Task Documents_AfterTheDemo_AssignToTheDemosBodies_NothingTwice(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);

        var found = await app.WithDbAsync(async (db, _) => new
        {
            CanThoLeads = await db.PlanTasks.IgnoreQueryFilters().Where(t => t.Document!.Issuer == "Ban Thường vụ Thành ủy Cần Thơ").Select(t => t.LeadAgency!.Code).Distinct().ToListAsync(),
            Committees = await db.Agencies.Where(a => a.Name == "Ủy ban nhân dân thành phố Cần Thơ").Select(a => a.Code).ToListAsync(),
            BacGiang = await db.Agencies.CountAsync(a => a.Name == "Ủy ban nhân dân tỉnh Bắc Giang"),
        });

        Assert.Contains("CT.UBND", found.CanThoLeads);
        Assert.Equal(["92.UBND", "CT.UBND"], found.Committees.Order(StringComparer.Ordinal));
        Assert.Equal(1, found.BacGiang);
    }

    [Theory, DatabaseData]
    public async Task TasksOfAnEndedBody_ListedUnderItsSuccessor_AndShownWithIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var (bacGiang, bacNinh, canTho) = (await app.AgencyIdAsync("O24.SNV"), await app.AgencyIdAsync("24.SNV"), await app.AgencyIdAsync("92.SNV"));
        var plan = Assert.Single(await admin.ListDocumentsAsync(), d => d.Issuer == "Chủ tịch Ủy ban nhân dân tỉnh");
        var consolidation = Assert.Single((await admin.GetDocumentAsync(plan.Id)).Tasks, t => t.Section == "IV.2");

        var ofBacNinh = await admin.ListTasksAsync($"agencyId={bacNinh}&pageSize=500");
        var ofCanTho = await admin.ListTasksAsync($"agencyId={canTho}&pageSize=500");

        Assert.Equal((bacGiang, "Sở Nội vụ tỉnh Bắc Giang", "Sở Nội vụ tỉnh Bắc Ninh"), (consolidation.LeadAgencyId, consolidation.LeadAgencyName, consolidation.LeadAgencyNow));
        Assert.Contains(consolidation.Id, ofBacNinh.Items.Select(t => t.Id));
        Assert.DoesNotContain(consolidation.Id, ofCanTho.Items.Select(t => t.Id));   // control: another province's department
        Assert.All(ofCanTho.Items.Where(t => t.LeadAgencyId == canTho), t => Assert.Null(t.LeadAgencyNow));   // a body of today has no "nay"

        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        var (_, task) = await session.GetAsync($"/tasks/{consolidation.Id}");
        var (_, document) = await session.GetAsync($"/documents/{plan.Id}");
        var (_, list) = await session.GetAsync($"/tasks?agencyId={bacNinh}&pageSize=100");

        Assert.Contains("Sở Nội vụ tỉnh Bắc Giang (nay: Sở Nội vụ tỉnh Bắc Ninh)", task.QuerySelector("[data-testid=task-fields]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ tỉnh Bắc Giang (nay: Sở Nội vụ tỉnh Bắc Ninh)", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var scopes = document.QuerySelectorAll("[data-testid=target-scope]").Select(e => e.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Tỉnh Bắc Giang (nay: Tỉnh Bắc Ninh); Ủy ban nhân dân tỉnh Bắc Giang (nay: Ủy ban nhân dân tỉnh Bắc Ninh)"], scopes);
    }

    [Theory, DatabaseData]
    public async Task NationalTargets_HaveNoAreaNorAgency_AndSayTheyAreMeasuredInTheReadersScope(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var all = await admin.ListDocumentsAsync();
        var conclusion = await admin.GetDocumentAsync(Assert.Single(all, d => d.Number == "62-KL/TW").Id);
        var government = await admin.GetDocumentAsync(Assert.Single(all, d => d.Number == "38/NQ-CP").Id);

        var conversion = Assert.Single(conclusion.Targets);
        Assert.Equal(("conversion.share", "at-least", 100m, (string?)null, (int?)null), (conversion.IndicatorCode, conversion.Direction, conversion.Value!.Value, conversion.AreaCode, conversion.AgencyId));
        Assert.Contains("trừ bệnh viện và trường học", conversion.Text, StringComparison.Ordinal);
        Assert.Equal(7, government.Targets.Count);
        Assert.All(government.Targets, t => Assert.True(t.AreaCode is null && t.AgencyId is null && t.Text.Contains("38/NQ-CP", StringComparison.Ordinal)));

        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, agency: "92.UBND"));
        var (_, page) = await session.GetAsync($"/documents/{government.Id}");
        Assert.All(page.QuerySelectorAll("[data-testid=target-scope]"), e => Assert.StartsWith("Cả nước", e.TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal(7, page.QuerySelectorAll("[data-testid=target-scope]").Length);
    }
}
