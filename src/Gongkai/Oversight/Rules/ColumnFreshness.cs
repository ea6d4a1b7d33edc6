namespace Gongkai.Oversight.Rules;

/// <summary>What kind of column, for its update window.</summary>
public enum ColumnKind
{
    /// <summary>动态、要闻: 2 weeks.</summary>
    News,

    /// <summary>通知公告、政策文件: 6 months.</summary>
    NoticeOrPolicy,

    /// <summary>Updated yearly by its catalogue entry (每年更新): 13 months (a year and the month a yearly item takes).</summary>
    Yearly,

    /// <summary>Any other column: no window is set for it, so it can only be empty, never stale.</summary>
    Other,
}

/// <summary>One column as the inspection reads it.</summary>
public sealed record ColumnFacts(int Id, string Name, string UpdateFrequency, int PublishedCount, DateTimeOffset? LastUpdated);

/// <summary>A column's reading: its kind, whether it is empty or stale, the day it goes stale and whether that is near.</summary>
public sealed record ColumnReading(ColumnFacts Column, ColumnKind Kind, bool Empty, bool Stale, DateOnly? StaleOn, bool StaleSoon);

/// <summary>A failed single-veto item (单项否决) with the numbers behind it.</summary>
public sealed record InspectionVeto(string Rule, string Detail);

/// <summary>A body's valid messages of one channel unanswered for over 3 months (received within the past year).</summary>
public sealed record UnansweredChannel(string Body, string Channel, int Count, DateOnly OldestReceivedOn);

/// <summary>A published service guide lacking key elements.</summary>
public sealed record GuideGap(string Body, string ItemName, IReadOnlyList<string> Missing);

/// <summary>The inspection of a set of columns: each reading, the vetoes and the score.</summary>
public sealed record InspectionResult(IReadOnlyList<ColumnReading> Columns, IReadOnlyList<InspectionVeto> Vetoes, int Score)
{
    /// <summary>Broken links in the published documents of the columns' bodies (the link checker's last results).</summary>
    public int BrokenLinks { get; init; }

    /// <summary>Messages left unanswered over 3 months, per body and channel.</summary>
    public IReadOnlyList<UnansweredChannel> Unanswered { get; init; } = [];

    /// <summary>Published service guides lacking key elements.</summary>
    public IReadOnlyList<GuideGap> IncompleteGuides { get; init; } = [];

    /// <summary>The site's availability this month from the nodes' probe log (<see cref="AvailabilityRule"/>).</summary>
    public AvailabilitySummary? Availability { get; init; }

    /// <summary>Whether the past week had enough probes (20 a day) to judge the availability veto.</summary>
    public bool AvailabilityMeasured { get; init; }

    public int StaleCount => Columns.Count(c => c.Stale);

    public int EmptyCount => Columns.Count(c => c.Empty);

    /// <summary>Passes with no veto and a score of at least 60 (国办秘函〔2019〕19号).</summary>
    public bool Passes => Vetoes.Count == 0 && Score >= 60;
}

/// <summary>
/// The column checks of 国办秘函〔2019〕19号 that can be measured from the site's own data: a news column (动态/要闻)
/// is stale after 2 weeks without an update, a notice or policy column (通知公告/政策文件) after 6 months; a column
/// with nothing published is empty (空白栏目); each broken link in a published document costs a point, ten at most. Single vetoes: ≥ 5 stale news/notice/policy columns, ≥ 10 stale
/// columns of any kind, ≥ 5 empty columns. The score deducts 2 points per stale and 3 per empty column from 100 (the
/// per-item deductions are not published; these are Gongkai's, stated on the dashboard). A column is "stale soon"
/// within <see cref="WarningDays"/> days of its window's end, so its body can act before it counts.
/// </summary>
public static class ColumnFreshness
{
    public const int WarningDays = 3;
    public const int StaleNewsAndNoticeVeto = 5;
    public const int StaleVeto = 10;
    public const int EmptyVeto = 5;
    public const int StaleDeduction = 2;
    public const int EmptyDeduction = 3;

    /// <summary>Points off per broken link in a published document, up to <see cref="BrokenLinkCap"/> (Gongkai's figures,
    /// stated on the dashboard, like the others).</summary>
    public const int BrokenLinkDeduction = 1;
    public const int BrokenLinkCap = 10;

    public static ColumnKind KindOf(string name, string updateFrequency)
    {
        if (name.Contains("动态", StringComparison.Ordinal) || name.Contains("要闻", StringComparison.Ordinal) || name.Contains("新闻", StringComparison.Ordinal))
        {
            return ColumnKind.News;
        }

        if (name.Contains("通知", StringComparison.Ordinal) || name.Contains("公告", StringComparison.Ordinal)
            || name.Contains("政策", StringComparison.Ordinal) || name.Contains("规范性文件", StringComparison.Ordinal))
        {
            return ColumnKind.NoticeOrPolicy;
        }

        return updateFrequency.Contains("每年", StringComparison.Ordinal) ? ColumnKind.Yearly : ColumnKind.Other;
    }

