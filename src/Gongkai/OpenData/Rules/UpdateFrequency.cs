namespace Gongkai.OpenData.Rules;

/// <summary>
/// 更新频率 as a promise that can lapse. A dataset promising 每日/每周/每月/每季度/每年 is due again one such period
/// after the China date of its latest update (a calendar month, quarter or year, not a fixed number of days), and is
/// lapsed once a further day of grace has passed (a daily dataset updated on 1 December is due on the 2nd and lapsed
/// on the 4th), so a publication made late in a day is not flagged the next morning.
/// Choices, written down: <b>不定期</b> promises nothing and never lapses. <b>实时</b> never lapses by age either: it
/// promises that each record goes out as soon as it arises (for 双公示 types within the 7 working days the overdue
/// dashboard checks), not that records arise every day — a licensing body with no decision for a week keeps its
/// promise, and flagging it would teach readers to ignore the flag. An unknown word is treated as 不定期.
/// </summary>
public static class UpdateFrequency
{
    public static IReadOnlyList<string> All { get; } = ["实时", "每日", "每周", "每月", "每季度", "每年", "不定期"];

    /// <summary>The day an update is due after one on <paramref name="latest"/>, or null for a frequency without a period.</summary>
    public static DateOnly? DueAfter(string frequency, DateOnly latest) => frequency switch
    {
        "每日" => latest.AddDays(1),
        "每周" => latest.AddDays(7),
        "每月" => latest.AddMonths(1),
        "每季度" => latest.AddMonths(3),
        "每年" => latest.AddYears(1),
        _ => null,
    };

    /// <summary>Whether the promise has lapsed on <paramref name="today"/> (China dates): more than a day past due.</summary>
    public static bool Lapsed(string frequency, DateOnly latest, DateOnly today) =>
        DueAfter(frequency, latest) is { } due && today > due.AddDays(1);

    /// <summary>The DCAT-AP frequency authority's code (EU Publications Office vocabulary), or null when none fits.</summary>
    public static string? DcatCode(string frequency) => frequency switch
    {
        "实时" => "UPDATE_CONT",
        "每日" => "DAILY",
        "每周" => "WEEKLY",
        "每月" => "MONTHLY",
        "每季度" => "QUARTERLY",
        "每年" => "ANNUAL",
        "不定期" => "IRREG",
        _ => null,
    };
}
