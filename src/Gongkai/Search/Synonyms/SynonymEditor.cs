using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Search.Synonyms;

/// <summary>Adds, changes and removes synonym groups: validated, audited, and announced in the change log so every
/// node reloads its list (queries change at once; the index needs no rebuild).</summary>
public sealed class SynonymEditor(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<SynonymGroup>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<SynonymGroup>().AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);

    /// <summary>Saves a new group (<paramref name="id"/> null) or changes one.</summary>
    public async Task<Outcome<SynonymGroup>> SaveAsync(int? id, string? words, string actor, CancellationToken cancellationToken)
    {
        var list = SynonymGroup.Split(words);
        if (list.Count < 2)
        {
            return Refusal.InvalidField("words", "请至少填写两个同义词，用逗号分隔。");
        }

        if (list.Any(w => w.Length > 30))
        {
            return Refusal.InvalidField("words", "每个词不超过 30 个字。");
        }

        var text = string.Join('，', list);
        if (text.Length > 300)
        {
            return Refusal.InvalidField("words", "一组同义词合计不超过 300 个字。");
        }

        SynonymGroup? group;
        if (id is { } existing)
        {
            group = await db.Set<SynonymGroup>().SingleOrDefaultAsync(g => g.Id == existing, cancellationToken);
            if (group is null)
            {
                return Refusal.NotFound("该组同义词已不存在。");
            }

            audit.Record("search.synonyms.updated", $"synonyms:{existing.ToString(CultureInfo.InvariantCulture)}", $"{group.Words} → {text}");
            group.Words = text;
        }
        else
        {
            group = new SynonymGroup { Words = text };
            db.Add(group);
            audit.Record("search.synonyms.added", "synonyms", text);
        }

        group.UpdatedAt = clock.GetUtcNow();
        group.UpdatedBy = actor;
        db.RecordChange(SearchChanges.SynonymsChanged, text);
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var group = await db.Set<SynonymGroup>().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return false;
        }

        db.Remove(group);
        audit.Record("search.synonyms.removed", $"synonyms:{id.ToString(CultureInfo.InvariantCulture)}", group.Words);
        db.RecordChange(SearchChanges.SynonymsChanged, group.Words);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
