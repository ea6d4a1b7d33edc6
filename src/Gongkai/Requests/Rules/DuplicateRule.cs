namespace Gongkai.Requests.Rules;

/// <summary>The parts of an application that make it look like another one.</summary>
public sealed record ApplicationFingerprint(string TrackingNumber, string IdNumber, string Name, string Phone, string Description, DateOnly ReceivedOn);

/// <summary>
/// Flags applications that look like a repeat of another: the same applicant (same ID number, or same name and phone)
/// asking for something similar (character-bigram Jaccard similarity of the descriptions at least
/// <see cref="SimilarityThreshold"/>) within <see cref="WindowDays"/> calendar days. A flag is a hint for the officer,
/// never a refusal: only the officer decides 重复申请. Pure.
/// </summary>
public sealed class DuplicateRule(int windowDays = DuplicateRule.DefaultWindowDays, double similarityThreshold = DuplicateRule.DefaultSimilarityThreshold)
{
    public const int DefaultWindowDays = 30;
    public const double DefaultSimilarityThreshold = 0.6;

    public int WindowDays { get; } = windowDays;

    public double SimilarityThreshold { get; } = similarityThreshold;

    /// <summary>Whether the two come from the same applicant.</summary>
    public static bool SameApplicant(ApplicationFingerprint a, ApplicationFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Normalize(a.IdNumber) is { Length: > 0 } id && id == Normalize(b.IdNumber))
        {
            return true;
        }

        return Normalize(a.Name) is { Length: > 0 } name && name == Normalize(b.Name)
            && Digits(a.Phone) is { Length: > 0 } phone && phone == Digits(b.Phone);
    }

    /// <summary>Jaccard similarity of the sets of character bigrams, ignoring spaces and punctuation; 0–1.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 && y.Count == 0)
        {
            return 0;
        }

        var common = x.Count(y.Contains);
        return (double)common / (x.Count + y.Count - common);
    }

    /// <summary>The earlier or later applications in <paramref name="others"/> that <paramref name="candidate"/> looks
    /// like a repeat of, most similar first.</summary>
    public IReadOnlyList<(ApplicationFingerprint Other, double Similarity)> Matches(ApplicationFingerprint candidate, IEnumerable<ApplicationFingerprint> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        return others
            .Where(o => o.TrackingNumber != candidate.TrackingNumber)
            .Where(o => Math.Abs(o.ReceivedOn.DayNumber - candidate.ReceivedOn.DayNumber) <= WindowDays)
            .Where(o => SameApplicant(candidate, o))
            .Select(o => (Other: o, Similarity: Similarity(candidate.Description, o.Description)))
            .Where(m => m.Similarity >= SimilarityThreshold)
            .OrderByDescending(m => m.Similarity)
            .ToList();
    }

    private static HashSet<string> Bigrams(string text)
    {
        var letters = Normalize(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (letters.Length == 1)
        {
            set.Add(letters);
        }

        for (var i = 0; i + 1 < letters.Length; i++)
        {
            set.Add(letters.Substring(i, 2));
        }

        return set;
    }

    private static string Normalize(string? text) =>
        new((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string Digits(string? text) => new((text ?? "").Where(char.IsAsciiDigit).ToArray());
}
