namespace Passerelle.Infrastructure.Tenancy;

public static class Horloge
{
    /// <summary>Today's date in the département's time zone: deadlines are judged there, not in UTC.</summary>
    public static DateOnly Aujourdhui(this TimeProvider temps, TimeZoneInfo fuseau) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(temps.GetUtcNow().UtcDateTime, fuseau));

    public static DateTime EnHeureLocale(this DateTime instantUtc, TimeZoneInfo fuseau) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(instantUtc, DateTimeKind.Utc), fuseau);
}
