using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Calendar;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Participation.Rules;

/// <summary>The shortest period a kind of consultation may run: calendar days or working days on the site's calendar,
/// counted from the day after opening (《民法典》第二百零一条: the opening day is not counted).</summary>
public sealed record MinimumPeriod(int Days, bool WorkingDays, string Basis)
{
    public string Describe() => WorkingDays ? $"不少于{Days}个工作日" : $"不少于{Days}日";
}

/// <summary>A period checked against its minimum: the earliest allowed closing day and whether the period was shortened
/// (then with the reason that the public page shows).</summary>
public sealed record CheckedPeriod(DateOnly OpensOn, DateOnly ClosesOn, DateOnly? EarliestClose, MinimumPeriod? Minimum, string? ShortenedReason)
{
    public bool Shortened => ShortenedReason is not null;
}

/// <summary>A citizen's or a letter's comment with its fields checked and trimmed.</summary>
public sealed record CheckedComment(string? Name, string Contact, string Text, string? Clause, int? Option, bool HadMarkup);

/// <summary>One group of the feedback as staff hand it in.</summary>
public sealed record FeedbackGroupDraft(IReadOnlyList<long> CommentIds, string? Decision, string? Reason, string? Summary = null);

/// <summary>A group that passed the checks.</summary>
public sealed record CheckedFeedbackGroup(IReadOnlyList<long> CommentIds, FeedbackDecision Decision, string Reason, string Summary);

/// <summary>
/// The consultation state machine and its deadlines (issue 14), as plain functions: minimum periods per kind (30 days
/// for 规章草案 and 重大行政决策, 7 working days on the site's calendar for 行政规范性文件, shorter only with a public reason),
/// the status a stage has on a given day, who may comment when, the checks of a comment, and the feedback plan
/// (every comment in exactly one group, a reason for every group not fully adopted).
/// </summary>
public static partial class ConsultationRules
{
    public const int MaxCommentLength = 5000;
    public const int MaxContactLength = 100;
    public const int MaxNameLength = 50;
    public const int MaxClauseLength = 50;
    public const int MaxReasonLength = 2000;
    public const int MaxTitleLength = 200;

    public const string MarkupNotice = "您的意见中含有 HTML 标记或脚本代码，已按纯文字原样保存，页面上只作为文字显示，不会作为网页代码执行。";

    public static MinimumPeriod? MinimumFor(ConsultationKind kind) => kind switch
    {
        ConsultationKind.Rule => new MinimumPeriod(30, false, "《规章制定程序条例》：征求意见的期限一般不少于30日"),
        ConsultationKind.MajorDecision => new MinimumPeriod(30, false, "《重大行政决策程序暂行条例》：征求意见的期限一般不少于30日"),
        ConsultationKind.NormativeDocument => new MinimumPeriod(7, true, "国办发〔2018〕37号：征求意见的期限一般不少于7个工作日"),
        _ => null,
    };

    /// <summary>The earliest closing day the kind's minimum allows for a consultation opening on
    /// <paramref name="opensOn"/> (null for kinds without a minimum).</summary>
    public static DateOnly? EarliestClose(ConsultationKind kind, DateOnly opensOn, WorkCalendar calendar)
    {
        var minimum = MinimumFor(kind);
        return minimum is null ? null
            : minimum.WorkingDays ? calendar.AddWorkingDays(opensOn, minimum.Days).Date
            : opensOn.AddDays(minimum.Days);
    }

