namespace Passerelle.Infrastructure.Tenancy;

public static class Horloge
{
    /// <summary>Today's date in the département's time zone: deadlines are judged there, not in UTC.</summary>
    public static DateOnly Aujourdhui(this TimeProvider temps, TimeZoneInfo fuseau) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(temps.GetUtcNow().UtcDateTime, fuseau));

    public static DateTime EnHeureLocale(this DateTime instantUtc, TimeZoneInfo fuseau) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(instantUtc, DateTimeKind.Utc), fuseau);

    /// <summary>
    /// The UTC instant at which a day of the département begins: a date typed by an agent becomes an
    /// instant bound in the zone the agent lives in, not in UTC.
    /// </summary>
    public static DateTime DebutDuJourUtc(this DateOnly jour, TimeZoneInfo fuseau)
    {
        var debut = jour.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day begins at the first local time that exists.
        while (fuseau.IsInvalidTime(debut))
        {
            debut = debut.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(debut, fuseau);
    }
}
