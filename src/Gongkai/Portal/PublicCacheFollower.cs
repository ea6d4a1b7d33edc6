using Gongkai.Platform.Web;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Portal;

/// <summary>
/// Keeps every node's cached public pages and feeds in step with changes saved on other nodes: the node that saves a
/// document, catalogue or body evicts its own cache at once; the others evict when this follower sees the change
/// log row, within the follower's poll interval. Evicting is idempotent, so repeated delivery is harmless.
/// </summary>
internal sealed class PublicCacheFollower(IOutputCacheStore cache) : IChangeLogFollower
{
    private static readonly HashSet<ChangeKind> DocumentPageKinds =
    [
        PublishingChanges.DocumentPublished, PublishingChanges.DocumentCorrected, PublishingChanges.DocumentWithdrawn, PublishingChanges.DocumentCoIssuersChanged,
        PublishingChanges.InterpretationCreated, PublishingChanges.CatalogueChanged, PublishingChanges.CatalogueNodeChanged,
    ];

    public string Name => "public-cache";

    /// <summary>The output cache is in each node's memory.</summary>
    public ChangeLogFollowerScope Scope => ChangeLogFollowerScope.EveryNode;

    public bool Follows(ChangeKind kind) => ShowsInDocumentPages(kind) || ShowsInBodyPages(kind);

    public async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        if (batch.Any(e => ShowsInDocumentPages(ChangeKind.Of(e))))
        {
            await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
        }

        if (batch.Any(e => ShowsInBodyPages(ChangeKind.Of(e))))
        {
            await cache.EvictByTagAsync(PublicCache.BodiesTag, cancellationToken);
        }
    }

    private static bool ShowsInDocumentPages(ChangeKind kind) => DocumentPageKinds.Contains(kind);

    private static bool ShowsInBodyPages(ChangeKind kind) => kind == OrganizationsChanges.BodyCreated || kind == OrganizationsChanges.BodyUpdated;
}
