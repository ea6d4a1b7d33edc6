using System.Diagnostics;
using System.Globalization;
using Gongkai.Search.Analysis;
using Gongkai.Search.Indexing;
using Gongkai.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Gongkai.Bench;

/// <summary>
/// Where one query's time goes, measured on one thread (no contention) over the same queries as the load run: matching
/// and ranking alone, facet counting, loading the stored fields of the page's hits, and building the snippets.
/// </summary>
internal static class SearchPhases
{
    public static void Print(string root, string[] queries)
    {
        var name = SearchIndex.CurrentGenerationName(root) ?? throw new InvalidOperationException("no index");
        using var directory = FSDirectory.Open(Path.Combine(root, name));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = Bm25SearcherFactory.Similarity };
        using var analyzer = new ChineseBigramAnalyzer();
        var phases = new double[5];
        var rounds = 0;
        for (var round = 0; round < 4; round++)
        {
            foreach (var q in queries)
            {
                var t0 = Stopwatch.GetTimestamp();
                var text = QueryText.Parse(q);
                var query = SearchQueryBuilder.Build(text, q, analyzer, SynonymSet.Defaults, out _);
                var sort = new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.ValidityRank, SortFieldType.INT64), new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true));
                var t1 = Stopwatch.GetTimestamp();
                var top = TopFieldCollector.Create(sort, 10, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
                searcher.Search(query, top);
                var t2 = Stopwatch.GetTimestamp();
                var facets = new FacetCounter();
                searcher.Search(query, facets);
                facets.Result();
                var t3 = Stopwatch.GetTimestamp();
                var docs = top.GetTopDocs(0, 10);
                var leaves = reader.Leaves;
                var bodies = docs.ScoreDocs.Select(d =>
                {
                    var leaf = leaves[ReaderUtil.SubIndex(d.Doc, leaves)];
                    var bytes = new Lucene.Net.Util.BytesRef();
                    SearchFields.TryReadBodyText(leaf.AtomicReader.GetBinaryDocValues(SearchFields.BodyText), d.Doc - leaf.DocBase, bytes);
                    searcher.Doc(d.Doc, SearchFields.HitFields);
                    return bytes;
                }).ToList();
                var t4 = Stopwatch.GetTimestamp();
                var words = SearchQueryBuilder.HighlightWords(text, SynonymSet.Defaults);
                foreach (var body in bodies)
                {
                    SnippetBuilder.Build(SearchFields.BodyChars(body), words);
                }

                var t5 = Stopwatch.GetTimestamp();
                if (round > 0)
                {
                    phases[0] += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                    phases[1] += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
                    phases[2] += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
                    phases[3] += Stopwatch.GetElapsedTime(t3, t4).TotalMilliseconds;
                    phases[4] += Stopwatch.GetElapsedTime(t4, t5).TotalMilliseconds;
                    rounds++;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one thread, mean per query: build query {phases[0] / rounds:F2} ms, match+rank top 10 {phases[1] / rounds:F2} ms, facets (separate pass) {phases[2] / rounds:F2} ms, load stored hits {phases[3] / rounds:F2} ms, snippets {phases[4] / rounds:F2} ms"));
    }
}
