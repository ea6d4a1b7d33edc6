namespace Gongkai.Safeguards.Detection;

/// <summary>Natural persons' names: after a party or role word, with or without a colon (当事人：张三, 当事人张三驾驶…,
/// 户名：李四, 村民王五), in lists of people (、，； separated, numbered, one per table row), right before an ID, bank-card,
/// phone or plate number, in a letter's salutation — and the same names wherever else they occur in the document.
/// Surnames and given-name plausibility come from <see cref="NameStatistics"/>. Public people stay: heads from the
/// bodies' data (<see cref="PublicContacts.IsPublicName"/>), officials attending a meeting, members of an evaluation
/// committee, enforcement officers, a 联系人 in an agency's contact block, anyone named with an official title. An
/// enterprise or agency party (…公司, …餐馆, …局) is public and stays; so does an already masked name (张某).</summary>
public sealed class PartyNameDetector(PublicContacts publicContacts, NameStatistics statistics)
{
    /// <summary>Surname + form of address or title (王老师, 张工, 刘科长): how a contact is named without being identified.</summary>
    private static readonly string[] FormsOfAddress =
    [
        "老师", "先生", "女士", "师傅", "经理", "律师", "同志", "工", "总", "律", "老", "姐", "哥", "科长", "处长", "局长", "主任", "所长",
        "站长", "队长", "书记", "股长", "部长", "医生", "警官", "干部",
    ];

    private static readonly string[] PartyLabels =
    [
        "当事人", "申请人", "被申请人", "第三人", "被处罚人", "被处罚对象", "法定代表人", "负责人", "经营者", "委托代理人", "代理人",
        "投诉人", "举报人", "被举报人", "被投诉人", "复议申请人", "申请人姓名", "姓名", "户主", "户主姓名", "业主", "车主",
        "驾驶人", "驾驶员", "收件人", "联系人", "监护人", "受益人", "领款人", "补助对象", "救助对象", "补贴对象", "优抚对象", "发放对象", "慰问对象", "受助人", "申领人", "承租人", "购房人", "违法行为人", "行为人",
        "户名", "收款人", "居民", "村民", "群众", "农户", "患者", "职工", "学生", "孤儿", "家属", "联络员", "经办人", "代领人", "来信人",
        "来访人员", "来访人", "信访人", "报案人", "受害人", "死者", "涉案人员", "被征收人", "权利人", "竞得人", "买受人", "受让人", "受让方",
        "成交人", "持证人", "签收人", "其子", "其女", "其妻", "其夫", "其父", "其母", "祖母", "祖父", "之妻", "之夫", "妻子", "丈夫",
        "代领人", "低保户", "保障对象", "见义勇为人员", "困难群众", "贫困户", "脱贫户", "被监护人", "未成年人", "证人", "被害人",
        "被征收人", "被执行人", "原告", "被告", "上诉人", "被上诉人", "犯罪嫌疑人", "嫌疑人", "缴款人", "房主", "产权人", "所有权人",
        "住户", "租户", "种植户", "养殖户", "老人", "儿童", "考生", "毕业生", "儿子", "女儿", "配偶", "签字人", "代理人姓名", "持卡人",
        "开户名", "账户名", "收款户名", "户籍人口", "服刑人员", "社区矫正对象", "参保人", "被保险人", "投保人", "死亡人员", "伤者", "所有人", "车辆所有人",
    ];

    /// <summary>Words before a list or a label that make the people named public: they act in office.</summary>
    private static readonly string[] PublicRoleCues =
    [
        "出席", "列席", "参加人员", "参会", "参加会议", "主持", "记录", "请假", "评标委员会", "评审委员会", "评审专家", "专家组",
        "执法人员", "承办人", "送达人", "调查的人员", "项目经理", "项目负责人", "技术负责人", "现任", "拟任", "任职", "带队", "陪同",
        "副市长", "市长", "副县长", "县长", "副区长", "区长", "局长", "主任", "书记", "秘书长", "部长", "厅长", "院长", "委员",
    ];

    /// <summary>Words before a list that say it names private people (名单, 对象, 人员…).</summary>
    private static readonly string[] PersonalListCues =
    [
        "名单", "对象", "人员", "户主", "家庭成员", "以下", "下列", "如下", "学员", "人选", "候选人", "困难", "农户", "村民", "居民",
        "申请人", "当事人", "责任人", "受助", "救助", "低保", "补助", "补贴", "供养", "发放", "公示", "表彰", "资格", "姓名",
    ];

