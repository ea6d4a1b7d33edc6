namespace Gongkai.Search;

/// <summary>Search settings (<c>Gongkai:Search</c>).</summary>
public sealed class SearchOptions
{
    public const string Section = "Gongkai:Search";

    /// <summary>The index folder, relative to <c>Gongkai:DataFolder</c> unless absolute. Node-local: never share it.</summary>
    public string IndexFolder { get; set; } = "search";

    /// <summary>How often a running node looks for a generation published by the <c>reindex</c> verb.</summary>
    public TimeSpan GenerationCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The site's region, province/city (四川省/绵阳市): its documents, its province's and national law rank above
    /// other regions' local documents when relevance is close (the jurisdiction prior, docs/ARCHITECTURE.md).</summary>
    public string SiteRegion { get; set; } = Querying.RankingPrior.Default.SiteRegion;

    /// <summary>Score factor of another region's local regulation or rule (1 = no jurisdiction prior).</summary>
    public float OtherRegionWeight { get; set; } = Querying.RankingPrior.Default.OtherRegion;

    /// <summary>Score factor of an amended (or not yet effective) version, and of a repealed one.</summary>
    public float SupersededWeight { get; set; } = Querying.RankingPrior.Default.Superseded;

    public float RepealedWeight { get; set; } = Querying.RankingPrior.Default.RepealedFactor;

    public Querying.RankingPrior Prior => new(SiteRegion.Trim(), OtherRegionWeight, SupersededWeight, RepealedWeight);
}
