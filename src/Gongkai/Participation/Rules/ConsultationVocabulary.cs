namespace Gongkai.Participation.Rules;

/// <summary>What a consultation asks comments on (issue 14): 规章草案, 重大行政决策, 行政规范性文件, or anything else.</summary>
public enum ConsultationKind
{
    Rule,
    MajorDecision,
    NormativeDocument,
    Other,
}

/// <summary>Where a consultation stands. Only <see cref="ConsultationStage"/> is stored; the status follows from it
/// and the China date (an opened consultation is open from its first day to the end of its last).</summary>
public enum ConsultationStatus
{
    Draft,
    Scheduled,
    Open,
    Closed,
    FeedbackPublished,
}

/// <summary>The stored step: prepared, opened by a 终审 user, feedback published.</summary>
public enum ConsultationStage
{
    Draft,
    Opened,
    FeedbackPublished,
}

/// <summary>What became of a group of comments (意见采纳情况).</summary>
public enum FeedbackDecision
{
    Adopted,
    PartlyAdopted,
    NotAdopted,
}

/// <summary>Whether a comment may be shown: every comment is moderated before the public sees any of it.</summary>
public enum Moderation
{
    Pending,
    Shown,
    Hidden,
}

/// <summary>The wire codes and Chinese names of the participation vocabularies.</summary>
public static class ConsultationVocabulary
{
    public static readonly IReadOnlyList<ConsultationKind> Kinds = [ConsultationKind.Rule, ConsultationKind.MajorDecision, ConsultationKind.NormativeDocument, ConsultationKind.Other];

    public static readonly IReadOnlyList<ConsultationStatus> Statuses =
        [ConsultationStatus.Draft, ConsultationStatus.Scheduled, ConsultationStatus.Open, ConsultationStatus.Closed, ConsultationStatus.FeedbackPublished];

    public static readonly IReadOnlyList<FeedbackDecision> Decisions = [FeedbackDecision.Adopted, FeedbackDecision.PartlyAdopted, FeedbackDecision.NotAdopted];

    /// <summary>How a comment reached the body: the web form, or recorded by staff from a letter, e-mail, phone call,
    /// forum (座谈会), hearing (论证会/听证会) or field visit (实地走访).</summary>
    public static readonly IReadOnlyList<string> OfflineChannels = ["letter", "email", "phone", "forum", "hearing", "field-visit"];

    public const string OnlineChannel = "online";

    public static string Code(ConsultationKind kind) => kind switch
    {
        ConsultationKind.Rule => "rule",
        ConsultationKind.MajorDecision => "major-decision",
        ConsultationKind.NormativeDocument => "normative-document",
        _ => "other",
    };

    public static ConsultationKind? ParseKind(string? code) => Kinds.Cast<ConsultationKind?>().FirstOrDefault(k => Code(k!.Value) == code?.Trim());

    public static string ChineseName(ConsultationKind kind) => kind switch
    {
        ConsultationKind.Rule => "规章草案",
        ConsultationKind.MajorDecision => "重大行政决策",
        ConsultationKind.NormativeDocument => "行政规范性文件",
        _ => "其他",
    };

    public static string Code(ConsultationStatus status) => status switch
    {
        ConsultationStatus.Draft => "draft",
        ConsultationStatus.Scheduled => "scheduled",
        ConsultationStatus.Open => "open",
        ConsultationStatus.Closed => "closed",
        _ => "feedback-published",
    };

    public static ConsultationStatus? ParseStatus(string? code) => Statuses.Cast<ConsultationStatus?>().FirstOrDefault(s => Code(s!.Value) == code?.Trim());

    public static string ChineseName(ConsultationStatus status) => status switch
    {
        ConsultationStatus.Draft => "草稿",
        ConsultationStatus.Scheduled => "即将开始",
        ConsultationStatus.Open => "正在征集",
        ConsultationStatus.Closed => "征集结束",
        _ => "已公布反馈",
    };

    public static string Code(ConsultationStage stage) => stage switch
    {
        ConsultationStage.Draft => "draft",
        ConsultationStage.Opened => "opened",
        _ => "feedback-published",
    };

    public static ConsultationStage ParseStage(string code) => code switch
    {
        "opened" => ConsultationStage.Opened,
        "feedback-published" => ConsultationStage.FeedbackPublished,
        _ => ConsultationStage.Draft,
    };

    public static string Code(FeedbackDecision decision) => decision switch
    {
        FeedbackDecision.Adopted => "adopted",
        FeedbackDecision.PartlyAdopted => "partly-adopted",
        _ => "not-adopted",
    };

    public static FeedbackDecision? ParseDecision(string? code) => Decisions.Cast<FeedbackDecision?>().FirstOrDefault(d => Code(d!.Value) == code?.Trim());

    public static string ChineseName(FeedbackDecision decision) => decision switch
    {
        FeedbackDecision.Adopted => "采纳",
        FeedbackDecision.PartlyAdopted => "部分采纳",
        _ => "不予采纳",
    };

    public static string Code(Moderation moderation) => moderation switch
    {
        Moderation.Pending => "pending",
        Moderation.Shown => "shown",
        _ => "hidden",
    };

    public static Moderation ParseModeration(string code) => code switch
    {
        "shown" => Moderation.Shown,
        "hidden" => Moderation.Hidden,
        _ => Moderation.Pending,
    };

    public static string ChineseName(Moderation moderation) => moderation switch
    {
        Moderation.Pending => "待审核",
        Moderation.Shown => "已公开",
        _ => "不公开",
    };

    public static string ChannelName(string channel) => channel switch
    {
        OnlineChannel => "网上提交",
        "letter" => "信函",
        "email" => "电子邮件",
        "phone" => "电话",
        "forum" => "座谈会",
        "hearing" => "论证会/听证会",
        "field-visit" => "实地走访",
        _ => channel,
    };

    /// <summary>方案一, 方案二 … for the alternatives, numbered from 1.</summary>
    public static string OptionName(int number) => "方案" + ChineseNumber(number);

    private static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 and >= 0 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n - 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
