using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Resources;

/// <summary>Staffing, finance and autonomy plans of units, year by year; the context audits each change.</summary>
public sealed class ResourceService(SuNghiepDbContext db, TimeProvider time, IndicatorEngine engine)
{
    /// <summary>What the refusal of an over-allocation tells an API caller to do; pages and the import say it their own way.</summary>
    public const string OverAllocationApiHint = " Nếu đây là quyết định giao vượt, gửi kèm \"overAllocation\": true.";

    private const decimal MaxStoredLevel = 99_999_999.9999m;

    private int CurrentYear => VietnamTime.Today(time).Year;

    public async Task<StaffingView?> GetStaffingAsync(int unitId, int year, CancellationToken ct = default) =>
        await db.StaffingYears.AsNoTracking().Where(s => s.UnitId == unitId && s.Year == year)
            .Select(s => new StaffingView(s.UnitId, s.Year, s.BudgetPositions, s.RevenuePositions, s.ActualStaff, s.BudgetContractWorkers,
                new JobPositions(s.PositionsLeadership, s.PositionsProfessional, s.PositionsSharedProfessional, s.PositionsSupport), s.Notes))
            .FirstOrDefaultAsync(ct);

    /// <summary>Every year of a unit's staffing, oldest first.</summary>
    public async Task<IReadOnlyList<StaffingView>> ListStaffingAsync(int unitId, CancellationToken ct = default) =>
        await db.StaffingYears.AsNoTracking().Where(s => s.UnitId == unitId).OrderBy(s => s.Year)
            .Select(s => new StaffingView(s.UnitId, s.Year, s.BudgetPositions, s.RevenuePositions, s.ActualStaff, s.BudgetContractWorkers,
                new JobPositions(s.PositionsLeadership, s.PositionsProfessional, s.PositionsSharedProfessional, s.PositionsSupport), s.Notes))
            .ToListAsync(ct);

    public async Task<WriteResult<StaffingView>> PutStaffingAsync(int unitId, int year, StaffingInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return WriteResult.Missing<StaffingView>();
        }

        var errors = StaffingRules.Counts([
            ("budgetPositions", StaffingLabels["budgetPositions"], input.BudgetPositions),
            ("revenuePositions", StaffingLabels["revenuePositions"], input.RevenuePositions),
            ("actualStaff", StaffingLabels["actualStaff"], input.ActualStaff),
            ("budgetContractWorkers", StaffingLabels["budgetContractWorkers"], input.BudgetContractWorkers),
            ("jobPositions.leadership", StaffingLabels["jobPositions.leadership"], input.Leadership),
            ("jobPositions.professional", StaffingLabels["jobPositions.professional"], input.Professional),
            ("jobPositions.sharedProfessional", StaffingLabels["jobPositions.sharedProfessional"], input.SharedProfessional),
            ("jobPositions.support", StaffingLabels["jobPositions.support"], input.Support)]).ToList();
        TextChecks.Check(errors, ("notes", "Ghi chú", input.Notes, true));
        TextChecks.Lengths(errors, ("notes", "Ghi chú", input.Notes, 2000));
        if (StaffingRules.YearInLife(year, unit.EstablishedOn, unit.EndedOn, CurrentYear) is { } outside)
        {
            errors.Add(outside);
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var warnings = new List<RuleViolation>();
        if (StaffingRules.ProfessionalShare(input.Leadership!.Value, input.Professional!.Value, input.SharedProfessional!.Value, input.Support!.Value) is { } share)
        {
            warnings.Add(share);
        }

        // The unit's agency in that year: the version in force at its end, or the last one.
        var agency = await AgencyInYearAsync(unitId, year, ct);
        if (agency is not null)
        {
            var allocated = await db.StaffingAllocations.Where(a => a.AgencyId == agency.Id && a.Year == year).Select(a => (int?)a.BudgetPositions).FirstOrDefaultAsync(ct);
            var siblings = await UnitsOfAgencyInYear(agency.Id, year).Where(s => s.UnitId != unitId).SumAsync(s => (long)s.BudgetPositions, ct);
            if (StaffingRules.Allocation(allocated, siblings, input.BudgetPositions!.Value, "budgetPositions", agency.Name) is { } over)
            {
                if (!input.OverAllocation)
                {
                    return new(null, [over with { Message = over.Message + OverAllocationApiHint }], []);
                }

                warnings.Add(over);
            }
        }

        var row = await db.StaffingYears.FirstOrDefaultAsync(s => s.UnitId == unitId && s.Year == year, ct);
        if (row is null)
        {
            row = new StaffingYear { UnitId = unitId, Year = year };
            db.StaffingYears.Add(row);
        }

        row.BudgetPositions = input.BudgetPositions!.Value;
        row.RevenuePositions = input.RevenuePositions!.Value;
        row.ActualStaff = input.ActualStaff!.Value;
        row.BudgetContractWorkers = input.BudgetContractWorkers!.Value;
        row.PositionsLeadership = input.Leadership.Value;
        row.PositionsProfessional = input.Professional.Value;
        row.PositionsSharedProfessional = input.SharedProfessional.Value;
        row.PositionsSupport = input.Support.Value;
        row.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (db.ChangeTracker.HasChanges())
        {
            row.UpdatedAt = time.GetUtcNow().UtcDateTime;
            if (!await SavedFirstAsync(ct))
            {
                return await PutStaffingAsync(unitId, year, input, ct);
            }
        }

        return new(await GetStaffingAsync(unitId, year, ct), [], warnings);
    }

