using System.Globalization;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Core.Reporting;

/// <summary>
/// The annex tables of the report on Conclusion 62-KL/TW and Resolution 38/NQ-CP (Phụ lục I-VI of reports.md, VII for
/// the quality and oversight of item 2.5, VIII for the model units, awards and discipline a report cites), computed
/// from the register by the indicator engine for a reporter's scope as of the period's cut-off, and the chart of the
/// main indicator over the years. The caller's organisational scope applies through the engine's context.
/// </summary>
/// <remarks>
/// Annexes I-V and VII have a bold "Tổng số" row, then one row per sector of Decree 60/2021; every figure is the engine's for the
/// same scope and date (the indicator pages show the same), read in one batch. Computed columns carry their formula in
/// the number row, which consolidation uses to recompute them from the summed lower reports.
/// </remarks>
public sealed class ReportAnnexes(IndicatorEngine engine)
{
    public const string TotalLabel = "Tổng số";

    private static readonly DateOnly End2015 = new(2015, 12, 31);
    private static readonly DateOnly End2021 = new(2021, 12, 31);
    private static readonly DateOnly End2025 = new(2025, 12, 31);

    /// <summary>The annexes for an annual report: annex VI lists the events of the year up to the cut-off.</summary>
    public Task<IReadOnlyList<DocumentAnnex>> BuildAsync(IndicatorScope scope, DateOnly cutOff, CancellationToken ct = default) =>
        BuildAsync(scope, cutOff, cutOff.AddYears(-1).AddDays(1), ct);

    /// <summary>The annexes, annex VI listing the events effective from <paramref name="periodStart"/> to the cut-off.</summary>
    public async Task<IReadOnlyList<DocumentAnnex>> BuildAsync(IndicatorScope scope, DateOnly cutOff, DateOnly periodStart, CancellationToken ct = default)
    {
        var spending = SpendingPlan.For(cutOff);
        var units2015 = new IndicatorRequest(IndicatorCatalog.UnitsCount, cutOff, Baseline.OnDate(End2015));
        var units2021 = new IndicatorRequest(IndicatorCatalog.UnitsCount, cutOff, Baseline.OnDate(End2021));
        var staff2015 = new IndicatorRequest(IndicatorCatalog.StaffBudget, cutOff, Baseline.OfYear(2015));
        var staff2021 = new IndicatorRequest(IndicatorCatalog.StaffBudget, cutOff, Baseline.OfYear(2021));
        var onDate = Baseline.OnDate(cutOff);
        var selfFinancing = new IndicatorRequest(IndicatorCatalog.SelfFinancingShare, cutOff, onDate);
        var anyAutonomy = new IndicatorRequest(IndicatorCatalog.AnyAutonomyShare, cutOff, onDate);
        var plans = new IndicatorRequest(IndicatorCatalog.PlanShare, cutOff, onDate);
        var conversion = new IndicatorRequest(IndicatorCatalog.ConversionShare, cutOff, onDate);
        List<IndicatorRequest> requests = [units2015, units2021, staff2015, staff2021, selfFinancing, anyAutonomy, plans, conversion, .. spending.Requests];
        requests = requests.Distinct().ToList();
        var batch = await engine.ComputeManyAsync(requests, scope, Breakdowns.Sector, cutOff, cutOff.Year, ct);
        var results = requests.Zip(batch.Results).ToDictionary(p => p.First, p => p.Second);
        var events = await engine.ReorganizationsAsync(scope, periodStart.AddDays(-1), cutOff, ct);
        var oversight = await engine.OversightRatiosAsync(scope, cutOff, Breakdowns.Sector, ct);
        var citations = await engine.CitationsAsync(scope, periodStart.AddDays(-1), cutOff, ct);

        return
        [
            UnitsAnnex(cutOff, results[units2015], results[units2021]),
            StaffAnnex(cutOff, results[staff2015], results[staff2021], batch),
            AutonomyAnnex(cutOff, batch, results[selfFinancing], results[anyAutonomy], results[plans]),
            ConversionAnnex(cutOff, batch, results[conversion]),
            SpendingAnnex(cutOff, spending, results),
            EventsAnnex(periodStart, cutOff, events),
            OversightAnnex(cutOff, oversight),
            CitationsAnnex(periodStart, cutOff, citations),
        ];
    }