    /// <summary>Checks the period before opening: it must end on or after it starts, and reach the kind's minimum
    /// unless a reason for the shorter period is given (refused as a rule, naming the minimum and the earliest day).</summary>
    public static Outcome<CheckedPeriod> CheckPeriod(ConsultationKind kind, DateOnly opensOn, DateOnly closesOn, string? shortenedReason, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (closesOn < opensOn)
        {
            return Refusal.InvalidField("closesOn", "截止日期不能早于开始日期。", "征集期限有误");
        }

        var minimum = MinimumFor(kind);
        DateOnly? earliest;
        try
        {
            earliest = EarliestClose(kind, opensOn, calendar);
        }
        catch (CalendarYearMissingException missing)
        {
            return Refusal.Blocked($"尚未导入 {missing.Year} 年的节假日安排，无法按工作日计算征求意见期限。请先在“节假日安排”中导入该年度。", "无法计算征集期限");
        }

        var reason = string.IsNullOrWhiteSpace(shortenedReason) ? null : shortenedReason.Trim();
        if (earliest is { } day && closesOn < day)
        {
            if (reason is null)
            {
                return Refusal.Blocked(
                    $"{ConsultationVocabulary.ChineseName(kind)}征求意见的期限{minimum!.Describe()}（{minimum.Basis}；开始当日不计入），"
                    + $"自 {Format(opensOn)} 开始的，截止日期不得早于 {Format(day)}。如确需缩短期限，请填写缩短理由，理由将向社会公开。",
                    "征集期限短于规定") with
                {
                    Extensions = new Dictionary<string, object?>
                    {
                        ["minimumDays"] = minimum.Days,
                        ["workingDays"] = minimum.WorkingDays,
                        ["earliestClosesOn"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    },
                };
            }

            return new CheckedPeriod(opensOn, closesOn, day, minimum, reason);
        }

        return new CheckedPeriod(opensOn, closesOn, earliest, minimum, null);
    }

    /// <summary>The status of a consultation at <paramref name="stage"/> on China date <paramref name="today"/>:
    /// open from the opening day to the end of the closing day.</summary>
    public static ConsultationStatus StatusOn(ConsultationStage stage, DateOnly opensOn, DateOnly closesOn, DateOnly today) => stage switch
    {
        ConsultationStage.Draft => ConsultationStatus.Draft,
        ConsultationStage.FeedbackPublished => ConsultationStatus.FeedbackPublished,
        _ when today < opensOn => ConsultationStatus.Scheduled,
        _ when today <= closesOn => ConsultationStatus.Open,
        _ => ConsultationStatus.Closed,
    };

    /// <summary>Only a draft can be opened; opening is done once.</summary>
    public static Outcome MayOpen(ConsultationStage stage) => stage == ConsultationStage.Draft
        ? Outcome.Done
        : Refusal.Conflict("这项意见征集已经公布，不能再次公布。", "已公布");

    /// <summary>Only a draft can be edited: once the public has read a draft, its text stays as it was.</summary>
    public static Outcome MayEdit(ConsultationStage stage) => stage == ConsultationStage.Draft
        ? Outcome.Done
        : Refusal.Conflict("意见征集公布后，草案和期限不能再修改。", "已公布");

    /// <summary>Whether the public may comment now (only while open).</summary>
    public static Outcome MayComment(ConsultationStatus status, DateOnly opensOn, DateOnly closesOn) => status switch
    {
        ConsultationStatus.Open => Outcome.Done,
        ConsultationStatus.Draft => Refusal.Conflict("这项意见征集尚未公布，暂不接收意见。", "尚未开始"),
        ConsultationStatus.Scheduled => Refusal.Conflict($"这项意见征集将于 {Format(opensOn)} 开始，届时欢迎提出意见。", "尚未开始"),
        _ => Refusal.Conflict($"这项意见征集已于 {Format(closesOn)} 截止，不再接收意见。感谢您的关注。", "征集已截止"),
    };

    /// <summary>Staff record a comment received offline (a letter, a forum, a field visit) when it was received within
    /// the period and not in the future, until the feedback is published.</summary>
    public static Outcome MayRecordOffline(ConsultationStage stage, DateOnly opensOn, DateOnly closesOn, DateOnly receivedOn, DateOnly today)
    {
        if (stage == ConsultationStage.Draft)
        {
            return Refusal.Conflict("这项意见征集尚未公布，不能登记意见。", "尚未开始");
        }

        if (stage == ConsultationStage.FeedbackPublished)
        {
            return Refusal.Conflict("反馈已经公布，不能再登记意见。", "反馈已公布");
        }

        if (receivedOn > today)
        {
            return Refusal.InvalidField("receivedOn", "收到日期不能晚于今天。", "收到日期有误");
        }

        return receivedOn < opensOn || receivedOn > closesOn
            ? Refusal.InvalidField("receivedOn", $"收到日期应在征集期内（{Format(opensOn)} 至 {Format(closesOn)}）。", "收到日期有误")
            : Outcome.Done;
    }

    /// <summary>Feedback is prepared after the period has ended and until it is published.</summary>
    public static Outcome MayPrepareFeedback(ConsultationStatus status, DateOnly closesOn) => status switch
    {
        ConsultationStatus.Closed => Outcome.Done,
        ConsultationStatus.FeedbackPublished => Refusal.Conflict("反馈已经公布，不能再修改。", "反馈已公布"),
        ConsultationStatus.Open or ConsultationStatus.Scheduled =>
            Refusal.Conflict($"征集期尚未结束（{Format(closesOn)} 截止），截止后才能整理采纳情况。", "征集尚未结束"),
        _ => Refusal.Conflict("这项意见征集尚未公布。", "尚未开始"),
    };

    /// <summary>Checks a comment. Markup is not refused but noted: the text is stored and shown as plain text.</summary>
    public static Outcome<CheckedComment> CheckComment(string? name, string? contact, string? text, string? clause, string? option, int optionCount)
    {
        var errors = new Dictionary<string, string[]>();
        var body = (text ?? "").Trim();
        if (body.Length == 0)
        {
            errors["text"] = ["请填写意见内容。"];
        }
        else if (body.Length > MaxCommentLength)
        {
            errors["text"] = [$"意见内容不能超过 {MaxCommentLength} 字（现有 {body.Length} 字），请精简或分几次提交。"];
        }

        var reach = (contact ?? "").Trim();
        if (reach.Length == 0)
        {
            errors["contact"] = ["请留下联系方式（电话、电子邮箱或通信地址），仅供工作人员联系核实，不会公开。"];
        }
        else if (reach.Length > MaxContactLength)
        {
            errors["contact"] = [$"联系方式不能超过 {MaxContactLength} 个字。"];
        }

        var who = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (who is { Length: > MaxNameLength })
        {
            errors["name"] = [$"姓名或单位名称不能超过 {MaxNameLength} 个字。"];
        }

        var where = string.IsNullOrWhiteSpace(clause) ? null : clause.Trim();
        if (where is { Length: > MaxClauseLength })
        {
            errors["clause"] = [$"条款不能超过 {MaxClauseLength} 个字。"];
        }

        int? chosen = null;
        if (!string.IsNullOrWhiteSpace(option))
        {
            chosen = ParseOption(option, optionCount);
            if (chosen is null)
            {
                errors["option"] = [optionCount == 0 ? "这项意见征集没有备选方案。" : $"请选择方案一至{ConsultationVocabulary.OptionName(optionCount)[2..]}之一。"];
            }
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "意见内容有误");
        }

        return new CheckedComment(who, reach, body, where, chosen, ContainsMarkup(body) || (who is not null && ContainsMarkup(who)));
    }

