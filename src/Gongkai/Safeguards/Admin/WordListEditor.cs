using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Safeguards.Data;
using Gongkai.Safeguards.Wording;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Safeguards.Admin;

/// <summary>What an admin types for a word-list entry.</summary>
public sealed class WordListInput
{
    public WordingListKind Kind { get; set; } = WordingListKind.Miswriting;

    public string? Pattern { get; set; }

    public string? Replacement { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? Note { get; set; }
}

/// <summary>Adds, changes and removes word-list entries: validated, audited, and the checker's profile rebuilt.</summary>
public sealed class WordListEditor(GongkaiDbContext db, AuditLog audit, TimeProvider clock, SafeguardsProfileCache cache)
{
    /// <summary>The rules an entry must meet, in Chinese; null when it is acceptable.</summary>
    public static string? Validate(WordListInput input, out DateOnly? effectiveFrom)
    {
        effectiveFrom = null;
        var pattern = input.Pattern?.Trim() ?? "";
        var replacement = input.Replacement?.Trim() ?? "";
        if (pattern.Length is < 2 or > 100)
        {
            return "请填写 2 至 100 个字的查找文字";
        }

        if (!Enum.IsDefined(input.Kind))
        {
            return "请选择词库类别";
        }

        if (input.Kind != WordingListKind.SensitiveWord && replacement.Length == 0)
        {
            return "错别字、机构旧称和规范表述须填写正确写法";
        }

        if (replacement == pattern)
        {
            return "正确写法与查找文字相同，无需收录";
        }

        if (replacement.Length > 200 || (input.Note?.Length ?? 0) > 200)
        {
            return "正确写法和说明各不超过 200 字";
        }

        if (input.Kind == WordingListKind.OutdatedName)
        {
            if (!DateOnly.TryParseExact(input.EffectiveFrom?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return "机构旧称须填写更名日期（格式 yyyy-MM-dd，例如 2019-01-01）";
            }

            effectiveFrom = date;
        }

        return null;
    }

    public Task<List<WordListEntry>> ListAsync(WordingListKind? kind, CancellationToken cancellationToken) =>
        db.Set<WordListEntry>().AsNoTracking().Where(e => kind == null || e.Kind == kind)
            .OrderBy(e => e.Kind).ThenBy(e => e.Pattern).ToListAsync(cancellationToken);

    /// <summary>Adds the entry, or updates the one with the same category and text. Returns an error or null.</summary>
    public async Task<string?> SaveAsync(WordListInput input, string actor, CancellationToken cancellationToken)
    {
        if (Validate(input, out var effectiveFrom) is { } problem)
        {
            return problem;
        }

        var pattern = input.Pattern!.Trim();
        var entry = await db.Set<WordListEntry>().FirstOrDefaultAsync(e => e.Kind == input.Kind && e.Pattern == pattern, cancellationToken);
        var isNew = entry is null;
        entry ??= db.Add(new WordListEntry { Kind = input.Kind, Pattern = pattern }).Entity;
        entry.Replacement = input.Replacement?.Trim() ?? "";
        entry.EffectiveFrom = effectiveFrom;
        entry.Note = input.Note?.Trim() ?? "";
        entry.UpdatedAt = clock.GetUtcNow();
        entry.UpdatedBy = actor;
        audit.Record(isNew ? "safeguards.word-list.add" : "safeguards.word-list.update", $"{input.Kind}:{pattern}",
            $"{input.Kind.DisplayName()}：{pattern} → {entry.Replacement}{(effectiveFrom is { } d ? $"（{d:yyyy-MM-dd}起）" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return null;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.Set<WordListEntry>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        db.Remove(entry);
        audit.Record("safeguards.word-list.delete", $"{entry.Kind}:{entry.Pattern}", $"{entry.Kind.DisplayName()}：{entry.Pattern}");
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return true;
    }
}