    /// <summary>
    /// The main indicator (units.count) at the end of each year, and the budget-paid staff as a second series when the
    /// register has staffing figures for any of the years (a series of blanks says nothing).
    /// </summary>
    public async Task<DocumentChart> ChartAsync(IndicatorScope scope, int firstYear, int lastYear, CancellationToken ct = default)
    {
        var series = await engine.SeriesAsync([IndicatorCatalog.UnitsCount, IndicatorCatalog.StaffBudget], firstYear, lastYear, scope, ct);
        var units = series[IndicatorCatalog.UnitsCount];
        var staff = series[IndicatorCatalog.StaffBudget];
        List<DocumentSeries> lines = [new("Số đơn vị sự nghiệp công lập (đơn vị)", units.Select(p => p.Value).ToList())];
        if (staff.Any(p => p.Value is not null))
        {
            lines.Add(new DocumentSeries("Số người làm việc hưởng lương từ NSNN (người)", staff.Select(p => p.Value).ToList()));
        }

        return new DocumentChart("Số lượng đơn vị sự nghiệp công lập qua các năm", lines.Count > 1 ? "đơn vị; người" : "đơn vị",
            units.Select(p => p.Year.ToString(CultureInfo.InvariantCulture)).ToList(), lines);
    }

    // ---------------------------------------------------------------- annexes I-V: sectors

    private static DocumentAnnex UnitsAnnex(DateOnly cutOff, IndicatorResult since2015, IndicatorResult since2021)
    {
        DocumentColumn[] columns =
        [
            new("STT", NumberLabel: "A"), new("Lĩnh vực", NumberLabel: "B"),
            new("Số đơn vị tại ngày 31/12/2015", CellKind.Count, "1"),
            new("Số đơn vị tại ngày 31/12/2021", CellKind.Count, "2"),
            new($"Số đơn vị tại ngày {Vi(cutOff)}", CellKind.Count, "3"),
            new("Tăng (+), giảm (-) so với 31/12/2015: số đơn vị", CellKind.Count, "4=(3-1)"),
            new("Tăng (+), giảm (-) so với 31/12/2015: tỷ lệ (%)", CellKind.Percent, "5=(3-1)/1×100"),
            new("Tăng (+), giảm (-) so với 31/12/2021: số đơn vị", CellKind.Count, "6=(3-2)"),
            new("Tăng (+), giảm (-) so với 31/12/2021: tỷ lệ (%)", CellKind.Percent, "7=(3-2)/2×100"),
        ];
        var table = SectorTable($"Số lượng đơn vị sự nghiệp công lập đến ngày {Vi(cutOff)}", "Đơn vị tính: đơn vị", columns, key =>
        {
            var a = Figures(since2015, key);
            var b = Figures(since2021, key);
            return [a.Baseline, b.Baseline, a.Value, a.Change, a.Percent, b.Change, b.Percent];
        });
        return new DocumentAnnex("I", "SỐ LƯỢNG ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", table, Landscape: true);
    }

