namespace Gongkai.Services.Rules;

/// <summary>One field of an item that differs between two versions.</summary>
public sealed record FieldChange(ListColumn Column, string Before, string After);

/// <summary>An item present in both versions (same key) whose other fields differ.</summary>
public sealed record ChangedItem(string Key, ListItem Before, ListItem After, IReadOnlyList<FieldChange> Changes);

/// <summary>What changed from one version of a list to another.</summary>
public sealed record ListDifference(IReadOnlyList<ListItem> Added, IReadOnlyList<ListItem> Removed, IReadOnlyList<ChangedItem> Changed, int Unchanged)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}

/// <summary>
/// The field-by-field difference between two versions of a list. Items are matched by the kind's key column
/// (事项名称, 项目 …): an item only in the newer version is added, only in the older removed, in both with any other
/// field different changed (each field named with before and after). Values compare after trimming, so a stray space
/// is no change. A key repeated within a version (old data before the rules) pairs first with first, second with second,
/// so nothing is lost from the report. Added and changed items come in the newer version's order, removed in the older's.
/// </summary>
public static class ListDiff
{
    public static ListDifference Compute(ListKind kind, IReadOnlyList<ListItem> older, IReadOnlyList<ListItem> newer)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var olderByKey = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < older.Count; i++)
        {
            var key = older[i][kind.KeyColumn];
            if (!olderByKey.TryGetValue(key, out var queue))
            {
                olderByKey[key] = queue = new Queue<int>();
            }

            queue.Enqueue(i);
        }

        var matched = new bool[older.Count];
        var added = new List<ListItem>();
        var changed = new List<ChangedItem>();
        var unchanged = 0;
        foreach (var item in newer)
        {
            var key = item[kind.KeyColumn];
            if (!olderByKey.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                added.Add(item);
                continue;
            }

            var index = queue.Dequeue();
            matched[index] = true;
            var before = older[index];
            var changes = kind.Columns
                .Where(c => !string.Equals(before[c.Key], item[c.Key], StringComparison.Ordinal))
                .Select(c => new FieldChange(c, before[c.Key], item[c.Key]))
                .ToList();
            if (changes.Count == 0)
            {
                unchanged++;
            }
            else
            {
                changed.Add(new ChangedItem(key, before, item, changes));
            }
        }

        var removed = older.Where((_, i) => !matched[i]).ToList();
        return new ListDifference(added, removed, changed, unchanged);
    }
}
