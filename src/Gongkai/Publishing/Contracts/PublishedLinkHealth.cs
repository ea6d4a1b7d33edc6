using Gongkai.Platform.Data;
using Gongkai.Publishing.Checks.Links;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>The link checker's last results on published documents, for readers outside Publishing (the website
/// self-inspection): how many links in the public documents of the given bodies (all when null) are broken now.</summary>
public sealed class PublishedLinkHealth(GongkaiDbContext db)
{
    public async Task<int> BrokenLinksAsync(IReadOnlyCollection<int>? bodyIds, CancellationToken cancellationToken = default)
    {
        var links = db.Set<LinkCheck>().AsNoTracking().Where(l => !l.Ok);
        if (bodyIds is not null)
        {
            links = links.Where(l => bodyIds.Contains(l.BodyId));
        }

        var published = db.Set<Document>().AsNoTracking().Where(d => d.Status == DocumentStatus.Published).Select(d => d.Id);
        return await links.CountAsync(l => published.Contains(l.DocumentId), cancellationToken);
    }
}
