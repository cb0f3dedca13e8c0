using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SuNghiep.Web.Pages.Shared;

/// <summary>
/// Every <c>&lt;input type="date"&gt;</c> of the pages becomes a text input in dd/mm/yyyy: a browser's own date input
/// shows the order of the browser's language (09/03/2026 in an English browser for 3 September), beside page text in
/// dd/MM/yyyy. The server reads what is typed with <see cref="Display.TryParseDate"/> (dd/MM/yyyy, d/M/yyyy and ISO);
/// wwwroot/js/date-input.js adds the calendar. One place for every date field, so the pages keep writing type="date".
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper(TimeProvider time) : TagHelper
{
    /// <summary>dd/mm/yyyy (or d/m/yyyy); ISO too, since links and pasted values may carry it and the server reads it.</summary>
    public const string Pattern = @"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2}";

    // After the framework's InputTagHelper (order 0), which writes the bound value and the type.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("pattern", Pattern);
        output.Attributes.SetAttribute("maxlength", "10");
        output.Attributes.SetAttribute("placeholder", "dd/mm/yyyy");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("data-date-input", "");
        output.Attributes.SetAttribute("data-today", Display.DateInput(Display.Today(time)));
        if (!output.Attributes.ContainsName("title"))
        {
            output.Attributes.SetAttribute("title", "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 03/09/2026");
        }

        // A value written as ISO (by a page model or from a link) is shown as the officer reads dates; anything else
        // (what was typed before a failed submit) is left as typed.
        if (output.Attributes.TryGetAttribute("value", out var attribute)
            && DateOnly.TryParseExact(Text(attribute.Value).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            output.Attributes.SetAttribute("value", Display.Date(date));
        }
    }

    private static string Text(object? value)
    {
        switch (value)
        {
            case null:
                return "";
            case string s:
                return s;
            case IHtmlContent html:
                using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                {
                    html.WriteTo(writer, HtmlEncoder.Default);
                    return System.Net.WebUtility.HtmlDecode(writer.ToString());
                }

            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
    }
}
