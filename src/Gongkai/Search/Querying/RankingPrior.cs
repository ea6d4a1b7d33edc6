using Gongkai.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongkai.Search.Querying;

/// <summary>
/// The authority and jurisdiction prior: a factor on each document's text score, so that when relevance is otherwise
/// close the law that applies to this site's citizens comes first. The site's own documents (no region), national law
/// and the documents of the site's province and city keep their score; other regions' local documents are multiplied
/// by <see cref="OtherRegion"/>; versions no longer in force by <see cref="Superseded"/> (amended or not yet in force)
/// or <see cref="RepealedFactor"/>; and each by its level's authority (<see cref="UseAuthority"/>). The site's region comes from configuration (<c>Gongkai:Search:SiteRegion</c>,
/// default 四川省/绵阳市) and is applied at query time, so changing it needs no reindex.
/// </summary>
public sealed record RankingPrior(string SiteRegion, float OtherRegion, float Superseded, float RepealedFactor)
{
    /// <summary>Region names the query itself mentions (北京 养狗): their documents are treated as the site's and lifted a little.</summary>
    public IReadOnlyList<string> NamedRegions { get; init; } = [];

    public const float NamedRegionFactor = 1.5f;

    /// <summary>Whether the level's authority counts (a law 1, an administrative regulation 0.95, a ministry's rule 0.9,
    /// a library text of unknown level 0.6; <see cref="SearchFields.AuthorityOf"/>).</summary>
    public bool UseAuthority { get; init; } = true;

    public static RankingPrior Default { get; } = new("四川省/绵阳市", 0.4f, 0.5f, 0.3f);

    /// <summary>None: every document keeps its text score (for measuring what the prior adds).</summary>
    public static RankingPrior None { get; } = new("", 1f, 1f, 1f) { UseAuthority = false };

    private string Province => SiteRegion.Split('/')[0];

    /// <summary>The factor for a document of <paramref name="region"/> ("" = the site's own or unknown).</summary>
    public float RegionFactor(string region) =>
        NamedRegions.Any(n => region.Contains(n, StringComparison.Ordinal)) ? NamedRegionFactor
        : region.Length == 0 || region == "全国" || region == SiteRegion || region == Province
        || SiteRegion.StartsWith(region + "/", StringComparison.Ordinal) || region.StartsWith(SiteRegion + "/", StringComparison.Ordinal)
        || (Province.Length > 0 && region.StartsWith(Province + "/", StringComparison.Ordinal))
            ? 1f : OtherRegion;

    public float StatusFactor(long legalRank) => legalRank switch { 0 => 1f, 1 => Superseded, _ => RepealedFactor };
}

/// <summary>Passes hits to <paramref name="inner"/> with their score multiplied by the <see cref="RankingPrior"/>: region
/// factors are computed once per segment and region value (a handful), then each hit costs two doc-value reads.</summary>
internal sealed class PriorCollector(ICollector inner, RankingPrior prior) : ICollector
{
    private float[] _regionFactors = [];
    private SortedDocValues? _regions;
    private NumericDocValues? _ranks;
    private NumericDocValues? _authority;
    private PriorScorer? _scorer;

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
        _scorer = new PriorScorer(scorer, this);
        inner.SetScorer(_scorer);
    }

    public void Collect(int doc) => inner.Collect(doc);

    public void SetNextReader(AtomicReaderContext context)
    {
        _regions = context.AtomicReader.GetSortedDocValues(SearchFields.FacetField("region"));
        _ranks = context.AtomicReader.GetNumericDocValues(SearchFields.LegalRank);
        _authority = prior.UseAuthority ? context.AtomicReader.GetNumericDocValues(SearchFields.Authority) : null;
        _regionFactors = new float[_regions?.ValueCount ?? 0];
        var bytes = new BytesRef();
        for (var ord = 0; ord < _regionFactors.Length; ord++)
        {
            _regions!.LookupOrd(ord, bytes);
            _regionFactors[ord] = prior.RegionFactor(bytes.Utf8ToString());
        }

        inner.SetNextReader(context);
    }

    private float Factor(int doc)
    {
        var ord = _regions?.GetOrd(doc) ?? -1;
        var region = ord >= 0 ? _regionFactors[ord] : 1f;
        var authority = _authority is { } values ? values.Get(doc) / 1000f : 1f;
        return region * authority * prior.StatusFactor(_ranks?.Get(doc) ?? 0);
    }

    private sealed class PriorScorer(Scorer scorer, PriorCollector owner) : Scorer(scorer.Weight)
    {
        public override float GetScore() => scorer.GetScore() * owner.Factor(scorer.DocID);

        public override int Freq => scorer.Freq;

        public override int DocID => scorer.DocID;

        public override int NextDoc() => scorer.NextDoc();

        public override int Advance(int target) => scorer.Advance(target);

        public override long GetCost() => scorer.GetCost();
    }
}
