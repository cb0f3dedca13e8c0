namespace SuNghiep.Web.Pages.Public;

/// <summary>What the feedback form shows: the unit, the proof-of-work challenge, the values typed so far and the retention days for the consent text.</summary>
public sealed record PublicFeedbackForm(
    string Code, string UnitName, string ManagingAgency, string Challenge, int Bits, int RetentionDays,
    string? Topic = null, string? Text = null, string? Contact = null, bool Consent = false);
