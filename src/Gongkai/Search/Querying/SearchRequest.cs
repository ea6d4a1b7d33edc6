namespace Gongkai.Search.Querying;

public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>A search as a citizen states it: words, filters (null = any), order and page (1-based).</summary>
public sealed record SearchRequest(
    string? Query,
    string? Body = null,
    string? Type = null,
    string? Subject = null,
    int? Year = null,
    string? Validity = null,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int Size = 10)
{
    /// <summary>Longer queries are cut: nobody types more, and every character adds clauses.</summary>
    public const int MaxQueryLength = 100;

    public const int MaxPageSize = 50;

    /// <summary>Deep pages cost more than they help; 100 pages of 50 is more than anyone reads.</summary>
    public const int MaxResultWindow = 5000;

    public bool HasFilters => Body is not null || Type is not null || Subject is not null || Year is not null || Validity is not null;
}

public sealed record SearchHit(
    string IndexNo,
    string Title,
    string Url,
    string SnippetHtml,
    string? DocNumber,
    string BodyCode,
    string BodyName,
    string DocumentType,
    DateOnly PublishedOn,
    string Validity,
    float Score);

/// <summary>A facet value: <see cref="Value"/> is what the filter takes (a body's code), <see cref="Label"/> what people read.</summary>
public sealed record FacetValue(string Value, string Label, int Count);

/// <summary>The outcome of a search. <see cref="DocNumber"/> is the normalised 文号 recognised in the query, if any.</summary>
public sealed record SearchResult(
    int Total,
    IReadOnlyList<SearchHit> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? DocNumber,
    bool Truncated)
{
    public static SearchResult None { get; } = new(0, [], new Dictionary<string, IReadOnlyList<FacetValue>>(), null, false);
}
