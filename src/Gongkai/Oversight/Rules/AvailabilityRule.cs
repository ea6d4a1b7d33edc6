namespace Gongkai.Oversight.Rules;

/// <summary>One probe of the site: when, whether the page loaded (an HTTP success), and how long it took.</summary>
public sealed record ProbeFacts(DateTimeOffset At, bool Loaded, int Milliseconds);

/// <summary>The probes of a period: how many, how many failed (not loaded, or loaded after
/// <see cref="AvailabilityRule.TimeoutMilliseconds"/>), and the share that succeeded (null without probes).</summary>
public sealed record AvailabilitySummary(int Probes, int Failed, decimal? Percent)
{
    public int Succeeded => Probes - Failed;
}

/// <summary>
/// 国办秘函〔2019〕19号's availability veto, measured from the inside: over one week, with at least 20 probes a day, a
/// site is unreachable when 5 % or more of the probes did not load within 15 seconds. The week is the seven China days
/// before today (today is not over); when any of them has fewer than 20 probes the week is not measured and no veto
/// is given (the dashboard says so). The month's availability is the share of its probes that loaded in time. Pure.
/// </summary>
public static class AvailabilityRule
{
    public const int TimeoutMilliseconds = 15_000;
    public const int ProbesPerDay = 20;
    public const int WeekDays = 7;

    /// <summary>5 %: a share of failed probes at or above it is a veto.</summary>
    public const decimal FailedShareVeto = 0.05m;

    public static bool Failed(ProbeFacts probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return !probe.Loaded || probe.Milliseconds > TimeoutMilliseconds;
    }

    public static AvailabilitySummary Summarize(IEnumerable<ProbeFacts> probes)
    {
        var list = probes.ToList();
        var failed = list.Count(Failed);
        return new AvailabilitySummary(list.Count, failed,
            list.Count == 0 ? null : Math.Round(100m * (list.Count - failed) / list.Count, 2));
    }

    /// <summary>The month's summary: probes whose China date falls in <paramref name="month"/>'s month.</summary>
    public static AvailabilitySummary Month(IEnumerable<ProbeFacts> probes, DateOnly month, Func<DateTimeOffset, DateOnly> chinaDate) =>
        Summarize(probes.Where(p => chinaDate(p.At) is var d && d.Year == month.Year && d.Month == month.Month));

    /// <summary>The week's veto, null when the week passed; <paramref name="measured"/> says whether every day of the
    /// week had enough probes to judge.</summary>
    public static InspectionVeto? WeekVeto(IEnumerable<ProbeFacts> probes, DateOnly today, Func<DateTimeOffset, DateOnly> chinaDate, out bool measured)
    {
        var first = today.AddDays(-WeekDays);
        var week = probes.Where(p => chinaDate(p.At) is var d && d >= first && d < today).ToList();
        var perDay = week.GroupBy(p => chinaDate(p.At)).ToDictionary(g => g.Key, g => g.Count());
        measured = Enumerable.Range(0, WeekDays).All(i => perDay.GetValueOrDefault(first.AddDays(i)) >= ProbesPerDay);
        if (!measured)
        {
            return null;
        }

        var summary = Summarize(week);
        var share = (decimal)summary.Failed / summary.Probes;
        return share >= FailedShareVeto
            ? new InspectionVeto("unreachable", $"近{WeekDays}天（{first:yyyy-MM-dd} 至 {today.AddDays(-1):yyyy-MM-dd}）探测 {summary.Probes} 次，{summary.Failed} 次未能在 {TimeoutMilliseconds / 1000} 秒内打开（{Math.Round(share * 100, 2)}%，≥ 5% 即单项否决）")
            : null;
    }
}
