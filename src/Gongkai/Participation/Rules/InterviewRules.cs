using System.Globalization;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Participation.Rules;

/// <summary>Where an online interview (在线访谈) stands: prepared by staff, announced to the public (questions welcome),
/// live (moderators pick and answer), archived (the transcript is final).</summary>
public enum InterviewStage
{
    Draft,
    Announced,
    Live,
    Archived,
}

/// <summary>What became of a citizen's question: waiting, picked for the guests, answered (in the transcript) or not taken up.</summary>
public enum QuestionState
{
    Pending,
    Picked,
    Answered,
    Declined,
}

/// <summary>A question with its fields checked and trimmed.</summary>
public sealed record CheckedInterviewQuestion(string? Name, string Contact, string Text, bool HadMarkup);

/// <summary>
/// The online-interview state machine and the checks of a citizen's question, as plain functions: questions are taken
/// while the interview is announced or live, moderators answer only while it is live, and the transcript is closed when
/// it is archived. A question follows the same bad-input rules as a consultation comment (plain text, at most 5,000
/// characters, a contact that is never shown).
/// </summary>
public static class InterviewRules
{
    public const int MaxQuestionLength = ConsultationRules.MaxCommentLength;
    public const int MaxAnswerLength = 10000;
    public const int MaxTitleLength = 200;
    public const int MaxGuests = 10;

    public static readonly IReadOnlyList<InterviewStage> Stages = Enum.GetValues<InterviewStage>();

    public static string Code(InterviewStage stage) => stage switch
    {
        InterviewStage.Draft => "draft",
        InterviewStage.Announced => "announced",
        InterviewStage.Live => "live",
        _ => "archived",
    };

    public static InterviewStage ParseStage(string? code) => code switch
    {
        "announced" => InterviewStage.Announced,
        "live" => InterviewStage.Live,
        "archived" => InterviewStage.Archived,
        _ => InterviewStage.Draft,
    };

    /// <summary>A stage by its public code; null for an unknown code or for draft (never public).</summary>
    public static InterviewStage? ParsePublicStage(string? code) => code is "announced" or "live" or "archived" ? ParseStage(code) : null;

    public static string ChineseName(InterviewStage stage) => stage switch
    {
        InterviewStage.Draft => "草稿",
        InterviewStage.Announced => "预告",
        InterviewStage.Live => "正在访谈",
        _ => "往期回顾",
    };

    public static string Code(QuestionState state) => state switch
    {
        QuestionState.Pending => "pending",
        QuestionState.Picked => "picked",
        QuestionState.Answered => "answered",
        _ => "declined",
    };

    public static QuestionState ParseQuestionState(string? code) => code switch
    {
        "picked" => QuestionState.Picked,
        "answered" => QuestionState.Answered,
        "declined" => QuestionState.Declined,
        _ => QuestionState.Pending,
    };

    public static string ChineseName(QuestionState state) => state switch
    {
        QuestionState.Pending => "待选",
        QuestionState.Picked => "已选，待回答",
        QuestionState.Answered => "已回答",
        _ => "未采用",
    };

    /// <summary>Announcing is done once, from a draft, by a 终审 user.</summary>
    public static Outcome MayAnnounce(InterviewStage stage) => stage == InterviewStage.Draft
        ? Outcome.Done
        : Refusal.Conflict("这次访谈已经发布预告。", "已发布");

    /// <summary>Only a draft can be edited: once announced, the topic, guests and time stay as the public read them.</summary>
    public static Outcome MayEdit(InterviewStage stage) => stage == InterviewStage.Draft
        ? Outcome.Done
        : Refusal.Conflict("访谈发布预告后，主题、嘉宾和时间不能再修改。", "已发布");

    /// <summary>The interview goes live from its announcement.</summary>
    public static Outcome MayStart(InterviewStage stage) => stage switch
    {
        InterviewStage.Announced => Outcome.Done,
        InterviewStage.Draft => Refusal.Conflict("请先发布访谈预告。", "尚未发布"),
        InterviewStage.Live => Refusal.Conflict("访谈已经开始。", "正在访谈"),
        _ => Refusal.Conflict("访谈已经结束并归档。", "已归档"),
    };

