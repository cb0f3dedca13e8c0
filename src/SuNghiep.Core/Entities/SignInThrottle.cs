namespace SuNghiep.Core.Entities;

/// <summary>
/// Failed sign-ins counted for one client address, or for one address and one typed e-mail, shared by every instance.
/// The key is a hash, so the table holds neither addresses nor what people typed as their e-mail. Not audited: it is
/// protection state, not a change to the register.
/// </summary>
public sealed class SignInThrottle
{
    public required string Key { get; set; }
    public int Failures { get; set; }
    public DateTime LastFailureAt { get; set; }
    public DateTime? BlockedUntil { get; set; }
}
