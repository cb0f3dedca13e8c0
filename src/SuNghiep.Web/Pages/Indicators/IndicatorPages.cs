using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Indicators;

/// <summary>How the indicator pages name, write and chart the indicators: one place, so the dashboard and the pages agree.</summary>
public static class IndicatorPages
{
    /// <summary>The first year of the charts: the baseline of Resolution 19-NQ/TW's targets.</summary>
    public const int FirstChartYear = 2015;

    public static IReadOnlyList<IndicatorDefinition> Definitions => IndicatorCatalog.All;

    public static IndicatorDefinition? Find(string? code) => IndicatorCatalog.Find(code);

    /// <summary>A value as Vietnamese write it: a share with one or two decimals and "%", a count whole, an amount in đồng.</summary>
    public static string Value(decimal? value, IndicatorDefinition definition) =>
        value is not { } v ? "—"
        : definition.IsShare ? Share(v) + "%"
        : Amount(v) + (definition.Unit is "%" or "" ? "" : " " + definition.Unit);

    /// <summary>A value without its unit, for a table's cells whose header names the unit.</summary>
    public static string Bare(decimal? value, IndicatorDefinition definition) =>
        value is not { } v ? "—" : definition.IsShare ? Share(v) : Amount(v);

    /// <summary>A change with its sign (a true minus): percentage points for a share, the unit for the others.</summary>
    public static string Change(decimal? change, IndicatorDefinition definition) =>
        change is not { } c ? "—"
        : Sign(c) + (definition.IsShare ? Share(Math.Abs(c)) + " điểm %" : Amount(Math.Abs(c)) + " " + definition.Unit);

    public static string Percent(decimal? percent) => percent is not { } p ? "—" : Sign(p) + Share(Math.Abs(p)) + "%";

    /// <summary>Neutral, as <see cref="Display.ChangeClass"/>: the targets' statuses say whether a change is the one sought.</summary>
    public static string ChangeClass(decimal? change) => change is null or 0 ? "text-muted" : "";

    /// <summary>The column header of a value: the indicator's name with its unit.</summary>
    public static string Header(IndicatorDefinition definition) => $"{definition.Name} ({definition.Unit})";

    /// <summary>Where a unit's autonomy group came from, in the drill-down's words.</summary>
    public static string GroupSource(string source, int year) => source switch
    {
        "plan" => "phương án được duyệt",
        "finance" => $"tính từ số liệu tài chính năm {year}",
        _ => "chưa xác định",
    };

    /// <summary>The heading of a drill-down's figure column, or null when the indicator counts units and has no figure.</summary>
    public static string? FigureHeader(IndicatorDefinition definition) => definition.Code switch
    {
        "staff.budget" => "Biên chế hưởng lương từ NSNN (người)",
        "budget.direct.avg" => "Chi trực tiếp từ NSNN (đồng)",
        _ when definition.IsShare => "Tính vào tử số",
        _ => null,
    };

    /// <summary>A target's status as a badge: its colour and, always, its word (colour alone says nothing to some readers and on paper).</summary>
    public static IHtmlContent StatusBadge(string status)
    {
        var (css, word) = status switch
        {
            TargetStatus.Achieved => ("text-bg-success", "Đã đạt"),
            TargetStatus.OnTrack => ("text-bg-primary", "Đúng tiến độ"),
            TargetStatus.AtRisk => ("text-bg-warning", "Có nguy cơ không đạt"),
            TargetStatus.Missed => ("text-bg-danger", "Không đạt"),
            _ => ("text-bg-secondary", "Chưa đo được"),
        };
        return new HtmlString($"<span class=\"badge {css}\" data-status=\"{HtmlEncoder.Default.Encode(status)}\">{word}</span>");
    }

    /// <summary>Whether the indicator's drill-down lists records (survey rounds, feedback, recommendations) rather than units and events.</summary>
    public static bool HasRecords(IndicatorDefinition definition) =>
        definition.Code is IndicatorCatalog.SurveySatisfaction or IndicatorCatalog.FeedbackOnTimeShare or IndicatorCatalog.RecommendationsDoneShare;

    /// <summary>The record kind's Vietnamese name, as the records table's heading says it.</summary>
    public static string RecordsTitle(IndicatorDefinition definition) => definition.Code switch
    {
        IndicatorCatalog.SurveySatisfaction => "Các đợt khảo sát được tính",
        IndicatorCatalog.FeedbackOnTimeShare => "Các phản ánh, kiến nghị đến hạn trả lời",
        _ => "Các kiến nghị thanh tra, kiểm tra đến hạn",
    };

    /// <summary>A unit's figure in the drill-down: for a share, whether the unit is in its numerator (the engine gives 1 or 0).</summary>
    public static string Figure(decimal? figure, IndicatorDefinition definition) =>
        figure is not { } f ? "—"
        : definition.IsShare ? (f > 0 ? "Có" : "Không")
        : Display.Number(f, f == Math.Round(f) ? 0 : 1);

    /// <summary>Labels and values for a chart's data attributes; a missing value stays null so the chart leaves a gap.</summary>
    public static string Json<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values);

    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    // A share keeps two decimals only where the second one says something (45,25%), else one (45,5%).
    private static string Share(decimal value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded == Math.Round(rounded, 1) ? Display.Number(rounded, 1) : Display.Number(rounded, 2);
    }

    private static string Amount(decimal value) =>
        value == Math.Round(value) ? Display.Number(value, 0) : Display.Number(Math.Round(value, 1, MidpointRounding.AwayFromZero), 1);

    private static string Sign(decimal value) => value > 0 ? "+" : value < 0 ? "\u2212" : "";
}
