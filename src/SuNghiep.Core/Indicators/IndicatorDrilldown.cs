namespace SuNghiep.Core.Indicators;

public sealed partial class IndicatorEngine
{
    /// <summary>The units a figure counts on the as-of date and the events between baseline and as-of date that changed it.</summary>
    public Task<Drilldown> DrilldownAsync(IndicatorQuery query, int page, int pageSize, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
