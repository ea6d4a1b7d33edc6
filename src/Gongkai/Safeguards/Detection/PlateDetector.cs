namespace Gongkai.Safeguards.Detection;

/// <summary>Licence plates tied to a person (车主、驾驶人、当事人 or a named party nearby). Plates of buses, official
/// and enforcement vehicles, or a plate standing alone in a traffic notice, are not personal.</summary>
public sealed class PlateDetector
{
    private static readonly System.Buffers.SearchValues<char> Provinces = System.Buffers.SearchValues.Create("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼");
    private static readonly string[] PersonCues = ["车主", "驾驶人", "驾驶员", "驾驶", "驾车", "当事人", "所有人", "申请人", "本人", "名下", "私家车", "个人", "其", "某", "先生", "女士", "被处罚人", "行为人", "车牌号", "号牌", "涉事", "车辆所有人"];
    private static readonly string[] PersonCuesAfter = ["所有人", "驾驶人", "车主", "驾驶员", "当事人"];
    private static readonly string[] PublicCues = ["公交", "公务用车", "公务车", "执法车", "警车", "单位车辆", "公司车辆", "救护车", "消防车", "班车", "校车", "工程车", "渣土车"];

    public void Detect(string normalized, List<Hit> results, IReadOnlyList<Hit> personNames)
    {
        var i = normalized.AsSpan().IndexOfAny(Provinces);
        while (i >= 0 && i < normalized.Length)
        {
            if (TryReadPlate(normalized, i, out var length))
            {
                if (IsTiedToPerson(normalized, i, personNames))
                {
                    results.Add(new Hit(FindingKind.Plate, i, length, "与个人关联的机动车号牌"));
                }

                i += length;
            }
            else
            {
                i++;
            }

            var next = i < normalized.Length ? normalized.AsSpan(i).IndexOfAny(Provinces) : -1;
            i = next < 0 ? -1 : i + next;
        }
    }

    private static bool TryReadPlate(string text, int start, out int length)
    {
        length = 0;
        var i = start + 1;
        if (i >= text.Length || text[i] is < 'A' or > 'Z')
        {
            return false;
        }

        i++;
        if (i < text.Length && text[i] is '·' or '•' or '.' or ' ' or '-')
        {
            i++;
        }

        var serialStart = i;
        var digits = 0;
        while (i < text.Length && (TextNormalizer.IsAsciiDigit(text[i]) || text[i] is >= 'A' and <= 'Z'))
        {
            digits += TextNormalizer.IsAsciiDigit(text[i]) ? 1 : 0;
            i++;
        }

        var serial = i - serialStart;
        if (i < text.Length && text[i] is '学' or '警' or '挂' or '领')
        {
            i++;
            serial++;
        }

        if (serial is < 5 or > 6 || digits < 3 || i < text.Length && TextNormalizer.IsAsciiLetter(text[i]))
        {
            return false;
        }

        length = i - start;
        return true;
    }

    private static bool IsTiedToPerson(string text, int start, IReadOnlyList<Hit> personNames)
    {
        if (DigitRunDetector.PrecededBy(text, start, 30, PublicCues) || FollowedBy(text, start + 7, 6, PublicCues))
        {
            return false;
        }

        if (DigitRunDetector.PrecededBy(text, start, 30, PersonCues) || FollowedBy(text, start + 7, 12, PersonCuesAfter))
        {
            return true;
        }

        // a row of a table whose header names the plate column (序号 车牌号 违法地点…)
        var headerFrom = Math.Max(0, start - 300);
        var header = text.AsSpan(headerFrom, start - headerFrom);
        var headerAt = header.LastIndexOf("车牌", StringComparison.Ordinal);
        if (headerAt >= 0 && header[headerAt..].IndexOf('。') < 0 && header[headerAt..].IndexOf('\n') >= 0)
        {
            return true;
        }

        foreach (var name in personNames)
        {
            if (name.Start >= start && name.Start - start <= 20 && !text.AsSpan(start, name.Start - start).ContainsAny("。\n"))
            {
                return true;
            }
        }

        foreach (var name in personNames)
        {
            if (name.End <= start && start - name.End <= 30 && !text.AsSpan(name.End, start - name.End).ContainsAny("。\n"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowedBy(string text, int from, int window, string[] cues)
    {
        if (from >= text.Length)
        {
            return false;
        }

        var following = text.Substring(from, Math.Min(window, text.Length - from));
        return cues.Any(c => following.Contains(c, StringComparison.Ordinal));
    }
}
