using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Plans;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// The documents of ReferenceData/documents.json, loaded with the demo province when the test hosts start: the cascade
/// from Resolution 19-NQ/TW down to the provincial and district plans, with what the texts set as targets and tasks.
/// </summary>
public sealed class SeededDocumentsTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Cascade_62KLTW_HasTheResolutionAboveAndTheGovernmentAndCanThoPlansBelow(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var all = await admin.ListDocumentsAsync();

        var resolution19 = Single(all, "19-NQ/TW", new(2017, 10, 25));
        var conclusion = Single(all, "62-KL/TW", new(2023, 10, 2));
        var government = Single(all, "38/NQ-CP", new(2024, 4, 2));
        var canTho = Assert.Single(all, d => d.Issuer == "Ban Thường vụ Thành ủy Cần Thơ");
        var read = await admin.GetDocumentAsync(conclusion.Id);

        Assert.Equal(("resolution", "Ban Chấp hành Trung ương Đảng khoá XII"), (resolution19.Type, resolution19.Issuer));
        Assert.Empty(resolution19.ParentIds);
        Assert.Equal(("conclusion", "Bộ Chính trị", "Trương Thị Mai (T/M Bộ Chính trị)"), (read.Type, read.Issuer, read.Signer));
        Assert.Equal([resolution19.Id], read.ParentIds);
        Assert.Contains(canTho.Id, read.ChildIds);
        Assert.Contains(government.Id, read.ChildIds);
        Assert.Equal(("resolution", "Chính phủ"), (government.Type, government.Issuer));
        Assert.Equal([conclusion.Id], government.ParentIds);
        Assert.Equal([conclusion.Id], canTho.ParentIds);
        Assert.Equal("(không rõ số)", canTho.Number);   // the surviving text has lost its number; the notes say so
        Assert.Contains("không có số", (await admin.GetDocumentAsync(canTho.Id)).Notes, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Conclusion62_HasTheFiveTaskGroupsAndSectionThreeAssignments(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var conclusion = Single(await admin.ListDocumentsAsync(), "62-KL/TW", new(2023, 10, 2));

        var tasks = (await admin.GetDocumentAsync(conclusion.Id)).Tasks;
        var (economicCommission, assembly, government) =
            (await app.AgencyIdAsync("TW.BKTTW"), await app.AgencyIdAsync("TW.DDQH"), await app.AgencyIdAsync("TW.BCSDCP"));

        Assert.Equal(["2.1", "2.2", "2.3", "2.4", "2.5"], tasks.Select(t => t.Section).Where(s => s!.StartsWith("2.", StringComparison.Ordinal)));
        Assert.Equal(new DateOnly(2030, 12, 31), tasks.Single(t => t.Section == "2.4").Deadline);
        var economic = tasks.Single(t => t.LeadAgencyId == economicCommission);
        Assert.Equal("3", economic.Section);
        Assert.Contains("báo cáo Bộ Chính trị", economic.Content, StringComparison.Ordinal);
        Assert.Contains(tasks, t => t.LeadAgencyId == assembly);
        Assert.Equal(2, tasks.Count(t => t.LeadAgencyId == government));   // the laws (with the Assembly's party group) and carrying it out
    }

    [Theory, DatabaseData]
    public async Task ProvincialPlan_HasTheTargetsOf2025And2030AgainstTheirBaselines(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var all = await admin.ListDocumentsAsync();
        var plan = await admin.GetDocumentAsync(Assert.Single(all, d => d.Issuer == "Chủ tịch Ủy ban nhân dân tỉnh").Id);

        // "đến hết năm 2025 toàn tỉnh giảm tối thiểu 20% số đơn vị sự nghiệp công lập so với năm 2015", with its footnote.
        var units = Assert.Single(plan.Targets, t => t.IndicatorCode == "units.count");
        Assert.Equal(("decrease", 20m, "percent", "24"), (units.Direction, units.Value, units.ValueUnit, units.AreaCode));
        Assert.Equal((new DateOnly(2015, 1, 1), new DateOnly(2015, 12, 31), new DateOnly(2025, 12, 31)), (units.BaselineFrom!.Value, units.BaselineTo!.Value, units.Deadline!.Value));
        Assert.Contains("18,77%", units.Text, StringComparison.Ordinal);
        Assert.Equal(await app.AgencyIdAsync("O24.UBND"), units.AgencyId);

        // Budget-paid staff: -10% over 2022-2026 against 2021, then -10% by 2030 against 2026.
        var staff = plan.Targets.Where(t => t.IndicatorCode == "staff.budget").OrderBy(t => t.Deadline).ToList();
        Assert.Equal([(2021, 2026, 10m), (2026, 2030, 10m)], staff.Select(t => (t.BaselineFrom!.Value.Year, t.Deadline!.Value.Year, t.Value!.Value)));
        Assert.Equal(("at-least", 10m), Pair(plan.Targets.Single(t => t.IndicatorCode == "autonomy.selffinancing.share")));
        Assert.Equal(("at-least", 100m), Pair(plan.Targets.Single(t => t.IndicatorCode == "conversion.share")));
        Assert.Equal(("at-most", 0m), Pair(plan.Targets.Single(t => t.IndicatorCode == "roles.other.share")));
        var budget = plan.Targets.Where(t => t.IndicatorCode == "budget.direct.avg").OrderBy(t => t.Deadline).ToList();
        Assert.Equal(
            [(new DateOnly(2015, 1, 1), new DateOnly(2020, 12, 31), 10m), (new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), 15m)],
            budget.Select(t => (t.BaselineFrom!.Value, t.BaselineTo!.Value, t.Value!.Value)));
        Assert.Equal(8, plan.Targets.Count);

        var parents = all.Where(d => plan.ParentIds.Contains(d.Id)).Select(d => d.Number).Order(StringComparer.Ordinal);
        Assert.Equal(["103-KH/TU", "2182-KH/BCSĐ", "38/NQ-CP"], parents);
    }

    [Theory, DatabaseData]
    public async Task ProvincialPlan_ReportsGoThroughHomeAffairs_AndTheDemoShowsLateAndDoneTasks(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var all = await admin.ListDocumentsAsync();
        var plan = await admin.GetDocumentAsync(Assert.Single(all, d => d.Issuer == "Chủ tịch Ủy ban nhân dân tỉnh").Id);
        var canTho = await admin.GetDocumentAsync(Assert.Single(all, d => d.Issuer == "Ban Thường vụ Thành ủy Cần Thơ").Id);
        var homeAffairs = await app.AgencyIdAsync("O24.SNV");

        var consolidation = Assert.Single(plan.Tasks, t => t.LeadAgencyId == homeAffairs);
        var reports = plan.Tasks.Single(t => t.Section == "IV.1" && t.Recurrence is not null);
        var detailedPlans = plan.Tasks.Single(t => t.Section == "IV.1" && t.Deadline is not null);
        // Bắc Giang's Home Affairs ended on 30/6/2025: its tasks are followed by Bắc Ninh's.
        var lateOfHomeAffairs = await admin.ListTasksAsync($"agencyId={await app.AgencyIdAsync("24.SNV")}&status=late&pageSize=500");

        Assert.Equal(("IV.2", new RecurrenceView("yearly", 20, 12)), (consolidation.Section, consolidation.Recurrence));
        Assert.Equal([homeAffairs], reports.CoordinatingAgencyIds);   // "qua Sở Nội vụ tổng hợp"
        Assert.Equal(new DateOnly(2024, 5, 31), detailedPlans.Deadline);   // "Trong tháng 05 năm 2024"

        // Demo progress: the 2024 consolidated report was filed, the 2025 one was not; the detailed plans stopped at 70%.
        Assert.Equal(("late", new DateOnly(2024, 12, 18)), (consolidation.Status, consolidation.LastProgressOn!.Value));
        Assert.Contains(consolidation.Id, lateOfHomeAffairs.Items.Select(t => t.Id));
        Assert.Equal(("late", 70), (detailedPlans.Status, detailedPlans.Percent!.Value));
        Assert.Equal(("in_progress", false), (reports.Status, reports.Late));
        Assert.Equal("done", canTho.Tasks.Single(t => t.Section == "III.1").Status);
    }

    [Theory, DatabaseData]
    public async Task DistrictPlan_TamNong_HasItsTargetsAndTasksPerOfficeOfAnEndedDistrict(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var summary = Assert.Single(await admin.ListDocumentsAsync(), d => d.Issuer == "Ủy ban nhân dân huyện Tam Nông");
        var plan = await admin.GetDocumentAsync(summary.Id);
        var district = await app.AgencyIdAsync("TN.UBND");

        var units = Assert.Single(plan.Targets, t => t.IndicatorCode == "units.count");
        Assert.Equal(("decrease", 10m, district), (units.Direction, units.Value, units.AgencyId!.Value));
        Assert.Null(units.AreaCode);   // the text does not say which of the two Tam Nông districts
        Assert.Equal((2021, new DateOnly(2026, 12, 31)), (units.BaselineFrom!.Value.Year, units.Deadline!.Value));
        Assert.Equal(("at-least", 20m), Pair(plan.Targets.Single(t => t.IndicatorCode == "autonomy.any.share")));
        Assert.Equal(7, plan.Targets.Count);
        foreach (var (code, section) in new[] { ("TN.PGDDT", "IV.2"), ("TN.PVHTT", "IV.3"), ("TN.PTCKH", "IV.4"), ("TN.PNV", "IV.5") })
        {
            var office = await app.AgencyIdAsync(code);
            Assert.Equal(section, Assert.Single(plan.Tasks, t => t.LeadAgencyId == office).Section);
        }

        var ended = await app.WithDbAsync((db, _) => db.Agencies.Where(a => a.Code.StartsWith("TN.")).Select(a => a.ValidTo).Distinct().ToListAsync());
        Assert.Equal([new DateOnly(2025, 6, 30)], ended);
    }

    private static DocumentSummary Single(IEnumerable<DocumentSummary> all, string number, DateOnly issuedOn) =>
        Assert.Single(all, d => d.Number == number && d.IssuedOn == issuedOn);

    private static (string?, decimal) Pair(TargetView t) => (t.Direction, t.Value!.Value);
}
