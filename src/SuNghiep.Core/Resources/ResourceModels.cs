using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Resources;

public sealed record JobPositions(int Leadership, int Professional, int SharedProfessional, int Support)
{
    public long Total => (long)Leadership + Professional + SharedProfessional + Support;
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
    public decimal Total => AutonomyRules.SaturatingSum(OrderedServices, ScienceTasks, ServiceFees, BusinessSurplus, RetainedFees, Other);
}

/// <summary>
/// A unit's finance for a year with the level (cut to two decimals) and group computed by the decree's formula; a year
/// before Decree 60/2021 carries the note that its group is assessed on that decree's thresholds only for comparison.
/// </summary>
public sealed record FinanceView(
    int UnitId, int Year, RevenueView Revenue, decimal RecurrentExpenditure, decimal InvestmentSelfFinancing,
    decimal Depreciation, decimal DirectBudgetSpending, decimal? SelfFinancingLevel, int? AutonomyGroup, string? Band,
    string? Reason, string Source, string? ComparisonNote = null, decimal AcceptedOrdersValue = 0, bool OrderedServicesByHand = false)
{
    /// <summary>An officer typed the revenue from orders, and it is not what the year's accepted orders to the unit add up to.</summary>
    public bool OrderedServicesDiffers => OrderedServicesByHand && Revenue.OrderedServices != AcceptedOrdersValue;
}

public sealed record FinanceInput(
    decimal? OrderedServices, decimal? ScienceTasks, decimal? ServiceFees, decimal? BusinessSurplus, decimal? RetainedFees,
    decimal? Other, decimal? RecurrentExpenditure, decimal? InvestmentSelfFinancing, decimal? Depreciation,
    decimal? DirectBudgetSpending, bool OrderedServicesFromOrders = false);

public sealed record AutonomyPlanView(
    int Id, int UnitId, int PeriodStart, int PeriodEnd, int ProposedGroup, DateOnly SubmittedOn, string Status,
    int? ApprovedGroup, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer, string? Notes);

public sealed record AutonomyPlanInput(
    int? PeriodStart, int? PeriodEnd, int? ProposedGroup, DateOnly? SubmittedOn, string? Status, int? ApprovedGroup,
    string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer, string? Notes);

/// <summary>A write's outcome; Forbidden, with the reason, when the row is visible but the write is not the caller's.</summary>
public sealed record WriteResult<T>(
    T? Value, IReadOnlyList<RuleViolation> Errors, IReadOnlyList<RuleViolation> Warnings, bool NotFound = false, string? Forbidden = null)
    where T : class;

public static class WriteResult
{
    public static WriteResult<T> Missing<T>() where T : class => new(null, [], [], NotFound: true);
}

public sealed record StaffingRow(
    int AgencyId, string AgencyName, int? Allocated, int Units, long BudgetPositions, long RevenuePositions, long ActualStaff,
    long BudgetContractWorkers);

public sealed record StaffingTable(
    int Year, int Units, int? Allocated, long BudgetPositions, long RevenuePositions, long ActualStaff, long BudgetContractWorkers,
    IReadOnlyList<StaffingRow> ByAgency);

/// <summary>
/// Active units at the end of a year by autonomy group (the approved plan in force, else the year's finance), with the
/// shares (in %) of groups 1-2 and 1-3 among them: the indicator engine's autonomy.selffinancing.share and autonomy.any.share.
/// </summary>
public sealed record AutonomyCounts(
    int Year, int Units, int Group1, int Group2, int Group3, int Group4, int Unknown, decimal? SelfFinancingShare, decimal? AutonomousShare);

/// <summary>The filters of the staffing and autonomy reads as a query string gives them, read the same by pages and API.</summary>
public static class ResourceFilter
{
    /// <summary>The year (this year when not given), the area code and the agency; each bad value is a message on its parameter.</summary>
    public static (int Year, Reorganizations.CountScope Scope, List<RuleViolation> Errors) Read(string? year, string? areaCode, string? agencyId, int currentYear)
    {
        var errors = new List<RuleViolation>();
        var y = currentYear;
        if (!string.IsNullOrWhiteSpace(year)
            && (!int.TryParse(year.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out y) || y is < 1945 or > 2100))
        {
            errors.Add(new("year", $"Năm \"{year}\" không hợp lệ: nhập năm từ 1945 đến 2100."));
            y = currentYear;
        }

        int? agency = null;
        if (!string.IsNullOrWhiteSpace(agencyId))
        {
            if (int.TryParse(agencyId.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var a))
            {
                agency = a;
            }
            else
            {
                errors.Add(new("agencyId", "Cơ quan quản lý không hợp lệ."));
            }
        }

        return (y, new Reorganizations.CountScope(string.IsNullOrWhiteSpace(areaCode) ? null : areaCode.Trim(), agency), errors);
    }
}
