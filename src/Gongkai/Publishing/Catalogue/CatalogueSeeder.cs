using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Catalogue;

/// <summary>In demo mode, gives every body without a catalogue the default one (<see cref="CatalogueDefaults"/>).
/// Idempotent: a body that has any node is left as its admins shaped it.</summary>
internal sealed class CatalogueSeeder : IStartupSeeder
{
    /// <summary>After the demo bodies (10), before demo documents (30).</summary>
    public int Order => 15;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        if (!demo)
        {
            return;
        }

        var db = services.GetRequiredService<GongkaiDbContext>();
        var seeded = await db.Set<CatalogueNode>().Select(n => n.BodyId).Distinct().ToListAsync(cancellationToken);
        var bodies = (await services.GetRequiredService<BodyDirectory>().LoadAsync(cancellationToken)).All.Where(b => !seeded.Contains(b.Id)).OrderBy(b => b.Id).ToList();
        var desk = services.GetRequiredService<CatalogueDesk>();
        foreach (var body in bodies)
        {
            await desk.SeedDefaultsAsync(body, cancellationToken);
        }
    }
}
