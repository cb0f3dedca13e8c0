using System.Globalization;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>Figures as Vietnamese documents print them: "." between thousands, "," before decimals (1.234; 18,77).</summary>
public static class VietnameseNumbers
{
    static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Format(decimal? value, CellKind kind) => value switch
    {
        null => "",
        decimal v => kind switch
        {
            CellKind.Count => v.ToString("#,##0", Vietnamese),
            CellKind.Percent => v.ToString("#,##0.00", Vietnamese),
            CellKind.Figure => v.ToString("#,##0.##", Vietnamese),
            _ => v.ToString(Vietnamese),
        },
    };
}
