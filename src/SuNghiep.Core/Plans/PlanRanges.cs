using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Plans;

/// <summary>The range a target's value may take for its unit: a share is 0-100%, a count of units at most a million.</summary>
public static class PlanRanges
{
    public static RuleViolation? TargetValue(decimal value, string? unit)
    {
        var (max, label) = unit?.Trim() switch
        {
            "percent" => (InputLimits.MaxPercent, "%"),
            "count" => (InputLimits.MaxTargetCount, " đơn vị"),
            _ => (InputLimits.MaxTargetValue, ""),
        };
        return value < 0 || value > max
            ? new("value", $"Giá trị chỉ tiêu phải từ 0 đến {InputLimits.Number(max)}{label}.")
            : null;
    }
}
