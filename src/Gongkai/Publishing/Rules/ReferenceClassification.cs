using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Publishing.Rules;

/// <summary>What the law library (政策法规库) records of a reference document: who made it, its rank, where it applies,
/// whether it is in force and when it took effect. Null fields are unknown (never guessed).</summary>
public sealed record ReferenceFields(string? Issuer, string? Level, string? Region, string? Status, DateOnly? EffectiveOn)
{
    /// <summary>The Chinese names of the fields that stayed empty (for the import summary).</summary>
    public IReadOnlyList<string> Missing =>
        new (string Name, bool Empty)[] { ("制定机关", Issuer is null), ("效力级别", Level is null), ("地域", Region is null) }
            .Where(f => f.Empty).Select(f => f.Name).ToList();
}

/// <summary>Front-matter keys that override what <see cref="ReferenceClassification"/> derives.</summary>
public sealed record ReferenceOverrides(string? Kind = null, string? Issuer = null, string? Level = null, string? Region = null, string? Status = null, string? Effective = null);

/// <summary>
/// Decides whether an imported file is a reference document (a law, regulation or rule the site republishes but did not
/// issue) and derives its library fields from the front matter's <c>category</c> and the first lines of the text
/// (e.g. “2003年4月27日 中华人民共和国国务院令第375号公布”, “…深圳市第七届人民代表大会常务委员会第十四次会议通过”).
/// <para>The category's first segment names a section of a law collection (宪法, 宪法相关法, 民法商法, 社会法, 经济法,
/// 行政法, 刑法, 诉讼与非诉讼程序法 → 法律; 行政法规; 部门规章/&lt;ministry&gt;; DLC/&lt;province&gt;地方法规/地方性法规/…;
/// 司法解释; 其他), or the front matter sets <c>kind: reference</c> or any library key. Anything the text does not say
/// stays empty: an issuer is read from the text (or, for a ministry's rule, from its category), never assumed.</para>
/// <para>Front-matter keys <c>issuer</c>, <c>level</c>, <c>region</c>, <c>status</c>, <c>effective</c> win over the
/// derivation; an unknown <c>level</c> or <c>status</c> word or a bad <c>effective</c> date is ignored and reported.</para>
/// Plain rules, no I/O.
/// </summary>
public static partial class ReferenceClassification
{
    public const string Constitution = "宪法";
    public const string Law = "法律";
    public const string AdministrativeRegulation = "行政法规";
    public const string DepartmentRule = "部门规章";
    public const string LocalRegulation = "地方性法规";
    public const string LocalGovernmentRule = "地方政府规章";
    public const string NormativeDocument = "规范性文件";
    public const string National = "全国";

    public const string InForce = "现行有效";
    public const string Amended = "已修改";
    public const string Repealed = "已废止";
    public const string NotYetInForce = "尚未生效";

    /// <summary>效力级别 from highest to lowest.</summary>
    public static IReadOnlyList<string> Levels { get; } =
        [Constitution, Law, AdministrativeRegulation, DepartmentRule, LocalRegulation, LocalGovernmentRule, NormativeDocument];

    /// <summary>时效性.</summary>
    public static IReadOnlyList<string> Statuses { get; } = [InForce, Amended, Repealed, NotYetInForce];

    private static readonly HashSet<string> LawSections = new(StringComparer.Ordinal)
    {
        "宪法相关法", "民法商法", "民法典", "社会法", "经济法", "行政法", "刑法", "诉讼与非诉讼程序法",
    };

    private static readonly Dictionary<string, string> Provinces = new(StringComparer.Ordinal)
    {
        ["北京"] = "北京市", ["天津"] = "天津市", ["上海"] = "上海市", ["重庆"] = "重庆市", ["河北"] = "河北省", ["山西"] = "山西省",
        ["辽宁"] = "辽宁省", ["吉林"] = "吉林省", ["黑龙江"] = "黑龙江省", ["江苏"] = "江苏省", ["浙江"] = "浙江省", ["安徽"] = "安徽省",
        ["福建"] = "福建省", ["江西"] = "江西省", ["山东"] = "山东省", ["河南"] = "河南省", ["湖北"] = "湖北省", ["湖南"] = "湖南省",
        ["广东"] = "广东省", ["海南"] = "海南省", ["四川"] = "四川省", ["贵州"] = "贵州省", ["云南"] = "云南省", ["陕西"] = "陕西省",
        ["甘肃"] = "甘肃省", ["青海"] = "青海省", ["台湾"] = "台湾省", ["内蒙古"] = "内蒙古自治区", ["广西"] = "广西壮族自治区",
        ["西藏"] = "西藏自治区", ["宁夏"] = "宁夏回族自治区", ["新疆"] = "新疆维吾尔自治区",
    };

