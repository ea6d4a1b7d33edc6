namespace Gongkai.Safeguards.Detection;

/// <summary>Values that are personal because of the label before them: passport and travel-permit numbers, and home
/// addresses after 住址/家庭住址/户籍地…. An agency's own published address after such a label stays.</summary>
public sealed class LabelledValueDetector(PublicContacts publicContacts)
{
    private static readonly string[] PassportLabels =
    [
        "护照号码", "护照号", "护照", "通行证号码", "通行证号", "通行证", "台胞证号码", "台胞证", "回乡证号码", "回乡证", "旅行证", "签证号码",
    ];

    private static readonly string[] AddressLabels =
    [
        "家庭住址", "家庭地址", "通信地址", "通讯地址", "联系地址", "地址", "现住址", "现居住地", "居住地址", "户籍所在地", "户籍地址", "户籍地", "住址", "现住", "家住", "住所地", "住所",
        "现居", "居住在", "居住于", "送达地址", "送达地点", "坐落", "房号", "住",
    ];

    private static readonly string[] AddressStopWords = ["电话", "联系", "身份证", "手机", "邮编", "邮政编码", "工作单位", "职业", "出生", "民族", "性别", "护照"];

    private const int MaxAddressLength = 60;

    public void Detect(string normalized, List<Hit> results)
    {
        DetectPassports(normalized, results);
        DetectAddresses(normalized, results);
        DetectRoomAddresses(normalized, results);
    }

    /// <summary>Markers of a dwelling down to the building, unit or flat: such an address is someone's home whatever
    /// label (or none) is before it.</summary>
    private static readonly string[] DwellingMarkers = ["单元", "栋", "幢"];

    private static readonly string[] AddressStarts = ["居住在", "居住于", "家住", "现居", "住在", "住", "位于", "在", "于", "至"];

    /// <summary>An address down to building/unit/room (富乐山庄5栋3单元502室) without a label before it: from the place
    /// words before the building number to the room number after it. Meeting rooms (3号楼501室) and agencies'
    /// published addresses stay.</summary>
    private void DetectRoomAddresses(string text, List<Hit> results)
    {
        foreach (var (_, markerEnd) in LabelMatches(text, DwellingMarkers))
        {
            // the building number right before the marker (5栋, 3单元, 8幢)
            var markerStart = markerEnd - (text[markerEnd - 1] == '元' ? 2 : 1);
            if (markerStart == 0 || !TextNormalizer.IsAsciiDigit(text[markerStart - 1]) && "一二三四五六七八九十".IndexOf(text[markerStart - 1]) < 0)
            {
                continue;
            }

            if (results.Any(r => r.Kind == FindingKind.Address && r.Start <= markerStart && markerStart < r.End))
            {
                continue;
            }

            var start = markerStart;
            while (start > 0 && markerStart - start < MaxAddressLength && !IsAddressBoundary(text[start - 1]))
            {
                start--;
            }

            foreach (var lead in AddressStarts)
            {
                var at = text.AsSpan(start, markerStart - start).LastIndexOf(lead, StringComparison.Ordinal);
                if (at >= 0 && (lead.Length > 1 || at == 0))
                {
                    start += at + lead.Length;
                    break;
                }
            }

            var end = markerEnd;
            while (end < text.Length && end - start < MaxAddressLength && (TextNormalizer.IsAsciiDigit(text[end]) || text[end] is '单' or '元' or '楼' or '室' or '号' or '层' or '附' or '-' or '栋' or '幢'))
            {
                end++;
            }

            var value = text[start..end];
            if (value.Length < 5 || publicContacts.IsPublicAddress(value))
            {
                continue;
            }

            results.Add(new Hit(FindingKind.Address, start, end - start, "精确到楼栋、单元或房号的住址"));
        }
    }

    private static bool IsAddressBoundary(char c) =>
        c is '，' or '。' or '；' or ';' or ',' or '\n' or '\r' or '（' or '(' or '、' or ' ' or '）' or ')' or '：' or ':' or '\t' or '|' or '的';

    private static void DetectPassports(string text, List<Hit> results)
    {
        foreach (var (_, labelEnd) in LabelMatches(text, PassportLabels))
        {
            var i = labelEnd;
            var skipped = 0;
            while (i < text.Length && skipped < 8 && text[i] is '号' or '码' or '编' or '：' or ':' or ' ' or '为' or '是' or '（' or '）' or '(' or ')' or '证' or '件')
            {
                i++;
                skipped++;
            }

            var start = i;
            var digits = 0;
            while (i < text.Length && (TextNormalizer.IsAsciiDigit(text[i]) || TextNormalizer.IsAsciiLetter(text[i])))
            {
                digits += TextNormalizer.IsAsciiDigit(text[i]) ? 1 : 0;
                i++;
            }

            var length = i - start;
            if (length is >= 7 and <= 12 && digits >= 5)
            {
                results.Add(new Hit(FindingKind.Passport, start, length, "护照或通行证号码"));
            }
        }
    }