    /// <summary>The last China day a column of the kind last updated on <paramref name="lastUpdated"/> is still fresh;
    /// null when the kind has no window.</summary>
    public static DateOnly? FreshUntil(ColumnKind kind, DateOnly lastUpdated) => kind switch
    {
        ColumnKind.News => lastUpdated.AddDays(14),
        ColumnKind.NoticeOrPolicy => lastUpdated.AddMonths(6),
        ColumnKind.Yearly => lastUpdated.AddMonths(13),
        _ => null,
    };

    /// <summary>Months after which a valid message without an answer fails the site, and the window (past year) looked at.</summary>
    public const int UnansweredMonths = 3;
    public const int UnansweredWindowMonths = 12;

    /// <summary>The receipt window of messages that count as unanswered too long on <paramref name="today"/>: received on or
    /// after the first day (a year ago) and before the second (3 months ago).</summary>
    public static (DateOnly From, DateOnly Before) UnansweredWindow(DateOnly today) =>
        (today.AddMonths(-UnansweredWindowMonths), today.AddMonths(-UnansweredMonths));

    public static InspectionResult Inspect(IEnumerable<ColumnFacts> columns, DateOnly today, Func<DateTimeOffset, DateOnly> chinaDate, int brokenLinks = 0,
        IReadOnlyList<UnansweredChannel>? unanswered = null, IReadOnlyList<GuideGap>? guides = null)
    {
        unanswered ??= [];
        guides ??= [];
        var readings = columns.Select(c =>
        {
            var kind = KindOf(c.Name, c.UpdateFrequency);
            var empty = c.PublishedCount == 0 || c.LastUpdated is null;
            DateOnly? freshUntil = empty ? null : FreshUntil(kind, chinaDate(c.LastUpdated!.Value));
            var staleOn = freshUntil?.AddDays(1);
            var stale = staleOn is { } s && today >= s;
            var soon = !stale && staleOn is { } d && today >= d.AddDays(-WarningDays);
            return new ColumnReading(c, kind, empty, stale, staleOn, soon);
        }).ToList();

        var vetoes = new List<InspectionVeto>();
        var staleNewsAndNotice = readings.Count(r => r.Stale && r.Kind is ColumnKind.News or ColumnKind.NoticeOrPolicy);
        if (staleNewsAndNotice >= StaleNewsAndNoticeVeto)
        {
            vetoes.Add(new("stale-news-and-notices", $"动态要闻类栏目超过2周、通知公告和政策文件类栏目超过6个月未更新的共 {staleNewsAndNotice} 个（≥ {StaleNewsAndNoticeVeto} 个即单项否决）"));
        }

        var stale = readings.Count(r => r.Stale);
        if (stale >= StaleVeto)
        {
            vetoes.Add(new("stale-columns", $"应更新而长期未更新的栏目 {stale} 个（≥ {StaleVeto} 个即单项否决）"));
        }

        var empty = readings.Count(r => r.Empty);
        if (empty >= EmptyVeto)
        {
            vetoes.Add(new("empty-columns", $"空白栏目 {empty} 个（≥ {EmptyVeto} 个即单项否决）"));
        }

        var late = unanswered.Sum(u => u.Count);
        if (late > 0)
        {
            vetoes.Add(new("unanswered-interaction", $"近一年内超过{UnansweredMonths}个月未答复的有效留言 {late} 条（" +
                string.Join("；", unanswered.GroupBy(u => u.Channel).Select(g => $"{g.Key} {g.Sum(u => u.Count)} 条，最早 {g.Min(u => u.OldestReceivedOn):yyyy-MM-dd} 收到")) +
                "；有一条即单项否决）"));
        }

        if (guides.Count > 0)
        {
            vetoes.Add(new("incomplete-guides", $"要素缺失的办事指南 {guides.Count} 个（" +
                string.Join("；", guides.Take(5).Select(g => $"{g.ItemName}缺{string.Join("、", g.Missing)}")) + (guides.Count > 5 ? "等" : "") + "；有一个即单项否决）"));
        }

        var score = Math.Max(0, 100 - StaleDeduction * stale - EmptyDeduction * empty - Math.Min(BrokenLinkCap, BrokenLinkDeduction * brokenLinks));
        return new InspectionResult(readings, vetoes, score) { BrokenLinks = brokenLinks, Unanswered = unanswered, IncompleteGuides = guides };
    }

    public static string Code(ColumnKind kind) => kind switch
    {
        ColumnKind.News => "news",
        ColumnKind.NoticeOrPolicy => "notice-or-policy",
        ColumnKind.Yearly => "yearly",
        _ => "other",
    };

    public static string ChineseName(ColumnKind kind) => kind switch
    {
        ColumnKind.News => "动态要闻（2周）",
        ColumnKind.NoticeOrPolicy => "通知公告、政策文件（6个月）",
        ColumnKind.Yearly => "每年更新（13个月）",
        _ => "其他（不计更新期限）",
    };
}
