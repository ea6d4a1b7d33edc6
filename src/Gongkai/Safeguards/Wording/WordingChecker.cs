namespace Gongkai.Safeguards.Wording;

/// <summary>Checks wording against the word lists in one Aho–Corasick pass: mis-writings, outdated body names (only in
/// documents dated on or after the renaming, and not where the old name is cited as history: 原市工商局), altered
/// standard formulations and sensitive words.</summary>
public sealed class WordingChecker
{
    private static readonly string[] HistoryMarkers = ["原", "更名", "前身", "撤销", "改革前", "组建"];

    private readonly AhoCorasick<WordingRule> _matcher;

    public WordingChecker(IEnumerable<WordingRule> rules)
    {
        _matcher = new AhoCorasick<WordingRule>(rules.Where(r => r.Pattern.Length > 0).Select(r => (r.Pattern, r)));
    }

    public int RuleCount => _matcher.PatternCount;

    public void Check(string text, DateOnly? documentDate, List<Finding> findings)
    {
        foreach (var (start, length, rule) in _matcher.FindAll(text))
        {
            if (rule.Kind == WordingListKind.OutdatedName && !IsOutdatedHere(text, start, rule, documentDate))
            {
                continue;
            }

            var message = rule.Kind switch
            {
                WordingListKind.OutdatedName => $"{rule.Note}（{rule.EffectiveFrom:yyyy年M月d日}起）",
                WordingListKind.SensitiveWord => string.IsNullOrEmpty(rule.Note) ? "敏感词，发布前请删除或改写" : rule.Note,
                _ => string.IsNullOrEmpty(rule.Note) ? $"应为“{rule.Replacement}”" : rule.Note,
            };
            findings.Add(new Finding(rule.Kind.FindingKind(), start, length, text.Substring(start, length), rule.Replacement, message));
        }
    }

    private static bool IsInsideDocumentTitle(string text, int start)
    {
        var open = text.LastIndexOf('《', start);
        return open >= 0 && text.LastIndexOf('》', start) < open && start - open <= 60;
    }

    private static bool IsOutdatedHere(string text, int start, WordingRule rule, DateOnly? documentDate)
    {
        if (documentDate is null || rule.EffectiveFrom is { } since && documentDate < since)
        {
            return false;
        }

        if (IsInsideDocumentTitle(text, start))
        {
            // 《绵阳市工商行政管理局关于……的通知》: a cited document keeps the name it was issued under.
            return false;
        }

        var from = Math.Max(0, start - 24);
        var before = text.AsSpan(from, start - from);
        var clause = before.LastIndexOfAny("，。；\n");
        if (clause >= 0)
        {
            before = before[(clause + 1)..];
        }

        foreach (var marker in HistoryMarkers)
        {
            if (before.Contains(marker, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
