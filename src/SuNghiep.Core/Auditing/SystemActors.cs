namespace SuNghiep.Core.Auditing;

/// <summary>
/// The names recorded as the author of changes that no signed-in person made, in the words an officer reads in the audit
/// trail and on a reorganization's record.
/// </summary>
public static class SystemActors
{
    public const string Demo = "Dữ liệu mẫu";
    public const string National = "Dữ liệu mẫu toàn quốc";
    public const string FirstStart = "Khởi tạo hệ thống";
    public const string Anonymous = "Người dùng chưa đăng nhập";

    /// <summary>An administrator's verb run on the server's command line, with the operating-system account that ran it.</summary>
    public static string CommandLine(string user) => $"Dòng lệnh quản trị ({user})";

    /// <summary>The name to show for a recorded author: the names stored by earlier versions read in Vietnamese too.</summary>
    public static string Display(string? name) => name switch
    {
        null or "" => "",
        "seed demo" => Demo,
        "seed national" => National,
        "first start" => FirstStart,
        "anonymous" => Anonymous,
        _ when name.StartsWith("cli:", StringComparison.Ordinal) => CommandLine(name["cli:".Length..]),
        _ => name,
    };
}
