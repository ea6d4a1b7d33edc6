using Gongkai.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongkai.Search.Querying;

/// <summary>
/// Counts facet values of every matching document from the doc values the index keeps (per segment by ordinal, names
/// resolved once per segment). Runs in the same pass as the top-documents collector. Chosen over counting in the
/// database: the matching set exists only in the index, and counting ordinals costs microseconds per thousand hits.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _totals =
        SearchFields.FacetNames.ToDictionary(n => n, _ => new Dictionary<string, int>(StringComparer.Ordinal));

    private readonly SortedDocValues?[] _values = new SortedDocValues?[SearchFields.FacetNames.Length];
    private readonly int[]?[] _counts = new int[]?[SearchFields.FacetNames.Length];

    /// <summary>False, so the search scores in document order (see <see cref="SearchExecutor"/>).</summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < SearchFields.FacetNames.Length; i++)
        {
            var values = context.AtomicReader.GetSortedDocValues(SearchFields.FacetField(SearchFields.FacetNames[i]));
            _values[i] = values;
            _counts[i] = values is null ? null : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var ord = _values[i]?.GetOrd(doc) ?? -1;
            if (ord >= 0)
            {
                _counts[i]![ord]++;
            }
        }
    }

    /// <summary>Each facet's values by count (then value), at most <paramref name="max"/> per facet.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result(int max = 50)
    {
        FlushSegment();
        return _totals.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValue>)f.Value
                .Select(v => ToFacetValue(f.Key, v.Key, v.Value))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(max)
                .ToList());
    }

    private static FacetValue ToFacetValue(string facet, string stored, int count)
    {
        if (facet == "body")
        {
            var parts = stored.Split(SearchFields.FacetSeparator, 2);
            return new FacetValue(parts[0], parts.Length > 1 ? parts[1] : parts[0], count);
        }

        return new FacetValue(stored, stored, count);
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values || _counts[i] is not { } counts)
            {
                continue;
            }

            var totals = _totals[SearchFields.FacetNames[i]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, bytes);
                    var key = bytes.Utf8ToString();
                    totals[key] = totals.GetValueOrDefault(key) + counts[ord];
                }
            }

            _values[i] = null;
            _counts[i] = null;
        }
    }
}
