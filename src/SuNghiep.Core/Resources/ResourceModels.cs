using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Resources;

public sealed record JobPositions(int Leadership, int Professional, int SharedProfessional, int Support)
{
    public int Total => Leadership + Professional + SharedProfessional + Support;
}

/// <summary>A unit's staffing for a year as the API and pages read and write it.</summary>
public sealed record StaffingView(
    int UnitId, int Year, int BudgetPositions, int RevenuePositions, int ActualStaff, int BudgetContractWorkers,
    JobPositions JobPositions, string? Notes);

public sealed record StaffingInput(
    int? BudgetPositions, int? RevenuePositions, int? ActualStaff, int? BudgetContractWorkers,
    int? Leadership, int? Professional, int? SharedProfessional, int? Support, string? Notes, bool OverAllocation);

public sealed record RevenueView(
    decimal OrderedServices, decimal ScienceTasks, decimal ServiceFees, decimal BusinessSurplus, decimal RetainedFees, decimal Other)
{
    public decimal Total => OrderedServices + ScienceTasks + ServiceFees + BusinessSurplus + RetainedFees + Other;
}

/// <summary>A unit's finance for a year with the level and group computed by the decree's formula.</summary>
public sealed record FinanceView(
    int UnitId, int Year, RevenueView Revenue, decimal RecurrentExpenditure, decimal InvestmentSelfFinancing,
    decimal Depreciation, decimal DirectBudgetSpending, decimal? SelfFinancingLevel, int? AutonomyGroup, string? Band,
    string? Reason, string Source);

public sealed record FinanceInput(
    decimal? OrderedServices, decimal? ScienceTasks, decimal? ServiceFees, decimal? BusinessSurplus, decimal? RetainedFees,
    decimal? Other, decimal? RecurrentExpenditure, decimal? InvestmentSelfFinancing, decimal? Depreciation,
    decimal? DirectBudgetSpending);

public sealed record AutonomyPlanView(
    int Id, int UnitId, int PeriodStart, int PeriodEnd, int ProposedGroup, DateOnly SubmittedOn, string Status,
    int? ApprovedGroup, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer, string? Notes);

public sealed record AutonomyPlanInput(
    int? PeriodStart, int? PeriodEnd, int? ProposedGroup, DateOnly? SubmittedOn, string? Status, int? ApprovedGroup,
    string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer, string? Notes);

public sealed record WriteResult<T>(T? Value, IReadOnlyList<RuleViolation> Errors, IReadOnlyList<RuleViolation> Warnings, bool NotFound = false)
    where T : class;

public static class WriteResult
{
    public static WriteResult<T> Missing<T>() where T : class => new(null, [], [], NotFound: true);
}

public sealed record StaffingRow(
    int AgencyId, string AgencyName, int? Allocated, int Units, int BudgetPositions, int RevenuePositions, int ActualStaff,
    int BudgetContractWorkers);

public sealed record StaffingTable(
    int Year, int Units, int? Allocated, int BudgetPositions, int RevenuePositions, int ActualStaff, int BudgetContractWorkers,
    IReadOnlyList<StaffingRow> ByAgency);
