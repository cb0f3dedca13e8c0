using System.Globalization;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Units;

/// <summary>
/// The lineage graph laid out for an inline SVG: one column per generation (left to right in time), a box per unit and an
/// arrow per predecessor-successor pair, with one label per event. Drawn on the server, so it prints and needs no script.
/// </summary>
public sealed record LineageDiagram(
    double Width, double Height, IReadOnlyList<LineageDiagram.Box> Boxes, IReadOnlyList<LineageDiagram.Arrow> Arrows,
    IReadOnlyList<LineageDiagram.Label> Labels)
{
    public const double BoxWidth = 230;
    public const double BoxHeight = 76;
    public const double ColumnGap = 120;
    public const double RowGap = 18;
    public const double Margin = 8;
    private const int LineLength = 34;

    public sealed record Box(int Id, string Code, string Name, IReadOnlyList<string> NameLines, string Dates, double X, double Y, bool Current, bool Ended);

    public sealed record Arrow(string Path, int ReorganizationId);

    public sealed record Label(int ReorganizationId, string Type, string Date, double X, double Y);

    public static LineageDiagram Layout(UnitLineage lineage)
    {
        var nodes = lineage.Nodes.ToDictionary(n => n.Id);
        var edges = lineage.Edges.Where(e => nodes.ContainsKey(e.From) && nodes.ContainsKey(e.To)).ToList();

        // A unit's column is the length of the longest chain of events before it: edges always run forward in time.
        var rank = nodes.Keys.ToDictionary(id => id, _ => 0);
        for (var pass = 0; pass < nodes.Count; pass++)
        {
            var changed = false;
            foreach (var e in edges.Where(e => rank[e.To] < rank[e.From] + 1))
            {
                rank[e.To] = rank[e.From] + 1;
                changed = true;
            }

            if (!changed)
            {
                break;
            }
        }

        // Within a column, a unit sits near the units it came from (their mean row), which keeps arrows short.
        var row = new Dictionary<int, double>();
        var columns = rank.GroupBy(r => r.Value).OrderBy(g => g.Key).Select(g => g.Select(x => nodes[x.Key]).ToList()).ToList();
        foreach (var column in columns)
        {
            var ordered = column
                .OrderBy(n => edges.Where(e => e.To == n.Id && row.ContainsKey(e.From)).Select(e => row[e.From]).DefaultIfEmpty(double.MaxValue).Average())
                .ThenBy(n => n.EstablishedOn).ThenBy(n => n.Code, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                row[ordered[i].Id] = i;
            }

            column.Clear();
            column.AddRange(ordered);
        }

        var tallest = columns.Count == 0 ? 0 : columns.Max(c => c.Count);
        var boxes = new Dictionary<int, Box>();
        for (var c = 0; c < columns.Count; c++)
        {
            var offset = (tallest - columns[c].Count) * (BoxHeight + RowGap) / 2;
            for (var i = 0; i < columns[c].Count; i++)
            {
                var n = columns[c][i];
                boxes[n.Id] = new Box(
                    n.Id, n.Code, n.Name, Wrap(n.Name),
                    Display.Date(n.EstablishedOn) + " – " + (n.EndedOn is { } end ? Display.Date(end) : "nay"),
                    Margin + c * (BoxWidth + ColumnGap), Margin + offset + i * (BoxHeight + RowGap),
                    n.Id == lineage.UnitId, n.EndedOn is not null);
            }
        }

        var arrows = edges.Select(e =>
        {
            var (from, to) = (boxes[e.From], boxes[e.To]);
            var (x1, y1, x2, y2) = (from.X + BoxWidth, from.Y + BoxHeight / 2, to.X - 4, to.Y + BoxHeight / 2);
            var bend = (x2 - x1) / 2;
            return new Arrow(FormattableString.Invariant($"M{x1:0.#},{y1:0.#} C{x1 + bend:0.#},{y1:0.#} {x2 - bend:0.#},{y2:0.#} {x2:0.#},{y2:0.#}"), e.ReorganizationId);
        }).ToList();

        // One label per event, in the gap before the units it led to, level with them.
        var labels = edges.GroupBy(e => e.ReorganizationId).Select(g =>
        {
            var targets = g.Select(e => boxes[e.To]).DistinctBy(b => b.Id).ToList();
            var first = g.First();
            return new Label(
                g.Key, Display.ReorganizationType(first.Type), Display.Date(first.EffectiveDate),
                targets.Min(b => b.X) - ColumnGap / 2, targets.Average(b => b.Y + BoxHeight / 2));
        }).ToList();

        var width = columns.Count == 0 ? 0 : Margin * 2 + columns.Count * BoxWidth + (columns.Count - 1) * ColumnGap;
        var height = Margin * 2 + tallest * BoxHeight + Math.Max(0, tallest - 1) * RowGap;
        return new LineageDiagram(width, height, boxes.Values.ToList(), arrows, labels);
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The name on at most two lines of the box; the full name stays in the box's tooltip.</summary>
    private static List<string> Wrap(string name)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LineLength)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        if (lines.Count > 2)
        {
            var second = lines[1];
            lines = [lines[0], (second.Length > LineLength - 1 ? second[..(LineLength - 1)] : second) + "…"];
        }

        return lines;
    }
}
