using Gongkai.Search.Analysis;
using Gongkai.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gongkai.Search.Querying;

/// <summary>
/// Turns a <see cref="QueryText"/> into a Lucene query. Each term (and each synonym variant of it) becomes its CJK
/// bigrams, searched in title, body and attachments with falling weights; the same bigrams as a phrase (the term as a
/// substring) score extra, quoted phrases far more. An exact 文号 or 索引号 outweighs everything.
/// </summary>
public static class SearchQueryBuilder
{
    public const float TitleBoost = 3f;
    public const float BodyBoost = 1f;
    public const float AttachmentBoost = 0.4f;
    public const float TermPhraseBoost = 2f;
    public const float QuotedPhraseBoost = 12f;
    public const float ExactIdentifierBoost = 1000f;

    /// <summary>Question words that carry no subject (开饭店要办什么证 → 开饭店 办 证).</summary>
    private static readonly string[] FillerWords =
        ["怎么办", "怎么样", "怎么", "什么", "如何", "哪些", "哪里", "是否", "可以", "需要", "应该", "要办", "请问", "为什么", "吗", "呢", "了"];

    public static Query Build(QueryText text, string raw, Analyzer analyzer, SynonymSet synonyms, out string? docNumber)
    {
        var query = new BooleanQuery();
        docNumber = DocNumberForm.Find(raw);
        if (docNumber is not null)
        {
            query.Add(new TermQuery(new Term(SearchFields.DocNumber, docNumber)) { Boost = ExactIdentifierBoost }, Occur.SHOULD);
        }

        var trimmed = raw.Trim();
        if (trimmed.Length is > 0 and <= 40)
        {
            query.Add(new TermQuery(new Term(SearchFields.Id, trimmed)) { Boost = ExactIdentifierBoost }, Occur.SHOULD);
        }

        foreach (var phrase in text.Phrases)
        {
            var group = new BooleanQuery();
            foreach (var variant in synonyms.Expand(phrase))
            {
                var tokens = Tokens(analyzer, variant);
                AddPhrase(group, tokens, QuotedPhraseBoost);
                AddTerms(group, tokens);
            }

            if (group.Clauses.Count > 0)
            {
                query.Add(group, Occur.SHOULD);
            }
        }

        foreach (var term in text.Terms)
        {
            var group = new BooleanQuery();
            foreach (var variant in synonyms.Expand(term))
            {
                var tokens = Tokens(analyzer, WithoutFillers(variant));
                AddPhrase(group, tokens, TermPhraseBoost);
                AddTerms(group, tokens);
            }

            if (group.Clauses.Count > 0)
            {
                query.Add(group, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>The words to mark in snippets: terms, phrases and their synonym variants, fillers removed.</summary>
    public static IReadOnlyList<string> HighlightWords(QueryText text, SynonymSet synonyms) =>
        text.Phrases.Concat(text.Terms)
            .SelectMany(synonyms.Expand)
            .Select(WithoutFillers)
            .SelectMany(w => w.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string WithoutFillers(string term)
    {
        foreach (var filler in FillerWords)
        {
            if (term.Length > filler.Length)
            {
                term = term.Replace(filler, " ", StringComparison.Ordinal);
            }
        }

        return term.Trim();
    }

    /// <summary>A term's tokens as the index has them; runs separated by a removed filler are kept apart.</summary>
    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    private static void AddTerms(BooleanQuery group, List<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        // Two in five of a long term's bigrams must be present, so 算工伤吗 still finds 工伤 but 上下班路上 is not matched
        // by 路上 alone. Weights and this share were chosen on the relevance set (title 3, phrase 2, share 0.4 with BM25).
        var terms = new BooleanQuery { MinimumNumberShouldMatch = Math.Max(1, (int)Math.Ceiling(tokens.Count * 0.4)) };
        foreach (var token in tokens.Distinct(StringComparer.Ordinal))
        {
            terms.Add(TokenQuery(token), Occur.SHOULD);
        }

        group.Add(terms, Occur.SHOULD);
    }

    /// <summary>One token in every text field. A lone Chinese character also matches the bigrams it starts (犬 → 犬只).</summary>
    private static BooleanQuery TokenQuery(string token)
    {
        var fields = new BooleanQuery();
        var single = token.Length == 1 && token[0] >= '\u2E80';
        foreach (var (field, boost) in new[] { (SearchFields.Title, TitleBoost), (SearchFields.Body, BodyBoost), (SearchFields.Attachments, AttachmentBoost) })
        {
            fields.Add(new TermQuery(new Term(field, token)) { Boost = boost }, Occur.SHOULD);
            if (single)
            {
                fields.Add(new PrefixQuery(new Term(field, token)) { Boost = boost * 0.5f }, Occur.SHOULD);
            }
        }

        return fields;
    }

    private static void AddPhrase(BooleanQuery group, List<string> tokens, float boost)
    {
        if (tokens.Count < 2)
        {
            return;
        }

        foreach (var (field, fieldBoost) in new[] { (SearchFields.Title, TitleBoost), (SearchFields.Body, BodyBoost) })
        {
            var phrase = new PhraseQuery { Boost = boost * fieldBoost };
            foreach (var token in tokens)
            {
                phrase.Add(new Term(field, token));
            }

            group.Add(phrase, Occur.SHOULD);
        }
    }
}
