using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Safeguards;

namespace Gongkai.UnitTests.Safeguards;

/// <summary>Precision and recall per kind over the labelled quality set (quality/*.txt, format in quality/README.md).
/// A finding counts as correct when an expected finding of the same kind overlaps it; each expected finding is
/// matched once. The floors below are the levels reached: raise them when the checks improve, never lower them.</summary>
public sealed partial class SafeguardsQualityTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, (double Precision, double Recall)> Floors = new(StringComparer.Ordinal)
    {
        ["id-number"] = (1.000, 1.000),
        ["mobile"] = (1.000, 1.000),
        ["landline"] = (1.000, 0.833),
        ["bank-card"] = (1.000, 1.000),
        ["email"] = (1.000, 1.000),
        ["passport"] = (1.000, 1.000),
        ["address"] = (0.954, 1.000),
        ["person-name"] = (1.000, 0.991),
        ["plate"] = (1.000, 1.000),
        ["outdated-name"] = (1.000, 1.000),
        ["miswriting"] = (1.000, 1.000),
        ["formulation"] = (1.000, 1.000),
        ["sensitive-word"] = (1.000, 1.000),
        ["leader-title"] = (1.000, 1.000),
    };

    [Fact]
    public void The_quality_set_has_at_least_300_snippets_covering_every_kind()
    {
        var snippets = LoadSnippets();
        Assert.True(snippets.Count >= 300, $"only {snippets.Count} snippets");
        var kinds = snippets.SelectMany(s => s.Expected).Select(e => e.Kind).ToHashSet();
        Assert.All(FindingKinds.TextKinds, kind => Assert.Contains(kind.Code(), kinds));
    }

    [Fact]
    public void Precision_and_recall_per_kind_do_not_fall_below_the_recorded_level()
    {
        var counts = FindingKinds.TextKinds.ToDictionary(k => k.Code(), _ => (TruePositives: 0, Found: 0, Expected: 0));
        var misses = new StringBuilder();
        foreach (var snippet in LoadSnippets())
        {
            var found = SafeguardsTestData.Check(snippet.Text, snippet.DocumentDate).Findings;
            var unmatched = snippet.Expected.ToList();
            foreach (var finding in found)
            {
                var code = finding.Kind.Code();
                var c = counts[code];
                c.Found++;
                var match = unmatched.FirstOrDefault(e => e.Kind == code && e.Start < finding.End && finding.Start < e.Start + e.Length);
                if (match is not null)
                {
                    unmatched.Remove(match);
                    c.TruePositives++;
                }
                else
                {
                    misses.AppendLine(CultureInfo.InvariantCulture, $"false {code} “{finding.Text}” in {snippet.Source}: {snippet.Text}");
                }

                counts[code] = c;
            }

            foreach (var expected in snippet.Expected)
            {
                var c = counts[expected.Kind];
                c.Expected++;
                counts[expected.Kind] = c;
            }

            foreach (var missed in unmatched)
            {
                misses.AppendLine(CultureInfo.InvariantCulture, $"missed {missed.Kind} “{snippet.Text.AsSpan(missed.Start, missed.Length)}” in {snippet.Source}: {snippet.Text}");
            }
        }

        var failures = new List<string>();
        foreach (var (kind, c) in counts)
        {
            var precision = c.Found == 0 ? 1.0 : (double)c.TruePositives / c.Found;
            var recall = c.Expected == 0 ? 1.0 : (double)c.TruePositives / c.Expected;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-15} precision {precision:0.000} ({c.TruePositives}/{c.Found})  recall {recall:0.000} ({c.TruePositives}/{c.Expected})"));
            var floor = Floors[kind];
            if (precision < floor.Precision || recall < floor.Recall)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{kind}: precision {precision:0.000} (floor {floor.Precision}), recall {recall:0.000} (floor {floor.Recall})"));
            }
        }

        output.WriteLine(misses.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    internal sealed record Expected(string Kind, int Start, int Length);

    internal sealed record Snippet(string Source, string Text, DateOnly DocumentDate, IReadOnlyList<Expected> Expected);

    internal static List<Snippet> LoadSnippets()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Safeguards", "quality");
        var snippets = new List<Snippet>();
        foreach (var file in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            string? header = null;
            var body = new StringBuilder();
            var line = 0;
            var startLine = 0;
            foreach (var raw in File.ReadLines(file))
            {
                line++;
                if (raw.StartsWith("===", StringComparison.Ordinal))
                {
                    Flush();
                    header = raw[3..].Trim();
                    startLine = line;
                    continue;
                }

                if (header is null || raw.StartsWith('#'))
                {
                    continue;
                }

                if (body.Length > 0)
                {
                    body.Append('\n');
                }

                body.Append(raw);
            }

            Flush();

            void Flush()
            {
                if (header is not null && body.Length > 0)
                {
                    var date = header.Length > 0 ? DateOnly.ParseExact(header, "yyyy-MM-dd", CultureInfo.InvariantCulture) : new DateOnly(2024, 5, 1);
                    snippets.Add(Parse($"{name}:{startLine}", body.ToString(), date));
                }

                body.Clear();
            }
        }

        return snippets;
    }

    private static Snippet Parse(string source, string marked, DateOnly date)
    {
        var expanded = Placeholder().Replace(marked, m => m.Groups[1].Value switch
        {
            "id" => SafeguardsTestData.Id(m.Groups[2].Value),
            "badid" => SafeguardsTestData.BadId(m.Groups[2].Value),
            "card" => SafeguardsTestData.Card(m.Groups[2].Value),
            var other => throw new FormatException($"unknown placeholder {other} in {source}"),
        });
        var text = new StringBuilder();
        var expected = new List<Expected>();
        var position = 0;
        foreach (Match m in Label().Matches(expanded))
        {
            text.Append(expanded, position, m.Index - position);
            if (!FindingKinds.TryParse(m.Groups[1].Value, out _))
            {
                throw new FormatException($"unknown kind {m.Groups[1].Value} in {source}");
            }

            expected.Add(new Expected(m.Groups[1].Value, text.Length, m.Groups[2].Length));
            text.Append(m.Groups[2].Value);
            position = m.Index + m.Length;
        }

        text.Append(expanded, position, expanded.Length - position);
        return new Snippet(source, text.ToString(), date, expected);
    }

    [GeneratedRegex(@"\{(id|badid|card):(\d+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\[\[([a-z-]+)\|(.+?)\]\]")]
    private static partial Regex Label();
}
