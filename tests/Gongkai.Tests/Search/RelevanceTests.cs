using System.Globalization;
using System.Security.Cryptography;
using Gongkai.Search.Analysis;
using Gongkai.Search.Indexing;
using Gongkai.Search.Querying;
using Microsoft.Extensions.DependencyInjection;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Search;

/// <summary>
/// Ranking quality on the law corpus, imported and indexed the production way (<see cref="CorpusIndexFixture"/>),
/// measured with judged queries written before the ranking was tuned. The set is split once, deterministically
/// (SHA-256 of the line, first byte mod 10 below 3 goes to held-out), into relevance/tuning.tsv, which ranking work
/// may look at, and relevance/held-out.tsv, on which the floors are measured and which tuning commits never touch
/// (its hash is checked below). MRR@10, recall@10 and nDCG@10 are reported for the whole set and the held-out part;
/// the floors are the level a citizen needs (issue 12), not the level reached: MRR@10 ≥ 0.85 and recall@10 ≥ 0.95 on the
/// whole set, both ≥ 0.80 on the held-out part.
/// Ranking does not depend on the database, so scripts/test runs this once, in the SQLite pass.
/// </summary>
[Trait(TestTraits.Database, TestTraits.Once)]
public sealed class RelevanceTests(CorpusIndexFixture corpus, ITestOutputHelper output) : IClassFixture<CorpusIndexFixture>
{
    public const double WholeMrrFloor = 0.85;
    public const double WholeRecallFloor = 0.95;
    public const double HeldOutFloor = 0.80;