    private static DocumentAnnex StaffAnnex(DateOnly cutOff, IndicatorResult since2015, IndicatorResult since2021, IndicatorBatch batch)
    {
        var year = cutOff.Year;
        DocumentColumn[] columns =
        [
            new("STT", NumberLabel: "A"), new("Lĩnh vực", NumberLabel: "B"),
            new("Hưởng lương từ NSNN năm 2015", CellKind.Count, "1"),
            new("Hưởng lương từ NSNN năm 2021", CellKind.Count, "2"),
            new($"Tổng số người làm việc được giao năm {year}", CellKind.Count, "3=(4+5)"),
            new($"Trong đó: hưởng lương từ NSNN năm {year}", CellKind.Count, "4"),
            new($"Trong đó: hưởng lương từ nguồn thu sự nghiệp năm {year}", CellKind.Count, "5"),
            new($"Số người làm việc thực tế năm {year}", CellKind.Count, "6"),
            new("Hợp đồng lao động hưởng lương từ NSNN (Nghị định 111/2022/NĐ-CP)", CellKind.Count, "7"),
            new("Hưởng lương từ NSNN tăng (+), giảm (-) so với năm 2015 (%)", CellKind.Percent, "8=(4-1)/1×100"),
            new("Hưởng lương từ NSNN tăng (+), giảm (-) so với năm 2021 (%)", CellKind.Percent, "9=(4-2)/2×100"),
        ];
        var table = SectorTable($"Số lượng người làm việc năm {year}", "Đơn vị tính: người", columns, key =>
        {
            var a = Figures(since2015, key);
            var b = Figures(since2021, key);
            // Revenue-paid, actual and contract staff come with the year's staffing rows; none in the scope leaves them blank.
            var s = batch.Staffing.Rows == 0 ? null : key.Length == 0 ? batch.Staffing : batch.StaffingByKey.GetValueOrDefault(key, StaffingFigures.None);
            return [a.Baseline, b.Baseline, a.Value is { } budget && s is not null ? budget + s.RevenuePositions : null, a.Value,
                s?.RevenuePositions, s?.ActualStaff, s?.BudgetContractWorkers, a.Percent, b.Percent];
        });
        return new DocumentAnnex("II", "BIÊN CHẾ, SỐ LƯỢNG NGƯỜI LÀM VIỆC TRONG ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", table, Landscape: true);
    }

    private static DocumentAnnex AutonomyAnnex(DateOnly cutOff, IndicatorBatch batch, IndicatorResult selfFinancing, IndicatorResult anyAutonomy, IndicatorResult plans)
    {
        DocumentColumn[] columns =
        [
            new("STT", NumberLabel: "A"), new("Lĩnh vực", NumberLabel: "B"),
            new("Tổng số đơn vị", CellKind.Count, "1"),
            new("Nhóm 1: tự bảo đảm chi thường xuyên và chi đầu tư", CellKind.Count, "2"),
            new("Nhóm 2: tự bảo đảm chi thường xuyên", CellKind.Count, "3"),
            new("Nhóm 3: tự bảo đảm một phần chi thường xuyên", CellKind.Count, "4"),
            new("Nhóm 4: do Nhà nước bảo đảm chi thường xuyên", CellKind.Count, "5"),
            new("Chưa xác định nhóm", CellKind.Count, "6"),
            new("Tỷ lệ đơn vị nhóm 1-2 (%)", CellKind.Percent, "7=(2+3)/1×100"),
            new("Tỷ lệ đơn vị nhóm 1-3 (%)", CellKind.Percent, "8=(2+3+4)/1×100"),
            new($"Có phương án tự chủ được phê duyệt còn hiệu lực năm {cutOff.Year}", CellKind.Count, "9"),
            new("Tỷ lệ đơn vị có phương án được phê duyệt (%)", CellKind.Percent, "10=9/1×100"),
        ];
        var table = SectorTable($"Mức độ tự chủ tài chính của đơn vị sự nghiệp công lập đến ngày {Vi(cutOff)}", "Đơn vị tính: đơn vị", columns, key =>
        {
            var c = Counts(batch, key);
            return [c.Active, c.Group1, c.Group2, c.Group3, c.Group4, c.NoGroup,
                Figures(selfFinancing, key).Value, Figures(anyAutonomy, key).Value, c.Plan, Figures(plans, key).Value];
        });
        return new DocumentAnnex("III", "MỨC ĐỘ TỰ CHỦ TÀI CHÍNH CỦA ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", table, Landscape: true);
    }