    /// <summary>Whether the file belongs to the law library rather than to the importing body.</summary>
    public static bool IsReference(IReadOnlyList<string> categoryPath, ReferenceOverrides overrides)
    {
        if (overrides.Kind is { } kind)
        {
            return kind.Trim() is "reference" or "参考" or "法规库" or "政策法规";
        }

        var root = categoryPath.Count > 0 ? categoryPath[0] : "";
        return overrides.Issuer is not null || overrides.Level is not null || overrides.Region is not null
            || root is Constitution or AdministrativeRegulation or DepartmentRule or LocalRegulation or LocalGovernmentRule or "司法解释" or "DLC" or "其他"
            || LawSections.Contains(root);
    }

    /// <summary>The library fields of a reference document, and the override values that could not be used.</summary>
    public static (ReferenceFields Fields, IReadOnlyList<string> Ignored) Derive(IReadOnlyList<string> categoryPath, string title, string text, ReferenceOverrides overrides)
    {
        var head = Head(text);
        var level = LevelOf(categoryPath);
        var province = ProvinceOf(categoryPath);
        var issuer = IssuerOf(level, categoryPath, head);
        var region = RegionOf(level, province, issuer, title);
        var ignored = new List<string>();

        if (Clean(overrides.Level) is { } givenLevel)
        {
            if (Levels.Contains(givenLevel))
            {
                level = givenLevel;
            }
            else
            {
                ignored.Add($"level“{givenLevel}”不是效力级别（{string.Join("、", Levels)}）");
            }
        }

        issuer = Clean(overrides.Issuer) ?? issuer;
        region = Clean(overrides.Region) ?? region;
        string? status = null;
        if (Clean(overrides.Status) is { } givenStatus)
        {
            if (Statuses.Contains(givenStatus))
            {
                status = givenStatus;
            }
            else
            {
                ignored.Add($"status“{givenStatus}”不是时效性（{string.Join("、", Statuses)}）");
            }
        }

        DateOnly? effective = EffectiveOf(head);
        if (Clean(overrides.Effective) is { } givenEffective)
        {
            if (DateOnly.TryParseExact(givenEffective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                effective = date;
            }
            else
            {
                ignored.Add($"effective“{givenEffective}”不是 yyyy-MM-dd 格式的日期");
            }
        }

        return (new ReferenceFields(issuer, level, region, status, effective), ignored);
    }

    /// <summary>The versions of one law, newest first, get their 时效性: the newest 现行有效 (尚未生效 while its effective
    /// date is ahead), the older ones 已修改, unless a version's own status was given.</summary>
    public static IReadOnlyList<string> VersionStatuses(IReadOnlyList<(DateOnly? Issued, DateOnly? Effective, string? Given)> newestFirst, DateOnly today)
    {
        var result = new List<string>(newestFirst.Count);
        var newestDate = newestFirst.Count > 0 ? newestFirst[0].Issued : null;
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var (issued, effective, given) = newestFirst[i];
            // The same text filed twice (one law under two sections) is the same version.
            var newest = i == 0 || issued == newestDate;
            result.Add(given ?? (!newest ? Amended : effective > today ? NotYetInForce : InForce));
        }

        return result;
    }

    /// <summary>The key that makes texts versions of one law: the title without the country's name and spaces.</summary>
    public static string VersionKey(string title) =>
        Regex.Replace(title.Replace("中华人民共和国", "", StringComparison.Ordinal), @"[\s　（）()《》]", "");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The text before its first article or heading, without spaces (first lines wrap mid-sentence).</summary>
    private static string Head(string text)
    {
        var cut = text[..Math.Min(text.Length, 600)];
        var article = ArticleStart().Match(cut);
        if (article.Success && article.Index > 0)
        {
            cut = cut[..article.Index];
        }

        return Whitespace().Replace(cut, "");
    }

