using Gongkai.Platform.Data;

namespace Gongkai.Services;

/// <summary>Change-log kinds written by lists and guides. The module's public pages are not output-cached, so no
/// follower needs to evict anything: the rows are there for operators and later followers (feeds, search, the public log).</summary>
[ChangeKinds]
public static class ServicesChanges
{
    /// <summary>A list adopted a new version (entity id: the list's id).</summary>
    [Informational]
    public static readonly ChangeKind ListAdjusted = new("service-list.adjusted", "service-list");

    /// <summary>A guide version became public (entity id: the guide's id).</summary>
    [Informational]
    public static readonly ChangeKind GuidePublished = new("service-guide.published", "service-guide");
}
