using System.Globalization;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Pages.Shared;

/// <summary>
/// Reads a form's typed strings into numbers and dates; a value that is not one becomes a Vietnamese message on its
/// API field, so that the services' own messages and these land on the same form fields.
/// </summary>
public sealed class FormValues
{
    public List<RuleViolation> Errors { get; } = [];

    public int? Whole(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Errors.Add(new(field, message));
        return null;
    }

    /// <summary>A number as Vietnamese write it ("12,5") or as a browser's number field sends it ("12.5").</summary>
    public decimal? Number(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().TrimEnd('%').Trim();
        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && !t.Contains(',', StringComparison.Ordinal))
        {
            return d;
        }

        if (decimal.TryParse(t, NumberStyles.Number, Display.Vi, out d))
        {
            return d;
        }

        Errors.Add(new(field, message));
        return null;
    }

    public DateOnly? Date(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Display.TryParseDate(text, out var d))
        {
            return d;
        }

        Errors.Add(new(field, Display.TryParseDate(text, out _, anyYear: true)
            ? $"{label} không hợp lệ: {char.ToLower(InputLimits.DateMessage[0], Display.Vi)}{InputLimits.DateMessage[1..]}"
            : Display.InvalidDate(label)));
        return null;
    }

    /// <summary>Ids of a multiple select; anything that is not a number is reported once.</summary>
    public List<int> Ids(IEnumerable<string>? texts, string field, string message)
    {
        var result = new List<int>();
        foreach (var text in texts ?? [])
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                result.Add(n);
            }
            else if (Errors.All(e => e.Field != field))
            {
                Errors.Add(new(field, message));
            }
        }

        return result;
    }
}
