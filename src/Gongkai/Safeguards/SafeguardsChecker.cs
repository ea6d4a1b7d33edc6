using Gongkai.Safeguards.Detection;
using Gongkai.Safeguards.Wording;

namespace Gongkai.Safeguards;

/// <summary>What the checker knows besides the text: the public contacts and heads from the bodies' data, and the
/// word lists. Built once per data version and reused for many checks (thread-safe).</summary>
public sealed class SafeguardsProfile(PublicContacts publicContacts, WordingChecker wording, LeaderTitleCheck leaders, Masker masker, NameStatistics? names = null)
{
    /// <summary>Surnames and given-name statistics (the embedded data unless a test gives its own).</summary>
    public NameStatistics Names { get; } = names ?? Gongkai.Safeguards.Names.EmbeddedNameData.Statistics;

    public PublicContacts PublicContacts { get; } = publicContacts;

    public WordingChecker Wording { get; } = wording;

    public LeaderTitleCheck Leaders { get; } = leaders;

    public Masker Masker { get; } = masker;

    /// <summary>What the personal-data findings of a text depend on besides the text: this build of the detectors and
    /// the bodies' public contact data. A scan of published documents skips a text already scanned under the same
    /// version (issue 13). Profiles built by hand carry the build's version only.</summary>
    public string PersonalRulesVersion { get; init; } = CodeVersion;

    /// <summary>The detectors' build (the assembly's module version id): a new build may find other things.</summary>
    public static string CodeVersion { get; } = typeof(SafeguardsChecker).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>No bodies' data, the default word lists and masking.</summary>
    public static SafeguardsProfile Default { get; } = new(PublicContacts.Empty, new WordingChecker(DefaultWordingLists.All), new LeaderTitleCheck([]), Masker.Default);
}

public sealed record CheckResult(IReadOnlyList<Finding> Findings, string Masked);

/// <summary>Runs every safeguard over a text: personal-data detectors, then wording checks. Findings never overlap
/// (see <see cref="Overlaps"/>); <see cref="CheckResult.Masked"/> is the text with all personal data masked.</summary>
public static class SafeguardsChecker
{
    /// <summary>Longer texts are refused (and the caller says so): a document this long is checked in parts.</summary>
    public const int MaxTextLength = 200_000;

    public static CheckResult Check(string text, DateOnly? documentDate, SafeguardsProfile profile, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength)
        {
            throw new ArgumentException($"文本超过 {MaxTextLength} 个字符的检查上限。", nameof(text));
        }

        var normalized = TextNormalizer.Normalize(text);
        var detections = new List<Hit>();
        new DigitRunDetector(profile.PublicContacts, today).Detect(normalized, detections);
        new EmailDetector(profile.PublicContacts).Detect(normalized, detections);
        new LabelledValueDetector(profile.PublicContacts).Detect(normalized, detections);
        var names = new List<Hit>();
        new PartyNameDetector(profile.PublicContacts, profile.Names).Detect(normalized, names, detections);
        detections.AddRange(names);
        new PlateDetector().Detect(normalized, detections, names);

        var wording = new List<Finding>();
        profile.Wording.Check(text, documentDate, wording);
        profile.Leaders.Check(text, wording);

        // Personal data wins over wording where they overlap: it must be masked whatever the wording.
        var personal = Overlaps.Resolve(detections);
        var findings = personal
            .Select(d =>
            {
                var original = text.Substring(d.Start, d.Length);
                return new Finding(d.Kind, d.Start, d.Length, original, profile.Masker.Mask(d.Kind, original), d.Message);
            })
            .ToList();
        var wordingKept = Overlaps.Resolve(wording.Select(f => new Hit(f.Kind, f.Start, f.Length, f.Message)))
            .Where(d => !findings.Any(p => p.Start < d.End && d.Start < p.End))
            .Select(d => wording.First(f => f.Start == d.Start && f.Length == d.Length && f.Kind == d.Kind));
        findings.AddRange(wordingKept);
        findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        return new CheckResult(findings, Masker.Apply(text, findings));
    }
}
