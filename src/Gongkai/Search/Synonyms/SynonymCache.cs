using Gongkai.Platform.Data;
using Gongkai.Search.Querying;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Search.Synonyms;

/// <summary>The synonym list this node applies to queries. Loaded at start and reloaded when the change log reports an
/// edit (on every node, through the search follower), so all nodes expand queries alike.</summary>
public sealed class SynonymCache(IServiceScopeFactory scopes)
{
    private volatile SynonymSet _current = SynonymSet.Defaults;

    public SynonymSet Current => _current;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var groups = await db.Set<SynonymGroup>().AsNoTracking().Select(g => g.Words).ToListAsync(cancellationToken);
        _current = new SynonymSet(groups.Select(SynonymGroup.Split));
    }
}

/// <summary>Seeds the default synonym groups into an empty list (demo or not: a search without them is worse).</summary>
internal sealed class SynonymSeeder(GongkaiDbContext db, TimeProvider clock) : IStartupSeeder
{
    public int Order => 900;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        if (await db.Set<SynonymGroup>().AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var group in SynonymSet.DefaultGroups)
        {
            db.Add(new SynonymGroup { Words = string.Join('，', group), UpdatedAt = clock.GetUtcNow(), UpdatedBy = "系统" });
        }

        db.RecordChange(SearchChanges.SynonymsChanged, "defaults");
        await db.SaveChangesAsync(cancellationToken);
    }
}
