using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Accounts;

/// <summary>
/// Refuses the passwords that appear in lists of common and breached passwords (ASVS 2.1.7), compared without case,
/// from the list shipped in the assembly (Accounts/CommonPasswords, see docs/ARCHITECTURE.md for its source).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordCommon";
    public const string Message = "Mật khẩu này quá phổ biến (có trong danh sách mật khẩu hay dùng hoặc đã bị lộ); vui lòng chọn mật khẩu khác.";

    private static readonly Lazy<FrozenSet<string>> List = new(Read);

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);

    private static FrozenSet<string> Read()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
            {
                words.Add(word);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
