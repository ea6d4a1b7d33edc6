namespace Gongkai.Services.Rules;

/// <summary>What a version of a list is known by when choosing the one in force: its number (order of adoption) and
/// the date it takes effect.</summary>
public interface IDatedVersion
{
    int Number { get; }

    DateOnly EffectiveOn { get; }
}

/// <summary>Which version of a list (or guide) is in force on a date: of those effective on or before it, the one
/// taking effect last; on the same date, the later adopted. A version effective later is scheduled, not yet in force.</summary>
public static class VersionsInForce
{
    public static T? On<T>(IEnumerable<T> versions, DateOnly date) where T : class, IDatedVersion
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.Where(v => v.EffectiveOn <= date).OrderBy(v => v.EffectiveOn).ThenBy(v => v.Number).LastOrDefault();
    }

    public static string FormatDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