    /// <summary>Characters that may follow a name in running text without a delimiter (张三驾驶…, 李四于…, 王五的…).</summary>
    private const string Followers = "于在因由称的驾持反未不获种来向将已被对等与和及同系为是从自经到把家户夫之以所均现男女拒无也即并又说诉提申领该名作之等签代"
        + "出参主讲表指强要任担负病患住居务从生去死亡联电手身本遗名两监签确办承提获捐救送请拿买卖租借还欠交缴付收退补";

    /// <summary>(Matched against the normalised text, where full-width punctuation reads as ASCII: ，→, （→(.) What follows a private person's name in a notice's running text (高志刚家庭…, 登记在孙建平名下, 鲁小燕遗失…).</summary>
    private static readonly string[] StrongFollowers =
    [
        "反映", "家庭", "名下", "遗失", "夫妇", "于20", "于19", "申请", "的住址", "的账户", "本人", "之妻", "之子", "之女", "身份证", "等村民", "等户", "同志", "签字", "签名", "代领", ",男,", ",女,", ",男,", ",女,", "(男", "(女", ",男性", ",女性", "驾驶", "家住", "住在", "系该", "系本", "系其", "(申请人", "(法定代表人", "(户主", "(本人", "(女儿", "(儿子", "(妻子", "(丈夫", "(家属", "(当事人",
    ];

    /// <summary>What may stand right before such a name (关于马建国反映…, 登记在孙建平名下, 其妻子郑小琴的账户).</summary>
    private static readonly string[] NameLeads = ["关于", "登记在", "在", "至", "对", "将", "为", "妻子", "丈夫", "家属", "母亲", "父亲", "的"];

    /// <summary>Kinship words before a name in a list of family members (妻王素芬、子吕小军).</summary>
    private const string Kinship = "妻夫子女父母孙儿";

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private static readonly string[] NameTables =
    [
        "姓名", "姓 名", "户主", "户名", "投诉人", "驾驶人", "法定代表人", "收款人", "申请人", "当事人", "领款人", "受益人", "考生", "学员",
        "受助人", "被处罚人", "车主", "权利人", "承租人", "救助对象", "补助对象", "补贴对象", "人员", "对象", "经营者", "负责人",
    ];

    private static readonly string[] AddressHeaders = ["家庭住址", "住址", "家庭地址", "居住地址", "现住址", "户籍地址", "门牌"];

    private static readonly string[] NumberLabels =
    [
        "公民身份号码", "身份证号码", "身份证号", "身份证", "证件号码", "证件号", "银行卡号", "一卡通账号", "卡号", "账号", "联系电话", "电话",
        "手机号码", "手机", "残疾证号", "驾驶证号", "社保卡号", "车牌号", "号牌",
    ];
    internal static readonly string[] OrganizationSuffixes =
    [
        "公司", "厂", "店", "中心", "合作社", "部", "行", "馆", "院", "局", "委", "所", "站", "政府", "集团", "商行", "超市", "学校",
        "协会", "学会", "社", "处", "办", "室", "场", "园", "坊", "铺", "队", "会", "校", "堂", "酒楼", "餐厅", "门市", "诊所", "药房",
        "工作室", "百货", "银行", "村委", "街道", "镇", "乡", "村", "组", "庄", "楼", "城", "吧", "厅", "房",
    ];

