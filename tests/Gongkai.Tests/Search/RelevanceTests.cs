using System.Globalization;
using System.Security.Cryptography;
using Gongkai.Search.Querying;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Search;

/// <summary>
/// Ranking quality on the law corpus, imported and indexed the production way (<see cref="CorpusIndexFixture"/>),
/// measured with judged queries written before the ranking was tuned. The set is split once, deterministically
/// (SHA-256 of the line, first byte mod 10 below 3 goes to held-out), into relevance/tuning.tsv, which ranking work
/// may look at, and relevance/held-out.tsv, on which the floors are measured and which tuning commits never touch
/// (its hash is checked below). MRR@10 and recall@10 are reported for both parts.
/// Ranking does not depend on the database, so scripts/test runs this once, in the SQLite pass.
/// </summary>
[Trait(TestTraits.Database, TestTraits.Once)]
public sealed class RelevanceTests(CorpusIndexFixture corpus, ITestOutputHelper output) : IClassFixture<CorpusIndexFixture>
{
    public const double MrrFloor = 0.62;
    public const double RecallFloor = 0.79;

    /// <summary>Changing the held-out file needs this updated in its own reviewed commit (docs/ARCHITECTURE.md, Tests).</summary>
    public const string HeldOutSha256 = "3c8821ca1899ec8cf9efec9a989a9671fc3be5d731796250a723884c6903abf7";

    [Fact]
    public void The_held_out_judgments_are_the_reviewed_ones()
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(JudgmentFile("held-out.tsv"))));
        Assert.True(actual == HeldOutSha256, $"relevance/held-out.tsv changed (SHA-256 {actual}); held-out judgments change only in a separate, reviewed commit that updates {nameof(HeldOutSha256)}");
    }

    [Fact]
    public void The_judged_set_is_large_enough_and_split_about_seventy_thirty()
    {
        var (tuning, heldOut) = (ReadJudgments("tuning.tsv").Count, ReadJudgments("held-out.tsv").Count);
        Assert.True(tuning + heldOut >= 60, $"the relevance set needs at least 60 queries, has {tuning + heldOut}");
        Assert.InRange((double)heldOut / (tuning + heldOut), 0.2, 0.4);
    }

    [Fact]
    public void Held_out_queries_find_their_documents_in_the_top_ten()
    {
        Assert.SkipUnless(corpus.Available, $"the law corpus is not at {LawCorpus.Folder} (set GONGKAI_LAW_CORPUS)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import: {corpus.Import!.Imported} new, {corpus.Import.Rejected.Count} rejected in {corpus.ImportTime.TotalSeconds:F1} s; index: {corpus.IndexedDocuments} documents in {corpus.IndexingTime.TotalSeconds:F1} s"));

        var tuning = Measure("tuning.tsv");
        var heldOut = Measure("held-out.tsv");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Search relevance (held-out, {heldOut.Queries} queries): MRR@10 = {heldOut.Mrr:F3}, recall@10 = {heldOut.Recall:F3}; tuning ({tuning.Queries}): MRR@10 = {tuning.Mrr:F3}, recall@10 = {tuning.Recall:F3}"));

        Assert.True(heldOut.Mrr >= MrrFloor, $"held-out MRR@10 fell to {heldOut.Mrr:F3} (floor {MrrFloor})");
        Assert.True(heldOut.Recall >= RecallFloor, $"held-out recall@10 fell to {heldOut.Recall:F3} (floor {RecallFloor})");
    }

    private (int Queries, double Mrr, double Recall) Measure(string file)
    {
        var judgments = ReadJudgments(file);
        double reciprocalRanks = 0, recall = 0;
        output.WriteLine($"— {file}");
        foreach (var (query, expectedPaths) in judgments)
        {
            var unknown = expectedPaths.Where(p => !corpus.IndexNoByPath.ContainsKey(p)).ToList();
            Assert.True(unknown.Count == 0, $"{file}: “{query}” names files the import did not bring in: {string.Join(", ", unknown)}");
            var expected = expectedPaths.Select(p => corpus.IndexNoByPath[p]).ToHashSet(StringComparer.Ordinal);
            var result = corpus.Search.Search(new SearchRequest(query, Size: 10));
            var ranked = result.Items.Select(h => h.IndexNo).ToList();
            var firstRelevant = ranked.FindIndex(expected.Contains);
            reciprocalRanks += firstRelevant >= 0 ? 1.0 / (firstRelevant + 1) : 0;
            recall += (double)ranked.Count(expected.Contains) / Math.Min(expected.Count, 10);
            if (firstRelevant != 0)
            {
                output.WriteLine($"{query} → rank {(firstRelevant < 0 ? "-" : (firstRelevant + 1).ToString(CultureInfo.InvariantCulture))}; top: {string.Join(" | ", result.Items.Take(3).Select(h => h.Title))}");
            }
        }

        var (mrr, meanRecall) = (reciprocalRanks / judgments.Count, recall / judgments.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {judgments.Count} queries, MRR@10 = {mrr:F3}, recall@10 = {meanRecall:F3}"));
        return (judgments.Count, mrr, meanRecall);
    }

    private static string JudgmentFile(string name) => Path.Combine(AppContext.BaseDirectory, "Search", "relevance", name);

    private static List<(string Query, HashSet<string> Expected)> ReadJudgments(string file) =>
        File.ReadAllLines(JudgmentFile(file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1].Split('|').ToHashSet(StringComparer.Ordinal)))
            .ToList();
}
