using Gongkai.Platform.Data;
using Gongkai.Platform.Inspection;
using Gongkai.Services.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Services;

/// <summary>The published service guides whose current (latest published) version lacks key elements, for the
/// website self-inspection; the elements are <see cref="GuideRules.MissingKeyElements"/>.</summary>
public sealed class GuideInspectionCensus(GongkaiDbContext db) : IServiceGuideCensus
{
    public async Task<IReadOnlyList<IncompleteGuide>> IncompleteAsync(IReadOnlyCollection<int>? bodies, CancellationToken cancellationToken = default)
    {
        var guides = db.Set<ServiceGuide>().AsNoTracking();
        if (bodies is not null)
        {
            guides = guides.Where(g => bodies.Contains(g.BodyId));
        }

        var versions = await db.Set<ServiceGuideVersion>().AsNoTracking().Where(v => v.PublishedAt != null)
            .Join(guides, v => v.GuideId, g => g.Id, (v, g) => new { g.BodyId, v.GuideId, v.Number, v.ContentJson })
            .ToListAsync(cancellationToken);
        return versions.GroupBy(v => v.GuideId).Select(g => g.MaxBy(v => v.Number)!)
            .Select(v =>
            {
                var content = GuideDesk.ReadContent(v.ContentJson);
                return new IncompleteGuide(v.BodyId, v.GuideId, content.ItemName, GuideRules.MissingKeyElements(content));
            })
            .Where(g => g.Missing.Count > 0).OrderBy(g => g.BodyId).ThenBy(g => g.GuideId).ToList();
    }
}
