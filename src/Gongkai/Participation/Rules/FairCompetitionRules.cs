using Gongkai.Platform.Outcomes;

namespace Gongkai.Participation.Rules;

/// <summary>An area of market activity that makes a document subject to fair-competition review (公平竞争审查).</summary>
public sealed record MarketArea(string Code, string Name);

/// <summary>One item of the review standards: its code (group.number), the standard as the rules word it, and its group.</summary>
public sealed record ChecklistItem(string Code, string Group, string Text);

/// <summary>One group of the standards with its items.</summary>
public sealed record ChecklistGroup(string Name, IReadOnlyList<ChecklistItem> Items);

/// <summary>The reviewer's answer to one item: <c>Yes</c> means the draft does what the standard forbids (a note is required).</summary>
public sealed record ItemAnswerDraft(string? Code, string? Answer, string? Note);

/// <summary>A review as the reviewer enters it.</summary>
public sealed record FairCompetitionReviewDraft(IReadOnlyList<ItemAnswerDraft>? Items, string? Conclusion, string? ExceptionKind, string? ExceptionReason, string? Note);

public enum ReviewConclusion
{
    /// <summary>符合公平竞争审查标准.</summary>
    Compliant,

    /// <summary>不符合，需修改 (or not issue).</summary>
    NonCompliant,

    /// <summary>适用例外规定: restricts competition, but an exception of the rules applies.</summary>
    Exception,
}

/// <summary>A checked answer: every item of <see cref="FairCompetitionRules.Items"/> in order.</summary>
public sealed record CheckedItemAnswer(string Code, bool Yes, string? Note);

/// <summary>A checked review: answers to every item, the conclusion, and for an exception its kind and reason.</summary>
public sealed record CheckedFairCompetitionReview(IReadOnlyList<CheckedItemAnswer> Answers, ReviewConclusion Conclusion, string? ExceptionKind, string? ExceptionReason, string? Note);

/// <summary>The latest review of a document as the gate needs it: its conclusion and the areas marked when it was made.</summary>
public sealed record ReviewOnRecord(ReviewConclusion Conclusion, IReadOnlyList<string> Areas);

/// <summary>Where a document stands: whether it needs a review, and the Chinese reason 终审 is refused (null: it may pass).</summary>
public sealed record FairCompetitionStanding(bool Required, string Summary, string? Blocking)
{
    public bool MayPassFinalReview => Blocking is null;
}

/// <summary>
/// 公平竞争审查 (the State Council opinion 国发〔2016〕34号 that set up the review system; 《公平竞争审查制度实施细则》 2017 and
/// 2021): a document that touches market activity passes 终审 only after a review against the 18 standards in four groups,
/// each answered 是/否 (是: the draft does what the standard forbids, with a note), with a conclusion — 符合 (every
/// answer 否), 不符合需修改, or 适用例外 (an exception of the rules with its reason). A 不符合 review blocks 终审 until a
/// new review; a review that did not cover an area marked later is no longer enough. No I/O.
/// </summary>
public static class FairCompetitionRules
{
    public const int MaxNoteLength = 1000;
    public const int MinExceptionReasonLength = 10;

    /// <summary>The areas of market activity named by the rules (涉及市场主体经济活动).</summary>
    public static readonly IReadOnlyList<MarketArea> Areas =
    [
        new("market-access", "市场准入"),
        new("industry-development", "产业发展"),
        new("investment-promotion", "招商引资"),
        new("bidding", "招标投标"),
        new("government-procurement", "政府采购"),
        new("business-conduct", "经营行为规范"),
        new("qualification-standards", "资质标准"),
    ];

    /// <summary>The review standards (审查标准), four groups, 18 items.</summary>
    public static readonly IReadOnlyList<ChecklistGroup> Groups =
    [
        Group("市场准入和退出标准", 1,
            "设置不合理和歧视性的准入和退出条件",
            "未经公平竞争授予经营者特许经营权",
            "限定经营、购买、使用特定经营者提供的商品和服务",
            "设置没有法律、行政法规或者国务院规定依据的审批或者具有行政审批性质的事前备案程序",
            "对市场准入负面清单以外的行业、领域、业务等设置审批程序"),
        Group("商品和要素自由流动标准", 2,
            "对外地和进口商品、服务实行歧视性价格和歧视性补贴政策",
            "限制外地和进口商品、服务进入本地市场或者阻碍本地商品运出、服务输出",
            "排斥或者限制外地经营者参加本地招标投标活动",
            "排斥、限制或者强制外地经营者在本地投资或者设立分支机构",
            "对外地经营者在本地的投资或者设立的分支机构实行歧视性待遇，侵害其合法权益"),
        Group("影响生产经营成本标准", 3,
            "违法给予特定经营者优惠政策",
            "将财政支出安排与企业缴纳的税收或非税收入挂钩",
            "违法违规减免或者缓征特定经营者应当缴纳的社会保险费用",
            "在法律规定之外要求经营者提供或者扣留经营者各类保证金"),
        Group("影响生产经营行为标准", 4,
            "强制经营者从事《中华人民共和国反垄断法》规定的垄断行为",
            "违法披露或者违法要求经营者披露生产经营敏感信息，为经营者从事垄断行为提供便利条件",
            "超越定价权限进行政府定价",
            "违法干预实行市场调节价的商品和服务的价格水平"),
    ];

