using SuNghiep.Core.Accounts;

namespace SuNghiep.Core.Tests.Accounts;

/// <summary>The shipped list of common and breached passwords (ASVS 4.0 V2.1.7), compared without case.</summary>
public sealed class CommonPasswordValidatorTests
{
    [Theory]
    //          password                    expected
    [InlineData("password1234",             true)]
    [InlineData("PASSWORD1234",             true)]     // case does not matter
    [InlineData("qwertyuiop123",            true)]
    [InlineData("1q2w3e4r5t6y",             true)]
    [InlineData("123456",                   true)]     // short ones are in the list too; the length rule also refuses them
    [InlineData("Quantri-2025-test",        false)]    // the passwords of the test suites
    [InlineData("Matkhau-2025-test",        false)]
    [InlineData("Kiem-tra-2025x",           false)]
    [InlineData("Mot-cau-mat-khau-moi",     false)]
    public void IsCommon_Password_ReturnsWhetherItIsInTheList(string password, bool expected)
    {
        Assert.Equal(expected, CommonPasswordValidator.IsCommon(password));
    }

    [Fact]
    public void GeneratePassword_Always_LongEnoughAndNotCommon()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => AccountService.GeneratePassword()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.True(p.Length >= PasswordPolicy.MinimumLength, p);
            Assert.False(CommonPasswordValidator.IsCommon(p), p);
        });
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }
}
