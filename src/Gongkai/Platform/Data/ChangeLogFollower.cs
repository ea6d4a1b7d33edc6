using Gongkai.Platform.Jobs;

namespace Gongkai.Platform.Data;

/// <summary>
/// Something that keeps itself in step with the change log: a search index, feeds, WebSub pings, caches.
/// The <see cref="ChangeLogPump"/> hands it batches in id order and advances its durable cursor only after
/// <see cref="ApplyAsync"/> returned. Delivery is therefore <b>at least once</b>: after a crash or a failure the
/// same rows come again, so applying a batch must be idempotent (upsert by entity id, not "insert").
/// Register with <c>services.AddChangeLogFollower&lt;T&gt;()</c>.
/// </summary>
public interface IChangeLogFollower
{
    /// <summary>Stable name; part of the cursor key, so renaming it replays the whole log.</summary>
    string Name { get; }

    ChangeLogFollowerScope Scope { get; }

    /// <summary>Whether rows of <paramref name="kind"/> make this follower act (the same test <see cref="ApplyAsync"/> uses).</summary>
    bool Follows(ChangeKind kind);

    /// <summary>Applies up to 100 rows, in id order. Throwing leaves the cursor where it was; the batch is retried with backoff.</summary>
    Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken);
}

public enum ChangeLogFollowerScope
{
    /// <summary>Node-local state (a search index on local disk): every node follows with its own cursor.</summary>
    EveryNode,

    /// <summary>Shared effects (feed pings, mail): one cursor in total, applied by one node at a time under a lease.</summary>
    Cluster,
}

public static class ChangeLogFollowers
{
    /// <summary>The cursor row's key: <c>search@web-1-3fa2b9c0</c> for a node-local follower, the bare name for a cluster-wide one.</summary>
    public static string CursorKey(IChangeLogFollower follower, NodeIdentity node) =>
        follower.Scope == ChangeLogFollowerScope.EveryNode ? $"{follower.Name}@{node.Id}" : follower.Name;

    /// <summary>The lease that keeps a cluster-wide follower on one node at a time.</summary>
    public static string LeaseName(IChangeLogFollower follower) => "change-log:" + follower.Name;
}
