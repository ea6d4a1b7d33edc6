using System.Diagnostics;
using System.Globalization;
using Gongkai.Search.Analysis;
using Gongkai.Search.Indexing;
using Gongkai.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Gongkai.Bench;

/// <summary>
/// Where one query's time goes, measured on one thread (no contention) over the same queries as the load run, following
/// the steps of <see cref="SearchExecutor"/>: building the query, the one collector pass (top 10 by score, validity and
/// date, plus facet counts), reading the page's hits from doc values, building their snippets; and the whole search as
/// the API runs it, with the bytes it allocates.
/// </summary>
internal static class SearchPhases
{
    public static void Print(string root, string[] queries)
    {
        var name = SearchIndex.CurrentGenerationName(root) ?? throw new InvalidOperationException("no index");
        using var directory = new SearchDirectory(Path.Combine(root, name));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = Bm25SearcherFactory.Similarity };
        using var analyzer = new ChineseBigramAnalyzer();
        var sort = new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.ValidityRank, SortFieldType.INT64), new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true));
        var phases = new double[5];
        var phaseBytes = new long[4];
        var whole = new List<double>();
        long allocated = 0;
        var rounds = 0;
        for (var round = 0; round < 6; round++)
        {
            foreach (var q in queries)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = Stopwatch.GetTimestamp();
                var text = QueryText.Parse(q);
                var query = SearchQueryBuilder.Build(text, q, analyzer, SynonymSet.Defaults, out _, reader: searcher.IndexReader);
                var t1 = Stopwatch.GetTimestamp();
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                var top = TopFieldCollector.Create(sort, 10, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
                var facets = new FacetCounter();
                searcher.Search(query, MultiCollector.Wrap(top, facets));
                facets.Result();
                var t2 = Stopwatch.GetTimestamp();
                var a2 = GC.GetAllocatedBytesForCurrentThread();
                var docs = top.GetTopDocs(0, 10);
                var leaves = reader.Leaves;
                var bodies = new List<BytesRef>();
                foreach (var d in docs.ScoreDocs)
                {
                    var leaf = leaves[ReaderUtil.SubIndex(d.Doc, leaves)];
                    var hit = new BytesRef();
                    leaf.AtomicReader.GetBinaryDocValues(SearchFields.Hit).Get(d.Doc - leaf.DocBase, hit);
                    HitRecord.Decode(hit.Bytes.AsSpan(hit.Offset, hit.Length));
                    var body = new BytesRef();
                    SearchFields.TryReadBodyText(leaf.AtomicReader.GetBinaryDocValues(SearchFields.BodyText), d.Doc - leaf.DocBase, body);
                    bodies.Add(body);
                }

                var t3 = Stopwatch.GetTimestamp();
                var a3 = GC.GetAllocatedBytesForCurrentThread();
                var words = SearchQueryBuilder.HighlightWords(text, SynonymSet.Defaults);
                foreach (var body in bodies)
                {
                    SnippetBuilder.Build(SearchFields.BodyChars(body), words);
                }

                var t4 = Stopwatch.GetTimestamp();
                var before = GC.GetAllocatedBytesForCurrentThread();
                long[] step = [a1 - a0, a2 - a1, a3 - a2, before - a3];
                SearchExecutor.Execute(searcher, analyzer, new SearchRequest(q), SynonymSet.Defaults);
                var t5 = Stopwatch.GetTimestamp();
                if (round > 0)
                {
                    allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                    for (var i = 0; i < step.Length; i++)
                    {
                        phaseBytes[i] += step[i];
                    }

                    phases[0] += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                    phases[1] += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
                    phases[2] += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
                    phases[3] += Stopwatch.GetElapsedTime(t3, t4).TotalMilliseconds;
                    phases[4] += Stopwatch.GetElapsedTime(t4, t5).TotalMilliseconds;
                    whole.Add(Stopwatch.GetElapsedTime(t4, t5).TotalMilliseconds);
                    rounds++;
                }
            }
        }

        // CPU time per query, the whole search as the API runs it, one thread: the process's CPU time (the collector's
        // threads included) over 10 rounds of the queries. Unlike wall-clock time it barely depends on the machine's load.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var searches = 0;
        for (var round = 0; round < 10; round++)
        {
            foreach (var q in queries)
            {
                SearchExecutor.Execute(searcher, analyzer, new SearchRequest(q), SynonymSet.Defaults);
                searches++;
            }
        }

        var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / searches;
        whole.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one thread, {reader.Leaves.Count} segment(s), mean per query: build query {phases[0] / rounds:F3} ms, match+rank top 10 with facets (one pass) {phases[1] / rounds:F3} ms, read 10 hits from doc values {phases[2] / rounds:F3} ms, 10 snippets {phases[3] / rounds:F3} ms; allocated {phaseBytes[0] / rounds / 1024.0:F0} / {phaseBytes[1] / rounds / 1024.0:F0} / {phaseBytes[2] / rounds / 1024.0:F0} / {phaseBytes[3] / rounds / 1024.0:F0} KB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one thread, whole search as the API runs it: mean {phases[4] / rounds:F3} ms, p50 {SearchLoad.Percentile(whole, 0.5):F3} ms, p99 {SearchLoad.Percentile(whole, 0.99):F3} ms; {allocated / rounds / 1024.0:F0} KB allocated per query; process CPU {cpuPerQuery:F3} ms per query"));
    }
}
