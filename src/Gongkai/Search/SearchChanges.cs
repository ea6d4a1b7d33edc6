using Gongkai.Platform.Data;

namespace Gongkai.Search;

/// <summary>Change-log kinds written by search.</summary>
[ChangeKinds]
public static class SearchChanges
{
    /// <summary>The synonym list changed: every node reloads it.</summary>
    public static readonly ChangeKind SynonymsChanged = new("search.synonyms.changed", "search-synonyms");

    /// <summary>A document's entry is to be read again from the database (written by <c>doctor --repair</c> when the
    /// index and the database disagree); entity id: the 索引号. Only search follows it.</summary>
    public static readonly ChangeKind DocumentRecheck = new("search.document.recheck", "document");
}
