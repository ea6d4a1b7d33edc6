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
    int Size = 10,
    string? Level = null,
    string? Region = null,
    bool LibraryOnly = false)
{
    /// <summary>Longer queries are cut: nobody types more, and every character adds clauses.</summary>
    public const int MaxQueryLength = 100;

    public const int MaxPageSize = 50;

    /// <summary>Deep pages cost more than they help; 100 pages of 50 is more than anyone reads.</summary>
    public const int MaxResultWindow = 5000;

    public bool HasFilters => Body is not null || Type is not null || Subject is not null || Year is not null || Validity is not null
        || Level is not null || Region is not null || LibraryOnly;
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
    float Score)
{
    /// <summary>制定机关, 效力级别, 地域, 时效性 of a law-library document; empty for a body's own.</summary>
    public string Issuer { get; init; } = "";

    public string Level { get; init; } = "";

    public string Region { get; init; } = "";

    public string LegalStatus { get; init; } = "";

    public bool IsReference => Level.Length > 0 || Issuer.Length > 0 || Url.StartsWith("/documents/FG-", StringComparison.Ordinal);
}

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
    /// <summary>The query had words but none that can be searched (only question words, particles or punctuation):
    /// the page and API ask for 检索词 instead of showing everything.</summary>
    public bool NeedsWords { get; init; }

    /// <summary>A document whose title (or short name, 文号, 索引号) the query names exactly: shown as the best answer.</summary>
    public SearchHit? BestAnswer { get; init; }

    /// <summary>The strict match found little, so the list shows documents matching most words, not all.</summary>
    public bool Relaxed { get; init; }

    public static SearchResult None { get; } = new(0, [], new Dictionary<string, IReadOnlyList<FacetValue>>(), null, false);
}