    public async Task<FinanceView?> GetFinanceAsync(int unitId, int year, CancellationToken ct = default)
    {
        var f = await db.FinanceYears.AsNoTracking().FirstOrDefaultAsync(x => x.UnitId == unitId && x.Year == year, ct);
        return f is null ? null : View(f, await Services.OrderService.AcceptedOrdersValueAsync(db, unitId, year, ct));
    }

    /// <summary>Every year of a unit's finance with its level and group, oldest first.</summary>
    public async Task<IReadOnlyList<FinanceView>> ListFinanceAsync(int unitId, CancellationToken ct = default)
    {
        var rows = await db.FinanceYears.AsNoTracking().Where(x => x.UnitId == unitId).OrderBy(x => x.Year).ToListAsync(ct);
        var accepted = await Services.OrderService.AcceptedOrdersByYearAsync(db, unitId, ct);
        return rows.Select(f => View(f, accepted.GetValueOrDefault(f.Year))).ToList();
    }

    /// <summary>The name of each staffing figure, by its API field, as messages name it.</summary>
    public static readonly IReadOnlyDictionary<string, string> StaffingLabels = new Dictionary<string, string>
    {
        ["budgetPositions"] = "Số người hưởng lương từ ngân sách nhà nước",
        ["revenuePositions"] = "Số người hưởng lương từ nguồn thu sự nghiệp",
        ["actualStaff"] = "Số người làm việc thực có",
        ["budgetContractWorkers"] = "Số hợp đồng lao động hưởng lương từ ngân sách nhà nước",
        ["jobPositions.leadership"] = "Số vị trí lãnh đạo, quản lý",
        ["jobPositions.professional"] = "Số vị trí chức danh nghề nghiệp chuyên ngành",
        ["jobPositions.sharedProfessional"] = "Số vị trí chức danh nghề nghiệp chuyên môn dùng chung",
        ["jobPositions.support"] = "Số vị trí hỗ trợ, phục vụ",
    };

    /// <summary>The name of each finance figure, by its API field, as messages name it.</summary>
    public static readonly IReadOnlyDictionary<string, string> FinanceLabels = new Dictionary<string, string>
    {
        ["revenue.orderedServices"] = "Kinh phí NSNN đặt hàng, giao nhiệm vụ, đấu thầu dịch vụ sự nghiệp công",
        ["revenue.scienceTasks"] = "Kinh phí nhiệm vụ khoa học và công nghệ thường xuyên",
        ["revenue.serviceFees"] = "Thu hoạt động dịch vụ sự nghiệp công",
        ["revenue.businessSurplus"] = "Chênh lệch thu chi sản xuất, kinh doanh, liên doanh, liên kết",
        ["revenue.retainedFees"] = "Phí được để lại chi",
        ["revenue.other"] = "Thu hợp pháp khác",
        ["recurrentExpenditure"] = "Chi thường xuyên",
        ["investmentSelfFinancing"] = "Tự bảo đảm chi đầu tư",
        ["depreciation"] = "Khấu hao tài sản cố định",
        ["directBudgetSpending"] = "Chi trực tiếp từ NSNN",
    };