    /// <summary>Compound surnames the masker keeps whole (欧阳某); the detector reads the full list from the statistics.</summary>
    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "独孤", "端木", "南宫", "西门", "闻人", "澹台", "申屠", "轩辕", "钟离", "呼延", "百里", "万俟", "濮阳", "淳于", "司空", "赫连"];

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "本人", "个人", "公民", "不详", "未知", "单位", "企业", "法人", "自然人", "其他", "无", "同上", "见附件", "略",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNamesLookup = NotNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What may end a list item after the name (张三家庭, 李四等, 王五夫妇).</summary>
    private static readonly string[] ItemSuffixes = ["家庭", "夫妇", "等", "两户", "三户", "两人", "同志", "户"];

    private static readonly int[] TailNameLengths = [3, 4, 2];

    private static readonly int[] LeadNameLengths = [3, 2, 4];

    /// <summary>Surnames that are far more often a conjunction or preposition right after a role word (和, 向, 与…).</summary>
    private const string ConnectiveSurnames = "和与及同对将把被从由在";

    /// <summary>Starts of the current sentence's list items that were cut out of a longer run (reused per sentence).</summary>
    private readonly HashSet<int> _partialItems = [];

    private const int MaxPublicCueWindow = 40;

    /// <summary>Which characters of the text a hit of this detector already covers: overlap checks stay O(1) on tables
    /// of thousands of rows.</summary>
    private bool[] _covered = [];

    /// <summary>Names read after a party label: repeated elsewhere even when two characters long (张三 … 张三于…).</summary>
    private readonly HashSet<string> _labelledNames = new(StringComparer.Ordinal);

    public void Detect(string normalized, List<Hit> results, IReadOnlyList<Hit>? numbers = null)
    {
        _covered = new bool[normalized.Length];
        var numberStarts = numbers?.Where(n => n.Kind is not FindingKind.PersonName).Select(n => n.Start).Order().ToArray() ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        var labelled = new List<Hit>();
        FindAfterLabels(normalized, names, labelled);
        FindSalutations(normalized, names, labelled);
        FindLists(normalized, names, labelled);
        FindTableRows(normalized, names, labelled, numberStarts);
        FindBeforeStrongFollowers(normalized, names, labelled);
        if (numbers is not null)
        {
            FindBeforeNumbers(normalized, names, labelled, numbers);
        }

        results.AddRange(labelled);
        if (names.Count == 0)
        {
            return;
        }

        // The same person named again elsewhere in the document (…张三于2019年3月…) is masked too: one pass over the
        // text looking names up at each surname, so a table of thousands of names costs no more than a short list.
        // Only positions holding the first character of a found name are looked at (a vectorised search).
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var firstCharacters = System.Buffers.SearchValues.Create(names.Select(n => n[0]).Distinct().ToArray());
        var text = normalized.AsSpan();
        for (var at = 0; at < text.Length - 1; at++)
        {
            var next = text[at..].IndexOfAny(firstCharacters);
            if (next < 0)
            {
                break;
            }

            at += next;
            if (at >= text.Length - 1 || _covered[at] || statistics.SurnameLength(text, at) == 0)
            {
                continue;
            }

            // two-character names are repeated words too often (公安, 安全) to be chased through a whole document
            for (var length = 4; length >= 2; length--)
            {
                if (at + length <= text.Length && lookup.Contains(text.Slice(at, length)) && (length >= 3 || _labelledNames.Contains(normalized.Substring(at, 2))) && !IsCovered(at, length) && !IsInsideLongerName(normalized, at, length))
                {
                    results.Add(new Hit(FindingKind.PersonName, at, length, "与前文自然人姓名相同"));
                    Cover(at, length);
                    at += length - 1;
                    break;
                }
            }
        }
    }

    private void Add(string text, int start, int length, string message, HashSet<string> names, List<Hit> labelled)
    {
        var name = text.Substring(start, length);
        if (publicContacts.IsPublicName(name) || IsCovered(start, length))
        {
            return;
        }

        names.Add(name);
        labelled.Add(new Hit(FindingKind.PersonName, start, length, message));
        Cover(start, length);
    }

    private bool IsCovered(int start, int length) => _covered.AsSpan(start, length).Contains(true);

    private void Cover(int start, int length) => _covered.AsSpan(start, length).Fill(true);

    private void FindAfterLabels(string normalized, HashSet<string> names, List<Hit> labelled)
    {
        foreach (var (label, labelEnd) in LabelledValueDetector.LabelMatches(normalized, PartyLabels))
        {
            var labelStart = labelEnd - label.Length;

            // 项目负责人, 技术负责人: a company's professional named in a tender notice acts for it, not as a private party.
            if (label is "负责人" or "联系人" or "经办人" && IsPublicRole(normalized, labelStart, label))
            {
                continue;
            }

            var i = labelEnd;
            var colon = false;
            while (i < normalized.Length && normalized[i] is '：' or ':' or ' ' or '为')
            {
                colon |= normalized[i] is '：' or ':';
                i++;
            }

            if (i < normalized.Length && normalized[i] is '（' or '(')
            {
                // 申请人（签名）：张三 — skip a short parenthesised remark and its colon
                var close = normalized.IndexOfAny(['）', ')'], i);
                if (close > 0 && close - i <= 8)
                {
                    i = close + 1;
                    while (i < normalized.Length && normalized[i] is '：' or ':' or ' ')
                    {
                        colon |= normalized[i] is '：' or ':';
                        i++;
                    }
                }
            }

            // 领款人签字：任德福 — the signature line names the person after its own colon
            if (normalized.AsSpan(i).StartsWith("签字", StringComparison.Ordinal) || normalized.AsSpan(i).StartsWith("签名", StringComparison.Ordinal))
            {
                i += 2;
                while (i < normalized.Length && normalized[i] is '：' or ':' or ' ')
                {
                    colon |= normalized[i] is '：' or ':';
                    i++;
                }
            }

            // Right after a label without a colon, a conjunction or preposition that is also a surname (主要负责人和安全…,
            // 举报人向国家…, 经营者向乘客…) starts the sentence's next phrase, not a name.
            if (!colon && i < normalized.Length && ConnectiveSurnames.Contains(normalized[i]))
            {
                continue;
            }

            var start = i;
            while (i < normalized.Length && TextNormalizer.IsHan(normalized[i]) && i - start <= 12)
            {
                i++;
            }

            var candidate = normalized[start..i];
            var nameLength = NameLength(candidate, normalized, i);
            if (nameLength > 0 && !colon && !statistics.IsPlausibleName(candidate.AsSpan(0, nameLength), strict: true))
            {
                // 权利人信息: without a colon the value must read as a name on its own
                nameLength = 0;
            }

            if (nameLength == 0 && candidate.Length > 2)
            {
                // 当事人郭建平驾驶… / 村民唐秀英（…: the name runs on into the sentence.
                nameLength = NameInRunningText(normalized, start, i, strict: !colon);
            }

            if (nameLength > 0)
            {
                Add(normalized, start, nameLength, "当事人等自然人姓名", names, labelled);
                if (colon)
                {
                    _labelledNames.Add(normalized.Substring(start, nameLength));
                }
            }
        }
    }

    /// <summary>A name at the start of a run of Han characters that goes on into the sentence: surname, one or two
    /// given-name characters, then a word that can follow a name (驾驶, 于, 反映…) or the end of the run.</summary>
    private int NameInRunningText(string text, int start, int runEnd, bool strict)
    {
        var surname = statistics.SurnameLength(text, start);
        if (surname == 0 || StartsWithAny(text, start + surname, FormsOfAddress))
        {
            return 0;
        }

        for (var given = 2; given >= 1; given--)
        {
            var end = start + surname + given;
            if (end > runEnd)
            {
                continue;
            }

            if (!statistics.IsPlausibleName(text.AsSpan(start, end - start), strict && given == 1))
            {
                continue;
            }

            if (end == runEnd || Followers.Contains(text[end], StringComparison.Ordinal))
            {
                return end - start;
            }
        }

        return 0;
    }

    private static bool IsPublicRole(string text, int labelStart, string label) =>
        label == "负责人" && DigitRunDetector.PrecededBy(text, labelStart, 2, ["项目", "技术", "工程"])
        || label is "联系人" or "经办人" && AgencyContext.IsAgencyContact(text, labelStart, labelStart);

    /// <summary>A letter's salutation at the start of a line: "刘洋先生：" / "王欣怡女士：" / "林晓峰：你于…" / "胡德清同志：".</summary>
    private void FindSalutations(string text, HashSet<string> names, List<Hit> labelled)
    {
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var i = lineStart;
            while (i < lineEnd && text[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < lineEnd && TextNormalizer.IsHan(text[i]) && i - start < 7)
            {
                i++;
            }

            if (i < lineEnd && text[i] is '：' or ':' && i - start >= 2)
            {
                var run = text.AsSpan(start, i - start);
                var after = i + 1 < lineEnd ? text[i + 1] : '\n';
                var suffix = run.EndsWith("先生") || run.EndsWith("女士") || run.EndsWith("同志") ? 2 : 0;
                var name = run[..^suffix];
                var addressed = suffix > 0 || after is '你' or '您' || i + 1 >= lineEnd && lineEnd + 1 < text.Length && text[lineEnd + 1] is '你' or '您';
                if (addressed && statistics.IsPlausibleName(name, strict: suffix == 0))
                {
                    Add(text, start, name.Length, "答复书称呼中的自然人姓名", names, labelled);
                }
            }

            lineStart = lineEnd + 1;
        }
    }

    /// <summary>Lists of people: items separated by 、，；, numbered (1. 2、 （一）) or on their own, each item exactly a
    /// name (or a name followed by 家庭/等/（…）). A list is personal when two or more items are names or a word before it
    /// says it lists people (名单, 对象…); public when a word before it says the people act in office (出席, 评标委员会…).</summary>
    private void FindLists(string text, HashSet<string> names, List<Hit> labelled)
    {
        var items = new List<(int Start, int Length, bool Gender)>();
        var sentenceStart = 0;
        var i = 0;
        while (i <= text.Length)
        {
            if (i == text.Length || text[i] is '。' or '\n')
            {
                ListInSentence(text, sentenceStart, i, items, names, labelled);
                sentenceStart = i + 1;
            }

            i++;
        }
    }

    private void ListInSentence(string text, int from, int to, List<(int Start, int Length, bool Gender)> items, HashSet<string> names, List<Hit> labelled)
    {
        items.Clear();
        _partialItems.Clear();
        var i = from;
        while (i < to)
        {
            // an item starts after a separator, a numbering mark or the start of the sentence
            var c = text[i];
            if (!TextNormalizer.IsHan(c))
            {
                i++;
                continue;
            }

            var itemStart = i;
            var atBoundary = itemStart == from || IsItemSeparator(text[itemStart - 1]) || IsNumberingBefore(text, itemStart, from);
            while (i < to && TextNormalizer.IsHan(text[i]))
            {
                i++;
            }

            if (!atBoundary)
            {
                continue;
            }

            var runEnd = i;
            if (runEnd - itemStart == 1 && statistics.IsSurname(text[itemStart]) && runEnd < to && text[runEnd] == ' ')
            {
                // 张  伟、李 倩: a name typed with spaces between surname and given name, as tables align them
                var given = runEnd;
                while (given < to && text[given] == ' ' && given - runEnd < 3)
                {
                    given++;
                }

                var givenEnd = given;
                while (givenEnd < to && TextNormalizer.IsHan(text[givenEnd]) && givenEnd - given < 3)
                {
                    givenEnd++;
                }

                var compact = string.Concat(text.AsSpan(itemStart, 1), text.AsSpan(given, givenEnd - given));
                if (givenEnd - given is 1 or 2 && (givenEnd >= to || IsItemEnd(text[givenEnd])) && statistics.IsPlausibleName(compact, strict: true))
                {
                    items.Add((itemStart, givenEnd - itemStart, false));
                    i = givenEnd;
                    continue;
                }
            }

            var length = ItemNameLength(text, itemStart, runEnd, to);
            if (length > 0)
            {
                var after = itemStart + length;
                var gender = after + 1 < to && text[after] is '，' or ',' or ' ' && text[after + 1] is '男' or '女';
                items.Add((itemStart, length, gender));
                continue;
            }

            // The first item of a list may follow a verb (拟推荐舒婷婷、…), the last run on into the sentence (…、柯文博为…),
            // a family member carry a kinship word (妻王素芬、子吕小军).
            var countFollows = runEnd < to && text[runEnd - 1] == '等' && runEnd - itemStart > 3
                && (TextNormalizer.IsAsciiDigit(text[runEnd]) || "两二三四五六七八九十".Contains(text[runEnd], StringComparison.Ordinal));
            if (countFollows)
            {
                // 会议同意张德华等12户…, 现将徐丽华等5人…
                var counted = TailName(text, itemStart, runEnd - 1);
                if (counted > 0)
                {
                    items.Add((runEnd - 1 - counted, counted, false));
                    continue;
                }
            }

            var nextIsListMark = runEnd < to && text[runEnd] == '、';
            var previousIsListMark = itemStart > from && text[itemStart - 1] == '、';
            if (nextIsListMark || previousIsListMark && Kinship.Contains(text[itemStart], StringComparison.Ordinal))
            {
                var tail = TailName(text, itemStart, runEnd);
                if (tail > 0)
                {
                    items.Add((runEnd - tail, tail, false));
                    _partialItems.Add(runEnd - tail);
                    continue;
                }
            }

            if (previousIsListMark)
            {
                var head = NameInRunningText(text, itemStart, runEnd, strict: true);
                if (head > 0)
                {
                    items.Add((itemStart, head, false));
                    _partialItems.Add(itemStart);
                }
            }
        }

        if (items.Count == 0)
        {
            return;
        }

        // the clause that introduces the list (出席：…, 低保对象名单：…), not an earlier clause of the sentence
        var clauseStart = text.AsSpan(from, items[0].Start - from).LastIndexOfAny(',', ';', '，');
        var before = text.AsSpan(clauseStart < 0 ? from : from + clauseStart + 1, items[0].Start - (clauseStart < 0 ? from : from + clauseStart + 1));
        if (ContainsAny(before, PublicRoleCues) || AnyParenthesisedTitle(text, items))
        {
            return;
        }

        // Without a word before the list saying it lists people, two full names are needed: lists of two-character
        // words (安全、公正、合法) are everywhere in legal text and read like surname + one given character.
        var cue = ContainsAny(before, PersonalListCues);
        // Items cut out of a longer run (…设施建设、 → 施建设) are fragments of words far more often than names: only
        // whole items count towards the two full names that make a list personal without a cue.
        var personal = cue || items.Count(i => i.Length >= 3 && (!_partialItems.Contains(i.Start) || HasCommonGivenName(text, i.Start, i.Length))) >= 2 || items[0].Gender
            || IsFollowedByCount(text, items[0].Start + items[0].Length);
        if (!personal)
        {
            return;
        }

        foreach (var (start, length, _) in items)
        {
            if (length >= 3 || cue)
            {
                Add(text, start, length, "名单中的自然人姓名", names, labelled);
            }
        }
    }

    /// <summary>Whether every given-name character is a common one (weight 2–3): 舒婷婷, 殷国强 — not 施建设, 路桥梁.</summary>
    private bool HasCommonGivenName(string text, int start, int length)
    {
        var surname = statistics.SurnameLength(text.AsSpan(start, length), 0);
        foreach (var c in text.AsSpan(start + surname, length - surname))
        {
            if (statistics.GivenWeight(c) < 2)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How much of the item is a name: the whole Han run (2–4 characters), or the run minus a suffix
    /// (家庭, 等, 夫妇, 两户…), and the item must end there (separator, parenthesis, end of sentence).</summary>
    private int ItemNameLength(string text, int start, int runEnd, int sentenceEnd)
    {
        var run = text.AsSpan(start, runEnd - start);
        foreach (var suffix in ItemSuffixes)
        {
            if (run.Length > suffix.Length && run.EndsWith(suffix, StringComparison.Ordinal))
            {
                var name = run[..^suffix.Length];
                if (name.Length is >= 2 and <= 4 && statistics.IsPlausibleName(name, strict: true))
                {
                    return name.Length;
                }
            }
        }

        if (run.Length is < 2 or > 4 || !statistics.IsPlausibleName(run, strict: true))
        {
            return 0;
        }

        return runEnd >= sentenceEnd || IsItemEnd(text[runEnd]) ? run.Length : 0;
    }

    /// <summary>A name ending the run (3, 4 or 2 characters), the run before it a short lead (拟推荐, 对, 妻).</summary>
    private int TailName(string text, int runStart, int runEnd)
    {
        foreach (var length in TailNameLengths)
        {
            var start = runEnd - length;
            if (start > runStart && start - runStart <= 12 && statistics.IsPlausibleName(text.AsSpan(start, length), strict: true) && !IsRoleWord(text.AsSpan(start, length)))
            {
                return length;
            }
        }

        return 0;
    }

    private static bool IsItemSeparator(char c) => c is '、' or '，' or ',' or '；' or ';' or '：' or ':' or ' ' or '\t' or '|' or '）' or ')' or '.' or '．';

    private static bool IsItemEnd(char c) => c is '、' or '，' or ',' or '；' or ';' or '。' or ' ' or '\t' or '|' or '（' or '(' or '\n' or '\r' or '：' or '等';

    private static bool IsNumberingBefore(string text, int at, int from) =>
        at - 1 >= from && (TextNormalizer.IsAsciiDigit(text[at - 1]) || text[at - 1] is '①' or '②' or '③' or '④' or '⑤');

    private static bool IsFollowedByCount(string text, int end) =>
        end + 1 < text.Length && text[end] == '等' && (TextNormalizer.IsAsciiDigit(text[end + 1]) || "两二三四五六七八九十".Contains(text[end + 1], StringComparison.Ordinal));

    private static bool AnyParenthesisedTitle(string text, List<(int Start, int Length, bool Gender)> items)
    {
        foreach (var (start, length, _) in items)
        {
            var end = start + length;
            if (end < text.Length && text[end] is '（' or '(')
            {
                var close = text.IndexOfAny(['）', ')'], end);
                if (close > end && close - end <= 20 && ContainsAny(text.AsSpan(end, close - end), ["长", "主任", "书记", "委员", "部长", "秘书"]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Tables pasted as text: a cell that is a name in a row under a header naming people (姓名, 户主…), or in
    /// a row that also holds a personal number or a gender cell.</summary>
    private void FindTableRows(string text, HashSet<string> names, List<Hit> labelled, int[] numberStarts)
    {
        var headerSeen = false;
        var addressColumn = -1;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (line.Trim().IsEmpty)
            {
                headerSeen = false;
                addressColumn = -1;
            }
            else if (line.IndexOfAny(' ', '\t', '|') >= 0)
            {
                var isHeader = (ContainsAny(line, NameTables) || ContainsAny(line, AddressHeaders)) && line.IndexOfAny(Digits) < 0;
                if (isHeader)
                {
                    headerSeen = ContainsAny(line, NameTables);
                    addressColumn = AddressColumn(line);
                }
                else
                {
                    var next = Array.BinarySearch(numberStarts, lineStart);
                    next = next < 0 ? ~next : next;
                    var rowHasNumber = next < numberStarts.Length && numberStarts[next] < lineEnd;
                    var rowHasGender = line.Contains(" 男 ", StringComparison.Ordinal) || line.Contains(" 女 ", StringComparison.Ordinal)
                        || line.Contains("\t男\t", StringComparison.Ordinal) || line.Contains("\t女\t", StringComparison.Ordinal);
                    if (headerSeen || rowHasNumber || rowHasGender)
                    {
                        CellsInRow(text, lineStart, lineEnd, names, labelled);
                    }

                    if (addressColumn >= 0)
                    {
                        AddressCell(text, lineStart, lineEnd, addressColumn, labelled);
                    }
                }
            }

            lineStart = lineEnd + 1;
        }
    }

    private static int AddressColumn(ReadOnlySpan<char> header)
    {
        var column = 0;
        foreach (var range in header.SplitAny(" \t|"))
        {
            var cell = header[range];
            if (cell.IsEmpty)
            {
                continue;
            }

            if (ContainsAny(cell, AddressHeaders))
            {
                return column;
            }

            column++;
        }

        return -1;
    }

    /// <summary>The cell under a 住址 header: a home address whatever its length.</summary>
    private void AddressCell(string text, int lineStart, int lineEnd, int column, List<Hit> results)
    {
        var line = text.AsSpan(lineStart, lineEnd - lineStart);
        var index = 0;
        foreach (var range in line.SplitAny(" \t|"))
        {
            var cell = line[range];
            if (cell.IsEmpty)
            {
                continue;
            }

            if (index++ == column)
            {
                var start = lineStart + range.Start.GetOffset(line.Length);
                var end = start + cell.Length;
                if (cell.Length >= 4 && !IsCovered(start, end - start))
                {
                    results.Add(new Hit(FindingKind.Address, start, end - start, "表格住址栏中的个人住址"));
                    Cover(start, end - start);
                }

                return;
            }
        }
    }

    private void CellsInRow(string text, int lineStart, int lineEnd, HashSet<string> names, List<Hit> labelled)
    {
        var i = lineStart;
        while (i < lineEnd)
        {
            while (i < lineEnd && text[i] is ' ' or '\t' or '|')
            {
                i++;
            }

            var cellStart = i;
            while (i < lineEnd && text[i] is not (' ' or '\t' or '|'))
            {
                i++;
            }

            var cell = text.AsSpan(cellStart, i - cellStart);
            if (cell.Length is >= 2 and <= 4 && AllHan(cell) && statistics.IsPlausibleName(cell, strict: true))
            {
                Add(text, cellStart, cell.Length, "表格中的自然人姓名", names, labelled);
            }
        }
    }

    /// <summary>A name right before an ID, bank-card, phone or plate number (黄志强 身份证 5107…, 田国庆（身份证号…）).</summary>
    private void FindBeforeNumbers(string text, HashSet<string> names, List<Hit> labelled, IReadOnlyList<Hit> numbers)
    {
        foreach (var number in numbers)
        {
            if (number.Kind is not (FindingKind.IdNumber or FindingKind.BankCard or FindingKind.Mobile or FindingKind.Landline))
            {
                continue;
            }

            var i = number.Start;
            for (var step = 0; step < 4 && i > 0; step++)
            {
                while (i > 0 && text[i - 1] is ' ' or '\t' or '：' or ':' or '，' or ',' or '（' or '(' or '|')
                {
                    i--;
                }

                var label = EndingAt(text, i, NumberLabels);
                if (label is null)
                {
                    break;
                }

                i -= label.Length;
            }

            var end = i;
            while (i > 0 && TextNormalizer.IsHan(text[i - 1]) && end - i < 8)
            {
                i--;
            }

            if (i > 0 && TextNormalizer.IsHan(text[i - 1]))
            {
                continue;
            }

            var run = text.AsSpan(i, end - i);
            if (run.Length is >= 2 and <= 4 && statistics.IsPlausibleName(run, strict: false) && !IsRoleWord(run))
            {
                Add(text, i, run.Length, "证件号码或联系方式旁的自然人姓名", names, labelled);
                continue;
            }

            // 申请人王秀华联系电话… / 因范志强（身份证号…）: a short lead word, then the name
            foreach (var length in LeadNameLengths)
            {
                if (run.Length > length && run.Length - length <= 4 && statistics.IsPlausibleName(run[^length..], strict: true) && !IsRoleWord(run[^length..]))
                {
                    Add(text, end - length, length, "证件号码或联系方式旁的自然人姓名", names, labelled);
                    break;
                }
            }
        }
    }

    private static bool IsRoleWord(ReadOnlySpan<char> run)
    {
        foreach (var label in PartyLabels)
        {
            if (run.EndsWith(label, StringComparison.Ordinal) || label.AsSpan().EndsWith(run, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return NotNamesLookup.Contains(run);
    }

    /// <summary>A name right before words that in notices follow a private person (高志刚家庭, 登记在孙建平名下, 马建国反映),
    /// standing at the start of a clause or after a short lead (关于, 在, 其妻子).</summary>
    private void FindBeforeStrongFollowers(string text, HashSet<string> names, List<Hit> labelled)
    {
        foreach (var (follower, followerEnd) in LabelledValueDetector.LabelMatches(text, StrongFollowers))
        {
            var at = followerEnd - follower.Length;
            foreach (var length in LeadNameLengths)
            {
                var start = at - length;
                if (start < 0 || !statistics.IsPlausibleName(text.AsSpan(start, length), strict: true) || IsRoleWord(text.AsSpan(start, length)))
                {
                    continue;
                }

                // 关于聂家旺同志申请…: 同志 alone follows officials too (听取了邓志强同志关于…), so it needs 关于 before the name.
                var led = follower == "同志"
                    ? start >= 2 && string.CompareOrdinal(text, start - 2, "关于", 0, 2) == 0
                    : start == 0 || !TextNormalizer.IsHan(text[start - 1]) || EndsWithAny(text, start, NameLeads);
                if (led && !DigitRunDetector.PrecededBy(text, start, MaxPublicCueWindow, PublicRoleCues))
                {
                    Add(text, start, length, "叙述中的自然人姓名", names, labelled);
                    break;
                }
            }
        }
    }

    /// <summary>How many characters of the candidate form a person's name (0 when it is not one): a surname, then one
    /// or two given-name characters, the whole value not an organisation.</summary>
    private int NameLength(string candidate, string text, int candidateEnd)
    {
        if (candidate.Length < 2 || NotNames.Contains(candidate) || candidate.Contains('某', StringComparison.Ordinal))
        {
            return 0;
        }

        // The value runs on (…公司) after the Han run: "张三餐馆" or "某某（个体工商户）" decides by the whole value.
        foreach (var suffix in OrganizationSuffixes)
        {
            if (candidate.Length > 2 && candidate.EndsWith(suffix, StringComparison.Ordinal))
            {
                return 0;
            }
        }

        if (candidateEnd < text.Length && text[candidateEnd] is '（' or '(' && text.AsSpan(candidateEnd).StartsWith("（个体", StringComparison.Ordinal) is false
            && text.AsSpan(candidateEnd, Math.Min(12, text.Length - candidateEnd)).IndexOfAny("公司厂店") >= 0
            && !statistics.IsPlausibleName(candidate, strict: true))
        {
            return 0;
        }

        var surname = statistics.SurnameLength(candidate, 0);
        if (surname == 0)
        {
            return 0;
        }

        var given = candidate.Length - surname;
        var givenName = candidate[surname..];
        if (FormsOfAddress.Contains(givenName))
        {
            return 0;
        }

        if (given is 1 or 2)
        {
            return statistics.IsPlausibleName(candidate, strict: false) ? candidate.Length : 0;
        }

        // A name followed without delimiter by a short word (张三男 / 李四女 / 王五同志) — keep the name part.
        if (given == 3 && candidate[^1] is '男' or '女')
        {
            return candidate.Length - 1;
        }

        if (given >= 3 && candidate.AsSpan(surname + 2).StartsWith("同志", StringComparison.Ordinal))
        {
            return surname + 2;
        }

        return 0;
    }

    private bool IsInsideLongerName(string text, int at, int length) =>
        at > 0 && TextNormalizer.IsHan(text[at - 1]) && statistics.IsSurname(text[at - 1]) && at + length < text.Length && TextNormalizer.IsHan(text[at + length]);

    private static bool StartsWithAny(string text, int at, string[] words)
    {
        foreach (var word in words)
        {
            if (string.CompareOrdinal(text, at, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithAny(string text, int end, string[] words) => EndingAt(text, end, words) is not null;

    /// <summary>The first of <paramref name="words"/> that ends right before <paramref name="end"/>.</summary>
    private static string? EndingAt(string text, int end, string[] words)
    {
        foreach (var word in words)
        {
            if (end >= word.Length && string.CompareOrdinal(text, end - word.Length, word, 0, word.Length) == 0)
            {
                return word;
            }
        }

        return null;
    }

    private static bool ContainsAny(ReadOnlySpan<char> span, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (span.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllHan(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!TextNormalizer.IsHan(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static int SurnameLength(string name) =>
        CompoundSurnames.FirstOrDefault(s => name.StartsWith(s, StringComparison.Ordinal))?.Length ?? 1;
}
