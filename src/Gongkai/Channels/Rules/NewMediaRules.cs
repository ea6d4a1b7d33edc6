using System.Globalization;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Channels.Rules;

/// <summary>The platforms a 政务新媒体 account runs on, and how long a post's summary may be on each.</summary>
public static class NewMediaPlatforms
{
    public const string WeChat = "微信公众号";
    public const string Weibo = "微博";
    public const string Douyin = "抖音";
    public const string App = "客户端";
    public const string Other = "其他";

    public static readonly IReadOnlyList<string> All = [WeChat, Weibo, Douyin, App, Other];

    /// <summary>Characters of summary a post may carry: 微博's 140-character post, 微信公众号's 120-character 摘要, 抖音's
    /// 55-character title line; 客户端 and others 200 (Gongkai's choice; the platforms' consoles cut longer text).</summary>
    public static int SummaryLimit(string platform) => platform switch
    {
        Weibo => 140,
        WeChat => 120,
        Douyin => 55,
        _ => 200,
    };
}

public enum AccountStatus
{
    /// <summary>运行中.</summary>
    Active,

    /// <summary>关停: closed, with a public notice.</summary>
    Closed,

    /// <summary>整合: merged into another account of the body, with a public notice.</summary>
    Merged,
}

/// <summary>What an account's owner reports (or an adapter reads): when it last posted and what interaction waits.</summary>
public sealed record AccountActivity(AccountStatus Status, DateOnly? LastPostOn, int UnansweredInteractions, DateOnly? OldestUnansweredOn);

/// <summary>The account's standing on the 2019 inspection indicators (政府网站与政务新媒体检查指标).</summary>
public sealed record AccountHealth(bool NotUpdated, int? DaysSincePost, bool InteractionUnanswered, IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;
}

/// <summary>
/// The 政务新媒体 indicators as a rule: an account that has not posted within <see cref="UpdateWindowDays"/> (2 weeks)
/// is 未及时更新 — a post exactly 14 days ago still counts; an account with interaction (留言、评论、私信) left
/// unanswered longer than <see cref="AnswerWithinDays"/> is 互动回应不及时. The inspection indicators name no answer
/// time; 3 days is Gongkai's choice, written in the CHANGELOG. Closed and merged accounts are not assessed.
/// </summary>
public static class AccountIndicators
{
    public const int UpdateWindowDays = 14;

    public const int AnswerWithinDays = 3;

    public static AccountHealth Assess(AccountActivity activity, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Status != AccountStatus.Active)
        {
            return new AccountHealth(false, null, false, []);
        }

        var problems = new List<string>();
        int? days = activity.LastPostOn is { } last ? today.DayNumber - last.DayNumber : null;
        var notUpdated = days is null or > UpdateWindowDays;
        if (notUpdated)
        {
            problems.Add(days is null ? "从未更新" : string.Create(CultureInfo.InvariantCulture, $"{days} 天未更新（超过 2 周）"));
        }

        var waiting = activity.UnansweredInteractions > 0 && activity.OldestUnansweredOn is { } oldest ? today.DayNumber - oldest.DayNumber : (int?)null;
        var unanswered = waiting > AnswerWithinDays || (activity.UnansweredInteractions > 0 && activity.OldestUnansweredOn is null);
        if (unanswered)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{activity.UnansweredInteractions} 条互动留言未回应") + (waiting is { } w ? string.Create(CultureInfo.InvariantCulture, $"（最早已 {w} 天）") : ""));
        }

        return new AccountHealth(notUpdated, days, unanswered, problems);
    }
}

public enum PostStatus
{
    /// <summary>草稿: the editor may change it.</summary>
    Draft,

    /// <summary>待审核.</summary>
    Submitted,

    /// <summary>已审核发布: the reviewer released it; the channel's adapter or the editor puts it out.</summary>
    Released,

    /// <summary>退回: back to the editor with the reviewer's reasons.</summary>
    Rejected,

    /// <summary>已撤回: its source document was withdrawn (before release, or after it — then flagged for removal on the platform).</summary>
    Withdrawn,
}

/// <summary>The post's content as checked: title and summary within the platform's limits.</summary>
public sealed record CheckedPostContent(string Title, string Summary);

/// <summary>
/// A post to an account is a separate piece of content with its own review (三审 is for documents; a post gets one
/// review by someone other than its author, in the account's owner body — 谁开设、谁管理): draft → submitted →
/// released, or back to the editor; nothing is released unreviewed.
/// </summary>
public static class PostFlow
{
    public const int MaxTitleLength = 64;

    public static Outcome<CheckedPostContent> CheckContent(string platform, string? title, string? summary)
    {
        var errors = new Dictionary<string, string[]>();
        var cleanTitle = (title ?? "").Trim();
        var cleanSummary = (summary ?? "").Trim();
        if (cleanTitle.Length == 0 || cleanTitle.Length > MaxTitleLength)
        {
            errors["Title"] = [string.Create(CultureInfo.InvariantCulture, $"标题须为 1 至 {MaxTitleLength} 个字。")];
        }

        var limit = NewMediaPlatforms.SummaryLimit(platform);
        if (cleanSummary.Length == 0 || cleanSummary.Length > limit)
        {
            errors["Summary"] = [string.Create(CultureInfo.InvariantCulture, $"{platform}的摘要须为 1 至 {limit} 个字（现为 {cleanSummary.Length} 个字）。")];
        }

        return errors.Count > 0 ? Refusal.Invalid("推送内容不符合要求。", errors) : new CheckedPostContent(cleanTitle, cleanSummary);
    }

    /// <summary>The summary a draft starts with: the document's text, cut to the platform's limit with an ellipsis.</summary>
    public static string DraftSummary(string platform, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var limit = NewMediaPlatforms.SummaryLimit(platform);
        return plain.Length <= limit ? plain : plain[..(limit - 1)] + "…";
    }

    public static Outcome Submit(PostStatus status) =>
        status is PostStatus.Draft or PostStatus.Rejected ? Outcome.Done : Refusal.Conflict("只有草稿或退回的推送可以提交审核。");

    public static Outcome Edit(PostStatus status) =>
        status is PostStatus.Draft or PostStatus.Rejected ? Outcome.Done : Refusal.Conflict("已提交或已发布的推送不能修改。");

    /// <summary>Release or return a submitted post. The author cannot review their own post; a release needs the source document still public.</summary>
    public static Outcome Review(PostStatus status, string? authorId, string? reviewerId, bool release, bool sourceStillPublished, string? comment)
    {
        if (status != PostStatus.Submitted)
        {
            return Refusal.Conflict("这条推送不在待审核状态。");
        }

        if (reviewerId is null || reviewerId == authorId)
        {
            return Refusal.Forbidden("推送须由起草人以外的人审核。");
        }

        if (!release && string.IsNullOrWhiteSpace(comment))
        {
            return Refusal.InvalidField("Comment", "退回时请写明理由。");
        }

        return release && !sourceStillPublished ? Refusal.Blocked("来源文件已不再公开，不能发布这条推送。") : Outcome.Done;
    }
}