    public static readonly IReadOnlyList<ChecklistItem> Items = Groups.SelectMany(g => g.Items).ToList();

    /// <summary>The exceptions (例外规定) under which a measure that restricts competition may still be issued.</summary>
    public static readonly IReadOnlyList<MarketArea> Exceptions =
    [
        new("security", "维护国家经济安全、文化安全、科技安全或者涉及国防建设"),
        new("poverty-relief", "为实现扶贫开发、救灾救助等社会保障目的"),
        new("environment", "为实现节约能源资源、保护生态环境、维护公共卫生健康安全等社会公共利益"),
        new("other-law", "法律、行政法规规定的其他情形"),
    ];

    public static string? AreaName(string code) => Areas.FirstOrDefault(a => a.Code == code)?.Name;

    public static string ExceptionName(string? code) => Exceptions.FirstOrDefault(e => e.Code == code)?.Name ?? "";

    public static string Code(ReviewConclusion conclusion) => conclusion switch
    {
        ReviewConclusion.Compliant => "compliant",
        ReviewConclusion.NonCompliant => "non-compliant",
        _ => "exception",
    };

    public static ReviewConclusion? ParseConclusion(string? code) => code?.Trim() switch
    {
        "compliant" => ReviewConclusion.Compliant,
        "non-compliant" => ReviewConclusion.NonCompliant,
        "exception" => ReviewConclusion.Exception,
        _ => null,
    };

    public static string ChineseName(ReviewConclusion conclusion) => conclusion switch
    {
        ReviewConclusion.Compliant => "符合公平竞争审查标准",
        ReviewConclusion.NonCompliant => "不符合，需修改",
        _ => "适用例外规定",
    };

