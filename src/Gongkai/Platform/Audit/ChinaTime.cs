using System.Globalization;

namespace Gongkai.Platform.Audit;

/// <summary>Times are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving), which is what
/// every user of the platform reads.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static string Format(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatMinutes(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The UTC instant at which a day in China begins.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