    /// <summary>An option by its number ("2") or its name ("方案二").</summary>
    public static int? ParseOption(string option, int optionCount)
    {
        var trimmed = option.Trim();
        for (var n = 1; n <= optionCount; n++)
        {
            if (trimmed == n.ToString(CultureInfo.InvariantCulture) || trimmed == ConsultationVocabulary.OptionName(n))
            {
                return n;
            }
        }

        return null;
    }

    public static bool ContainsMarkup(string text) => Markup().IsMatch(text);

    /// <summary>Checks the feedback: a summary, each group with a known decision, a reason for every group not fully
    /// adopted, and every comment of the consultation in exactly one group. Refused as a rule (422) naming what is
    /// missing: the comments without a group, the groups without a reason.</summary>
    public static Outcome<IReadOnlyList<CheckedFeedbackGroup>> CheckFeedback(string? summary, IReadOnlyList<FeedbackGroupDraft>? groups, IReadOnlyCollection<long> commentIds)
    {
        ArgumentNullException.ThrowIfNull(commentIds);
        var problems = new List<string>();
        var groupsWithoutReason = new List<int>();
        if (string.IsNullOrWhiteSpace(summary))
        {
            problems.Add("请填写采纳情况的总体说明。");
        }

        groups ??= [];
        var known = commentIds.ToHashSet();
        var placed = new Dictionary<long, int>();
        var checkedGroups = new List<CheckedFeedbackGroup>();
        for (var i = 0; i < groups.Count; i++)
        {
            var number = i + 1;
            var group = groups[i];
            var ids = group.CommentIds ?? [];
            if (ids.Count == 0)
            {
                problems.Add($"第{number}组没有意见。");
            }

            foreach (var id in ids)
            {
                if (!known.Contains(id))
                {
                    problems.Add($"第{number}组中的意见 {id} 不是这项征集收到的意见。");
                }
                else if (placed.TryGetValue(id, out var other))
                {
                    problems.Add($"意见 {id} 同时在第{other}组和第{number}组，每条意见只能属于一组。");
                }
                else
                {
                    placed[id] = number;
                }
            }

            var decision = ConsultationVocabulary.ParseDecision(group.Decision);
            var reason = group.Reason?.Trim() ?? "";
            if (decision is null)
            {
                problems.Add($"第{number}组的处理结果应为 adopted（采纳）、partly-adopted（部分采纳）或 not-adopted（不予采纳）。");
            }
            else if (decision != FeedbackDecision.Adopted && reason.Length == 0)
            {
                groupsWithoutReason.Add(number);
                problems.Add($"第{number}组{ConsultationVocabulary.ChineseName(decision.Value)}，须说明理由。");
            }

            if (reason.Length > MaxReasonLength)
            {
                problems.Add($"第{number}组的理由不能超过 {MaxReasonLength} 字。");
            }

            if (decision is not null)
            {
                checkedGroups.Add(new CheckedFeedbackGroup(ids.ToList(), decision.Value, reason, group.Summary?.Trim() ?? ""));
            }
        }

        var ungrouped = commentIds.Where(id => !placed.ContainsKey(id)).Order().ToList();
        if (ungrouped.Count > 0)
        {
            problems.Add($"意见 {string.Join("、", ungrouped)} 尚未归入任何一组，每条意见都须归入一组。");
        }

        if (problems.Count > 0)
        {
            return Refusal.Blocked(string.Join(" ", problems), "采纳情况不完整", new Dictionary<string, object?>
            {
                ["ungroupedComments"] = ungrouped,
                ["groupsWithoutReason"] = groupsWithoutReason,
            });
        }

        return checkedGroups;
    }

    public static string Format(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    // A tag-like run: "<b>", "</p>", "<script …>", "<!--", "<img src=x onerror=…>".
    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!][^<>]*>|<\s*script", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();
}
