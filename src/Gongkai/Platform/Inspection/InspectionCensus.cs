namespace Gongkai.Platform.Inspection;

/// <summary>One body's valid messages of one channel that were received in the window and are still unanswered, and
/// when the oldest of them arrived.</summary>
public sealed record UnansweredMessages(int BodyId, string Channel, int Count, DateTimeOffset OldestReceivedAt);

/// <summary>A published service guide that lacks key elements, named by their Chinese names.</summary>
public sealed record IncompleteGuide(int BodyId, int GuideId, string ItemName, IReadOnlyList<string> Missing);

/// <summary>
/// The website self-inspection (Oversight) asks every module that takes messages from the public how many it left
/// unanswered (国办秘函〔2019〕19号: any valid message unanswered over 3 months within the past year fails the site).
/// The slot sits in Platform because the modules that answer (Hotline, Participation …) and the inspection that asks
/// sit side by side, none below another; each registers its census, the inspection reads them all.
/// </summary>
public interface IInteractionCensus
{
    /// <summary>The channel's Chinese name (e.g. 12345热线工单).</summary>
    string Channel { get; }

    /// <summary>Messages received at or after <paramref name="receivedFrom"/> and before <paramref name="receivedBefore"/>
    /// that are valid and still without an answer, per body (every body when <paramref name="bodies"/> is null).</summary>
    Task<IReadOnlyList<UnansweredMessages>> UnansweredAsync(
        IReadOnlyCollection<int>? bodies, DateTimeOffset receivedFrom, DateTimeOffset receivedBefore, CancellationToken cancellationToken = default);
}

/// <summary>The published service guides that lack key elements (国办秘函〔2019〕19号: 办事指南要素缺失), registered by the
/// module that keeps guides (Services).</summary>
public interface IServiceGuideCensus
{
    Task<IReadOnlyList<IncompleteGuide>> IncompleteAsync(IReadOnlyCollection<int>? bodies, CancellationToken cancellationToken = default);
}
