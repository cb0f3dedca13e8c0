using ScottPlot;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>
/// Draws a <see cref="DocumentChart"/> as a PNG for the .docx: bars with their figures for one series, lines with
/// markers and a legend for several. The font is named (DejaVu Sans carries every Vietnamese glyph and ships with
/// Debian's fonts-dejavu-core), as ScottPlot's default font would drop the diacritics.
/// </summary>
public static class ChartImage
{
    public const string FontFamily = "DejaVu Sans";

    public static byte[] Png(DocumentChart chart, int width, int height)
    {
        var plot = new Plot();
        plot.Font.Set(FontFamily);
        var positions = Enumerable.Range(0, chart.Categories.Count).Select(i => (double)i).ToArray();

        if (chart.Series.Count == 1)
        {
            var series = chart.Series[0];
            var bars = new List<Bar>();
            for (var i = 0; i < chart.Categories.Count && i < series.Values.Count; i++)
            {
                if (series.Values[i] is not { } value) continue;
                bars.Add(new Bar
                {
                    Position = i,
                    Value = (double)value,
                    Label = VietnameseNumbers.Format(value, CellKind.Figure),
                    FillColor = Palette(0),
                    LineWidth = 0,
                });
            }
            var plottable = plot.Add.Bars(bars);
            plottable.ValueLabelStyle.FontSize = 22;
            plottable.ValueLabelStyle.FontName = FontFamily;
            plot.Axes.Margins(bottom: 0);
        }
        else
        {
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var series = chart.Series[s];
                var points = Enumerable.Range(0, Math.Min(chart.Categories.Count, series.Values.Count))
                    .Where(i => series.Values[i] is not null)
                    .Select(i => (X: (double)i, Y: (double)series.Values[i]!.Value))
                    .ToArray();
                var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), Palette(s));
                line.LegendText = series.Name;
                line.LineWidth = 3;
                line.MarkerSize = 9;
            }
            // Below the plot, where it hides no line.
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontName = FontFamily;
            plot.Legend.FontSize = 22;
        }

        plot.Axes.Bottom.SetTicks(positions, chart.Categories.ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 24;
        plot.Axes.Left.TickLabelStyle.FontSize = 22;
        plot.Axes.Left.Label.Text = chart.ValueLabel;
        plot.Axes.Left.Label.FontSize = 24;
        plot.Axes.Left.Label.Bold = false;
        // Figures on the value axis read as Vietnamese prints them (1.234), as in the tables beside the chart.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => VietnameseNumbers.Format((decimal)v, CellKind.Figure),
            IntegerTicksOnly = chart.Series.SelectMany(s => s.Values).All(v => v is null || v == decimal.Truncate(v.Value)),
        };
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        // Counts and amounts start from zero, so that a change of a few per cent does not look like a collapse.
        if (chart.Series.SelectMany(s => s.Values).All(v => v is null || v >= 0))
        {
            plot.Axes.AutoScale();
            plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
        }

        return plot.GetImage(width, height).GetImageBytes(ImageFormat.Png);
    }

    // Dark enough to stay readable on a black-and-white print.
    static Color Palette(int index) => index switch
    {
        0 => Color.FromHex("#1F4E79"),
        1 => Color.FromHex("#C55A11"),
        2 => Color.FromHex("#548235"),
        3 => Color.FromHex("#7030A0"),
        _ => Color.FromHex("#595959"),
    };
}
