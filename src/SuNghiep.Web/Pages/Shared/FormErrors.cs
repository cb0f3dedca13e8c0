using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Pages.Shared;

/// <summary>Puts the services' rule violations, keyed by API field ("managingAgencyId"), on the form's fields ("Input.ManagingAgencyId").</summary>
public static class FormErrors
{
    public static void Add(ModelStateDictionary state, IEnumerable<RuleViolation> errors, IReadOnlyDictionary<string, string>? renamed = null)
    {
        foreach (var e in errors)
        {
            var key = renamed is not null && renamed.TryGetValue(e.Field, out var k) ? k : Key(e.Field);
            state.AddModelError(key, e.Message);
        }
    }

    /// <summary>The form key of an API field: "newUnits[0].code" becomes "Input.NewUnits[0].Code".</summary>
    public static string Key(string field) =>
        field.Length == 0 ? "" : "Input." + string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));

    /// <summary>Bootstrap's class for a field that has an error.</summary>
    public static string Invalid(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "is-invalid" : "";

    /// <summary>The id a tag helper gives the field of a key, for the summary's links.</summary>
    public static string FieldId(string key) => TagBuilder.CreateSanitizedId(key, "_");

    /// <summary>The messages of one field under it, or nothing when it has none.</summary>
    public static IHtmlContent Feedback(ModelStateDictionary state, string key)
    {
        if (!state.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            return HtmlString.Empty;
        }

        var enc = HtmlEncoder.Default;
        var text = string.Join(" ", entry.Errors.Select(e => e.ErrorMessage));
        return new HtmlString(
            $"<div class=\"invalid-feedback\" id=\"{enc.Encode(FieldId(key))}-error\" data-testid=\"error-{enc.Encode(key)}\">{enc.Encode(text)}</div>");
    }

    /// <summary>Every error of the form, in order, with the key of its field ("" for the form as a whole).</summary>
    public static List<(string Key, string Message)> All(ModelStateDictionary state) =>
        state.Where(e => e.Value!.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();
}
