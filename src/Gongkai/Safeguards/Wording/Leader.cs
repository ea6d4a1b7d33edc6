using Gongkai.Safeguards.Detection;

namespace Gongkai.Safeguards.Wording;

/// <summary>A body's head as the bodies' data records them: the name and the titles that are theirs.</summary>
public sealed record Leader(string Name, string BodyName, IReadOnlyList<string> Titles)
{
    /// <summary>The head's title follows from the body's kind of name: 市人民政府 → 市长, …局 → 局长, …委员会/办公室/中心 → 主任.</summary>
    public static Leader? FromBody(string headName, string bodyName)
    {
        var name = headName.Trim();
        if (name.Length < 2)
        {
            return null;
        }

        string[] titles = bodyName switch
        {
            _ when bodyName.EndsWith("市人民政府", StringComparison.Ordinal) => ["市长"],
            _ when bodyName.EndsWith("县人民政府", StringComparison.Ordinal) => ["县长"],
            _ when bodyName.EndsWith("区人民政府", StringComparison.Ordinal) => ["区长"],
            _ when bodyName.EndsWith("镇人民政府", StringComparison.Ordinal) => ["镇长"],
            _ when bodyName.EndsWith("乡人民政府", StringComparison.Ordinal) => ["乡长"],
            _ when bodyName.EndsWith("街道办事处", StringComparison.Ordinal) => ["主任"],
            _ when bodyName.EndsWith('局') => ["局长"],
            _ when bodyName.EndsWith('厅') => ["厅长"],
            _ when bodyName.EndsWith("委员会", StringComparison.Ordinal) || bodyName.EndsWith('委') => ["主任"],
            _ when bodyName.EndsWith("办公室", StringComparison.Ordinal) || bodyName.EndsWith('办') => ["主任"],
            _ when bodyName.EndsWith("中心", StringComparison.Ordinal) => ["主任"],
            _ when bodyName.EndsWith('院') => ["院长"],
            _ => [],
        };
        return titles.Length == 0 ? null : new Leader(name, bodyName, titles);
    }
}

/// <summary>Finds a body head's name right next to a title that is not theirs ("副市长张伟" when 张伟 is 市长, "张伟局长"
/// when 张伟 heads a 委员会) — a serious wording error in the website checks.</summary>
public sealed class LeaderTitleCheck
{
    /// <summary>Government titles that can be checked against the bodies' data, longest first.</summary>
    private static readonly string[] Titles =
    [
        "常务副市长", "常务副县长", "常务副区长", "副市长", "副县长", "副区长", "副镇长", "副乡长", "副局长", "副主任", "副厅长", "副院长",
        "市长", "县长", "区长", "镇长", "乡长", "局长", "主任", "厅长", "院长", "秘书长",
    ];

    /// <summary>Characters that may follow a name in running text (张伟在…, 张伟指出…); any other Han character means
    /// a longer name (张伟东) and no match.</summary>
    private const string NameFollowers = "在主出指强表要讲同一等和与及率带到调深前参会的对就为先女代作宣介说听检督看慰来赴是、，。；：（）() \n";

    private readonly AhoCorasick<Leader>? _names;

    public LeaderTitleCheck(IEnumerable<Leader> leaders)
    {
        var list = leaders.ToList();
        _names = list.Count == 0 ? null : new AhoCorasick<Leader>(list.Select(l => (l.Name, l)));
    }

    public void Check(string text, List<Finding> findings)
    {
        if (_names is null)
        {
            return;
        }

        foreach (var (start, length, leader) in _names.FindAll(text))
        {
            var end = start + length;
            var after = TitleAt(text, end);
            if (after is null && end < text.Length && TextNormalizer.IsHan(text[end]) && !NameFollowers.Contains(text[end], StringComparison.Ordinal))
            {
                continue;
            }

            if (start > 0 && TextNormalizer.IsHan(text[start - 1]) && TitleEndingAt(text, start) is null && !"的、，为和与及：".Contains(text[start - 1], StringComparison.Ordinal))
            {
                // Preceded by a Han character that is not a title: part of a longer name (欧张伟) or a word.
                continue;
            }

            var before = TitleEndingAt(text, start);
            if (before is not null && !leader.Titles.Contains(before))
            {
                findings.Add(Make(start - before.Length, before.Length + length, text, before + leader.Name, leader, before));
            }
            else if (after is not null && !leader.Titles.Contains(after))
            {
                findings.Add(Make(start, length + after.Length, text, leader.Name + after, leader, after));
            }
        }
    }

    private static Finding Make(int start, int length, string text, string found, Leader leader, string wrongTitle) =>
        new(FindingKind.LeaderTitle, start, length, text.Substring(start, length), found.Replace(wrongTitle, leader.Titles[0], StringComparison.Ordinal),
            $"{leader.Name}是{leader.BodyName}{leader.Titles[0]}，不是“{wrongTitle}”");

    private static string? TitleEndingAt(string text, int end)
    {
        foreach (var title in Titles)
        {
            if (end >= title.Length && string.CompareOrdinal(text, end - title.Length, title, 0, title.Length) == 0)
            {
                return title;
            }
        }

        return null;
    }

    private static string? TitleAt(string text, int start)
    {
        foreach (var title in Titles)
        {
            if (string.CompareOrdinal(text, start, title, 0, title.Length) == 0)
            {
                return title;
            }
        }

        return null;
    }
}
