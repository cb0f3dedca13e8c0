namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>Names that no other test and no seeded row uses, so that a test finds exactly its own data.</summary>
public static class Unique
{
    private const string Letters = "bcdfghjklmnpqrstvxz";

    /// <summary>Ten lower-case ASCII letters: unchanged by folding, a single search word, valid in a unit code.</summary>
    public static string Token() =>
        "q" + new string(Enumerable.Range(0, 9).Select(_ => Letters[Random.Shared.Next(Letters.Length)]).ToArray());

    /// <summary>The token with a capital, to start a name with.</summary>
    public static string Name(string token) => char.ToUpperInvariant(token[0]) + token[1..];
}
