using System.Globalization;

namespace SuNghiep.Core.Rules;

/// <summary>Checks on the decision behind a change that the register warns about but records, since it records what was decided.</summary>
public static class DecisionRules
{
    /// <summary>
    /// A decision is signed on or before the day it takes effect, and not after today: a date that breaks either is
    /// most often a slip of the keyboard (a day and a month swapped), so the officer is told, but what was typed is kept.
    /// </summary>
    public static IReadOnlyList<RuleViolation> DateWarnings(string field, DateOnly? decisionDate, DateOnly? effectiveDate, DateOnly today)
    {
        if (decisionDate is not { } signed)
        {
            return [];
        }

        var warnings = new List<RuleViolation>();
        if (signed > today)
        {
            warnings.Add(new(field, $"Ngày ban hành quyết định ({Day(signed)}) sau ngày hôm nay ({Day(today)}): kiểm tra lại ngày đã nhập."));
        }

        if (effectiveDate is { } from && signed > from)
        {
            warnings.Add(new(field, $"Ngày ban hành quyết định ({Day(signed)}) sau ngày có hiệu lực ({Day(from)}): kiểm tra lại hai ngày đã nhập."));
        }

        return warnings;
    }

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
