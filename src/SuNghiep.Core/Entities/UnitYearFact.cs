namespace SuNghiep.Core.Entities;

/// <summary>
/// What the indicators read of a unit in one year, over one of its versions clipped to the year: [From, To) within the
/// year (empty for a row that only carries the year's figures of a unit ended earlier). Derived from the register and
/// rewritten by the transaction that changes the unit, its versions, figures or plans (Indicators/IndicatorFacts); never
/// edited by hand.
/// </summary>
public sealed class UnitYearFact
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public int ManagingAgencyId { get; set; }
    public Agency? ManagingAgency { get; set; }
    public required string SectorCode { get; set; }
    public required string LevelCode { get; set; }
    /// <summary>Role class "other" (outside the three kinds to keep).</summary>
    public bool Other { get; set; }
    /// <summary>The group of the approved autonomy plan in force in the year (the latest decision).</summary>
    public int? PlanGroup { get; set; }
    /// <summary>The group computed from the year's finance figures.</summary>
    public int? FinanceGroup { get; set; }
    public DateOnly? ListedOn { get; set; }
    public bool Staffed { get; set; }
    public bool Financed { get; set; }
    /// <summary>The version describes the unit on 31/12 of the year: the yearly figures below are read from this row.</summary>
    public bool YearEnd { get; set; }
    public int? BudgetPositions { get; set; }
    /// <summary>In đồng; a whole number (precision 20, 0, at most InputLimits.MaxAmount), summed in SQL on both databases.</summary>
    public long? DirectBudgetSpending { get; set; }
}
