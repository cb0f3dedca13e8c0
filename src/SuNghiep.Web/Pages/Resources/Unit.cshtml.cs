using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Resources;

/// <summary>A unit's staffing, finance and autonomy plans by year, with the forms that write them through ResourceService.</summary>
public sealed class UnitModel(
    SuNghiepDbContext db, ResourceService resources, JobPositionService jobPositions, IAuthorizationService authorization, TimeProvider time,
    Core.Services.OrderService orders) : PageModel
{
    /// <summary>The staffing form as typed: numbers stay strings so that a bad one gets a Vietnamese message on its field.</summary>
    public sealed record StaffingForm
    {
        public string? BudgetPositions { get; init; }
        public string? RevenuePositions { get; init; }
        public string? ActualStaff { get; init; }
        public string? BudgetContractWorkers { get; init; }
        public string? Notes { get; init; }
        public bool OverAllocation { get; init; }

        public static StaffingForm From(StaffingView s) => new()
        {
            BudgetPositions = ResourceDisplay.Count(s.BudgetPositions), RevenuePositions = ResourceDisplay.Count(s.RevenuePositions),
            ActualStaff = ResourceDisplay.Count(s.ActualStaff), BudgetContractWorkers = ResourceDisplay.Count(s.BudgetContractWorkers),
            Notes = s.Notes,
        };
    }

    public sealed record FinanceForm
    {
        public string? OrderedServices { get; init; }
        public string? ScienceTasks { get; init; }
        public string? ServiceFees { get; init; }
        public string? BusinessSurplus { get; init; }
        public string? RetainedFees { get; init; }
        public string? Other { get; init; }
        public string? RecurrentExpenditure { get; init; }
        public string? InvestmentSelfFinancing { get; init; }
        public string? Depreciation { get; init; }
        public string? DirectBudgetSpending { get; init; }
        /// <summary>Take the revenue from orders from the year's accepted orders, clearing a figure typed by hand.</summary>
        public bool FromOrders { get; init; }

        public static FinanceForm From(FinanceView f) => new()
        {
            OrderedServices = ResourceDisplay.AmountInput(f.Revenue.OrderedServices), ScienceTasks = ResourceDisplay.AmountInput(f.Revenue.ScienceTasks),
            ServiceFees = ResourceDisplay.AmountInput(f.Revenue.ServiceFees), BusinessSurplus = ResourceDisplay.AmountInput(f.Revenue.BusinessSurplus),
            RetainedFees = ResourceDisplay.AmountInput(f.Revenue.RetainedFees), Other = ResourceDisplay.AmountInput(f.Revenue.Other),
            RecurrentExpenditure = ResourceDisplay.AmountInput(f.RecurrentExpenditure),
            InvestmentSelfFinancing = ResourceDisplay.AmountInput(f.InvestmentSelfFinancing),
            Depreciation = ResourceDisplay.AmountInput(f.Depreciation), DirectBudgetSpending = ResourceDisplay.AmountInput(f.DirectBudgetSpending),
        };
    }

    public sealed record PlanForm
    {
        public string? Period { get; init; }
        public string? ProposedGroup { get; init; }
        public string? SubmittedOn { get; init; }
        public string? Status { get; init; } = "submitted";
        public string? ApprovedGroup { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public string? Notes { get; init; }
    }

    /// <summary>A year's computed group next to the group approved for the stable period that covers it.</summary>
    public sealed record YearGroup(int Year, int? Computed, string? Band, string? Reason, int? Approved)
    {
        /// <summary>Why the computed and approved groups differ, or null when they agree or one is missing.</summary>
        public string? Difference => AutonomyRules.GroupDifference(Year, Computed, Approved);
    }

    // The service's fields (as the API names them) and the form fields where their errors show.
    private static readonly Dictionary<string, string> StaffingKeys = new()
    {
        ["year"] = "Staffing.Year", ["budgetPositions"] = "Staffing.BudgetPositions", ["revenuePositions"] = "Staffing.RevenuePositions",
        ["actualStaff"] = "Staffing.ActualStaff", ["budgetContractWorkers"] = "Staffing.BudgetContractWorkers",
        ["notes"] = "Staffing.Notes",
    };

    private static readonly Dictionary<string, string> FinanceKeys = new()
    {
        ["year"] = "Finance.Year", ["revenue.orderedServices"] = "Finance.OrderedServices", ["revenue.scienceTasks"] = "Finance.ScienceTasks",
        ["revenue.serviceFees"] = "Finance.ServiceFees", ["revenue.businessSurplus"] = "Finance.BusinessSurplus",
        ["revenue.retainedFees"] = "Finance.RetainedFees", ["revenue.other"] = "Finance.Other",
        ["recurrentExpenditure"] = "Finance.RecurrentExpenditure", ["investmentSelfFinancing"] = "Finance.InvestmentSelfFinancing",
        ["depreciation"] = "Finance.Depreciation", ["directBudgetSpending"] = "Finance.DirectBudgetSpending",
    };

    private static readonly Dictionary<string, string> PlanKeys = new()
    {
        ["periodStart"] = "Plan.Period", ["proposedGroup"] = "Plan.ProposedGroup", ["submittedOn"] = "Plan.SubmittedOn",
        ["status"] = "Plan.Status", ["approvedGroup"] = "Plan.ApprovedGroup", ["decision"] = "Plan.DecisionNumber",
        ["decision.date"] = "Plan.DecisionDate", ["notes"] = "Plan.Notes",
    };

    public UnitView Unit { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    /// <summary>The years of the unit's life that data may be entered for, latest first.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int? SelectedYear { get; private set; }
    public IReadOnlyList<StaffingView> StaffingRows { get; private set; } = [];
    public IReadOnlyList<FinanceView> FinanceRows { get; private set; } = [];
    public IReadOnlyList<AutonomyPlanView> Plans { get; private set; } = [];
    /// <summary>The unit's approved lists of job positions, latest first; they replace the yearly counts of the years they cover.</summary>
    public IReadOnlyList<JobPositionListView> JobPositionLists { get; private set; } = [];
    public JobPositionListView? JobPositionsToday => JobPositionService.InForce(JobPositionLists, Today);
    public IReadOnlyList<YearGroup> YearGroups { get; private set; } = [];
    /// <summary>Years where a unit of group 1 or 2 still has budget-paid staff.</summary>
    public IReadOnlyList<string> StaffWarnings { get; private set; } = [];
    public StaffingForm Staffing { get; private set; } = new();
    public FinanceForm Finance { get; private set; } = new();
    public PlanForm Plan { get; private set; } = new();
    /// <summary>The selected year's finance with its level and group, shown beside the form.</summary>
    public FinanceView? SelectedFinance { get; private set; }
    /// <summary>The selected year's orders to the unit with something accepted: the source of its revenue from orders.</summary>
    public IReadOnlyList<Core.Services.OrderRow> AcceptedOrders { get; private set; } = [];
    /// <summary>The tab a form was posted from: shown first after saving or on errors.</summary>
    public string ActiveTab { get; private set; } = "staffing";
    public string? Saved { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public bool CanEdit => Roles.UnitEditors.Any(User.IsInRole);

    /// <summary>Whether the caller records the approving level's decision on a plan, or only submits it (the unit itself).</summary>
    public bool CanDecidePlans => Core.Rules.Permissions.MayDecideAutonomyPlan(db.Scope.Role);
    public string Address => $"/units/{Unit.Id}/resources";

    public async Task<IActionResult> OnGetAsync(int id, string? year, string? tab, CancellationToken ct)
    {
        if (!await LoadAsync(id, year, ct))
        {
            return NotFound();
        }

        ActiveTab = tab is "finance" or "autonomy" ? tab : "staffing";
        if (TempData["ResourceSaved"] is string saved)
        {
            var parts = saved.Split('|');
            ActiveTab = parts[0];
            Saved = parts.Length > 1 ? parts[1] : null;
            Warnings = parts.Skip(2).ToList();
        }

        if (SelectedYear is { } y)
        {
            Staffing = StaffingRows.FirstOrDefault(s => s.Year == y) is { } s ? StaffingForm.From(s) : new();
            Finance = SelectedFinance is { } f ? FinanceForm.From(f) : new();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostStaffingAsync(int id, string? year, [Bind(Prefix = "Staffing")] StaffingForm form, CancellationToken ct)
    {
        if (await DeniedAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var errors = new List<RuleViolation>();
        int? Count(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Figures.TryParseCount(text, out var n))
            {
                return n;
            }

            // The summary lists the messages apart from their fields: each names its field.
            errors.Add(new(field, $"{ResourceService.StaffingLabels[field]}: vui lòng nhập số nguyên, ví dụ 25."));
            return null;
        }

        var budget = Count(form.BudgetPositions, "budgetPositions");
        var revenue = Count(form.RevenuePositions, "revenuePositions");
        var actual = Count(form.ActualStaff, "actualStaff");
        var contract = Count(form.BudgetContractWorkers, "budgetContractWorkers");
        var y = Year(year, errors);
        if (y is not null)
        {
            // Job positions are recorded as approved lists on their own page now; a year keeps the counts it was given before.
            var kept = (await resources.GetStaffingAsync(id, y.Value, ct))?.JobPositions ?? new JobPositions(0, 0, 0, 0);
            var input = new StaffingInput(budget, revenue, actual, contract, kept.Leadership, kept.Professional, kept.SharedProfessional, kept.Support,
                form.Notes, form.OverAllocation);
            // A value that could not be read goes as missing: the service refuses the year and reports the other fields too.
            var result = await resources.PutStaffingAsync(id, y.Value, input, ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Value is { } saved)
            {
                return Done(id, "staffing", $"Đã lưu số lượng người làm việc năm {saved.Year}.", saved.Year, result.Warnings);
            }

            errors = Merge(errors, result.Errors.Select(e => e.Field == "budgetPositions" && e.Message.EndsWith(ResourceService.OverAllocationApiHint, StringComparison.Ordinal)
                ? e with { Message = e.Message[..^ResourceService.OverAllocationApiHint.Length] + " Nếu việc giao vượt đã có quyết định, đánh dấu ô \"Giao vượt chỉ tiêu (đã có quyết định)\" rồi lưu lại." }
                : e));
        }

        return await InvalidAsync(id, year, "staffing", errors, StaffingKeys, ct, staffing: form);
    }

    public async Task<IActionResult> OnPostFinanceAsync(int id, string? year, [Bind(Prefix = "Finance")] FinanceForm form, CancellationToken ct)
    {
        if (await DeniedAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var errors = new List<RuleViolation>();
        decimal? Amount(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Figures.TryParseAmount(text, out var n))
            {
                return n;
            }

            errors.Add(new(field, $"{ResourceService.FinanceLabels[field]}: vui lòng nhập số tiền bằng đồng, ví dụ 12.000.000.000."));
            return null;
        }

        var input = new FinanceInput(
            Amount(form.OrderedServices, "revenue.orderedServices"), Amount(form.ScienceTasks, "revenue.scienceTasks"),
            Amount(form.ServiceFees, "revenue.serviceFees"), Amount(form.BusinessSurplus, "revenue.businessSurplus"),
            Amount(form.RetainedFees, "revenue.retainedFees"), Amount(form.Other, "revenue.other"),
            Amount(form.RecurrentExpenditure, "recurrentExpenditure"), Amount(form.InvestmentSelfFinancing, "investmentSelfFinancing"),
            Amount(form.Depreciation, "depreciation"), Amount(form.DirectBudgetSpending, "directBudgetSpending"), form.FromOrders);
        var y = Year(year, errors);
        if (y is not null)
        {
            var result = await resources.PutFinanceAsync(id, y.Value, input, ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Value is { } saved)
            {
                return Done(id, "finance", $"Đã lưu số liệu tài chính năm {saved.Year}.", saved.Year, result.Warnings);
            }

            errors = Merge(errors, result.Errors);
        }

        return await InvalidAsync(id, year, "finance", errors, FinanceKeys, ct, finance: form);
    }

    public async Task<IActionResult> OnPostPlanAsync(int id, [Bind(Prefix = "Plan")] PlanForm form, CancellationToken ct)
    {
        if (await DeniedAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var errors = new List<RuleViolation>();
        int? Number(string? text, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            errors.Add(new(field, message));
            return null;
        }

        DateOnly? Date(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Display.TryParseDate(text, out var d))
            {
                return d;
            }

            errors.Add(new(field, Display.InvalidDate()));
            return null;
        }

        var start = Number(form.Period, "periodStart", "Vui lòng chọn thời kỳ ổn định.");
        var input = new AutonomyPlanInput(
            start, start is { } first ? AutonomyRules.StablePeriodEnd(first) : null, Number(form.ProposedGroup, "proposedGroup", "Nhóm đề xuất phải là 1, 2, 3 hoặc 4."),
            Date(form.SubmittedOn, "submittedOn"), form.Status,
            Number(form.ApprovedGroup, "approvedGroup", "Nhóm được phê duyệt phải là 1, 2, 3 hoặc 4."),
            form.DecisionNumber, Date(form.DecisionDate, "decision.date"), form.DecisionIssuer, form.Notes);
        // Unlike staffing and finance, a plan has optional fields: one that could not be read must not be saved as empty.
        if (errors.Count > 0)
        {
            return await InvalidAsync(id, null, "autonomy", errors, PlanKeys, ct, plan: form);
        }

        var result = await resources.AddPlanAsync(id, input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Value is { } plan)
        {
            return Done(id, "autonomy", $"Đã ghi nhận phương án tự chủ thời kỳ {plan.PeriodStart}-{plan.PeriodEnd}.", null, result.Warnings);
        }

        return await InvalidAsync(id, null, "autonomy", result.Errors, PlanKeys, ct, plan: form);
    }

    /// <summary>Out of scope is the same as unknown (404); in scope without the right to edit is 403.</summary>
    private async Task<IActionResult?> DeniedAsync(int id, CancellationToken ct)
    {
        if (await UnitQueries.GetAsync(db, id, Display.Today(time), ct) is null)
        {
            return NotFound();
        }

        return (await authorization.AuthorizeAsync(User, WebApp.UnitEditPolicy)).Succeeded ? null : Forbid();
    }

    private static int? Year(string? text, List<RuleViolation> errors)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) && y is >= 1945 and <= 2100)
        {
            return y;
        }

        errors.Add(new("year", "Vui lòng chọn năm."));
        return null;
    }

    // What could not be read is reported as such, not as the "please enter" the service says of a missing value.
    private static List<RuleViolation> Merge(List<RuleViolation> typeErrors, IEnumerable<RuleViolation> ruleErrors)
    {
        var fields = typeErrors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return [.. typeErrors, .. ruleErrors.Where(e => !fields.Contains(e.Field))];
    }

    // After a save the page is read again (post/redirect/get); the message and warnings ride along once in TempData.
    private RedirectResult Done(int id, string tab, string message, int? year, IEnumerable<RuleViolation> warnings)
    {
        TempData["ResourceSaved"] = string.Join('|', new[] { tab, message }.Concat(warnings.Select(w => w.Message.Replace('|', '/'))));
        var query = year is { } y ? $"?year={y}" : "";
        return Redirect($"/units/{id}/resources{query}#{tab}");
    }

    private async Task<IActionResult> InvalidAsync(
        int id, string? year, string tab, IReadOnlyList<RuleViolation> errors, Dictionary<string, string> keys, CancellationToken ct,
        StaffingForm? staffing = null, FinanceForm? finance = null, PlanForm? plan = null)
    {
        if (!await LoadAsync(id, year, ct))
        {
            return NotFound();
        }

        FormErrors.Add(ModelState, errors, keys);
        ActiveTab = tab;
        Staffing = staffing ?? (StaffingRows.FirstOrDefault(s => s.Year == SelectedYear) is { } s ? StaffingForm.From(s) : new());
        Finance = finance ?? (SelectedFinance is { } f ? FinanceForm.From(f) : new());
        Plan = plan ?? new();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, string? year, CancellationToken ct)
    {
        Today = Display.Today(time);
        if (await UnitQueries.GetAsync(db, id, Today, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        var current = Today.Year;
        Years = Enumerable.Range(unit.EstablishedOn.Year, Math.Max(0, current - unit.EstablishedOn.Year + 1))
            .Where(y => StaffingRules.YearInLife(y, unit.EstablishedOn, unit.EndedOn, current) is null)
            .OrderDescending().ToList();
        SelectedYear = int.TryParse(year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen) && Years.Contains(chosen) ? chosen
            : Years.Count > 0 ? Years[0] : null;

        StaffingRows = await resources.ListStaffingAsync(id, ct);
        FinanceRows = await resources.ListFinanceAsync(id, ct);
        Plans = await resources.ListPlansAsync(id, ct) ?? [];
        JobPositionLists = await jobPositions.HistoryAsync(id, ct) ?? [];
        SelectedFinance = FinanceRows.FirstOrDefault(f => f.Year == SelectedYear);
        AcceptedOrders = SelectedYear is { } orderYear
            ? (await orders.ListAsync(new Core.Services.OrderFilter(orderYear, null, null, id, null, null, null, null, 1, 100), ct)).Items
                .Where(o => o.QuantityAccepted > 0).ToList()
            : [];

        // Every year with figures or under a plan, within the unit's life, with the group approved for its period.
        var years = FinanceRows.Select(f => f.Year)
            .Concat(Plans.SelectMany(p => Enumerable.Range(p.PeriodStart, p.PeriodEnd - p.PeriodStart + 1)).Where(Years.Contains))
            .Distinct().OrderDescending().ToList();
        var groups = new List<YearGroup>();
        foreach (var y in years)
        {
            var f = FinanceRows.FirstOrDefault(r => r.Year == y);
            groups.Add(new YearGroup(y, f?.AutonomyGroup, f?.Band, f?.Reason, await resources.ApprovedGroupAsync(id, y, ct)));
        }

        YearGroups = groups;

        // Group 1 and 2 units have no budget-paid staff: the group approved for the year, else the one computed from its figures.
        var warnings = new List<string>();
        foreach (var st in StaffingRows.OrderByDescending(r => r.Year))
        {
            var group = groups.FirstOrDefault(g => g.Year == st.Year) is { } yg ? yg.Approved ?? yg.Computed : null;
            if (AutonomyRules.BudgetStaffWarning(group, st.BudgetPositions, st.Year) is { } warning)
            {
                warnings.Add(warning);
            }
        }

        StaffWarnings = warnings;
        return true;
    }

    /// <summary>The approved list in force at a year's end (today, for the current year), which a year's row shows instead of its own counts.</summary>
    public JobPositionListView? JobPositionsOf(int year) =>
        JobPositionService.InForce(JobPositionLists, year >= Today.Year ? Today : new DateOnly(year, 12, 31));

    public object StaffingChart() => new
    {
        Labels = StaffingRows.Select(s => s.Year),
        Budget = StaffingRows.Select(s => s.BudgetPositions),
        Revenue = StaffingRows.Select(s => s.RevenuePositions),
    };

    public object FinanceChart() => new
    {
        Labels = FinanceRows.Select(f => f.Year),
        Revenue = FinanceRows.Select(f => f.Revenue.Total),
        Recurrent = FinanceRows.Select(f => f.RecurrentExpenditure),
        Level = FinanceRows.Select(f => f.SelfFinancingLevel is { } l ? AutonomyRules.Truncate(l) : (decimal?)null),
    };
}
