using SuNghiep.Core.Reporting;
using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Core.Tests.Reporting;

public sealed class ReportConsolidationTests
{
    // A small annex I: units at the baseline (1), now (2), the change (3=(2-1)) and its rate (4=(2-1)/1×100).
    private static readonly DocumentColumn[] Columns =
    [
        new("STT", NumberLabel: "A"), new("Lĩnh vực", NumberLabel: "B"),
        new("Số đơn vị 31/12/2015", CellKind.Count, "1"),
        new("Số đơn vị hiện nay", CellKind.Count, "2"),
        new("Tăng, giảm", CellKind.Count, "3=(2-1)"),
        new("Tỷ lệ (%)", CellKind.Percent, "4=(2-1)/1×100"),
    ];

    private static DocumentRow Row(string number, string label, decimal? before, decimal? now, bool total = false) =>
        new([DocumentCell.Of(number), DocumentCell.Of(label), DocumentCell.Of(before, CellKind.Count), DocumentCell.Of(now, CellKind.Count),
            DocumentCell.Of(now - before, CellKind.Count), DocumentCell.Of(before is 0 or null ? null : (now - before) / before * 100, CellKind.Percent)], total);

    private static DocumentAnnex Annex(params DocumentRow[] rows) => new("I", "SỐ LƯỢNG", new DocumentTable("Số lượng", "Đơn vị tính: đơn vị", Columns, rows));

    private static decimal? Value(DocumentTable table, string label, int column) =>
        table.Rows.Single(r => r.Cells[1].Text == label).Cells[column].Value;

    [Fact]
    public void Consolidate_RowsMatchedByLabel_SumsCountsAndRecomputesDerivedColumns()
    {
        // Reporter A lists health before education; B has no health row and a culture row the province's own table lacks.
        var a = new ReporterTables("Sở Y tế", [Annex(Row("", "Tổng số", 30, 20, true), Row("1", "Y tế", 10, 5), Row("2", "Giáo dục", 20, 15))]);
        var b = new ReporterTables("UBND xã A", [Annex(Row("", "Tổng số", 12, 9, true), Row("1", "Giáo dục", 10, 8), Row("2", "Văn hóa", 2, 1))]);
        var direct = Annex(Row("", "Tổng số", 42, 29, true), Row("1", "Giáo dục", 30, 23), Row("2", "Y tế", 10, 5));

        var annex = Assert.Single(ReportConsolidation.Consolidate([a, b], [direct], 0m));

        // Education 20 + 10 and 15 + 8, whatever the position; the change is 23 - 30 and the rate -7/30, not -5 + -2 or -25% + -20%.
        Assert.Equal((30m, 23m, -7m), (Value(annex.Summed, "Giáo dục", 2), Value(annex.Summed, "Giáo dục", 3), Value(annex.Summed, "Giáo dục", 4)));
        Assert.Equal(-23.33m, Math.Round(Value(annex.Summed, "Giáo dục", 5)!.Value, 2));
        Assert.Equal("-23,33", annex.Summed.Rows.Single(r => r.Cells[1].Text == "Giáo dục").Cells[5].Text);
        Assert.Equal((42m, 29m, -13m), (Value(annex.Summed, "Tổng số", 2), Value(annex.Summed, "Tổng số", 3), Value(annex.Summed, "Tổng số", 4)));
        Assert.Equal((10m, 5m, -50m), (Value(annex.Summed, "Y tế", 2), Value(annex.Summed, "Y tế", 3), Value(annex.Summed, "Y tế", 5)));
        // The register's rows first, in its order; the row only a lower report has after them, numbered on.
        Assert.Equal(["Tổng số", "Giáo dục", "Y tế", "Văn hóa"], annex.Summed.Rows.Select(r => r.Cells[1].Text).ToList());
        Assert.Equal("3", annex.Summed.Rows[3].Cells[0].Text);
        Assert.True(annex.Summed.Rows[0].IsTotal);
    }

