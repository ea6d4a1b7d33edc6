using System.Globalization;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;

namespace Gongkai.Oversight.Rules;

/// <summary>How serious a public-opinion item is.</summary>
public enum OpinionSeverity
{
    /// <summary>重大突发事件: authoritative information within 5 hours, a press conference within 24 hours.</summary>
    MajorEmergency,

    /// <summary>涉及本单位的重要舆情: a response within 48 hours.</summary>
    Important,

    /// <summary>一般舆情: 61号's "other matters", a response within 48 hours.</summary>
    General,
}

/// <summary>The instants an item must be answered by; null where the severity has no such clock.</summary>
public sealed record OpinionDeadlines(DateTimeOffset? FirstReleaseDueAt, DateTimeOffset? PressConferenceDueAt, DateTimeOffset ResponseDueAt);

/// <summary>Where one clock stands.</summary>
public enum ClockState
{
    Running,
    DueSoon,
    Overdue,
    Met,
    MetLate,
}

/// <summary>
/// The clocks of 国办发〔2016〕61号 and its 2016 implementing rules: for a major emergency authoritative information
/// within 5 hours and a press conference within 24 hours of the item being found; other public opinion a response
/// within 48 hours. The clocks run in hours, around the clock (not working days), from the found instant; a clock is
/// "due soon" in its last fifth (the last hour of the 5-hour clock). Found times in the future are refused.
/// </summary>
public static class OpinionClock
{
    public static readonly TimeSpan FirstRelease = TimeSpan.FromHours(5);
    public static readonly TimeSpan PressConference = TimeSpan.FromHours(24);
    public static readonly TimeSpan Response = TimeSpan.FromHours(48);

    /// <summary>Client clocks drift: a found time up to this far ahead of the server is taken as "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public static OpinionDeadlines DeadlinesFor(OpinionSeverity severity, DateTimeOffset foundAt)
    {
        var found = foundAt.ToUniversalTime();
        return severity == OpinionSeverity.MajorEmergency
            // The press conference is the response at the latest.
            ? new OpinionDeadlines(found + FirstRelease, found + PressConference, found + PressConference)
            : new OpinionDeadlines(null, null, found + Response);
    }

    /// <summary>The found time as given, refused when missing, unreadable or later than now.</summary>
    public static Outcome<DateTimeOffset> CheckFoundAt(string? foundAt, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(foundAt))
        {
            return Refusal.InvalidField("foundAt", "请填写发现时间。", "发现时间有误");
        }

        if (ParseFoundAt(foundAt) is not { } parsed)
        {
            return Refusal.InvalidField("foundAt", $"无法识别的发现时间“{foundAt}”，请用 2026-12-03T21:30 或带时区的 ISO 8601 格式。", "发现时间有误");
        }

        if (parsed > now + ClockSkew)
        {
            return Refusal.InvalidField("foundAt", $"发现时间 {ChinaTime.FormatMinutes(parsed)} 晚于现在，不能登记未来发现的舆情。", "发现时间有误");
        }

        return parsed.ToUniversalTime();
    }

    /// <summary>ISO 8601; a time without an offset is China time (UTC+8), as staff read it off their screen.</summary>
    public static DateTimeOffset? ParseFoundAt(string text)
    {
        var value = text.Trim();
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || HasNumericOffset(value);
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) ? withOffset : null;
        }

        string[] formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        return DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ChinaTime.Offset)
            : null;
    }

    private static bool HasNumericOffset(string value)
    {
        var t = value.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            t = value.IndexOf(' ', StringComparison.Ordinal);
        }

        return t >= 0 && (value.IndexOf('+', t) > 0 || value.IndexOf('-', t) > 0);
    }

    public static ClockState StateOf(DateTimeOffset startedAt, DateTimeOffset dueAt, DateTimeOffset? doneAt, DateTimeOffset now)
    {
        if (doneAt is { } done)
        {
            return done <= dueAt ? ClockState.Met : ClockState.MetLate;
        }

        if (now > dueAt)
        {
            return ClockState.Overdue;
        }

        var window = dueAt - startedAt;
        return dueAt - now <= window / 5 ? ClockState.DueSoon : ClockState.Running;
    }

    public static string Code(OpinionSeverity severity) => severity switch
    {
        OpinionSeverity.MajorEmergency => "major-emergency",
        OpinionSeverity.Important => "important",
        _ => "general",
    };

    public static OpinionSeverity? ParseSeverity(string? code) => code?.Trim() switch
    {
        "major-emergency" => OpinionSeverity.MajorEmergency,
        "important" => OpinionSeverity.Important,
        "general" => OpinionSeverity.General,
        _ => null,
    };

    public static string ChineseName(OpinionSeverity severity) => severity switch
    {
        OpinionSeverity.MajorEmergency => "重大突发事件",
        OpinionSeverity.Important => "重要舆情",
        _ => "一般舆情",
    };

    public static string ChineseName(ClockState state) => state switch
    {
        ClockState.Met => "已按时完成",
        ClockState.MetLate => "已完成（超时）",
        ClockState.Overdue => "已超时",
        ClockState.DueSoon => "即将到期",
        _ => "计时中",
    };
}
