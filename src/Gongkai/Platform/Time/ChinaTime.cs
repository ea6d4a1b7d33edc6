using System.Globalization;
using Gongkai.Platform.Time;

namespace Gongkai.Platform.Time;

/// <summary>The one China clock. Instants are stored in UTC; every user reads China Standard Time (UTC+8, no daylight
/// saving), and every date rule (索引号 year, deadlines, "today" on a form) uses the China date. A fixed offset rather than
/// the "Asia/Shanghai" zone: it needs no tz database on the server and China has kept UTC+8 since 1991.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The date in China at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    /// <summary>Today's date in China by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The UTC instant of a wall-clock time in China (a time typed into a form). The first eight hours of
    /// 1 January of year 1 in China come before UTC's first instant and map to it (a query for year 1 must not fail).</summary>
    public static DateTimeOffset FromLocal(DateTime local) => local < DateTime.MinValue + Offset
        ? DateTimeOffset.MinValue
        : new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset).ToUniversalTime();

    /// <summary>The UTC instant at which a day in China begins.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));

    public static DateTimeOffset StartOfYear(int year) => StartOfDay(new DateOnly(year, 1, 1));

    public static string Format(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatMinutes(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) =>
        DateOf(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
