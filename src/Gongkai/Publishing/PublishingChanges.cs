using Gongkai.Platform.Data;

namespace Gongkai.Publishing;

/// <summary>Change-log kinds written by publishing. Document kinds carry the 索引号 as entity id.</summary>
[ChangeKinds]
public static class PublishingChanges
{
    public static readonly ChangeKind DocumentPublished = new("document.published", "document");

    public static readonly ChangeKind DocumentCorrected = new("document.corrected", "document");

    public static readonly ChangeKind DocumentWithdrawn = new("document.withdrawn", "document");

    /// <summary>A co-issuer of a published document countersigned or declined: it now shows, or still does not, under
    /// that body (search, lists, feeds, the document's 发布机构).</summary>
    public static readonly ChangeKind DocumentCoIssuersChanged = new("document.co-issuers", "document");

    /// <summary>Entity id: the interpreted documents' ids, comma-separated.</summary>
    public static readonly ChangeKind InterpretationCreated = new("interpretation.created", "interpretation");

    /// <summary>A gazette issue published; entity id: year-number (<c>2024-7</c>). The public log appends a leaf for it.</summary>
    public static readonly ChangeKind GazetteIssuePublished = new("gazette.published", "gazette-issue");

    /// <summary>A body's whole catalogue (seeded); entity id: the body's code.</summary>
    public static readonly ChangeKind CatalogueChanged = new("catalogue.changed", "catalogue");

    /// <summary>One catalogue node created, edited, moved, hidden or deleted; the detail names the action.</summary>
    public static readonly ChangeKind CatalogueNodeChanged = new("catalogue.changed", "catalogue-node");
}
