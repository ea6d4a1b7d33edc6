namespace Gongkai.Oversight.Rules;

/// <summary>A rota as entered, checked: the readers' user names in order.</summary>
public sealed record CheckedRota(IReadOnlyList<string> Readers);

/// <summary>
/// 每日读网 (daily reading, 国办 work plan item 九): a body's staff take turns reading the site every day. The rota is
/// an ordered list of readers starting on a date; the reader of a day is the next in the list each day, round and
/// round (weekends included: the site is public every day). A reading covers what was published since the previous
/// reading ended — or, for the first one, since the start of the previous day.
/// </summary>
public static class ReadingRota
{
    public const int MaxReaders = 31;
    public const int MaxProblemLength = 500;

    /// <summary>Checks rota text (one user name a line, blank lines ignored): at least one, no repeats, at most 31.</summary>
    public static (CheckedRota? Rota, string? Problem) Parse(string? text)
    {
        var readers = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (readers.Count == 0)
        {
            return (null, "请至少填写一名读网人员（每行一个用户名）。");
        }

        if (readers.Count > MaxReaders)
        {
            return (null, $"读网人员不能超过{MaxReaders}人。");
        }

        var repeated = readers.GroupBy(r => r, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return repeated is not null ? (null, $"“{repeated.Key}”重复排班，每人只列一次。") : (new CheckedRota(readers), null);
    }

    /// <summary>The reader of <paramref name="date"/>; null when there is no rota or the rota starts later.</summary>
    public static string? ReaderOn(DateOnly date, DateOnly startsOn, IReadOnlyList<string> readers)
    {
        if (readers.Count == 0 || date < startsOn)
        {
            return null;
        }

        return readers[(date.DayNumber - startsOn.DayNumber) % readers.Count];
    }

    /// <summary>Where a new reading starts: the end of the previous one, else the start of the day before today.</summary>
    public static DateTimeOffset Since(DateTimeOffset? previousUntil, DateTimeOffset startOfYesterday) => previousUntil ?? startOfYesterday;

    /// <summary>Why a problem note cannot be accepted; null when it can.</summary>
    public static string? CheckProblem(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "请写明发现的问题（如错别字、链接失效、内容不当）。";
        }

        return trimmed.Length > MaxProblemLength ? $"问题说明不能超过{MaxProblemLength}字。" : null;
    }
}
