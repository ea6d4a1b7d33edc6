using System.Globalization;
using Gongkai.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gongkai.Search.Querying;

/// <summary>Runs one search on a searcher: query, filters, order, one page of hits with snippets, and facet counts in the same pass.</summary>
internal static class SearchExecutor
{
    public static SearchResult Execute(IndexSearcher searcher, Analyzer analyzer, SearchRequest request, SynonymSet synonyms)
    {
        var text = QueryText.Parse(request.Query);
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
            query = SearchQueryBuilder.Build(text, request.Query ?? "", analyzer, synonyms, out docNumber);
        }

        var filter = Filter(request);
        var size = Math.Clamp(request.Size, 1, SearchRequest.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var skip = Math.Min((page - 1) * size, SearchRequest.MaxResultWindow);
        var sort = request.Sort == SearchSort.Date || text.IsEmpty
            ? new Sort(new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true))
            // Equal relevance: currently valid before repealed or expired, then newer first.
            : new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.ValidityRank, SortFieldType.INT64), new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true));

        var top = TopFieldCollector.Create(sort, skip + size, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = new FacetCounter();
        searcher.Search(query, filter, MultiCollector.Wrap(top, facets));
        var docs = top.GetTopDocs(skip, size);
        var words = SearchQueryBuilder.HighlightWords(text, synonyms);
        var hits = new List<SearchHit>(docs.ScoreDocs.Length);
        foreach (var scoreDoc in docs.ScoreDocs)
        {
            var stored = searcher.Doc(scoreDoc.Doc);
            string Get(string field) => stored.Get(field, CultureInfo.InvariantCulture);
            var body = Get(SearchFields.Body) ?? "";
            hits.Add(new SearchHit(
                Get(SearchFields.Id),
                Get(SearchFields.Title),
                Get(SearchFields.Url),
                SnippetBuilder.Build(body, words),
                Get(SearchFields.DocNumberText),
                Get(SearchFields.BodyCode),
                Get(SearchFields.BodyName),
                Get(SearchFields.Type),
                SearchFields.ChinaDate(DateTimeOffset.FromUnixTimeSeconds(stored.GetField(SearchFields.Published).GetInt64Value() ?? 0)),
                Get(SearchFields.Validity),
                float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score));
        }

        return new SearchResult(top.TotalHits, hits, facets.Result(), docNumber, (page - 1) * size > SearchRequest.MaxResultWindow);
    }

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
        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }
}
