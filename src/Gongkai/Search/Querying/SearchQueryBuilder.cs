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

    /// <summary>A query that is a document's title or a law's short name (劳动合同法 → 中华人民共和国劳动合同法, after
    /// synonyms: 个税法 → 个人所得税法) puts that document far above text matches.</summary>
    public const float TitleExactBoost = 300f;

    /// <summary>The title with one character wrong (劳动合同发, 工商保险条例), or the words plus 法/条例/规定/办法 (交强险 →
    /// 机动车交通事故责任强制保险条例).</summary>
    public const float TitleNearBoost = 60f;

    /// <summary>Share of a term's bigrams a document must contain: strict first, relaxed when the strict match finds
    /// little (most words, not all).</summary>
    public const double StrictShare = 0.4;
    public const double RelaxedShare = 0.2;

    /// <summary>Question words and particles that carry no subject (开饭店要办什么证 → 开饭店 办 证, 孩子上学要不要交学费 →
    /// 孩子上学 交学费), longest first so 怎么办 goes before 怎么.</summary>
    public static IReadOnlyList<string> FillerWords { get; } = new[]
    {
        "可不可以", "需不需要", "多长时间", "怎么办", "怎么样", "怎么弄", "什么样", "为什么", "要不要", "能不能", "有没有", "是不是", "算不算",
        "会不会", "多少钱", "有哪些", "怎么", "咋办", "咋样", "什么", "如何", "哪些", "哪里", "哪儿", "哪个", "是否", "可以", "需要", "应该",
        "要办", "请问", "多少", "多久", "找谁", "谁来", "我们", "吗", "呢", "吧", "啊", "呀", "了", "几", "谁", "我",
    }.OrderByDescending(w => w.Length).ToArray();

    /// <summary>The query's title keys: the whole query as <see cref="SearchFields.TitleKeyOf"/> writes titles, question
    /// words dropped, and its synonym variants (个税法 → 个人所得税法).</summary>
    public static IReadOnlyList<string> TitleKeys(QueryText text, SynonymSet synonyms)
    {
        var whole = SearchFields.TitleKeyOf(WithoutFillers(string.Concat(text.Phrases.Concat(text.Terms))));
        if (whole.Length < 2 || whole.Length > 40)
        {
            return [];
        }

        return synonyms.Expand(whole).Select(SearchFields.TitleKeyOf).Where(k => k.Length >= 2).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the query has anything to search once question words, particles and punctuation are gone.</summary>
    public static bool HasWords(QueryText text) =>
        text.Phrases.Concat(text.Terms).Any(t => WithoutFillers(t).Any(char.IsLetterOrDigit));

    /// <param name="reader">The index the query will run on, if known: title-key clauses for keys no title has are then
    /// left out, and so is the fuzzy title match when the exact title exists (a FuzzyQuery builds an automaton and walks
    /// the title-key terms on every search; it is there for misspellings, which an exact title is not).</param>
    public static Query Build(QueryText text, string raw, Analyzer analyzer, SynonymSet synonyms, out string? docNumber, double share = StrictShare, IndexReader? reader = null)
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

        bool MayExist(Term term) => reader is null || reader.DocFreq(term) > 0;
        foreach (var key in TitleKeys(text, synonyms))
        {
            var exact = new Term(SearchFields.TitleKey, key);
            var exactExists = reader is not null && reader.DocFreq(exact) > 0;
            if (exactExists || reader is null)
            {
                query.Add(new TermQuery(exact) { Boost = TitleExactBoost }, Occur.SHOULD);
            }

            if (key.Length >= 5 && !exactExists)
            {
                query.Add(new FuzzyQuery(exact, maxEdits: 1, prefixLength: 1) { Boost = TitleNearBoost }, Occur.SHOULD);
            }

            if (!key.EndsWith('法') && !key.EndsWith("条例", StringComparison.Ordinal))
            {
                foreach (var suffix in TitleSuffixes)
                {
                    var suffixed = new Term(SearchFields.TitleKey, key + suffix);
                    if (MayExist(suffixed))
                    {
                        query.Add(new TermQuery(suffixed) { Boost = TitleNearBoost }, Occur.SHOULD);
                    }
                }
            }
        }

        foreach (var phrase in text.Phrases)
        {
            var group = new BooleanQuery();
            foreach (var variant in synonyms.Expand(phrase))
            {
                var tokens = Tokens(analyzer, variant);
                AddPhrase(group, tokens, QuotedPhraseBoost);
                AddTerms(group, tokens, share);
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
                AddTerms(group, tokens, share);
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

    public static string WithoutFillers(string term)
    {
        foreach (var filler in FillerWords)
        {
            term = term.Replace(filler, " ", StringComparison.Ordinal);
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

    private static readonly string[] TitleSuffixes = ["法", "条例", "管理条例", "规定", "办法"];

    private static void AddTerms(BooleanQuery group, List<string> tokens, double share)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        // Two in five of a long term's bigrams must be present, so 算工伤吗 still finds 工伤 but 上下班路上 is not matched
        // by 路上 alone. Weights and this share were chosen on the relevance set (title 3, phrase 2, share 0.4 with BM25).
        var terms = new BooleanQuery { MinimumNumberShouldMatch = Math.Max(1, (int)Math.Ceiling(tokens.Distinct(StringComparer.Ordinal).Count() * share)) };
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
