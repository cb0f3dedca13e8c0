namespace SuNghiep.Core.Entities;

/// <summary>
/// The indicator facts of a year summed by area, managing agency, sector and level: the units active on 31/12 of the year
/// by what the indicators count of them, and the year's budget-paid positions and direct budget spending. Derived from
/// UnitYearFacts in the same transaction (Indicators/IndicatorFacts); read for callers who see the whole register.
/// </summary>
public sealed class IndicatorYearTotal
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public int ManagingAgencyId { get; set; }
    public Agency? ManagingAgency { get; set; }
    public required string SectorCode { get; set; }
    public required string LevelCode { get; set; }
    public int Active { get; set; }
    public int Other { get; set; }
    public int Group12 { get; set; }
    public int Group13 { get; set; }
    public int Plan { get; set; }
    public int FinanceOnly { get; set; }
    public int NoGroup { get; set; }
    public int Listed { get; set; }
    public int Staffed { get; set; }
    public int Financed { get; set; }
    public long BudgetPositions { get; set; }
    public int StaffRows { get; set; }
    public long DirectBudgetSpending { get; set; }
    public int FinanceRows { get; set; }
}
