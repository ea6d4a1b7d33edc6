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

    public static void Run(string corpusFolder)
    {
        var root = Path.Combine(Path.GetTempPath(), "gongkai-bench-search", Guid.NewGuid().ToString("N"));
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
        Console.WriteLine($"indexed {documents} documents ({bytes / 1048576.0:F1} MB) in {indexTime.TotalSeconds:F1} s; index {size / 1048576.0:F1} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");

        using var index = SearchIndex.Open(root);
        for (var i = 0; i < 200; i++)
        {
            index.Search(new SearchRequest(Queries[i % Queries.Length]), SynonymSet.Defaults); // warm-up
        }

        var latencies = new List<double>[8];
        var until = DateTime.UtcNow.AddSeconds(20);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, client =>
        {
            var own = latencies[client] = [];
            var random = new Random(client);
            while (DateTime.UtcNow < until)
            {
                var started = Stopwatch.GetTimestamp();
                index.Search(new SearchRequest(Queries[random.Next(Queries.Length)]), SynonymSet.Defaults);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine($"8 clients, 2–4-character queries with facets: {all.Count} queries in 20 s; p50 {Percentile(all, 0.50):F2} ms, p99 {Percentile(all, 0.99):F2} ms");

        var visible = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var id = "bench-" + i.ToString(CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            index.Upsert([new SearchDocument(id, "萤火虫观测站第" + i.ToString(CultureInfo.InvariantCulture) + "号", null, "corpus", "法律法规库", [], "法律", "其他",
                DateTimeOffset.UtcNow, "有效", true, "萤火虫观测站", [], "/x/" + id)]);
            index.Commit(i + 1);
            if (!index.Search(new SearchRequest("萤火虫观测站", Size: 50), SynonymSet.Empty).Items.Any(h => h.IndexNo == id))
            {
                Console.WriteLine($"document {id} not visible after commit");
            }

            visible.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        visible.Sort();
        Console.WriteLine($"upsert+commit to searchable (index level): p50 {Percentile(visible, 0.50):F1} ms, p99 {Percentile(visible, 0.99):F1} ms");
        index.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
