using System.Text.RegularExpressions;

namespace SuNghiep.Core.Rules;

/// <summary>The facts about a unit that the register's rules look at.</summary>
public sealed record UnitFacts(
    string? Code,
    string? Name,
    DateOnly? EstablishedOn,
    DateOnly? EndedOn,
    int? AutonomyGroup);

/// <summary>A broken rule, keyed by the API field it concerns, with its message in Vietnamese.</summary>
public sealed record RuleViolation(string Field, string Message);

/// <summary>Checks on a unit's own fields, independent of the database and the clock.</summary>
public static partial class UnitRules
{
    /// <summary>The Democratic Republic of Vietnam was proclaimed on 2/9/1945; no public unit predates it.</summary>
    public static readonly DateOnly EarliestDate = new(1945, 9, 2);

    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 250;
    public const int MaxAddressLength = 500;
    public const int MaxNotesLength = 4000;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]*$")]
    private static partial Regex CodePattern();

    public static IReadOnlyList<RuleViolation> Validate(UnitFacts unit, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        var code = unit.Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(new("code", "Vui lòng nhập mã đơn vị."));
        }
        else if (code.Length > MaxCodeLength)
        {
            errors.Add(new("code", $"Mã đơn vị dài tối đa {MaxCodeLength} ký tự."));
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add(new("code", "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các ký tự . _ / -, bắt đầu bằng chữ hoặc số."));
        }

        var name = unit.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new("name", "Vui lòng nhập tên đơn vị."));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new("name", $"Tên đơn vị dài tối đa {MaxNameLength} ký tự."));
        }

        errors.AddRange(ValidateDates(unit.EstablishedOn, unit.EndedOn, today));

        if (unit.AutonomyGroup is { } group && group is < 1 or > 4)
        {
            errors.Add(new("autonomyGroup", "Nhóm tự chủ tài chính phải là 1, 2, 3 hoặc 4 (Nghị định 60/2021/NĐ-CP, Điều 9)."));
        }

        return errors;
    }

    /// <summary>
    /// Address and notes fit their columns: PostgreSQL refuses a longer value (a server error), SQLite would keep it.
    /// </summary>
    /// <summary>A free text field fits its column.</summary>
    public static IReadOnlyList<RuleViolation> ValidateLength(string field, string? value, int max) =>
        value is not null && value.Trim().Length > max ? [new(field, $"Dài tối đa {max:N0} ký tự.")] : [];

    public static IReadOnlyList<RuleViolation> ValidateText(string? address, string? notes)
    {
        var errors = new List<RuleViolation>();
        if (address?.Trim().Length > MaxAddressLength)
        {
            errors.Add(new("address", $"Địa chỉ dài tối đa {MaxAddressLength} ký tự."));
        }

        if (notes?.Trim().Length > MaxNotesLength)
        {
            errors.Add(new("notes", $"Ghi chú dài tối đa {MaxNotesLength} ký tự."));
        }

        return errors;
    }

    /// <summary>
    /// A unit starts on a known date not before 2/9/1945 and not more than a year ahead (a decision may take
    /// effect later than it is signed); it ends on or after it starts, and not more than a year ahead.
    /// </summary>
    public static IReadOnlyList<RuleViolation> ValidateDates(DateOnly? establishedOn, DateOnly? endedOn, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        var horizon = today.AddYears(1);
        if (establishedOn is null)
        {
            errors.Add(new("establishedOn", "Vui lòng nhập ngày thành lập."));
        }
        else if (establishedOn < EarliestDate)
        {
            errors.Add(new("establishedOn", "Ngày thành lập không thể trước ngày 02/09/1945."));
        }
        else if (establishedOn > horizon)
        {
            errors.Add(new("establishedOn", $"Ngày thành lập không thể sau ngày {horizon:dd/MM/yyyy}."));
        }

        if (endedOn is { } ended)
        {
            if (establishedOn is { } started && ended <= started)
            {
                errors.Add(new("endedOn", "Ngày chấm dứt hoạt động phải sau ngày thành lập."));
            }
            else if (ended > horizon)
            {
                errors.Add(new("endedOn", $"Ngày chấm dứt hoạt động không thể sau ngày {horizon:dd/MM/yyyy}."));
            }
        }

        return errors;
    }

    /// <summary>The earliest listing for conversion the register takes: the first list under Decision 22/2015/QĐ-TTg.</summary>
    public static readonly DateOnly EarliestConversionListing = new(2015, 1, 1);

    /// <summary>
    /// The listing of a unit as eligible for conversion into a joint-stock company (Decree 150/2020/NĐ-CP; the lists of
    /// Decision 26/2021/QĐ-TTg): the decision and its date go together, the date is not in the future nor before 2015.
    /// </summary>
    public static IReadOnlyList<RuleViolation> ValidateConversionListing(string? decision, DateOnly? on, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        var given = !string.IsNullOrWhiteSpace(decision);
        if (given && on is null)
        {
            errors.Add(new("conversionListedOn", "Vui lòng nhập ngày của quyết định đưa đơn vị vào danh mục chuyển đổi."));
        }

        if (!given && on is not null)
        {
            errors.Add(new("conversionListedBy", "Vui lòng nhập số, ký hiệu quyết định đưa đơn vị vào danh mục chuyển đổi."));
        }

        if (on is { } date && date > today)
        {
            errors.Add(new("conversionListedOn", "Ngày quyết định không được sau ngày hôm nay."));
        }
        else if (on is { } early && early < EarliestConversionListing)
        {
            errors.Add(new("conversionListedOn", $"Ngày quyết định không được trước ngày {EarliestConversionListing:dd/MM/yyyy}."));
        }

        errors.AddRange(ValidateLength("conversionListedBy", decision, 250));
        return errors;
    }

    /// <summary>
    /// Whether the unit is active on the given date. The end date is the effective date of the decision that
    /// ended it: from that day the unit no longer counts, as the units that replace it start counting.
    /// </summary>
    public static bool IsActiveOn(DateOnly establishedOn, DateOnly? endedOn, DateOnly date) =>
        establishedOn <= date && (endedOn is null || date < endedOn);

    /// <summary>
    /// A unit that has ended is history: it cannot be brought back to active by an edit, and its classification,
    /// agency and area cannot change, because past counts depend on them. Only its notes, address and the
    /// recorded end date (to another date) may be corrected. A unit is ended once its end date has come.
    /// </summary>
    public static IReadOnlyList<RuleViolation> ValidateChangeOfEndedUnit(
        DateOnly? storedEndedOn, DateOnly today, DateOnly? newEndedOn, IReadOnlyCollection<string> changedFields)
    {
        if (storedEndedOn is not { } ended || ended > today)
        {
            return [];
        }

        var errors = new List<RuleViolation>();
        if (newEndedOn is null)
        {
            errors.Add(new("endedOn", $"Đơn vị đã chấm dứt hoạt động từ ngày {ended:dd/MM/yyyy}, không thể sửa thành đang hoạt động."));
        }

        foreach (var field in changedFields.Where(f => f is not ("notes" or "address" or "endedOn")))
        {
            errors.Add(new(field, $"Đơn vị đã chấm dứt hoạt động từ ngày {ended:dd/MM/yyyy}, không thể sửa trường này."));
        }

        return errors;
    }
}
