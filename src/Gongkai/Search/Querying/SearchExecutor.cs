using System.Globalization;
using Gongkai.Search.Analysis;
using Gongkai.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Gongkai.Platform.Time;

namespace Gongkai.Search.Querying;

/// <summary>Runs one search on a searcher: query, filters, order, one page of hits with snippets, and facet counts in the same pass.</summary>
internal static class SearchExecutor
{
    /// <summary>Fewer strict hits than this and the relaxed match (most words, not all) runs instead.</summary>
    public const int RelaxBelow = 5;

    public static SearchResult Execute(IndexSearcher searcher, Analyzer analyzer, SearchRequest request, SynonymSet synonyms) =>
        Execute(searcher, analyzer, request, synonyms, RankingPrior.Default);

    public static SearchResult Execute(IndexSearcher searcher, Analyzer analyzer, SearchRequest request, SynonymSet synonyms, RankingPrior prior)
    {
        var text = QueryText.Parse(request.Query);
        var typedSomething = !string.IsNullOrWhiteSpace(request.Query);
        if (typedSomething && (text.IsEmpty ? !request.HasFilters : !SearchQueryBuilder.HasWords(text)) && DocNumberForm.Find(request.Query ?? "") is null)
        {
            // Only question words, particles or punctuation: ask for words rather than list everything.
            return SearchResult.None with { NeedsWords = true };
        }

        var result = Run(searcher, analyzer, request, synonyms, prior, text, SearchQueryBuilder.StrictShare);
        if (!text.IsEmpty && result.Total < RelaxBelow && request.Page <= 1)
        {
            var relaxed = Run(searcher, analyzer, request, synonyms, prior, text, SearchQueryBuilder.RelaxedShare);
            if (relaxed.Total > result.Total)
            {
                result = relaxed with { Relaxed = true };
            }
        }

        return result;
    }

