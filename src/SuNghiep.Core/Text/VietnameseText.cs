using System.Globalization;
using System.Text;

namespace SuNghiep.Core.Text;

/// <summary>Folding for accent-insensitive search and keys for Vietnamese alphabetical order.</summary>
public static class VietnameseText
{
    /// <summary>"Trường Mầm non  Đông" becomes "truong mam non dong": no tone or vowel marks, đ as d, lower case, single spaces.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var ch = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(ch))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(ch);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }

    // The Vietnamese alphabet with the Latin letters it lacks placed where Latin puts them.
    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    // Tone marks, in the order dictionaries use: none, grave, hook, tilde, acute, dot below.
    private static readonly char[] Tones = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

    /// <summary>
    /// A key of ASCII letters and digits whose ordinal order is the dictionary order of Vietnamese:
    /// letters first (a &lt; ă &lt; â &lt; b … đ after d), then tones as a tie-breaker.
    /// The same key sorts the same under SQLite's and PostgreSQL's collations.
    /// </summary>
    public static string SortKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var primary = new StringBuilder();
        var secondary = new StringBuilder();
        foreach (var element in Letters(text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormC)))
        {
            var (letter, tone) = element;
            int rank;
            if (letter == ' ')
            {
                rank = 1;
            }
            else if (letter is >= '0' and <= '9')
            {
                rank = 2 + (letter - '0');
            }
            else
            {
                var index = Alphabet.IndexOf(letter, StringComparison.Ordinal);
                if (index < 0)
                {
                    continue;
                }

                rank = 12 + index;
            }

            primary.Append(Base36(rank / 36)).Append(Base36(rank % 36));
            secondary.Append(Base36(tone));
        }

        // "00" is lower than every primary pair, so a shorter name sorts before its extensions.
        return primary.Append("00").Append(secondary).ToString();
    }

    private static char Base36(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    // Splits each character into its base letter (keeping the vowel marks that make ă, â, ê, ô, ơ, ư) and its tone.
    private static IEnumerable<(char Letter, int Tone)> Letters(string text)
    {
        foreach (var c in text)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var tone = 0;
            var rest = new StringBuilder();
            foreach (var part in decomposed)
            {
                var t = Array.IndexOf(Tones, part);
                if (t >= 0)
                {
                    tone = t + 1;
                }
                else
                {
                    rest.Append(part);
                }
            }

            var letter = rest.ToString().Normalize(NormalizationForm.FormC);
            if (letter.Length == 1)
            {
                yield return (char.IsWhiteSpace(letter[0]) ? ' ' : letter[0], tone);
            }
        }
    }
}
