namespace SuNghiep.Core.Rules;

/// <summary>Checks on a year of staffing and finance (Decree 106/2020; Decree 60/2021).</summary>
public static class StaffingRules
{
    /// <summary>Decree 106/2020, Art. 3(5): the two professional groups are at least 65% of the people (JobPositionRules reads approved lists).</summary>
    public const decimal MinProfessionalShare = 65m;

    /// <summary>A year of data belongs to the unit's life: from its establishment to its end (a year it ended in counts).</summary>
    public static RuleViolation? YearInLife(int year, DateOnly establishedOn, DateOnly? endedOn, int currentYear)
    {
        var last = endedOn is { } e ? (e.Month == 1 && e.Day == 1 ? e.Year - 1 : e.Year) : currentYear;
        if (year < establishedOn.Year || year > last)
        {
            return new("year", $"Năm {year} nằm ngoài thời gian hoạt động của đơn vị ({establishedOn.Year}-{(endedOn is null ? "nay" : last.ToString(System.Globalization.CultureInfo.InvariantCulture))}).");
        }

        return null;
    }

    /// <summary>Every count of people or positions is present and within 0..1,000,000 for one unit.</summary>
    public static IEnumerable<RuleViolation> Counts(IEnumerable<(string Field, string Label, decimal? Value)> figures) =>
        InputLimits.InRange(figures, InputLimits.MaxStaffCount, " cho một đơn vị");

    /// <summary>Every amount is present and within 0..10^16 VND.</summary>
    public static IEnumerable<RuleViolation> Amounts(IEnumerable<(string Field, string Label, decimal? Value)> figures) =>
        InputLimits.InRange(figures, InputLimits.MaxAmount, " đồng");

    /// <summary>A warning when the professional job positions fall below 65% of all positions (Decree 106/2020, Art. 3(5)), on the yearly counts kept for years with no approved list.</summary>
    public static RuleViolation? ProfessionalShare(int leadership, int professional, int sharedProfessional, int support)
    {
        // In 64 bits: four stored counts near int.MaxValue must not wrap into a negative total.
        var total = (long)leadership + professional + sharedProfessional + support;
        if (total <= 0 || ((long)professional + sharedProfessional) * 100m >= total * MinProfessionalShare)
        {
            return null;
        }

        return new("jobPositions", $"Vị trí chuyên môn, nghiệp vụ chỉ chiếm {((long)professional + sharedProfessional) * 100m / total:0.##}% tổng số vị trí, dưới mức tối thiểu 65% (Nghị định 106/2020/NĐ-CP, Điều 3 khoản 5).");
    }

    /// <summary>
    /// Whether the children's budget-paid positions exceed what the parent was allocated. Over-allocation is sometimes
    /// decided; it is then recorded with a warning rather than refused.
    /// </summary>
    public static RuleViolation? Allocation(long? allocated, long siblings, long value, string field, string parentName)
    {
        if (allocated is not { } limit || siblings + value <= limit)
        {
            return null;
        }

        return new(field, $"Tổng số người làm việc hưởng lương từ ngân sách ({siblings + value:N0}) vượt số được giao cho {parentName} ({limit:N0}).");
    }
}
