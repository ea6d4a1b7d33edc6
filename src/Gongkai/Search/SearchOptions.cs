namespace Gongkai.Search;

/// <summary>Search settings (<c>Gongkai:Search</c>).</summary>
public sealed class SearchOptions
{
    public const string Section = "Gongkai:Search";

    /// <summary>The index folder, relative to <c>Gongkai:DataFolder</c> unless absolute. Node-local: never share it.</summary>
    public string IndexFolder { get; set; } = "search";

    /// <summary>How often a running node looks for a generation published by the <c>reindex</c> verb.</summary>
    public TimeSpan GenerationCheckInterval { get; set; } = TimeSpan.FromSeconds(2);
}