    /// <summary>Changing the held-out file needs this updated in its own reviewed commit (docs/ARCHITECTURE.md, Tests).</summary>
    public const string HeldOutSha256 = "df1475ecb626d85068bd902eaf6d8912df88cc0b19690e3a31b1c589d453c5c2";

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
        Assert.True(tuning + heldOut >= 200, $"the relevance set needs at least 200 queries, has {tuning + heldOut}");
        Assert.True(heldOut >= 60, $"the held-out part needs at least 60 queries, has {heldOut}");
        Assert.InRange((double)heldOut / (tuning + heldOut), 0.2, 0.4);
    }

    [Fact]
    public void Judged_queries_find_their_documents_in_the_top_ten()
    {
        Assert.SkipUnless(corpus.Available, $"the law corpus is not at {LawCorpus.Folder} (set GONGKAI_LAW_CORPUS)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import: {corpus.Import!.Imported} new, {corpus.Import.Rejected.Count} rejected in {corpus.ImportTime.TotalSeconds:F1} s; index: {corpus.IndexedDocuments} documents in {corpus.IndexingTime.TotalSeconds:F1} s"));

        // Every file of the law corpus is a law-library document: none is attributed to the body it was imported into.
        Assert.Equal(corpus.Import.Imported, corpus.Import.References);
        output.WriteLine($"library: {corpus.Import.References} reference documents, {corpus.Import.Notes.Count} fields left empty or overrides unused");

        var tuning = Measure("tuning.tsv");
        var heldOut = Measure("held-out.tsv");
        var whole = Metrics.Combine(tuning, heldOut);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Search relevance: whole ({whole}); held-out ({heldOut}); tuning ({tuning})"));
        output.WriteLine($"whole: {whole}; held-out: {heldOut}; tuning: {tuning}");

        Assert.True(whole.Mrr >= WholeMrrFloor, $"whole-set MRR@10 is {whole.Mrr:F3} (floor {WholeMrrFloor})");
        Assert.True(whole.Recall >= WholeRecallFloor, $"whole-set recall@10 is {whole.Recall:F3} (floor {WholeRecallFloor})");
        Assert.True(heldOut.Mrr >= HeldOutFloor, $"held-out MRR@10 is {heldOut.Mrr:F3} (floor {HeldOutFloor})");
        Assert.True(heldOut.Recall >= HeldOutFloor, $"held-out recall@10 is {heldOut.Recall:F3} (floor {HeldOutFloor})");
    }

    /// <summary>
    /// What each part of the ranking adds, measured on the tuning part only (the held-out part is never read here):
    /// the jurisdiction and authority prior off, each section of the default synonym file removed, and each synonym
    /// group removed on the queries it touches. Printed as a report; the assertion is only that the shipped setting
    /// is at least as good as each ablation on the whole tuning part.
    /// </summary>
    [Fact]
    public void Ablation_report_on_the_tuning_part()
    {
        Assert.SkipUnless(corpus.Available, $"the law corpus is not at {LawCorpus.Folder} (set GONGKAI_LAW_CORPUS)");
        var judgments = ReadJudgments("tuning.tsv");
        var index = corpus.Services.GetRequiredService<SearchIndex>();
        var shipped = new SynonymSet(SynonymSet.DefaultGroups);
        var full = Score(judgments, index, shipped, RankingPrior.Default);
        output.WriteLine($"shipped: {full}");
        var noPrior = Score(judgments, index, shipped, RankingPrior.None);
        output.WriteLine($"without the authority and jurisdiction prior: {noPrior}");
        foreach (var weight in new[] { 0.3f, 0.55f, 0.7f })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"other regions ×{weight}: {Score(judgments, index, shipped, RankingPrior.Default with { OtherRegion = weight })}"));
        }

        var noSynonyms = Score(judgments, index, SynonymSet.Empty, RankingPrior.Default);
        output.WriteLine($"without any synonym: {noSynonyms}");
        Assert.True(full.Mrr >= noPrior.Mrr && full.Mrr >= noSynonyms.Mrr, "the shipped ranking is worse than an ablation");

        foreach (var section in SynonymSet.DefaultSections.Select(g => g.Section).Distinct())
        {
            var without = new SynonymSet(SynonymSet.DefaultSections.Where(g => g.Section != section).Select(g => g.Words));
            output.WriteLine($"without section {section}: {Score(judgments, index, without, RankingPrior.Default)}");
        }

        int helps = 0, neutral = 0, hurts = 0, unused = 0;
        foreach (var (section, words) in SynonymSet.DefaultSections)
        {
            var touched = judgments.Where(j => words.Any(w => TextFolding.Fold(j.Query).Contains(w, StringComparison.Ordinal))).ToList();
            if (touched.Count == 0)
            {
                unused++;
                continue;
            }

            var without = new SynonymSet(SynonymSet.DefaultSections.Where(g => g.Words != words).Select(g => g.Words));
            var (with, withoutScore) = (Score(touched, index, shipped, RankingPrior.Default), Score(touched, index, without, RankingPrior.Default));
            var delta = with.Mrr + with.Recall - withoutScore.Mrr - withoutScore.Recall;
            if (delta > 1e-9)
            {
                helps++;
            }
            else if (delta < -1e-9)
            {
                hurts++;
            }
            else
            {
                neutral++;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"group [{section}] {string.Join("，", words)}: {touched.Count} queries, MRR {withoutScore.Mrr:F3} → {with.Mrr:F3}, recall {withoutScore.Recall:F3} → {with.Recall:F3}"));
        }

        output.WriteLine($"groups: {helps} help, {neutral} neutral, {hurts} hurt on the queries they touch; {unused} touch no tuning query");
    }

    private Metrics Score(List<(string Query, HashSet<string> Expected)> judgments, SearchIndex index, SynonymSet synonyms, RankingPrior prior)
    {
        double rr = 0, recall = 0, ndcg = 0;
        foreach (var (query, paths) in judgments)
        {
            var expected = paths.Select(p => corpus.IdByPath[p]).ToHashSet(StringComparer.Ordinal);
            var ranked = index.Search(new SearchRequest(query, Size: 10), synonyms, prior).Items.Select(h => h.IndexNo).ToList();
            var first = ranked.FindIndex(expected.Contains);
            rr += first >= 0 ? 1.0 / (first + 1) : 0;
            recall += (double)ranked.Count(expected.Contains) / Math.Min(expected.Count, 10);
            ndcg += ranked.Select((id, i) => expected.Contains(id) ? 1 / Math.Log2(i + 2) : 0).Sum() / Enumerable.Range(0, Math.Min(expected.Count, 10)).Sum(i => 1 / Math.Log2(i + 2));
        }

        return new Metrics(judgments.Count, rr, recall, ndcg);
    }

    /// <summary>Sums over a part of the set; the means are what is reported.</summary>
    private sealed record Metrics(int Queries, double ReciprocalRanks, double Recalls, double Ndcgs)
    {
        public double Mrr => ReciprocalRanks / Queries;

        public double Recall => Recalls / Queries;

        public double Ndcg => Ndcgs / Queries;

        public static Metrics Combine(Metrics a, Metrics b) =>
            new(a.Queries + b.Queries, a.ReciprocalRanks + b.ReciprocalRanks, a.Recalls + b.Recalls, a.Ndcgs + b.Ndcgs);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Queries} queries: MRR@10 = {Mrr:F3}, recall@10 = {Recall:F3}, nDCG@10 = {Ndcg:F3}");
    }

    private Metrics Measure(string file)
    {
        var judgments = ReadJudgments(file);
        double reciprocalRanks = 0, recall = 0, ndcg = 0;
        output.WriteLine($"— {file}");
        foreach (var (query, expectedPaths) in judgments)
        {
            var unknown = expectedPaths.Where(p => !corpus.IdByPath.ContainsKey(p)).ToList();
            Assert.True(unknown.Count == 0, $"{file}: “{query}” names files the import did not bring in: {string.Join(", ", unknown)}");
            var expected = expectedPaths.Select(p => corpus.IdByPath[p]).ToHashSet(StringComparer.Ordinal);
            var result = corpus.Search.Search(new SearchRequest(query, Size: 10));
            var ranked = result.Items.Select(h => h.IndexNo).ToList();
            var firstRelevant = ranked.FindIndex(expected.Contains);
            reciprocalRanks += firstRelevant >= 0 ? 1.0 / (firstRelevant + 1) : 0;
            recall += (double)ranked.Count(expected.Contains) / Math.Min(expected.Count, 10);
            // Binary gains: DCG over the relevant ranks, divided by the DCG of a list that starts with all of them.
            var dcg = ranked.Select((id, i) => expected.Contains(id) ? 1 / Math.Log2(i + 2) : 0).Sum();
            var ideal = Enumerable.Range(0, Math.Min(expected.Count, 10)).Sum(i => 1 / Math.Log2(i + 2));
            ndcg += dcg / ideal;
            // Only the tuning part's misses are printed: the held-out part is reported as figures alone.
            var missing = expectedPaths.Where(p => !ranked.Contains(corpus.IdByPath[p])).ToList();
            if ((firstRelevant != 0 || (missing.Count > 0 && ranked.Count(expected.Contains) < Math.Min(expected.Count, 10))) && file == "tuning.tsv")
            {
                output.WriteLine($"{query} → not in top 10: {string.Join(", ", missing)}");
                output.WriteLine($"{query} → rank {(firstRelevant < 0 ? "-" : (firstRelevant + 1).ToString(CultureInfo.InvariantCulture))}; top: {string.Join(" | ", result.Items.Take(3).Select(h => h.Title))}");
            }
        }

        var metrics = new Metrics(judgments.Count, reciprocalRanks, recall, ndcg);
        output.WriteLine($"{file}: {metrics}");
        return metrics;
    }

    private static string JudgmentFile(string name) => Path.Combine(AppContext.BaseDirectory, "Search", "relevance", name);

    private static List<(string Query, HashSet<string> Expected)> ReadJudgments(string file) =>
        File.ReadAllLines(JudgmentFile(file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1].Split('|').ToHashSet(StringComparer.Ordinal)))
            .ToList();
}
