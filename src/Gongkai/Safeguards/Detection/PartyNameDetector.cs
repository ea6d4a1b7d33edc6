namespace Gongkai.Safeguards.Detection;

/// <summary>Natural persons' names in the parties block of decisions and applications (当事人：张三 → 张某), and the
/// same names wherever else they occur in the document. An enterprise or agency party (…公司, …餐馆, …局) is public
/// and stays; so does an already masked name (张某).</summary>
public sealed class PartyNameDetector(PublicContacts publicContacts)
{
    /// <summary>Surname + form of address (王老师, 张工, 刘先生): how a contact is named without being identified.</summary>
    private static readonly string[] FormsOfAddress = ["老师", "先生", "女士", "师傅", "经理", "律师", "同志", "工", "总", "律", "老", "姐", "哥"];

    private static readonly string[] PartyLabels =
    [
        "当事人", "申请人", "被申请人", "第三人", "被处罚人", "被处罚对象", "法定代表人", "负责人", "经营者", "委托代理人", "代理人",
        "投诉人", "举报人", "被举报人", "被投诉人", "复议申请人", "申请人姓名", "姓名", "户主", "户主姓名", "业主", "车主",
        "驾驶人", "驾驶员", "收件人", "联系人", "监护人", "受益人", "领款人", "补助对象", "救助对象", "补贴对象", "优抚对象", "发放对象", "慰问对象", "受助人", "申领人", "承租人", "购房人", "违法行为人", "行为人",
    ];

    internal static readonly string[] OrganizationSuffixes =
    [
        "公司", "厂", "店", "中心", "合作社", "部", "行", "馆", "院", "局", "委", "所", "站", "政府", "集团", "商行", "超市", "学校",
        "协会", "学会", "社", "处", "办", "室", "场", "园", "坊", "铺", "队", "会", "校", "堂", "酒楼", "餐厅", "门市", "诊所", "药房",
        "工作室", "百货", "银行", "村委", "街道", "镇", "乡", "村", "组", "庄", "楼", "城", "吧", "厅", "房",
    ];

    private const string SingleSurnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "独孤", "端木", "南宫", "西门"];

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "本人", "个人", "公民", "不详", "未知", "单位", "企业", "法人", "自然人", "其他", "无", "同上", "见附件", "略",
    };

    public void Detect(string normalized, List<Hit> results)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var labelled = new List<Hit>();
        foreach (var (_, labelEnd) in LabelledValueDetector.LabelMatches(normalized, PartyLabels))
        {
            // A label inside a longer word (e.g. 负责人 in 项目负责人制) needs a boundary before it? Parties blocks start a
            // line or follow punctuation; in running text "申请人张三" is still a party, so only the value is checked.
            var i = labelEnd;
            var colon = false;
            while (i < normalized.Length && normalized[i] is '：' or ':' or ' ')
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

            var start = i;
            while (i < normalized.Length && TextNormalizer.IsHan(normalized[i]) && i - start <= 12)
            {
                i++;
            }

            var candidate = normalized[start..i];
            var boundary = i >= normalized.Length || !TextNormalizer.IsHan(normalized[i]) && !TextNormalizer.IsAsciiLetter(normalized[i]) && !TextNormalizer.IsAsciiDigit(normalized[i]);
            if (!colon)
            {
                // In running text the name must be followed by a delimiter: "申请人张三，" not "申请人于2019年".
                if (!boundary || i < normalized.Length && normalized[i] is not ('，' or '、' or '（' or '(' or '。' or '；' or ' ' or ',' or '\n' or '：'))
                {
                    continue;
                }
            }

            var nameLength = NameLength(candidate, normalized, i);
            if (nameLength > 0 && !publicContacts.IsPublicName(candidate[..nameLength]))
            {
                var name = candidate[..nameLength];
                names.Add(name);
                labelled.Add(new Hit(FindingKind.PersonName, start, nameLength, "当事人等自然人姓名"));
            }
        }

        FindSalutations(normalized, names, labelled);
        results.AddRange(labelled);
        if (names.Count == 0)
        {
            return;
        }

        // The same person named again elsewhere in the document (…张三于2019年3月…) is masked too.
        foreach (var name in names)
        {
            var at = normalized.IndexOf(name, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (!labelled.Any(d => d.Start == at) && !IsInsideLongerName(normalized, at, name.Length))
                {
                    results.Add(new Hit(FindingKind.PersonName, at, name.Length, "与当事人姓名相同"));
                }

                at = normalized.IndexOf(name, at + name.Length, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>A letter's salutation at the start of a line: "刘洋先生：" / "王欣怡女士：".</summary>
    private void FindSalutations(string text, HashSet<string> names, List<Hit> labelled)
    {
        foreach (var suffix in (string[])["先生：", "女士：", "先生:", "女士:"])
        {
            var at = text.IndexOf(suffix, StringComparison.Ordinal);
            while (at >= 0)
            {
                var start = at;
                while (start > 0 && TextNormalizer.IsHan(text[start - 1]) && at - start < 4)
                {
                    start--;
                }

                var lineStart = start == 0 || text[start - 1] is '\n' or ' ' or '\r';
                var name = text[start..at];
                if (lineStart && name.Length is 2 or 3 && StartsWithSurname(name) && !publicContacts.IsPublicName(name) && labelled.All(h => h.Start != start))
                {
                    names.Add(name);
                    labelled.Add(new Hit(FindingKind.PersonName, start, name.Length, "答复书称呼中的自然人姓名"));
                }

                at = text.IndexOf(suffix, at + suffix.Length, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>How many characters of the candidate form a person's name (0 when it is not one): a surname, then one
    /// or two given-name characters, the whole value not an organisation.</summary>
    private static int NameLength(string candidate, string text, int candidateEnd)
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
            && text.AsSpan(candidateEnd, Math.Min(12, text.Length - candidateEnd)).IndexOfAny("公司厂店") >= 0)
        {
            return 0;
        }

        var surname = CompoundSurnames.FirstOrDefault(s => candidate.StartsWith(s, StringComparison.Ordinal))?.Length
            ?? (SingleSurnames.Contains(candidate[0], StringComparison.Ordinal) ? 1 : 0);
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
            return candidate.Length;
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

    private static bool IsInsideLongerName(string text, int at, int length) =>
        at > 0 && TextNormalizer.IsHan(text[at - 1]) && SingleSurnames.Contains(text[at - 1], StringComparison.Ordinal) && at + length < text.Length && TextNormalizer.IsHan(text[at + length]);

    internal static bool StartsWithSurname(string name) =>
        name.Length >= 2 && (SingleSurnames.Contains(name[0], StringComparison.Ordinal) || CompoundSurnames.Any(s => name.StartsWith(s, StringComparison.Ordinal)));

    internal static int SurnameLength(string name) =>
        CompoundSurnames.FirstOrDefault(s => name.StartsWith(s, StringComparison.Ordinal))?.Length ?? 1;
}
