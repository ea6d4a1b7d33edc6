using System.Text;
using BenchmarkDotNet.Attributes;
using Gongkai.Safeguards;
using Gongkai.Safeguards.Detection;
using Gongkai.Safeguards.Wording;

namespace Gongkai.Bench;

/// <summary>All safeguards over government text: a long document built from the laws corpus (../shared/corpus/laws/,
/// or the GONGKAI_LAWS_CORPUS directory) with personal data sprinkled in. The target is ≥ 10 MB/s of UTF-8 on one
/// core, i.e. a 1 MB document in ≤ 100 ms and a typical 30 KB document well under 50 ms.</summary>
[MemoryDiagnoser]
public class SafeguardsBenchmarks
{
    private SafeguardsProfile _profile = null!;
    private string _longDocument = "";
    private string _typicalDocument = "";

    [Params(1)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var contacts = new PublicContacts().AddPhone("0816-2221234").AddEmail("xxgk@my.gov.cn").AddAddress("绵阳市涪城区安昌路17号");
        var leaders = new[] { Leader.FromBody("赵立新", "绵阳市人民政府")!, Leader.FromBody("钱雨桐", "绵阳市市场监督管理局")! };
        _profile = new SafeguardsProfile(contacts, new WordingChecker(DefaultWordingLists.All), new LeaderTitleCheck(leaders), Masker.Default);

        var corpus = Environment.GetEnvironmentVariable("GONGKAI_LAWS_CORPUS") ?? FindCorpus();
        var text = new StringBuilder();
        var sprinkle = "当事人：张三，身份证号码11010519491231002X，手机13812345678，家庭住址：绵阳市涪城区临园路东段12号。咨询电话：0816-2221234。";
        foreach (var file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            text.Append(File.ReadAllText(file)).Append('\n').Append(sprinkle).Append('\n');
            if (Encoding.UTF8.GetByteCount(text.ToString()) >= Megabytes * 1024 * 1024)
            {
                break;
            }
        }

        // The API caps one check at SafeguardsChecker.MaxTextLength characters: measure chunks of that size.
        _longDocument = text.ToString();
        _typicalDocument = _longDocument[..Math.Min(_longDocument.Length, 10_000)];
    }

    /// <summary>Bytes of UTF-8 per run, to turn the time into MB/s.</summary>
    public int LongDocumentUtf8Bytes => Encoding.UTF8.GetByteCount(_longDocument);

    [Benchmark(Baseline = true)]
    public int Check_long_document_in_api_sized_chunks()
    {
        var findings = 0;
        for (var start = 0; start < _longDocument.Length; start += SafeguardsChecker.MaxTextLength)
        {
            var chunk = _longDocument.Substring(start, Math.Min(SafeguardsChecker.MaxTextLength, _longDocument.Length - start));
            findings += SafeguardsChecker.Check(chunk, new DateOnly(2024, 5, 1), _profile, new DateOnly(2026, 11, 27)).Findings.Count;
        }

        return findings;
    }

    [Benchmark]
    public int Check_typical_document() =>
        SafeguardsChecker.Check(_typicalDocument, new DateOnly(2024, 5, 1), _profile, new DateOnly(2026, 11, 27)).Findings.Count;

    private static string FindCorpus()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus", "laws");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return "/work/shared/corpus/laws";
    }
}
