using Gongkai.Search.Analysis;

namespace Gongkai.Search.Querying;

/// <summary>
/// Groups of words that mean the same to a searcher (低保 ↔ 最低生活保障). Applied when a query is built, not when
/// documents are indexed, so editing the list takes effect at once without a rebuild.
/// </summary>
public sealed class SynonymSet
{
    private readonly List<string[]> _groups;

    public SynonymSet(IEnumerable<IEnumerable<string>> groups)
    {
        _groups = groups
            .Select(g => g.Select(w => TextFolding.Fold(w.Trim())).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToArray())
            .Where(g => g.Length > 1)
            .ToList();
    }

    public static SynonymSet Empty { get; } = new([]);

    /// <summary>The defaults a new installation starts with; staff edit them at /admin/search/synonyms.</summary>
    public static IReadOnlyList<string[]> DefaultGroups { get; } =
    [
        ["低保", "最低生活保障"],
        ["公积金", "住房公积金"],
        ["网约车", "网络预约出租汽车"],
        ["社保", "社会保险"],
        ["医保", "医疗保险", "医疗保障"],
        ["个税", "个人所得税"],
        ["房产证", "不动产权证书", "不动产登记"],
        ["出租车", "出租汽车"],
        ["电动车", "电动自行车"],
        ["养狗", "养犬"],
        ["鞭炮", "烟花爆竹"],
        ["家暴", "家庭暴力"],
        ["退伍军人", "退役军人"],
        ["失业金", "失业保险金"],
        ["交强险", "机动车交通事故责任强制保险"],
        ["营业执照", "市场主体登记"],
        ["个体户", "个体工商户"],
        ["讨薪", "工资支付"],
        ["噪音", "噪声"],
        ["上访", "信访"],
        ["酒驾", "饮酒后驾驶"],
        ["一网通办", "政务服务"],
    ];

    public static SynonymSet Defaults { get; } = new(DefaultGroups);

    public int Count => _groups.Count;

    /// <summary>The term and its variants: each group member found in the (folded) term replaced by every other member.</summary>
    public IReadOnlyList<string> Expand(string term)
    {
        var variants = new List<string> { term };
        foreach (var group in _groups)
        {
            foreach (var member in group)
            {
                if (!term.Contains(member, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var other in group)
                {
                    // 公积金 inside 住房公积金 would otherwise produce 住房住房公积金.
                    if (other != member && !term.Contains(other, StringComparison.Ordinal))
                    {
                        variants.Add(term.Replace(member, other, StringComparison.Ordinal));
                    }
                }
            }
        }

        return variants.Distinct(StringComparer.Ordinal).Take(8).ToList();
    }
}
