using Gongkai.Platform.Data;

namespace Gongkai.Search;

/// <summary>Change-log kinds written by search.</summary>
[ChangeKinds]
public static class SearchChanges
{
    /// <summary>The synonym list changed: every node reloads it.</summary>
    public static readonly ChangeKind SynonymsChanged = new("search.synonyms.changed", "search-synonyms");
}
