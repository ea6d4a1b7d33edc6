using System.Globalization;
using Gongkai.Calendar;
using Gongkai.Platform.Time;

namespace Gongkai.Hotline.Rules;

/// <summary>The limits a ticket runs under: sign within hours (urgent) or working days, reply within working days.</summary>
/// <param name="SignWithinHours">Set for urgent tickets: the sign limit is counted in clock hours (the hotline works 7×24).</param>
public sealed record TimeLimit(int? SignWithinHours, int SignWithinWorkingDays, int ReplyWithinWorkingDays)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{(SignWithinHours is { } hours ? $"{hours}小时内签收" : $"{SignWithinWorkingDays}个工作日内签收")}，{ReplyWithinWorkingDays}个工作日内办结");
}

/// <summary>A limit set for one category (or every category: null) and urgency, overriding the defaults.</summary>
public sealed record TimeLimitOverride(string? CategoryCode, Urgency Urgency, TimeLimit Limit);

/// <summary>
/// The time limits: the written-down defaults (urgent — sign within 2 hours, reply within 1 working day; general —
/// sign within 1 working day, reply within 5; complex — sign within 1, reply within 15; 咨询 — reply within 1), and
/// overrides per category and urgency. The most specific wins: the ticket's category, then its parent categories,
/// then an override for all categories, then the default.
/// </summary>
public sealed class TimeLimitTable(IEnumerable<TimeLimitOverride> overrides)
{
    private readonly IReadOnlyList<TimeLimitOverride> _overrides = overrides.ToList();

    public static TimeLimit Default(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => new TimeLimit(2, 0, 1),
        Urgency.General => new TimeLimit(null, 1, 5),
        Urgency.Complex => new TimeLimit(null, 1, 15),
        Urgency.Consultation => new TimeLimit(null, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
    };

    /// <param name="categoryPath">The ticket's category code first, then its ancestors' codes.</param>
    public (TimeLimit Limit, string Source) For(IReadOnlyList<string> categoryPath, Urgency urgency)
    {
        foreach (var code in categoryPath)
        {
            if (_overrides.FirstOrDefault(o => o.CategoryCode == code && o.Urgency == urgency) is { } specific)
            {
                return (specific.Limit, $"分类 {code} 的{TicketVocabulary.ChineseName(urgency)}件时限");
            }
        }

        return _overrides.FirstOrDefault(o => o.CategoryCode is null && o.Urgency == urgency) is { } general
            ? (general.Limit, $"全部分类的{TicketVocabulary.ChineseName(urgency)}件时限")
            : (Default(urgency), $"默认的{TicketVocabulary.ChineseName(urgency)}件时限");
    }
}

/// <summary>One event as the clock reads it.</summary>
public sealed record ClockEvent(TicketEventType Type, DateTimeOffset At, int? WorkingDays = null);

/// <summary>The clock after the events: the current limits, whether each was kept, and why each date is what it is.</summary>
/// <param name="SignDueAt">The instant the current dispatch must be signed by; null when no dispatch waits or it was signed.</param>
/// <param name="ReplyDueAt">The instant the reply is due; null when the ticket is not with a body or already replied.</param>
/// <param name="SignedOnTime">Whether the last signature came within its limit; null before any.</param>
/// <param name="RepliedOnTime">Whether the last reply came within its limit; null before any.</param>
public sealed record TicketClockResult(
    DateTimeOffset? SignDueAt, DateTimeOffset? ReplyDueAt, bool? SignedOnTime, bool? RepliedOnTime, IReadOnlyList<string> Explanation)
{
    public bool IsOverdue(DateTimeOffset now) => SignDueAt < now || ReplyDueAt < now;

    /// <summary>Open and within <paramref name="window"/> of a limit (but not past it).</summary>
    public bool IsDueSoon(DateTimeOffset now, TimeSpan window) =>
        !IsOverdue(now) && (SignDueAt - now <= window || ReplyDueAt - now <= window);
}

/// <summary>
/// Computes a ticket's limits from its events on the working-day calendar. Conventions (written down because the
/// issue leaves them open): a limit of N working days starts counting the day after the event's China date
/// (《民法典》第二百零一条) and ends at 24:00 China time of the N-th working day; an hours limit is clock time. The reply
/// period runs from the dispatch the body signed (a return and re-dispatch give the new body its full period), an
/// approved extension adds working days after the current due day, and a reopening (重办) gives a new full reply period
/// from the day it was decided.
/// </summary>
public static class TicketClock
{
    public const string Convention = "工作日时限自事件发生的次日起算，到期日24时止（《民法典》第二百零一条、第二百零三条）；紧急件的签收时限按小时计算。";