    private static DocumentAnnex ConversionAnnex(DateOnly cutOff, IndicatorBatch batch, IndicatorResult share)
    {
        DocumentColumn[] columns =
        [
            new("STT", NumberLabel: "A"), new("Lĩnh vực", NumberLabel: "B"),
            new("Số đơn vị thuộc danh mục chuyển đổi thành công ty cổ phần", CellKind.Count, "1=(2+3)"),
            new("Đã chuyển đổi", CellKind.Count, "2"),
            new("Chưa chuyển đổi", CellKind.Count, "3"),
            new("Tỷ lệ đã chuyển đổi (%)", CellKind.Percent, "4=2/1×100"),
        ];
        var table = SectorTable($"Chuyển đổi đơn vị sự nghiệp công lập thành công ty cổ phần đến ngày {Vi(cutOff)}", "Đơn vị tính: đơn vị", columns, key =>
        {
            var c = Counts(batch, key);
            return [c.Converted + c.Listed, c.Converted, c.Listed, Figures(share, key).Value];
        });
        return new DocumentAnnex("IV", "CHUYỂN ĐỔI ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP THÀNH CÔNG TY CỔ PHẦN", table);
    }

    /// <summary>
    /// The periods annex V prints: the average of 2016-2020, then for each five-year period from 2021-2025 to the one of
    /// the cut-off its years (all five of 2021-2025, a later period's up to the cut-off's year), its average (the years
    /// with figures up to the cut-off) and the change against the period before.
    /// </summary>
    private sealed record SpendingPlan(IReadOnlyList<SpendingPeriod> Periods, IndicatorRequest Baseline2016)
    {
        public IEnumerable<IndicatorRequest> Requests => Periods.SelectMany(p => p.Years.Select(y => y.Request).OfType<IndicatorRequest>().Append(p.Average));

        public static SpendingPlan For(DateOnly cutOff)
        {
            var periods = new List<SpendingPeriod>();
            for (var first = 2021; first <= Math.Max(2021, cutOff.Year); first += 5)
            {
                var last = first + 4;
                var years = Enumerable.Range(first, 5).Where(y => first == 2021 || y <= cutOff.Year)
                    // A year's spending is the baseline value of a one-year baseline; a year after the cut-off stays blank.
                    .Select(y => (y, y <= cutOff.Year ? new IndicatorRequest(IndicatorCatalog.BudgetDirectAverage, cutOff, Baseline.OfYear(y)) : null))
                    .ToList();
                // The period's average as of its last day (or the cut-off inside it), against the period before.
                var asOf = cutOff < new DateOnly(last, 12, 31) ? cutOff : new DateOnly(last, 12, 31);
                periods.Add(new SpendingPeriod(first, last, years, new IndicatorRequest(IndicatorCatalog.BudgetDirectAverage, asOf, Baseline.OfYears(first - 5, last - 5))));
            }

            return new SpendingPlan(periods, periods[0].Average);
        }
    }

    private sealed record SpendingPeriod(int First, int Last, IReadOnlyList<(int Year, IndicatorRequest? Request)> Years, IndicatorRequest Average);