    private void DetectAddresses(string text, List<Hit> results)
    {
        foreach (var (label, labelEnd) in LabelMatches(text, AddressLabels))
        {
            var start = labelEnd;
            var colon = false;
            while (start < text.Length && text[start] is '：' or ':' or ' ' or '在' or '于')
            {
                colon |= text[start] is '：' or ':';
                start++;
            }

            var end = start;
            while (end < text.Length && end - start < MaxAddressLength && text[end] is not ('，' or '。' or '；' or ';' or ',' or '\n' or '\r' or '（' or '(' or '、' or ' ' or '）' or ')' or '的'))
            {
                end++;
            }

            foreach (var stop in AddressStopWords)
            {
                var at = text.AsSpan(start, end - start).IndexOf(stop, StringComparison.Ordinal);
                if (at >= 0)
                {
                    end = start + at;
                }
            }

            var value = text[start..end];
            if (value.Length < 4 || value.StartsWith("派出所", StringComparison.Ordinal) || publicContacts.IsPublicAddress(value))
            {
                continue;
            }

            // Without a colon the label may be a plain word of the sentence (以现居住地管理为主, 在现居住地进行登记):
            // what follows must name a place, starting with a place name rather than a verb or a level (县级以上…).
            if (!colon && (!LooksLikePlace(value) && !value.Any(char.IsAsciiDigit) || value.StartsWith("进行", StringComparison.Ordinal) || value.Contains("以上", StringComparison.Ordinal)
                || value.Contains("部门", StringComparison.Ordinal) || value.Contains("人民政府", StringComparison.Ordinal)))
            {
                continue;
            }

            // 住 alone is a label only between a person's details and a place (…汉族，住涪城区…), not in 住房、住院、住建局.
            if (label == "住" && !(labelEnd - 1 > 0 && text[labelEnd - 2] is '，' or ',' or '、' or ' ' or '；' && LooksLikePlace(value)
                && value.Any(char.IsAsciiDigit) && "房宅院宿所建".IndexOf(value[0]) < 0))
            {
                continue;
            }

            // 住所 of an enterprise party is its registered office, public in a punitive notice: only a 住所 that
            // follows a natural person's details (性别, 身份证, 出生) is personal.
            if (label is "住所" or "住所地" or "地址" or "坐落" or "送达地址" or "送达地点" && !FollowsPersonDetails(text, labelEnd - label.Length) && !LooksLikeDwelling(value))
            {
                continue;
            }

            results.Add(new Hit(FindingKind.Address, start, end - start, "个人住址"));
        }
    }

    private static readonly System.Buffers.SearchValues<char> PlaceCharacters = System.Buffers.SearchValues.Create("区县市镇乡村路街道组号巷");

    private static bool LooksLikePlace(string value) => value.AsSpan().IndexOfAny(PlaceCharacters) >= 0;

    private static bool LooksLikeDwelling(string value) => value.Contains("单元", StringComparison.Ordinal) || value.Contains('栋', StringComparison.Ordinal) || value.Contains('幢', StringComparison.Ordinal);

    private static bool FollowsPersonDetails(string text, int labelStart) =>
        DigitRunDetector.PrecededBy(text, labelStart, 60, ["男", "女", "身份证", "出生", "公民", "居民", "民族", "申请人", "户主", "姓名", "权利人", "被征收人", "当事人"])
        && !DigitRunDetector.PrecededBy(text, labelStart, 60, ["公司", "单位", "机关", "中心", "局", "委员会", "厂", "店", "站", "合作社"]);

    /// <summary>Labels grouped by their first character, built once per label list: each position costs one lookup,
    /// not a comparison with every label (the party-label list has ~150 entries).</summary>
    private sealed class LabelIndex(string[] labels)
    {
        public System.Buffers.SearchValues<char> First { get; } = System.Buffers.SearchValues.Create(labels.Select(l => l[0]).Distinct().ToArray());

        public Dictionary<char, string[]> ByFirst { get; } = labels.GroupBy(l => l[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.Length).ToArray());
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string[], LabelIndex> Indexes = [];

    /// <summary>Label occurrences, longest label at each position, not inside a longer word of the list.</summary>
    internal static IEnumerable<(string Label, int End)> LabelMatches(string text, string[] labels)
    {
        var index = Indexes.GetValue(labels, l => new LabelIndex(l));
        var i = text.AsSpan().IndexOfAny(index.First);
        while (i >= 0 && i < text.Length)
        {
            string? found = null;
            foreach (var label in index.ByFirst[text[i]])
            {
                if (string.CompareOrdinal(text, i, label, 0, label.Length) == 0)
                {
                    found = label;
                    break;
                }
            }

            if (found is not null)
            {
                yield return (found, i + found.Length);
                i += found.Length;
            }
            else
            {
                i++;
            }

            var next = i < text.Length ? text.AsSpan(i).IndexOfAny(index.First) : -1;
            i = next < 0 ? -1 : i + next;
        }
    }
}