    public static TicketClockResult Compute(IReadOnlyList<ClockEvent> events, TimeLimit limit, WorkCalendar calendar)
    {
        DateTimeOffset? signDue = null;
        DateTimeOffset? replyDue = null;
        bool? signedOnTime = null;
        bool? repliedOnTime = null;
        var lines = new List<string>();
        foreach (var e in events.OrderBy(e => e.At))
        {
            switch (e.Type)
            {
                case TicketEventType.Dispatched:
                    if (limit.SignWithinHours is { } hours)
                    {
                        signDue = e.At.AddHours(hours);
                        lines.Add($"{ChinaTime.FormatMinutes(e.At)} 派单：紧急件{hours}小时内签收，签收期限 {ChinaTime.FormatMinutes(signDue.Value)}。");
                    }
                    else
                    {
                        signDue = EndOfWorkingDays(calendar, ChinaTime.DateOf(e.At), limit.SignWithinWorkingDays, "签收", lines);
                    }

                    replyDue = EndOfWorkingDays(calendar, ChinaTime.DateOf(e.At), limit.ReplyWithinWorkingDays, "办结", lines);
                    break;
                case TicketEventType.SignedFor:
                    signedOnTime = signDue is null || e.At <= signDue;
                    lines.Add($"{ChinaTime.FormatMinutes(e.At)} 签收，{(signedOnTime == true ? "按时" : "超过签收期限")}。");
                    signDue = null;
                    break;
                case TicketEventType.Returned:
                    lines.Add($"{ChinaTime.FormatMinutes(e.At)} 退单：原期限作废，改派后重新计算。");
                    signDue = null;
                    replyDue = null;
                    break;
                case TicketEventType.ExtensionApproved when replyDue is { } due && e.WorkingDays is { } days:
                    var dueDay = ChinaTime.DateOf(due.AddTicks(-1));
                    lines.Add($"{ChinaTime.FormatMinutes(e.At)} 中心批准延期{days}个工作日，自原到期日 {Iso(dueDay)} 次日起算：");
                    replyDue = EndOfWorkingDays(calendar, dueDay, days, "办结", lines);
                    break;
                case TicketEventType.Replied:
                    repliedOnTime = replyDue is null || e.At <= replyDue;
                    lines.Add($"{ChinaTime.FormatMinutes(e.At)} 办结答复，{(repliedOnTime == true ? "按时" : "超过办结期限")}。");
                    replyDue = null;
                    break;
                case TicketEventType.Reopened:
                    lines.Add($"{ChinaTime.FormatMinutes(e.At)} 重办：重新给予{limit.ReplyWithinWorkingDays}个工作日办理期限。");
                    replyDue = EndOfWorkingDays(calendar, ChinaTime.DateOf(e.At), limit.ReplyWithinWorkingDays, "办结", lines);
                    repliedOnTime = null;
                    break;
                case TicketEventType.AnsweredDirectly:
                    lines.Add($"{ChinaTime.FormatMinutes(e.At)} 话务员直接答复，不派单。");
                    break;
                default:
                    break;
            }
        }

        return new TicketClockResult(signDue, replyDue, signedOnTime, repliedOnTime, lines);
    }

    /// <summary>24:00 (China time) of the <paramref name="days"/>-th working day after <paramref name="from"/>, with the
    /// days skipped written into <paramref name="lines"/>.</summary>
    public static DateTimeOffset EndOfWorkingDays(WorkCalendar calendar, DateOnly from, int days, string what, List<string> lines)
    {
        var count = calendar.AddWorkingDays(from, days);
        var skipped = count.Skipped.Select(s => $"{Iso(s.Day.Date)}（{s.Reason}）").ToList();
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{what}期限：自 {Iso(from)} 次日起算 {days} 个工作日，到 {Iso(count.Date)} 24时{(skipped.Count > 0 ? "；不计入：" + string.Join("、", skipped) : "")}。"));
        return ChinaTime.StartOfDay(count.Date.AddDays(1));
    }

    /// <summary>A limit as people read it: a working-day limit (China midnight) as "2026-10-08 24时" of the day it
    /// ends, an hours limit to the minute.</summary>
    public static string FormatDue(DateTimeOffset due)
    {
        var china = ChinaTime.ToChina(due);
        return china.TimeOfDay == TimeSpan.Zero
            ? $"{Iso(DateOnly.FromDateTime(china.DateTime).AddDays(-1))} 24时"
            : ChinaTime.FormatMinutes(due);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
