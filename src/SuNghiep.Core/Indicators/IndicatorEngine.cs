using SuNghiep.Core.Data;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Indicators;

/// <summary>
/// Computes the indicators of domain 11 from the register, in the database, for any scope and date; the caller's scope
/// applies through the context's query filters.
/// </summary>
public sealed class IndicatorEngine(SuNghiepDbContext db, TimeProvider time)
{
    /// <summary>Problems with a query, keyed by the API's parameter names (code, asOf, baseline, areaCode, areaOn, agencyId, sector, level, breakdown).</summary>
    public Task<IReadOnlyList<RuleViolation>> ValidateAsync(IndicatorQuery query, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>One indicator on the as-of date against the baseline (or the indicator's default one when null), with its breakdown.</summary>
    public Task<IndicatorResult> ComputeAsync(IndicatorQuery query, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Every indicator of the catalogue, each against its default baseline, in as few passes over the register as it takes.</summary>
    public Task<IReadOnlyList<IndicatorResult>> ComputeAllAsync(DateOnly asOf, IndicatorScope scope, string? breakdown, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>One indicator at the end of each year from first to last (the as-of date for the current year), for charts.</summary>
    public Task<IReadOnlyList<(int Year, decimal? Value)>> SeriesAsync(string code, int first, int last, IndicatorScope scope, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>The units a figure counts on the as-of date and the events between baseline and as-of date that changed it.</summary>
    public Task<Drilldown> DrilldownAsync(IndicatorQuery query, int page, int pageSize, CancellationToken ct = default) =>
        throw new NotImplementedException();

    internal SuNghiepDbContext Db => db;

    internal TimeProvider Time => time;
}
