using Gongkai.Platform.Data;
using Gongkai.Safeguards.Wording;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Safeguards.Data;

/// <summary>Fills the word lists with <see cref="DefaultWordingLists"/> once, when they are empty (demo and production
/// alike); afterwards the lists belong to the system admins and are never overwritten.</summary>
internal sealed class WordListSeeder(TimeProvider clock) : IStartupSeeder
{
    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (await db.Set<WordListEntry>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var rule in DefaultWordingLists.All)
        {
            db.Add(new WordListEntry
            {
                Kind = rule.Kind, Pattern = rule.Pattern, Replacement = rule.Replacement, EffectiveFrom = rule.EffectiveFrom, Note = rule.Note,
                UpdatedAt = now, UpdatedBy = "system",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
