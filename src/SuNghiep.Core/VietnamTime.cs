namespace SuNghiep.Core;

/// <summary>
/// The register's calendar is Vietnam's: a decision effective on 1/7 takes effect at midnight in Hà Nội, whatever time
/// zone the server runs in.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time));

    public static DateTime Now(TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime;

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    // Vietnam has kept UTC+7 without daylight saving since 1975; the fixed zone stands in where tz data is missing.
    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
