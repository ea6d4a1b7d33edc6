namespace Gongkai.Publishing.Rules;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>One line of a difference: kept, only in the old text, or only in the new one.</summary>
public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>
/// The line-by-line difference between two texts (a document's readable body, paragraph per line), as a reviewer reads
/// a correction: the longest common subsequence of lines is kept, the rest shows as removed then added, in reading order.
/// Lines compare after trimming and blank lines are skipped, so re-wrapping is no change. Quadratic in lines; a document
/// has hundreds at most. No I/O.
/// </summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffLine> Lines(string older, string newer)
    {
        var a = Split(older);
        var b = Split(newer);
        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal)
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                lines.Add(new DiffLine(DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (common[x + 1, y] >= common[x, y + 1])
            {
                lines.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        lines.AddRange(a.Skip(x).Select(t => new DiffLine(DiffKind.Removed, t)));
        lines.AddRange(b.Skip(y).Select(t => new DiffLine(DiffKind.Added, t)));
        return lines;
    }

    public static bool HasChanges(IReadOnlyList<DiffLine> lines) => lines.Any(l => l.Kind != DiffKind.Same);

    private static string[] Split(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
}
