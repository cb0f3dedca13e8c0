using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Resources;

/// <summary>One approved job position as the API and pages read it; the group by its code (leadership, professional, sharedProfessional, support).</summary>
public sealed record JobPositionView(int Ordinal, string Name, string Group, string? TitleName, string? TitleCode, int People);

/// <summary>The people of a list by group, with the professional groups' share (exact, in %) that Decree 106/2020, Art. 3(5) reads.</summary>
public sealed record JobPositionTotals(long Leadership, long Professional, long SharedProfessional, long Support, long Total, decimal? ProfessionalShare);

/// <summary>
/// A unit's list of job positions as one decision approved it, holding from the decision's date to the next approval's
/// (validTo, exclusive; null while in force), with its totals and the warning of the 65% rule when it applies.
/// </summary>
public sealed record JobPositionListView(
    int Id, int UnitId, string DecisionNumber, DateOnly DecisionDate, string DecisionIssuer, DateOnly? ValidTo, string? Notes,
    IReadOnlyList<JobPositionView> Positions, JobPositionTotals Totals, string? Warning);

/// <summary>A new approved list as a form, the API or a workbook gives it; each value raw, so that a bad one gets its own message.</summary>
public sealed record JobPositionListInput(
    string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer, string? Notes, IReadOnlyList<JobPositionFacts> Positions);
