using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Safeguards.Data;
using Gongkai.Safeguards.Wording;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;

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

/// <summary>A word-list entry that passed <see cref="WordListEditor.Validate"/>.</summary>
public sealed record CheckedWordListEntry(WordingListKind Kind, string Pattern, string Replacement, DateOnly? EffectiveFrom, string Note);

/// <summary>Adds, changes and removes word-list entries: validated, audited, and the checker's profile rebuilt.</summary>
public sealed class WordListEditor(GongkaiDbContext db, AuditLog audit, TimeProvider clock, SafeguardsProfileCache cache)
{
    /// <summary>The entry when it meets the rules (trimmed, the renaming date parsed), else why not, in Chinese.</summary>
    public static Outcome<CheckedWordListEntry> Validate(WordListInput input)
    {
        DateOnly? effectiveFrom = null;
        var pattern = input.Pattern?.Trim() ?? "";
        var replacement = input.Replacement?.Trim() ?? "";
        if (pattern.Length is < 2 or > 100)
        {
            return Refusal.Invalid("请填写 2 至 100 个字的查找文字");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            return Refusal.Invalid("请选择词库类别");
        }

        if (input.Kind != WordingListKind.SensitiveWord && replacement.Length == 0)
        {
            return Refusal.Invalid("错别字、机构旧称和规范表述须填写正确写法");
        }

        if (replacement == pattern)
        {
            return Refusal.Invalid("正确写法与查找文字相同，无需收录");
        }

        if (replacement.Length > 200 || (input.Note?.Length ?? 0) > 200)
        {
            return Refusal.Invalid("正确写法和说明各不超过 200 字");
        }

        if (input.Kind == WordingListKind.OutdatedName)
        {
            if (!DateOnly.TryParseExact(input.EffectiveFrom?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Refusal.Invalid("机构旧称须填写更名日期（格式 yyyy-MM-dd，例如 2019-01-01）");
            }

            effectiveFrom = date;
        }

        return new CheckedWordListEntry(input.Kind, pattern, replacement, effectiveFrom, input.Note?.Trim() ?? "");
    }

    public Task<List<WordListEntry>> ListAsync(WordingListKind? kind, CancellationToken cancellationToken) =>
        db.Set<WordListEntry>().AsNoTracking().Where(e => kind == null || e.Kind == kind)
            .OrderBy(e => e.Kind).ThenBy(e => e.Pattern).ToListAsync(cancellationToken);

    /// <summary>Adds the entry, or updates the one with the same category and text.</summary>
    public async Task<Outcome<WordListEntry>> SaveAsync(WordListInput input, string actor, CancellationToken cancellationToken)
    {
        var validated = Validate(input);
        if (!validated.Succeeded)
        {
            return validated.Refusal;
        }

        var (kind, pattern, replacement, effectiveFrom, note) = validated.Value;
        var entry = await db.Set<WordListEntry>().FirstOrDefaultAsync(e => e.Kind == input.Kind && e.Pattern == pattern, cancellationToken);
        var isNew = entry is null;
        entry ??= db.Add(new WordListEntry { Kind = kind, Pattern = pattern }).Entity;
        entry.Replacement = replacement;
        entry.EffectiveFrom = effectiveFrom;
        entry.Note = note;
        entry.UpdatedAt = clock.GetUtcNow();
        entry.UpdatedBy = actor;
        audit.Record(isNew ? "safeguards.word-list.add" : "safeguards.word-list.update", $"{input.Kind}:{pattern}",
            $"{input.Kind.DisplayName()}：{pattern} → {entry.Replacement}{(effectiveFrom is { } d ? $"（{d:yyyy-MM-dd}起）" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return entry;
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
