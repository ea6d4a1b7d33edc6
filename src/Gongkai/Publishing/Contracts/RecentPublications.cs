using Gongkai.Platform.Data;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>A document of a body made public in a window, with who submitted it (the publisher to tell of a problem).</summary>
public sealed record RecentPublication(int DocumentId, string IndexNo, string Title, DateTimeOffset PublishedAt, string? SubmittedBy);

/// <summary>What a body published in a time window, for readers outside Publishing (每日读网 in Oversight).</summary>
public sealed class RecentPublications(GongkaiDbContext db)
{
    /// <summary>The body's public documents published after <paramref name="since"/> up to <paramref name="until"/>, oldest first.</summary>
    public async Task<IReadOnlyList<RecentPublication>> BetweenAsync(int bodyId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var (after, upTo) = (since.ToUniversalTime(), until.ToUniversalTime());
        return await db.Set<Document>().AsNoTracking()
            .Where(d => d.BodyId == bodyId && d.Status == DocumentStatus.Published && d.PublishedAt > after && d.PublishedAt <= upTo)
            .OrderBy(d => d.PublishedAt).ThenBy(d => d.Id)
            .Select(d => new RecentPublication(d.Id, d.IndexNo ?? "", d.Title, d.PublishedAt!.Value, d.SubmittedBy))
            .ToListAsync(cancellationToken);
    }
}