    private static DocumentAnnex SpendingAnnex(DateOnly cutOff, SpendingPlan plan, Dictionary<IndicatorRequest, IndicatorResult> results)
    {
        var columns = new List<DocumentColumn>
        {
            new("STT", NumberLabel: "A"), new("Lĩnh vực", NumberLabel: "B"),
            new("Bình quân giai đoạn 2016-2020", CellKind.Figure, "1"),
        };
        var before = 1;
        foreach (var period in plan.Periods)
        {
            foreach (var (year, _) in period.Years)
            {
                columns.Add(new($"Năm {year}", CellKind.Figure, Label(columns.Count - 1)));
            }

            var average = columns.Count - 1;
            var through = period.Last > cutOff.Year && cutOff.Year >= period.First ? $" (đến năm {cutOff.Year})" : "";
            columns.Add(new($"Bình quân giai đoạn {period.First}-{period.Last}{through}", CellKind.Figure, Label(average)));
            columns.Add(new($"Tăng (+), giảm (-) so với bình quân giai đoạn {period.First - 5}-{period.Last - 5} (%)", CellKind.Percent,
                $"{columns.Count - 1}=({average}-{before})/{before}×100"));
            before = average;
        }

        var table = SectorTable($"Chi trực tiếp từ ngân sách nhà nước cho đơn vị sự nghiệp công lập đến ngày {Vi(cutOff)}", "Đơn vị tính: triệu đồng",
            columns, key =>
            {
                var values = new List<decimal?> { Millions(Figures(results[plan.Baseline2016], key).Baseline) };
                foreach (var period in plan.Periods)
                {
                    values.AddRange(period.Years.Select(y => y.Request is { } r ? Millions(Figures(results[r], key).Baseline) : null));
                    // A period that starts after the cut-off has no average yet.
                    var average = period.First <= cutOff.Year ? Figures(results[period.Average], key) : default;
                    values.Add(Millions(average.Value));
                    values.Add(average.Percent);
                }

                return values;
            });
        return new DocumentAnnex("V", "CHI TRỰC TIẾP TỪ NGÂN SÁCH NHÀ NƯỚC CHO ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", table, Landscape: true);

        static string Label(int number) => number.ToString(CultureInfo.InvariantCulture);
        static decimal? Millions(decimal? dong) => dong / 1_000_000m;
    }

    /// <summary>
    /// A sector table: the "Tổng số" row (key "") first and bold, then the seven sectors of Decree 60/2021 in their order,
    /// numbered; <paramref name="values"/> gives a row's figures for the columns after STT and the label.
    /// </summary>
    private static DocumentTable SectorTable(string title, string unitLine, IReadOnlyList<DocumentColumn> columns, Func<string, IReadOnlyList<decimal?>> values)
    {
        DocumentRow Row(string number, string label, string key, bool total)
        {
            var figures = values(key);
            var cells = new List<DocumentCell> { DocumentCell.Of(number), DocumentCell.Of(label) };
            cells.AddRange(figures.Select((v, i) => DocumentCell.Of(v, columns[i + 2].Kind)));
            return new DocumentRow(cells, IsTotal: total);
        }

        var rows = new List<DocumentRow> { Row("", TotalLabel, "", true) };
        rows.AddRange(Catalog.Sectors.OrderBy(s => s.Number)
            .Select(s => Row(s.Number.ToString(CultureInfo.InvariantCulture), s.Name, s.Code, false)));
        return new DocumentTable(title, unitLine, columns, rows);
    }

    /// <summary>An indicator's figures for the total (key "") or a sector; a sector with no unit reads as the engine reads it.</summary>
    private static (decimal? Value, decimal? Baseline, decimal? Change, decimal? Percent) Figures(IndicatorResult result, string key)
    {
        if (key.Length == 0)
        {
            return (result.Value, result.BaselineValue, result.Change, result.ChangePercent);
        }

        if (result.Breakdown.FirstOrDefault(r => r.Key == key) is { } row)
        {
            return (row.Value, row.BaselineValue, row.Value - row.BaselineValue, row.ChangePercent);
        }

        // Sums (units, positions, spending) are zero where the scope has figures at all; shares of no unit are blank.
        var additive = IndicatorCatalog.Find(result.Code)?.IsShare == false;
        var value = additive && result.Value is not null ? 0m : (decimal?)null;
        var baseline = additive && result.BaselineValue is not null ? 0m : (decimal?)null;
        return (value, baseline, value - baseline, null);
    }

