using Gongkai.Platform.Web;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Portal;

/// <summary>
/// Keeps every node's cached public pages and feeds in step with changes saved on other nodes: the node that saves a
/// document, catalogue or body evicts its own cache at once; the others evict when this follower sees the change
/// log row, within the follower's poll interval. Evicting is idempotent, so repeated delivery is harmless.
/// </summary>
internal sealed class PublicCacheFollower(IOutputCacheStore cache) : IChangeLogFollower
{
    public string Name => "public-cache";

    /// <summary>The output cache is in each node's memory.</summary>
    public ChangeLogFollowerScope Scope => ChangeLogFollowerScope.EveryNode;

    public async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        if (batch.Any(e => e.Entity is "document" or "interpretation" or "catalogue" or "catalogue-node"))
        {
            await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
        }

        if (batch.Any(e => e.Entity == "body"))
        {
            await cache.EvictByTagAsync(PublicCache.BodiesTag, cancellationToken);
        }
    }
}