    [Fact]
    public void Consolidate_ByReporter_OneRowPerReporterUnderEachSummedRow()
    {
        var a = new ReporterTables("Sở Y tế", [Annex(Row("", "Tổng số", 10, 5, true), Row("1", "Y tế", 10, 5))]);
        var b = new ReporterTables("UBND xã A", [Annex(Row("", "Tổng số", 3, 2, true), Row("1", "Giáo dục", 3, 2))]);
        var direct = Annex(Row("", "Tổng số", 13, 7, true), Row("1", "Giáo dục", 3, 2), Row("2", "Y tế", 10, 5));

        var table = Assert.Single(ReportConsolidation.Consolidate([a, b], [direct], 0m)).ByReporter;

        Assert.Equal(
            ["Tổng số", "Sở Y tế", "UBND xã A", "Giáo dục", "Sở Y tế", "UBND xã A", "Y tế", "Sở Y tế", "UBND xã A"],
            table.Rows.Select(r => r.Cells[1].Text).ToList());
        Assert.Equal([13m, 10m, 3m], table.Rows.Take(3).Select(r => r.Cells[2].Value!.Value).ToList());
        Assert.Equal([0, 1, 1], table.Rows.Take(3).Select(r => r.Level).ToList());
        // A reporter without the row shows blanks there, not zeros it never reported.
        Assert.Equal("", table.Rows[4].Cells[2].Text);
        Assert.Equal(2m, table.Rows[5].Cells[3].Value);
    }

    // Differences against the register: relative to the register's figure, flagged beyond the tolerance; a zero in the
    // register against a non-zero sum is always flagged; figures that print the same are no difference.
    [Theory]
    //          sum    direct  tolerance  difference  over
    [InlineData(100,   100,    0,         false,      false)]
    [InlineData(101,   100,    2,         true,       false)]   // 1% within 2%
    [InlineData(103,   100,    2,         true,       true)]    // 3% beyond 2%
    [InlineData(102,   100,    2,         true,       false)]   // exactly at the tolerance is within
    [InlineData(97,    100,    2,         true,       true)]    // below as well as above
    [InlineData(1,     0,      50,        true,       true)]    // a zero in the register
    public void Consolidate_DifferenceFromTheRegister_FlaggedBeyondTheTolerance(int sum, int direct, int tolerance, bool difference, bool over)
    {
        var lower = new ReporterTables("Sở A", [Annex(Row("", "Tổng số", sum, sum, true))]);
        var register = Annex(Row("", "Tổng số", direct, direct, true));

        var differences = Assert.Single(ReportConsolidation.Consolidate([lower], [register], tolerance)).Differences;

        var counts = differences.Where(d => d.Column == 2).ToList();
        Assert.Equal(difference, counts.Count == 1);
        if (difference)
        {
            var d = counts[0];
            Assert.Equal((0, "Tổng số", "Số đơn vị 31/12/2015", (decimal)sum, (decimal)direct, over), (d.Row, d.RowLabel, d.ColumnHeader, d.Summed, d.Direct, d.OverTolerance));
        }
    }

    [Fact]
    public void Consolidate_WrongLowerReport_FlagsEveryCellItMakesDiffer()
    {
        // B reported 4 education units now where the register has 3 for it.
        var a = new ReporterTables("A", [Annex(Row("", "Tổng số", 5, 4, true), Row("1", "Giáo dục", 5, 4))]);
        var b = new ReporterTables("B", [Annex(Row("", "Tổng số", 5, 4, true), Row("1", "Giáo dục", 5, 4))]);
        var direct = Annex(Row("", "Tổng số", 10, 7, true), Row("1", "Giáo dục", 10, 7));

        var differences = Assert.Single(ReportConsolidation.Consolidate([a, b], [direct], 5m)).Differences;

        // Now 8 against 7 (14%), the change -2 against -3 (33%), the rate -20% against -30% (33%), in both rows.
        Assert.Equal(
            [("Tổng số", 3, 8m, 7m), ("Tổng số", 4, -2m, -3m), ("Tổng số", 5, -20m, -30m), ("Giáo dục", 3, 8m, 7m), ("Giáo dục", 4, -2m, -3m), ("Giáo dục", 5, -20m, -30m)],
            differences.Select(d => (d.RowLabel, d.Column, d.Summed!.Value, d.Direct!.Value)).ToList());
        Assert.All(differences, d => Assert.True(d.OverTolerance));
    }

