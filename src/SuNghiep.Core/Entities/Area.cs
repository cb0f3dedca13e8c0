namespace SuNghiep.Core.Entities;

public enum AreaLevel
{
    Province = 1,
    District = 2,
    Commune = 3,
}

/// <summary>
/// An administrative unit (province, district, commune) for the interval it existed.
/// A code is only meaningful with its dates: 24 meant Bắc Giang until 30/6/2025 and the new Bắc Ninh after.
/// </summary>
public sealed class Area
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case type word: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, đặc khu.</summary>
    public required string Type { get; set; }
    public AreaLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Area? Parent { get; set; }
    /// <summary>
    /// Materialised path of keys, "/p92/c31120/", so that a subtree is a prefix match in SQL. The letter says which map a
    /// code belongs to (p, c: since 1/7/2025; o, d: the old provinces and districts), since codes were reused.
    /// </summary>
    public string Path { get; set; } = "";
    /// <summary>
    /// The path in today's map: its own path if it still exists, else under its successor's, so that a scope on today's
    /// province also covers the units of the provinces, districts and agencies it replaced.
    /// </summary>
    public string LineagePath { get; set; } = "";
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>The area that took over this one when it ended (pre-2025 provinces to the 34).</summary>
    public int? SuccessorId { get; set; }
    public Area? Successor { get; set; }

    public string FullName => FullNameOf(Type, Name);

    public static string FullNameOf(string type, string name) =>
        type.Length == 0 ? name : char.ToUpperInvariant(type[0]) + type[1..] + " " + name;
}
