using System.Globalization;
using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Core.Reporting;

/// <summary>
/// The number row of a form's table: "A", "B", "1", "2", and for a computed column its formula over the other columns'
/// numbers, as the forms print it ("3=(2-1)", "4=(3-1)/1×100", "1=(2+3)"). A number right after "×" is a constant (the
/// "×100" of a percentage); "%" and spaces are ignored. Consolidation recomputes such columns from the summed ones.
/// </summary>
public static class ColumnFormula
{
    /// <summary>The column's number in the number row (the writer's default when the label is null), or null for A and B.</summary>
    public static int? Number(DocumentColumn column, int index)
    {
        if (column.NumberLabel is not { } label)
        {
            return index >= 2 ? index - 1 : null;
        }

        var end = label.IndexOf('=', StringComparison.Ordinal);
        var head = (end < 0 ? label : label[..end]).Trim();
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The formula after "=" in the label, or null when the column is not computed.</summary>
    public static string? Expression(DocumentColumn column)
    {
        var label = column.NumberLabel;
        var at = label?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : label![(at + 1)..];
    }

    /// <summary>
    /// The formula's value with each column number read through <paramref name="column"/>; null when a column it reads is
    /// empty, when it divides by zero, or when the text is not a formula.
    /// </summary>
    public static decimal? Evaluate(string expression, Func<int, decimal?> column)
    {
        var parser = new Parser(expression, column);
        try
        {
            var value = parser.Sum();
            return parser.AtEnd ? value : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private sealed class Parser(string text, Func<int, decimal?> column)
    {
        private int _at;

        public bool AtEnd
        {
            get
            {
                Skip();
                return _at >= text.Length;
            }
        }

        public decimal? Sum()
        {
            var value = Product();
            while (Peek() is '+' or '-')
            {
                var op = text[_at++];
                var right = Product();
                value = value is { } l && right is { } r ? op == '+' ? l + r : l - r : null;
            }

            return value;
        }

        private decimal? Product()
        {
            var value = Factor(constant: false);
            while (Peek() is '×' or 'x' or 'X' or '*' or '/' or ':')
            {
                var op = text[_at++];
                var right = Factor(constant: op is '×' or 'x' or 'X' or '*');
                value = value is { } l && right is { } r
                    ? op is '/' or ':' ? r == 0 ? null : l / r : l * r
                    : null;
            }

            return value;
        }

        private decimal? Factor(bool constant)
        {
            if (Peek() == '(')
            {
                _at++;
                var inner = Sum();
                if (Peek() != ')')
                {
                    throw new FormatException();
                }

                _at++;
                return inner;
            }

            var start = _at;
            while (_at < text.Length && char.IsAsciiDigit(text[_at]))
            {
                _at++;
            }

            if (_at == start)
            {
                throw new FormatException();
            }

            var number = int.Parse(text.AsSpan(start, _at - start), NumberStyles.None, CultureInfo.InvariantCulture);
            return constant ? number : column(number);
        }

        private char? Peek()
        {
            Skip();
            return _at < text.Length ? text[_at] : null;
        }

        private void Skip()
        {
            while (_at < text.Length && (char.IsWhiteSpace(text[_at]) || text[_at] == '%'))
            {
                _at++;
            }
        }
    }
}