    [Fact]
    public void Consolidate_EventList_RowsMatchedByAllTheirTexts()
    {
        // Annex VI: the label (the form) repeats; the units and decision tell the events apart. Both reporters list the
        // merger of two units that were each one's: the province counts it once, with the change of both.
        DocumentColumn[] columns =
        [
            new("STT", NumberLabel: "A"), new("Hình thức sắp xếp", NumberLabel: "B"), new("Đơn vị trước", NumberLabel: "1"),
            new("Quyết định", NumberLabel: "2"), new("Tăng, giảm", CellKind.Count, "3"),
        ];
        DocumentRow Event(string n, string form, string before, string decision, int change) =>
            new([DocumentCell.Of(n), DocumentCell.Of(form), DocumentCell.Of(before), DocumentCell.Of(decision), DocumentCell.Of(change, CellKind.Count)]);
        DocumentAnnex List(params DocumentRow[] rows) => new("VI", "DANH SÁCH", new DocumentTable("Danh sách", null, columns, rows));
        var a = new ReporterTables("A", [List(Event("1", "Sáp nhập", "X; Y", "QĐ 1", -1), Event("2", "Giải thể", "Z", "QĐ 2", -1))]);
        var b = new ReporterTables("B", [List(Event("1", "Sáp nhập", "X; Y", "QĐ 1", 0))]);
        var direct = List(Event("1", "Sáp nhập", "X; Y", "QĐ 1", -1), Event("2", "Giải thể", "Z", "QĐ 2", -1), Event("3", "Sáp nhập", "U; V", "QĐ 3", -1));

        var annex = Assert.Single(ReportConsolidation.Consolidate([a, b], [direct], 0m));

        Assert.Equal([-1m, -1m, null], annex.Summed.Rows.Select(r => r.Cells[4].Value).ToList());
        // The merger no lower report listed: summed nothing against the register's -1.
        var missing = Assert.Single(annex.Differences);
        Assert.Equal((2, "Sáp nhập", null, -1m, true), (missing.Row, missing.RowLabel, missing.Summed, missing.Direct, missing.OverTolerance));
    }
}

public sealed class ColumnFormulaTests
{
    private static readonly Dictionary<int, decimal?> Values = new() { [1] = 40, [2] = 30, [3] = 10, [4] = null, [5] = 0 };

    // The number row of the forms (Circular 02/2023/TT-BNV, Appendix II: "1=(2+3+4)").
    [Theory]
    //          label                 value
    [InlineData("6=(2-1)",            "-10")]
    [InlineData("6=(2+3)",            "40")]
    [InlineData("6=(2-1)/1×100",      "-25")]
    [InlineData("6 = (2 - 1) / 1 x 100%", "-25")]
    [InlineData("6=(2+3)/1*100",      "100")]
    [InlineData("6=3/1×100",          "25")]
    [InlineData("6=2:3",              "3")]
    [InlineData("6=(2+4)",            null)]                      // an empty column makes it empty
    [InlineData("6=2/5",              null)]                      // no division by zero
    [InlineData("6=(2-1",             null)]                      // not a formula
    public void Evaluate_NumberRowFormula_ReadsTheColumns(string label, string? expected)
    {
        var column = new DocumentColumn("x", CellKind.Figure, label);

        var value = ColumnFormula.Evaluate(ColumnFormula.Expression(column)!, n => Values.GetValueOrDefault(n));

        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(6, ColumnFormula.Number(column, 7));
    }

    [Fact]
    public void Number_PlainAndLetterLabels()
    {
        Assert.Equal(3, ColumnFormula.Number(new DocumentColumn("x", CellKind.Count, "3"), 4));
        Assert.Null(ColumnFormula.Number(new DocumentColumn("x", CellKind.Text, "B"), 1));
        Assert.Equal(2, ColumnFormula.Number(new DocumentColumn("x", CellKind.Count), 3));
        Assert.Null(ColumnFormula.Expression(new DocumentColumn("x", CellKind.Count, "3")));
    }
}
