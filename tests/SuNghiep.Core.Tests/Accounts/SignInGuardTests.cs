using SuNghiep.Core.Accounts;

namespace SuNghiep.Core.Tests.Accounts;

public sealed class SignInGuardTests
{
    // Failures from one address beyond its free allowance make it wait twice as long each time, up to the maximum.
    [Theory]
    [InlineData(-3, 300, null)]
    [InlineData( 0, 300, null)]
    [InlineData( 1, 300, 1)]
    [InlineData( 2, 300, 2)]
    [InlineData( 5, 300, 16)]
    [InlineData( 9, 300, 256)]
    [InlineData(10, 300, 300)]
    [InlineData(99, 300, 300)]
    public void AddressDelay_FailuresBeyondAllowance_DoublesUpToTheMaximum(int beyond, int maxSeconds, int? expectedSeconds)
    {
        var delay = SignInGuard.AddressDelay(beyond, TimeSpan.FromSeconds(maxSeconds));

        Assert.Equal(expectedSeconds, delay is { } d ? (int)d.TotalSeconds : null);
    }
}
