using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Core.Reporting;

/// <summary>
/// The annex tables of the report on Conclusion 62-KL/TW and Resolution 38/NQ-CP (Phụ lục I-VI of reports.md), computed
/// from the register by the indicator engine for a reporter's scope as of the period's cut-off, and the chart of the
/// main indicator over the years. The caller's organisational scope applies through the engine's context.
/// </summary>
public sealed class ReportAnnexes(IndicatorEngine engine)
{
    public async Task<IReadOnlyList<DocumentAnnex>> BuildAsync(IndicatorScope scope, DateOnly cutOff, CancellationToken ct = default)
    {
        var units = await engine.ComputeAsync(new IndicatorQuery(IndicatorCatalog.UnitsCount, cutOff, Baseline.OnDate(new DateOnly(2015, 12, 31)), scope), ct);
        var table = new DocumentTable(
            "Số lượng đơn vị sự nghiệp công lập", "Đơn vị tính: đơn vị",
            [new("STT"), new("Nội dung"), new("31/12/2015", CellKind.Count), new($"{cutOff:dd/MM/yyyy}", CellKind.Count)],
            [new([DocumentCell.Of(""), DocumentCell.Of("Tổng số"), DocumentCell.Of(units.BaselineValue, CellKind.Count), DocumentCell.Of(units.Value, CellKind.Count)], IsTotal: true)]);
        return [new DocumentAnnex("I", "SỐ LƯỢNG ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", table)];
    }

    public async Task<DocumentChart> ChartAsync(IndicatorScope scope, int firstYear, int lastYear, CancellationToken ct = default)
    {
        var series = await engine.SeriesAsync(IndicatorCatalog.UnitsCount, firstYear, lastYear, scope, ct);
        return new DocumentChart("Số lượng đơn vị sự nghiệp công lập qua các năm", "đơn vị",
            series.Select(p => p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            [new DocumentSeries("Số đơn vị", series.Select(p => p.Value).ToList())]);
    }
}