    /// <summary>The marked areas as codes in the rules' order, or the unknown codes refused.</summary>
    public static Outcome<IReadOnlyList<string>> CheckAreas(IEnumerable<string?>? codes)
    {
        var given = (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = given.Where(c => AreaName(c) is null).ToList();
        if (unknown.Count > 0)
        {
            return Refusal.InvalidField("areas",
                $"未知的市场活动领域：{string.Join("、", unknown)}。可选：{string.Join("、", Areas.Select(a => $"{a.Code}（{a.Name}）"))}。", "市场活动领域有误");
        }

        return Areas.Where(a => given.Contains(a.Code)).Select(a => a.Code).ToList();
    }

    public static string AreaNames(IEnumerable<string> codes) => string.Join("、", codes.Select(c => AreaName(c) ?? c));

    /// <summary>Checks a review: every item answered exactly once with 是 or 否 (a note where 是), a known conclusion that
    /// agrees with the answers, and for an exception its kind and reason.</summary>
    public static Outcome<CheckedFairCompetitionReview> Check(FairCompetitionReviewDraft draft)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var given = draft.Items ?? [];
        var byCode = new Dictionary<string, ItemAnswerDraft>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var twice = new List<string>();
        foreach (var item in given)
        {
            var code = item.Code?.Trim() ?? "";
            if (Items.All(i => i.Code != code))
            {
                unknown.Add(code.Length == 0 ? "（空）" : code);
            }
            else if (!byCode.TryAdd(code, item))
            {
                twice.Add(code);
            }
        }

        if (unknown.Count > 0)
        {
            errors["items"] = [$"审查表中没有这些项目：{string.Join("、", unknown)}。"];
        }
        else if (twice.Count > 0)
        {
            errors["items"] = [$"这些项目回答了不止一次：{string.Join("、", twice)}。"];
        }

        var answers = new List<CheckedItemAnswer>();
        var unanswered = new List<string>();
        var withoutNote = new List<string>();
        var tooLong = new List<string>();
        foreach (var item in Items)
        {
            var answer = byCode.GetValueOrDefault(item.Code);
            var yes = answer?.Answer?.Trim() switch
            {
                "yes" or "是" => true,
                "no" or "否" => false,
                _ => (bool?)null,
            };
            var itemNote = string.IsNullOrWhiteSpace(answer?.Note) ? null : answer.Note.Trim();
            if (yes is null)
            {
                unanswered.Add(item.Code);
                continue;
            }

            if (yes == true && itemNote is null)
            {
                withoutNote.Add(item.Code);
            }

            if (itemNote?.Length > MaxNoteLength)
            {
                tooLong.Add(item.Code);
            }

            answers.Add(new CheckedItemAnswer(item.Code, yes.Value, itemNote));
        }

        if (unanswered.Count > 0)
        {
            errors["items"] = [$"审查表须逐项回答“是”或“否”，尚未回答：{Describe(unanswered)}。"];
        }
        else if (withoutNote.Count > 0)
        {
            errors["items"] = [$"回答“是”的项目须说明具体情形：{Describe(withoutNote)}。"];
        }
        else if (tooLong.Count > 0)
        {
            errors["items"] = [$"说明不能超过 {MaxNoteLength} 个字：{Describe(tooLong)}。"];
        }

        var conclusion = ParseConclusion(draft.Conclusion);
        var anyYes = answers.Any(a => a.Yes);
        string? exceptionKind = null;
        string? exceptionReason = null;
        switch (conclusion)
        {
            case null:
                errors["conclusion"] = ["请选择审查结论：符合（compliant）、不符合需修改（non-compliant）或适用例外（exception）。"];
                break;
            case ReviewConclusion.Compliant when anyYes:
                errors["conclusion"] = ["有项目回答“是”（存在排除、限制竞争的情形），结论不能为“符合”：请选择“不符合，需修改”或“适用例外规定”。"];
                break;
            case ReviewConclusion.NonCompliant or ReviewConclusion.Exception when !anyYes && unanswered.Count == 0:
                errors["conclusion"] = ["各项均回答“否”时结论应为“符合”；如认为存在排除、限制竞争的情形，请在对应项目回答“是”并说明。"];
                break;
            case ReviewConclusion.Exception:
                exceptionKind = draft.ExceptionKind?.Trim();
                exceptionReason = string.IsNullOrWhiteSpace(draft.ExceptionReason) ? null : draft.ExceptionReason.Trim();
                if (Exceptions.All(e => e.Code != exceptionKind))
                {
                    errors["exceptionKind"] = [$"适用例外规定时请选择例外情形：{string.Join("、", Exceptions.Select(e => $"{e.Code}（{e.Name}）"))}。"];
                }

                if (exceptionReason is null || exceptionReason.Length < MinExceptionReasonLength)
                {
                    errors["exceptionReason"] = [$"适用例外规定时须说明理由（至少 {MinExceptionReasonLength} 个字）：对实现政策目的不可或缺、不会严重排除和限制市场竞争，并明确实施期限。"];
                }
                else if (exceptionReason.Length > MaxNoteLength)
                {
                    errors["exceptionReason"] = [$"例外理由不能超过 {MaxNoteLength} 个字。"];
                }

                break;
        }

        var note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            errors["note"] = [$"审查意见不能超过 {MaxNoteLength} 个字。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("公平竞争审查表填写不完整或有误，请修改后重新提交。", errors, "公平竞争审查表有误");
        }

        return new CheckedFairCompetitionReview(answers, conclusion!.Value, exceptionKind, exceptionReason, note);
    }

    /// <summary>Where a document stands for 终审: no marked area — no review needed; marked — the latest review must exist,
    /// must not conclude 不符合, and must have covered every area marked now.</summary>
    public static FairCompetitionStanding Standing(IReadOnlyCollection<string> markedAreas, ReviewOnRecord? latest)
    {
        if (markedAreas.Count == 0)
        {
            return new FairCompetitionStanding(false, "未标注涉及市场主体经济活动，无需审查", null);
        }

        var areas = AreaNames(markedAreas);
        if (latest is null)
        {
            return new FairCompetitionStanding(true, $"涉及{areas}，尚未审查",
                $"该文件涉及市场主体经济活动（{areas}），尚未完成公平竞争审查，不能通过终审。请先填写公平竞争审查表（四类 {Items.Count} 项逐项回答）、审查结论和审查人。");
        }

        var uncovered = markedAreas.Except(latest.Areas, StringComparer.Ordinal).ToList();
        if (uncovered.Count > 0)
        {
            return new FairCompetitionStanding(true, $"涉及{areas}，审查后新标注了{AreaNames(uncovered)}",
                $"该文件在公平竞争审查后新标注了{AreaNames(uncovered)}，原审查未涵盖，不能通过终审。请重新进行公平竞争审查。");
        }

        return latest.Conclusion == ReviewConclusion.NonCompliant
            ? new FairCompetitionStanding(true, $"涉及{areas}，审查结论：{ChineseName(latest.Conclusion)}",
                "公平竞争审查结论为“不符合，需修改”，不能通过终审。请退回修改，消除排除、限制竞争的内容后重新审查。")
            : new FairCompetitionStanding(true, $"涉及{areas}，审查结论：{ChineseName(latest.Conclusion)}", null);
    }

    private static string Describe(IReadOnlyList<string> codes) =>
        string.Join("、", codes.Select(c => $"第 {c} 项"));

    private static ChecklistGroup Group(string name, int number, params string[] texts) =>
        new(name, texts.Select((t, i) => new ChecklistItem($"{number}.{i + 1}", name, t)).ToList());
}
