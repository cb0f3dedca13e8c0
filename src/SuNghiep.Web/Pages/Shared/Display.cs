using System.Globalization;
using Microsoft.AspNetCore.Html;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Pages.Shared;

/// <summary>How the pages write dates, numbers, statuses and catalogue names: one place, so every page agrees.</summary>
public static class Display
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly TimeZoneInfo VietnamZone = Core.VietnamTime.Zone;

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Number(long value) => value.ToString("N0", Vi);

    public static string Number(decimal value, int decimals = 1) => value.ToString("N" + decimals, Vi);

    /// <summary>A stored UTC time as Vietnam's local time.</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamZone)
            .ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static DateTime VietnamToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamZone);

    // The same "today" as UnitService and the API use, so that a page and a write never disagree on a unit's status.
    public static DateOnly Today(TimeProvider time) => Core.VietnamTime.Today(time);

    /// <summary>Reads a date typed as yyyy-MM-dd (date inputs) or dd/MM/yyyy (by hand, or where date inputs are missing).</summary>
    public static bool TryParseDate(string? text, out DateOnly date, bool anyYear = false)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            // 0001-01-01 and 9999-12-31 are real dates, but the reports' date arithmetic overflows at the ends of the calendar.
            && (anyYear || InputLimits.IsPlausible(date));
    }

    /// <summary>What a field says when its text is not a date: the fields take dd/mm/yyyy whatever the browser's language.</summary>
    public static string InvalidDate(string label = "Ngày") => $"{label} không hợp lệ, nhập theo dạng dd/mm/yyyy, ví dụ 03/09/2026.";

    /// <summary>A date as links and query strings carry it (ISO 8601); date fields show it as dd/MM/yyyy.</summary>
    public static string DateInput(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Sector(string code) => Catalog.SectorName(code);

    public static string RoleClass(string code) => Catalog.RoleClassName(code);

    public static string Level(string code) => Catalog.LevelName(code);

    public static string AutonomyGroup(int? group) =>
        group is null ? "Chưa xác định"
        : Catalog.AutonomyGroups.FirstOrDefault(g => g.Number == group) is { } g ? $"Nhóm {g.Number}: {g.Name}"
        : $"Nhóm {group}";

    /// <summary>"xã An Bình" as read from the database becomes "Xã An Bình" at the start of a cell.</summary>
    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], Vi) + text[1..];

    public static IHtmlContent StatusBadge(DateOnly establishedOn, DateOnly? endedOn, DateOnly today)
    {
        var label = StatusText(establishedOn, endedOn, today);
        var css = UnitRules.IsActiveOn(establishedOn, endedOn, today) ? "text-bg-success" : establishedOn > today ? "text-bg-info" : "text-bg-secondary";
        return new HtmlString($"<span class=\"badge {css}\" data-status=\"{label}\">{label}</span>");
    }

    public static string StatusText(DateOnly establishedOn, DateOnly? endedOn, DateOnly today) =>
        UnitRules.IsActiveOn(establishedOn, endedOn, today) ? "Đang hoạt động" : establishedOn > today ? "Chưa hoạt động" : "Đã chấm dứt";

    /// <summary>A change in a count with its sign: "+1", "−2" (a true minus sign), "0".</summary>
    public static string Change(int value) =>
        value > 0 ? "+" + Number(value) : value < 0 ? "\u2212" + Number(-value) : "0";

    /// <summary>
    /// A change is shown by its sign, not by red or green: fewer units or fewer budget-paid staff is what the reform aims
    /// at, so a decrease is no failure; whether a figure meets its target is the target's status.
    /// </summary>
    public static string ChangeClass(int value) => value == 0 ? "text-muted" : "";

    /// <summary>A relative change as a signed percentage with one decimal, or a dash when the base is zero.</summary>
    public static string Percent(int value, int baseline)
    {
        if (baseline == 0)
        {
            return "—";
        }

        var percent = Math.Round((decimal)(value - baseline) * 100 / baseline, 1);
        return (percent > 0 ? "+" : percent < 0 ? "\u2212" : "") + Number(Math.Abs(percent)) + "%";
    }

    /// <summary>The Vietnamese name of a participant role as the history queries code it ("ended", "continuing"...).</summary>
    public static string ParticipantRole(string code) =>
        Enum.TryParse<ParticipantRole>(code, ignoreCase: true, out var role) ? HistoryQueries.RoleName(role) : code;

    public static string ReorganizationType(string code) =>
        ReorganizationRules.Parse(code) is { } type ? ReorganizationRules.TypeNameWithBasis(type) : code;

    public static IHtmlContent VoidedBadge() =>
        new HtmlString("<span class=\"badge text-bg-danger\" data-testid=\"voided\">Đã hủy</span>");

    /// <summary>Where an import's problem is, before its message ("Dòng 3, cột E (Đơn giá): "); nothing for the whole file.</summary>
    public static string ProblemPlace(Core.Reorganizations.ImportProblem p) =>
        p.Row > 0 ? $"Dòng {p.Row}, cột {p.Column}{(p.Header.Length > 0 ? $" ({p.Header})" : "")}: " : "";

    public static string Action(string action) => action switch
    {
        "Create" => "Tạo",
        "Update" => "Sửa",
        "Delete" => "Xóa",
        _ => action,
    };
}
