using System.Globalization;
using System.Text.RegularExpressions;

namespace SuNghiep.Core.Resources;

/// <summary>
/// Reads figures typed the Vietnamese way: "." groups thousands and "," marks decimals, so 12.000.000.000 and
/// 12000000000 are the same amount. "12.5" is refused rather than guessed at.
/// </summary>
public static partial class Figures
{
    public static bool TryParseAmount(string? text, out decimal value)
    {
        value = 0;
        var s = Compact(text);
        var m = AmountPattern().Match(s);
        return m.Success && decimal.TryParse(
            m.Groups["int"].Value.Replace(".", "", StringComparison.Ordinal) + (m.Groups["dec"].Success ? "." + m.Groups["dec"].Value : ""),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseCount(string? text, out int value)
    {
        value = 0;
        var s = Compact(text);
        var m = AmountPattern().Match(s);
        return m.Success && !m.Groups["dec"].Success && int.TryParse(
            m.Groups["int"].Value.Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static string Compact(string? text) =>
        (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<int>[+-]?(\d{1,3}(\.\d{3})+|\d+))(,(?<dec>\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();
}
