namespace SuNghiep.Core.Entities;

/// <summary>Sector of a public service unit (Decree 60/2021, Art. 1). Codes are stable even though ministries merged in 2025.</summary>
public sealed class Sector
{
    public required string Code { get; init; }
    public int Number { get; init; }
    public required string Name { get; init; }
}

/// <summary>Role class of a unit (Resolution 19-NQ/TW, Conclusion 62-KL/TW, Resolution 38/NQ-CP).</summary>
public sealed class RoleClass
{
    public required string Code { get; init; }
    public int Number { get; init; }
    public required string Name { get; init; }
}

/// <summary>Financial autonomy group 1-4 (Decree 60/2021, Art. 9).</summary>
public sealed class AutonomyGroup
{
    public int Number { get; init; }
    public required string Name { get; init; }
    public required string Condition { get; init; }
}

/// <summary>Administrative level a unit or agency belongs to.</summary>
public sealed class AdministrativeLevel
{
    public required string Code { get; init; }
    public int Number { get; init; }
    public required string Name { get; init; }
    public DateOnly? ValidTo { get; init; }
}

/// <summary>The classification catalogues, the single source for seeding and validation.</summary>
public static class Catalog
{
    public static readonly IReadOnlyList<Sector> Sectors =
    [
        new() { Code = "education", Number = 1, Name = "Giáo dục - đào tạo" },
        new() { Code = "vocational", Number = 2, Name = "Giáo dục nghề nghiệp" },
        new() { Code = "health", Number = 3, Name = "Y tế - dân số" },
        new() { Code = "culture", Number = 4, Name = "Văn hóa, thể thao và du lịch" },
        new() { Code = "information", Number = 5, Name = "Thông tin và truyền thông" },
        new() { Code = "science", Number = 6, Name = "Khoa học và công nghệ" },
        new() { Code = "economic", Number = 7, Name = "Sự nghiệp kinh tế và sự nghiệp khác" },
    ];

    public static readonly IReadOnlyList<RoleClass> RoleClasses =
    [
        new() { Code = "political", Number = 1, Name = "Phục vụ nhiệm vụ chính trị" },
        new() { Code = "state-management", Number = 2, Name = "Phục vụ quản lý nhà nước" },
        new() { Code = "basic-service", Number = 3, Name = "Cung ứng dịch vụ sự nghiệp công cơ bản, thiết yếu" },
        new() { Code = "other", Number = 4, Name = "Khác (có khả năng xã hội hóa)" },
    ];

    public static readonly IReadOnlyList<AutonomyGroup> AutonomyGroups =
    [
        new() { Number = 1, Name = "Tự bảo đảm chi thường xuyên và chi đầu tư", Condition = "Mức tự bảo đảm chi thường xuyên ≥ 100% và tự bảo đảm chi đầu tư ≥ khấu hao tài sản cố định" },
        new() { Number = 2, Name = "Tự bảo đảm chi thường xuyên", Condition = "Mức tự bảo đảm chi thường xuyên ≥ 100%" },
        new() { Number = 3, Name = "Tự bảo đảm một phần chi thường xuyên", Condition = "10% ≤ mức tự bảo đảm chi thường xuyên < 100%" },
        new() { Number = 4, Name = "Do Nhà nước bảo đảm chi thường xuyên", Condition = "Mức tự bảo đảm chi thường xuyên < 10% hoặc không có nguồn thu sự nghiệp" },
    ];

    public static readonly IReadOnlyList<AdministrativeLevel> Levels =
    [
        new() { Code = "central", Number = 1, Name = "Trung ương" },
        new() { Code = "province", Number = 2, Name = "Cấp tỉnh" },
        new() { Code = "district", Number = 3, Name = "Cấp huyện", ValidTo = new DateOnly(2025, 6, 30) },
        new() { Code = "commune", Number = 4, Name = "Cấp xã" },
    ];

    /// <summary>Resolves a sector from its code or its number (1-7), case-insensitive.</summary>
    public static Sector? FindSector(string? value) =>
        Sectors.FirstOrDefault(s => Matches(value, s.Code, s.Number));

    public static RoleClass? FindRoleClass(string? value) =>
        RoleClasses.FirstOrDefault(s => Matches(value, s.Code, s.Number));

    public static AdministrativeLevel? FindLevel(string? value) =>
        Levels.FirstOrDefault(s => Matches(value, s.Code, s.Number));

    public static string SectorName(string code) => FindSector(code)?.Name ?? code;
    public static string RoleClassName(string code) => FindRoleClass(code)?.Name ?? code;
    public static string LevelName(string code) => FindLevel(code)?.Name ?? code;

    private static bool Matches(string? value, string code, int number) =>
        value is not null
        && (string.Equals(value.Trim(), code, StringComparison.OrdinalIgnoreCase)
            || value.Trim() == number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
