using Gongkai.Search.Analysis;

namespace Gongkai.Search.Querying;

/// <summary>
/// Groups of words that mean the same to a searcher (低保 ↔ 最低生活保障). Applied when a query is built, not when
/// documents are indexed, so editing the list takes effect at once without a rebuild.
/// </summary>
public sealed class SynonymSet
{
    private readonly List<string[]> _groups;

    /// <summary>Per group, its members other than the legal term, longest first: sorted once here rather than on every
    /// query (sorting 160 groups per expansion was a third of a search's allocations).</summary>
    private readonly List<string[]> _colloquialLongestFirst;

    public SynonymSet(IEnumerable<IEnumerable<string>> groups)
    {
        _groups = groups
            .Select(g => g.Select(w => TextFolding.Fold(w.Trim())).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToArray())
            .Where(g => g.Length > 1)
            .ToList();
        _colloquialLongestFirst = _groups.Select(g => g.Skip(1).OrderByDescending(m => m.Length).ToArray()).ToList();
    }

    public static SynonymSet Empty { get; } = new([]);

    /// <summary>The defaults a new installation starts with (Search/Synonyms/default-synonyms.txt, the legal term first);
    /// staff edit them at /admin/search/synonyms.</summary>
    public static IReadOnlyList<string[]> DefaultGroups { get; } = ReadDefaults().Select(g => g.Words).ToList();

    /// <summary>The default groups with the section of the data file each is in (for the ablation report).</summary>
    public static IReadOnlyList<(string Section, string[] Words)> DefaultSections { get; } = ReadDefaults();

    private static List<(string Section, string[] Words)> ReadDefaults()
    {
        using var stream = typeof(SynonymSet).Assembly.GetManifestResourceStream("Search/default-synonyms.txt")
            ?? throw new InvalidOperationException("the default synonym list is not embedded");
        using var reader = new StreamReader(stream);
        var groups = new List<(string, string[])>();
        var section = "";
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                groups.Add((section, line.Split(['，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            }
        }

        return groups;
    }

    public static SynonymSet Defaults { get; } = new(DefaultGroups);

    public int Count => _groups.Count;

    /// <summary>The term and its variants: every group member found replaced by its group's first word (the legal term:
    /// 开车时打电话 → 驾驶机动车时拨打接听手持电话), then each member found replaced by every other member.</summary>
    public IReadOnlyList<string> Expand(string term)
    {
        var variants = new List<string> { term };
        var canonical = term;
        for (var g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            foreach (var member in _colloquialLongestFirst[g])
            {
                if (canonical.Contains(member, StringComparison.Ordinal) && !canonical.Contains(group[0], StringComparison.Ordinal))
                {
                    canonical = canonical.Replace(member, group[0], StringComparison.Ordinal);
                    break;
                }
            }
        }

        if (canonical != term)
        {
            variants.Add(canonical);
        }

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