    /// <summary>Archiving ends the interview; it is done from live (or from announced, for one that did not take place online).</summary>
    public static Outcome MayArchive(InterviewStage stage) => stage switch
    {
        InterviewStage.Announced or InterviewStage.Live => Outcome.Done,
        InterviewStage.Draft => Refusal.Conflict("请先发布访谈预告。", "尚未发布"),
        _ => Refusal.Conflict("访谈已经归档。", "已归档"),
    };

    /// <summary>Citizens ask before the interview (announced) and during it (live).</summary>
    public static Outcome MayAsk(InterviewStage stage) => stage switch
    {
        InterviewStage.Announced or InterviewStage.Live => Outcome.Done,
        InterviewStage.Archived => Refusal.Conflict("这次访谈已经结束，不再接收提问。欢迎阅读访谈实录。", "访谈已结束"),
        _ => Refusal.Conflict("这次访谈尚未发布，暂不接收提问。", "尚未发布"),
    };

    /// <summary>Moderators pick or set aside questions until the interview is archived.</summary>
    public static Outcome MayModerate(InterviewStage stage, QuestionState state) => stage switch
    {
        InterviewStage.Archived => Refusal.Conflict("访谈已经归档，实录不能再改变。", "已归档"),
        InterviewStage.Draft => Refusal.Conflict("这次访谈尚未发布。", "尚未发布"),
        _ when state == QuestionState.Answered => Refusal.Conflict("这个问题已经回答，回答已载入实录。", "已回答"),
        _ => Outcome.Done,
    };

    /// <summary>Answers are recorded while the interview is live, once per question; they go into the transcript in order.</summary>
    public static Outcome MayAnswer(InterviewStage stage, QuestionState state) => stage switch
    {
        InterviewStage.Live when state == QuestionState.Answered => Refusal.Conflict("这个问题已经回答，回答已载入实录。", "已回答"),
        InterviewStage.Live => Outcome.Done,
        InterviewStage.Archived => Refusal.Conflict("访谈已经归档，实录不能再改变。", "已归档"),
        _ => Refusal.Conflict("访谈开始后才能记录嘉宾的回答。", "访谈尚未开始"),
    };

    /// <summary>Checks a question. Markup is not refused but noted: the text is stored and shown as plain text.</summary>
    public static Outcome<CheckedInterviewQuestion> CheckQuestion(string? name, string? contact, string? text)
    {
        var errors = new Dictionary<string, string[]>();
        var body = (text ?? "").Trim();
        if (body.Length == 0)
        {
            errors["text"] = ["请填写您的问题。"];
        }
        else if (body.Length > MaxQuestionLength)
        {
            errors["text"] = [$"问题不能超过 {MaxQuestionLength} 字（现有 {body.Length} 字），请精简或分几次提交。"];
        }

        var reach = (contact ?? "").Trim();
        if (reach.Length == 0)
        {
            errors["contact"] = ["请留下联系方式（电话或电子邮箱），仅供工作人员联系核实，不会公开。"];
        }
        else if (reach.Length > ConsultationRules.MaxContactLength)
        {
            errors["contact"] = [$"联系方式不能超过 {ConsultationRules.MaxContactLength} 个字。"];
        }

        var who = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (who is { Length: > ConsultationRules.MaxNameLength })
        {
            errors["name"] = [$"姓名或网名不能超过 {ConsultationRules.MaxNameLength} 个字。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "提问内容有误");
        }

        return new CheckedInterviewQuestion(who, reach, body, ConsultationRules.ContainsMarkup(body) || (who is not null && ConsultationRules.ContainsMarkup(who)));
    }

    /// <summary>Guests, one per line (name and post), trimmed; at least one.</summary>
    public static IReadOnlyList<string> GuestList(string? guests) =>
        (guests ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>索引号 of related documents, one per line or separated by spaces, commas or 、.</summary>
    public static IReadOnlyList<string> IndexNumbers(string? text) =>
        (text ?? "").Split(['\n', '\r', ' ', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
}