    private static SearchResult Run(IndexSearcher searcher, Analyzer analyzer, SearchRequest request, SynonymSet synonyms, RankingPrior prior, QueryText text, double share)
    {
        string? docNumber = null;
        Query query;
        if (text.IsEmpty)
        {
            if (!request.HasFilters)
            {
                return SearchResult.None;
            }

            query = new MatchAllDocsQuery();
        }
        else
        {
            var prepared = PreparedQueries.Get(searcher, text, request.Query ?? "", analyzer, synonyms, share);
            query = prepared.Query;
            docNumber = prepared.DocNumber;
        }

        var filter = Filter(request);
        var size = Math.Clamp(request.Size, 1, SearchRequest.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var skip = Math.Min((page - 1) * size, SearchRequest.MaxResultWindow);
        var sort = request.Sort == SearchSort.Date || text.IsEmpty
            ? new Sort(new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true))
            // Equal relevance: currently valid before repealed or expired, then newer first.
            : new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.ValidityRank, SortFieldType.INT64), new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true));

        // In document order on purpose: a collector that accepts documents out of order lets Lucene score the nested
        // boolean query with BooleanScorer, whose bucket table (2,048 objects per nested clause per segment) made up most
        // of a query's allocations and a third of its time (docs/PERFORMANCE.md, Search).
        var top = TopFieldCollector.Create(sort, skip + size, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        var facets = new FacetCounter();
        // The authority and jurisdiction prior scales each score; a region the query names (北京 养狗) counts as the site's.
        var named = prior with { SiteRegion = prior.SiteRegion, NamedRegions = NamedRegions(text) };
        searcher.Search(query, filter, MultiCollector.Wrap(new PriorCollector(top, named), facets));
        var docs = top.GetTopDocs(skip, size);
        var words = SearchQueryBuilder.HighlightWords(text, synonyms);
        var hits = new List<SearchHit>(docs.ScoreDocs.Length);
        var leaves = searcher.IndexReader.Leaves;
        foreach (var scoreDoc in docs.ScoreDocs)
        {
            var leaf = leaves[ReaderUtil.SubIndex(scoreDoc.Doc, leaves)];
            var score = float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score;
            hits.Add(ReadHit(leaf.AtomicReader, scoreDoc.Doc - leaf.DocBase, words, score) ?? ReadStoredHit(searcher, scoreDoc.Doc, leaf, words, score));
        }

        return new SearchResult(top.TotalHits, hits, facets.Result(), docNumber, (page - 1) * size > SearchRequest.MaxResultWindow)
        {
            BestAnswer = page == 1 && hits.Count > 0 && !text.IsEmpty ? BestAnswer(hits[0], text, request.Query ?? "", docNumber, synonyms) : null,
        };
    }

    /// <summary>The first hit, when the query names it exactly: its title or short name, its 文号 or its 索引号.</summary>
    private static SearchHit? BestAnswer(SearchHit first, QueryText text, string raw, string? docNumber, SynonymSet synonyms)
    {
        var key = SearchFields.TitleKeyOf(first.Title);
        if (SearchQueryBuilder.TitleKeys(text, synonyms).Contains(key, StringComparer.Ordinal)
            || string.Equals(first.IndexNo, raw.Trim(), StringComparison.Ordinal)
            || (docNumber is not null && first.DocNumber is { } number && DocNumberForm.Normalise(number) == docNumber))
        {
            return first;
        }

        return null;
    }

    /// <summary>Province and city names the query mentions (北京, 青岛市), for the jurisdiction prior.</summary>
    private static List<string> NamedRegions(QueryText text)
    {
        var joined = string.Concat(text.Phrases.Concat(text.Terms));
        return RegionNames.Where(n => joined.Contains(n, StringComparison.Ordinal)).ToList();
    }

    private static readonly string[] RegionNames =
    [
        "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
        "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西", "西藏", "宁夏", "新疆", "深圳", "广州", "杭州",
        "宁波", "青岛", "济南", "郑州", "洛阳", "成都", "绵阳", "温州", "厦门", "汕头", "珠海", "嘉兴", "绍兴", "苏州", "南京", "武汉",
    ];

    /// <summary>A hit from doc values alone (<see cref="SearchFields.Hit"/>, published, body text); null for a segment
    /// written before they existed.</summary>
    private static SearchHit? ReadHit(AtomicReader reader, int doc, IReadOnlyList<string> words, float score)
    {
        if (reader.GetBinaryDocValues(SearchFields.Hit) is not { } hitValues || reader.GetNumericDocValues(SearchFields.Published) is not { } published)
        {
            return null;
        }

        var bytes = new BytesRef();
        hitValues.Get(doc, bytes);
        var body = t_bodyScratch ??= new BytesRef();
        if (HitRecord.Decode(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)) is not { } hit
            || !SearchFields.TryReadBodyText(reader.GetBinaryDocValues(SearchFields.BodyText), doc, body))
        {
            return null;
        }

        var snippet = SnippetBuilder.Build(SearchFields.BodyChars(body), words);
        if (body.Bytes.Length > MaxKeptScratch)
        {
            t_bodyScratch = null; // one very long document should not pin its buffer to this thread
        }

        return new SearchHit(hit.IndexNo, hit.Title, hit.Url, snippet, hit.DocNumber, hit.BodyCode,
            hit.BodyName, hit.DocumentType, ChinaTime.DateOf(DateTimeOffset.FromUnixTimeSeconds(published.Get(doc))), hit.Validity, score)
        {
            Issuer = hit.Issuer,
            Level = hit.Level,
            Region = hit.Region,
            LegalStatus = hit.LegalStatus,
        };
    }

    /// <summary>Where this thread reads hits' bodies (<see cref="BodyTextValues"/> fills it in place), so a page of
    /// results allocates no copy of ten bodies.</summary>
    [ThreadStatic]
    private static BytesRef? t_bodyScratch;

    private const int MaxKeptScratch = 1 << 20;

    /// <summary>A hit in a segment written before the shown fields moved to doc values: read from stored fields (and the
    /// body from stored fields too when it predates <see cref="SearchFields.BodyText"/>). Serves until the next reindex.</summary>
    private static SearchHit ReadStoredHit(IndexSearcher searcher, int docId, AtomicReaderContext leaf, IReadOnlyList<string> words, float score)
    {
        var scratch = new BytesRef();
        var inDocValues = SearchFields.TryReadBodyText(leaf.AtomicReader.GetBinaryDocValues(SearchFields.BodyText), docId - leaf.DocBase, scratch);
        var stored = searcher.Doc(docId, inDocValues ? SearchFields.HitFields : WithStoredBody);
        string Get(string field) => stored.Get(field, CultureInfo.InvariantCulture);
        var snippet = inDocValues ? SnippetBuilder.Build(SearchFields.BodyChars(scratch), words) : SnippetBuilder.Build(Get(SearchFields.Body) ?? "", words);
        return new SearchHit(
            Get(SearchFields.Id),
            Get(SearchFields.Title),
            Get(SearchFields.Url),
            snippet,
            Get(SearchFields.DocNumberText),
            Get(SearchFields.BodyCode),
            Get(SearchFields.BodyName),
            Get(SearchFields.Type),
            ChinaTime.DateOf(DateTimeOffset.FromUnixTimeSeconds(stored.GetField(SearchFields.Published).GetInt64Value() ?? 0)),
            Get(SearchFields.Validity),
            score);
    }

    /// <summary>An index written before the body moved to doc values still has it stored.</summary>
    private static readonly ISet<string> WithStoredBody = new HashSet<string>(SearchFields.HitFields.Append(SearchFields.Body), StringComparer.Ordinal);

    private static QueryWrapperFilter? Filter(SearchRequest request)
    {
        var filter = new BooleanQuery();
        void Must(string field, string? value)
        {
            if (value is not null)
            {
                filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);
            }
        }

        Must(SearchFields.Bodies, request.Body);
        Must(SearchFields.Type, request.Type);
        Must(SearchFields.Subject, request.Subject);
        Must(SearchFields.Year, request.Year?.ToString(CultureInfo.InvariantCulture));
        Must(SearchFields.Validity, request.Validity);
        Must(SearchFields.Level, request.Level);
        if (request.Region is { } region)
        {
            // 山东省 also finds 山东省/青岛市.
            filter.Add(new PrefixQuery(new Term(SearchFields.Region, region)), Occur.MUST);
        }

        Must(SearchFields.Kind, request.LibraryOnly ? "reference" : null);
        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }
}