    private static IndicatorCounts Counts(IndicatorBatch batch, string key) =>
        key.Length == 0 ? batch.Counts : batch.CountsByKey.GetValueOrDefault(key, IndicatorCounts.None);

    // ---------------------------------------------------------------- annex VII: quality and oversight

    /// <summary>
    /// The four indicators of Conclusion 62-KL/TW item 2.5 by sector, each as its numerator, denominator and share, so that
    /// consolidation sums the counts and computes the shares again from them.
    /// </summary>
    private static DocumentAnnex OversightAnnex(DateOnly cutOff, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IndicatorRatio>> ratios)
    {
        var from = Vi(cutOff.AddYears(-1).AddDays(1));
        DocumentColumn[] columns =
        [
            new("STT", NumberLabel: "A"), new("Lĩnh vực", NumberLabel: "B"),
            new($"Số đơn vị đang hoạt động tại ngày {Vi(cutOff)}", CellKind.Count, "1"),
            new("Trong đó: có kết quả đánh giá chất lượng còn hiệu lực", CellKind.Count, "2"),
            new("Tỷ lệ đơn vị có kết quả đánh giá chất lượng còn hiệu lực (%)", CellKind.Percent, "3=2/1×100"),
            new($"Số câu trả lời khảo sát có ý kiến (kỳ khảo sát kết thúc từ {from})", CellKind.Count, "4"),
            new("Trong đó: hài lòng", CellKind.Count, "5"),
            new("Tỷ lệ hài lòng (%)", CellKind.Percent, "6=5/4×100"),
            new($"Số phản ánh, kiến nghị nhận từ {from} đã đến hạn trả lời", CellKind.Count, "7"),
            new("Trong đó: trả lời đúng hạn", CellKind.Count, "8"),
            new("Tỷ lệ trả lời đúng hạn (%)", CellKind.Percent, "9=8/7×100"),
            new("Số kiến nghị thanh tra, kiểm tra đã đến hạn thực hiện", CellKind.Count, "10"),
            new("Trong đó: đã thực hiện xong", CellKind.Count, "11"),
            new("Tỷ lệ kiến nghị đã thực hiện xong (%)", CellKind.Percent, "12=11/10×100"),
        ];
        var table = SectorTable($"Chất lượng dịch vụ, sự hài lòng và thực hiện kiến nghị thanh tra, kiểm tra đến ngày {Vi(cutOff)}", "Đơn vị tính: đơn vị, câu trả lời, phản ánh, kiến nghị",
            columns, key =>
            {
                var values = new List<decimal?>();
                foreach (var code in IndicatorCatalog.OversightCodes)
                {
                    var r = ratios[code].GetValueOrDefault(key, IndicatorRatio.None);
                    values.AddRange([r.Whole, r.Part, r.Value]);
                }

                return values;
            });
        return new DocumentAnnex("VII", "CHẤT LƯỢNG DỊCH VỤ SỰ NGHIỆP CÔNG, SỰ HÀI LÒNG VÀ THỰC HIỆN KIẾN NGHỊ THANH TRA, KIỂM TRA", table, Landscape: true);
    }

    // ---------------------------------------------------------------- annex VIII: model units, awards, discipline

