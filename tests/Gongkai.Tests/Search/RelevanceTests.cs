using System.Globalization;
using Gongkai.Search.Querying;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Search;

/// <summary>
/// Ranking quality on the law corpus, measured with the judged queries in relevance/queries.tsv (written before the
/// ranking was tuned). Reports MRR@10 and recall@10 and fails when either drops below the level reached — raise the
/// floors when ranking improves, never lower them.
/// This test touches no database, so it runs only in the SQLite (or default) pass of scripts/test: running it again in
/// the PostgreSQL pass would measure exactly the same thing.
/// </summary>
public sealed class RelevanceTests(CorpusIndexFixture corpus, ITestOutputHelper output) : IClassFixture<CorpusIndexFixture>
{
    public const double MrrFloor = 0.62;
    public const double RecallFloor = 0.79;

    [Fact]
    public void Judged_queries_find_their_documents_in_the_top_ten()
    {
        if (TestDatabase.RunningOnPostgres)
        {
            return; // provider-independent: measured once, in the SQLite pass
        }

        var judgments = ReadJudgments();
        Assert.True(judgments.Count >= 60, "the relevance set needs at least 60 queries");
        double reciprocalRanks = 0, recall = 0;
        var misses = new List<string>();
        foreach (var (query, expected) in judgments)
        {
            var result = corpus.Index.Search(new SearchRequest(query, Size: 10), SynonymSet.Defaults);
            var ranked = result.Items.Select(h => h.IndexNo).ToList();
            var firstRelevant = ranked.FindIndex(expected.Contains);
            reciprocalRanks += firstRelevant >= 0 ? 1.0 / (firstRelevant + 1) : 0;
            recall += (double)ranked.Count(expected.Contains) / Math.Min(expected.Count, 10);
            if (firstRelevant != 0)
            {
                misses.Add($"{query} → rank {(firstRelevant < 0 ? "-" : (firstRelevant + 1).ToString(CultureInfo.InvariantCulture))}; top: {string.Join(" | ", result.Items.Take(3).Select(h => h.Title))}");
            }
        }

        var mrr = reciprocalRanks / judgments.Count;
        var meanRecall = recall / judgments.Count;
        output.WriteLine($"{corpus.DocumentCount} documents indexed in {corpus.IndexingTime.TotalSeconds:F1} s; {judgments.Count} queries");
        output.WriteLine($"MRR@10 = {mrr:F3}, recall@10 = {meanRecall:F3}");
        Console.WriteLine($"Search relevance: MRR@10 = {mrr:F3}, recall@10 = {meanRecall:F3} over {judgments.Count} queries");
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(mrr >= MrrFloor, $"MRR@10 fell to {mrr:F3} (floor {MrrFloor})");
        Assert.True(meanRecall >= RecallFloor, $"recall@10 fell to {meanRecall:F3} (floor {RecallFloor})");
    }

    private static List<(string Query, HashSet<string> Expected)> ReadJudgments() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Search", "relevance", "queries.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1].Split('|').ToHashSet(StringComparer.Ordinal)))
            .ToList();
}
