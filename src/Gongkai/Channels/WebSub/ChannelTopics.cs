using Gongkai.Platform.Data;
using Gongkai.Publishing.Contracts;

namespace Gongkai.Channels.WebSub;

/// <summary>
/// A feed of this module that the hub serves as a WebSub topic beside Publishing's document feeds (<see cref="FeedTopics"/>):
/// the path it is served at, the change-log kinds that change it, and its content as a subscriber receives it. The press
/// conference feed is one (<see cref="Press.PressFeedTopic"/>).
/// </summary>
public interface IChannelTopic
{
    /// <summary>The feed's absolute path on the site (<c>/feeds/press.xml</c>).</summary>
    string Path { get; }

    /// <summary>True when an entry of <paramref name="kind"/> changes the feed's content.</summary>
    bool ChangedBy(ChangeKind kind);

    Task<FeedContent> RenderAsync(Uri site, CancellationToken cancellationToken);
}

/// <summary>Every topic the hub accepts: Publishing's feeds and this module's own.</summary>
public sealed class ChannelTopics(FeedTopics feeds, IEnumerable<IChannelTopic> own)
{
    public IChannelTopic? Own(string path) => own.FirstOrDefault(t => string.Equals(t.Path, path, StringComparison.Ordinal));

    public bool Follows(ChangeKind kind) => own.Any(t => t.ChangedBy(kind));

    /// <summary>This module's topics changed by <paramref name="kind"/>.</summary>
    public IEnumerable<IChannelTopic> ChangedBy(ChangeKind kind) => own.Where(t => t.ChangedBy(kind));

    public async Task<bool> IsTopicAsync(string path, CancellationToken cancellationToken) =>
        Own(path) is not null || await feeds.IsFeedAsync(path, cancellationToken);

    /// <summary>The content of the topic at <paramref name="path"/> on <paramref name="site"/>, or null when it is no topic.</summary>
    public async Task<FeedContent?> RenderAsync(string path, Uri site, CancellationToken cancellationToken) =>
        Own(path) is { } topic ? await topic.RenderAsync(site, cancellationToken) : await feeds.RenderAsync(path, site, cancellationToken);
}
