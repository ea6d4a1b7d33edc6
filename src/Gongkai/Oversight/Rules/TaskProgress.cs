namespace Gongkai.Oversight.Rules;

/// <summary>What a responsible body says in a quarterly report.</summary>
public enum ReportedProgress
{
    OnTrack,
    Delayed,
    Completed,
}

/// <summary>A task's status on the public page.</summary>
public enum WorkPlanTaskStatus
{
    /// <summary>按计划推进.</summary>
    OnTrack,

    /// <summary>滞后.</summary>
    Delayed,

    /// <summary>已完成.</summary>
    Completed,
}

/// <summary>A status and why (shown beside it so a reader sees the reason, not only the word).</summary>
public sealed record TaskStatusReading(WorkPlanTaskStatus Status, string Reason);

/// <summary>The latest report on a task: its quarter and what it said.</summary>
public sealed record LatestReport(int Quarter, ReportedProgress Progress);

/// <summary>
/// A task's status from its latest quarterly report, its deadline and today. Reports are due within
/// <see cref="ReportGraceDays"/> days after a quarter ends (the plan is silent; the issue names quarterly reports).
/// A task is 已完成 only when a report says so; 滞后 when a report says so, when its deadline (or, without one, the
/// plan year's end) passed unfinished, or when a quarter's report is overdue; otherwise 按计划推进.
/// </summary>
public static class TaskProgress
{
    public const int ReportGraceDays = 10;

    public static TaskStatusReading StatusOf(int planYear, DateOnly? deadline, LatestReport? latest, DateOnly today)
    {
        if (latest?.Progress == ReportedProgress.Completed)
        {
            return new(WorkPlanTaskStatus.Completed, $"第{latest.Quarter}季度报告已完成");
        }

        if (latest?.Progress == ReportedProgress.Delayed)
        {
            return new(WorkPlanTaskStatus.Delayed, $"第{latest.Quarter}季度报告进度滞后");
        }

        var due = deadline ?? new DateOnly(planYear, 12, 31);
        if (today > due)
        {
            return new(WorkPlanTaskStatus.Delayed, deadline is null ? $"{planYear}年已结束仍未完成" : $"已过期限{Format(due)}仍未完成");
        }

        var expected = QuarterDue(planYear, today);
        if (expected > 0 && (latest?.Quarter ?? 0) < expected)
        {
            return new(WorkPlanTaskStatus.Delayed, $"第{expected}季度进展未报送");
        }

        return new(WorkPlanTaskStatus.OnTrack, latest is null ? "尚无进展报告" : $"第{latest.Quarter}季度报告按计划推进");
    }

    /// <summary>The last quarter of the plan year whose report is overdue today (0 when none is yet).</summary>
    public static int QuarterDue(int planYear, DateOnly today)
    {
        for (var quarter = 4; quarter >= 1; quarter--)
        {
            if (today > ReportDueOn(planYear, quarter))
            {
                return quarter;
            }
        }

        return 0;
    }

    /// <summary>The day a quarter's report is due: <see cref="ReportGraceDays"/> days after the quarter ends.</summary>
    public static DateOnly ReportDueOn(int year, int quarter) => QuarterEnd(year, quarter).AddDays(ReportGraceDays);

    public static DateOnly QuarterEnd(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
    }

    public static int QuarterOf(DateOnly day) => (day.Month - 1) / 3 + 1;

    public static string Code(WorkPlanTaskStatus status) => status switch
    {
        WorkPlanTaskStatus.Completed => "completed",
        WorkPlanTaskStatus.Delayed => "delayed",
        _ => "on-track",
    };

    public static string ChineseName(WorkPlanTaskStatus status) => status switch
    {
        WorkPlanTaskStatus.Completed => "已完成",
        WorkPlanTaskStatus.Delayed => "滞后",
        _ => "按计划推进",
    };

    public static string Code(ReportedProgress progress) => progress switch
    {
        ReportedProgress.Completed => "completed",
        ReportedProgress.Delayed => "delayed",
        _ => "on-track",
    };

    public static string ChineseName(ReportedProgress progress) => progress switch
    {
        ReportedProgress.Completed => "已完成",
        ReportedProgress.Delayed => "滞后",
        _ => "按计划推进",
    };

    public static ReportedProgress? ParseProgress(string? code) => code?.Trim() switch
    {
        "on-track" => ReportedProgress.OnTrack,
        "delayed" => ReportedProgress.Delayed,
        "completed" => ReportedProgress.Completed,
        _ => null,
    };

    public static string Format(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}
