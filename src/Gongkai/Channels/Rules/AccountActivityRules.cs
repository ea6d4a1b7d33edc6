using System.Globalization;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;

namespace Gongkai.Channels.Rules;

/// <summary>What an account's platform tool reports through <c>POST /api/v1/new-media/accounts/{id}/stats</c>: the
/// figures the inspection indicators are computed from, as instants (the tool knows when, not which day in China).</summary>
public sealed record AccountStatsReport(int? Followers, DateTimeOffset? LastPostAt, int? UnansweredInteractions, DateTimeOffset? OldestUnansweredAt);

/// <summary>Followers and activity as stored: China dates, the oldest unanswered date only while something waits.</summary>
public sealed record CheckedActivity(int? Followers, DateOnly? LastPostOn, int UnansweredInteractions, DateOnly? OldestUnansweredOn);

/// <summary>The names the fields go by where the figures came from (the console's form, the API's JSON), so a
/// refusal points at the field the sender filled in.</summary>
public sealed record ActivityFieldNames(string Followers, string LastPost, string UnansweredInteractions, string OldestUnanswered)
{
    public static readonly ActivityFieldNames Form = new("Followers", "LastPostOn", "UnansweredInteractions", "OldestUnansweredOn");

    public static readonly ActivityFieldNames Api = new("followers", "lastPostAt", "unansweredInteractions", "oldestUnansweredAt");
}

/// <summary>
/// Followers and activity of a 政务新媒体 account, entered on the console or reported by the account's platform tool,
/// before they reach the indicators (<see cref="AccountIndicators"/>): counts are not negative, dates are not in the
/// future nor before <see cref="Earliest"/>. A report through the API must give every figure — a field left out would
/// otherwise read as 从未更新 or as nothing waiting — and the oldest unanswered interaction's time when any waits
/// (without it the indicator cannot tell on time from late). A report's instants may be up to
/// <see cref="ClockSkew"/> ahead of the server's clock (the tool's clock is not ours).
/// </summary>
public static class AccountActivityRules
{
    /// <summary>政务微博 began in 2009; a date before 2000 is a typing or clock error, never a post.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The console's form: every figure optional, as the person knows it.</summary>
    public static Outcome<CheckedActivity> Check(int? followers, DateOnly? lastPostOn, int unansweredInteractions, DateOnly? oldestUnansweredOn, DateOnly today) =>
        Check(followers, lastPostOn, unansweredInteractions, oldestUnansweredOn, today, ActivityFieldNames.Form, new Dictionary<string, string[]>(), "运行情况填写有误。");

    /// <summary>A report through the API, checked at <paramref name="now"/>.</summary>
    public static Outcome<CheckedActivity> CheckReport(AccountStatsReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var names = ActivityFieldNames.Api;
        var errors = new Dictionary<string, string[]>();
        if (report.Followers is null)
        {
            errors[names.Followers] = ["请报送关注人数（followers）。"];
        }

        if (report.LastPostAt is null)
        {
            errors[names.LastPost] = ["请报送最近一次发布的时间（lastPostAt，ISO 8601，带时区）。"];
        }

        if (report.UnansweredInteractions is null)
        {
            errors[names.UnansweredInteractions] = ["请报送未回应的互动留言数（unansweredInteractions，没有则为 0）。"];
        }
        else if (report.UnansweredInteractions > 0 && report.OldestUnansweredAt is null)
        {
            errors[names.OldestUnanswered] = ["有未回应的互动留言时，请报送其中最早一条的时间（oldestUnansweredAt）。"];
        }

        var latest = now + ClockSkew;
        if (report.LastPostAt > latest)
        {
            errors[names.LastPost] = ["最近一次发布的时间不能晚于当前时间。"];
        }

        if (report.OldestUnansweredAt > latest)
        {
            errors[names.OldestUnanswered] = ["最早一条未回应留言的时间不能晚于当前时间。"];
        }

        // Within the allowed skew an instant a little ahead is taken as now, so it never falls on tomorrow's date.
        DateOnly? Day(DateTimeOffset? at) => at is { } instant ? ChinaTime.DateOf(instant > now ? now : instant) : null;
        return Check(report.Followers, Day(report.LastPostAt), report.UnansweredInteractions ?? 0, Day(report.OldestUnansweredAt), ChinaTime.DateOf(now), names,
            errors, "运行数据报送有误。");
    }

    private static Outcome<CheckedActivity> Check(int? followers, DateOnly? lastPostOn, int unanswered, DateOnly? oldestUnansweredOn, DateOnly today,
        ActivityFieldNames names, Dictionary<string, string[]> errors, string message)
    {
        if (followers is < 0)
        {
            errors[names.Followers] = ["关注人数不能为负数。"];
        }

        if (unanswered < 0)
        {
            errors[names.UnansweredInteractions] = ["未回应的留言数不能为负数。"];
        }

        CheckDate(errors, names.LastPost, lastPostOn, today, "最近一次更新");
        if (unanswered > 0)
        {
            CheckDate(errors, names.OldestUnanswered, oldestUnansweredOn, today, "最早一条未回应留言");
        }

        return errors.Count > 0
            ? Refusal.Invalid(message, errors)
            : new CheckedActivity(followers, lastPostOn, unanswered, unanswered > 0 ? oldestUnansweredOn : null);
    }

    private static void CheckDate(Dictionary<string, string[]> errors, string field, DateOnly? date, DateOnly today, string label)
    {
        if (errors.ContainsKey(field) || date is not { } day)
        {
            return;
        }

        if (day > today)
        {
            errors[field] = [$"{label}的日期不能晚于今天。"];
        }
        else if (day < Earliest)
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"{label}的日期早于 {Earliest.Year} 年，请核对。")];
        }
    }
}
