using Microsoft.AspNetCore.Mvc.ModelBinding;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Pages.Shared;

/// <summary>Puts the services' rule violations, keyed by API field ("managingAgencyId"), on the form's fields ("Input.ManagingAgencyId").</summary>
public static class FormErrors
{
    public static void Add(ModelStateDictionary state, IEnumerable<RuleViolation> errors, IReadOnlyDictionary<string, string>? renamed = null)
    {
        foreach (var e in errors)
        {
            var key = renamed is not null && renamed.TryGetValue(e.Field, out var k) ? k
                : e.Field.Length == 0 ? ""
                : "Input." + char.ToUpperInvariant(e.Field[0]) + e.Field[1..];
            state.AddModelError(key, e.Message);
        }
    }

    /// <summary>Bootstrap's class for a field that has an error.</summary>
    public static string Invalid(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "is-invalid" : "";
}
