using Microsoft.AspNetCore.Html;
using System.Globalization;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>How the plan pages write task statuses, recurrences and targets.</summary>
public static class PlanDisplay
{
    public static readonly IReadOnlyList<(string Value, string Label)> StatusOptions =
    [
        ("not_started", "Chưa bắt đầu"), ("in_progress", "Đang thực hiện"), ("done", "Hoàn thành"), ("late", "Quá hạn"), ("cancelled", "Đã hủy"),
    ];

    public const int ShortTitleLength = 120;

    /// <summary>
    /// A task's text as a list shows it: the whole text when short, else its first sentence when that is long enough to
    /// name the task, else the text cut on a word boundary with "…". Lists put the whole text in a title beside it.
    /// </summary>
    public static string ShortTitle(string content)
    {
        var text = Collapse(content);
        if (text.Length <= ShortTitleLength)
        {
            return text;
        }

        // A numbering such as "1." or "Điều 3." is no sentence: the first one must say something.
        for (var i = 30; i < ShortTitleLength; i++)
        {
            if (text[i] is '.' or ';' or '?' or '!' && text[i + 1] == ' ' && !char.IsDigit(text[i - 1]))
            {
                return text[..(i + 1)].TrimEnd(';') + (text[i] == ';' ? "…" : "");
            }
        }

        var cut = text.LastIndexOf(' ', ShortTitleLength);
        return text[..(cut > ShortTitleLength / 2 ? cut : ShortTitleLength)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>Whether <see cref="ShortTitle"/> left part of the text out.</summary>
    public static bool IsShortened(string content) => ShortTitle(content) != Collapse(content);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string StatusName(string code) => StatusOptions.FirstOrDefault(o => o.Value == code).Label ?? code;

    /// <summary>The status badge; a late task is red, a task due soon carries a yellow "Sắp đến hạn" next to its status.</summary>
    public static IHtmlContent StatusBadge(TaskView t)
    {
        var css = t.Status switch
        {
            "late" => "text-bg-danger",
            "done" => "text-bg-success",
            "in_progress" => "text-bg-primary",
            "cancelled" => "text-bg-secondary",
            _ => "text-bg-light border",
        };
        var html = $"<span class=\"badge {css}\" data-testid=\"task-status\" data-status=\"{t.Status}\">{Standing(t)}</span>";
        if (t.DueSoon)
        {
            html += " <span class=\"badge text-bg-warning\" data-testid=\"due-soon\">Sắp đến hạn</span>";
        }

        if (t.MissedPeriods is { Count: > 0 } missed)
        {
            var dates = string.Join(", ", missed.Select(d => Display.Date(d)));
            html += $" <span class=\"badge bg-white border border-danger text-danger-emphasis\" data-testid=\"missed-periods\" title=\"Kỳ hạn: {dates}\">"
                + $"Thiếu báo cáo {missed.Count} kỳ<span class=\"visually-hidden\"> (kỳ hạn {dates})</span></span>";
        }

        return new HtmlString(html);
    }

    /// <summary>"31/12/2025", or a recurrence in words: "Hằng năm, trước 15/12", "Hằng tháng, trước ngày 25".</summary>
    public static string Deadline(TaskView t) => t.Recurrence is { } r ? Recurrence(r) : t.Deadline is { } d ? Display.Date(d) : "Không ghi thời hạn";

    public static string Recurrence(RecurrenceView r) => r.Kind switch
    {
        "monthly" => $"Hằng tháng, trước ngày {r.Day}",
        "quarterly" => $"Hằng quý, trước ngày {r.Day} tháng cuối quý",
        "half-yearly" => $"6 tháng một lần, trước ngày {r.Day} tháng 6 và tháng 12",
        _ => $"Hằng năm, trước {r.Day:00}/{r.Month:00}",
    };

    /// <summary>"Sở Nội vụ tỉnh Bắc Giang (nay: Sở Nội vụ tỉnh Bắc Ninh)" for a body that ended; its name alone otherwise.</summary>
    public static string Agency(string name, string? now) => now is null || now == name ? name : $"{name} (nay: {now})";

    public static string Lead(TaskView t) => Agency(t.LeadAgencyName, t.LeadAgencyNow);

    public static string Percent(int? percent) => percent is { } p ? p + "%" : "–";

    /// <summary>A rolled-up percentage with one decimal, in Vietnamese: "46,7%".</summary>
    public static string Percent(decimal? percent) => percent is { } p ? Display.Number(p, p == Math.Truncate(p) ? 0 : 1) + "%" : "–";

    /// <summary>"Hoàn thành quá hạn 2 năm 5 tháng" for a task finished after its deadline (by how much), or the status's name.</summary>
    public static string Standing(TaskView t) => t.CompletedLateBy is { } by ? "Hoàn thành quá hạn " + by.Text() : StatusName(t.Status);

    public static string Indicator(string? code) =>
        code is null ? "" : PlanCatalog.Indicators.FirstOrDefault(i => i.Code == code).Name ?? code;

    public static string Direction(string? direction) => direction switch
    {
        "decrease" => "Giảm",
        "increase" => "Tăng",
        "at-least" => "Đạt ít nhất",
        "at-most" => "Không quá",
        null => "",
        _ => direction,
    };

    /// <summary>"10%" for a percentage, "25 đơn vị" for a count.</summary>
    public static string Value(TargetView t)
    {
        if (t.Value is not { } v)
        {
            return "";
        }

        var number = Display.Number(v, v == Math.Truncate(v) ? 0 : 2);
        return t.ValueUnit switch
        {
            "percent" => number + "%",
            "count" => number + " đơn vị",
            { } unit => number + " " + unit,
            null => number,
        };
    }

    public static string Baseline(TargetView t) => (t.BaselineFrom, t.BaselineTo) switch
    {
        (null, null) => "",
        ({ } f, { } to) when f == to => Display.Date(f),
        ({ } f, { } to) when f.Month == 1 && f.Day == 1 && to.Month == 12 && to.Day == 31 && f.Year == to.Year => "Năm " + f.Year,
        (var f, var to) => $"{Display.Date(f)} – {Display.Date(to)}",
    };

    /// <summary>A measured target's status as a badge that carries its word, so that colour is never the only sign.</summary>
    public static IHtmlContent TargetBadge(string status)
    {
        var css = status switch
        {
            TargetStatus.Achieved => "text-bg-success",
            TargetStatus.OnTrack => "text-bg-primary",
            TargetStatus.AtRisk => "text-bg-warning",
            TargetStatus.Missed => "text-bg-danger",
            _ => "text-bg-light border",
        };
        return new HtmlString($"<span class=\"badge {css}\" data-testid=\"target-status\" data-status=\"{status}\">{Display.Capitalized(TargetStatus.Name(status))}</span>");
    }

    /// <summary>An indicator's value with its unit: "55,2%", "1.234 đơn vị"; a dash when there is none.</summary>
    public static string Measured(decimal? value, string unit) => value is not { } v ? "–"
        : unit == "%" ? TargetRules.Number(v) + "%"
        : unit.Length > 0 ? TargetRules.Number(v) + " " + unit : TargetRules.Number(v);

    /// <summary>The drill-down of the figure a target was measured on: same indicator, date, baseline and scope.</summary>
    public static string? DrilldownUrl(MeasuredTarget m)
    {
        if (m.IndicatorCode is not { Length: > 0 } code)
        {
            return null;
        }

        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var query = new List<string> { "asOf=" + Day(m.AsOf) };
        if (m.Baseline is { } b)
        {
            query.Add("baseline=" + Uri.EscapeDataString(b.ToString()));
        }

        if (m.Scope.AreaCode is { } area)
        {
            query.Add("areaCode=" + Uri.EscapeDataString(area));
        }

        if (m.Scope.AreaOn is { } on)
        {
            query.Add("areaOn=" + Day(on));
        }

        if (m.Scope.AgencyId is { } agency)
        {
            query.Add("agencyId=" + agency.ToString(CultureInfo.InvariantCulture));
        }

        if (m.Scope.Sector is { } sector)
        {
            query.Add("sector=" + Uri.EscapeDataString(sector));
        }

        if (m.Scope.Level is { } level)
        {
            query.Add("level=" + Uri.EscapeDataString(level));
        }

        return $"/indicators/{Uri.EscapeDataString(code)}/drilldown?{string.Join("&", query)}";
    }
}
