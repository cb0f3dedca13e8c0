using System.Globalization;
using System.Text.Json;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Resources;

/// <summary>How the staffing and finance pages write money, shares, groups and plan statuses, on top of <see cref="Display"/>.</summary>
public static class ResourceDisplay
{
    /// <summary>"12.000.000.000 đ".</summary>
    public static string Money(decimal value) => Display.Number(value, value == decimal.Truncate(value) ? 0 : 2) + " đ";

    /// <summary>"70,00%", or a dash when there is nothing to show.</summary>
    public static string Percent(decimal? value) => value is { } v ? Display.Number(v, 2) + "%" : "—";

    /// <summary>
    /// The self-financing level, cut (never rounded) to two decimals: 9.996% reads "9,99%", so that a unit below a
    /// threshold of Decree 60/2021 never shows the threshold itself.
    /// </summary>
    public static string Level(decimal? value) => value is { } v ? Display.Number(AutonomyRules.Truncate(v), 2) + "%" : "—";

    /// <summary>A figure as a form field shows it: grouped as typed in Vietnamese, so that it reads back the same.</summary>
    public static string AmountInput(decimal value) => Display.Number(value, value == decimal.Truncate(value) ? 0 : 2);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The professional positions' share of all job positions (Decree 106/2020, Art. 5), or null when none are set.</summary>
    public static decimal? ProfessionalShare(JobPositions p) =>
        p.Total <= 0 ? null : ((long)p.Professional + p.SharedProfessional) * 100m / p.Total;

    public static string GroupShort(int? group, string? band) =>
        group is null ? "—" : band is null ? $"Nhóm {group}" : $"Nhóm {group} ({band})";

    public static IReadOnlyList<(string Value, string Label)> PlanStatuses { get; } =
        [("submitted", "Đã trình"), ("approved", "Đã phê duyệt"), ("rejected", "Không phê duyệt")];

    public static string PlanStatus(string status) => PlanStatuses.FirstOrDefault(s => s.Value == status).Label ?? status;

    /// <summary>The stable periods a plan may cover (Decree 60/2021, Art. 35).</summary>
    public static IReadOnlyList<int> PeriodStarts { get; } = [2021, 2026, 2031];

    /// <summary>
    /// The periods offered to a unit: the stable periods, and a short first one from the year a unit created or formed
    /// mid-period starts, to the end of that stable period.
    /// </summary>
    public static IReadOnlyList<(int Start, int End)> PeriodsFor(int firstYear)
    {
        var periods = PeriodStarts.Select(s => (s, s + 4)).ToList();
        if (AutonomyRules.StablePeriodEnd(firstYear) is var end && end != firstYear + 4 && firstYear >= PeriodStarts[0])
        {
            periods.Add((firstYear, end));
        }

        return periods.OrderBy(p => p.Item1).ToList();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The data a chart is drawn from, as JSON in the page, where tests and scripts read the same numbers.</summary>
    public static string ChartJson(object data) => JsonSerializer.Serialize(data, Json);
}