    private static string? LevelOf(IReadOnlyList<string> path)
    {
        var root = path.Count > 0 ? path[0] : "";
        if (root == Constitution)
        {
            return Constitution;
        }

        if (LawSections.Contains(root))
        {
            return Law;
        }

        if (root is AdministrativeRegulation or DepartmentRule)
        {
            return root;
        }

        foreach (var segment in path)
        {
            if (segment is LocalRegulation or LocalGovernmentRule or NormativeDocument)
            {
                return segment;
            }
        }

        return null;
    }

    private static string? ProvinceOf(IReadOnlyList<string> path)
    {
        foreach (var segment in path)
        {
            foreach (var (name, full) in Provinces)
            {
                if (segment == name || segment == full || segment == name + "地方法规")
                {
                    return full;
                }
            }
        }

        return null;
    }

    private static string? IssuerOf(string? level, IReadOnlyList<string> path, string head)
    {
        // The earliest body named as adopting or promulgating the text.
        var candidates = new List<(int At, string Issuer)>();
        if (NationalCongress().Match(head) is { Success: true } congress)
        {
            candidates.Add((congress.Index, congress.Groups[1].Success ? "全国人民代表大会常务委员会" : "全国人民代表大会"));
        }

        if (LocalCongress().Match(head) is { Success: true } local && local.Groups[1].Value != "全国")
        {
            candidates.Add((local.Index, local.Groups[1].Value + "人民代表大会" + (local.Groups[2].Success ? "常务委员会" : "")));
        }

        if (StateCouncil().Match(head) is { Success: true } council)
        {
            candidates.Add((council.Index, council.Value.StartsWith("政务院", StringComparison.Ordinal) ? "政务院" : "国务院"));
        }

        if (candidates.Count > 0)
        {
            return candidates.MinBy(c => c.At).Issuer;
        }

        // A ministry's rule is filed under the ministry's name (部门规章/公安部).
        return level == DepartmentRule && path.Count > 1 ? path[1] : null;
    }

    private static string? RegionOf(string? level, string? province, string? issuer, string title)
    {
        if (level is Constitution or Law or AdministrativeRegulation or DepartmentRule)
        {
            return National;
        }

        if (province is null)
        {
            return null;
        }

        // A city's own regulation (青岛市…, 深圳经济特区…) applies in the city.
        var city = issuer is not null && CityOfIssuer().Match(issuer) is { Success: true } m ? m.Groups[1].Value : null;
        city ??= TitleCity().Match(title) is { Success: true } t ? t.Groups[1].Value + "市" : null;
        return city is null || city == province ? province : province + "/" + city;
    }

    private static DateOnly? EffectiveOf(string head)
    {
        if (EffectiveDate().Match(head) is not { Success: true } match)
        {
            return null;
        }

        var (year, month, day) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex(@"(?m)^(##|第一条|第一章|第1条)")]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"全国人民代表大会(常务委员会)?第[一二三四五六七八九十百零〇0-9]+次(会议|全体会议)")]
    private static partial Regex NationalCongress();

    [GeneratedRegex(@"(?:(?<=日)|(?<![\u4e00-\u9fff]))(?!日)([\u4e00-\u9fff]{2,12}?(?:省|市|自治区|自治州|自治县|县|区|盟))第[一二三四五六七八九十0-9]+届人民代表大会(常务委员会)?(第[一二三四五六七八九十百零〇0-9]+次)?")]
    private static partial Regex LocalCongress();

    [GeneratedRegex(@"(国务院令|国务院(发布|公布|批准|颁布|修订)|政务院)")]
    private static partial Regex StateCouncil();

    [GeneratedRegex(@"^([\u4e00-\u9fff]{2,4}?市)人民代表大会")]
    private static partial Regex CityOfIssuer();

    [GeneratedRegex(@"^([\u4e00-\u9fff]{2,3}?)(市|经济特区)")]
    private static partial Regex TitleCity();

    [GeneratedRegex(@"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日(起)?施行")]
    private static partial Regex EffectiveDate();
}
