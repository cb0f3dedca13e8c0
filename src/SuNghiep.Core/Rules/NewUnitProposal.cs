namespace SuNghiep.Core.Rules;

/// <summary>A source unit of a consolidation or a division, as the form reads it to propose the new unit.</summary>
public sealed record SourceUnitFacts(string Name, string Sector, string RoleClass, string Level, string AreaCode, int ManagingAgencyId);

/// <summary>
/// What the reorganization form proposes for a new unit from the units it comes from: each field the value most of the
/// sources share (on a tie, the first source's), and for a consolidation of two or more a name made of the sources' names. A proposal
/// only: the officer changes any of it, and the decision's own wording prevails.
/// </summary>
public sealed record NewUnitProposal(string? Name, string? Sector, string? RoleClass, string? Level, string? AreaCode, int? ManagingAgencyId)
{
    public static readonly NewUnitProposal None = new(null, null, null, null, null, null);

    public static NewUnitProposal From(IReadOnlyList<SourceUnitFacts> sources, bool proposeName)
    {
        if (sources.Count == 0)
        {
            return None;
        }

        T Most<T>(Func<SourceUnitFacts, T> field) => sources
            .Select((s, i) => (Value: field(s), Index: i))
            .GroupBy(x => x.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.Index))
            .First().Key;

        return new NewUnitProposal(
            // One source is not yet a consolidation: its name would stay in the field when the second is ticked.
            proposeName && sources.Count >= 2 ? ProposedName(sources.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList()) : null,
            Most(s => s.Sector), Most(s => s.RoleClass), Most(s => s.Level), Most(s => s.AreaCode), Most(s => s.ManagingAgencyId));
    }

    /// <summary>
    /// The words the names begin with in common, then what tells each apart: "Trường Mầm non Hoa Sen" and "Trường Mầm non
    /// Sao Mai" give "Trường Mầm non Hoa Sen – Sao Mai". Names with nothing in common are joined whole.
    /// </summary>
    public static string ProposedName(IReadOnlyList<string> names)
    {
        if (names.Count == 1)
        {
            return names[0].Trim();
        }

        var words = names.Select(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var common = 0;
        // At least one word of each name stays its own, so that the parts can be told apart.
        while (words.All(w => common < w.Length - 1) && words.All(w => string.Equals(w[common], words[0][common], StringComparison.Ordinal)))
        {
            common++;
        }

        var rests = words.Select(w => string.Join(' ', w.Skip(common)));
        return common == 0
            ? string.Join(" – ", names.Select(n => n.Trim()))
            : string.Join(' ', words[0].Take(common)) + " " + string.Join(" – ", rests);
    }
}
