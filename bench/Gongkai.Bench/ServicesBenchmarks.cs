using BenchmarkDotNet.Attributes;
using Gongkai.Services;
using Gongkai.Services.Rules;

namespace Gongkai.Bench;

/// <summary>The diff page's work on a 5,000-item 权责清单 (issue 17's speed target: render and diff two versions in
/// ≤ 200 ms p95): both versions' stored JSON read back and compared field by field, 100 removed, 50 added, 250 changed.</summary>
[MemoryDiagnoser]
public class ServicesBenchmarks
{
    private string _olderJson = "";
    private string _newerJson = "";
    private IReadOnlyList<ListItem> _older = [];
    private IReadOnlyList<ListItem> _newer = [];

    [GlobalSetup]
    public void Setup()
    {
        ListItem Item(int i, string agency) => ListItem.Of(("type", ListKinds.PowerTypes[i % 10]), ("name", $"对第{i}类事项的行政管理"),
            ("basis", $"《某某管理条例》第{i % 90 + 1}条；《某省实施办法》第{i % 40 + 1}条"), ("agency", agency),
            ("duties", "受理责任、审查责任、决定责任、送达责任、事后监管责任"), ("accountability", "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应当承担相应责任"));
        var older = Enumerable.Range(0, 5000).Select(i => Item(i, $"市第{i % 30}局")).ToList();
        var newer = Enumerable.Range(0, 5000).Where(i => i % 50 != 0).Select(i => Item(i, i % 20 == 1 ? "市新组建局" : $"市第{i % 30}局"))
            .Concat(Enumerable.Range(5000, 50).Select(i => Item(i, "市新组建局"))).ToList();
        _olderJson = ListDesk.WriteItems(ListKinds.Power, older);
        _newerJson = ListDesk.WriteItems(ListKinds.Power, newer);
        _older = older;
        _newer = newer;
    }

    [Benchmark(Baseline = true)]
    public int Diff_5000_items() => ListDiff.Compute(ListKinds.Power, _older, _newer).Changed.Count;

    [Benchmark]
    public int Read_both_versions_and_diff_5000_items() =>
        ListDiff.Compute(ListKinds.Power, ListDesk.ReadItems(_olderJson), ListDesk.ReadItems(_newerJson)).Changed.Count;
}
