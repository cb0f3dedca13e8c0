namespace SuNghiep.Web.Pages.Services;

/// <summary>The service's decision fields ("decision.number") as the forms name them (flat inputs).</summary>
internal static class FormFields
{
    public static readonly IReadOnlyDictionary<string, string> Decision = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["decision.number"] = "Input.DecisionNumber",
        ["decision.date"] = "Input.DecisionDate",
        ["decision.issuer"] = "Input.DecisionIssuer",
        ["decisionNumber"] = "Input.DecisionNumber",
        ["decisionDate"] = "Input.DecisionDate",
        ["decisionIssuer"] = "Input.DecisionIssuer",
    };
}