    public async Task<WriteResult<FinanceView>> PutFinanceAsync(int unitId, int year, FinanceInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return WriteResult.Missing<FinanceView>();
        }

        var errors = StaffingRules.Amounts([
            ("revenue.orderedServices", FinanceLabels["revenue.orderedServices"], input.OrderedServicesFromOrders ? 0 : input.OrderedServices),
            ("revenue.scienceTasks", FinanceLabels["revenue.scienceTasks"], input.ScienceTasks),
            ("revenue.serviceFees", FinanceLabels["revenue.serviceFees"], input.ServiceFees),
            ("revenue.businessSurplus", FinanceLabels["revenue.businessSurplus"], input.BusinessSurplus),
            ("revenue.retainedFees", FinanceLabels["revenue.retainedFees"], input.RetainedFees),
            ("revenue.other", FinanceLabels["revenue.other"], input.Other),
            ("recurrentExpenditure", FinanceLabels["recurrentExpenditure"], input.RecurrentExpenditure),
            ("investmentSelfFinancing", FinanceLabels["investmentSelfFinancing"], input.InvestmentSelfFinancing),
            ("depreciation", FinanceLabels["depreciation"], input.Depreciation),
            ("directBudgetSpending", FinanceLabels["directBudgetSpending"], input.DirectBudgetSpending)]).ToList();
        if (StaffingRules.YearInLife(year, unit.EstablishedOn, unit.EndedOn, CurrentYear) is { } outside)
        {
            errors.Add(outside);
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var row = await db.FinanceYears.FirstOrDefaultAsync(x => x.UnitId == unitId && x.Year == year, ct);
        if (row is null)
        {
            row = new FinanceYear { UnitId = unitId, Year = year };
            db.FinanceYears.Add(row);
        }

        // The figure follows the accepted orders unless the officer typed another; a typed figure equal to them follows them again.
        var accepted = await Services.OrderService.AcceptedOrdersValueAsync(db, unitId, year, ct);
        row.OrderedServices = input.OrderedServicesFromOrders ? accepted : input.OrderedServices!.Value;
        row.OrderedServicesByHand = row.OrderedServices != accepted;
        row.ScienceTasks = input.ScienceTasks!.Value;
        row.ServiceFees = input.ServiceFees!.Value;
        row.BusinessSurplus = input.BusinessSurplus!.Value;
        row.RetainedFees = input.RetainedFees!.Value;
        row.OtherRevenue = input.Other!.Value;
        row.RecurrentExpenditure = input.RecurrentExpenditure!.Value;
        row.InvestmentSelfFinancing = input.InvestmentSelfFinancing!.Value;
        row.Depreciation = input.Depreciation!.Value;
        row.DirectBudgetSpending = input.DirectBudgetSpending!.Value;
        Compute(row);
        if (db.ChangeTracker.HasChanges())
        {
            row.UpdatedAt = time.GetUtcNow().UtcDateTime;
            if (!await SavedFirstAsync(ct))
            {
                return await PutFinanceAsync(unitId, year, input, ct);
            }
        }

        return new(View(row, accepted), [], []);
    }

