using System.Diagnostics;
using System.Globalization;
using Gongkai.Search.Indexing;
using Gongkai.Search.Querying;

namespace Gongkai.Bench;

/// <summary>
/// Search load scenario (not a BenchmarkDotNet suite: it needs concurrent clients and percentiles):
/// <c>dotnet run -c Release --project bench/Gongkai.Bench -- search-load /work/shared/corpus/laws</c>.
/// Indexes the law corpus through the product's analyzer and mapping (time, index size, peak memory), then runs
/// 8 concurrent clients issuing 2–4-character queries with facets for 20 s (p50/p99), then measures how long a
/// document takes from upsert+commit to being found (index-level publish-to-searchable, 200 samples).
/// </summary>
internal static class SearchLoad
{
    private static readonly string[] Queries =
    [
        "低保", "公积金", "社保", "医保", "垃圾", "噪声", "物业", "消防", "食品", "药品", "工伤", "失业", "养老", "献血", "校车", "护照",
        "身份证", "居住证", "税收", "发票", "专利", "商标", "广告", "价格", "快递", "网络", "数据", "律师", "公证", "兵役",
        "垃圾分类", "安全生产", "劳动合同", "社会保险", "个人信息", "道路交通", "野生动物", "义务教育", "法律援助", "政府采购",
        "环境", "土地", "征收", "补偿", "许可", "复议", "信访", "档案", "统计", "慈善",
    ];

    /// <param name="corpusFolder">The law corpus.</param>
    /// <param name="keptIndex">Optional folder to keep the index in; when it already holds one, indexing is skipped (to
    /// repeat the query measurements without re-indexing). The visibility samples are written to a copy, so a kept
    /// index stays as built.</param>
    public static void Run(string corpusFolder, string? keptIndex = null)
    {
        var root = keptIndex ?? Path.Combine(Path.GetTempPath(), "gongkai-bench-search", Guid.NewGuid().ToString("N"));
        if (keptIndex is null || SearchIndex.CurrentGenerationName(root) is null)
        {
            BuildIndex(corpusFolder, root);
        }
        else
        {
            Console.WriteLine($"reusing the index in {root} (delete the folder to measure indexing again)");
        }

        using (var index = SearchIndex.Open(root))
        {
            for (var i = 0; i < 200; i++)
            {
                index.Search(new SearchRequest(Queries[i % Queries.Length]), SynonymSet.Defaults); // warm-up
            }
        }

        SearchPhases.Print(root, Queries);
        using (var index = SearchIndex.Open(root))
        {
            MeasureQueries(index);
        }

        var copy = CopyIndex(root);
        using (var index = SearchIndex.Open(copy))
        {
            MeasureVisibility(index);
        }

        Directory.Delete(copy, recursive: true);
        if (keptIndex is null)
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The 1-, 5- and 15-minute load averages, to say how busy the machine was while measuring.</summary>
    private static string CopyIndex(string root)
    {
        var copy = Path.Combine(Path.GetTempPath(), "gongkai-bench-search", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static void BuildIndex(string corpusFolder, string root)
    {
        var name = SearchIndex.NewGenerationName();
        var watch = Stopwatch.StartNew();
        var documents = 0;
        long bytes = 0;
        using (var builder = GenerationBuilder.Create(root, name))
        {
            foreach (var path in Directory.EnumerateFiles(corpusFolder, "*.md", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(path);
                bytes += new FileInfo(path).Length;
                var title = Path.GetFileNameWithoutExtension(path);
                builder.Add(new SearchDocument(Path.GetRelativePath(corpusFolder, path), title, null, "corpus", "法律法规库", [], "法律", "其他",
                    DateTimeOffset.UtcNow.AddDays(-(documents % 3650)), "有效", true, text, [], "/laws/" + documents.ToString(CultureInfo.InvariantCulture)));
                documents++;
            }

            builder.Commit(0);
        }

        var indexTime = watch.Elapsed;
        SearchIndex.PublishGeneration(root, name);
        var size = new DirectoryInfo(Path.Combine(root, name)).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"indexed {documents} documents ({bytes / 1048576.0:F1} MB) in {indexTime.TotalSeconds:F1} s (target ≤ 45 s), merged into one segment; index {size / 1048576.0:F1} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB; load average {BenchMachine.LoadAverage()}"));
    }

    private static void MeasureQueries(SearchIndex index)
    {
        var latencies = new List<double>[8];
        var loadBefore = BenchMachine.LoadAverage();
        var collections = GC.CollectionCount(0);
        var until = DateTime.UtcNow.AddSeconds(20);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, client =>
        {
            var own = latencies[client] = new List<double>(100_000);
            var random = new Random(client);
            while (DateTime.UtcNow < until)
            {
                var started = Stopwatch.GetTimestamp();
                index.Search(new SearchRequest(Queries[random.Next(Queries.Length)]), SynonymSet.Defaults);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        collections = GC.CollectionCount(0) - collections;
        var all = latencies.SelectMany(l => l).Order().ToList();
        var p50 = Percentile(all, 0.50);
        var p99 = Percentile(all, 0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"8 clients, 2–4-character queries with facets, top 10 with snippets: {all.Count} queries in 20 s ({all.Count / 20.0:F0}/s); p50 {p50:F2} ms, p99 {p99:F2} ms (target p50 ≤ 5, p99 ≤ 25: {(p50 <= 5 && p99 <= 25 ? "met" : "NOT met")}); {collections} gen-0 collections; load average {loadBefore} before, {BenchMachine.LoadAverage()} after"));
    }

    private static void MeasureVisibility(SearchIndex index)
    {
        var visible = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var id = "bench-" + i.ToString(CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            index.Upsert([new SearchDocument(id, "萤火虫观测站第" + i.ToString(CultureInfo.InvariantCulture) + "号", null, "corpus", "法律法规库", [], "法律", "其他",
                DateTimeOffset.UtcNow, "有效", true, "萤火虫观测站", [], "/x/" + id)]);
            index.Commit(i + 1);
            // Looked up by its index number (an exact identifier match ranks first): the 200 samples share their text
            // and, within one second, their date, so a text query's top page need not hold the newest one.
            if (!index.Search(new SearchRequest(id), SynonymSet.Empty).Items.Any(h => h.IndexNo == id))
            {
                Console.WriteLine($"document {id} not visible after commit");
            }

            visible.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        visible.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"upsert+commit to searchable (index level, 200 samples): p50 {Percentile(visible, 0.50):F1} ms, p99 {Percentile(visible, 0.99):F1} ms (through the application: the search-visibility scenario)"));
    }

    internal static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
