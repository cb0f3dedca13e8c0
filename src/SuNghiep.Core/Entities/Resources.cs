namespace SuNghiep.Core.Entities;

/// <summary>A unit's staffing for a year (Decree 106/2020; Decree 111/2022 for contract workers paid from the budget).</summary>
public sealed class StaffingYear
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }
    /// <summary>Positions allocated and paid from the state budget (số lượng người làm việc hưởng lương từ NSNN).</summary>
    public int BudgetPositions { get; set; }
    /// <summary>Positions allocated and paid from the unit's own revenue.</summary>
    public int RevenuePositions { get; set; }
    /// <summary>People actually working at the end of the year.</summary>
    public int ActualStaff { get; set; }
    /// <summary>Contract workers paid from the state budget (Decree 111/2022).</summary>
    public int BudgetContractWorkers { get; set; }
    /// <summary>Approved job positions by category (Decree 106/2020, Art. 4).</summary>
    public int PositionsLeadership { get; set; }
    public int PositionsProfessional { get; set; }
    public int PositionsSharedProfessional { get; set; }
    public int PositionsSupport { get; set; }
    public string? Notes { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Budget-paid positions allocated to an agency for a year: the province's total from the centre, then each agency's.</summary>
public sealed class StaffingAllocation
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int Year { get; set; }
    public int BudgetPositions { get; set; }
    public string? DecisionNumber { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A unit's revenue and spending for a year, in VND, as Decree 60/2021 (Art. 10) counts them.</summary>
public sealed class FinanceYear
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }
    public decimal OrderedServices { get; set; }
    /// <summary>
    /// Whether an officer typed <see cref="OrderedServices"/>; otherwise it follows the year's accepted orders to the unit.
    /// A typed figure stays, and the difference from the accepted orders is shown.
    /// </summary>
    public bool OrderedServicesByHand { get; set; }
    public decimal ScienceTasks { get; set; }
    public decimal ServiceFees { get; set; }
    public decimal BusinessSurplus { get; set; }
    public decimal RetainedFees { get; set; }
    public decimal OtherRevenue { get; set; }
    public decimal RecurrentExpenditure { get; set; }
    public decimal InvestmentSelfFinancing { get; set; }
    public decimal Depreciation { get; set; }
    public decimal DirectBudgetSpending { get; set; }
    /// <summary>The level and group computed from the figures when they were saved, kept for totals and shares.</summary>
    public decimal? SelfFinancingLevel { get; set; }
    public int? ComputedGroup { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum AutonomyPlanStatus
{
    Submitted = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>A unit's autonomy plan (phương án tự chủ tài chính) for a stable period (Decree 60/2021, Art. 35).</summary>
public sealed class AutonomyPlan
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int PeriodStart { get; set; }
    public int PeriodEnd { get; set; }
    public int ProposedGroup { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public AutonomyPlanStatus Status { get; set; }
    public int? ApprovedGroup { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? DecisionIssuer { get; set; }
    public string? Notes { get; set; }
    public DateTime UpdatedAt { get; set; }
}