    /// <summary>
    /// Saves a year's row; false when it was new and another request inserted the same year first (the unique index refused
    /// ours). A PUT replaces the year, so the caller writes again over that row, as if it had come a moment later.
    /// </summary>
    private async Task<bool> SavedFirstAsync(CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .FirstOrDefault(e => e is StaffingYear or FinanceYear or StaffingAllocation);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException) when (added is not null && db.Database.CurrentTransaction is null)
        {
            db.ChangeTracker.Clear();
            var taken = added switch
            {
                StaffingYear y => await db.StaffingYears.IgnoreQueryFilters().AnyAsync(x => x.UnitId == y.UnitId && x.Year == y.Year, ct),
                FinanceYear y => await db.FinanceYears.IgnoreQueryFilters().AnyAsync(x => x.UnitId == y.UnitId && x.Year == y.Year, ct),
                StaffingAllocation a => await db.StaffingAllocations.AnyAsync(x => x.AgencyId == a.AgencyId && x.Year == a.Year, ct),
                _ => false,
            };
            if (!taken)
            {
                throw;
            }

            return false;
        }
    }

    /// <summary>Sets the stored level and group from the figures: every write of a year's finance goes through here.</summary>
    public static void Compute(FinanceYear row)
    {
        var assessment = Assess(row);
        // The column holds 8 integer digits; a level beyond (revenue a million times the spending) is stored at that bound.
        row.SelfFinancingLevel = assessment.Level is { } level ? Math.Min(Math.Round(level, 4, MidpointRounding.ToZero), MaxStoredLevel) : null;
        row.ComputedGroup = assessment.Group;
    }

    public static AutonomyAssessment Assess(FinanceYear f) => AutonomyRules.Assess(
        new FinanceFigures(f.OrderedServices, f.ScienceTasks, f.ServiceFees, f.BusinessSurplus, f.RetainedFees, f.OtherRevenue,
            f.RecurrentExpenditure, f.InvestmentSelfFinancing, f.Depreciation),
        new DateOnly(f.Year, 12, 31));

    private static FinanceView View(FinanceYear f, decimal acceptedOrders)
    {
        var a = Assess(f);
        return new FinanceView(f.UnitId, f.Year,
            new RevenueView(f.OrderedServices, f.ScienceTasks, f.ServiceFees, f.BusinessSurplus, f.RetainedFees, f.OtherRevenue),
            f.RecurrentExpenditure, f.InvestmentSelfFinancing, f.Depreciation, f.DirectBudgetSpending,
            a.LevelShown, a.Group, a.Band, a.Reason, a.Thresholds.Source, a.Retrospective ? AutonomyRules.RetrospectiveNote(f.Year) : null,
            acceptedOrders, f.OrderedServicesByHand);
    }

    public async Task<IReadOnlyList<AutonomyPlanView>?> ListPlansAsync(int unitId, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return null;
        }

        return await db.AutonomyPlans.AsNoTracking().Where(p => p.UnitId == unitId).OrderByDescending(p => p.PeriodStart).ThenByDescending(p => p.Id)
            .Select(p => PlanView(p)).ToListAsync(ct);
    }

    private static AutonomyPlanView PlanView(AutonomyPlan p) => new(
        p.Id, p.UnitId, p.PeriodStart, p.PeriodEnd, p.ProposedGroup, p.SubmittedOn, p.Status.ToString().ToLowerInvariant(),
        p.ApprovedGroup, p.DecisionNumber, p.DecisionDate, p.DecisionIssuer, p.Notes);

    public async Task<WriteResult<AutonomyPlanView>> AddPlanAsync(int unitId, AutonomyPlanInput input, CancellationToken ct = default)
    {
        var established = await db.Units.Where(u => u.Id == unitId).Select(u => (DateOnly?)u.EstablishedOn).FirstOrDefaultAsync(ct);
        if (established is not { } founded)
        {
            return WriteResult.Missing<AutonomyPlanView>();
        }

        var errors = new List<RuleViolation>();
        if (input.PeriodStart is not { } start || input.PeriodEnd is not { } end || !AutonomyRules.IsStablePeriod(start, end, founded.Year))
        {
            errors.Add(new("periodStart", "Thời kỳ ổn định là 5 năm theo kế hoạch phát triển kinh tế - xã hội: 2021-2025, 2026-2030, … (Nghị định 60/2021/NĐ-CP, Điều 35); "
                + $"đơn vị thành lập hoặc hợp nhất, sáp nhập giữa thời kỳ có thể lập phương án cho thời kỳ đầu từ năm {founded.Year} đến hết thời kỳ ổn định đó ({founded.Year}-{AutonomyRules.StablePeriodEnd(founded.Year)})."));
        }

        if (input.ProposedGroup is not (>= 1 and <= 4))
        {
            errors.Add(new("proposedGroup", "Nhóm đề xuất phải là 1, 2, 3 hoặc 4."));
        }

        if (input.SubmittedOn is null)
        {
            errors.Add(new("submittedOn", "Vui lòng nhập ngày trình phương án."));
        }

        var status = input.Status?.Trim().ToLowerInvariant() switch
        {
            null or "" or "submitted" => AutonomyPlanStatus.Submitted,
            "approved" => AutonomyPlanStatus.Approved,
            "rejected" => AutonomyPlanStatus.Rejected,
            _ => (AutonomyPlanStatus?)null,
        };
        if (status is null)
        {
            errors.Add(new("status", "Trạng thái phải là đã trình, đã phê duyệt hoặc không phê duyệt."));
        }

        // The unit submits; the approving level records its decision.
        if (status is AutonomyPlanStatus.Approved or AutonomyPlanStatus.Rejected && !Permissions.MayDecideAutonomyPlan(db.Scope.Role))
        {
            errors.Add(new("status", "Đơn vị chỉ trình phương án; phê duyệt hoặc không phê duyệt do cấp có thẩm quyền (cơ quan quản lý, Sở Nội vụ) ghi theo quyết định."));
        }

        TextChecks.Check(errors,
            ("decision.number", "Số quyết định", input.DecisionNumber, false), ("decision.issuer", "Cơ quan ban hành quyết định", input.DecisionIssuer, false),
            ("notes", "Ghi chú", input.Notes, true));
        TextChecks.Lengths(errors,
            ("decision.number", "Số quyết định", input.DecisionNumber, 64), ("decision.issuer", "Cơ quan ban hành quyết định", input.DecisionIssuer, 250),
            ("notes", "Ghi chú", input.Notes, 2000));

        if (status is AutonomyPlanStatus.Approved or AutonomyPlanStatus.Rejected)
        {
            if (string.IsNullOrWhiteSpace(input.DecisionNumber) || input.DecisionDate is null || string.IsNullOrWhiteSpace(input.DecisionIssuer))
            {
                errors.Add(new("decision", "Phương án đã phê duyệt hoặc không phê duyệt cần số, ngày và cơ quan ban hành quyết định."));
            }
            else if (input.DecisionDate < input.SubmittedOn)
            {
                errors.Add(new("decision.date", "Ngày quyết định phải sau ngày trình."));
            }
        }

        if (status == AutonomyPlanStatus.Approved && input.ApprovedGroup is not (>= 1 and <= 4))
        {
            errors.Add(new("approvedGroup", "Vui lòng nhập nhóm được phê duyệt (1-4)."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var plan = new AutonomyPlan
        {
            UnitId = unitId, PeriodStart = input.PeriodStart!.Value, PeriodEnd = input.PeriodEnd!.Value, ProposedGroup = input.ProposedGroup!.Value,
            SubmittedOn = input.SubmittedOn!.Value, Status = status!.Value,
            ApprovedGroup = status == AutonomyPlanStatus.Approved ? input.ApprovedGroup : null,
            DecisionNumber = input.DecisionNumber?.Trim(), DecisionDate = input.DecisionDate, DecisionIssuer = input.DecisionIssuer?.Trim(),
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(), UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.AutonomyPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        // Recorded as decided; a decision dated in the future is most often a slip of the keyboard, and is said so.
        return new(PlanView(plan), [], DecisionRules.DateWarnings("decision.date", plan.DecisionDate, null, VietnamTime.Today(time)));
    }

    /// <summary>The group approved for the stable period that covers a year, if any.</summary>
    public Task<int?> ApprovedGroupAsync(int unitId, int year, CancellationToken ct = default) =>
        db.AutonomyPlans.AsNoTracking()
            .Where(p => p.UnitId == unitId && p.Status == AutonomyPlanStatus.Approved && p.PeriodStart <= year && p.PeriodEnd >= year)
            .OrderByDescending(p => p.DecisionDate).Select(p => p.ApprovedGroup).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Sets an agency's budget-paid positions for a year. Allocations flow down: the agencies under one parent may not
    /// together exceed what the parent was allocated, unless the request says the over-allocation is intended.
    /// </summary>
    public async Task<WriteResult<StaffingRow>> SetAllocationAsync(int agencyId, int year, int? positions, string? decision, bool overAllocation, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null || !(db.Scope.Unrestricted || (db.Scope.AgencyPath is { } p && agency.LineagePath.StartsWith(p, StringComparison.Ordinal))
                || (db.Scope.AreaPath is not null && agency.AreaId is { } areaId
                    && await db.Areas.AnyAsync(a => a.Id == areaId && a.LineagePath.StartsWith(db.Scope.AreaPath), ct))))
        {
            return WriteResult.Missing<StaffingRow>();
        }

        // The level above allocates: the caller's scope must reach the agency's parent, not only the agency.
        var place = await PlaceAsync(agency.Id, ct);
        var parentPlace = agency.ParentId is { } parentOf ? await PlaceAsync(parentOf, ct) : null;
        if (!Permissions.MayAllocate(db.Scope, place!, parentPlace))
        {
            return new(null, [], [], Forbidden: "Biên chế của một cơ quan do cấp trên trực tiếp giao; tài khoản không giao biên chế cho chính cơ quan được giao phạm vi hoặc cơ quan ngoài phạm vi cấp trên của mình.");
        }

        var errors = InputLimits.InRange([("budgetPositions", "Số người được giao hưởng lương từ ngân sách nhà nước", positions)], InputLimits.MaxAllocation, "").ToList();
        TextChecks.Lengths(errors, ("decisionNumber", "Số quyết định giao biên chế", decision, 64));
        if (year is < 2000 or > 2100)
        {
            errors.Add(new("year", "Năm không hợp lệ."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var warnings = new List<RuleViolation>();
        if (agency.ParentId is { } parentId)
        {
            var parent = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == parentId, ct);
            var parentAllocation = await db.StaffingAllocations.Where(a => a.AgencyId == parentId && a.Year == year).Select(a => (int?)a.BudgetPositions).FirstOrDefaultAsync(ct);
            var siblings = await db.StaffingAllocations.Where(a => a.Year == year && a.AgencyId != agencyId && a.Agency!.ParentId == parentId).SumAsync(a => (long)a.BudgetPositions, ct);
            if (StaffingRules.Allocation(parentAllocation, siblings, positions!.Value, "budgetPositions", parent.Name) is { } over)
            {
                if (!overAllocation)
                {
                    return new(null, [over with { Message = over.Message + OverAllocationApiHint }], []);
                }

                warnings.Add(over);
            }
        }

        var row = await db.StaffingAllocations.FirstOrDefaultAsync(a => a.AgencyId == agencyId && a.Year == year, ct);
        if (row is null)
        {
            row = new StaffingAllocation { AgencyId = agencyId, Year = year };
            db.StaffingAllocations.Add(row);
        }

        row.BudgetPositions = positions!.Value;
        row.DecisionNumber = string.IsNullOrWhiteSpace(decision) ? null : decision.Trim();
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (!await SavedFirstAsync(ct))
        {
            return await SetAllocationAsync(agencyId, year, positions, decision, overAllocation, ct);
        }

        var used = await UnitsOfAgencyInYear(agencyId, year).SumAsync(s => (long)s.BudgetPositions, ct);
        if (used > row.BudgetPositions)
        {
            warnings.Add(new("budgetPositions", $"Các đơn vị của {agency.Name} đang có {used:N0} người hưởng lương ngân sách, vượt số được giao ({row.BudgetPositions:N0})."));
        }

        return new(new StaffingRow(agencyId, agency.Name, row.BudgetPositions, 0, used, 0, 0, 0), [], warnings);
    }

    /// <summary>The staffing of a year by managing agency (as of the year's end), with the allocations and totals.</summary>
    public async Task<StaffingTable> StaffingTableAsync(int year, CountScope scope, CancellationToken ct = default)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var versions = await HistoryQueries.ScopedAsync(db, db.UnitVersions.AsNoTracking().Where(UnitQueries.DescribesOn(yearEnd)), scope, ct);
        var rows = await versions
            .Join(db.StaffingYears.AsNoTracking().Where(s => s.Year == year), v => v.UnitId, s => s.UnitId, (v, s) => new { v.ManagingAgencyId, s })
            .GroupBy(x => x.ManagingAgencyId)
            .Select(g => new
            {
                AgencyId = g.Key,
                Units = g.Count(),
                // In 64 bits: the sum of stored counts must not overflow, whatever a row holds.
                Budget = g.Sum(x => (long)x.s.BudgetPositions),
                Revenue = g.Sum(x => (long)x.s.RevenuePositions),
                Actual = g.Sum(x => (long)x.s.ActualStaff),
                Contract = g.Sum(x => (long)x.s.BudgetContractWorkers),
            })
            .ToListAsync(ct);
        var agencyIds = rows.Select(r => r.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var allocations = await db.StaffingAllocations.AsNoTracking().Where(a => a.Year == year && agencyIds.Contains(a.AgencyId))
            .ToDictionaryAsync(a => a.AgencyId, a => a.BudgetPositions, ct);
        var byAgency = rows.Select(r => new StaffingRow(r.AgencyId, names[r.AgencyId], allocations.TryGetValue(r.AgencyId, out var a) ? a : null,
                r.Units, r.Budget, r.Revenue, r.Actual, r.Contract))
            .OrderBy(r => Text.VietnameseText.SortKey(r.AgencyName), StringComparer.Ordinal).ToList();
        int? allocated = null;
        // Another agency's allocation is not read through its id: only within the caller's scope.
        if (scope.AgencyId is { } agencyId && await PlaceAsync(agencyId, ct) is { } asked && Permissions.Contains(db.Scope, asked))
        {
            allocated = await db.StaffingAllocations.Where(x => x.AgencyId == agencyId && x.Year == year).Select(x => (int?)x.BudgetPositions).FirstOrDefaultAsync(ct);
        }

        // The total budget-paid staff is the engine's staff.budget, the figure the dashboard and the targets read.
        var budget = await engine.ComputeAsync(new IndicatorQuery(
            "staff.budget", yearEnd, Baseline.OfYear(year), new IndicatorScope(scope.AreaCode, null, scope.AgencyId)), ct);
        return new StaffingTable(year, byAgency.Sum(r => r.Units), allocated, (long)(budget.Value ?? 0), byAgency.Sum(r => r.RevenuePositions),
            byAgency.Sum(r => r.ActualStaff), byAgency.Sum(r => r.BudgetContractWorkers), byAgency);
    }

    /// <summary>
    /// Units active at the end of a year (today, for the current year) in a scope (with lineage), by autonomy group as the
    /// indicator engine reads it: the approved plan in force that year, else the group computed from the year's finance; a
    /// unit with neither counts as unknown. The units and the shares of groups 1-2 and 1-3 (the indicators of Resolution
    /// 19) are the engine's own.
    /// </summary>
    public async Task<AutonomyCounts> AutonomyCountsAsync(int year, CountScope scope, CancellationToken ct = default) =>
        (await AutonomySeriesAsync(year, year, scope, ct))[0];

    /// <summary>The autonomy counts of each year from first to last, with the engine's series read once.</summary>
    public async Task<IReadOnlyList<AutonomyCounts>> AutonomySeriesAsync(int first, int last, CountScope scope, CancellationToken ct = default) =>
        await AutonomyFromAsync(await SeriesAsync(AutonomyCodes, first, last, scope, ct), scope, ct);

    /// <summary>
    /// Budget-paid staff of each year from first to last (the engine's staff.budget, with the agency's allocation when the
    /// scope is an agency the caller may see) and the autonomy counts, from one read of the engine's series for the four
    /// indicators they show.
    /// </summary>
    public async Task<(IReadOnlyList<(int Year, long BudgetPositions, int? Allocated)> Staffing, IReadOnlyList<AutonomyCounts> Autonomy)> YearlySeriesAsync(
        int first, int last, CountScope scope, CancellationToken ct = default)
    {
        var series = await SeriesAsync([IndicatorCatalog.StaffBudget, .. AutonomyCodes], first, last, scope, ct);
        return (await StaffingFromAsync(series, first, last, scope, ct), await AutonomyFromAsync(series, scope, ct));
    }

    private static readonly string[] AutonomyCodes = [IndicatorCatalog.UnitsCount, IndicatorCatalog.SelfFinancingShare, IndicatorCatalog.AnyAutonomyShare];

    private Task<IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>>> SeriesAsync(
        IReadOnlyList<string> codes, int first, int last, CountScope scope, CancellationToken ct) =>
        engine.SeriesAsync(codes, first, last, new IndicatorScope(scope.AreaCode, null, scope.AgencyId), ct);

    private async Task<IReadOnlyList<AutonomyCounts>> AutonomyFromAsync(
        IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> series, CountScope scope, CancellationToken ct)
    {
        var units = series[IndicatorCatalog.UnitsCount];
        var selfFinancing = series[IndicatorCatalog.SelfFinancingShare];
        var any = series[IndicatorCatalog.AnyAutonomyShare];
        var today = VietnamTime.Today(time);
        var counts = new List<AutonomyCounts>();
        for (var i = 0; i < units.Count; i++)
        {
            var year = units[i].Year;
            // The engine's date for a year: its last day, or today for the current one.
            var date = year == today.Year ? today : new DateOnly(year, 12, 31);
            var versions = await HistoryQueries.ScopedAsync(db, db.UnitVersions.AsNoTracking().Where(UnitQueries.InForceOn(date)), scope, ct);
            var groups = await AutonomyGroups.Of(db, versions, year).GroupBy(x => x.Group).Select(g => new { Group = g.Key, Count = g.Count() }).ToListAsync(ct);
            int Count(int? group) => groups.Where(g => g.Group == group).Sum(g => g.Count);
            counts.Add(new AutonomyCounts(year, (int)(units[i].Value ?? 0), Count(1), Count(2), Count(3), Count(4), Count(null),
                Rounded(selfFinancing[i].Value), Rounded(any[i].Value)));
        }

        return counts;
    }

    private async Task<IReadOnlyList<(int Year, long BudgetPositions, int? Allocated)>> StaffingFromAsync(
        IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> series, int first, int last, CountScope scope, CancellationToken ct)
    {
        var allocations = new Dictionary<int, int>();
        if (scope.AgencyId is { } agencyId && await PlaceAsync(agencyId, ct) is { } asked && Permissions.Contains(db.Scope, asked))
        {
            allocations = await db.StaffingAllocations.AsNoTracking().Where(x => x.AgencyId == agencyId && x.Year >= first && x.Year <= last)
                .ToDictionaryAsync(x => x.Year, x => x.BudgetPositions, ct);
        }

        return series[IndicatorCatalog.StaffBudget]
            .Select(b => (b.Year, (long)(b.Value ?? 0), allocations.TryGetValue(b.Year, out var a) ? a : (int?)null)).ToList();
    }

    // Two decimals, as these answers have always given them; the engine keeps the exact ratio.
    private static decimal? Rounded(decimal? share) => share is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    private Task<AgencyPlace?> PlaceAsync(int agencyId, CancellationToken ct) =>
        db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new AgencyPlace(a.LineagePath, a.Area != null ? a.Area.LineagePath : null)).FirstOrDefaultAsync(ct);

    private async Task<Agency?> AgencyInYearAsync(int unitId, int year, CancellationToken ct)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var id = await db.UnitVersions.AsNoTracking().Where(v => v.UnitId == unitId).Where(UnitQueries.DescribesOn(yearEnd))
            .Select(v => (int?)v.ManagingAgencyId).FirstOrDefaultAsync(ct);
        return id is null ? null : await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    // Staffing rows of the units an agency managed at the end of a year, whoever can see them: the allocation is the agency's.
    private IQueryable<StaffingYear> UnitsOfAgencyInYear(int agencyId, int year)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var unitIds = db.UnitVersions.IgnoreQueryFilters().Where(UnitQueries.DescribesOn(yearEnd)).Where(v => v.ManagingAgencyId == agencyId && !v.Unit!.Voided).Select(v => v.UnitId);
        return db.StaffingYears.IgnoreQueryFilters().Where(s => s.Year == year && unitIds.Contains(s.UnitId));
    }
}