    /// <summary>
    /// The model units the plans name and the awards and disciplinary measures of the period, each with its document, so
    /// that the report cites them (items I and II.9 of the outline); a list, consolidated by its rows' text.
    /// </summary>
    private static DocumentAnnex CitationsAnnex(DateOnly from, DateOnly cutOff, IReadOnlyList<Citation> citations)
    {
        DocumentColumn[] columns =
        [
            new("STT", NumberLabel: "A"), new("Hình thức", NumberLabel: "B"),
            new("Đơn vị, cơ quan", NumberLabel: "1"),
            new("Nội dung", NumberLabel: "2"),
            new("Văn bản (số, ngày, cơ quan ban hành)", NumberLabel: "3"),
            new("Nhiệm vụ cải cách liên quan", NumberLabel: "4"),
        ];
        var rows = citations.Select((c, i) => new DocumentRow(
        [
            DocumentCell.Of((i + 1).ToString(CultureInfo.InvariantCulture)),
            DocumentCell.Of(c.Kind),
            DocumentCell.Of(c.Subject),
            DocumentCell.Of(c.Content),
            DocumentCell.Of($"{c.DecisionNumber} ngày {Vi(c.DecisionDate)} của {c.DecisionIssuer}"),
            DocumentCell.Of(c.Task is null ? "" : c.Task.Length > 200 ? c.Task[..199] + "…" : c.Task),
        ])).ToList();
        var table = new DocumentTable(
            $"Đơn vị điển hình; khen thưởng, kỷ luật từ ngày {Vi(from)} đến ngày {Vi(cutOff)}", null, columns, rows);
        return new DocumentAnnex("VIII", "ĐƠN VỊ ĐIỂN HÌNH; KHEN THƯỞNG, KỶ LUẬT TRONG THỰC HIỆN SẮP XẾP, ĐỔI MỚI ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP", table, Landscape: true);
    }

    // ---------------------------------------------------------------- annex VI: events

    private static DocumentAnnex EventsAnnex(DateOnly from, DateOnly cutOff, IReadOnlyList<DrilldownEvent> events)
    {
        DocumentColumn[] columns =
        [
            new("STT", NumberLabel: "A"), new("Hình thức sắp xếp", NumberLabel: "B"),
            new("Đơn vị trước khi sắp xếp", NumberLabel: "1"),
            new("Đơn vị sau khi sắp xếp", NumberLabel: "2"),
            new("Quyết định (số, ngày, cơ quan ban hành)", NumberLabel: "3"),
            new("Ngày hiệu lực", NumberLabel: "4"),
            new("Tăng (+), giảm (-) số đơn vị", CellKind.Count, "5"),
        ];
        // A renaming changes no unit's place in the network; every other kind is a reorganization of it.
        var listed = events.Where(e => e.Type != "rename").OrderBy(e => e.EffectiveDate).ThenBy(e => e.ReorganizationId).ToList();
        var rows = new List<DocumentRow>
        {
            new([DocumentCell.Of(""), DocumentCell.Of(TotalLabel), DocumentCell.Empty, DocumentCell.Empty, DocumentCell.Empty, DocumentCell.Empty,
                DocumentCell.Of(listed.Sum(e => e.CountChange), CellKind.Count)], IsTotal: true),
        };
        rows.AddRange(listed.Select((e, i) => new DocumentRow(
        [
            DocumentCell.Of((i + 1).ToString(CultureInfo.InvariantCulture)),
            DocumentCell.Of(e.TypeName),
            DocumentCell.Of(Units(e, "ended", "continuing", "transferred")),
            DocumentCell.Of(Units(e, "continuing", "created", "transferred")),
            DocumentCell.Of($"Quyết định số {e.Decision.Number} ngày {Vi(e.Decision.Date)} của {e.Decision.Issuer}"),
            DocumentCell.Of(Vi(e.EffectiveDate)),
            DocumentCell.Of(e.CountChange, CellKind.Count),
        ])));
        var table = new DocumentTable($"Danh sách đơn vị sự nghiệp công lập đã sắp xếp, tổ chức lại từ ngày {Vi(from)} đến ngày {Vi(cutOff)}",
            "Đơn vị tính: đơn vị", columns, rows);
        return new DocumentAnnex("VI", "DANH SÁCH ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP ĐÃ SẮP XẾP, TỔ CHỨC LẠI", table, Landscape: true);

        static string Units(DrilldownEvent e, params string[] roles) =>
            string.Join("; ", e.Units.Where(u => roles.Contains(u.Role)).Select(u => $"{u.Name} ({u.Code})"));
    }

    private static string Vi(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
