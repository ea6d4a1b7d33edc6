namespace Gongkai.Requests.Rules;

/// <summary>The groups of table 三 (三、本年度办理结果), in the order the annual report prints them.</summary>
public enum DecisionGroup
{
    /// <summary>（一）予以公开.</summary>
    Disclosed,

    /// <summary>（二）部分公开.</summary>
    PartlyDisclosed,

    /// <summary>（三）不予公开.</summary>
    Withheld,

    /// <summary>（四）无法提供.</summary>
    Unavailable,

    /// <summary>（五）不予处理.</summary>
    NotProcessed,

    /// <summary>（六）其他处理.</summary>
    Other,
}

/// <summary>One coded reply decision: exactly one row of table 三, with the article it rests on.</summary>
/// <param name="Code">Stable API code, e.g. <c>withheld.third-party</c>.</param>
/// <param name="Label">The row's label exactly as the annual report format prints it.</param>
/// <param name="LegalBasis">The article(s) of the 2019 条例 the decision rests on, cited in the 告知书.</param>
/// <param name="Explanation">The sentence the reply letter starts from; staff may edit the wording.</param>
public sealed record ReplyDecision(string Code, DecisionGroup Group, int? RowNumber, string Label, string LegalBasis, string Explanation)
{
    public string GroupLabel => ReplyDecisions.GroupLabel(Group);

    /// <summary>"不予公开 · 4.保护第三方合法权益" or just "予以公开".</summary>
    public string FullLabel => RowNumber is null ? Label : $"{GroupLabel} · {RowNumber}.{Label}";

    /// <summary>Whether information is (partly) provided, so the letter lists what is given.</summary>
    public bool ProvidesInformation => Group is DecisionGroup.Disclosed or DecisionGroup.PartlyDisclosed;
}

/// <summary>The catalogue of decisions, as data: table 三's rows.</summary>
public static class ReplyDecisions
{
    public static IReadOnlyList<ReplyDecision> All { get; } =
    [
        new("disclosed", DecisionGroup.Disclosed, null, "予以公开", "《政府信息公开条例》第三十六条第（二）项",
            "经审查，您申请公开的政府信息可以公开，现予提供。"),
        new("disclosed.already-public", DecisionGroup.Disclosed, null, "予以公开", "《政府信息公开条例》第三十六条第（一）项",
            "您申请公开的政府信息已经主动公开，获取方式和途径如下。"),
        new("partly-disclosed", DecisionGroup.PartlyDisclosed, null, "部分公开", "《政府信息公开条例》第三十七条",
            "您申请公开的信息中含有不应当公开的内容，经区分处理，现提供可以公开的部分，并说明其余部分不予公开的理由。"),
        new("withheld.state-secret", DecisionGroup.Withheld, 1, "属于国家秘密", "《政府信息公开条例》第十四条、第三十六条第（三）项",
            "您申请公开的政府信息依法确定为国家秘密，不予公开。"),
        new("withheld.prohibited-by-law", DecisionGroup.Withheld, 2, "其他法律行政法规禁止公开", "《政府信息公开条例》第十四条、第三十六条第（三）项",
            "您申请公开的政府信息属于法律、行政法规禁止公开的信息，不予公开。"),
        new("withheld.security-stability", DecisionGroup.Withheld, 3, "危及“三安全一稳定”", "《政府信息公开条例》第十四条、第三十六条第（三）项",
            "您申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，不予公开。"),
        new("withheld.third-party", DecisionGroup.Withheld, 4, "保护第三方合法权益", "《政府信息公开条例》第十五条、第三十六条第（三）项",
            "您申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，不予公开。"),
        new("withheld.internal-affairs", DecisionGroup.Withheld, 5, "属于三类内部事务信息", "《政府信息公开条例》第十六条第一款、第三十六条第（三）项",
            "您申请公开的信息属于行政机关的内部事务信息，不予公开。"),
        new("withheld.process-information", DecisionGroup.Withheld, 6, "属于四类过程性信息", "《政府信息公开条例》第十六条第二款、第三十六条第（三）项",
            "您申请公开的信息属于行政机关在履行行政管理职能过程中形成的过程性信息，不予公开。"),
        new("withheld.enforcement-file", DecisionGroup.Withheld, 7, "属于行政执法案卷", "《政府信息公开条例》第十六条第二款、第三十六条第（三）项",
            "您申请公开的信息属于行政执法案卷信息，不予公开。"),
        new("withheld.inquiry-matter", DecisionGroup.Withheld, 8, "属于行政查询事项", "《政府信息公开条例》第三十六条第（七）项",
            "您申请公开的信息属于工商、不动产登记资料等，有关法律、行政法规对其获取有特别规定，请依照有关规定办理查询。"),
        new("unavailable.not-held", DecisionGroup.Unavailable, 1, "本机关不掌握相关政府信息", "《政府信息公开条例》第三十六条第（四）项、第（五）项",
            "经检索，本机关没有您申请公开的政府信息。"),
        new("unavailable.needs-compilation", DecisionGroup.Unavailable, 2, "没有现成信息需要另行制作", "《政府信息公开条例》第三十八条",
            "您申请公开的信息需要本机关对现有政府信息进行加工、分析，本机关不予提供。"),
        new("unavailable.still-unclear", DecisionGroup.Unavailable, 3, "补正后申请内容仍不明确", "《政府信息公开条例》第三十条",
            "经补正后，您的申请内容仍不明确，本机关无法提供。"),
        new("not-processed.petition", DecisionGroup.NotProcessed, 1, "信访举报投诉类申请", "《政府信息公开条例》第三十九条第一款",
            "您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理。"),
        new("not-processed.repeat", DecisionGroup.NotProcessed, 2, "重复申请", "《政府信息公开条例》第三十六条第（六）项",
            "本机关已就您提出的相同申请作出答复，不予重复处理。"),
        new("not-processed.publication", DecisionGroup.NotProcessed, 3, "要求提供公开出版物", "《政府信息公开条例》第三十九条第二款",
            "您申请获取的是政府公报、报刊、书籍等公开出版物，获取途径如下。"),
        new("not-processed.excessive", DecisionGroup.NotProcessed, 4, "无正当理由大量反复申请", "《政府信息公开条例》第三十五条",
            "您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。"),
        new("not-processed.reconfirmation", DecisionGroup.NotProcessed, 5, "要求行政机关确认或重新出具已获取信息", "《政府信息公开条例》第三十九条",
            "您要求本机关确认或重新出具已获取的信息，不作为政府信息公开申请处理。"),
        new("other.correction-lapsed", DecisionGroup.Other, 1, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "《政府信息公开条例》第三十条",
            "您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。"),
        new("other.fee-lapsed", DecisionGroup.Other, 2, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "《政府信息公开条例》第四十二条、国办函〔2020〕109号",
            "您逾期未按收费通知要求缴纳费用，视为放弃申请，本机关不再处理该政府信息公开申请。"),
        new("other.other", DecisionGroup.Other, 3, "其他", "《政府信息公开条例》第三十六条",
            "本机关对您的申请作如下处理。"),
    ];

    public static ReplyDecision? Find(string? code) => All.FirstOrDefault(d => d.Code == code);

    public static string GroupLabel(DecisionGroup group) => group switch
    {
        DecisionGroup.Disclosed => "予以公开",
        DecisionGroup.PartlyDisclosed => "部分公开",
        DecisionGroup.Withheld => "不予公开",
        DecisionGroup.Unavailable => "无法提供",
        DecisionGroup.NotProcessed => "不予处理",
        DecisionGroup.Other => "其他处理",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };
}
