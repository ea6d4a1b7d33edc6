using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gongkai.Search.Querying;

/// <summary>
/// The built and rewritten Lucene query of a query string, kept per index reader. Building a query (synonym variants,
/// title keys checked against the terms dictionary) and rewriting it (the fuzzy title match walks the title-key terms
/// with a Levenshtein automaton built anew each time) were a tenth of a search request's CPU, and citizens' queries
/// repeat (the same few hundred words most of the day). A rewritten query is bound to the reader it was rewritten on, so
/// the entries live exactly as long as that reader (a new one after every commit starts empty) and are keyed by the
/// synonym set too (an edit makes a new set). The same query object then serves concurrent searches: Lucene builds a
/// new weight per search and never changes the query. At most <see cref="MaxPerReader"/> entries per reader; when full
/// the reader's entries are dropped and it fills again with what is asked now.
/// </summary>
internal static class PreparedQueries
{
    public const int MaxPerReader = 256;

    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<Key, Prepared>> s_byReader = new();

    public static Prepared Get(IndexSearcher searcher, QueryText text, string raw, Analyzer analyzer, SynonymSet synonyms, double share)
    {
        var entries = s_byReader.GetValue(searcher.IndexReader, _ => new ConcurrentDictionary<Key, Prepared>());
        var key = new Key(raw, share, synonyms);
        if (entries.TryGetValue(key, out var found))
        {
            return found;
        }

        var query = SearchQueryBuilder.Build(text, raw, analyzer, synonyms, out var docNumber, share, searcher.IndexReader);
        var prepared = new Prepared(searcher.Rewrite(query), docNumber);
        if (entries.Count >= MaxPerReader)
        {
            entries.Clear(); // full: start over rather than keep the first queries of the day forever
        }

        entries.TryAdd(key, prepared);

        return prepared;
    }

    internal sealed record Prepared(Query Query, string? DocNumber);

    private readonly record struct Key(string Raw, double Share, SynonymSet Synonyms);
}
