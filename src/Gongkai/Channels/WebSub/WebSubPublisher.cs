using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Channels.WebSub;

/// <summary>
/// The publisher side (W3C WebSub §6–7): when a document is published, corrected or withdrawn, every subscribed feed
/// that lists it gets its new content stored once and a delivery row per subscriber, in one unit of work, so a restart
/// finds them in the database; then this node's <see cref="WebSubDeliveryWorker"/> is woken to send them. One node follows for the cluster.
/// This module's own feeds (<see cref="IChannelTopic"/>: the press conferences) are staged the same way when an entry of a
/// kind that changes them arrives.
/// </summary>
public sealed class WebSubPublisher(GongkaiDbContext db, FeedTopics topics, ChannelTopics channelTopics, WebSubDeliveriesStaged staged, TimeProvider clock) : IChangeLogFollower
{
    public string Name => "websub.publish";

    public ChangeLogFollowerScope Scope => ChangeLogFollowerScope.Cluster;

    public bool Follows(ChangeKind kind) => FollowsDocument(kind) || channelTopics.Follows(kind);

    private static bool FollowsDocument(ChangeKind kind) =>
        kind == PublishingChanges.DocumentPublished || kind == PublishingChanges.DocumentCorrected || kind == PublishingChanges.DocumentWithdrawn;

    public async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // Publishing names documents by 索引号 in the change log.
        var indexNumbers = batch.Where(e => FollowsDocument(ChangeKind.Of(e))).Select(e => e.EntityId).Distinct().ToList();
        var ownPaths = batch.SelectMany(e => channelTopics.ChangedBy(ChangeKind.Of(e))).Select(t => t.Path).ToHashSet(StringComparer.Ordinal);
        if (indexNumbers.Count == 0 && ownPaths.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var subscribed = await db.Set<WebSubSubscription>().AsNoTracking().Where(s => s.ExpiresAt > now)
            .Select(s => new { s.Topic, s.TopicPath }).Distinct().ToListAsync(cancellationToken);
        if (subscribed.Count == 0)
        {
            return;
        }

        var changed = new List<string>();
        foreach (var topic in subscribed)
        {
            if (ownPaths.Contains(topic.TopicPath))
            {
                changed.Add(topic.Topic);
                continue;
            }

            foreach (var indexNo in indexNumbers)
            {
                if (await topics.CoversDocumentAsync(topic.TopicPath, indexNo, cancellationToken))
                {
                    changed.Add(topic.Topic);
                    break;
                }
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        await db.InTransactionAsync(async () =>
        {
            foreach (var topic in changed)
            {
                await StageAsync(topic, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        staged.Signal();
    }

    /// <summary>Stores the topic's content as of now and a delivery for each of its subscribers.</summary>
    private async Task StageAsync(string topic, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var topicUri = new Uri(topic);
        if (await channelTopics.RenderAsync(topicUri.AbsolutePath, new Uri(topicUri.GetLeftPart(UriPartial.Authority) + "/"), cancellationToken) is not { } content)
        {
            return;
        }

        var stored = new WebSubContent { Topic = topic, ContentType = content.ContentType, Body = content.Body, CreatedAt = now };
        db.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        var subscribers = await db.Set<WebSubSubscription>().AsNoTracking().Where(s => s.Topic == topic && s.ExpiresAt > now).Select(s => s.Id).ToListAsync(cancellationToken);
        db.AddRange(subscribers.Select(id => new WebSubDelivery { ContentId = stored.Id, SubscriptionId = id, CreatedAt = now, DueAt = now }));
    }
}
