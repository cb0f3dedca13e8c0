using Microsoft.AspNetCore.Identity;

namespace SuNghiep.Core.Accounts;

/// <summary>
/// The password rules (OWASP ASVS 4.0 level 2, V2.1): at least 12 characters, any characters, no composition rules,
/// and not in the list of common and breached passwords (<see cref="CommonPasswordValidator"/>).
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    public const string Hint = "Ít nhất 12 ký tự; nên dùng một câu dễ nhớ. Không dùng mật khẩu phổ biến hoặc đã bị lộ.";

    public static void Apply(PasswordOptions o)
    {
        o.RequiredLength = MinimumLength;
        o.RequireDigit = false;
        o.RequireLowercase = false;
        o.RequireUppercase = false;
        o.RequireNonAlphanumeric = false;
        o.RequiredUniqueChars = 1;
    }
}
