using System.Globalization;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Text;

/// <summary>
/// The one check of what people type into names, titles and texts: no control characters (NUL is refused by PostgreSQL
/// and cuts a string short elsewhere), no direction overrides or isolates (which make a text read other than it is
/// stored), no broken surrogates, and at least one visible character (a name made only of zero-width spaces looks empty
/// and yet is not).
/// </summary>
public static class TextChecks
{
    /// <summary>
    /// The problem with a value, on its field, naming it by its label ("Tên đơn vị"); null when the value is absent or
    /// fine. Line breaks and tabs are allowed only in multi-line texts.
    /// </summary>
    public static RuleViolation? Problem(string field, string label, string? value, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var visible = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    visible |= !IsInvisible(char.ConvertToUtf32(c, value[i + 1]));
                    i++;
                    continue;
                }

                return new(field, $"{label} chứa ký tự không hợp lệ (mã hóa Unicode hỏng); hãy nhập lại.");
            }

            if (char.IsControl(c) && !(multiline && c is '\t' or '\r' or '\n'))
            {
                return new(field, $"{label} chứa ký tự điều khiển (như NUL, xuống dòng) không được phép; hãy nhập lại.");
            }

            if (IsDirectionControl(c))
            {
                return new(field, $"{label} chứa ký tự đảo chiều văn bản (U+{(int)c:X4}) không được phép; hãy nhập lại.");
            }

            visible |= !IsInvisible(c);
        }

        return visible ? null : new(field, $"{label} chỉ gồm khoảng trắng hoặc ký tự vô hình; hãy nhập nội dung có chữ.");
    }

    /// <summary>Adds the problem of each (field, label, value, multiline) that has one.</summary>
    /// <summary>Each value must be given, and be clean text; the message names the field by its label.</summary>
    public static void Required(List<RuleViolation> errors, params (string Field, string Label, string? Value)[] values)
    {
        foreach (var (field, label, value) in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new(field, $"Vui lòng nhập {label.ToLowerInvariant()}."));
            }
            else if (Problem(field, label, value) is { } problem)
            {
                errors.Add(problem);
            }
        }
    }

    public static void Check(List<RuleViolation> errors, params (string Field, string Label, string? Value, bool Multiline)[] texts)
    {
        foreach (var (field, label, value, multiline) in texts)
        {
            if (Problem(field, label, value, multiline) is { } problem)
            {
                errors.Add(problem);
            }
        }
    }

    /// <summary>
    /// Adds a problem for each text longer than its column, naming it: refused, never cut (PostgreSQL would refuse it
    /// with a server error, SQLite keep it whole).
    /// </summary>
    public static void Lengths(List<RuleViolation> errors, params (string Field, string Label, string? Value, int Max)[] texts)
    {
        foreach (var (field, label, value, max) in texts)
        {
            if (value?.Trim().Length is { } length && length > max)
            {
                errors.Add(new(field, $"{label} dài tối đa {InputLimits.Number(max)} ký tự (đã nhập {InputLimits.Number(length)} ký tự)."));
            }
        }
    }

    // Embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and the marks that steer them (LRM, RLM, ALM).
    private static bool IsDirectionControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    // White space, format characters (zero-width space and joiners, word joiner, BOM, soft hyphen) and the letters that
    // are drawn as nothing (Hangul fillers, braille blank, combining grapheme joiner).
    private static bool IsInvisible(int codePoint) =>
        (codePoint <= 0xFFFF && char.IsWhiteSpace((char)codePoint))
        || CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.Format or UnicodeCategory.Control
        || codePoint is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x180E;
}
